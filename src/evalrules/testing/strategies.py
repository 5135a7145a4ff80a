"""Hypothesis strategies for figures as reports write them.

    from evalrules.testing.strategies import amounts, written_amounts

``amounts()`` draws true amounts in 元; ``written_amounts(value)`` draws how a report may
write one: its unit (元 / 万元 / 亿元) and number of decimals, never rounding a non-zero amount
to zero.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from evalrules.quantity import unit_factor
from evalrules.testing import rounded

__all__ = ["MONEY_UNITS", "amounts", "written_amounts"]

MONEY_UNITS = ("元", "万元", "亿元")


def amounts(min_value: str = "1", max_value: str = "1e10") -> st.SearchStrategy[Decimal]:
    """True amounts in 元, to the fen."""
    return st.decimals(min_value=Decimal(min_value), max_value=Decimal(max_value), places=2)


@st.composite
def written_amounts(
    draw: st.DrawFn, value: Decimal, units: tuple[str, ...] = MONEY_UNITS, max_decimals: int = 4
) -> tuple[str, str]:
    """(text, unit): ``value`` 元 as a report may write it, at any precision that keeps it non-zero."""
    # the fewest decimals that keep the figure from rounding away to 0, for each unit
    least = {
        unit: next((d for d in range(max_decimals + 1) if rounded(value / unit_factor(unit), d) != 0), None)
        for unit in units
    }
    unit = draw(st.sampled_from([u for u in units if least[u] is not None]))
    decimals = draw(st.integers(min_value=least[unit] or 0, max_value=max_decimals))
    return str(rounded(value / unit_factor(unit), decimals)), unit
