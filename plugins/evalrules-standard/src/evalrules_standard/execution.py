"""Rates, shares, changes and orderings.

- ``ratio``: a stated rate or share = numerator / denominator × 100;
- ``growth``: a stated change in percent = change / (value − change) × 100;
- ``compare``: a ≤ b, a = b, … between two concepts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from evalrules import Fact, Interval, Outcome, Param, Report, Rule, RuleType, bindings, hookimpl, relations
from evalrules.quantity import UnitError
from evalrules_standard._outcome import outcome


def evaluate_ratio(rule: Rule, report: Report) -> Iterator[Outcome]:
    roles = {"rate": rule["rate"], "numerator": rule["numerator"], "denominator": rule["denominator"]}
    scale = Decimal(str(rule["scale"]))
    for chosen in bindings(report, roles, required=list(roles)):
        facts = [chosen["rate"], chosen["numerator"], chosen["denominator"]]

        def holds(trial: list[Fact]) -> bool | None:
            return relations.ratio_holds(trial[0], trial[1], trial[2], scale=scale)

        try:
            num, den = relations.values_of(facts[1:])
            if den.contains_zero():
                continue
            computed = relations.show((num / den).scale(scale), facts[0].unit, max(facts[0].decimals, 2))
            result = outcome(
                facts,
                holds,
                f"写 {facts[0].written()}，而 {facts[1].written()} / {facts[2].written()} = {computed}",
                seen=facts[0].written(),
                expected=computed,
            )
        except UnitError:
            continue
        if result is not None:
            yield result


def _growth_holds(trial: list[Fact]) -> bool | None:
    pct, change, value = trial
    delta, now = relations.values_of([change, value])
    before = now - delta
    if before.contains_zero():
        return None
    return relations.value_of(pct).overlaps((delta / before).scale(Decimal(100)))


def evaluate_growth(rule: Rule, report: Report) -> Iterator[Outcome]:
    for concept in rule["concepts"]:
        roles = {"pct": f"{concept}:yoy_pct", "change": f"{concept}:yoy_change", "value": concept}
        for chosen in bindings(report, roles, required=list(roles)):
            facts = [chosen["pct"], chosen["change"], chosen["value"]]
            if facts[0].clause != facts[1].clause:
                continue  # a percentage and an amount of two different sentences are two changes
            try:
                delta, now = relations.values_of(facts[1:])
                before = now - delta
                if before.contains_zero():
                    continue
                computed = relations.show((delta / before).scale(Decimal(100)), "%", 2)
                result = outcome(
                    facts,
                    _growth_holds,
                    f"写 {facts[0].written()}，而 {facts[1].written()} / ({facts[2].written()} − "
                    f"{facts[1].written()}) = {computed}",
                    seen=facts[0].written(),
                    expected=computed,
                )
            except UnitError:
                continue
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
)
GROWTH = RuleType(
    name="growth",
    doc="增减率 = 增减额 / (本年数 − 增减额) × 100",
    params={"concepts": Param("concepts", doc="带 :yoy_change 与 :yoy_pct 的概念")},
    evaluate=evaluate_growth,
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
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [RATIO, GROWTH, COMPARE]
