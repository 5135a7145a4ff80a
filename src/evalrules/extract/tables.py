"""Facts from tables: a header that names the columns, rows whose first cell names the concept.

Tables reach the extractor as lines of cells separated by ``|`` — written so in text pasted
from web pages, and rendered so by the .docx and .pdf loaders — or as one cell a line
(``合计 |`` / ``0.36 |``), which is reshaped into rows by the number of header cells.

- The header names what each column holds: 预算数 / 决算数 (the scope), 增减 / 增减率 / 占比
  (a change or a share), 年初预算数 / 全年预算数 / 全年执行数 / 执行率 (the money row of a
  self-evaluation form), 分值 / 权重 / 得分 (an indicator's weight and score), 一级/二级/三级指标
  (the indicator's path).
- The row's first cell is read with the lexicon, in the column's scope and the table's topic;
  the 年度资金总额 / 总额 row of a form is ``execution.*``, its 财政资金 sub-row ``execution.*_fiscal``.
- A figure without a unit takes the column's (``(万元)``) or the table's (``单位：万元``).

A table a PDF-to-text conversion wrote with spaces only (``经费控制情况 2017年决算数 2018年预算数
2018年决算数 三公经费 29.08 63.46 44.29``) is read by ``read_spaced_tables``: a run of column
headers, then groups of a label and bare numbers, a short group's numbers going on on the next
line (``公车运行维护 11.86`` / ``12 9.84``) and filling the columns from the right; of columns
headed with years, those before the latest are last year's.  A line of names none of which is a
column the reader knows (使用项目 2020年度数量或人次) heads another table and ends it.  A table's
topic is the one the lines above its header name (its caption: 一、…“三公”经费支出预算表), back to
the last sentence or table, else the title's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from evalrules.concepts import indicator_concept
from evalrules.extract.concept_columns import concept_columns
from evalrules.extract.figures import Figure, figures
from evalrules.extract.headers import COLUMNS, DECLARED_UNIT
from evalrules.extract.indicators import is_total
from evalrules.extract.lexicon import ANY_PARENT, Lexicon
from evalrules.layout.normalize import PINYIN, clean_label, fold_width, normalize
from evalrules.model import Fact, Line, Span
from evalrules.quantity import dimension

__all__ = ["read_spaced_tables", "read_tables", "table_lines"]

_NUMBERING = re.compile(r"^(?:其中[:：]?)?\s*(?:\d{1,2}[、.]|\(\d{1,2}\)|[一二三四五六七八九十]+、)?\s*")
_CELL_LINE = re.compile(r"^[^|]*\|\s*$")  # one cell and its separator (one quantifier per run: linear)

_LEVELS = 3  # 一级 / 二级 / 三级指标


@attrs.frozen
class Cell:
    text: str
    line: Line
    column: int  # 0-based, in line.text
    at: tuple[int, int] | None = None  # 1-based (row, column) in its table, once the rows are known
    slot: int | None = None  # 0-based place among the ``|``-parted cells of its line, empty ones counted
    width: int = 0  # how many such cells its line has

    @property
    def clean(self) -> str:
        return clean_label(self.text)


@attrs.frozen
class Column:
    kind: str
    scope: str | None
    unit: str | None
    decrease: bool = False
    year: int | None = None  # the year its header names: 2018年预算数


_SENTENCE_END = re.compile(r"[。！？!?]$")


def _cells(line: Line) -> list[Cell]:
    """The written cells of a ``|`` line, each knowing its slot: an empty cell is not written
    but keeps its place (a .docx row writes every cell, a blank 分值 included)."""
    cells, start = [], 0
    parts = line.text.split("|")
    leading = 1 if len(parts) > 1 and not parts[0].strip() else 0  # | a | b |: nothing before the first
    width = len(parts) - leading - (1 if len(parts) > 1 and not parts[-1].strip() else 0)  # a | b |: after the last
    for slot, part in enumerate(parts):
        if part.strip():
            offset = len(part) - len(part.lstrip())
            cells.append(Cell(part.strip(), line, start + offset, slot=slot - leading, width=width))
        start += len(part) + 1
    return cells


_PARAGRAPH_CELL = 120  # characters: a lone cell this long that ends a sentence is a paragraph a table ends on


def _in_table(lines: Sequence[Line], index: int) -> bool:
    """A line with a ``|``, or a cell written alone on the line before a lone ``|`` — but not a
    paragraph that only ends on a table's ``|`` (a web page's text run on into its layout table)."""
    text = lines[index].text
    if "|" in text:
        cells = _cells(lines[index])
        return not (len(cells) == 1 and len(cells[0].text) >= _PARAGRAPH_CELL and _SENTENCE_END.search(cells[0].text))
    return index + 1 < len(lines) and lines[index + 1].text.strip() == "|"


def table_lines(lines: Sequence[Line]) -> set[int]:
    """The numbers of the lines that hold table cells."""
    return {line.number for i, line in enumerate(lines) if _in_table(lines, i)}


_ASIDE = re.compile(r"\([^()]*\)")


def _column(cell: Cell, table_unit: str | None) -> Column | None:
    text = cell.clean
    # the name outside a bracket's aside: 得分(20分*执行率) heads the scores, not the rates
    keyword = COLUMNS.longest(_ASIDE.sub("", text)) or COLUMNS.longest(text)
    if keyword is None:
        return None
    kind, scope = COLUMNS.names[keyword]
    unit = DECLARED_UNIT.search(cell.text)
    year = _YEAR_HEADED.match(text)
    return Column(
        kind,
        scope,
        (unit[1] or unit[2]) if unit else table_unit,
        "减少" in text and "增" not in text,
        int(year[1]) if year else None,
    )


_YEAR_HEADED = re.compile(r"(\d{4})年度?")  # 2018年预算数: the column of that year's figures


def _dated(header: Sequence[Column | None]) -> list[Column | None]:
    """The columns; of those headed with years, the ones before the latest are last year's
    (2017年决算数 | 2018年预算数 | 2018年决算数: the first holds no figure of the report's year)."""
    latest = max((c.year for c in header if c is not None and c.year), default=None)
    return [
        attrs.evolve(c, kind="previous") if c is not None and c.year and latest and c.year < latest else c
        for c in header
    ]


def _label_unit(text: str) -> str | None:
    """The unit a header's first cell, or a table's caption, declares when it heads no column
    of figures (项目资金(万元), 项目(单位:万元), 一、项目资金使用情况(万元))."""
    declared = DECLARED_UNIT.search(text)
    if declared is None or COLUMNS.longest(clean_label(text)) is not None:
        return None
    return fold_width(declared[1] or declared[2])


def _rows(lines: Sequence[Line]) -> Iterator[list[Cell]]:
    """Rows of cells: a line of several cells is a row; cells written one a line (separated
    by lone ``|`` lines, an empty cell being two of them) are gathered and reshaped."""
    stream: list[Cell | None] = []
    pending: Cell | None = None
    for line in lines:
        cells = _cells(line)
        if "|" not in line.text or (_CELL_LINE.match(line.text) and len(cells) <= 1):
            if "|" not in line.text:  # a cell alone; its separator is the next line
                pending = Cell(line.text.strip(), line, len(line.text) - len(line.text.lstrip()))
                continue
            stream.append(cells[0] if cells else pending)
            pending = None
            continue
        if stream:
            yield from _reshape(stream)
            stream = []
        if cells:
            yield from _run_on_table(cells)
    if stream:
        yield from _reshape(stream)


_RUN_ON_ROWS = 2  # rows of a label and a figure that show a line of cells to be a whole table


def _run_on_table(cells: list[Cell]) -> Iterator[list[Cell]]:
    """A line of cells as a row, or, where a table written one cell a line was run onto it
    (项目|预算数|合计|0.36|因公出国(境)费||公务接待费|0.36|…), as that table: column names, then
    at least two rows of a label and a figure at the header's width."""
    placed = {cell.slot: cell for cell in cells if cell.slot is not None}
    if len(placed) < len(cells):
        yield cells
        return
    stream = [placed.get(slot) for slot in range(max(placed) + 1)]  # an empty cell is None
    first = next((i for i, c in enumerate(stream) if c is not None and _is_number(c)), 0)  # 0: no figure
    if first < 2 or not any(_column_name(c) for c in stream[: first - 1]):
        yield cells
        return
    header = stream[_header_start(stream, first - 1) : first - 1]
    if _rows_with_labels(stream[first - 1 :], len(header)) < _RUN_ON_ROWS:
        yield cells
        return
    yield from _reshape(stream)


def _reshape(cells: list[Cell | None]) -> Iterator[list[Cell]]:
    """Cells written one a line: the header is the cells before the first figure's row label;
    the rows after it are as wide as the header, or narrower by the group headers it has
    (年度预算数(万元) over 年初预算 | 调整后预算数): the width at which the most rows start with
    a label followed by a figure."""
    first_number = next((i for i, c in enumerate(cells) if c is not None and _is_number(c)), None)
    if first_number is None or first_number < 2:
        yield from ([c] for c in cells if c is not None)
        return
    label = first_number - 1  # header cells, then the label of the first row
    start = _header_start(cells, label)
    header, body = cells[start:label], cells[label:]
    widths = range(len(header), max(len(header) - _GROUP_HEADERS, 1) - 1, -1)
    width = max(widths, key=lambda w: _rows_with_labels(body, w))
    preamble = [[c] for c in cells[:start]]  # the form's fields above its table: 项目名称, 主管部门 …
    for row in [*preamble, header, *(body[at : at + width] for at in range(0, len(body), width))]:
        kept = [attrs.evolve(c, slot=slot, width=len(row)) for slot, c in enumerate(row) if c is not None]
        if kept:
            yield kept


_TRAILING_HEADERS = 2  # header cells that name no figure's column and may close a header: 原因, 备注


def _header_start(cells: list[Cell | None], label: int) -> int:
    """Where the header of a one-cell-a-line table begins: the run of column names before the
    first row's label, and the head of the label column before them (项目, or the indicator
    the table is of with its weight: 预算执行情况(10分)), after the fields of a form above it;
    0 when no cell there names a column."""
    start = label
    while start > 0 and label - start < _TRAILING_HEADERS and _column_name(cells[start - 1]) is None:
        start -= 1
    named = start
    while start > 0 and _column_name(cells[start - 1]) is not None:
        start -= 1
    if start == named:
        return 0
    return start - 1 if start > 0 and cells[start - 1] is not None else start


def _column_name(cell: Cell | None) -> Column | None:
    return None if cell is None else _column(cell, None)


_GROUP_HEADERS = 2  # group headers a table written one cell a line may have over its columns


def _rows_with_labels(cells: list[Cell | None], width: int) -> int:
    """How many rows of ``width`` cells start with a label and go on with a figure."""
    rows = (cells[start : start + width] for start in range(0, len(cells), width))
    return sum(
        1
        for row in rows
        if len(row) > 1 and row[0] is not None and not _is_number(row[0]) and row[1] is not None and _is_number(row[1])
    )


def _is_number(cell: Cell) -> bool:
    """A cell that is one figure (a 12-digit code is not one, as ``figures`` has it)."""
    text = cell.text.strip()
    found = list(figures(text))
    return len(found) == 1 and text[: found[0].start] in ("", "-") and found[0].end == len(text)  # 864.2万, -3.5


_CAPTION_MARKS = re.compile(r"[\s:：()（）]")  # what stands around a declared unit: 单位：万元


def _runs(lines: Sequence[Line], in_table: set[int]) -> Iterator[tuple[str, list[Line]]]:
    """Each table (a run of table lines) with the line written just above it, its caption; a
    line that only declares the unit (单位：万元) is part of the caption above it."""
    caption, run = "", []
    for line in lines:
        if line.number in in_table:
            run.append(line)
            continue
        if run:
            yield caption, run
            run = []
        unit_only = not _CAPTION_MARKS.sub("", DECLARED_UNIT.sub("", normalize(line.text)))
        caption = f"{caption} {line.text}" if unit_only else line.text
    if run:
        yield caption, run


def read_tables(
    lines: Sequence[Line],
    in_table: set[int],
    lexicon: Lexicon,
    known: Mapping[str, str],
    title: str | None,
) -> list[Fact]:
    """Every fact the tables among ``lines`` (the lines numbered ``in_table``) state.  A table's
    topic (三公经费…) is the one its header, its caption or the document's title names; its unit,
    the one it or the document declares."""
    facts: list[Fact] = []
    if not in_table:
        return facts
    document_topic = lexicon.topic_of(title) if title else None
    document_scope = lexicon.scope_of(title) if title else None
    document_unit = _table_unit(lines)
    for caption, table in _runs(lines, in_table):
        topic = lexicon.topic_of(caption) or document_topic
        unit = _table_unit([Line(0, caption), *table]) or _label_unit(caption) or document_unit
        header: list[Column | None] = []
        width: int | None = None  # of each of the tables set side by side, if the header repeats
        indicator: str | None = None
        path: tuple[str, ...] = ()
        sideways = _Sideways(lexicon.scope_of(caption) or document_scope, lexicon, known, unit)
        slots: list[int | None] = []
        for number, cells in enumerate(_rows(table), start=1):
            places = [c.slot for c in cells if c.slot is not None]
            slotted = len(places) == len(cells) and places == sorted(set(places))  # slots each cell's own
            row = [
                attrs.evolve(c, at=(number, c.slot + 1 if slotted and c.slot is not None else index))
                for index, c in enumerate(cells, start=1)
            ]
            numbers = [c for c in row if _is_number(c)]
            if not numbers and row and (declared := _label_unit(row[0].text)):
                unit = declared  # 项目资金(万元) | 年初预算数 | …: the row labels' header declares the figures' unit
            columns = [_column(c, unit) for c in row]
            facts.extend(sideways.take(row, numbers, any(columns), topic))
            # a header names its columns in two cells at least: a lone 按支出性质分 groups the rows below
            if any(columns) and not numbers and len(row) > 1:
                header = _dated(_without_group_headers(columns))
                slots = [c.slot for c in row] if _one_line(row) and len(row) == row[0].width else []
                width = _side_by_side(row) if slots else None
                topic = lexicon.topic_of(" ".join(c.clean for c in row)) or topic
                weights = list(_header_weights(row))
                indicator = weights[0].base.removeprefix("evaluation.indicator.") if weights else None
                facts.extend(weights)
                continue
            if header and numbers:
                for part, part_header, part_slots in _side_parts(row, header, slots, width):
                    path = _indicator_path(part, part_header, path)
                    facts.extend(_level_weights(part, path))
                    placed = _under_columns(part, part_header, part_slots)
                    facts.extend(_row_facts(part, part_header, placed, lexicon, known, topic, unit, indicator, path))
            elif numbers:
                facts.extend(_field_pairs(row, lexicon, known, topic, unit, sideways.scope or "final"))
        facts.extend(sideways.take([], [], False, topic))
    return facts


def _side_by_side(header: list[Cell]) -> int | None:
    """How many columns each table has where a header repeats its column names (项目 | 行次 | 金额 |
    项目 | 行次 | 金额: a 收入支出决算总表's 收入 and 支出 side by side), else None."""
    names = [cell.clean for cell in header]
    for width in range(2, len(names) // 2 + 1):
        if len(names) % width == 0 and all(name == names[i % width] for i, name in enumerate(names)):
            return width
    return None


def _side_parts(
    row: list[Cell], header: list[Column | None], slots: list[int | None], width: int | None
) -> Iterator[tuple[list[Cell], list[Column | None], list[int | None]]]:
    """The row as the tables set side by side cut it, each part with its own header and slots;
    the whole row where the header does not repeat."""
    if width is None:
        yield row, header, slots
        return
    for start in range(0, len(header), width):
        first, last = slots[start] or 0, slots[start + width - 1] or 0  # a header's cells each have a slot
        part = [c for c in row if c.slot is not None and first <= c.slot <= last]
        if part:
            yield part, header[start : start + width], slots[start : start + width]


def _field_pairs(
    row: list[Cell], lexicon: Lexicon, known: Mapping[str, str], topic: str | None, unit: str | None, scope: str
) -> Iterator[Fact]:
    """A row of a form under no header, made of fields: name | figure | name | figure
    (基本支出总额 | 864.2万 | 基本支出执行率 | 95%), each figure the one its name labels, in the
    unit it or the table declares."""
    cells = [c for c in row if c.clean]
    names, values = cells[0::2], cells[1::2]
    if not values or len(names) != len(values) or any(map(_is_number, names)) or not all(map(_is_number, values)):
        return
    for name, cell in zip(names, values, strict=True):
        written = _own_unit(cell) or unit
        if written is None:
            continue  # a bare figure where no unit is declared: a count as likely as money (公务用车购置数 | 32)
        concept = _resolve(_NUMBERING.sub("", name.clean), dimension(written), scope, lexicon, known, topic)
        if concept is not None:
            yield _fact(concept, cell, written)


@attrs.define
class _Sideways:
    """A table whose header cells are concepts over one row of figures (see ``concept_columns``),
    gathered as its rows come: the rows of names, then the rows of figures only."""

    scope: str | None
    lexicon: Lexicon
    known: Mapping[str, str]
    unit: str | None  # the table's
    names: list[Cell] = attrs.Factory(list)
    values: list[Cell] = attrs.Factory(list)

    def take(self, row: list[Cell], numbers: list[Cell], named_columns: bool, topic: str | None) -> Iterator[Fact]:
        """Take in the next row (an empty one at the table's end); the facts once the figures end."""
        is_names = bool(row) and not numbers and not named_columns
        if row and numbers and len(numbers) == len(row) and self.names:
            self.values.extend(row)
            return
        if is_names and not self.values:
            self.names.extend(row)
            return
        names, values = [c.clean for c in self.names], self.values
        self.names, self.values = (list(row) if is_names else []), []
        if not (values and self.scope):
            return
        read = concept_columns(names, len(values), self.lexicon, self.known, topic, self.scope)
        if read is None:
            return
        concepts, header_rows = read
        for column, (concept, cell) in enumerate(zip(concepts, values, strict=True), start=1):
            yield _fact(concept, attrs.evolve(cell, at=(header_rows + 1, column)), _own_unit(cell) or self.unit)


def _indicator_path(row: list[Cell], header: list[Column | None], above: tuple[str, ...]) -> tuple[str, ...]:
    """The indicator a row of a table of indicators is of: its cells before the header's columns
    after the names (指标值, 完成值, 得分 …) are its names.  In a table of three levels, a row of
    two names is a 三级 row whose 一级 is merged with the rows above, and takes it from there
    (数量指标 | 拆除活人墓 | 32座 | 32座 | 20 under 产出指标 | 数量指标 | 办结信访案件 | 168起 |
    168起 | 10); with fewer levels, a shorter row is an upper level's own (产出指标 | 40 | 38)."""
    levels = [i for i, c in enumerate(header) if c is not None and c.kind == "name"]
    if not levels:
        return ()
    marks = [i for i, c in enumerate(header) if c is not None and c.kind in ("weight", "score")]
    figures_at = [i for i, c in enumerate(row) if _is_number(c)]
    # the columns from the names to the last weight or score, which the row's last figure is in
    # (a reason column after it is often left empty, and an empty cell is not written)
    between = (marks[-1] - levels[-1]) if marks and marks[-1] > levels[-1] else len(header) - levels[-1]
    named = figures_at[-1] - between + 1 if figures_at else 0
    if named <= 0 or figures_at[0] < named:  # not as wide as the header: its first figure ends the names
        first = figures_at[0] if figures_at else len(row)
        return tuple(_level_name(c) for c in row[:first])[:_LEVELS]
    names = [_level_name(c) for c in row[:named]][-len(levels) :]
    if len(levels) >= _LEVELS and len(names) == len(levels) - 1:
        return (*above[:1], *names)  # a 三级 row under a 一级 merged with the rows above
    return tuple(names)


def _weighted(cell: Cell) -> tuple[str, Figure] | None:
    """The indicator a cell names with its weight (绩效指标(90分), 产出指标（50分）), and that weight."""
    found = _WEIGHTED.match(cell.clean)
    weight = next((f for f in figures(cell.text) if f.unit == "分"), None) if found else None
    return (found["name"], weight) if found and weight is not None else None


def _level_name(cell: Cell) -> str:
    """An indicator's name as a level cell writes it, without its number or its weight
    (产出指标（50分） → 产出指标)."""
    weighted = _weighted(cell)
    return _NUMBERING.sub("", weighted[0] if weighted else cell.clean)


def _level_weights(row: list[Cell], path: tuple[str, ...]) -> Iterator[Fact]:
    """The weights the upper levels' cells of an indicator row state (产出指标（50分） | 数量指标 | …):
    each of the indicator its cell names, at that cell."""
    for cell in row:
        if (weighted := _weighted(cell)) and (name := _NUMBERING.sub("", weighted[0])) in path[:-1]:
            level = path.index(name) + 1
            yield _fact(indicator_concept(path[:level], "weight"), cell, "分", figure=weighted[1])


def _without_group_headers(columns: list[Column | None]) -> list[Column | None]:
    """年度预算数(万元) over 年初预算 | 调整后预算数 | 预算执行数 heads a group, not a column; the
    unit it declares is its columns'.  Where no column of the budget's own follows it
    (预算数(A) | 执行数(B) | 执行率(B/A)), 预算数 is the column of the year's budget."""
    money = ("initial_budget", "annual_budget", "executed")
    if not any(c is not None and c.kind in money for c in columns):
        return columns
    budgeted = any(c is not None and c.kind in ("initial_budget", "annual_budget") for c in columns)
    group = next((c.unit for c in columns if c is not None and c.kind == "amount" and c.unit), None)

    def of_form(column: Column | None) -> Column | None:
        if column is None:
            return None
        if column.kind == "amount":
            return None if budgeted or column.scope != "budget" else attrs.evolve(column, kind="annual_budget")
        return attrs.evolve(column, unit=column.unit or group) if column.kind in money else column

    return [of_form(c) for c in columns]


# 绩效指标(90分), 预算执行情况(万元)(20分), but not a weight column's own header: 分值(10分)
_WEIGHTED = re.compile(
    r"^(?!(?:分值|权重|满分|标准分|得分)\()(?P<name>[\u4e00-\u9fff]{2,12})(?:\((?:万元|元|亿元)\))?"
    r"\((?P<weight>\d+(?:\.\d+)?)分\)$"
)


def _header_weights(row: list[Cell]) -> Iterator[Fact]:
    """A header cell 绩效指标(90分) states the weight of the indicator it names."""
    for cell in row:
        if weighted := _weighted(cell):
            yield _fact(indicator_concept((weighted[0],), "weight"), cell, "分", figure=weighted[1])


def _table_unit(lines: Sequence[Line]) -> str | None:
    """The unit a table declares for figures written without one (单位：万元), as written."""
    for line in lines:
        written = PINYIN.sub("", line.text)
        found = re.search(r"单位[:：]?\s*(万元|元|亿元|千元)", normalize(written))
        if found:
            return fold_width(written[found.start(1) : found.end(1)])
    return None


def _under_columns(
    row: list[Cell], header: list[Column | None], slots: list[int | None]
) -> list[tuple[Column, Cell]] | None:
    """The figures of ``row``, each under the column of its slot, where the row writes a blank
    cell between its cells (a .docx row, a blank 分值 before the 执行率): the figures after it
    are not moved left.  None where the row has no such gap (in order, the figures fill the
    columns as well) or its slots do not fit the header's (a header cut from its caption, a
    label under a figure's column, a figure under none): the slots are not the header's grid."""
    places = [c.slot for c in row if c.slot is not None]
    if not slots or len(places) < len(row) or not _one_line(row) or row[0].width > len(slots):
        return None
    if not any(b - a > 1 for a, b in itertools.pairwise(places)):
        return None
    by_slot = dict(zip(slots, header, strict=True))
    label = by_slot.get(places[0])
    if label is not None and label.kind != "name":
        return None
    placed = []
    for cell, place in zip(row, places, strict=True):
        if _is_number(cell):
            column = by_slot.get(place)
            if column is None or column.kind == "name":
                return None
            placed.append((column, cell))
    return placed


def _one_line(row: list[Cell]) -> bool:
    """Whether the row's cells were written on one line, so that their slots are places in it."""
    return all(c.line is row[0].line for c in row)


def _row_facts(
    row: list[Cell],
    header: list[Column | None],
    placed: list[tuple[Column, Cell]] | None,
    lexicon: Lexicon,
    known: Mapping[str, str],
    topic: str | None,
    unit: str | None,
    indicator: str | None,
    path: tuple[str, ...],
) -> Iterator[Fact]:
    """The facts of one row: its figures ``placed`` under their columns, or where their slots are
    not known, filling the columns in order (a row of indicators' weight and score being its last
    figures: its targets' columns may be blank).  ``indicator`` names the indicator a 预算执行
    form's header gives its weight to (预算执行情况(10分)), else the row's own label does;
    ``path`` is the row's indicator in a table of indicators (empty in any other)."""
    values = [c for c in row if _is_number(c)]
    names = [c for c in row[: row.index(values[0])] if not _is_number(c)] if values else []
    if not names:
        return
    columns = [c for c in header if c is not None and c.kind != "name"]
    label = _NUMBERING.sub("", names[0].clean)
    execution = any(c.kind in ("initial_budget", "annual_budget", "executed") for c in columns)
    if path:
        if label in COLUMNS.total_rows:
            return
        weight_score = [c for c in columns if c.kind in ("weight", "score")]
        scored = zip(weight_score, values[-len(weight_score) :], strict=False) if placed is None else placed
        total = is_total(label)  # 总分 | 100分: the evaluation's score, not an indicator's
        for column, cell in scored:
            if total and column.kind == "score":
                yield _fact("evaluation.total_score", cell, "分")
            elif not total and column.kind in ("weight", "score"):
                yield _fact(indicator_concept(path, column.kind), cell, "分")
        return
    for column, cell in _in_order(columns, values) if placed is None else placed:
        if column.kind in ("previous", "index", "count"):
            continue  # last year's figure, a row's number (行次), a count: it holds its place, and has no concept
        figure = _figure_unit(cell, column)
        if not _fits(column, figure):
            continue  # a percentage under 全年预算数: a slip of the table, not a figure of the column
        concept = _concept(label, column, figure, execution, lexicon, known, topic, indicator)
        if concept is None:
            continue
        sign = -1 if column.decrease else 1
        fact = _fact(concept, cell, figure, sign)
        yield fact if column.year is None else attrs.evolve(fact, period=column.year)  # 2018年预算数: of 2018


def _in_order(columns: list[Column], values: list[Cell]) -> list[tuple[Column, Cell]]:
    """The figures of a row whose blank cells are not written, filling the columns in order: a
    figure that cannot be what its column holds (a percentage under 分值) goes on to the next
    column that can hold it, as long as the row has blank cells to spare (其中：本年财政拨款
    100 98.5 90.2 91.57%: 分值 blank, the 执行率 after it).  A row with no blank to spare keeps
    its order: its figure is a slip of the table, not the next column's."""
    placed, at, spare = [], 0, len(columns) - len(values)
    for cell in values:
        if at >= len(columns):
            break
        ahead = next(
            (
                skip
                for skip in range(spare + 1)
                if at + skip < len(columns) and _fits(columns[at + skip], _figure_unit(cell, columns[at + skip]))
            ),
            0,
        )
        placed.append((columns[at + ahead], cell))
        at, spare = at + ahead + 1, spare - ahead
    return placed


_PERCENT_COLUMNS = ("rate", "yoy_pct", "share")


def _fits(column: Column, unit: str | None) -> bool:
    """Whether a figure written in ``unit`` can be what ``column`` holds (its dimension)."""
    if column.kind in _PERCENT_COLUMNS:
        return dimension(unit) == "percent"
    if column.kind in ("weight", "score"):
        return dimension(unit) == dimension("分")
    if unit is None:
        return True
    expected = dimension(column.unit) if column.unit else None
    return dimension(unit) != "percent" if expected is None else dimension(unit) == expected


def _own_unit(cell: Cell) -> str | None:
    """The unit ``cell``'s first figure is written in (萬元 read 万元), if it has one."""
    own = next(iter(figures(cell.text)), None)
    return fold_width(cell.text[own.unit_start : own.end]) if own is not None and own.unit else None


def _figure_unit(cell: Cell, column: Column) -> str | None:
    if cell.text.endswith("%"):
        return "%"
    own = _own_unit(cell)
    if own:
        return own
    if column.kind in ("weight", "score"):
        return "分"
    if column.kind in ("rate", "yoy_pct", "share"):
        return "%"
    return column.unit


_WHOLE_EXPENSE = "final.expense"  # a form's row of the unit's whole spending is its total row


def _concept(
    label: str,
    column: Column,
    unit: str | None,
    execution: bool,
    lexicon: Lexicon,
    known: Mapping[str, str],
    topic: str | None,
    indicator: str | None,
) -> str | None:
    if execution and column.kind in _FORM_KINDS:
        total = next((word for word in COLUMNS.total_rows if label.startswith(word)), None)
        if total is None and _resolve(label, "money", "final", lexicon, known, topic) == _WHOLE_EXPENSE:
            total = COLUMNS.total_rows[0]  # 部门整体支出总额: the row of the unit's whole spending is the form's total
        row = total or next((word for word in COLUMNS.fiscal_rows if word in label), None)
        if row is not None:
            return COLUMNS.row_concept(row, column.kind, known, indicator)
        if column.kind in ("rate", "weight", "score", "annual_budget"):
            return None  # a part's adjusted budget, rate or score: no concept holds it
    dim = dimension(unit)
    if column.kind in ("yoy_change", "yoy_pct", "share"):
        base = _resolve(label, "money", column.scope or "final", lexicon, known, topic)
        return f"{base}:{column.kind}" if base else None
    if column.kind in ("weight", "score", "previous", "rate"):
        return None
    return _resolve(label, dim or "money", column.scope or "final", lexicon, known, topic)


def _resolve(
    label: str, dim: str, scope: str, lexicon: Lexicon, known: Mapping[str, str], topic: str | None
) -> str | None:
    # a table row may be the part of any row above it: 其中：(1)公务用车运行维护费
    resolved = lexicon.resolve(label, dim, scope, ANY_PARENT, known, topic)
    return resolved[0] if resolved else None


def _fact(concept: str, cell: Cell, unit: str | None, sign: int = 1, figure: Figure | None = None) -> Fact:
    """The fact of ``cell``'s first figure (or of ``figure`` in it), pointing at where it stands."""
    figure = figure or next(iter(figures(cell.text)))
    value = -figure.value if sign < 0 and figure.value else figure.value
    return Fact(
        concept=concept,
        value=value,
        span=Span(cell.line.number, cell.column + figure.start + 1, cell.text[figure.start : figure.end]),
        unit=unit,
        decimals=figure.decimals,
        clause=-cell.line.number,
        source="table",
        cell=cell.at,
    )


_TOKEN = re.compile(r"\S+")
_BARE_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")
_RUN_INTO = re.compile(r"\d[\d,]*\.\d+\D")  # a decimal figure with text glued on (not a label's 1、)
_PROSE = re.compile(r"[。，,；;]")  # a sentence's punctuation: the line is prose, not a row
_DATED = re.compile(r"^(?:\d{4}年度?)?(?P<head>.+)$")
_FORM_KINDS = ("initial_budget", "annual_budget", "executed", "rate", "weight", "score")
_SPACED_KINDS = ("amount", "previous", "count", "yoy_change", "yoy_pct", "share", *_FORM_KINDS)
_IN_PROSE = 3  # column names in a row that start a table inside a line of prose (a form run on)


def _spaced_column(cell: Cell, unit: str | None) -> Column | None:
    """A header token that is nothing but a column's name, perhaps after a year: 2018年预算数."""
    found = _DATED.match(cell.clean)
    head = DECLARED_UNIT.sub("", found["head"]) if found else ""
    kind = COLUMNS.names.get(head)
    if found is None or kind is None or kind[0] not in _SPACED_KINDS:
        return None
    return _column(Cell(cell.clean.removesuffix(found["head"]) + head, cell.line, cell.column), unit)


def _tokens(line: Line) -> Iterator[Cell | None]:
    """The line's tokens as cells; None where a token of prose (its punctuation) breaks a table."""
    for token in _TOKEN.finditer(line.text):
        if _PROSE.search(token.group()):
            yield None
        else:
            yield Cell(token.group(), line, token.start())


def read_spaced_tables(
    lines: Sequence[Line], lexicon: Lexicon, known: Mapping[str, str], title: str | None
) -> list[Fact]:
    """The facts of tables whose cells are separated by spaces only (see the module's doc).

    A line of prose may hold such a table where a converter ran a form onto one line (项目资金
    (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 …): there a
    table starts at a run of column names, and a token of prose ends it.  The rows of a
    self-evaluation form's money table fill its columns from the left (a sub-row has the money
    columns only); the rows of a table of years from the right (a short row lacks last year's)."""
    facts: list[Fact] = []
    unit = _table_unit(lines)
    document_topic = topic = lexicon.topic_of(title) if title else None
    above: list[str] = []  # the lines since the last sentence or table: a table's caption among them
    header: list[Column] = []
    building = False  # reading a header's columns
    group: list[Cell] = []  # a row being read: its label, then its numbers
    overflow = False  # the row has more numbers than the header columns: which is which is unknown

    def flush() -> None:
        nonlocal topic, overflow
        if len(group) > 1 and header and not overflow:
            topic = lexicon.topic_of(group[0].clean) or topic
            numbers = group[1:]
            dated = _dated(header)
            if any(column is not None and column.kind in _FORM_KINDS for column in dated):  # a form's row, read as one
                facts.extend(_row_facts(group[:], [None, *dated], None, lexicon, known, topic, unit, None, ()))
            else:
                for cell, column in zip(numbers, dated[-len(numbers) :], strict=True):
                    facts.extend(
                        _row_facts([group[0], cell], [None, column], None, lexicon, known, topic, unit, None, ())
                    )
        group.clear()
        overflow = False

    def end_table() -> None:
        nonlocal header, building
        flush()
        header, building = [], False

    for line in lines:
        prose = bool(_PROSE.search(line.text))
        tokens = list(_tokens(line))
        if header and _heads_other_columns(tokens, unit):
            end_table()  # 使用项目 2020年度数量或人次: another table's header, whose columns hold no money
        declared = None  # the unit a token declares for the table that follows it: 项目资金 (万元)
        skip_to = 0
        for at, cell in enumerate(tokens):
            if at < skip_to:
                continue
            if cell is not None and cell.clean == _INDICATOR_LEVELS[0]:
                found, skip_to = _spaced_indicators(tokens, at)
                if found:
                    end_table()
                    facts.extend(found)
                    continue
            if cell is None:
                end_table()
                continue
            if (named := _label_unit(cell.text)) is not None:
                declared = named
            number = _BARE_NUMBER.fullmatch(cell.text) is not None
            column = None if number else _spaced_column(cell, declared or unit)
            if column is not None and (building or not prose or _names_columns(tokens[at : at + _IN_PROSE], unit)):
                flush()
                if not building:  # a table's topic is the one its caption names (一、…“三公”经费支出预算表)
                    written = [*above, line.text[: cell.column]]
                    topic = _first(lexicon.topic_of(text) for text in reversed(written)) or document_topic
                header = [*header, column] if building else [column]
                building = True
                continue
            building = False
            if not header:
                continue
            if not number:
                if len(group) > 1 and _RUN_INTO.match(cell.text):
                    overflow = True  # 44.291、公务用车…: the row's last figure ran into the next cell
                flush()
                group.append(cell)
            elif group and len(group) <= len(header):
                group.append(cell)
            elif group:
                overflow = True
        if prose:  # a table run on into prose ends with its line
            end_table()
        if prose or header:
            above.clear()
        else:
            above.append(line.text)
    flush()
    return facts


def _first(found: Iterable[str | None]) -> str | None:
    return next((item for item in found if item), None)


_INDICATOR_LEVELS = ("一级指标", "二级指标", "三级指标")
_LEVEL_NAME = re.compile(r"^[\u4e00-\u9fff]{2,10}指标$")  # 数量指标, 社会效益指标: a second level


def _heads_other_columns(tokens: Sequence[Cell | None], unit: str | None) -> bool:
    """Whether a line's tokens are names only, two at least, none a column the reader knows."""
    return len(tokens) > 1 and all(
        cell is not None and not _BARE_NUMBER.fullmatch(cell.text) and _spaced_column(cell, unit) is None
        for cell in tokens
    )


def _spaced_indicators(tokens: Sequence[Cell | None], start: int) -> tuple[list[Fact], int]:
    """The indicator table of a form written with spaces, from its header at ``start``
    (一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 …), and where it ends.

    Each row ends with its 分值 and 得分 (two figures, the score not above the weight); the
    values before them, as many as the header has columns between 三级指标 and 分值, are the
    row's target and result; what is before those names the indicator: a first level written
    with its weight (产出指标(50分)), a second level (数量指标), the third."""
    names = [c.clean if c is not None else "" for c in tokens[start : start + 12]]
    if tuple(names[:3]) != _INDICATOR_LEVELS:
        return [], start
    try:
        weight_at = names.index("分值", 3)
    except ValueError:
        return [], start
    if weight_at + 1 >= len(names) or names[weight_at + 1] != "得分":
        return [], start
    values = weight_at - 3
    at = start + weight_at + 2
    if at < len(tokens) and (trailing := tokens[at]) is not None and _column(trailing, None) is None:
        at += 1  # 偏差原因分析及改进措施: a column of text, empty in most rows
    facts: list[Fact] = []
    first: str | None = None
    second: str | None = None
    row: list[Cell] = []
    while at < len(tokens) and (cell := tokens[at]) is not None:
        at += 1
        if weighted := _weighted(cell):  # a first level, with its weight
            first, second, row = weighted[0], None, []
            facts.extend(_header_weights([cell]))
            continue
        row.append(cell)
        following = tokens[at] if at < len(tokens) else None
        if following is not None and _is_number(following):
            continue  # the row's last two figures are its weight and score
        if len(row) >= values + 3 and _is_weight_and_score(row[-2], row[-1]):
            *label, weight, score = row
            names_of = [c.text.strip() for c in label[: len(label) - values]]
            row = []
            if names_of and _LEVEL_NAME.match(names_of[0]) and len(names_of) > 1:
                second, names_of = names_of[0], names_of[1:]
            if first is None or second is None or len(names_of) != 1:
                continue  # a row whose place in the tree is not certain is not read
            path = (first, second, names_of[0])
            facts.append(_fact(indicator_concept(path, "weight"), weight, "分"))
            facts.append(_fact(indicator_concept(path, "score"), score, "分"))
    return facts, at


def _is_weight_and_score(weight: Cell, score: Cell) -> bool:
    if not (_is_number(weight) and _is_number(score)):
        return False
    w, s = (next(iter(figures(c.text))).value for c in (weight, score))
    return 0 < w <= 100 and 0 <= s <= w


def _names_columns(cells: Sequence[Cell | None], unit: str | None) -> bool:
    return len(cells) == _IN_PROSE and all(c is not None and _spaced_column(c, unit) for c in cells)
