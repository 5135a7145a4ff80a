"""湖南 (部门整体支出): the province's ruleset and the ``penalty_score`` rule type its framework needs.

A template for other packs: a module registered under the ``evalrules`` entry-point group,
a ruleset shipped as TOML beside it, and a rule type written against evalrules' public API.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from evalrules import Example, Fact, Interval, Outcome, Param, Report, Rule, RuleType, bindings, hookimpl, relations
from evalrules.concepts import indicator_concept
from evalrules.quantity import UnitError
from evalrules.testing import fact

__version__ = "0.1.0"


def _rate(facts: dict[str, Fact]) -> Interval | None:
    """The rate in percent: numerator / denominator when both are stated, else the stated rate."""
    if "numerator" in facts and "denominator" in facts:
        num, den = relations.values_of([facts["numerator"], facts["denominator"]])
        return None if den.contains_zero() else (num / den).scale(Decimal(100))
    return relations.value_of(facts["rate"]) if "rate" in facts else None


def _expected(rate: Interval, weight: Decimal, threshold: Decimal, per_point: Decimal | None) -> Interval | None:
    """weight − per_point × (rate − threshold) above the threshold, never below 0; None when the
    rule gives no deduction rate and the rate is above the threshold."""
    if per_point is None:
        return Interval.exact(weight) if rate.hi <= threshold else None

    def score(x: Decimal) -> Decimal:
        return min(weight, max(Decimal(0), weight - per_point * max(Decimal(0), x - threshold)))

    return Interval(score(rate.hi), score(rate.lo))


def evaluate_penalty_score(rule: Rule, report: Report) -> Iterator[Outcome]:
    names = set(rule["indicators"])
    threshold = Decimal(str(rule["threshold"]))
    per_point = Decimal(str(rule["per_point"])) if rule["per_point"] is not None else None
    for node in report.all_indicators():
        if node.name not in names:
            continue
        roles = {"score": f"{node.concept}:score", "weight": f"{node.concept}:weight"}
        roles |= {role: rule[role] for role in ("rate", "numerator", "denominator") if rule[role]}
        for chosen in bindings(report, roles, required=["score", "weight"]):
            try:
                rate = _rate(chosen)
            except UnitError:
                continue
            if rate is None:
                continue
            weight = chosen["weight"].number
            expected = _expected(rate, weight, threshold, per_point)
            if expected is None:
                continue
            score = chosen["score"]
            value = Interval.exact(score.number) if score.decimals == 0 else relations.value_of(score)
            shown = relations.show(expected, "分", 2)
            yield Outcome(
                value.overlaps(expected),
                tuple(chosen.values()),
                f"{node.name} {relations.show(rate, '%', 2)}，按规则应得 {shown}，报告为 {score.written()}",
                seen=score.written(),
                expected=shown,
            )


def penalty_score_example(rule: Rule) -> Example:
    """A rate 5 points within the threshold and the indicator's full 5 points; then 4 points."""
    concept = indicator_concept((rule["indicators"][0],))
    within = Decimal(str(rule["threshold"])) - 5
    if rule["rate"]:
        rate: tuple[Fact, ...] = (fact(rule["rate"], str(within), "%", line=1, column=30),)
    else:
        rate = (
            fact(rule["numerator"], str(within), "万元", line=1, column=30),
            fact(rule["denominator"], "100", "万元", line=1, column=40),
        )
    weight = fact(f"{concept}:weight", "5", "分", line=1, column=1)
    return Example(
        (weight, fact(f"{concept}:score", "5", "分", line=1, column=10), *rate),
        (weight, fact(f"{concept}:score", "4", "分", line=1, column=10), *rate),
    )


PENALTY_SCORE = RuleType(
    name="penalty_score",
    doc="比率不超过阈值得满分，每超 1 个百分点扣若干分（不低于 0）",
    params={
        "indicators": Param("texts", doc="适用的指标名称"),
        "rate": Param("concept", required=False, doc="写出的比率（%）"),
        "numerator": Param("concept", required=False, doc="算比率的分子"),
        "denominator": Param("concept", required=False, doc="算比率的分母"),
        "threshold": Param("number", doc="得满分的比率上限（%）"),
        "per_point": Param("number", required=False, doc="每超 1 个百分点扣的分；不写则只检查未超时得满分"),
    },
    evaluate=evaluate_penalty_score,
    example=penalty_score_example,
    why="湖南的评分办法规定了扣分方式；得分与按规则算出的不符，说明自评打分没有按办法执行。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [PENALTY_SCORE]


@hookimpl
def evalrules_rulesets() -> list[Path]:
    return sorted((Path(__file__).parent / "rules").glob("*.toml"))
