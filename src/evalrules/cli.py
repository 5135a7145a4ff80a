"""The command line: ``evalrules check | extract | rules | plugins``.

Exit status: 0 when no error-level finding, 1 with one, 2 on a usage, input or
configuration error (the other files of a batch are still checked).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from evalrules import __version__
from evalrules.api import evaluate, extract, load
from evalrules.check.engine import findings as failed
from evalrules.config import Config, find_config
from evalrules.errors import EvalrulesError
from evalrules.format import FileResult
from evalrules.format.builtin import report_json, report_text
from evalrules.format.rules import render_rules
from evalrules.plugin import plugin_infos
from evalrules.registry import registry

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(code.strip() for value in values or () for code in value.split(",") if code.strip())


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--block", action="append", default=[], metavar="PLUGIN", help="do not load this plugin (repeatable)"
    )
    parser = argparse.ArgumentParser(prog="evalrules", description="检查绩效自评报告中的数字与规则")
    parser.add_argument("--version", action="version", version=f"evalrules {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", parents=[common], help="check reports against a ruleset")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--ruleset", help="ruleset name or path to a TOML file (default: chosen by the report's region and kind)"
    )
    check.add_argument("--select", action="append", metavar="CODE", help="report only these code prefixes")
    check.add_argument("--ignore", action="append", metavar="CODE", help="do not report these code prefixes")
    check.add_argument("--format", default="text", help="output format (text, json, or a plugin's)")
    check.add_argument("--show-passed", action="store_true", help="also list the relations that hold")
    check.add_argument(
        "--show-info", action="store_true", help="also list hints (提示): gaps the written precision explains"
    )

    ext = sub.add_parser("extract", parents=[common], help="print the facts read from a report")
    ext.add_argument("file", metavar="FILE")
    ext.add_argument("--format", choices=("text", "json"), default="text")

    rules = sub.add_parser("rules", parents=[common], help="list every rule, its type and source")
    rules.add_argument("--ruleset", help="only this ruleset (name or path)")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")

    sub.add_parser("plugins", parents=[common], help="list plugins, versions and what they provide")
    return parser


def _check(args: argparse.Namespace, config: Config) -> int:
    reg = registry(frozenset(args.block))
    output = reg.formats.get(args.format)
    if output is None:
        print(f"evalrules: 未知的输出格式 {args.format!r}（可用：{'、'.join(sorted(reg.formats))}）", file=sys.stderr)
        return EXIT_ERROR
    forced = args.ruleset or config.ruleset
    select = _codes(args.select) if args.select else config.select
    ignore = _codes(args.ignore) if args.ignore else config.ignore
    try:
        ruleset = reg.ruleset(forced) if forced else None
    except EvalrulesError as exc:
        print(f"evalrules: {exc}", file=sys.stderr)
        return EXIT_ERROR
    results: list[FileResult] = []
    status = EXIT_OK
    for path in args.files:
        try:
            report = extract(load(path, block=args.block), block=args.block)
            applied = ruleset or reg.choose(report)
            evaluations = evaluate(report, applied, select=select, ignore=ignore, block=args.block)
        except EvalrulesError as exc:
            print(f"evalrules: {exc}", file=sys.stderr)
            results.append(FileResult(path, ruleset=ruleset.name if ruleset else None, error=str(exc)))
            status = EXIT_ERROR
            continue
        found = [f for f in failed(evaluations, path) if args.show_info or f.severity != "info"]
        passed = tuple(r for r in evaluations if r.outcome.ok) if args.show_passed else ()
        results.append(
            FileResult(
                path,
                tuple(found),
                passed,
                applied.name,
                applied.title,
                evaluated=sum(1 for r in evaluations if r.outcome.facts),
            )
        )
        if status == EXIT_OK and any(f.severity == "error" for f in found):
            status = EXIT_FINDINGS
    text = output.render(results)
    if text:
        print(text)
    return status


def _extract(args: argparse.Namespace) -> int:
    try:
        report = extract(load(args.file, block=args.block), block=args.block)
    except EvalrulesError as exc:
        print(f"evalrules: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        print(json.dumps(report_json(report), ensure_ascii=False, indent=1))
    else:
        print(report_text(report))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    reg = registry(frozenset(args.block))
    try:
        rulesets = [reg.ruleset(args.ruleset)] if args.ruleset else list(reg.rulesets())
    except EvalrulesError as exc:
        print(f"evalrules: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(render_rules(rulesets, reg.rule_types, args.format, resolved=bool(args.ruleset)))
    return EXIT_OK


def _plugins(args: argparse.Namespace) -> int:
    for info in plugin_infos(registry(frozenset(args.block)).pm):
        print(f"{info.name}  ({info.distribution} {info.version})")
        for provided in info.provides:
            print(f"    {provided}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_OK
    try:
        config = find_config()
    except EvalrulesError as exc:
        print(f"evalrules: {exc}", file=sys.stderr)
        return EXIT_ERROR
    args.block = sorted({*args.block, *config.block})
    if args.command == "check":
        return _check(args, config)
    command = {"extract": _extract, "rules": _rules, "plugins": _plugins}[args.command]
    return command(args)
