"""The same report as .txt, .docx (prose and table) and .pdf gives the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.conftest import SEED
from tests.documents import write_docx, write_pdf, write_ruled_pdf

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")

THREE_PUBLIC = [
    ["项目", "预算数", "决算数"],
    ["合计", "29.5", "24.75"],
    ["因公出国（境）费", "0", "0"],
    ["公务用车购置及运行维护费", "12", "8.2"],
    ["公务接待费", "17.5", "16.55"],
]
TABLE_REPORT: list[str | list[list[str]]] = ["某某局2023年“三公”经费决算情况说明", "单位：万元", THREE_PUBLIC]


def figures(report: evalrules.Report) -> list[tuple[str, str, str | None]]:
    return sorted((f.concept, str(f.value), f.unit) for f in report.facts if f.is_figure())


def read(path: Path) -> evalrules.Report:
    return evalrules.extract(evalrules.load(path))


@pytest.fixture(scope="module")
def seed_report() -> evalrules.Report:
    return read(SEED)


def test_docx_paragraphs_give_the_facts_of_the_text_at_the_same_lines(tmp_path: Path, seed_report) -> None:
    report = read(write_docx(tmp_path / "seed.docx", SEED_LINES))
    assert [(f.concept, f.value, f.unit, f.line, f.span.column) for f in report.facts] == [
        (f.concept, f.value, f.unit, f.line, f.span.column) for f in seed_report.facts
    ]
    assert [f.code for f in evalrules.check(report)] == [f.code for f in evalrules.check(seed_report)]


def test_pdf_gives_the_facts_of_the_text(tmp_path: Path, seed_report) -> None:
    report = read(write_pdf(tmp_path / "seed.pdf", [line for line in SEED_LINES if line.strip()]))
    assert figures(report) == figures(seed_report)
    assert report.document is not None
    for fact in report.facts:
        assert fact.span.text in report.document.line_text(fact.line)


def test_a_table_reads_alike_as_text_docx_and_pdf(tmp_path: Path) -> None:
    text = tmp_path / "table.txt"
    text.write_text(
        "\n".join(
            item if isinstance(item, str) else "\n".join(" | ".join(r) + " |" for r in item) for item in TABLE_REPORT
        ),
        encoding="utf-8",
    )
    expected = figures(read(text))
    assert ("three_public.final.total", "24.75", "万元") in expected
    assert ("three_public.budget.reception", "17.5", "万元") in expected
    assert len(expected) == 8
    assert figures(read(write_docx(tmp_path / "table.docx", TABLE_REPORT))) == expected
    assert figures(read(write_pdf(tmp_path / "table.pdf", TABLE_REPORT))) == expected


def test_a_docx_table_row_is_one_line_of_cells(tmp_path: Path) -> None:
    document = evalrules.load(write_docx(tmp_path / "t.docx", TABLE_REPORT))
    assert document.line_text(5) == "因公出国（境）费 | 0 | 0 |"


def test_extract_json_reads_back_as_the_same_report(tmp_path: Path, seed_report, capsys) -> None:
    from evalrules.cli import main

    main(["extract", str(SEED), "--format", "json"])
    path = tmp_path / "seed.json"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    report = read(path)
    assert [(f.concept, f.value, f.unit, f.line) for f in report.facts] == [
        (f.concept, f.value, f.unit, f.line) for f in seed_report.facts
    ]
    assert {f.code for f in evalrules.check(report)} == {f.code for f in evalrules.check(seed_report)}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "不是有效的 .docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "无法读取 PDF"),
        ("bad.json", b"{not json", "不是有效的 JSON"),
        ("other.json", b'{"a": 1}', "facts"),
    ],
)
def test_unreadable_files_are_one_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(evalrules.InputError) as error:
        evalrules.load(path)
    assert message in error.value.message and error.value.path == str(path)


def test_a_pdf_without_text_says_so(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(tmp_path / "scan.pdf"))
    page.rect(50, 50, 200, 200, fill=1)
    page.save()
    with pytest.raises(evalrules.InputError, match="没有文字层"):
        evalrules.load(tmp_path / "scan.pdf")


def test_an_encrypted_pdf_says_so(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt=pdfencrypt.StandardEncryption("secret"))
    page.drawString(50, 50, "locked")
    page.save()
    with pytest.raises(evalrules.InputError, match="加密"):
        evalrules.load(tmp_path / "locked.pdf")


def test_a_ruled_table_takes_its_place_among_text_in_two_columns(tmp_path: Path) -> None:
    """The page's text keeps the order it is written in (a left column, then a right one beside
    it); the ruled table under them comes after them as rows of cells."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "columns.pdf"
    page = canvas.Canvas(str(path), pagesize=(600, 400))
    page.setFont("STSong-Light", 10)
    left, right = ["左栏第一行", "左栏第二行"], ["右栏第一行", "右栏第二行"]
    for column, texts in ((50, left), (350, right)):
        for row, text in enumerate(texts):
            page.drawString(column, 350 - row * 20, text)
    cells = [["项目", "决算数"], ["合计", "12.50"]]
    for row, texts in enumerate(cells):  # a grid of rules, a cell's text inside each box
        for column, text in enumerate(texts):
            page.rect(50 + column * 100, 250 - row * 20, 100, 20)
            page.drawString(55 + column * 100, 256 - row * 20, text)
    page.save()
    lines = [line.text for line in evalrules.load(path).lines()]
    assert lines == [*left, *right, "项目 | 决算数 |", "合计 | 12.50 |"]


def test_a_ruled_pdf_whose_grid_cannot_be_parsed_keeps_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pdfminer failing on a file PDFium reads costs the table's grid, not the report."""
    import pdfplumber

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("pdfminer could not parse the page")

    path = write_ruled_pdf(
        tmp_path / "form.pdf",
        ["“三公”经费支出合计12.50万元。", [["项目", "决算数"], ["合计", "12.50"]]],
        column_width=120,
    )
    monkeypatch.setattr(pdfplumber, "open", broken)
    document = evalrules.load(path)
    report = evalrules.extract(document)
    assert ("three_public.final.total", "12.50") in {(f.concept, str(f.value)) for f in report.facts}
    # the table's cells are still there, as the text PDFium gives (its gap between cells a bar)
    assert "合计 | 12.50" in [line.text for line in document.lines()]
    assert all(block.kind == "paragraph" for block in document.blocks)


@pytest.mark.parametrize("encoding", ["big5", "utf-16-le", "utf-16-be"])
def test_text_in_other_encodings_is_detected(tmp_path: Path, encoding: str) -> None:
    text = "審計署2010年「三公經費」財政撥款預算中，因公出國（境）費617萬元，公務接待費865萬元。\n" * 3
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    facts = read(path).facts
    assert ("three_public.budget.overseas", "617", "萬元") in {(f.concept, str(f.value), f.unit) for f in facts}
