"""``sections``: numbered headings run without duplicates or gaps (一、二、三、…; （一）（二）…),
within each part of the text (a 第二部分, or a second document on the page, numbers anew)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from evalrules import Example, Location, Outcome, Report, Rule, RuleType, Section, hookimpl

_DIGITS = "零一二三四五六七八九"


def _chinese(value: int) -> str:
    if value < 10:
        return _DIGITS[value]
    tens, ones = divmod(value, 10)
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"


def _written(section: Section, value: int) -> str:
    """How ``value`` is numbered in ``section``'s style: 四、 （四） 4. （4）."""
    number = _chinese(value) if section.style in ("cn", "pcn") else str(value)
    return {"cn": f"{number}、", "pcn": f"（{number}）", "n": f"{number}.", "pn": f"（{number}）"}[section.style]


def _location(section: Section) -> Location:
    return Location(section.line, 1, f"{section.number}{section.title}"[:30])


def _written_between(report: Report, before: Section, after: Section) -> bool:
    """Whether every number between two headings is written between their lines (…运转二、项目资金
    使用及管理情况…: a heading a body run onto one line runs on from its sentence)."""
    if report.document is None:
        return False  # a report built from figures: no text to look in
    lines = (line.text for line in report.document.lines() if before.line <= line.number <= after.line)
    text = "\n".join(lines).replace("(", "（").replace(")", "）")
    return all(_written(after, value) in text for value in range(before.value + 1, after.value))


def evaluate_sections(rule: Rule, report: Report) -> Iterator[Outcome]:
    siblings: dict[tuple[int, int | None, str], list[Section]] = {}
    for section in report.sections:
        siblings.setdefault((section.part, section.parent, section.style), []).append(section)
    for run in siblings.values():
        for before, after in itertools.pairwise(run):
            if after.value < before.value:
                continue  # numbering starts again: another list
            if after.value == before.value:
                detail = f"“{before.number}”出现两次（第{before.line}行、第{after.line}行）"
            elif after.value > before.value + 1:
                if _written_between(report, before, after):
                    continue  # the numbers between are written, run into their text: no heading is missing
                missing = "、".join(_written(after, v).rstrip("、.") for v in range(before.value + 1, after.value))
                detail = (
                    f"从“{before.number}”（第{before.line}行）跳到“{after.number}”（第{after.line}行），缺少 {missing}"
                )
            else:
                detail = f"{before.number} → {after.number}"
            yield Outcome(
                after.value == before.value + 1,
                (),
                detail,
                seen=after.number,
                expected=_written(after, before.value + 1),
                locations=(_location(before), _location(after)),
            )


def sections_example(rule: Rule) -> Example:
    """Headings numbered in order; then one number skipped."""
    passing = "一、基本情况\n本单位设有三个科室。\n二、预算执行情况\n全年执行良好。\n三、存在的问题\n无。"
    return Example(texts=(passing, passing.replace("三、存在的问题", "四、存在的问题")))


SECTIONS = RuleType(
    name="sections",
    doc="同级章节编号连续：不重复、不跳号",
    params={},
    evaluate=evaluate_sections,
    example=sections_example,
    why="章节编号重复或跳号，常是删改段落后没有重排，或漏了一整节内容。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [SECTIONS]
