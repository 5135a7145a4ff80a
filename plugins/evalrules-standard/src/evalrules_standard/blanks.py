"""``blanks``: a template's gaps left unfilled — a unit with no figure before it (占 %,
比上年减少 万元), where the template's author meant one to be written.

``blank_fields``: a form's identity field left empty — a row of cells that names the field
(单位, 项目名称) and leaves every cell after it blank (单位 | | | |)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from evalrules import Example, Outcome, Param, Report, Rule, RuleType, hookimpl
from evalrules_standard._outcome import text_failure

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
        yield text_failure(
            f"第{line}行 {len(gaps)} 处只有单位、没有数字：" + "、".join(f"“{w}”" for w in written),
            "、".join(written),
            "单位前写明数字",
            *gaps,
        )


@functools.lru_cache(maxsize=16)
def _field_pattern(fields: tuple[str, ...]) -> re.Pattern[str]:
    """A row holding only the field's name and two or more empty cells: a form written one
    cell a line (项目名称 | with its value on the next line) has one separator, not two."""
    names = "|".join(map(re.escape, sorted(fields, key=len, reverse=True)))
    # each run of spaces is bounded by a | (two runs side by side would make a line of spaces quadratic)
    return re.compile(rf"^{_GAP}(?:\|{_GAP})?(?P<name>{names}){_GAP}\|(?:{_GAP}\|)+{_GAP}$")


def evaluate_blank_fields(rule: Rule, report: Report) -> Iterator[Outcome]:
    pattern = _field_pattern(tuple(rule["fields"]))
    for statement in report.statements:
        found = pattern.match(statement.text)
        if found is None:
            continue
        where = statement.location(found.start("name"), found.end("name"))
        name = found["name"]
        yield text_failure(
            f"第{where.start_line or where.line}行“{name}”一栏空白", f"{name} 空白", f"填写{name}", where
        )


def blank_fields_example(rule: Rule) -> Example:
    """The unit's name in its field; then the field left empty."""
    filled = "2023年度部门整体支出绩效评价自评表\n单位 | 某县财政局 | | | |\n序号 | 一级指标 | 二级指标 |"
    return Example(texts=(filled, filled.replace("某县财政局", "")))


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


BLANK_FIELDS = RuleType(
    name="blank_fields",
    doc="表头的单位、项目名称等栏目都已填写",
    params={"fields": Param("texts", doc="应填写的表头栏目（单位、项目名称……）")},
    evaluate=evaluate_blank_fields,
    example=blank_fields_example,
    why="表头栏目空白，读者无从知道这张表是哪个单位、哪个项目的；常是照模板填写时漏填。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [BLANKS, BLANK_FIELDS]
