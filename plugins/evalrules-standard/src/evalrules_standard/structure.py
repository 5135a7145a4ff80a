"""``sections``: numbered headings run without duplicates or gaps (一、二、三、…; （一）（二）…),
within each part of the text (a 第二部分, or a second document on the page, numbers anew).

``item_numbers``: the items a paragraph numbers as it runs (1.完成……。2.做好……。) do not
repeat a number."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from evalrules import Example, Location, Outcome, Report, Rule, RuleType, Section, Statement, hookimpl
from evalrules_standard._outcome import text_failure

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


def _heading_location(section: Section) -> Location:
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
                locations=(_heading_location(before), _heading_location(after)),
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


# an item a paragraph numbers: at its start, after a sentence's end or a colon, 1. 1、 or (1); not 1.5 or 5、6月;
# a list's first item also right after the words it lists for (年度主要工作内容1.完成…: a body run onto one line)
_ITEM = re.compile(
    r"(?:^|(?<=[。；;：:！!？?]))\s*(?:(?P<n>\d{1,2})(?P<mark>[.、])(?!\d)|\((?P<pn>\d{1,2})\))"
    r"|(?<=[\u4e00-\u9fff])(?P<first>1)(?P<first_mark>[.、])(?=[\u4e00-\u9fff])"
)
# where a row's cells are run onto one line, each cell numbers its own items
_CELL_BREAK = re.compile(r"\||\t| {2,}")


_Item = tuple[Statement, re.Match[str]]


def _repeated_items(statements: Sequence[Statement]) -> Iterator[tuple[_Item, _Item]]:
    """The item numbers written twice in a row, in a list that counted 1, 2, 3 … up to them,
    in one paragraph's ``statements``.

    Only a repeat is reported: a number that skips may be an item this reading missed (one not
    after a sentence's end), a number that falls starts another list.  A body run onto one line
    is cut into statements where its items start (…工作。2.做好…): a statement that opens with
    an item goes on with the list before it, any other statement starts afresh."""
    runs: dict[str, list[_Item]] = {}  # by how a list writes its numbers: 1. 1、 (1)
    for statement in statements:
        text, last = statement.text, 0
        items = list(_ITEM.finditer(text))
        if not items or items[0].start() > 0:
            runs.clear()  # a statement that does not open with an item starts afresh
        for item in items:
            if _CELL_BREAK.search(text, last, item.start()):
                runs.clear()
            last = item.end()
            mark = item["mark"] or item["first_mark"] or "()"
            value = int(item["n"] or item["pn"] or item["first"])
            run = runs.get(mark, [])
            if value == 1:
                runs[mark] = [(statement, item)]
            elif run and value == len(run) + 1:
                run.append((statement, item))
            else:
                if run and value == len(run):
                    yield run[-1], (statement, item)
                runs.pop(mark, None)


def _paragraphs(report: Report) -> Iterator[list[Statement]]:
    """The statements by the source line they start on: a line a run-on body was cut into
    several statements is one paragraph."""
    for _, group in itertools.groupby(report.statements, key=lambda statement: statement.start_line):
        yield list(group)


def _item_location(item: _Item) -> Location:
    statement, found = item
    start = found.start() + len(found[0]) - len(found[0].lstrip())
    return statement.location(start, found.end())


def evaluate_item_numbers(rule: Rule, report: Report) -> Iterator[Outcome]:
    for paragraph in _paragraphs(report):
        for first, again in _repeated_items(paragraph):
            number = first[1][0].strip()
            yield text_failure(
                f"段内条目编号“{number}”连续出现两次",
                f"{number} {number}",
                f"{number} 之后为下一个编号",
                _item_location(first),
                _item_location(again),
            )


def item_numbers_example(rule: Rule) -> Example:
    """Items numbered in order; then one number written twice."""
    passing = "年度主要工作内容：1.完成城市管理监督工作。2.做好平台的日常维护。3.完成各终端单位的考核。4.处理投诉。"
    return Example(texts=(passing, passing.replace("4.处理", "3.处理")))


ITEM_NUMBERS = RuleType(
    name="item_numbers",
    doc="段落中依次编号的条目（1.……。2.……。）编号不重复",
    params={},
    evaluate=evaluate_item_numbers,
    example=item_numbers_example,
    why="条目编号重复，常是增删条目后没有重排编号。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [SECTIONS, ITEM_NUMBERS]
