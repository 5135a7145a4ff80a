"""The .docx and .pdf loaders' time per page against the library's bare parse of the same file.

    python benchmarks/bench_loaders.py [--pages 20] [--repeat 5]

Writes a report of N pages (the shipped example repeated, with a table each page) as .docx
(python-docx), as .pdf (reportlab; the table laid out without rules) and as a .pdf whose tables
are drawn with rules (which pdfplumber reads as grids), then times, per page: the bare parse
(python-docx opening the document and reading every paragraph and cell; pypdfium2 reading every
page's text) and ``evalrules.load`` of the same file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

import evalrules  # noqa: E402
from tests.documents import write_docx, write_pdf, write_ruled_pdf  # noqa: E402

SEED = ROOT / "examples" / "000_58afccda0e350999.txt"
TABLE = [["项目", "预算数", "决算数"], ["合计", "29.5", "24.75"], ["公务接待费", "17.5", "16.55"]]


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_docx(path: Path) -> None:
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        _ = paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def bare_pdf(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    items: list = []
    for _ in range(args.pages):
        items += [*lines, TABLE]
    folder = Path(tempfile.mkdtemp())
    docx_path = write_docx(folder / "report.docx", items)
    page = write_pdf(folder / "page.pdf", [*lines, TABLE])
    merged = pdfium.PdfDocument.new()  # one PDF page per copy
    for _ in range(args.pages):
        merged.import_pages(pdfium.PdfDocument(str(page)))
    pdf_path = folder / "report.pdf"
    merged.save(str(pdf_path))
    ruled_path = write_ruled_pdf(folder / "ruled.pdf", items, column_width=120)
    formats = (("docx", docx_path, bare_docx), ("pdf", pdf_path, bare_pdf), ("ruled", ruled_path, bare_pdf))
    print(f"{'format':<6} {'pages':>5} {'bare ms/page':>13} {'evalrules ms/page':>18} {'ratio':>6}")
    for name, path, bare in formats:
        pages = len(pdfium.PdfDocument(str(path))) if path.suffix == ".pdf" else args.pages
        bare_time = best(lambda: bare(path), args.repeat) / pages * 1000  # noqa: B023
        load_time = best(lambda: evalrules.load(path), args.repeat) / pages * 1000  # noqa: B023
        print(f"{name:<6} {pages:>5} {bare_time:>13.2f} {load_time:>18.2f} {load_time / bare_time:>6.1f}")


if __name__ == "__main__":
    main()
