"""Helpers for testing rules: build facts and reports directly, without text.

    from evalrules.testing import fact, report_of
    report = report_of([fact("assets.total", "7.54", "万元"), ...])

Importable without pytest; hypothesis strategies live in ``evalrules.testing.strategies``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from evalrules.model import Fact, Report, Section, Span

__all__ = ["fact", "report_of", "rounded", "with_facts", "with_value"]


def rounded(value: Decimal, decimals: int) -> Decimal:
    """``value`` as a report would write it with ``decimals`` decimals (half up)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")


def fact(
    concept: str,
    value: str | Decimal,
    unit: str | None = None,
    *,
    line: int = 1,
    column: int = 1,
    period: int | None = None,
    clause: int | None = None,
) -> Fact:
    """A fact as the extractor would produce it; ``value`` is read as written (``"55.50"`` → 2 decimals).

    Without ``clause`` each line is one sentence.
    """
    if isinstance(value, str) and not _is_number(value):
        return Fact(concept, value, Span(line, column, value), clause=line if clause is None else clause)
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{format(number, 'f')}{unit or ''}"
    return Fact(
        concept,
        number,
        Span(line, column, text),
        unit=unit,
        decimals=decimals,
        period=period,
        clause=line if clause is None else clause,
    )


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def report_of(facts: Iterable[Fact], sections: Iterable[Section] = (), path: str = "<test>") -> Report:
    """A Report holding ``facts`` (and ``sections``), as ``extract`` would build it."""
    ordered = sorted(facts, key=lambda f: (f.span.line, f.span.column))
    return Report(path=path, facts=tuple(ordered), sections=tuple(sections))


def with_value(report: Report, concept: str, value: str | Decimal, unit: str | None = None, index: int = 0) -> Report:
    """``report`` with the ``index``-th statement of ``concept`` written as ``value`` (and ``unit``)."""
    target = report.all(concept)[index]
    changed = fact(
        concept,
        value,
        unit if unit is not None else target.unit,
        line=target.line,
        column=target.span.column,
        period=target.period,
        clause=target.clause,
    )
    return attrs.evolve(report, facts=tuple(changed if f is target else f for f in report.facts))


def with_facts(report: Report, facts: Iterable[Fact]) -> Report:
    """``report`` with ``facts`` stated as well."""
    return attrs.evolve(report, facts=tuple(sorted((*report.facts, *facts), key=lambda f: (f.line, f.span.column))))
