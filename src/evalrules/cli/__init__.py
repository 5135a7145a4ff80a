"""The command line: ``evalrules check | extract | rules | rule | plugins``.

Exit status: 0 when no error-level finding, 1 with one, 2 on a usage, input or
configuration error (the other files of a batch are still checked) or an internal error.
Never a traceback: an internal error is one line naming the file (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from evalrules.cli._check import EXIT_ERROR, EXIT_OK, run_check
from evalrules.cli._commands import run_extract, run_plugins, run_rule, run_rules
from evalrules.cli._output import prepare_streams, say, warn
from evalrules.cli._parser import parser
from evalrules.config import find_config
from evalrules.errors import EvalrulesError
from evalrules.plugin import failures
from evalrules.registry import registry

__all__ = ["main"]

COMMANDS = {"check": run_check, "extract": run_extract, "rules": run_rules, "rule": run_rule, "plugins": run_plugins}


def _run(args: argparse.Namespace) -> int:
    try:
        config = find_config()
        args.block = sorted({*args.top_block, *args.block, *config.block})
        reg = registry(frozenset(args.block))
    except EvalrulesError as exc:
        warn(str(exc))
        return EXIT_ERROR
    for failure in failures(reg.pm):
        warn(str(failure))
    return COMMANDS[args.command](args, config, reg)


def main(argv: Sequence[str] | None = None) -> int:
    prepare_streams()
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_OK
    args.debug = args.debug or args.top_debug
    try:
        return _run(args)
    except KeyboardInterrupt:
        warn("已中断")
        return 130
    except Exception as exc:  # the last guard: one line, never a traceback (unless --debug)
        warn(f"内部错误（{type(exc).__name__}: {exc}）。请加 --debug 运行，并把显示的回溯报告给维护者")
        if args.debug:
            say(traceback.format_exc().rstrip(), sys.stderr)
        return EXIT_ERROR
