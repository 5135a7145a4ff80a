"""One table — the money rows of a national 项目支出绩效自评表 — in every layout a reviewer
receives it in, read to the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.documents import write_docx, write_pdf

HEADER = ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
ROWS = [
    ["年度资金总额", "120", "118.5", "110.2", "10", "93.00%", "9.3"],
    ["其中：本年财政拨款", "100", "98.5", "90.2", "", "", ""],
]
TABLE = [HEADER, *ROWS]
EXPECTED = {
    ("execution.initial_budget", "120"),
    ("execution.annual_budget", "118.5"),
    ("execution.executed", "110.2"),
    ("execution.rate", "93.00"),
    ("evaluation.indicator.年度资金总额:weight", "10"),
    ("evaluation.indicator.年度资金总额:score", "9.3"),
    ("execution.initial_budget_fiscal", "100"),
    ("execution.annual_budget_fiscal", "98.5"),
    ("execution.executed_fiscal", "90.2"),
}
TITLE = "2023年度项目支出绩效自评表"


def _pipes() -> str:
    return "\n".join([TITLE, *(" | ".join(row) for row in TABLE)]) + "\n"


def _spaced_in_prose() -> str:
    """What a converter writes: the form run onto one line, cells apart by spaces, prose after."""
    cells = " ".join(cell for row in TABLE for cell in row if cell)
    return f"{TITLE} 项目名称 示范项目 {cells} 年度总体目标 全年完成项目建设。\n"


def _one_cell_a_line() -> str:
    return "\n".join([TITLE, *(f"{cell} |" if cell else "|" for row in TABLE for cell in row)]) + "\n"


def _facts(path: Path) -> set[tuple[str, str]]:
    report = evalrules.extract(evalrules.load(path))
    return {(f.concept, format(f.value, "f")) for f in report.facts if f.is_figure()}


def _text(folder: Path, text: str) -> Path:
    path = folder / "form.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", [_pipes, _spaced_in_prose, _one_cell_a_line], ids=lambda f: f.__name__)
def test_the_same_facts_from_every_text_layout(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _facts(_text(tmp_path, layout())) == EXPECTED


def test_the_same_facts_from_a_docx_table(tmp_path: Path) -> None:
    assert _facts(write_docx(tmp_path / "form.docx", [TITLE, TABLE])) == EXPECTED


def test_the_same_facts_from_a_pdf_table(tmp_path: Path) -> None:
    assert _facts(write_pdf(tmp_path / "form.pdf", [TITLE, TABLE])) == EXPECTED


def test_every_fact_of_a_spaced_form_points_at_its_cell(tmp_path: Path) -> None:
    text = _spaced_in_prose()
    report = evalrules.extract(evalrules.load(_text(tmp_path, text)))
    for fact in report.facts:
        if fact.is_figure():
            assert text[fact.span.column - 1 :].startswith(fact.span.text), fact
