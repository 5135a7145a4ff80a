"""``sum``: a total equals the sum of its parts, in any mix of units, at the written precision.

A part that is not stated may be given by its own parts (``expand``); when some parts are
stated nowhere, the stated ones must still not exceed the total (unless ``partial = false``,
for relations whose parts may be negative).  With ``exhaustive = false`` the listed parts are
never taken to be all of the total (a report's income has more sources than the ruleset names).

A complete sum that holds only within rounding — the parts as written add up to 434.71, the
total says 434.72 — is reported at the milder severity ``rounding_gap`` names (a 尾差 reviewers
ask about, though the figures' own rounding may explain it), when no part is written less
precisely than the total.

``entity_parts``: the figures a sentence gives the entities of a whole (其中中央资金…，省级资金…)
do not exceed the whole; they need not be all of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from evalrules import Example, Fact, Interval, Outcome, Param, Report, Rule, RuleType, bindings, hookimpl, relations
from evalrules.quantity import UnitError
from evalrules_standard._outcome import (
    example_fact,
    least_source_param,
    outcome,
    rounding_gap,
    rounding_gap_param,
)


def _parts(rule: Rule, chosen: dict[str, Fact]) -> tuple[list[Fact], bool]:
    """The stated parts of the binding, expanded where needed, and whether all are stated."""
    facts: list[Fact] = []
    complete = True
    expand = rule["expand"] or {}
    for part in rule["parts"]:
        if part in chosen:
            facts.append(chosen[part])
            continue
        pieces = [chosen[p] for p in expand.get(part, ()) if p in chosen]
        facts.extend(pieces)
        complete = complete and bool(pieces) and len(pieces) == len(expand[part])
    return facts, complete


def evaluate_sum(rule: Rule, report: Report) -> Iterator[Outcome]:
    total = rule["total"]
    expanded = [c for pieces in (rule["expand"] or {}).values() for c in pieces]
    roles = {concept: concept for concept in (total, *rule["parts"], *expanded)}
    for chosen in bindings(report, roles, required=[total], least=rule["least_source"]):
        parts, complete = _parts(rule, chosen)
        if not parts or (not complete and not rule["partial"]):
            continue
        complete = complete and rule["exhaustive"]
        facts = [chosen[total], *parts]
        try:
            result = _sum_outcome(facts, complete)
            checked = result is not None and result.ok and complete and rule["rounding_gap"] != "off"
            gap = _as_written_gap(facts) if checked else None
        except UnitError:
            continue
        if result is not None and gap is not None:
            result = rounding_gap(result, gap, rule["rounding_gap"])
        if result is not None:
            yield result


def _sum_outcome(facts: Sequence[Fact], complete: bool) -> Outcome | None:
    total, parts = facts[0], facts[1:]
    unit = relations.common_unit(parts) or total.unit  # the sum in the unit of what is summed
    stated = relations.show(Interval.total(relations.values_of(list(facts))[1:]), unit)
    terms = " + ".join(p.written() for p in parts)
    if complete:
        detail = passed = f"合计 {total.written()}，分项 {terms} = {stated}"
    else:
        detail = f"已列分项 {terms} = {stated}，超过合计 {total.written()}"
        passed = f"已列分项 {terms} = {stated}，不超过合计 {total.written()}"

    def holds(trial: list[Fact]) -> bool:
        return relations.sum_holds(trial[0], trial[1:], complete=complete)

    return outcome(facts, holds, detail, seen=total.written(), expected=stated, passed=passed)


def _as_written_gap(facts: Sequence[Fact]) -> str | None:
    """How far the parts as written are from the total as written, at the total's precision;
    None when they agree, or when a part is written less precisely than the total."""
    values = relations.values_of(list(facts))
    step = values[0].hi - values[0].lo
    if step == 0 or any(v.hi - v.lo > step for v in values[1:]):
        return None
    unit = facts[0].unit or relations.common_unit(facts)
    gap = relations.as_written_gap(facts[0], sum((v.mid for v in values[1:]), Decimal(0)), unit)
    return None if gap is None else relations.show(abs(gap), unit)


_PART_VALUES = (Decimal(60), Decimal(30), Decimal(10), Decimal(5), Decimal(3), Decimal(2))


def sum_example(rule: Rule) -> Example:
    """Parts and their total; then the total 10 more (or, where the parts need not be all of it,
    20 less than the parts)."""
    parts = list(rule["parts"])
    values = [*_PART_VALUES, *[Decimal(1)] * len(parts)][: len(parts)]
    total = sum(values, Decimal(0))
    figures = [example_fact(concept, value, i) for i, (concept, value) in enumerate(zip(parts, values, strict=True), 1)]
    wrong = total + 10 if rule["exhaustive"] else total - 20
    return Example(
        (example_fact(rule["total"], total, 0), *figures),
        (example_fact(rule["total"], wrong, 0), *figures),
    )


SUM = RuleType(
    name="sum",
    doc="合计 = Σ 分项（任意单位混合，按书写精度比较）",
    params={
        "total": Param("concept", doc="合计的概念"),
        "parts": Param("concepts", doc="分项的概念"),
        "expand": Param("concept_map", required=False, doc="未写出的分项可由其自身的分项代替"),
        "partial": Param("flag", required=False, default=True, doc="分项未写全时，仍检查已列分项之和不超过合计"),
        "exhaustive": Param(
            "flag",
            required=False,
            default=True,
            doc="分项是否穷尽合计；否则只检查分项之和不超过合计（收入来源常不止所列几项）",
        ),
        "rounding_gap": rounding_gap_param("分项之和与合计"),
        "least_source": least_source_param(),
    },
    evaluate=evaluate_sum,
    why="合计与分项对不上，说明至少有一个数字抄错、漏项或单位写错；审核人据此定位到具体数字。",
    example=sum_example,
)


_STATED = ("prose", "inferred")  # the sentences' figures: a table's rows are numbered apart


def _entity_parts(report: Report, concept: str) -> Iterator[list[Fact]]:
    """Each figure of ``concept`` a sentence states for the whole, with the figures of the same
    concept that sentence or the next gives its entities, one for each (共投入资金1987.08万元。
    其中中央资金投入776.84万元，省级资金投入290.36万元…)."""
    stated = [f for f in report.all(concept) if f.source in _STATED]
    by_clause: dict[int, list[Fact]] = {}
    for fact in stated:
        if fact.entity is not None:
            by_clause.setdefault(fact.clause, []).append(fact)
    for whole in (f for f in stated if f.entity is None):
        parts: dict[str, Fact] = {}
        for part in (*by_clause.get(whole.clause, ()), *by_clause.get(whole.clause + 1, ())):
            if (part.line, part.span.column) > (whole.line, whole.span.column):
                parts.setdefault(str(part.entity), part)
        if len(parts) > 1:
            yield [whole, *parts.values()]


def evaluate_entity_parts(rule: Rule, report: Report) -> Iterator[Outcome]:
    for concept in rule["concepts"]:
        for facts in _entity_parts(report, concept):
            try:
                result = _sum_outcome(facts, complete=False)
            except UnitError:
                continue
            if result is not None:
                yield result


def entity_parts_example(rule: Rule) -> Example:
    """A whole and two entities' parts of it in the next sentence; then parts more than the whole."""
    concept = rule["concepts"][0]
    parts = (
        attrs.evolve(example_fact(concept, Decimal(60), 1, line=2), entity="中央资金", source="inferred"),
        attrs.evolve(example_fact(concept, Decimal(30), 2, line=2), entity="省级资金", source="inferred"),
    )
    return Example(
        (example_fact(concept, Decimal(100), 0), *parts),
        (example_fact(concept, Decimal(80), 0), *parts),
    )


ENTITY_PARTS = RuleType(
    name="entity_parts",
    doc="一个数之后逐一列出的各主体（中央资金、省级资金…）之数，合计不超过该数",
    params={"concepts": Param("concepts", doc="整体与各主体同为此概念")},
    evaluate=evaluate_entity_parts,
    why="所列各来源或各单位之和超过了整体，至少有一个数字写错。",
    example=entity_parts_example,
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [SUM, ENTITY_PARTS]
