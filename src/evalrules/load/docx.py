"""Word .docx files: paragraphs and tables in document order, with python-docx.

Each paragraph is one line; each table row is one line of its cells joined by `` | `` (a cell
merged across columns or rows is written once), so findings point at "line N" as
``evalrules extract FILE --format text`` numbers them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Block, Document, Line

__all__ = ["MAX_EXPANDED_BYTES", "docx_blocks"]

MAX_EXPANDED_BYTES = 128 * 1024 * 1024  # a long report with images expands to a few tens of MB


def _rows(table: object) -> Iterator[tuple[str, ...]]:
    """Each row's cells; a cell merged across columns is written once, and a cell merged down
    from the row above is left empty below it."""
    above: list[object] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        current = [cell._tc for cell in row.cells]
        for position, cell in enumerate(row.cells):
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            continued = position < len(above) and above[position] is cell._tc
            cells.append("" if continued else " ".join(cell.text.split()).replace("|", "｜"))
        above = current
        yield tuple(cells)


def docx_blocks(path: Path) -> tuple[Block, ...]:
    """The paragraphs and tables of the document body, numbered from line 1."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[Block] = []
    number = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            number += 1
            blocks.append(Block("paragraph", (Line(number, item.text),)))
        elif isinstance(item, Table):
            rows = tuple(_rows(item))
            lines = tuple(Line(number + i, " | ".join(cells) + " |") for i, cells in enumerate(rows, start=1))
            number += len(rows)
            blocks.append(Block("table", lines, rows))
    return tuple(blocks)


def _check_expanded_size(path: Path) -> None:
    """Refuse a .docx that expands far beyond any report (a zip bomb), before expanding it:
    the size limit on the file itself only sees the compressed bytes."""
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(str(path), f"无法读取 .docx：{exc}") from None
    if expanded > MAX_EXPANDED_BYTES:
        raise InputError(
            str(path),
            f"解压后过大（{expanded // 1024 // 1024} MB，上限 {MAX_EXPANDED_BYTES // 1024 // 1024} MB），不像一份报告",
        )


@hookimpl
def evalrules_suffixes() -> Sequence[str]:
    return (".docx",)


@hookimpl
def evalrules_load(path: Path) -> Document | None:
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise InputError(str(path), "旧版 Word 二进制 .doc 文件无法读取，请另存为 .docx 或 PDF")
    if suffix != ".docx":
        return None
    if not zipfile.is_zipfile(path):
        raise InputError(str(path), "不是有效的 .docx 文件（可能已损坏、加密，或是改了扩展名的 .doc）")
    _check_expanded_size(path)
    from lxml import etree

    try:
        blocks = docx_blocks(path)
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"无法读取 .docx：其中的 XML 已损坏（{exc}）") from None
    except (KeyError, ValueError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise InputError(str(path), f"无法读取 .docx：{exc}") from None
    if not any(line.text.strip() for block in blocks for line in block.lines):
        raise InputError(str(path), ".docx 中没有文字")
    return Document(str(path), blocks, "docx")
