"""The rows of a table a copy wrote with spaces between its cells, written as cells.

A PDF's text layer, or a page copied as text, writes a table's rows with nothing but spaces
between the cells (``项目 2017年决算数 2018年预算数`` / ``公务接待费 10.00 20.00``), where a
.docx or a web page gives the same table as a grid.  A table starts at a row of column names —
enough of its cells name a column (``columns.toml``), none of them is a figure — and goes on
over the lines after it that are rows: a short name alone (its figures' cells blank; numbered
1、 or (1), not 一、 or (一) as the next section is), or two cells at least, not a sentence (most of the line's
characters in cells with a sentence's punctuation: the note under the table) unless it has
figures before its text (a row whose last cell explains it), not a heading unless it has
figures (1、公务接待费 1372 is a numbered row).  Each such line's
spaces are its cell boundaries, and it is written as a table's row is everywhere else
(``公务接待费 | 10.00 | 20.00 |``), every character keeping the place it is written at, so the
one table reader reads it.  A header and its row run onto one line (a converter's) is no such
row: it has figures, and the spaced reader reads it by its column names.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Sequence
from importlib.resources import files

import attrs

from evalrules.layout.headings import heading_of

__all__ = ["SpacedTable", "column_words"]

_CELL = re.compile(r"\S+")
_FIGURE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
_YEAR = re.compile(r"^\d{4}年度?")  # 2018年预算数: a column's name after the year it heads
_BRACKETS = re.compile(r"(?:\([^()]*\))+$")  # 年初预算数(A), 分值(10分): the name before them
_SENTENCE = re.compile(r"[。，,；;]")
_SEPARATOR = " | "
_ASIDE = re.compile(r"\([^()]*\)")  # (20分), (20分*执行率): what the cell before it covers
_FIELD_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff()]{1,15}")
_AMOUNT = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:%|万元|万|元|亿元)?")
_SECTION_STYLES = ("cn", "pcn")  # 一、 / (一): a section's number; a row's are 1、 / (1)
_LONGEST_NAME = 16  # characters of a row's name standing alone on its line (its figures' cells blank)


@functools.cache
def column_words() -> tuple[frozenset[str], tuple[str, ...], int]:
    """The column names, the names a space may be put in (column names and row labels), and
    how many column names make a row of cells (``columns.toml``)."""
    data = tomllib.loads(files("evalrules.layout").joinpath("columns.toml").read_text("utf-8"))
    names = tuple(word for word in (*data["words"], *data["labels"]) if len(word) > 2)
    return frozenset(data["words"]), names, int(data["least"])


def _names_a_column(cell: str) -> bool:
    """Whether ``cell`` is a column's name: one of the words, perhaps after a year and before
    brackets (2018年决算数, 年初预算数(A)), or ending in one (本年预算数)."""
    words, _, _ = column_words()
    name = _BRACKETS.sub("", _YEAR.sub("", cell))
    return any(name.endswith(word) for word in words)


def _is_header(cells: Sequence[str]) -> bool:
    if len(cells) < 2 or any("|" in cell for cell in cells) or any(_FIGURE.fullmatch(cell) for cell in cells):
        return False
    _, _, least = column_words()
    return sum(map(_names_a_column, cells)) >= min(least, len(cells))


def _is_row(text: str, cells: Sequence[str]) -> bool:
    if not cells:
        return False
    heading = heading_of(text)
    if len(cells) == 1:  # a row whose other cells are blank: a short name (1、因公出国(境)费), not a sentence
        section = heading is not None and heading[1] in _SECTION_STYLES  # 二、…说明 after the table
        return len(cells[0]) <= _LONGEST_NAME and not _SENTENCE.search(text) and not section
    figures = sum(1 for cell in cells if _FIGURE.fullmatch(cell))
    if heading is not None and not figures:
        return False  # the next section's heading; a numbered row (1、公务接待费 1372) has its figures
    in_sentences = sum(len(cell) for cell in cells if _SENTENCE.search(cell))
    return figures > 1 or in_sentences * 2 <= sum(map(len, cells))  # a row's figures, then its notes


Normalise = Callable[[str, bool], tuple[str, tuple[int, ...]]]


@attrs.define
class SpacedTable:
    """Reads the lines of one block in turn, knowing whether a table written with spaces is
    going on; ``normalise(source, row)`` normalises a line, as a table's row or not."""

    normalise: Normalise
    going_on: bool = False

    def read(self, source: str) -> tuple[str, tuple[int, ...]]:
        """``source`` normalised, and for each character the column it came from; a row of a
        table written with spaces as cells (a separator standing where a cell's spaces are)."""
        if self.going_on and "|" in source:
            return self.normalise(source, False)  # a row the copy wrote as cells already
        if self.going_on:
            text, columns = self.normalise(source, True)
            if _is_row(text, _CELL.findall(text)):
                return _as_cells(text, columns)
            self.going_on = False
        text, columns = self.normalise(source, False)
        cells = _CELL.findall(text)
        if _is_header(cells):
            self.going_on = True
            return _as_cells(text, columns)
        return _as_cells(text, columns) if _are_fields(cells) else (text, columns)


def _are_fields(cells: Sequence[str]) -> bool:
    """Whether ``cells`` are a form's fields, each name followed by its figure, two at least
    (基本支出总额 864.2万 项目支出总额 0): a row under no header."""
    if len(cells) < 4 or len(cells) % 2:
        return False
    names, values = cells[::2], cells[1::2]
    return all(_FIELD_NAME.fullmatch(name) for name in names) and all(_AMOUNT.fullmatch(v) for v in values)


def _as_cells(text: str, columns: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """``text`` written as cells: its tokens, a bracket's aside standing alone (预算执行情况(万元)
    (20分)) one cell with the token before it."""
    spans: list[tuple[int, int]] = []
    for token in _CELL.finditer(text):
        if spans and _ASIDE.fullmatch(token.group()):
            spans[-1] = (spans[-1][0], token.end())
        else:
            spans.append(token.span())
    written: list[str] = []
    places: list[int] = []
    for index, (start, end) in enumerate(spans):
        if index:
            written.append(_SEPARATOR)
            places.extend([columns[spans[index - 1][1]]] * len(_SEPARATOR))
        written.append(text[start:end])
        places.extend(columns[start:end])
    written.append(_SEPARATOR.rstrip())
    places.extend([columns[spans[-1][1] - 1]] * len(_SEPARATOR.rstrip()))
    return "".join(written), tuple(places)
