"""Defect injection: break a consistent report the way real reports break, and say which
finding codes must appear and on which lines.

    injected = inject(report, "unit", random.Random(1))   # or draw from mutations(report)
    found = evalrules.check(injected.report)
    assert injected.codes <= {f.code for f in found}

Kinds (``KINDS``): ``part`` (a part of a total changed beyond rounding), ``unit`` (万元 written
元), ``decimal`` (the point shifted by one place), ``transposition`` (two digits swapped),
``repeated`` (a figure restated differently), ``score_above_weight``, ``grade`` (a grade
that does not match the score), ``section_duplicate``, ``section_gap``, ``department``
(another department's name in the title).  The sums a mutation may break are read from the
ruleset's ``sum`` rules, so the expected code is the rule that covers them; a mutation is
only made where it moves the figure beyond the rounding of every figure in the relation.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from evalrules.check.ruleset import Ruleset
from evalrules.model import Fact, Report, Section
from evalrules.quantity import unit_factor
from evalrules.registry import registry
from evalrules.testing import fact, with_facts, with_value

__all__ = ["KINDS", "Injected", "inject", "mutations"]

KINDS = (
    "part",
    "unit",
    "decimal",
    "transposition",
    "repeated",
    "score_above_weight",
    "grade",
    "section_duplicate",
    "section_gap",
    "department",
)


@attrs.frozen
class Injected:
    """A broken report, the codes that must be reported and the lines they must point at."""

    report: Report
    kind: str
    codes: frozenset[str]
    lines: frozenset[int]
    description: str


def _half_unit(f: Fact) -> Decimal:
    """Half a unit of the last written place, in 元 (or the figure's own unit)."""
    return Decimal(5).scaleb(-(f.decimals + 1)) * unit_factor(f.unit)


def _sums(report: Report, ruleset: Ruleset) -> Iterator[tuple[str, list[Fact]]]:
    """(rule id, [total, *parts]) for each sum rule whose total and parts are all stated once."""
    for rule in ruleset.rules:
        if rule.type != "sum" or not rule["partial"] or rule["exhaustive"] is False:
            continue
        concepts = [rule["total"], *rule["parts"]]
        stated = [report.all(c) for c in concepts]
        if all(len(s) == 1 for s in stated):
            yield rule.id, [s[0] for s in stated]


def _in_yuan(f: Fact) -> Decimal:
    return f.number * unit_factor(f.unit)


def _beyond(change: Decimal, facts: list[Fact]) -> bool:
    return abs(change) > sum((_half_unit(f) for f in facts), Decimal(0)) * 2


def _swapped(value: Decimal) -> Decimal | None:
    digits = format(value, "f")
    for i in range(len(digits) - 1):
        a, b = digits[i], digits[i + 1]
        if a.isdigit() and b.isdigit() and a != b:
            return Decimal(digits[:i] + b + a + digits[i + 2 :])
    return None


def _slip(kind: str, f: Fact) -> tuple[str, str | None] | None:
    """(value, unit) as the slip writes ``f``, or None when it cannot be applied to it."""
    if f.number == 0:
        return None
    if kind == "unit":
        return (format(f.number, "f"), "元") if f.unit == "万元" else None
    if kind == "decimal":
        return format(f.number.scaleb(1), "f"), f.unit
    if kind == "transposition":
        swapped = _swapped(f.number)
        return (format(swapped, "f"), f.unit) if swapped is not None else None
    if kind == "part":
        return format(f.number * 2 + Decimal(1).scaleb(-f.decimals) * 7, "f"), f.unit
    return None


def _figure_slip(report: Report, kind: str, rng: random.Random, ruleset: Ruleset) -> Injected | None:
    candidates = []
    for code, facts in _sums(report, ruleset):
        for index, target in enumerate(facts):
            if index == 0 and kind == "part":
                continue  # a part changes; its total stays
            slipped = _slip(kind, target)
            if slipped is None:
                continue
            value, unit = slipped
            changed = Decimal(value) * unit_factor(unit) - _in_yuan(target)
            if _beyond(changed, facts):
                candidates.append((code, target, value, unit))
    if not candidates:
        return None
    code, target, value, unit = rng.choice(candidates)
    broken = with_value(report, target.concept, value, unit)
    return Injected(
        broken,
        kind,
        frozenset({code}),
        frozenset({target.line}),
        f"{target.concept} {target.written()} → {value}{unit or ''}",
    )


def _repeated(report: Report, rng: random.Random) -> Injected | None:
    figures = [f for f in report.facts if f.is_figure() and f.number != 0 and len(report.all(f.concept)) == 1]
    if not figures:
        return None
    target = rng.choice(figures)
    line = max(f.line for f in report.facts) + 1
    other = fact(target.concept, format(target.number * 3 + 1, "f"), target.unit, line=line)
    return Injected(
        with_facts(report, [other]),
        "repeated",
        frozenset({"CON001"}),
        frozenset({target.line, line}),
        f"{target.concept} restated as {other.written()}",
    )


def _score_above_weight(report: Report, rng: random.Random) -> Injected | None:
    leaves = [n for n in report.all_indicators() if not n.children and len(n.weights) == 1 and len(n.scores) == 1]
    if not leaves:
        return None
    node = rng.choice(leaves)
    weight = node.weights[0].number
    broken = with_value(report, node.scores[0].concept, format(weight + rng.randint(1, 5), "f"))
    return Injected(
        broken,
        "score_above_weight",
        frozenset({"SCO001"}),
        frozenset({node.scores[0].line}),
        f"{node.name} scored above its weight {weight}",
    )


def _grade(report: Report, rng: random.Random) -> Injected | None:
    grade, total = report.first("evaluation.grade"), report.first("evaluation.total_score")
    if grade is None or total is None or not total.is_figure():
        return None
    bands = {"优": 90, "良": 80, "中": 60, "差": 0}
    wrong = [
        g
        for g, floor in bands.items()
        if g != grade.value
        and abs(total.number - floor) > 1
        and abs(total.number - (min((f for f in bands.values() if f > floor), default=1000))) > 1
    ]
    if not wrong:
        return None
    other = rng.choice(wrong)
    broken = with_value(report, "evaluation.grade", other)
    return Injected(broken, "grade", frozenset({"SCO004"}), frozenset({grade.line}), f"grade {grade.value} → {other}")


def _sections(report: Report, kind: str) -> Injected:
    line = max((f.line for f in report.facts), default=0) + 1
    values = [1, 2, 2, 3] if kind == "section_duplicate" else [1, 2, 4, 5]
    digits = "一二三四五六七八九"
    sections = tuple(Section(f"{digits[v - 1]}、", "cn", v, "标题", line + i, 1) for i, v in enumerate(values))
    return Injected(
        attrs.evolve(report, sections=sections),
        kind,
        frozenset({"STR001"}),
        frozenset({line + 2}),
        f"sections {values}",
    )


def _department(report: Report) -> Injected | None:
    body = report.first("report.department")
    title = report.first("report.title_department")
    if body is None or title is None:
        return None
    other = next(name for name in ("统战部", "卫健委", "水务局") if not set(name) & set(str(body.value)))
    broken = with_value(report, "report.title_department", other)
    return Injected(
        broken, "department", frozenset({"CON004"}), frozenset({title.line, body.line}), f"title names {other}"
    )


def inject(report: Report, kind: str, rng: random.Random | None = None, ruleset: str = "default") -> Injected | None:
    """``report`` broken in one way of ``kind``, or None when the report has nothing to break so."""
    rng = rng or random.Random(0)
    if kind in ("part", "unit", "decimal", "transposition"):
        return _figure_slip(report, kind, rng, registry().ruleset(ruleset))
    if kind == "repeated":
        return _repeated(report, rng)
    if kind == "score_above_weight":
        return _score_above_weight(report, rng)
    if kind == "grade":
        return _grade(report, rng)
    if kind in ("section_duplicate", "section_gap"):
        return _sections(report, kind)
    if kind == "department":
        return _department(report)
    raise ValueError(f"unknown defect kind {kind!r}; one of {', '.join(KINDS)}")


@st.composite
def mutations(draw: st.DrawFn, report: Report, kinds: tuple[str, ...] = KINDS) -> Injected:
    """One injected defect of one of ``kinds`` (the draw is rejected when none applies)."""
    kind = draw(st.sampled_from(kinds))
    injected = inject(report, kind, random.Random(draw(st.integers(0, 2**32 - 1))))
    if injected is None:
        draw(st.nothing())
    assert injected is not None
    return injected
