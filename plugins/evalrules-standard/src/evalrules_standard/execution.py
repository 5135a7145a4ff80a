"""Rates, shares, changes and orderings.

- ``ratio``: a stated rate or share = numerator / denominator × 100;
- ``growth``: a stated change in percent = change / (value − change) × 100, against last year
  or against the budget; on a base the written figures allow to be zero only a rate as large
  as that base's rounding makes it can hold (本年50万元，增加50万元，增长100% cannot);
- ``change``: a stated change = this year's figure − last year's, where the report states both
  (a budget may be compared with last year's final figure); off by a last-digit unit as
  written (11.8 − 12.39 = −0.59, written −0.58) it is a milder ``rounding_gap`` finding;
- ``budget_rate``: a stated execution rate = executed / (executed − its stated excess over
  the budget) × 100 (完成年初预算100% does not fit 决算数大于预算数55.93万元);
- ``compare``: a ≤ b, a = b, … between two concepts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from evalrules import Example, Fact, Interval, Outcome, Param, Report, Rule, RuleType, bindings, hookimpl, relations
from evalrules.quantity import UnitError, dimension, unit_factor
from evalrules_standard._outcome import computed_outcome, example_fact, outcome, rounding_gap, rounding_gap_param


def evaluate_ratio(rule: Rule, report: Report) -> Iterator[Outcome]:
    roles = {"rate": rule["rate"], "numerator": rule["numerator"], "denominator": rule["denominator"]}
    scale = Decimal(str(rule["scale"]))
    for chosen in bindings(report, roles, required=list(roles)):
        facts = [chosen["rate"], chosen["numerator"], chosen["denominator"]]

        def holds(trial: list[Fact]) -> bool | None:
            return relations.ratio_holds(trial[0], trial[1], trial[2], scale=scale)

        try:
            if relations.values_of(facts[1:])[1].contains_zero():
                continue
            num, den = relations.as_written(facts[1:])
            computed = relations.decisive(num / den * scale, facts[0].unit, facts[0])
            expression = f"{facts[1].written()} / {facts[2].written()}"
            result = computed_outcome(facts, holds, facts[0], expression, computed)
        except UnitError:
            continue
        if result is not None:
            yield result


def _growth_holds(trial: list[Fact]) -> bool | None:
    pct, change, value = trial
    delta, now = relations.values_of([change, value])
    before = now - delta
    if before.contains_zero():
        return _reachable_from_zero(relations.value_of(pct), delta, before)
    return relations.value_of(pct).overlaps((delta / before).scale(Decimal(100)))


def _reachable_from_zero(pct: Interval, delta: Interval, before: Interval) -> bool | None:
    """A change in percent on a base the written figures allow to be zero (本年50万元，增加50万元):
    the base is at most the rounding's width, so only a rate of at least |change| / that width
    can hold — 增长100% cannot; None when the change itself may be zero."""
    if delta.contains_zero():
        return None
    widest = max(-before.lo, before.hi)
    if widest == 0:
        return False  # a base of exactly zero: no rate at all
    least = min(abs(delta.lo), abs(delta.hi)) / widest * 100
    return max(abs(pct.lo), abs(pct.hi)) >= least


# the measures of a change and of that change in percent, by what it is against
_CHANGES = {"year": ("yoy_change", "yoy_pct"), "budget": ("vs_budget", "vs_budget_pct")}


def evaluate_growth(rule: Rule, report: Report) -> Iterator[Outcome]:
    change_measure, pct_measure = _CHANGES[rule["against"]]
    for concept in rule["concepts"]:
        roles = {"pct": f"{concept}:{pct_measure}", "change": f"{concept}:{change_measure}", "value": concept}
        for chosen in bindings(report, roles, required=list(roles)):
            facts = [chosen["pct"], chosen["change"], chosen["value"]]
            if facts[0].clause != facts[1].clause:
                continue  # a percentage and an amount of two different sentences are two changes
            try:
                delta, now = relations.values_of(facts[1:])
                if (now - delta).contains_zero():
                    result = _zero_base_outcome(facts)
                    if result is not None:
                        yield result
                    continue
                change, value = relations.as_written(facts[1:])
                computed = relations.decisive(change / (value - change) * 100, "%", facts[0])
                expression = f"{facts[1].written()} / ({relations.minus(facts[2].written(), facts[1])})"
                result = computed_outcome(facts, _growth_holds, facts[0], expression, computed)
            except UnitError:
                continue
            if result is not None:
                yield result


def _zero_base_outcome(facts: list[Fact]) -> Outcome | None:
    """A rate stated on a base of zero as written (增加50万元，增长100% of 50万元): it fails
    unless it is as large as a base within rounding of zero makes it."""
    pct, change, value = facts
    base = f"{relations.minus(value.written(), change)} ≈ 0"
    return outcome(
        facts,
        _growth_holds,
        f"写 {pct.written()}，而上年数 {base}，增长率无从计算",
        seen=pct.written(),
        expected="上年数为 0 时不写增长率（或说明“上年无此项”）",
        passed=f"上年数 {base}，所写 {pct.written()} 在舍入范围内可以成立",
    )


def _other_scope(concept: str) -> str:
    for a, b in ((".budget.", ".final."), (".final.", ".budget.")):
        if a in f".{concept}":
            return f".{concept}".replace(a, b, 1).lstrip(".")
    return concept


def _last_year(report: Report, concept: str, year: int) -> Fact | None:
    """The item's figure of ``year`` − 1: the concept itself, else its other scope."""
    for candidate in (concept, _other_scope(concept)):
        found = next((f for f in report.all(candidate) if f.period == year - 1), None)
        if found is not None:
            return found
    return None


def _change_holds(trial: list[Fact]) -> bool:
    change, now, before = relations.values_of(trial)
    return change.overlaps(now - before)


def _as_written_gap(change: Fact, now: Fact, before: Fact) -> Decimal | None:
    """now − before as written (a figure with fewer decimals taken to have left out its zeros),
    against the change at its own precision: the gap, or None when they agree."""
    if {dimension(f.unit) for f in (change, now, before)} != {"money"}:
        return None
    computed = now.number * unit_factor(now.unit) - before.number * unit_factor(before.unit)
    return relations.as_written_gap(change, computed, change.unit)


def evaluate_change(rule: Rule, report: Report) -> Iterator[Outcome]:
    for concept in rule["concepts"]:
        roles = {"change": f"{concept}:yoy_change", "value": concept}
        for chosen in bindings(report, roles, required=list(roles)):
            change, now = chosen["change"], chosen["value"]
            year = now.period or change.period
            before = _last_year(report, concept, year) if year else None
            if before is None:
                continue
            facts = [change, now, before]
            try:
                unit = change.unit or relations.common_unit(facts)
                computed = relations.show(now.quantity(unit).interval - before.quantity(unit).interval, unit, 2)
                expression = f"{relations.minus(now.written(), before)}（上年）"
                result = computed_outcome(facts, _change_holds, change, expression, computed)
                gap = _as_written_gap(change, now, before) if result is not None and result.ok else None
            except UnitError:
                continue
            if result is not None and gap is not None and rule["rounding_gap"] != "off":
                stated = f"写 {change.written()}，而 {expression} = {computed}"
                result = rounding_gap(result, relations.show(abs(gap), unit), rule["rounding_gap"], stated)
            if result is not None:
                yield result


def _budget_rate_holds(trial: list[Fact]) -> bool | None:
    rate, executed, excess = trial
    spent, over = relations.values_of([executed, excess])
    budget = spent - over
    if budget.contains_zero():
        return None
    return relations.value_of(rate).overlaps((spent / budget).scale(Decimal(100)))


def evaluate_budget_rate(rule: Rule, report: Report) -> Iterator[Outcome]:
    roles = {"rate": rule["rate"], "executed": rule["executed"], "excess": f"{rule['executed']}:vs_budget"}
    for chosen in bindings(report, roles, required=list(roles)):
        facts = [chosen["rate"], chosen["executed"], chosen["excess"]]
        if len({f.clause for f in facts}) > 1:
            continue  # a rate and an excess of two different sentences
        try:
            spent, over = relations.values_of(facts[1:])
            if (spent - over).contains_zero():
                continue
            written_spent, written_over = relations.as_written(facts[1:])
            computed = relations.decisive(written_spent / (written_spent - written_over) * 100, "%", facts[0])
        except UnitError:
            continue
        spent_text = facts[1].written()
        expression = f"{spent_text} / ({relations.minus(spent_text, facts[2])})"
        result = computed_outcome(facts, _budget_rate_holds, facts[0], expression, computed)
        if result is not None:
            yield result


_OPS: dict[str, tuple[Callable[[Interval, Interval], bool], str]] = {
    "<=": (lambda a, b: a.le(b), "≤"),
    "<": (lambda a, b: a.lo < b.hi, "<"),
    "=": (lambda a, b: a.overlaps(b), "="),
    ">=": (lambda a, b: b.le(a), "≥"),
    ">": (lambda a, b: b.lo < a.hi, ">"),
}


def evaluate_compare(rule: Rule, report: Report) -> Iterator[Outcome]:
    test, symbol = _OPS[rule["op"]]
    roles = {"left": rule["left"], "right": rule["right"]}
    for chosen in bindings(report, roles, required=list(roles)):
        facts = [chosen["left"], chosen["right"]]

        def holds(trial: list[Fact]) -> bool:
            a, b = relations.values_of(trial)
            return test(a, b)

        try:
            result = outcome(
                facts,
                holds,
                f"{facts[0].written()}（第{facts[0].line}行）应 {symbol} {facts[1].written()}（第{facts[1].line}行）",
                seen=facts[0].written(),
                expected=f"{symbol} {facts[1].written()}",
            )
        except UnitError:
            continue
        if result is not None:
            yield result


def ratio_example(rule: Rule) -> Example:
    """80 of 100 stated as 80%; then stated as 85%."""
    scale = Decimal(str(rule["scale"]))
    unit = "%" if scale == 100 else None
    figures = (example_fact(rule["numerator"], Decimal(80), 1), example_fact(rule["denominator"], Decimal(100), 2))
    rate = Decimal("0.8") * scale
    return Example(
        (example_fact(rule["rate"], rate, 0, unit), *figures),
        (example_fact(rule["rate"], rate + scale / 20, 0, unit), *figures),
    )


def growth_example(rule: Rule) -> Example:
    """120, up 20 on last year (or on the budget), stated as up 20%; then as up 25%."""
    concept = rule["concepts"][0]
    change, pct = _CHANGES[rule["against"]]
    figures = (example_fact(concept, Decimal(120), 0), example_fact(f"{concept}:{change}", Decimal(20), 1))
    return Example(
        (*figures, example_fact(f"{concept}:{pct}", Decimal(20), 2, "%")),
        (*figures, example_fact(f"{concept}:{pct}", Decimal(25), 2, "%")),
    )


def budget_rate_example(rule: Rule) -> Example:
    """110 executed, 10 over the budget, stated as 110% of it; then as 120%."""
    figures = (
        example_fact(rule["executed"], Decimal(110), 0),
        example_fact(f"{rule['executed']}:vs_budget", Decimal(10), 1),
    )
    return Example(
        (*figures, example_fact(rule["rate"], Decimal(110), 2, "%")),
        (*figures, example_fact(rule["rate"], Decimal(120), 2, "%")),
    )


def change_example(rule: Rule) -> Example:
    """2023's 120, up 20 on 2022's 100 (stated in another sentence); then up 30."""
    concept = rule["concepts"][0]
    now = example_fact(concept, Decimal(120), 0, period=2023)
    before = example_fact(concept, Decimal(100), 0, line=3, period=2022)
    return Example(
        (now, example_fact(f"{concept}:yoy_change", Decimal(20), 1, period=2023), before),
        (now, example_fact(f"{concept}:yoy_change", Decimal(30), 1, period=2023), before),
    )


_COMPARED = {"=": (100, 100, 90), "<=": (90, 100, 110), "<": (90, 100, 110), ">=": (100, 90, 80), ">": (100, 90, 80)}


def compare_example(rule: Rule) -> Example:
    """Two figures in the relation; then the left one out of it."""
    left, right, wrong = (Decimal(v) for v in _COMPARED[rule["op"]])
    other = example_fact(rule["right"], right, 1)
    return Example((example_fact(rule["left"], left, 0), other), (example_fact(rule["left"], wrong, 0), other))


RATIO = RuleType(
    name="ratio",
    doc="比率或占比 = 分子 / 分母 × 100（按书写精度比较）",
    params={
        "rate": Param("concept", doc="写出的比率（%）"),
        "numerator": Param("concept", doc="分子"),
        "denominator": Param("concept", doc="分母"),
        "scale": Param("number", required=False, default=100, doc="比率的倍数，百分比为 100"),
    },
    evaluate=evaluate_ratio,
    why="写出的比率与它的分子分母算出的不符，报告里至少有一个数是错的；按书写精度比较，四舍五入不会误报。",
    example=ratio_example,
)
GROWTH = RuleType(
    name="growth",
    doc="增减率 = 增减额 / (本年数 − 增减额) × 100（较上年，或较预算）",
    params={
        "concepts": Param("concepts", doc="带 :yoy_change 与 :yoy_pct（较预算：:vs_budget 与 :vs_budget_pct）的概念"),
        "against": Param(
            "text", required=False, default="year", choices=tuple(_CHANGES), doc="year：较上年；budget：较预算"
        ),
    },
    evaluate=evaluate_growth,
    example=growth_example,
    why="增减率与增减额、本年数算出的不符，至少有一个数字写错。",
)
CHANGE = RuleType(
    name="change",
    doc="增减额 = 本年数 − 上年数（报告写出上年数时；预算可与上年决算相比）",
    params={
        "concepts": Param("concepts", doc="带 :yoy_change 的概念"),
        "rounding_gap": rounding_gap_param("两年数字之差与增减额"),
    },
    evaluate=evaluate_change,
    example=change_example,
    why="增减额与两年数字之差不符，至少有一个数字写错。",
)
BUDGET_RATE = RuleType(
    name="budget_rate",
    doc="执行率 = 执行数 / (执行数 − 较预算增减额) × 100（“完成预算x%”与“决算数大于预算数y”须相符）",
    params={
        "rate": Param("concept", doc="执行率的概念"),
        "executed": Param("concept", doc="执行数的概念（其 :vs_budget 为较预算的增减额）"),
    },
    evaluate=evaluate_budget_rate,
    example=budget_rate_example,
    why="完成预算的百分比与超出（或结余）的金额相互矛盾。",
)
COMPARE = RuleType(
    name="compare",
    doc="两个概念之间的关系：left op right（op 为 <=、<、=、>=、>）",
    params={
        "left": Param("concept"),
        "right": Param("concept"),
        "op": Param("text", required=False, default="<=", choices=tuple(_OPS), doc="<=、<、=、>=、>"),
    },
    evaluate=evaluate_compare,
    why="两个数之间应有的大小关系被违反（如实有人数超过编制、决算“三公”经费超过预算），往往是填报错误或需说明的超支。",
    example=compare_example,
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [RATIO, GROWTH, CHANGE, BUDGET_RATE, COMPARE]
