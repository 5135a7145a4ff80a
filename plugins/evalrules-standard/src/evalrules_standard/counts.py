"""``listed_count``: a count and the list that names its members — 设9个内设机构，分别为：办公室、
……（八个名称）.

Only a closed list of names is counted: it follows the count and one of the rule's ``introducers``
(分别为, 即, 包括 …), ends at the clause's end, holds no figure, no open ending (等) and no
bracketed aside.  A 和 or 及 may join two names or sit inside one (人事和教育股), so a list of n
names separated by 、 with k such words holds n to n + k names; only a count outside that range
is a finding.  A count of one is not checked: 一个 is as often "a" as a count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from evalrules import Example, Outcome, Param, Report, Rule, RuleType, chinese_value, hookimpl
from evalrules_standard._outcome import text_failure

_NAME = r"[\u4e00-\u9fff]"
_LIST_END = "，,。；;：:！!？?"


@functools.lru_cache(maxsize=16)
def _pattern(measures: tuple[str, ...], introducers: tuple[str, ...]) -> re.Pattern[str]:
    """A count, what it counts (a few characters at most) and the word that starts its list."""
    measure = "|".join(map(re.escape, measures))
    introducer = "|".join(map(re.escape, sorted(introducers, key=len, reverse=True)))  # 分别为 before 为
    return re.compile(
        rf"(?<![\d.第])(?P<count>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})(?:{measure}){_NAME}{{0,12}}?"
        rf"[,，]?(?:{introducer})[:：]?(?P<list>[^{_LIST_END}]+)"
    )


def _count(written: str) -> int:
    return int(written) if written.isdigit() else int(chinese_value(written)[0])


def _names(text: str, joiners: tuple[str, ...], open_words: tuple[str, ...]) -> tuple[int, int] | None:
    """The fewest and most names ``text`` can list, or None when it is not a closed list of names."""
    names = text.split("、")
    if len(names) < 2 or any(not name or len(name) > 20 or not re.fullmatch(f"{_NAME}+", name) for name in names):
        return None
    if any(word in text for word in open_words):
        return None
    return len(names), len(names) + sum(text.count(joiner) for joiner in joiners)


def evaluate_listed_count(rule: Rule, report: Report) -> Iterator[Outcome]:
    pattern = _pattern(tuple(rule["measures"]), tuple(rule["introducers"]))
    joiners, open_words = tuple(rule["joiners"]), tuple(rule["open_words"])
    for statement in report.statements:
        for match in pattern.finditer(statement.text):
            count, listed = _count(match["count"]), _names(match["list"], joiners, open_words)
            if count < 2 or listed is None or listed[0] <= count <= listed[1]:  # 一个 is "a", not a count
                continue
            fewest, most = listed
            names = f"{fewest}个" if fewest == most else f"{fewest}至{most}个"
            yield text_failure(
                f"称{match['count']}个，列出的名称为{names}：{match['list']}",
                f"{names}名称",
                f"列出{count}个名称",
                statement.location(match.start(), match.end()),
            )


def listed_count_example(rule: Rule) -> Example:
    """A count and its list alike; then the list one name short."""
    names = ["办公室", "预算股", "国库股"]
    listed = "本单位设{}个内设机构，分别为：{}。"
    return Example(texts=(listed.format(3, "、".join(names)), listed.format(3, "、".join(names[:2]))))


LISTED_COUNT = RuleType(
    name="listed_count",
    doc="所述个数与其后列出的名称个数相符（设9个内设机构，分别为：……）",
    params={
        "measures": Param("texts", doc="个数后的量词（个、家、所……）"),
        "introducers": Param("texts", doc="引出名单的词（分别为、即、包括……）"),
        "joiners": Param("texts", doc="可连接两个名称、也可在一个名称之内的词（和、及……）"),
        "open_words": Param("texts", doc="名单未列全的标志（等……），有则不核对"),
    },
    evaluate=evaluate_listed_count,
    example=listed_count_example,
    why="所述个数与列出的名称个数不符，要么漏列（或多列）了一个，要么个数写错了。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [LISTED_COUNT]
