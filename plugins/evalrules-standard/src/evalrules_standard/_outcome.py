"""Shared by the standard plugins: one Outcome from a relation over facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from evalrules import Fact, Location, Outcome, Param
from evalrules.model import SOURCES, Severity
from evalrules.testing import fact

Holds = Callable[[list[Fact]], bool | None]


def outcome(
    facts: Sequence[Fact], holds: Holds, detail: str, seen: str = "", expected: str = "", passed: str = ""
) -> Outcome | None:
    """An Outcome for ``facts``, or None when the relation cannot be evaluated (zero divisor).

    ``detail`` says what fails; ``passed``, when the wording of a failure would contradict a
    relation that holds (超过合计, 不足), says what holds instead (``--show-passed`` prints it)."""
    ok = holds(list(facts))
    if ok is None:
        return None
    return Outcome(
        ok=ok,
        facts=tuple(facts),
        detail=passed if ok and passed else detail,
        seen=seen,
        expected=expected,
        relation=holds,
    )


def text_failure(detail: str, seen: str, expected: str, *locations: Location) -> Outcome:
    """A failure a rule found in the text itself (a blank, a count, a repeated number), with no
    fact to point at: where it is written."""
    return Outcome(ok=False, facts=(), detail=detail, seen=seen, expected=expected, locations=locations)


def computed_outcome(
    facts: Sequence[Fact], holds: Holds, stated: Fact, expression: str, computed: str
) -> Outcome | None:
    """A figure as written against the one computed from others: ``写 85%，而 80万元 / 100万元 = 80%``
    when it fails, ``80万元 / 100万元 = 80%，与所写 80% 相符`` when it holds."""
    written = stated.written()
    return outcome(
        facts,
        holds,
        f"写 {written}，而 {expression} = {computed}",
        seen=written,
        expected=computed,
        passed=f"{expression} = {computed}，与所写 {written} 相符",
    )


def rounding_gap_param(relation: str) -> Param:
    """The parameter of a rule type that reports a 尾差: ``info`` or ``off``.

    A gap the written precision explains is consistent, so it is never more than a hint:
    a warning there is a false alarm to a reviewer."""
    return Param(
        "text",
        required=False,
        default="info",
        choices=("info", "off"),
        doc=f"{relation}与所写数字差末位（舍入可以解释）时：info 作为提示（默认不显示），off 不报",
    )


def rounding_gap(passed: Outcome, gap: str, severity: Severity, detail: str | None = None) -> Outcome:
    """``passed`` — a relation that holds within the figures' rounding — as the milder finding
    that, as written, it is ``gap`` off (a 尾差); ``detail`` is the arithmetic as a finding
    states it, when that differs from what the relation that holds says."""
    return attrs.evolve(
        passed,
        ok=False,
        detail=f"{detail or passed.detail}，差 {gap}（在末位舍入范围内，可能是尾差）",
        severity=severity,
        relation=None,
    )


def least_source_param() -> Param:
    """The parameter of a rule type that binds only facts read at least so surely."""
    return Param(
        "text",
        required=False,
        default="prose",
        choices=SOURCES,
        doc="只用至少如此读出的数字：inferred（由标题或上文推断）< prose（句中标签后）< table（表格）< form（自评表）",
    )


def example_fact(
    concept: str, value: Decimal | str, position: int, unit: str | None = None, line: int = 1, period: int | None = None
) -> Fact:
    """A figure (or a name) of an example, in one sentence of ``line`` with the others
    (``position`` orders them), of ``period`` when given."""
    if isinstance(value, str):
        return fact(concept, value, line=line, column=1 + 10 * position, clause=line)
    if unit is None:
        unit = "人" if concept.startswith("staffing.") and not concept.endswith("rate") else "万元"
    text = format(value.normalize(), "f")
    return fact(concept, text, unit, line=line, column=1 + 10 * position, clause=line, period=period)
