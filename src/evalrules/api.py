"""The Python API, which does what the command line does:

report = extract(load("报告.docx"))          # or report_from_figures({...}) from a database row
findings = check(report)                     # the ruleset chosen by region, kind and year
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from evalrules.check.engine import Result
from evalrules.check.engine import evaluate as run_rules
from evalrules.check.engine import findings as failed
from evalrules.check.ruleset import Ruleset
from evalrules.check.select import Selection, unknown_prefixes
from evalrules.concepts import is_known
from evalrules.errors import ConfigError, InputError
from evalrules.extract import extract_report
from evalrules.load import load_document
from evalrules.model import Document, Fact, Finding, Report, Span
from evalrules.registry import registry

__all__ = ["check", "evaluate", "extract", "load", "report_from_figures"]

FIGURES = "<figures>"  # the path of a report built from figures, as findings name it

Figure = tuple[str | Decimal, str | None] | str | Decimal


def load(path: str | Path, *, block: Iterable[str] = ()) -> Document:
    """Read a report file into a Document (InputError if it cannot be read)."""
    return load_document(path, registry(frozenset(block)).pm)


def extract(document: Document, *, block: Iterable[str] = ()) -> Report:
    """Read every fact of a Document into a Report."""
    return extract_report(document, registry(frozenset(block)).pm)


def _value(concept: str, value: object) -> Decimal | str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(FIGURES, f"{concept} 的值 {value} 不是有限的数")
        return value
    if isinstance(value, str):
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            return value  # a name or a grade, not a figure
        if not number.is_finite():
            raise InputError(FIGURES, f"{concept} 的值 {value!r} 不是有限的数")
        return number
    kind = type(value).__name__
    raise InputError(
        FIGURES,
        f'{concept} 的值 {value!r} 是 {kind}：请写作字符串（如 "7.54"）或 Decimal，'
        "浮点数已丢失报告所写的位数，无法按精度比较",
    )


def report_from_figures(
    figures: Mapping[str, Figure],
    *,
    title: str | None = None,
    kind: str | None = None,
    region: str | None = None,
    block: Iterable[str] = (),
) -> Report:
    """A Report from figures kept elsewhere (a database row): concept id → ``(value, unit)``.

    ``value`` is a string as written (``"7.54"``: its decimals are its precision) or a Decimal;
    a float is refused, as it no longer knows how it was written.  An unknown concept id is an
    error naming the closest ids.  The n-th figure is "line n" of the report in findings.
    """
    known = registry(frozenset(block)).concepts
    facts = []
    for line, (concept, figure) in enumerate(figures.items(), start=1):
        if not isinstance(concept, str) or not is_known(concept, known):
            close = difflib.get_close_matches(str(concept), list(known), n=3)
            hint = f"（相近的有：{'、'.join(close)}）" if close else "（见 spec/concepts.toml）"
            raise InputError(FIGURES, f"未知的概念 {concept!r}{hint}")
        raw, unit = figure if isinstance(figure, tuple) else (figure, None)
        number = _value(concept, raw)
        if isinstance(number, str):
            facts.append(Fact(concept, number, Span(line, 1, number), clause=line, source="data"))
            continue
        span = Span(line, 1, f"{format(number, 'f')}{unit or ''}")
        exponent = number.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        facts.append(Fact(concept, number, span, unit=unit, decimals=decimals, clause=line, source="data"))
    return Report(path=FIGURES, facts=tuple(facts), title=title, kind=kind, region=region)


def evaluate(
    report: Report,
    ruleset: str | Ruleset | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    block: Iterable[str] = (),
) -> list[Result]:
    """Every evaluation of every selected rule on ``report``, passed or not.

    ``ruleset`` is a name, a path or a Ruleset; by default the one the command line would
    choose for the report's region, kind and year.  A code in ``select`` or ``ignore`` that
    is no rule's code or prefix is a ConfigError, not a silent pass.
    """
    reg = registry(frozenset(block))
    resolved = reg.resolve(report, ruleset)
    for prefix, close in unknown_prefixes([*select, *ignore], resolved.codes).items():
        raise ConfigError(
            resolved.name, f"{prefix!r} 不是规则集中任何规则的代码或前缀（相近的有：{'、'.join(close) or '无'}）"
        )
    return list(run_rules(report, resolved, reg.rule_types, Selection(tuple(select), tuple(ignore))))


def check(
    report: Report,
    ruleset: str | Ruleset | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    block: Iterable[str] = (),
    show_info: bool = False,
) -> list[Finding]:
    """The findings on ``report``, by line, as ``evalrules check`` reports them (``evaluate``
    says which ruleset applies); hints (``info``: gaps the written precision explains) only
    with ``show_info``, as ``--show-info``."""
    results = evaluate(report, ruleset, select=select, ignore=ignore, block=block)
    return [f for f in failed(results, report.path) if show_info or f.severity != "info"]
