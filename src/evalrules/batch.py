"""Checking a batch of files: each one loaded, extracted and checked inside its own guard.

A file that cannot be read, a ruleset that is wrong for it, a runaway file past its time
budget, or a bug of ours or of a plugin becomes that file's error; the batch goes on and
every other file gets its result.  With ``jobs`` above one the files are checked in worker
processes, and the results come back in input order, identical to a serial run.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import attrs

from evalrules.check.engine import Result, evaluate, findings, passed_finding
from evalrules.check.select import Selection
from evalrules.errors import EvalrulesError
from evalrules.extract import extract_report
from evalrules.format import FileResult
from evalrules.load import load_document
from evalrules.registry import registry

__all__ = ["BUDGET_SECONDS", "Options", "check_file", "check_files"]

BUDGET_SECONDS = 60.0  # a report takes well under a second; a minute means a runaway input
INTERNAL_HINT = "这是 evalrules 或其插件的缺陷，请加 --debug 运行，并把显示的回溯连同文件报告给维护者"


@attrs.frozen
class Options:
    """How each file of a batch is checked (the command line's options, as data)."""

    ruleset: str | None = None  # None: chosen per report by its region, kind and year
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    block: tuple[str, ...] = ()
    show_passed: bool = False
    show_info: bool = False
    budget: float | None = BUDGET_SECONDS

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """``ignore`` plus the codes of every per-file glob that matches ``path``."""
        posix = Path(path).as_posix()
        extra = [
            code
            for pattern, codes in self.per_file_ignores
            if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(Path(path).name, pattern)
            for code in codes
        ]
        return (*self.ignore, *extra)


class BudgetExceeded(BaseException):
    """Raised in a file's check when its time budget runs out (a BaseException, so that no
    ``except Exception`` on the way swallows it)."""


@contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (where a timer signal can: the main thread, POSIX)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or seconds <= 0 or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _checked(path: str, name: str, options: Options) -> FileResult:
    reg = registry(frozenset(options.block))
    report = extract_report(load_document(path, reg.pm), reg.pm)
    if name != path:
        report = attrs.evolve(report, path=name)
    ruleset = reg.resolve(report, options.ruleset)
    selection = Selection(options.select, options.ignored_for(name))
    results: list[Result] = list(evaluate(report, ruleset, reg.rule_types, selection))
    found = [f for f in findings(results, name) if options.show_info or f.severity != "info"]
    shown = [r for r in results if r.outcome.ok] if options.show_passed else []
    passed = tuple(passed_finding(r, name) for r in shown if not r.outcome.skipped)
    skipped = tuple(passed_finding(r, name) for r in shown if r.outcome.skipped)
    reported = {f.code for f in (*found, *passed, *skipped)}
    return FileResult(
        name,
        tuple(found),
        passed,
        ruleset.name,
        ruleset.title,
        evaluated=sum(1 for r in results if r.outcome.facts),
        skipped=skipped,
        rules=tuple(sorted({(r.rule.id, r.rule.message) for r in results if r.rule.id in reported})),
    )


def check_file(path: str, options: Options = Options(), name: str | None = None) -> FileResult:
    """Check one file; whatever goes wrong is this file's error, never an exception.

    ``name`` is the path shown in results (``-`` for standard input read into ``path``).
    """
    shown = name or path
    try:
        with _budget(options.budget):
            return _checked(path, shown, options)
    except EvalrulesError as exc:
        return FileResult(shown, ruleset=options.ruleset, error=str(exc))
    except BudgetExceeded:
        return FileResult(
            shown,
            ruleset=options.ruleset,
            error=f"{shown}: 超过每份文件 {options.budget:g} 秒的检查时限，已停止（文件异常庞大或结构异常）",
        )
    except RecursionError:
        return FileResult(shown, ruleset=options.ruleset, error=f"{shown}: 文件结构嵌套过深，无法检查")
    except MemoryError:
        return FileResult(shown, ruleset=options.ruleset, error=f"{shown}: 内存不足，文件过大，无法检查")
    except Exception as exc:  # the guard: a bug becomes this file's error, and the batch goes on
        return FileResult(
            shown,
            ruleset=options.ruleset,
            error=f"{shown}: 内部错误（{type(exc).__name__}: {exc}）。{INTERNAL_HINT}",
            traceback="".join(traceback.format_exception(exc)),
        )


def _check_one(job: tuple[str, str, Options]) -> FileResult:
    return check_file(job[0], job[2], job[1])


def check_files(
    files: Sequence[tuple[str, str]],
    options: Options = Options(),
    jobs: int = 1,
    done: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Check each ``(path, name)`` and return the results in input order.

    With ``jobs`` > 1 the files go to that many worker processes.  ``done`` is called with
    each result in input order as it becomes available (for a progress bar).
    """
    work = [(path, name, options) for path, name in files]
    results: list[FileResult] = []
    if jobs <= 1 or len(work) <= 1:
        for job in work:
            results.append(_check_one(job))
            if done:
                done(results[-1])
        return results
    registry(frozenset(options.block))  # built before the fork, so that every worker inherits it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = min(jobs, len(work))
    chunk = max(1, len(work) // (workers * 8))  # a few files a task: fewer round trips, balanced ends
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for result in pool.map(_check_one, work, chunksize=chunk):
                results.append(result)
                if done:
                    done(result)
        except Exception as exc:  # a worker process died (killed, out of memory): the rest are its files
            died = f"检查此文件的工作进程意外退出（{type(exc).__name__}）。{INTERNAL_HINT}"
            results.extend(FileResult(name, error=f"{name}: {died}") for _, name, _ in work[len(results) :])
    return results
