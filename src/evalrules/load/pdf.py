"""PDF with a text layer: text with pypdfium2 (PDFium: fast, and right about CJK text), ruled
tables with pdfplumber.

Lines are the page's text lines, numbered across pages.  A table drawn with rules is read as
a grid of cells (pdfplumber finds the cells from the rules), so a cell whose text wraps over
several lines in a narrow column stays one cell: each row is one line of its cells joined by
`` | ``, as a .docx table's.  Elsewhere, where the layout shows a table without rules — a wide
gap between two runs of text on one line — the gap is written `` | ``.  A PDF that has no text
layer (a scan) or that is encrypted is one clear error.
"""

from __future__ import annotations

import contextlib
import re
import statistics
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Block, Document, Line

__all__ = ["pdf_blocks"]

_CELL_GAP = 1.5  # a gap wider than this many characters separates two cells
_RULES_LEAST = 4  # path objects on a page before its rules are looked at for a table
_WRAP = re.compile(r"\s*\n\s*")
_LATIN = re.compile(r"[A-Za-z]")

Box = tuple[float, float, float, float]  # left, bottom, right, top, in PDF units (origin bottom left)


@attrs.frozen
class _Table:
    top: float
    rows: tuple[tuple[str, ...], ...]


def _inside(x: float, y: float, boxes: Sequence[Box]) -> bool:
    return any(left <= x <= right and bottom <= y <= top for left, bottom, right, top in boxes)


def _page_lines(page: object, tables: Sequence[Box] = ()) -> list[tuple[float | None, str]]:
    """The page's lines outside ``tables``, each with where it stands (its middle, from the
    bottom), rebuilt from where each character stands: a new line where the baseline moves, a
    space where a word gap is, `` | `` where a column gap is."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # PDFium's text without positions: where a table stands is not known
        return [(None, line) for line in text.replace("\r\n", "\n").split("\n")]
    chars = []
    for index, char in enumerate(text):
        if char.strip():
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if not tables or not _inside((left + right) / 2, (bottom + top) / 2, tables):
                chars.append((char, left, right, (bottom + top) / 2, top - bottom))
    if not chars:
        return []
    height = statistics.median(c[4] for c in chars) or 1
    width = statistics.median(c[2] - c[1] for c in chars) or height
    lines: list[tuple[float | None, str]] = []
    current: list[str] = []
    middle, previous_right = chars[0][3], chars[0][1]
    for char, left, right, centre, _ in chars:
        if abs(centre - middle) > height / 2 or left < previous_right - width:
            lines.append((middle, "".join(current)))
            current, middle = [], centre
        elif current and left - previous_right > _CELL_GAP * width:
            current.append(" | ")
        elif current and left - previous_right > width / 3:
            current.append(" ")
        current.append(char)
        previous_right = right
    lines.append((middle, "".join(current)))
    return lines


def _cell_text(text: str | None) -> str:
    """A cell's text as one line: the lines a narrow column wrapped it into joined again, with
    a space only between two Latin words (年初预\\n算数 → 年初预算数, 118.\\n5 → 118.5)."""
    if not text:
        return ""
    parts = _WRAP.split(text.strip())
    joined = parts[0]
    for part in parts[1:]:
        space = " " if _LATIN.match(joined[-1:]) and _LATIN.match(part[:1]) else ""
        joined += space + part
    return joined.replace("|", "｜")


def _ruled_tables(plumber_page: object, height: float) -> list[tuple[Box, _Table]]:
    """The tables drawn with rules on the page, each with its box in PDF units."""
    found = []
    for table in plumber_page.find_tables():  # type: ignore[attr-defined]
        left, top, right, bottom = table.bbox
        rows = tuple(tuple(_cell_text(cell) for cell in row) for row in table.extract())
        rows = tuple(row for row in rows if any(row))
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            found.append(((left, height - bottom, right, height - top), _Table(height - top, rows)))
    return found


def _has_rules(page: object) -> bool:
    import pypdfium2.raw as pdfium_c

    paths = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])  # type: ignore[attr-defined]
    return sum(1 for _ in zip(range(_RULES_LEAST), paths, strict=False)) >= _RULES_LEAST


def _page_items(page: object, plumber_page: object | None) -> list[str | _Table]:
    """The page's text lines in PDFium's reading order, each ruled table before the first line
    that stands below its top (text in two columns keeps its order)."""
    tables = _ruled_tables(plumber_page, page.get_height()) if plumber_page is not None else []  # type: ignore[attr-defined]
    lines = _page_lines(page, [box for box, _ in tables])
    if any(middle is None for middle, _ in lines):
        return [text for _, text in lines]  # its tables' cells are in the text, as PDFium gives it
    items: list[str | _Table] = []
    waiting = sorted((table for _, table in tables), key=lambda table: -table.top)
    for middle, text in lines:
        while waiting and middle is not None and middle < waiting[0].top:
            items.append(waiting.pop(0))
        items.append(text)
    return items + waiting


def _open_plumber(path: Path, ruled: Sequence[int], stack: contextlib.ExitStack) -> dict[int, object]:
    """pdfplumber's pages of the pages that have rules, closed with ``stack``.  A PDF that
    PDFium reads and pdfminer does not keeps its text: only its tables' grid is lost."""
    if not ruled:
        return {}
    import pdfplumber

    try:
        pdf = stack.enter_context(pdfplumber.open(str(path), pages=[number + 1 for number in ruled]))
        return dict(zip(ruled, pdf.pages, strict=True))
    except Exception:  # pdfminer raises many kinds; the text is read all the same
        return {}


def _items(path: Path) -> Iterator[str | _Table]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(str(path), "PDF 已加密，需要密码才能读取") from None
        raise InputError(str(path), f"无法读取 PDF（文件可能已损坏）：{message}") from None
    with contextlib.ExitStack() as stack:
        stack.callback(pdf.close)
        pages = list(pdf)
        plumber = _open_plumber(path, [number for number, page in enumerate(pages) if _has_rules(page)], stack)
        for number, page in enumerate(pages):
            try:
                items = _page_items(page, plumber.get(number))
            except Exception:  # as in _open_plumber: the page's text without its grid
                items = _page_items(page, None)
            yield from items


def pdf_blocks(path: Path) -> tuple[Block, ...]:
    """The text lines and the ruled tables of every page, in order, numbered from line 1."""
    blocks: list[Block] = []
    lines: list[Line] = []
    number = 0
    for item in _items(path):
        if isinstance(item, str):
            number += 1
            lines.append(Line(number, item))
            continue
        if lines:
            blocks.append(Block("paragraph", tuple(lines)))
            lines = []
        rows = tuple(Line(number + i, " | ".join(cells) + " |") for i, cells in enumerate(item.rows, start=1))
        number += len(rows)
        blocks.append(Block("table", rows, item.rows))
    if lines:
        blocks.append(Block("paragraph", tuple(lines)))
    return tuple(blocks)


@hookimpl
def evalrules_suffixes() -> Sequence[str]:
    return (".pdf",)


@hookimpl
def evalrules_load(path: Path) -> Document | None:
    if path.suffix.lower() != ".pdf":
        return None
    blocks = pdf_blocks(path)
    if not any(line.text.strip() for block in blocks for line in block.lines):
        raise InputError(str(path), "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）")
    return Document(str(path), blocks, "pdf")
