"""Why a relation fails, when one slip of one figure explains it.

Three slips account for most arithmetic errors in reports:

- unit: 万 left out, so a figure in 万元 is written in 元 (“54.2元 疑为 54.2万元”);
- decimal: the point shifted by one place (“2.5 疑为 0.25”);
- transposition: two adjacent digits swapped (“108.46 与 180.46”; the gap is divisible by 9),
  when the swap moves the figure by at least 1%: swapping the last digits (99.75 / 99.57) is
  within what rounding and sloppy arithmetic already explain;
- truncation: a rate cut at its last digit instead of rounded (18.75% written 18%).  Where
  a truncation explains the gap, it is the diagnosis: it changes no digit that is written.

Each figure of the failing relation is replaced in turn by each of its slips; a slip is a
diagnosis when the relation then holds.  When more than two slips would explain the gap, none
is singled out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs

from evalrules.model import Diagnosis, DiagnosisKind, Fact, Location
from evalrules.quantity import UnitError

__all__ = ["diagnose"]

_MAX_EXPLANATIONS = 2
_MIN_TRANSPOSITION_GAP = Decimal("0.01")  # relative


def _digits_swapped(fact: Fact) -> Iterator[Fact]:
    text = format(fact.number, "f")
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a.isdigit() and b.isdigit() and a != b and not (i == 0 and b == "0"):  # 10 is not mistyped 01
            swapped = Decimal(text[:i] + b + a + text[i + 2 :])
            if abs(swapped - fact.number) >= _MIN_TRANSPOSITION_GAP * abs(fact.number):
                yield attrs.evolve(fact, value=swapped)


def _truncated(fact: Fact) -> Fact:
    """``fact`` as a figure cut at its last written digit: what it stands for lies between it
    and the next value at that digit (18% for anything from 18% to 19%)."""
    half = Decimal(1).scaleb(-fact.decimals) / 2
    return attrs.evolve(fact, value=fact.number + (half if fact.number > 0 else -half), decimals=fact.decimals)


def _slips(fact: Fact) -> Iterator[tuple[DiagnosisKind, Fact]]:
    if fact.number == 0:
        return
    if fact.unit == "%":
        yield "truncation", _truncated(fact)
    if fact.unit == "元":
        yield "unit", attrs.evolve(fact, unit="万元")
    yield "decimal", attrs.evolve(fact, value=fact.number.scaleb(-1), decimals=fact.decimals + 1)
    yield "decimal", attrs.evolve(fact, value=fact.number.scaleb(1), decimals=max(fact.decimals - 1, 0))
    for fixed in _digits_swapped(fact):
        yield "transposition", fixed


def _message(kind: DiagnosisKind, fact: Fact, fixed: Fact, either: bool = False) -> str:
    """The slip in words; ``either`` when the other figure, slipped back, explains it as well
    (0.25 against 2.5: which of the two is wrong the text does not say)."""
    if kind == "unit":
        return f"{fact.written()} 疑为 {fixed.written()}（疑似漏写“万”）"
    if kind == "truncation":
        step = Decimal(1).scaleb(-fact.decimals) * (1 if fact.number > 0 else -1)
        rounded = attrs.evolve(fact, value=fact.number + step)
        return f"{fact.written()} 疑为截尾而非四舍五入：所列数字算得的值四舍五入应为 {rounded.written()}"
    if kind == "decimal":
        if either:
            return f"{fact.written()} 与 {fixed.written()} 其一疑似小数点错位"
        return f"{fact.written()} 疑为 {fixed.written()}（疑似小数点错位）"
    gap = format(abs(fixed.number - fact.number).normalize(), "f")
    which = "其一" if either else ""
    return f"{fact.written()} 与 {fixed.written()} 数字相同、相差 {gap}（可被 9 整除），{which}疑似数字顺序颠倒"


def _mirrors(one: tuple[DiagnosisKind, Fact, Fact], other: tuple[DiagnosisKind, Fact, Fact]) -> bool:
    """Two slips that are one slip seen from either side: each figure corrected to the other."""
    kind, fact, fixed = one
    other_kind, other_fact, other_fixed = other
    return kind == other_kind and fixed.number == other_fact.number and other_fixed.number == fact.number


def diagnose(facts: Sequence[Fact], holds: Callable[[list[Fact]], bool | None]) -> tuple[Diagnosis, ...]:
    """Slips of one of ``facts`` under which ``holds`` becomes true (at most two, else none).

    One slip that either of two figures may have made (0.25 against 2.5) gives a diagnosis at
    each figure, with its own correction, and one message for both: it is said once."""
    found: list[tuple[DiagnosisKind, Fact, Fact]] = []
    for index, fact in enumerate(facts):
        if not fact.is_figure():
            continue
        for kind, fixed in _slips(fact):
            trial = list(facts)
            trial[index] = fixed
            try:
                ok = holds(trial)
            except (UnitError, ZeroDivisionError):
                ok = False
            if ok:
                found.append((kind, fact, fixed))
    if any(kind == "truncation" for kind, _, _ in found):
        found = [slip for slip in found if slip[0] == "truncation"]
    diagnoses: list[Diagnosis] = []
    slips = 0
    for position, slip in enumerate(found):
        earlier = next((other for other in found[:position] if _mirrors(other, slip)), None)
        later = any(_mirrors(slip, other) for other in found[position + 1 :])
        kind, fact, fixed = slip
        said = earlier or slip  # the pair in the order its figures come
        slips += earlier is None
        message = _message(said[0], said[1], said[2], either=later or earlier is not None)
        diagnoses.append(Diagnosis(kind, message, Location.of(fact), fixed.written()))
    return tuple(diagnoses) if slips <= _MAX_EXPLANATIONS else ()
