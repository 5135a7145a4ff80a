"""``blanks``: a template's gaps left unfilled — a unit with no figure before it (占 %,
比上年减少 万元), where the template's author meant one to be written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from evalrules import Example, Outcome, Param, Report, Rule, RuleType, hookimpl

_GAP = r"[ \t\u3000\xa0]*"


@functools.lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern[str]:
    """The gap a rule's ``words`` and ``units`` make, compiled once per rule, not per report."""
    either = "|".join(map(re.escape, words))
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))  # 万元 before 元
    # the unit is a unit, not the start of a word (万元户), and no figure stands in the gap
    return re.compile(rf"(?:{either}){_GAP}(?:{unit})(?![\u4e00-\u9fff\d])")


def evaluate_blanks(rule: Rule, report: Report) -> Iterator[Outcome]:
    pattern = _pattern(tuple(rule["words"]), tuple(rule["units"]))
    for statement in report.statements:  # a gap a page cut in two (减少 / 万元) is one gap
        gaps = [statement.location(m.start(), m.end()) for m in pattern.finditer(statement.text)]
        if not gaps:
            continue
        line = gaps[0].start_line or gaps[0].line
        written = [gap.text for gap in gaps]
        yield Outcome(
            ok=False,
            facts=(),
            detail=f"第{line}行 {len(gaps)} 处只有单位、没有数字：" + "、".join(f"“{w}”" for w in written),
            seen="、".join(written),
            expected="单位前写明数字",
            locations=tuple(gaps),
        )


def blanks_example(rule: Rule) -> Example:
    """Every figure written; then a share left as the template had it."""
    filled = "“三公”经费支出35万元，其中公务接待费30万元，占85.71%，比上年减少2万元。"
    return Example(texts=(filled, filled.replace("85.71%", " %", 1)))


BLANKS = RuleType(
    name="blanks",
    doc="模板中的空位都已填上数字（不留“占 %”“减少 万元”）",
    params={
        "words": Param("texts", doc="其后应写数字的词（占、减少、增加……）"),
        "units": Param("texts", doc="空位后的单位（%、万元、元……）"),
    },
    evaluate=evaluate_blanks,
    example=blanks_example,
    why="只写了单位没有数字，是照模板填写时漏填了一处；读者无从知道这个数。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [BLANKS]
