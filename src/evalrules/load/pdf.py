"""PDF with a text layer, with pypdfium2 (PDFium: fast, and right about CJK text).

Lines are the page's text lines, numbered across pages.  Where the layout shows a table —
a wide gap between two runs of text on one line — the gap is written `` | ``, so a table
row reads as cells like a table of a .docx or of a web page.  A PDF that has no text layer
(a scan) or that is encrypted is one clear error.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Block, Document, Line

__all__ = ["pdf_lines"]

_CELL_GAP = 1.5  # a gap wider than this many characters separates two cells


def _page_lines(page: object) -> list[str]:
    """The page's lines, rebuilt from where each character stands: a new line where the
    baseline moves, a space where a word gap is, `` | `` where a column gap is."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # PDFium's text without positions
        return text.replace("\r\n", "\n").split("\n")
    chars = []
    for index, char in enumerate(text):
        if char.strip():
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            chars.append((char, left, right, (bottom + top) / 2, top - bottom))
    if not chars:
        return []
    height = statistics.median(c[4] for c in chars) or 1
    width = statistics.median(c[2] - c[1] for c in chars) or height
    lines: list[str] = []
    current: list[str] = []
    middle, previous_right = chars[0][3], chars[0][1]
    for char, left, right, centre, _ in chars:
        if abs(centre - middle) > height / 2 or left < previous_right - width:
            lines.append("".join(current))
            current, middle = [], centre
        elif current and left - previous_right > _CELL_GAP * width:
            current.append(" | ")
        elif current and left - previous_right > width / 3:
            current.append(" ")
        current.append(char)
        previous_right = right
    lines.append("".join(current))
    return lines


def pdf_lines(path: Path) -> list[str]:
    """The text lines of every page, in order."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(str(path), "PDF 已加密，需要密码才能读取") from None
        raise InputError(str(path), f"无法读取 PDF（文件可能已损坏）：{message}") from None
    try:
        return [line for page in pdf for line in _page_lines(page)]
    finally:
        pdf.close()


@hookimpl
def evalrules_suffixes() -> Sequence[str]:
    return (".pdf",)


@hookimpl
def evalrules_load(path: Path) -> Document | None:
    if path.suffix.lower() != ".pdf":
        return None
    lines = pdf_lines(path)
    if not any(line.strip() for line in lines):
        raise InputError(str(path), "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）")
    numbered = tuple(Line(number, text) for number, text in enumerate(lines, start=1))
    return Document(str(path), (Block("paragraph", numbered),), "pdf")
