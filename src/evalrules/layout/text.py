"""One normalised text per document, with one offset map back to the source.

Every copy of a report — a Word file, a PDF's text layer, a web page, a scan's OCR, a mirror in
traditional characters — reads as one text here:

- full-width digits and signs as ASCII, traditional characters as simplified (``normalize``);
- a half-width full stop after Chinese text (``万元.``) as ``。``: a sentence ends there;
- OCR confusions repaired inside numbers and units only: ``1O.5`` → ``10.5``, ``2l3`` → ``213``,
  ``万兀`` → ``万元``;
- pinyin readings some pages print after each character dropped (``事業(yè)收入``);
- in a line of prose or of table cells, a space between two Chinese characters dropped (PDF
  text layers and OCR space characters apart); a line with neither, or one that holds a row of
  column names written with spaces (``columns.toml``), keeps its spaces: they separate cells;
- a table written with spaces between its cells read as cells (``spaced_rows``);
- page furniture dropped (``boilerplate``): breadcrumbs, a page's fields and buttons, a 文库
  notice, a converter's metadata dump before the first line of text.

Each normalised line keeps, for every character, the column it came from, so that a fact read
from the normalised text points at the line and column where its figure is written, and a name
or a unit is given as written.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib.resources import files

import attrs

from evalrules.layout.boilerplate import furniture
from evalrules.layout.headings import heading_of, is_contents
from evalrules.layout.normalize import PINYIN, fold_width, normalize
from evalrules.layout.spaced_rows import SpacedTable, column_words
from evalrules.model import Block, Document, Fact, Line, Span, Statement

__all__ = ["NormalText", "normal_document", "normal_line"]

_CJK = "\u4e00-\u9fff"
# one character replaced by another, where the context says which it is
_OCR = (
    (re.compile(r"(?<=\d)[Oo](?=[\d.,])|(?<=[\d.])[Oo](?=\d)"), "0"),
    (re.compile(r"(?<=\d)[lI](?=\d)|(?<=\d\.)[lI]|(?<=\d)[lI](?=\.\d)"), "1"),
    (re.compile(r"(?<=[万萬])兀"), "元"),
    (re.compile(rf"(?<=[{_CJK})”%])\.(?![a-zA-Z])"), "。"),  # after Chinese text never a decimal point; not 报告.pdf
)
_OCR_CANDIDATE = re.compile(r"[OolI兀.]")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_DROPPED_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\xa0]+(?=[{_CJK}])")
# a space that parts one field from the next on a form's line (单位名称:塘湖镇政府 填报日期:2021.5.18):
# the next field's label and its colon after it, a field's colon before it
_FIELD_SPACE = re.compile(rf"[:：][^:：]*?[{_CJK}][ \t\u3000\xa0]+(?=[{_CJK}]{{2,8}}[:：])")
_PROSE_OR_CELLS = re.compile(r"[，。；：、,;:|]")
_TOKEN = re.compile(r"\S*")


def normal_line(source: str, row: bool = False) -> tuple[str, tuple[int, ...]]:
    """``source`` normalised, and for each of its characters the 0-based column it came from;
    a ``row`` of a table written with spaces keeps them, but for those a copy put in a name."""
    text = normalize(source)
    if _OCR_CANDIDATE.search(text):
        chars = list(text)
        for pattern, replacement in _OCR:
            for found in pattern.finditer(text):
                chars[found.start()] = replacement
            text = "".join(chars)
    keep = [True] * len(text)
    boilerplate = furniture().length(text)
    keep[:boilerplate] = [False] * boilerplate
    for reading in PINYIN.finditer(text):
        if reading.start() > 0 and _CJK_CHAR.match(text, reading.start() - 1):
            keep[reading.start() : reading.end()] = [False] * (reading.end() - reading.start())
    if " " in text or "\t" in text:
        split = _split_words(text) if row else _cell_spaces(text)
        for space in split if split is not None else _dropped_spaces(text):
            keep[space.start() : space.end()] = [False] * (space.end() - space.start())
    columns = tuple(i for i, kept in enumerate(keep) if kept)
    return "".join(text[i] for i in columns), columns


def _dropped_spaces(text: str) -> Iterator[re.Match[str]]:
    """The spaces a copy put between two Chinese characters of prose: not those that part the
    fields of a form's line."""
    kept = {m.end() for m in _FIELD_SPACE.finditer(text)}
    return (space for space in _DROPPED_SPACE.finditer(text) if space.end() not in kept)


def _cell_spaces(text: str) -> list[re.Match[str]] | None:
    """In a line of cells, the spaces a copy put inside a name (``_split_words``); None for a
    line of prose.  A line with neither prose nor cell punctuation is cells; one with them is
    cells when it holds a row of column names written with spaces (年初预算数 全年预算数
    全年执行数), a name a copy split (三 级指标) counted whole."""
    if not _PROSE_OR_CELLS.search(text):
        return _split_words(text)
    words, _, least = column_words()
    squeezed = re.sub(r"\s", "", text)
    if sum(squeezed.count(word) for word in words) < least:
        return None  # most prose: too few column names in it, however its spaces fall
    split = _split_words(text)
    for space in reversed(split):
        text = text[: space.start()] + text[space.end() :]
    return split if sum(1 for token in text.split() if token in words) >= least else None


_YEAR_WORD = re.compile(r"\d{4}\s*年度?")  # 2018年预算数: the column of that year's figures


def _undated(token: str) -> str:
    """A column's name without the year it is headed with (2017年决算数 → 决算数)."""
    year = _YEAR_WORD.match(token)
    return token[year.end() :] if year else token


def _split_words(text: str) -> list[re.Match[str]]:
    """In a line whose spaces part cells, the spaces that split a column name or a row label
    a copy put a space in (全 年执行 数, 年度资金 总额, 得 分, 2017年决算 数): the tokens on either
    side make one name, or the start of one, that neither is on its own (a year before a
    column's name heads that year's column); or each is one character (合 计, 项 目: a name
    spaced out)."""
    words, names, _ = column_words()
    dropped: list[re.Match[str]] = []
    token, token_end = "", -1
    for space in _DROPPED_SPACE.finditer(text):
        before = text.rfind(" ", 0, space.start()) + 1
        left = token if token_end == space.start() else text[before : space.start()]
        right = _TOKEN.match(text, space.end())
        joined = left + (right.group() if right else "")
        name, left_name = _undated(joined), _undated(left)  # 2017年决算 数
        whole = left_name in words or left_name in names
        spelt_out = space.start() - before == 1 and right is not None and len(right.group()) == 1  # 合 计
        if not whole and (spelt_out or name in words or any(_completes(name, n) for n in names)):
            dropped.append(space)
            token, token_end = joined, space.end() + len(joined) - len(left)
        else:
            token, token_end = "", -1
    return dropped


_BRACKETED = re.compile(r"\([^()]*\)")


def _completes(joined: str, name: str) -> bool:
    """Whether ``joined`` is the start of ``name``, or ``name`` with no more Chinese after it
    but a bracket's (年度资金总额:, 产出指标(50分))."""
    if name.startswith(joined):
        return True
    return joined.startswith(name) and not _CJK_CHAR.search(_BRACKETED.sub("", joined[len(name) :]))


@attrs.frozen
class NormalText:
    """A document's lines normalised, and the way back from a normalised place to the source.

    A line a page cut at its width is joined to the line it goes on in, so a normalised line
    may hold several source lines; a body run onto one line is cut where its paragraphs and
    table rows start, so several normalised lines may come from one source line.  Each
    character keeps its source line and column."""

    document: Document  # the same blocks, every line and cell normalised, wrapped lines joined
    source: Document
    statements: dict[int, Statement]  # normalised line number → its text and where each character is written
    _origin: dict[int, int]  # normalised line number → the source line it starts on
    _first: dict[int, int]  # source line number → its first normalised line

    def source_line(self, number: int) -> int:
        """The source line normalised line ``number`` starts on."""
        return self._origin.get(number, number)

    def first_normal_line(self, source: int) -> int:
        """The first normalised line of source line ``source``."""
        return self._first.get(source, source)

    def _placed(self, span: Span) -> tuple[Statement, int, int] | None:
        """The statement ``span`` of the normalised text is in, and where in it (0-based)."""
        statement = self.statements.get(span.line)
        first = span.column - 1
        if statement is None or not span.text or not 0 <= first < first + len(span.text) <= len(statement.places):
            return None
        return statement, first, first + len(span.text)

    def source_span(self, span: Span) -> Span:
        """Where ``span`` of the normalised text is written in the source, as written there
        (on the line its first character is on)."""
        placed = self._placed(span)
        return placed[0].span(*placed[1:]) if placed else span

    def written(self, span: Span) -> str:
        """``span`` of the normalised text as the source writes it, the whole of it where a
        page cut it over several lines (a title, a name)."""
        placed = self._placed(span)
        return placed[0].location(*placed[1:]).text if placed else span.text

    def to_source(self, fact: Fact) -> Fact:
        """``fact`` pointing at the source: its line and column, its text, a name and a unit as
        written (a name a page cut over two lines as its two pieces are written)."""
        span = self.source_span(fact.span)
        if span is fact.span:
            return fact
        value = fact.value if fact.is_figure() else _as_written(fact.value, self.written(fact.span))
        return attrs.evolve(fact, span=span, value=value, unit=_unit_as_written(fact.unit, span.text))


def _as_written(value: object, written: str) -> str:
    """A name as the source writes it (traditional characters and pinyin readings kept)."""
    return written if PINYIN.sub("", normalize(written)).replace(" ", "") == str(value).replace(" ", "") else str(value)


def _unit_as_written(unit: str | None, written: str) -> str | None:
    """萬元 where the source writes 萬元: the unit is kept as written."""
    if not unit:
        return unit
    tail = written[-len(unit) :]
    return fold_width(tail) if normalize(tail) == unit else unit


_WRAP_LEAST = 15  # lines shorter than this say nothing of the page width
_WRAP_LINES = 3  # lines of one width that make it the page's
_WRAP_SHARE = 0.25  # of the long lines
_WRAP_CUT = 0.6  # of the lines of that width that stop in mid-sentence
_WRAP_SLACK = 12  # a cut moved back to before a number leaves a line this much shorter
_ENDS = re.compile(r"[。；;！!？?|:：]\s*$")


def _page_width(lines: Sequence[Line]) -> int | None:
    """The width at which the page cut its lines, if it did: the length most long lines have,
    when most lines of that length stop in mid-sentence."""
    # a table's row written with spaces ends where its last cell does, whatever the page's width
    long = [
        text
        for text in (line.text.rstrip() for line in lines)
        if len(text) >= _WRAP_LEAST and not _ENDS_WITH_CELL.search(text)
    ]
    lengths = Counter(len(text) for text in long)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    cut = sum(1 for text in long if len(text) == width and not _ENDS.search(text))
    if count < _WRAP_LINES or count < _WRAP_SHARE * len(long) or cut < _WRAP_CUT * count:
        return None
    return width


def _cut(line: Line, following: Line, width: int | None) -> bool:
    """Whether ``line`` was cut at the page width and goes on in ``following``."""
    text = line.text.rstrip()
    return (
        width is not None
        and width - _WRAP_SLACK <= len(text) <= width
        and not _ENDS.search(text)
        and bool(following.text.strip())
        and heading_of(following.text) is None
        and not is_contents(following.text)
        and (heading_of(text) is None or len(text) == width)  # a heading that runs on into its text
        and not _ends_as_title(text)  # last: it normalises the line, which the rest need not
    )


# a row of a table written with spaces: its last cell a figure (or a blank's dash)
_ENDS_WITH_CELL = re.compile(r"\s(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[-—/])$")


def _normal_lines(
    lines: Sequence[Line], width: int | None, numbering: _Numbering, statements: dict[int, Statement]
) -> list[Line]:
    """The lines of a block normalised, a line cut at the page width joined to the rest of it
    first: the whole line is what says whether its spaces part cells and where furniture ends."""
    normal: list[Line] = []
    group: list[Line] = []
    table = SpacedTable(normal_line)
    for i, line in enumerate(lines):
        numbering.texts[line.number] = line.text
        group.append(line)
        if i + 1 < len(lines) and _cut(line, lines[i + 1], width):
            continue
        first = group[0].number
        text, columns = table.read("".join(part.text for part in group))
        origin = [(part.number, column) for part in group for column in range(len(part.text))]
        joined = [origin[column] for column in columns]
        pieces = _pieces(text)
        for start, end in pieces:
            if len(pieces) > 1 and furniture().length(text[start:end]) == end - start:
                continue  # page fields the body ran into: 来源:罗湖区审计局发布时间:2025-12-26
            number = numbering.next(first)
            last = numbering.of(line.number) if line.number != first and end == len(text) else None
            normal.append(Line(number, text[start:end], last))
            statements[number] = Statement(text[start:end], tuple(joined[start:end]), first, numbering.texts)
        group = []
    return normal


_RUN_ON_LEAST = 200  # characters: a line this long may hold a body run onto one line
# where a paragraph starts inside a line that holds a body run on: a heading after a sentence
# ends (。二、 / 。3. / 。(3) / 如下:(一), but not 附件:1.…, an attachment's name, nor …;2.…, an item of a
# list), or right after a cell (|(一)), not after a cell's separator and its space
# (| 1.项目年度目标完成情况 | is a cell of a row)
_HEADING_AHEAD = r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)"
_NUMBERED_AHEAD = r"(?<![\d.])\d{1,2}(?:、|\.(?!\d))|\(\d{1,2}\)"
_RUN_ON_BREAK = re.compile(
    rf"(?<=[。；;！？!?:：)])\s*(?={_HEADING_AHEAD})|(?<=[。！？!?])\s*(?={_NUMBERED_AHEAD})"
    rf"|(?<=\|)(?={_HEADING_AHEAD}|{_NUMBERED_AHEAD})"
)
# the end of a heading's title that runs on into its text, which opens with a year:
# 一、收入支出决算总体情况说明2022年度收、支总计各是…
_TITLE_RUNS_ON = re.compile(r"(?:情况说明|情况|说明|分析|概况)(?=\d{4}\s*年)")
_TITLE_REACH = 40  # characters: a heading's title is short
_TITLE_LONGEST = 80  # characters: where a document's title, at the start of a line, ends at the latest


@functools.cache
def _title_ends() -> str:
    """The words a document's title ends with (``titles.toml``), as one alternation."""
    data = tomllib.loads(files("evalrules.layout").joinpath("titles.toml").read_text("utf-8"))
    return "|".join(map(re.escape, sorted(data["ends"], key=len, reverse=True)))


@functools.cache
def _title_on_heading() -> re.Pattern[str]:
    """A document's title run on into its first heading: the word it ends with, then 一、, (一)
    or 第一部分."""
    return re.compile(rf"(?:{_title_ends()})(?={_HEADING_AHEAD}|第[一二三四五六七八九十]{{1,2}}部分)")


@functools.cache
def _title_line() -> re.Pattern[str]:
    """The end of a line that ends as a title, or as a title's file name, does."""
    return re.compile(rf"(?:{_title_ends()})(?:\.(?:pdf|docx?|wps))?\s*$", re.IGNORECASE)


_SENTENCE_MARK = re.compile(r"[，,。；;]")


def _ends_as_title(text: str) -> bool:
    """Whether a line ends as a title does (…情况说明, …自评报告.pdf, a file's name), with no
    sentence's punctuation and no figure but its year: it ends there, whatever its length
    (…未达到90%的需说明 and 受省政府委托,…会议报告 go on)."""
    plain = PINYIN.sub("", normalize(text))
    if not _title_line().search(plain) or _SENTENCE_MARK.search(plain):
        return False
    return not re.search(r"\d", _YEAR_WORD.sub("", plain))


_RUN_ON_CELLS = 4  # cells in a paragraph of a line run on that make it a table written one cell a line
# where a cell starts right after a ``|``: in cells written one a line and run on, every cell
# (``合计 |246 |167.37 ||因公出国(境)费 |``); in rows of cells apart by `` | `` run on, the first
# cell of each row after the first (``得分 | 90 | ||合计 | 100 | |||||评价结论 |``)
_UNIT_DECLARED = re.compile(r"单位[:：]\s*(?:万元|元|亿元|千元)")
_NEXT_CELL = re.compile(r"\|(?=[^|\s])")
_FIGURE_CELL = re.compile(r"\s*-?\d[\d,.]*%?\s*\|")  # a cell that is one figure: 3、公务用车费 | 1946 |
_CELL_APART = re.compile(r"\|[ \t]")
# a cell written one a line ends with a space before its ``|`` (``246 |``): a row whose cells
# stand apart by a bare ``|`` (年度资金总额|120|118.5||93.00%|) is a row
_CELL_WRITTEN = re.compile(r"[ \t]\|")


_ITEM = re.compile(r"\(\d{1,2}\)")
_CELL_REACH = 200  # characters: a table's cell separator this near an item (3) makes the item a cell's


def _in_cell(text: str, found: re.Match[str]) -> bool:
    """Whether an item numbered (3) is one of a list inside a table's cell (…。(3)按计划组织… |),
    not a heading of the text."""
    if not _ITEM.match(text, found.end()):
        return False
    at = found.start()
    return "|" in text[max(0, at - _CELL_REACH) : at + _CELL_REACH]


def _pieces(text: str) -> list[tuple[int, int]]:
    """Where each line of ``text`` starts and ends as it was written before a body was run
    onto this one line: each paragraph on its line, a table's rows each on its line, and a
    table written one cell a line one cell a line again (``合计 |``, ``246 |``, and a lone
    ``|`` for an empty cell or the end of a row).  A line is cut into paragraphs only when it is
    long; a table's cells run together, and a heading from the text it runs into, are cut
    whatever its length."""
    if len(text) < _RUN_ON_LEAST and not _NEXT_CELL.search(text) and not _TITLE_RUNS_ON.search(text, 0, _TITLE_REACH):
        return [(0, len(text))]
    starts = [0]
    if len(text) >= _RUN_ON_LEAST:  # a shorter line holds one paragraph: its numbers are a list's
        starts += [m.start() for m in _RUN_ON_BREAK.finditer(text) if m.start() > 0 and not _in_cell(text, m)]
        starts += [at for span in furniture().within(text) for at in span if 0 < at < len(text)]
        starts += [
            found.end() for at in list(starts) if (found := _title_on_heading().search(text, at, at + _TITLE_LONGEST))
        ]
        starts.sort()
    cuts = set(starts)
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        if heading_of(text[start:end]) is not None:
            title_end = _TITLE_RUNS_ON.search(text, start, min(end, start + _TITLE_REACH))
            if title_end is not None:
                cuts.add(title_end.end())
        glued = [m.end() for m in _NEXT_CELL.finditer(text, start, end)]
        if not glued:
            continue
        first = text.find("|", start, end)
        if heading_of(text[start:end]) is not None and not _FIGURE_CELL.match(text, first + 1, end):
            cuts.add(first)  # a heading that runs on into a table is its caption; with its figure, a row
        declared = _UNIT_DECLARED.search(text, start, first)
        if declared is not None and declared.end() < first:
            cuts.add(declared.end())  # …预算支出表单位:万元项目 |: the caption ends with the unit it declares
        if len(_CELL_APART.findall(text, start, end)) >= len(glued):
            cuts.update(glued)  # rows of cells apart by " | "
        elif len(glued) >= _RUN_ON_CELLS and _CELL_WRITTEN.search(text, start, end):
            cuts.update(at + 1 for at in range(first, end - 1) if text[at] == "|")
    ordered = sorted(cuts)
    return list(zip(ordered, [*ordered[1:], len(text)], strict=True))


@attrs.define
class _Numbering:
    """Normalised lines are numbered as the source's, until a line run on is cut into several:
    from there on each gets the next number.  It keeps the way back and forth."""

    texts: dict[int, str] = attrs.Factory(dict)  # source line number → its text
    origin: dict[int, int] = attrs.Factory(dict)  # normalised line number → source line number
    first: dict[int, int] = attrs.Factory(dict)  # source line number → its first normalised line
    shift: int = 0
    _last: int = 0  # the source line the last number was given for

    def next(self, source: int) -> int:
        """The number of the next normalised line, which starts on source line ``source``."""
        if source == self._last:
            self.shift += 1
        self._last = source
        number = self.of(source)
        self.origin[number] = source
        self.first.setdefault(source, number)
        return number

    def of(self, source: int) -> int:
        """The number source line ``source`` has as things stand (the end of a joined line)."""
        return source + self.shift


def _normal_rows(rows: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normal_line(cell)[0] for cell in row) for row in rows)


def normal_document(document: Document) -> NormalText:
    """``document`` normalised once, every block and cell, with the map back to it."""
    statements: dict[int, Statement] = {}
    numbering = _Numbering()
    width = _page_width(list(document.lines()))
    blocks = tuple(
        Block(block.kind, tuple(_normal_lines(block.lines, width, numbering, statements)), _normal_rows(block.rows))
        for block in document.blocks
    )
    return NormalText(attrs.evolve(document, blocks=blocks), document, statements, numbering.origin, numbering.first)
