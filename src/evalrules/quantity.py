"""Exact units and interval arithmetic at the precision a figure was written.

A figure written ``55.5%`` stands for any true value in [55.45, 55.55]; ``103.2万元`` for
[103.15, 103.25] 万元.  Relations between figures are evaluated on such intervals (as XBRL
Calculations 1.1 does with ``decimals``): a relation fails only when no choice of true values
inside the intervals satisfies it, so a rounding difference never produces a finding.

Everything is ``Decimal``; units convert exactly (1万元 = 10 000元, 1亿元 = 10 000万元).
A bare zero is exact: reports write 0 for nothing spent, never for an amount rounded away
(that would be written 0.3万元), so ``0万元`` is not ±5 000元.  ``0.00`` keeps its precision.
Head counts (人, 名) are counted, not rounded: 9名 is exactly 9.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Context, Decimal

import attrs

__all__ = [
    "Interval",
    "Quantity",
    "UnitError",
    "dimension",
    "unit_factor",
    "written_interval",
]

# Unit as written → (dimension, factor to the dimension's base unit).
_UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)),
    "千元": ("money", Decimal(10) ** 3),
    "万元": ("money", Decimal(10) ** 4),
    "万": ("money", Decimal(10) ** 4),
    "萬": ("money", Decimal(10) ** 4),
    "萬元": ("money", Decimal(10) ** 4),
    "百万元": ("money", Decimal(10) ** 6),
    "亿元": ("money", Decimal(10) ** 8),
    "亿": ("money", Decimal(10) ** 8),
    "億": ("money", Decimal(10) ** 8),
    "億元": ("money", Decimal(10) ** 8),
    "万亿元": ("money", Decimal(10) ** 12),
    "萬億元": ("money", Decimal(10) ** 12),
    "%": ("percent", Decimal(1)),
    "％": ("percent", Decimal(1)),
    "分": ("score", Decimal(1)),
    "人": ("person", Decimal(1)),
    "名": ("person", Decimal(1)),
}

# 60 significant digits: far beyond any figure in a report, so sums and products are exact.
_EXACT = Context(prec=60)


class UnitError(ValueError):
    """Two figures whose units cannot be compared (万元 against %, say)."""


def dimension(unit: str | None) -> str:
    """The dimension of a unit as written: money, percent, score, person, or the unit itself."""
    if unit is None:
        return ""
    known = _UNITS.get(unit)
    return known[0] if known else unit


def unit_factor(unit: str | None) -> Decimal:
    """How many base units one written unit is (万元 → 10000)."""
    if unit is None:
        return Decimal(1)
    known = _UNITS.get(unit)
    return known[1] if known else Decimal(1)


def written_interval(value: Decimal, decimals: int) -> tuple[Decimal, Decimal]:
    """The interval of true values a figure written with ``decimals`` decimals stands for."""
    if value == 0 and decimals == 0:
        return value, value
    half = Decimal(5).scaleb(-(decimals + 1))
    return value - half, value + half


@attrs.frozen
class Interval:
    """A closed interval [lo, hi] of exact decimals."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def exact(cls, value: Decimal | int) -> Interval:
        v = Decimal(value)
        return cls(v, v)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_EXACT.add(self.lo, other.lo), _EXACT.add(self.hi, other.hi))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(_EXACT.subtract(self.lo, other.hi), _EXACT.subtract(self.hi, other.lo))

    def __mul__(self, other: Interval) -> Interval:
        products = [_EXACT.multiply(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        """Division; the divisor must not contain zero (callers check ``contains_zero``)."""
        if other.contains_zero():
            raise ZeroDivisionError("divisor interval contains zero")
        quotients = [_EXACT.divide(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(quotients), max(quotients))

    def scale(self, factor: Decimal) -> Interval:
        a, b = _EXACT.multiply(self.lo, factor), _EXACT.multiply(self.hi, factor)
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def le(self, other: Interval) -> bool:
        """Whether ``self ≤ other`` can hold for some true values in both."""
        return self.lo <= other.hi

    def cap(self, ceiling: Interval) -> Interval:
        """The interval of ``min(x, c)`` for x in self and c in ceiling."""
        return Interval(min(self.lo, ceiling.lo), min(self.hi, ceiling.hi))

    @property
    def mid(self) -> Decimal:
        return _EXACT.divide(_EXACT.add(self.lo, self.hi), 2)

    @staticmethod
    def total(intervals: Iterable[Interval]) -> Interval:
        result = Interval.exact(0)
        for item in intervals:
            result = result + item
        return result


@attrs.frozen
class Quantity:
    """A written figure as an interval in its dimension's base unit (元 for money)."""

    interval: Interval
    dimension: str

    @classmethod
    def written(cls, value: Decimal, decimals: int, unit: str | None) -> Quantity:
        return _written_quantity(value, decimals, unit)


@functools.lru_cache(maxsize=4096)
def _written_quantity(value: Decimal, decimals: int, unit: str | None) -> Quantity:
    kind = dimension(unit)
    if kind == "person":
        return Quantity(Interval.exact(value), kind)
    lo, hi = written_interval(value, decimals)
    return Quantity(Interval(lo, hi).scale(unit_factor(unit)), kind)
