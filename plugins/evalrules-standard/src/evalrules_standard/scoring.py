"""The evaluation indicator tree, the grade and score formulas.

- ``score_le_weight``: every score ≤ its weight;
- ``weights_sum``: the children's weights sum to the parent's; first-level weights ≤ full marks;
- ``scores_sum``: the children's scores sum to the parent's; the total = Σ first-level scores;
- ``grade``: the grade is the one the score's band gives;
- ``score_formula``: 执行率 × 分值 (capped at 分值) gives the budget-execution score.

A weight (分值) is a set number, not a measurement, and so is a whole-number score (40分 is
awarded, not rounded): both are compared exactly.  A score with decimals may be the rounding
of a computation (9.98 = 99.75% × 10) and is compared at its written precision.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from evalrules import Example, Fact, Interval, Outcome, Param, Report, Rule, RuleType, bindings, hookimpl, relations
from evalrules.concepts import indicator_concept
from evalrules_standard._outcome import example_fact, outcome


def _value(fact: Fact) -> Interval:
    """Weights and whole numbers of 分 exactly; any other figure at its written precision."""
    if fact.measure == "weight" or (fact.unit == "分" and fact.decimals == 0):
        return Interval.exact(fact.number)
    return relations.value_of(fact)


def _sum_outcomes(
    report: Report, total: str, parts: Sequence[str], label: str, parts_label: str, listed_all: bool = True
) -> Iterator[Outcome]:
    """total = Σ parts (all stated, and ``listed_all``) or Σ stated parts ≤ total, over every binding."""
    roles = {c: c for c in (total, *parts)}
    for chosen in bindings(report, roles, required=[total]):
        stated = [chosen[p] for p in parts if p in chosen]
        if not stated:
            continue
        complete = listed_all and len(stated) == len(parts)
        facts = [chosen[total], *stated]

        def holds(trial: list[Fact], complete: bool = complete) -> bool:
            whole = _value(trial[0])
            summed = Interval.total(_value(f) for f in trial[1:])
            return whole.overlaps(summed) if complete else summed.le(whole)

        summed = relations.show(Interval.total(_value(f) for f in stated), "分")
        terms = " + ".join(f.written() for f in stated)
        listed = parts_label if complete else f"{parts_label}（未列全）"
        result = outcome(
            facts,
            holds,
            f"{label} {facts[0].written()}，{listed} {terms} = {summed}",
            seen=facts[0].written(),
            expected=summed,
        )
        if result is not None:
            yield result


def evaluate_weights_sum(rule: Rule, report: Report) -> Iterator[Outcome]:
    for node in report.all_indicators():
        if node.children:
            yield from _sum_outcomes(
                report,
                f"{node.concept}:weight",
                [f"{c.concept}:weight" for c in node.children],
                f"{node.name}权重",
                "下级指标权重",
            )
    full = rule["full_marks"]
    firsts = [f for node in report.indicators for f in node.weights[:1]]
    if full is not None and firsts:
        facts = firsts

        def holds(trial: list[Fact]) -> bool:
            return Interval.total(_value(f) for f in trial).lo <= Decimal(str(full))

        summed = relations.show(Interval.total(_value(f) for f in facts), "分")
        result = outcome(facts, holds, f"一级指标权重之和 {summed}，满分 {full}分", seen=summed, expected=f"≤ {full}分")
        if result is not None:
            yield result


def evaluate_scores_sum(rule: Rule, report: Report) -> Iterator[Outcome]:
    tree = report.indicators
    weights = [report.first(f"{n.concept}:weight") for n in tree]
    # first-level weights that fall short of full marks: the list was cut off, or rows not read
    short = all(weights) and sum(w.number for w in weights if w) < Decimal(str(rule["full_marks"]))
    parts = [f"{n.concept}:score" for n in tree]
    yield from _sum_outcomes(report, rule["total"], parts, "总分", "一级指标得分", listed_all=not short)
    for node in report.all_indicators():
        if node.children:
            yield from _sum_outcomes(
                report,
                f"{node.concept}:score",
                [f"{c.concept}:score" for c in node.children],
                f"{node.name}得分",
                "下级指标得分",
            )


def evaluate_score_le_weight(rule: Rule, report: Report) -> Iterator[Outcome]:
    for node in report.all_indicators():
        roles = {"score": f"{node.concept}:score", "weight": f"{node.concept}:weight"}
        for chosen in bindings(report, roles, required=list(roles)):
            facts = [chosen["score"], chosen["weight"]]

            def holds(trial: list[Fact]) -> bool:
                return _value(trial[0]).le(_value(trial[1]))

            result = outcome(
                facts,
                holds,
                f"{node.name}得分 {facts[0].written()}，权重 {facts[1].written()}",
                seen=facts[0].written(),
                expected=f"≤ {facts[1].written()}",
            )
            if result is not None:
                yield result


def _band(bands: dict[str, float], grade: str) -> tuple[Decimal, Decimal] | None:
    floor = bands.get(grade)
    if floor is None:
        return None
    above = [Decimal(str(v)) for v in bands.values() if Decimal(str(v)) > Decimal(str(floor))]
    return Decimal(str(floor)), min(above, default=Decimal("Infinity"))


def _expected_grade(bands: dict[str, float], score: Decimal) -> str:
    ranked = sorted(bands.items(), key=lambda item: -item[1])
    return next((grade for grade, floor in ranked if score >= Decimal(str(floor))), ranked[-1][0])


def evaluate_grade(rule: Rule, report: Report) -> Iterator[Outcome]:
    bands: dict[str, float] = rule["bands"]
    aliases: dict[str, str] = rule["aliases"] or {}
    roles = {"score": rule["score"], "grade": rule["grade"]}
    for chosen in bindings(report, roles, required=list(roles), figures_only=False):
        score, grade = chosen["score"], chosen["grade"]
        if not score.is_figure():
            continue
        written = str(grade.value)
        band = _band(bands, aliases.get(written, written))
        if band is None:
            continue
        value = _value(score)
        ok = value.hi >= band[0] and value.lo < band[1]
        expected = _expected_grade(bands, score.number)
        yield Outcome(
            ok=ok,
            facts=(score, grade),
            detail=f"得分 {score.written()} 对应“{expected}”，报告写“{written}”",
            seen=written,
            expected=expected,
        )


def evaluate_score_formula(rule: Rule, report: Report) -> Iterator[Outcome]:
    names = set(rule["indicators"])
    for node in report.all_indicators():
        if node.name not in names:
            continue
        roles = {
            "score": f"{node.concept}:score",
            "weight": f"{node.concept}:weight",
            "numerator": rule["numerator"],
            "denominator": rule["denominator"],
            "rate": rule["rate"],
        }
        for chosen in bindings(report, roles, required=["score", "weight"]):
            if "numerator" in chosen and "denominator" in chosen:
                facts = [chosen["score"], chosen["weight"], chosen["numerator"], chosen["denominator"]]
            elif "rate" in chosen:
                facts = [chosen["score"], chosen["weight"], chosen["rate"]]
            else:
                continue
            expected = _formula(facts)
            if expected is None:
                continue

            def holds(trial: list[Fact]) -> bool | None:
                value = _formula(trial)
                return None if value is None else relations.value_of(trial[0]).overlaps(value)

            how = f"{facts[2].written()} / {facts[3].written()}" if len(facts) == 4 else f"{facts[2].written()}"
            shown = relations.show(expected, "分", 2)
            result = outcome(
                facts,
                holds,
                f"按 执行率（{how}）× 分值 {facts[1].written()} 应得 {shown}，报告为 {facts[0].written()}",
                seen=facts[0].written(),
                expected=shown,
            )
            if result is not None:
                yield result


def _formula(facts: Sequence[Fact]) -> Interval | None:
    """min(weight, rate × weight) with rate = numerator / denominator, or the stated rate."""
    weight = _value(facts[1])
    if len(facts) == 4:
        num, den = relations.values_of(list(facts[2:]))
        if den.contains_zero():
            return None
        rate = num / den
    else:
        rate = relations.value_of(facts[2]).scale(Decimal("0.01"))
    return (rate * weight).cap(weight)


_OUTPUT = "evaluation.indicator.产出指标"
_QUANTITY, _QUALITY = f"{_OUTPUT}.数量指标", f"{_OUTPUT}.质量指标"


def _points(concept: str, value: int, position: int) -> Fact:
    return example_fact(concept, Decimal(value), position, "分")


def score_le_weight_example(rule: Rule) -> Example:
    """An indicator scored within its weight; then above it."""
    weight = _points(f"{_OUTPUT}:weight", 20, 0)
    return Example((weight, _points(f"{_OUTPUT}:score", 18, 1)), (weight, _points(f"{_OUTPUT}:score", 22, 1)))


def weights_sum_example(rule: Rule) -> Example:
    """An indicator's weight, the sum of its sub-indicators'; then one of them 5 more (a sum short
    of its total may be sub-indicators not listed: only one above it is certain)."""
    parent, first = _points(f"{_OUTPUT}:weight", 20, 0), _points(f"{_QUANTITY}:weight", 10, 1)
    return Example(
        (parent, first, _points(f"{_QUALITY}:weight", 10, 2)),
        (parent, first, _points(f"{_QUALITY}:weight", 15, 2)),
    )


def scores_sum_example(rule: Rule) -> Example:
    """An indicator's score, the sum of its sub-indicators'; then the indicator's 3 less than it."""
    scores = (_points(f"{_QUANTITY}:score", 10, 1), _points(f"{_QUALITY}:score", 8, 2))
    return Example(
        (_points(f"{_OUTPUT}:score", 18, 0), *scores),
        (_points(f"{_OUTPUT}:score", 15, 0), *scores),
    )


def grade_example(rule: Rule) -> Example:
    """The top band's score with its grade; then with the band below's."""
    bands = sorted(rule["bands"].items(), key=lambda band: -band[1])
    (top, least), (lower, _) = bands[0], bands[1]
    score = _points(rule["score"], int(least) + 1, 0)
    return Example(
        (score, example_fact(rule["grade"], top, 1)),
        (score, example_fact(rule["grade"], lower, 1)),
    )


def score_formula_example(rule: Rule) -> Example:
    """90 of 100 executed and the indicator's 10 points scored 9; then scored 8."""
    concept = indicator_concept((rule["indicators"][0],))
    money = (
        example_fact(rule["denominator"], Decimal(100), 2),
        example_fact(rule["numerator"], Decimal(90), 3),
    )
    weight = _points(f"{concept}:weight", 10, 0)
    return Example(
        (weight, _points(f"{concept}:score", 9, 1), *money),
        (weight, _points(f"{concept}:score", 8, 1), *money),
    )


SCORE_LE_WEIGHT = RuleType(
    name="score_le_weight",
    doc="每项指标得分 ≤ 其权重（分值）",
    params={},
    evaluate=evaluate_score_le_weight,
    example=score_le_weight_example,
    why="得分超过分值在打分上不可能，是填报错误。",
)
WEIGHTS_SUM = RuleType(
    name="weights_sum",
    doc="下级指标权重之和 = 上级指标权重；一级指标权重之和不超过满分",
    params={"full_marks": Param("number", required=False, default=100, doc="满分")},
    evaluate=evaluate_weights_sum,
    example=weights_sum_example,
    why="下级指标的分值加起来不等于上级，指标表本身就不自洽。",
)
SCORES_SUM = RuleType(
    name="scores_sum",
    doc="下级指标得分之和 = 上级指标得分；总分 = 一级指标得分之和",
    params={
        "total": Param("concept", doc="总分的概念"),
        "full_marks": Param(
            "number", required=False, default=100, doc="满分；一级指标权重之和不足满分时只检查得分之和不超过总分"
        ),
    },
    evaluate=evaluate_scores_sum,
    example=scores_sum_example,
    why="总分或上级得分不等于各项得分之和，自评结论因此站不住。",
)
GRADE = RuleType(
    name="grade",
    doc="等级与总分所在分数段一致",
    params={
        "score": Param("concept"),
        "grade": Param("concept"),
        "bands": Param("table", values="number", doc="等级 → 分数下限，如 优 = 90"),
        "aliases": Param("table", required=False, values="text", doc="写法 → 等级，如 优秀 = 优"),
    },
    evaluate=evaluate_grade,
    example=grade_example,
    why="等级与总分所在的分数段不符，自评结论前后矛盾。",
)
SCORE_FORMULA = RuleType(
    name="score_formula",
    doc="预算执行率指标得分 = 执行率 × 分值（不超过分值）；执行率由分子/分母算出，否则用写出的执行率",
    params={
        "indicators": Param("texts", doc="适用的指标名称"),
        "numerator": Param("concept"),
        "denominator": Param("concept"),
        "rate": Param("concept"),
    },
    evaluate=evaluate_score_formula,
    example=score_formula_example,
    why="预算执行率指标的得分有算法（执行率 × 分值），得分与之不符说明打分有误。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [SCORE_LE_WEIGHT, WEIGHTS_SUM, SCORES_SUM, GRADE, SCORE_FORMULA]
