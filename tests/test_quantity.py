"""Interval arithmetic at the written precision: rounding never fails a relation; a gap beyond it does."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from evalrules.check.relations import as_written_gap, equal_holds, ratio_holds, sum_holds
from evalrules.quantity import Interval, Quantity, unit_factor, written_interval
from evalrules.testing import fact, rounded

UNITS = ["元", "万元", "亿元"]
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2)
decimals = st.integers(min_value=0, max_value=4)


def written(value_yuan: Decimal, unit: str, places: int) -> str:
    """How a report writes an amount of ``value_yuan`` 元 in ``unit`` with ``places`` decimals."""
    return str(rounded(value_yuan / unit_factor(unit), places))


@given(st.lists(amounts, min_size=1, max_size=6), st.data())
def test_a_sum_written_at_any_precision_in_any_units_holds(parts: list[Decimal], data: st.DataObject) -> None:
    total = sum(parts, Decimal(0))
    write = data.draw(st.tuples(st.sampled_from(UNITS), decimals), label="total written as")
    total_text = written(total, *write)
    assume(Decimal(total_text) != 0)
    part_facts = []
    for value in parts:
        unit, places = data.draw(st.tuples(st.sampled_from(UNITS), decimals))
        text = written(value, unit, places)
        assume(Decimal(text) != 0)  # a written zero is exact: an amount is never rounded away
        part_facts.append(fact("p", text, unit))
    assert sum_holds(fact("t", total_text, write[0]), part_facts)


@given(st.lists(amounts, min_size=1, max_size=6), st.sampled_from(UNITS), decimals, st.integers(2, 50))
def test_a_sum_off_by_more_than_rounding_fails(parts: list[Decimal], unit: str, places: int, factor: int) -> None:
    part_facts = [fact("p", written(v, unit, places), unit) for v in parts]
    assume(all(f.number != 0 for f in part_facts))
    stated = sum((f.number for f in part_facts), Decimal(0))
    # every figure can be off by half a unit of its last place; go beyond all of them together
    slack = Decimal(5).scaleb(-(places + 1)) * (len(parts) + 1)
    wrong = stated + slack * factor
    assert not sum_holds(fact("t", str(wrong), unit), part_facts)


@given(amounts, st.sampled_from(UNITS), st.sampled_from(UNITS), decimals)
def test_the_same_amount_in_two_units_is_equal(value: Decimal, unit_a: str, unit_b: str, places: int) -> None:
    a, b = written(value, unit_a, places), written(value, unit_b, places)
    assume(Decimal(a) != 0 and Decimal(b) != 0)
    assert equal_holds(fact("x", a, unit_a), fact("y", b, unit_b))


@given(amounts, amounts, st.integers(0, 3))
def test_a_rate_written_at_any_precision_holds(num: Decimal, den: Decimal, places: int) -> None:
    rate = rounded(num / den * 100, places)
    assume(rate != 0)
    assert ratio_holds(fact("r", str(rate), "%"), fact("n", str(num), "万元"), fact("d", str(den), "万元"))


@given(amounts, amounts, st.integers(1, 3), st.booleans())
def test_a_rate_off_beyond_rounding_fails(num: Decimal, den: Decimal, places: int, above: bool) -> None:
    half = Decimal("0.005")  # num and den are written with 2 decimals
    highest, lowest = (num + half) / (den - half) * 100, (num - half) / (den + half) * 100
    step = Decimal(1).scaleb(-places)
    wrong = rounded(highest, places) + 2 * step if above else rounded(lowest, places) - 2 * step
    assume(wrong > 0)
    assert not ratio_holds(fact("r", str(wrong), "%"), fact("n", str(num), "万元"), fact("d", str(den), "万元"))


def test_the_written_interval_is_half_a_unit_of_the_last_place() -> None:
    assert written_interval(Decimal("55.5"), 1) == (Decimal("55.45"), Decimal("55.55"))
    assert written_interval(Decimal("0"), 0) == (Decimal("0"), Decimal("0"))


def test_units_convert_exactly() -> None:
    yi = Quantity.written(Decimal("1.5"), 1, "亿元").interval
    wan = Quantity.written(Decimal("15000"), 0, "万元").interval
    assert yi.mid == wan.mid == Decimal("150000000")


@given(st.decimals(-1000, 1000, places=3), st.decimals(-1000, 1000, places=3), st.decimals(0, 5, places=3))
def test_interval_sum_contains_the_sums_of_its_points(a: Decimal, b: Decimal, width: Decimal) -> None:
    x, y = Interval(a, a + width), Interval(b, b + width)
    total = x + y
    assert total.lo <= a + b <= total.hi and total.lo <= a + b + 2 * width <= total.hi
    difference = x - y
    assert difference.lo <= a - b <= difference.hi


@given(st.decimals("-1e6", "1e6", places=2), st.sampled_from(["元", "万元"]), st.integers(-3, 3))
def test_as_written_gap_is_what_the_computed_figure_is_off_at_the_written_precision(
    value: Decimal, unit: str, steps: int
) -> None:
    """A computed figure that rounds to the stated one has no gap; one a few units off has
    exactly that many units of gap (434.71 against a stated 434.72: 0.01)."""
    stated = fact("final.income_total", str(value), unit)
    factor = unit_factor(unit)
    within = (value + Decimal("0.004")) * factor  # rounds back to the stated figure
    assert as_written_gap(stated, within, unit) is None
    off = (value + steps * Decimal("0.01")) * factor
    gap = as_written_gap(stated, off, unit)
    assert gap == (None if steps == 0 else steps * Decimal("0.01") * factor)
