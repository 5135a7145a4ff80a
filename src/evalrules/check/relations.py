"""Arithmetic on facts: the relations rule types evaluate, at the precision as written.

Each ``*_holds`` function answers whether some choice of true values within the written
rounding of every figure satisfies the relation; ``UnitError`` is raised when the figures
cannot be compared (万元 against %).  A figure written without a unit takes the unit most of
the other figures in the relation were written in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from evalrules.model import Fact
from evalrules.quantity import Interval, UnitError, dimension, unit_factor

__all__ = [
    "as_written",
    "as_written_gap",
    "common_unit",
    "decisive",
    "equal_holds",
    "minus",
    "ratio_holds",
    "show",
    "sum_holds",
    "value_of",
    "values_of",
]


def common_unit(facts: Sequence[Fact]) -> str | None:
    """The unit most of ``facts`` were written in (a bare figure takes it)."""
    units = Counter(f.unit for f in facts if f.unit)
    return units.most_common(1)[0][0] if units else None


def values_of(facts: Sequence[Fact]) -> list[Interval]:
    """The facts as intervals in one base unit; UnitError if their dimensions differ."""
    unit = common_unit(facts)
    dimensions = {dimension(f.unit or unit) for f in facts}
    if len(dimensions) > 1:
        raise UnitError("、".join(sorted(d or "无单位" for d in dimensions)))
    return [f.quantity(unit).interval for f in facts]


def as_written(facts: Sequence[Fact]) -> list[Decimal]:
    """The facts' values as written, in one base unit: what a message computes with (the
    intervals decide; their midpoints are not the figures a reader would divide)."""
    unit = common_unit(facts)
    return [f.number * unit_factor(f.unit or unit) for f in facts]


def value_of(fact: Fact, unit: str | None = None) -> Interval:
    return fact.quantity(unit).interval


def sum_holds(total: Fact, parts: Sequence[Fact], *, complete: bool = True) -> bool:
    """total = Σ parts; with ``complete=False`` (some parts not stated) only Σ parts ≤ total."""
    values = values_of([total, *parts])
    stated = Interval.total(values[1:])
    return values[0].overlaps(stated) if complete else stated.le(values[0])


def as_written_gap(stated: Fact, computed: Decimal, unit: str | None) -> Decimal | None:
    """``computed`` — in base units, from other figures as written — against ``stated`` at the
    precision it was written in ``unit``: how far apart, or None when ``computed`` rounds to it.
    Relations that hold within rounding use it to find a 尾差."""
    factor = unit_factor(stated.unit or unit)
    step = Decimal(1).scaleb(-stated.decimals) * factor
    value = stated.number * factor
    if (computed / step).quantize(Decimal(1), ROUND_HALF_UP) * step == value:
        return None
    return computed - value


def equal_holds(a: Fact, b: Fact) -> bool:
    x, y = values_of([a, b])
    return x.overlaps(y)


def ratio_holds(rate: Fact, numerator: Fact, denominator: Fact, *, scale: Decimal = Decimal(100)) -> bool | None:
    """rate = numerator / denominator × scale; None when the denominator may be zero."""
    num, den = values_of([numerator, denominator])
    if den.contains_zero():
        return None
    return value_of(rate).overlaps((num / den).scale(scale))


def show(value: Interval | Decimal, unit: str | None, decimals: int | None = None) -> str:
    """A computed value in ``unit`` for a message: exact, or rounded to ``decimals``; trailing zeros cut."""
    mid = value.mid if isinstance(value, Interval) else value
    shown = mid / unit_factor(unit)
    if decimals is not None:
        shown = shown.quantize(Decimal(1).scaleb(-decimals))
    text = format(shown, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit or ''}"


def decisive(value: Interval | Decimal, unit: str | None, stated: Fact) -> str:
    """A computed ``value`` shown at the precision that decides it against ``stated``: against
    a written 1.6%, 1.546% is shown 1.546%, not 1.55% (which a reader would round up to 1.6)."""
    exact = (value.mid if isinstance(value, Interval) else value) / unit_factor(unit)
    step = Decimal(1).scaleb(-stated.decimals)
    target = exact.quantize(step, ROUND_HALF_UP)
    for decimals in range(max(stated.decimals, 2), stated.decimals + 6):
        shown = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        if shown.quantize(step, ROUND_HALF_UP) == target:
            return show(shown * unit_factor(unit), unit)
    return show(value, unit, stated.decimals + 6)


def minus(left: str, right: Fact) -> str:
    """``left − right`` in words with one sign: ``5.21万元 + 0.1万元`` for a negative ``right``."""
    if right.is_figure() and right.number < 0:
        return f"{left} + {attrs.evolve(right, value=-right.number).written()}"
    return f"{left} − {right.written()}"
