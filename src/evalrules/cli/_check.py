"""``evalrules check``: a batch of reports checked, each in its own guard, then written once.

Exit status: 2 when any file could not be checked (or the options are wrong), else 1 when
an error-level finding was reported (0 with ``--exit-zero``), else 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from evalrules.batch import BUDGET_SECONDS, Options, check_files
from evalrules.check.select import unknown_prefixes
from evalrules.cli._inputs import Inputs
from evalrules.cli._output import color_wanted, say, warn
from evalrules.config import Config
from evalrules.errors import EvalrulesError
from evalrules.format import FileResult, OutputFormat
from evalrules.format.summary import statistics, summary_line
from evalrules.format.text import Style
from evalrules.registry import Registry

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "run_check"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PARALLEL_FROM = 48  # files: below this a worker's start costs more than it saves
PROGRESS_FROM = 10  # files: a shorter batch needs no progress bar


class UsageError(Exception):
    """Options that cannot do what was asked; one line, exit 2."""


def _codes(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(code.strip() for value in values or () for code in value.split(",") if code.strip())


def _known_codes(reg: Registry, forced: str | None) -> set[str]:
    rulesets = [reg.ruleset(forced)] if forced else list(reg.rulesets())
    return {code for ruleset in rulesets for code in ruleset.codes}


def _validated(codes: Sequence[str], where: str, known: set[str]) -> tuple[str, ...]:
    for prefix, close in unknown_prefixes(codes, known).items():
        hint = f"；相近的有：{'、'.join(close)}" if close else "；用 evalrules rules 查看全部规则"
        raise UsageError(f"{where} 中的 {prefix!r} 不是任何规则的代码或代码前缀{hint}")
    return tuple(codes)


def _options(args: argparse.Namespace, config: Config, reg: Registry) -> Options:
    forced = args.ruleset or config.ruleset
    known = _known_codes(reg, forced)
    origin = config.path or "配置"
    select = (
        _validated(_codes(args.select), "--select", known) if args.select else _validated(config.select, origin, known)
    )
    ignore = (
        _validated(_codes(args.ignore), "--ignore", known) if args.ignore else _validated(config.ignore, origin, known)
    )
    per_file = tuple((glob, _validated(codes, origin, known)) for glob, codes in config.per_file_ignores)
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout 应为正数（秒）")
    return Options(
        ruleset=forced,
        select=select + _validated(_codes(args.extend_select), "--extend-select", known),
        ignore=ignore + _validated(_codes(args.extend_ignore), "--extend-ignore", known),
        per_file_ignores=per_file,
        block=tuple(args.block),
        show_passed=args.show_passed or args.verbose,
        show_info=args.show_info,
        budget=args.timeout or BUDGET_SECONDS,
    )


def _jobs(requested: int | None, files: int) -> int:
    if requested is not None:
        if requested < 1:
            raise UsageError("--jobs 应为正整数")
        return requested
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if files >= PARALLEL_FROM else 1


@contextmanager
def _progress(total: int, shown: bool) -> Iterator[Callable[[FileResult], None] | None]:
    """A progress bar on standard error for a long batch at a terminal; a no-op otherwise."""
    if not shown or total < PROGRESS_FROM:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("检查"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda result: bar.advance(task)


def _render(output: OutputFormat, results: list[FileResult], args: argparse.Namespace, to_terminal: bool) -> str:
    if args.statistics:
        return statistics(results)
    if output.styled is not None:
        return output.styled(results, Style(color=to_terminal and color_wanted(sys.stdout), quiet=args.quiet))
    return output.render(results)


def _write(text: str, path: str | None) -> None:
    if path is None:
        if text:
            say(text)
        return
    try:
        Path(path).write_text(text + "\n" if text else "", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: 无法写入结果：{exc.strerror or exc}") from None


def _status(results: Sequence[FileResult], exit_zero: bool) -> int:
    if any(r.error for r in results):
        return EXIT_ERROR
    if not exit_zero and any(f.severity == "error" for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def run_check(args: argparse.Namespace, config: Config, reg: Registry) -> int:
    output = reg.formats.get(args.format)
    try:
        if output is None:
            raise UsageError(f"未知的输出格式 {args.format!r}（可用：{'、'.join(sorted(reg.formats))}）")
        options = _options(args, config, reg)
        if options.ruleset:
            reg.ruleset(options.ruleset)  # a wrong --ruleset is one error, not one per file
        inputs = Inputs(
            args.files,
            reg.suffixes,
            include=args.include or config.include,
            exclude=[*config.exclude, *(args.exclude or ())],
            stdin_name=args.stdin_filename,
        )
    except (UsageError, EvalrulesError) as exc:
        warn(str(exc))
        return EXIT_ERROR
    try:
        files = inputs.files()
        if not files:
            warn(f"{'、'.join(args.files)}: 没有找到可检查的报告文件（可读取：{'、'.join(sorted(reg.suffixes))}）")
            return EXIT_ERROR
        if args.output_file and Path(args.output_file).resolve() in {Path(path).resolve() for path, _ in files}:
            raise UsageError(f"{args.output_file}: 是要检查的报告之一，不会用结果覆盖它（请换一个 --output-file）")
        with _progress(len(files), sys.stderr.isatty() and not args.no_progress and not args.quiet) as advance:
            results = check_files(files, options, _jobs(args.jobs, len(files)), advance)
    except UsageError as exc:
        warn(str(exc))
        return EXIT_ERROR
    finally:
        inputs.close()
    for result in results:
        if result.error:
            warn(result.error)
            if args.debug and result.traceback:
                say(result.traceback.rstrip(), sys.stderr)
    try:
        _write(_render(output, results, args, to_terminal=args.output_file is None), args.output_file)
    except UsageError as exc:
        warn(str(exc))
        return EXIT_ERROR
    if not args.quiet:
        human = output.styled is not None and args.output_file is None
        say(summary_line(results), sys.stdout if human else sys.stderr)
    return _status(results, args.exit_zero)
