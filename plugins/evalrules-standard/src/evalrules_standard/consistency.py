"""One report, one story.

- ``repeated``: a figure stated more than once (in the same year) is stated alike;
- ``department``: the department in the title is the department the body describes.
"""

from __future__ import annotations

from collections.abc import Iterator

from evalrules import Fact, Location, Outcome, Param, Report, Rule, RuleType, hookimpl, relations
from evalrules.check.binding import compatible
from evalrules.quantity import UnitError
from evalrules_standard._outcome import outcome


def _included(concept: str, include: list[str], exclude: list[str]) -> bool:
    return any(concept.startswith(p) for p in include or [""]) and not any(concept.startswith(p) for p in exclude)


def evaluate_repeated(rule: Rule, report: Report) -> Iterator[Outcome]:
    include, exclude = rule["include"] or [], rule["exclude"] or []
    by_concept: dict[str, list[Fact]] = {}
    for fact in report.facts:
        if fact.is_figure() and _included(fact.concept, include, exclude):
            by_concept.setdefault(fact.concept, []).append(fact)
    for facts in by_concept.values():
        first = facts[0]
        for other in facts[1:]:
            if other.line == first.line or not compatible(first, other):
                continue
            try:
                result = outcome(
                    [first, other],
                    lambda trial: relations.equal_holds(trial[0], trial[1]),
                    f"第{first.line}行写 {first.written()}，第{other.line}行写 {other.written()}",
                    seen=other.written(),
                    expected=first.written(),
                )
            except UnitError:
                continue
            if result is not None:
                yield result


def same_department(a: str, b: str) -> bool:
    """Whether two names can name one department: one is the other or an abbreviation of it
    (县科协 for 衡阳县科学技术协会: its characters appear in order in the longer name)."""
    short, long = sorted((a, b), key=len)
    chars = iter(long)
    return all(ch in chars for ch in short)


def evaluate_department(rule: Rule, report: Report) -> Iterator[Outcome]:
    title, body = report.first("report.title_department"), report.first("report.department")
    if title is None or body is None:
        return
    ok = same_department(str(title.value), str(body.value))
    yield Outcome(
        ok=ok,
        facts=(),
        locations=(Location.of(title), Location.of(body)),
        detail=f"标题写“{title.value}”（第{title.line}行），正文是“{body.value}”（第{body.line}行）",
        seen=str(title.value),
        expected=str(body.value),
    )


REPEATED = RuleType(
    name="repeated",
    doc="同一年度同一数字多次出现时前后一致",
    params={
        "include": Param("texts", required=False, doc="只检查这些前缀的概念"),
        "exclude": Param("texts", required=False, doc="不检查这些前缀的概念"),
    },
    evaluate=evaluate_repeated,
)
DEPARTMENT = RuleType(
    name="department",
    doc="标题中的部门与正文中的部门一致（允许简称）",
    params={},
    evaluate=evaluate_department,
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [REPEATED, DEPARTMENT]
