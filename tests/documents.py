"""Builds real files — text, .docx, .pdf — from known content, and reads them as a user's would be."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import evalrules

Table = Sequence[Sequence[str]]


def read_report(folder: Path, text: str) -> evalrules.Report:
    """``text`` written to a UTF-8 file in ``folder``, then loaded and extracted."""
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return evalrules.extract(evalrules.load(path))


def write_docx(path: Path, items: Sequence[str | Table]) -> Path:
    """Paragraphs (str) and tables (rows of cells) in order."""
    document = docx.Document()
    for item in items:
        if isinstance(item, str):
            document.add_paragraph(item)
        else:
            table = document.add_table(rows=len(item), cols=len(item[0]))
            for row, cells in zip(table.rows, item, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
    document.save(str(path))
    return path


def write_pdf(path: Path, items: Sequence[str | Table], font_size: float = 5) -> Path:
    """One text line per paragraph; a table's cells set in columns 40 characters apart."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width = max(len(item) if isinstance(item, str) else 160 for item in items) * font_size + 100
    height = (sum(1 if isinstance(i, str) else len(i) for i in items) + 4) * font_size * 2
    page = canvas.Canvas(str(path), pagesize=(width, height))
    page.setFont("STSong-Light", font_size)
    y = height - 2 * font_size
    for item in items:
        for row in [[item]] if isinstance(item, str) else item:
            for column, text in enumerate(row):
                page.drawString(50 + column * 40 * font_size, y, text)
            y -= 2 * font_size
    page.save()
    return path


def write_ruled_pdf(path: Path, items: Sequence[str | Table], column_width: float = 30) -> Path:
    """Paragraphs and tables drawn with rules, as Word and Excel print them; a table's columns
    ``column_width`` points wide, so that a longer cell wraps over several lines inside its cell."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as RuledTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=11)
    flowables = []
    for item in items:
        if isinstance(item, str):
            flowables.append(Paragraph(item, style))
            continue
        cells = [[Paragraph(text, style) for text in row] for row in item]
        table = RuledTable(cells, colWidths=[column_width] * len(item[0]))
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        flowables.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables)
    return path


def pdf_text(path: Path) -> str:
    """The text of a PDF's pages as PDFium gives it, line breaks and all."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
