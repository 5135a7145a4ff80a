"""Title, the department named in the title and in the body, year and kind of a report."""

from __future__ import annotations

import re
from collections.abc import Sequence

from evalrules.extract.figures import YEAR, figures
from evalrules.extract.normalize import normalize
from evalrules.extract.sections import heading_of
from evalrules.model import Fact, Line, Span

__all__ = ["KINDS", "department_facts", "kind_of", "title_line", "year_fact"]

_TITLE_WORDS = ("报告", "自评表", "说明", "情况", "决算", "预算", "公开", "公告")
_SKIP_TITLE = re.compile(r"^\s*(附件\s*\d*|附表\s*\d*|\d+)\s*[:：]?\s*$")
# Where the department's name ends in a title: the report type that follows it.
_TITLE_TAIL = re.compile(
    r"(部门整体|单位整体|整体支出|整体绩效|部门预算|部门决算|单位决算|单位预算|项目支出|项目绩效|绩效自评|绩效评价|"
    r"年度|预算|决算|“三公”|三公|政府采购|国有资产)"
)
_ORG_SUFFIX = (
    "委员会|联合会|办公室|管理局|管理处|服务中心|人民政府|政府|协会|学会|政协|人大|法院|检察院|医院|学校|"
    "中心|委|局|厅|署|部|办|院|所|站|馆|队|处|会|社|校|园|镇|乡|街道"
)
# a name's characters, with the pinyin readings some pages print after them: 政務(wù)服務(wù)中心
_NAME_CHARS = r"(?:[\u4e00-\u9fff()（）]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))"
_ORG = re.compile(rf"{_NAME_CHARS}{{2,40}}?(?:{_ORG_SUFFIX})")
# A body sentence that introduces the department: the name, then 为/是/本级/成立….
_BODY_ORG = re.compile(
    rf"^\s*(?:我单位|本单位|单位名称[:：]?|部门\(单位\)名称[:：|]?)?\s*"
    rf"(?P<name>{_NAME_CHARS}{{2,40}}?(?:{_ORG_SUFFIX}))"
    r"(?:本级|机关)?(?:为|是|系|属|成立|位于|内设|下设|共有|主要职责|现有|于\d|\(以下简称|（以下简称|坚持|严格"
    r"|\s*\d{4}\s*年度?[,，]|\s*$)"
)

KINDS = {
    "dept-overall": ("部门整体", "单位整体", "整体支出"),
    "project": ("项目支出", "项目绩效", "项目自评", "专项资金"),
    "final-accounts": ("部门决算", "单位决算", "决算公开", "决算报告"),
}


def title_line(lines: Sequence[Line]) -> Line | None:
    """The first line that reads like a report title (short, naming a report, stating no amount)."""
    for line in lines[:15]:
        text = line.text.strip()
        if not text or _SKIP_TITLE.match(text) or heading_of(text) is not None:
            continue
        if any(f.unit for f in figures(normalize(text))):
            continue
        if len(text) <= 60 and any(word in text for word in _TITLE_WORDS):
            return line
    return None


def kind_of(title: str | None) -> str | None:
    if not title:
        return None
    for kind, words in KINDS.items():
        if any(word in title for word in words):
            return kind
    return None


def _fact(concept: str, line: Line, start: int, end: int) -> Fact:
    """A name as written (traditional characters stay traditional) at ``line.text[start:end]``."""
    written = line.text[start:end]
    return Fact(concept, written, Span(line.number, start + 1, written))


def department_facts(lines: Sequence[Line], title: Line | None) -> list[Fact]:
    facts: list[Fact] = []
    if title is not None:
        text = normalize(title.text)
        head = YEAR.sub(lambda m: " " * len(m.group()), text)
        tail = _TITLE_TAIL.search(head)
        name_part = (head[: tail.start()] if tail else "").split()  # the year left a gap
        match = _ORG.fullmatch(name_part[0].removesuffix("度")) if name_part else None
        if match:
            start = text.find(match.group())
            facts.append(_fact("report.title_department", title, start, start + len(match.group())))
    start = lines.index(title) + 1 if title is not None else 0
    for line in lines[start:]:
        found = _BODY_ORG.match(normalize(line.text))
        if found:
            facts.append(_fact("report.department", line, found.start("name"), found.end("name")))
            break
    return facts


def year_fact(lines: Sequence[Line]) -> Fact | None:
    """The first year written as ``2023年`` that is not part of a date or a document number."""
    for line in lines:
        text = normalize(line.text)
        for match in YEAR.finditer(text):
            before = text[max(0, match.start() - 1) : match.start()]
            if before in ("〔", "[", "【", "("):
                continue
            if re.match(r"\s*\d{1,2}\s*月", text[match.end() :]):
                continue
            return Fact("report.year", match[1], Span(line.number, match.start() + 1, match[1]), decimals=0)
    return None
