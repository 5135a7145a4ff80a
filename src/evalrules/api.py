"""The Python API: ``load(path)``, ``extract(document)``, ``check(report, ruleset=...)``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from evalrules.check.engine import Result
from evalrules.check.engine import evaluate as run_rules
from evalrules.check.engine import findings as failed
from evalrules.check.ruleset import Ruleset
from evalrules.check.select import Selection
from evalrules.extract import extract_report
from evalrules.load import load_document
from evalrules.model import Document, Finding, Report
from evalrules.registry import DEFAULT_RULESET, registry

__all__ = ["check", "evaluate", "extract", "load"]


def load(path: str | Path, *, block: Iterable[str] = ()) -> Document:
    """Read a report file into a Document (InputError if it cannot be read)."""
    return load_document(path, registry(frozenset(block)).pm)


def extract(document: Document, *, block: Iterable[str] = ()) -> Report:
    """Read every fact of a Document into a Report."""
    return extract_report(document, registry(frozenset(block)).pm)


def evaluate(
    report: Report,
    ruleset: str | Ruleset = DEFAULT_RULESET,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    block: Iterable[str] = (),
) -> list[Result]:
    """Every evaluation of every selected rule on ``report``, passed or not."""
    reg = registry(frozenset(block))
    resolved = ruleset if isinstance(ruleset, Ruleset) else reg.ruleset(ruleset)
    return list(run_rules(report, resolved, reg.rule_types, Selection(tuple(select), tuple(ignore))))


def check(
    report: Report,
    ruleset: str | Ruleset = DEFAULT_RULESET,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    block: Iterable[str] = (),
) -> list[Finding]:
    """The findings of ``ruleset`` (a name, a path or a Ruleset) on ``report``, by line."""
    results = evaluate(report, ruleset, select=select, ignore=ignore, block=block)
    return failed(results, report.path)
