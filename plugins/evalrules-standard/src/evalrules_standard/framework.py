"""``framework``: the report's indicator tree against the framework a ruleset declares.

    framework = { "年度资金总额" = 10, "产出指标" = 40, "产出指标.数量指标" = 20, ... }

A report is held to the framework only where it follows it: when at least ``min_overlap`` of
the framework's first-level indicators appear among the report's (a report on another
framework is not a report with every indicator missing), and a node's children only when
the report names some.  Then each declared indicator must be there (missing), with its
weight (re-weighted); an indicator of the report in no declared place is a renamed one when
a declared indicator of that level is missing, else one the framework does not have.
Names compare without a trailing 指标 (产出 = 产出指标), and a name ``aliases`` gives is the
framework's indicator it names (the national form's money row 年度资金总额 is its 预算执行率).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from evalrules import Example, Indicator, Location, Outcome, Param, Report, Rule, RuleType, hookimpl
from evalrules.concepts import indicator_concept
from evalrules_standard._outcome import example_fact


def _key(name: str) -> str:
    return name.strip().removesuffix("指标")


def _declared(framework: Mapping[str, float]) -> dict[tuple[str, ...], Decimal]:
    return {tuple(_key(part) for part in path.split(".")): Decimal(str(w)) for path, w in framework.items()}


def _stated(
    nodes: tuple[Indicator, ...], aliases: Mapping[str, str], prefix: tuple[str, ...] = ()
) -> dict[tuple[str, ...], Indicator]:
    """The report's indicators by path, a name the framework knows under another (年度资金总额 for
    预算执行率: the national form's money row) under the framework's."""
    found: dict[tuple[str, ...], Indicator] = {}
    for node in nodes:
        path = (*prefix, aliases.get(_key(node.name), _key(node.name)))
        found[path] = node
        found.update(_stated(node.children, aliases, path))
    return found


def _where(node: Indicator) -> tuple[Location, ...]:
    facts = node.weights[:1] or node.scores[:1]
    return tuple(Location.of(f) for f in facts)


def evaluate_framework(rule: Rule, report: Report) -> Iterator[Outcome]:
    declared = _declared(rule["framework"])
    aliases = {_key(written): _key(name) for written, name in (rule["aliases"] or {}).items()}
    stated = _stated(report.indicators, aliases)
    firsts = [path for path in declared if len(path) == 1]
    common = [path for path in firsts if path in stated]
    if not firsts or len(common) < rule["min_overlap"] * len(firsts):
        return
    anchor = next(iter(_where(stated[common[0]])), None)
    for level in sorted({len(p) for p in declared}):
        for parent in {p[:-1] for p in declared if len(p) == level}:
            if level > 1 and (parent not in stated or not any(len(p) == level and p[:-1] == parent for p in stated)):
                continue  # the report does not break this node down
            wanted = [p for p in declared if len(p) == level and p[:-1] == parent]
            present = [p for p in stated if len(p) == level and p[:-1] == parent]
            missing = [p for p in wanted if p not in stated]
            extra = [p for p in present if p not in declared]
            for path in wanted:
                if path in stated:
                    yield from _weight(stated[path], declared[path])
            for path in extra:
                node = stated[path]
                instead = missing.pop(0) if missing else None
                detail = (
                    f"报告的“{node.name}”不在框架中，框架此处为“{instead[-1]}”（疑似改名）"
                    if instead
                    else f"报告的“{node.name}”不在框架中"
                )
                yield Outcome(
                    False,
                    (),
                    detail,
                    seen=node.name,
                    expected=instead[-1] if instead else "",
                    locations=_where(node) or ((anchor,) if anchor else ()),
                )
            for path in missing:
                where = _where(stated[parent]) if parent in stated else ((anchor,) if anchor else ())
                yield Outcome(
                    False,
                    (),
                    f"缺少框架中的指标“{'.'.join(path)}”（权重 {declared[path]}分）",
                    seen="",
                    expected=path[-1],
                    locations=where,
                )


def _weight(node: Indicator, weight: Decimal) -> Iterator[Outcome]:
    for fact in node.weights[:1]:
        yield Outcome(
            fact.number == weight,
            (fact,),
            f"“{node.name}”权重 {fact.written()}，框架为 {weight}分",
            seen=fact.written(),
            expected=f"{weight}分",
        )


def framework_example(rule: Rule) -> Example:
    """The framework's indicators with its weights; then the first of them weighted 5 more."""
    paths = list(rule["framework"].items())
    facts = [
        example_fact(indicator_concept(path.split("."), "weight"), Decimal(str(weight)), i, "分")
        for i, (path, weight) in enumerate(paths)
    ]
    first = paths[0]
    wrong = example_fact(indicator_concept(first[0].split("."), "weight"), Decimal(str(first[1])) + 5, 0, "分")
    return Example(tuple(facts), (wrong, *facts[1:]))


FRAMEWORK = RuleType(
    name="framework",
    doc="指标体系与规则集声明的框架一致：指标不缺、不改名、权重不变",
    params={
        "framework": Param("table", values="number", doc="指标路径 → 权重，如 产出指标 = 40、产出指标.数量指标 = 20"),
        "aliases": Param(
            "table", required=False, values="text", doc="写法 → 框架中的指标名，如 年度资金总额 = 预算执行率"
        ),
        "min_overlap": Param(
            "number", required=False, default=0.5, doc="报告至少含框架一级指标的比例，否则视为采用其他框架"
        ),
    },
    evaluate=evaluate_framework,
    example=framework_example,
    why="指标体系的权重与本地评价框架不一致，说明没有按规定的框架自评。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [FRAMEWORK]
