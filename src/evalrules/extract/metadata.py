"""Title, the department named in the title and in the body, year and kind of a report."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from evalrules.extract.figures import YEAR, figures
from evalrules.layout.headings import heading_of
from evalrules.layout.normalize import PINYIN, normalize, without_readings
from evalrules.model import Fact, Line, Span

__all__ = ["KINDS", "department_facts", "kind_of", "title_line", "year_fact"]

_TITLE_WORDS = ("报告", "自评表", "说明", "情况", "决算", "预算", "公开", "公告")
_DOCUMENT_WORDS = ("报告", "自评表", "评价表", "说明", "公告", "决算")  # the kinds of document a title names
# 附件3 alone, or an attachment list's entry (附件:1.广东省科学技术厅2020年度…报告): not the title
_SKIP_TITLE = re.compile(r"^\s*(?:(?:附\s*件|附\s*表)\s*\d*\s*[:：]?\s*(?:\d+\s*[.、．]|$)|\d+\s*[:：]?\s*$)")
_BULLET = re.compile(r"^[\s•·●◆■▪\-*]*")
# Where the department's name ends in a title: the report type that follows it.
_TITLE_TAIL = (
    r"部门整体|单位整体|整体支出|整体绩效|部门预算|部门决算|单位决算|单位预算|项目支出|项目绩效|绩效自评|绩效评价|"
    r"年度|预算|决算|“三公”|\"三公\"|三公|政府采购|国有资产"
)
# in a title, the name may also end where its subject starts (重庆市人民政府关于2023年度…的专项报告);
# in a body sentence, 市财政局关于印发… names another unit, so 关于 is no tail there
_TITLE_NAME_END = rf"{_TITLE_TAIL}|关于"
_ORG_SUFFIX = (
    "委员会|联合会|办公室|管理局|管理处|服务中心|人民政府|政府|协会|学会|政协|人大|法院|检察院|医院|学校|中学|小学|大学|"
    "中心|委|局|厅|署|部|办|院|所|站|馆|队|处|会|社|校|园|镇|乡|街道"
)
# a name's characters, with the pinyin readings some pages print after them: 政務(wù)服務(wù)中心
_NAME_CHARS = r"(?:[\u4e00-\u9fff()（）]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))"
# a name does not start with the words that lead into one (根据市财政局…, 全镇…, 我局…), nor
# with a heading's number ((一)项目基本概况我校…)
_NOT_A_NAME_START = (
    r"(?!根据|按照|依据|依照|遵照|关于|为了|经过|通过|结合|全|本|我|该|各|其" r"|\([一二三四五六七八九十]+\))"
)
_NAME = rf"{_NOT_A_NAME_START}{_NAME_CHARS}{{1,40}}?(?:{_ORG_SUFFIX})"
_ORG = re.compile(_NAME)
_YEAR_AHEAD = r"\d{4}\s*年"
# Where the body names the department: a form's field (单位名称 | 绥阳县太白镇人民政府), a sentence
# that opens with it (鹤山市水务局2018年…, 现将涪陵区新妙镇2021年度…, 县政协坚持…); a line that is only
# the name counts under a field's label or over a title (see department_facts).
_FIELD_LABEL = (
    r"(?:单位名称|部门名称|部门\(单位\)名称|单位\(部门\)名称|预算单位|实施单位|填报单位|评价单位"
    r"|(?<![\u4e00-\u9fff])部门(?=[:：]))"  # a statement's field: 收入支出决算总表 部门:…卫生院 收入
)
# a web page's publisher (发布机构) is often the department above the one the report is about,
# so it names the department only when nothing else does (a page's 来源 line is furniture, dropped
# by the layout)
_PUBLISHER_LABEL = r"发布机构"


def _field(label: str) -> re.Pattern[str]:
    """A field's value: the name, after the unit's budget code if the form writes one (219001-…镇人民政府)."""
    return re.compile(rf"{label}\s*[:：|•]?\s*(?:\d+\s*[-—]\s*)?(?P<name>{_NAME})(?=\s|[|,，。;；•]|$)")


def _alone(label: str) -> re.Pattern[str]:
    """The label alone on its line: its value is on the next."""
    return re.compile(rf"^\s*{label}\s*[:：]?\s*$")


_FIELD, _FIELD_ALONE = _field(_FIELD_LABEL), _alone(_FIELD_LABEL)
_PUBLISHER, _PUBLISHER_ALONE = _field(_PUBLISHER_LABEL), _alone(_PUBLISHER_LABEL)
_NAME_LINE = re.compile(rf"^(?P<name>{_NAME})\s*$")
# the heading of a report's part on the unit, which a body run onto one line runs into the
# sentence that names it: (一)部门概况保山市农业农村局为…, 二、机构设置渠县…中心下设…
_UNIT_HEADING = (
    r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))"
    r"(?:部门|单位)?(?:基本情况|概况|机构设置|主要职责|职能职责)"
)
_OPENING = re.compile(
    rf"(?:(?:{_UNIT_HEADING})+|^|[。；;]|现将|对|附\s*件\s*\d*\s*[:：]?\s*\d*\s*[.、．]?|我单位|本单位)\s*(?:{_YEAR_AHEAD}度?\s*)?"
    rf"(?P<name>{_NAME})(?:部门|单位)?"
    rf"(?=本级|机关|为|是|系|属|成立|位于|无?内设|下设|共有|主要职责|现有|\(以下简称|坚持|严格|认真|财政(?:预算)?拨款|\s*{_YEAR_AHEAD}"
    rf"|\s*(?:{_TITLE_TAIL}))"
)
# a sentence that opens with its year, then the unit it defines: 2024年,红河州数据发展中心(以下简称…)
_OPENING_AFTER_YEAR = re.compile(rf"(?:^|[。；;])\s*{_YEAR_AHEAD}度?\s*[,，]\s*(?P<name>{_NAME})(?=\(以下简称)")
# the formula that hands a report over, its year then its unit: 现将2022年西平县交通运输局…报告如下
_HANDED_OVER = re.compile(rf"现将\s*{_YEAR_AHEAD}度?\s*(?P<name>{_NAME})")

_BARE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_TITLE_YEAR = re.compile(rf"{YEAR.pattern}度?")  # 2022年度四川省…公安局: the name starts after 度
_UNIT_WORD = re.compile(r"(?:部门|单位)$")
_COLUMN_YEAR = re.compile(r"度?\s*(?:决算|预算|执行)数")
_LISTED_YEAR = re.compile(r"度?\s*[、和及至到~—-]\s*((?:19|20)\d{2})\s*年")

KINDS = {
    "dept-overall": ("部门整体", "单位整体", "整体支出"),
    "project": ("项目支出", "项目绩效", "项目自评", "专项资金"),
    "final-accounts": ("部门决算", "单位决算", "决算公开", "决算报告"),
}


def _plain(line: Line) -> tuple[str, list[int]]:
    """A line's text (normalised by the layout) without the bullet it may start with and
    without pinyin readings (现(xiàn)将); and where each of its characters is in ``line.text``."""
    bullet = _BULLET.match(line.text)
    return without_readings(line.text, bullet.end() if bullet else 0)


_CELL_SEPARATORS = re.compile(r"\s*\|[\s|]*")


def title_text(text: str) -> str:
    """A title line as a reader names it: a table's title row without its cell separators
    (``部门整体支出绩效自评表 | |||`` → ``部门整体支出绩效自评表``)."""
    return _CELL_SEPARATORS.sub(" ", text).strip()


def title_line(lines: Sequence[Line]) -> Line | None:
    """The first line that reads like a report title (names a report, states no amount): one
    that names a kind of document (报告, 说明) before one that only names a subject (预算, 情况),
    a web page's section (预算绩效管理) above the report's own title."""
    subject: Line | None = None
    for line in lines[:15]:
        text = _plain(line)[0].strip()
        if len(text) < 6 or len(text) > 60 or not any(word in text for word in _TITLE_WORDS):
            continue
        if _SKIP_TITLE.match(text) or heading_of(text) is not None:
            continue
        if any(f.unit for f in figures(text)) or re.search(r"[。，,；;]", text.rstrip("。")):
            continue  # a title states no amount and is not a sentence
        if any(word in text for word in _DOCUMENT_WORDS):
            return line
        subject = subject or line
    return subject


def kind_of(title: str | None) -> str | None:
    if not title:
        return None
    title = normalize(title)
    for kind, words in KINDS.items():
        if any(word in title for word in words):
            return kind
    return None


def _fact(concept: str, line: Line, start: int, end: int) -> Fact:
    """A name as written (traditional characters stay traditional) at ``line.text[start:end]``."""
    written = line.text[start:end]
    return Fact(concept, written, Span(line.number, start + 1, written))


def _named(line: Line, *patterns: re.Pattern[str]) -> Fact | None:
    """The department named on ``line`` by the first of ``patterns`` that finds one: the name
    as written, with the pinyin readings inside it."""
    text, positions = _plain(line)
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if end - start < 3:
                continue
            stop = positions[end - 1] + 1
            reading = PINYIN.match(line.text, stop)
            return _fact("report.department", line, positions[start], reading.end() if reading else stop)
    return None


def _next_to(lines: Sequence[Line], line: Line, step: int) -> Line | None:
    """The nearest line with text before ``line`` (``step`` -1) or after it (1)."""
    index = lines.index(line)
    others = reversed(lines[:index]) if step < 0 else lines[index + 1 :]
    return next((other for other in others if other.text.strip()), None)


def _title_department(lines: Sequence[Line], title: Line) -> Fact | None:
    """The department a title names before its report type, or alone on the line above it.
    A title is no row of cells: a space between two Chinese characters in it is a copy's."""
    text, positions = without_readings(title.text, spaces=True)
    head = _BARE_YEAR.sub(lambda m: " " * len(m.group()), _TITLE_YEAR.sub(lambda m: " " * len(m.group()), text))
    tail = re.search(_TITLE_NAME_END, head)
    # of the words before the report type, the year left out (2021年度 耒阳市第四中学部门决算,
    # 岳阳市城市管理监督指挥中心2018绩效评价…), the last that is a name, without a 部门 / 单位
    # after it (…教育体育局部门2020年度)
    words = (head[: tail.start()] if tail else "").split()
    match = next((m for word in reversed(words) if (m := _ORG.fullmatch(_UNIT_WORD.sub("", word)))), None)
    if match:
        start = text.find(match.group())
        end = start + len(match.group())
        pieces = title.text[positions[start] : positions[end - 1] + 1].split()
        if len(pieces) > 1 and all(_ORG.fullmatch(piece) for piece in pieces):
            return None  # 腾冲市教育体育局 腾冲市统计局 腾冲市财政局关于…: a joint notice, no one unit's
        return _fact("report.title_department", title, positions[start], positions[end - 1] + 1)
    above = _next_to(lines, title, -1)
    named = _named(above, _NAME_LINE) if above is not None else None
    return attrs.evolve(named, concept="report.title_department") if named else None


def _reads_as_title(text: str) -> bool:
    """A line that names a document or a report type and is no sentence (南漳县招商服务中心2019年
    部门决算, 开远市第十二中学校 2024 年度部门整体和): a title, a part's title, the first line of a
    title cut in two or a file's name, which the body's own naming of the unit comes after."""
    return not re.search(r"[。，,；;]", text) and (
        any(word in text for word in _TITLE_WORDS) or re.search(_TITLE_TAIL, text) is not None
    )


def _body_department(
    lines: Sequence[Line], skip: set[int], field: re.Pattern[str], alone: re.Pattern[str], *more: re.Pattern[str]
) -> Fact | None:
    """The first place the text names its department: a form's ``field`` (单位名称 | 绥阳县太白镇人民政府,
    or the name on the line under an ``alone`` label) or a sentence opening with the name (``more``)
    — a sentence's on a line that reads as a title only when no other line names it."""
    previous = ""
    on_title: Fact | None = None
    for line in lines:
        if line.number not in skip:
            title_like = bool(more) and _reads_as_title(line.text)
            found = _named(line, field) if title_like else _named(line, field, *more)
            if found is None and alone.match(previous):
                found = _named(line, _NAME_LINE)
            if found is not None:
                return found
            if title_like and on_title is None:
                on_title = _named(line, *more)
        if line.text.strip():
            previous = PINYIN.sub("", _BULLET.sub("", line.text, count=1))  # as _plain has it, cheaply
    return on_title


def department_facts(lines: Sequence[Line], title: Line | None) -> list[Fact]:
    """The department in the title, and where the text first names the department it is about.

    A name alone on a line names the department only in a field, over a title that names none
    (重庆市铜梁区小林镇人民政府 / 2022年决算报告) or right under it; elsewhere it is a
    signature, often of whoever published a summary.  A web page's publisher (发布机构) is the
    last resort.
    """
    titled = _title_department(lines, title) if title is not None else None
    skip = {title.number if title else 0, titled.line if titled else 0}
    found = _body_department(lines, skip, _FIELD, _FIELD_ALONE, _OPENING, _OPENING_AFTER_YEAR, _HANDED_OVER)
    if found is None and titled is not None and title is not None and titled.line != title.number:
        found = attrs.evolve(titled, concept="report.department")
    if found is None and titled is None and title is not None:
        below = _next_to(lines, title, 1)  # 绩效自评报告 / 株洲市渌口区科学技术协会: the unit under its title
        found = _named(below, _NAME_LINE) if below is not None else None
    if found is None:
        found = _body_department(lines, skip, _PUBLISHER, _PUBLISHER_ALONE)
        if found is not None and titled is not None and found.value != titled.value:
            found = None  # the publisher is never set against the unit the title names
    return [fact for fact in (titled, found) if fact is not None]


def year_fact(lines: Sequence[Line]) -> Fact | None:
    """The first year written as ``2023年`` that is not part of a date, a document number, a
    cited document's edition or a comparison."""
    for line in lines:
        text = line.text
        for match in YEAR.finditer(text):
            before = text[max(0, match.start() - 2) : match.start()].strip()[-1:]
            if before in ("〔", "[", "【", "较", "比", "与"):
                continue  # a document number's year, or the year compared against (较 2022 年度)
            if re.match(r"\s*\d{1,2}\s*月", text[match.end() :]):
                continue
            if before in ("(", "（") and text.count("《", 0, match.start()) > text.count("》", 0, match.start()):
                continue  # a cited document's edition: 《…操作规程(2022年修订)的通知》
            # columns headed 2017年决算数 2018年预算数 2018年决算数: the report's year is the latest
            columns = [m for m in YEAR.finditer(text) if _COLUMN_YEAR.match(text, m.end())]
            if len({m[1] for m in columns}) > 1 and match.start() in {m.start() for m in columns}:
                match = max(columns, key=lambda m: m[1])
            # 2021年、2022年…: the last of the years listed
            while (listed := _LISTED_YEAR.match(text, match.end())) and (later := YEAR.match(text, listed.start(1))):
                match = later
            return Fact("report.year", match[1], Span(line.number, match.start() + 1, match[1]), decimals=0)
    return None
