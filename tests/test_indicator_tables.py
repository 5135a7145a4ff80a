"""One indicator table — a 评价指标表 whose upper levels are merged cells, with the weight in
parentheses — in the layouts it reaches a reviewer in, read to the same tree."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.documents import read_report, write_docx, write_pdf

HEADER = ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"]
# a merged cell is written once, in its first row (as the .docx loader writes it)
ROWS = [
    ["决策(20分)", "目标设定(10分)", "目标明确性", "5", "目标明确、细化得5分。", "5"],
    ["", "", "目标合理性", "5", "目标合理得5分,每缺一项扣1分。", "4"],
    ["", "资金投入(10分)", "预算编制科学性", "10", "编制科学得10分。", "8"],
    ["产出(80分)", "数量(40分)", "完成数量", "40", "全部完成得40分。", "40"],
    ["", "质量(40分)", "质量达标率", "40", "达标率100%得40分,每低1%扣1分。", "36"],
]
TREE = {
    ("决策:weight", "20"),
    ("决策.目标设定:weight", "10"),
    ("决策.目标设定.目标明确性:weight", "5"),
    ("决策.目标设定.目标明确性:score", "5"),
    ("决策.目标设定.目标合理性:weight", "5"),
    ("决策.目标设定.目标合理性:score", "4"),
    ("决策.资金投入:weight", "10"),
    ("决策.资金投入.预算编制科学性:weight", "10"),
    ("决策.资金投入.预算编制科学性:score", "8"),
    ("产出:weight", "80"),
    ("产出.数量:weight", "40"),
    ("产出.数量.完成数量:weight", "40"),
    ("产出.数量.完成数量:score", "40"),
    ("产出.质量:weight", "40"),
    ("产出.质量.质量达标率:weight", "40"),
    ("产出.质量.质量达标率:score", "36"),
}
TITLE = "2023年度部门整体支出绩效评价指标表"


def _indicators(report: evalrules.Report) -> set[tuple[str, str]]:
    prefix = "evaluation.indicator."
    return {
        (f.concept.removeprefix(prefix), format(f.value, "f")) for f in report.facts if f.concept.startswith(prefix)
    }


def _pipes(rows: list[list[str]]) -> str:
    return "\n".join([TITLE, *(" | ".join(row) + " |" for row in [HEADER, *rows])]) + "\n"


def _one_cell_a_line(rows: list[list[str]]) -> str:
    return "\n".join([TITLE, *(f"{cell} |" if cell else "|" for row in [HEADER, *rows] for cell in row)]) + "\n"


def _pdf_text(rows: list[list[str]]) -> str:
    """As a PDF's text layer gives it: cells apart by spaces, the merged cells once, and each
    row's weight and score pushed onto the next line by the wrapped 评分标准 column."""
    lines = [TITLE, " ".join(HEADER)]
    for row in rows:
        names = " ".join(cell for cell in row[:3] if cell)
        lines += [names, f"{row[3]} {row[4]}", f"{row[5]}"]
    return "\n".join(lines) + "\n"


def _characters_apart(rows: list[list[str]]) -> str:
    """A PDF's text layer that spaces some names character by character (决 策(20分)) and puts
    a space inside a column name (三 级指标)."""
    spaced = [[" ".join(row[0].split("(")[0]) + row[0][row[0].find("(") :] if row[0] else "", *row[1:]] for row in rows]
    return _pdf_text(spaced).replace("三级指标", "三 级指标", 1)


@pytest.mark.parametrize("layout", [_pipes, _one_cell_a_line, _pdf_text, _characters_apart], ids=lambda f: f.__name__)
def test_the_same_tree_from_every_text_layout(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _indicators(read_report(tmp_path, layout(ROWS))) == TREE


def test_the_same_tree_from_a_docx_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "table.docx", [TITLE, [HEADER, *ROWS]])
    assert _indicators(evalrules.extract(evalrules.load(path))) == TREE


def test_the_same_tree_from_a_pdf_table(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "table.pdf", [TITLE, [HEADER, *ROWS]])
    assert _indicators(evalrules.extract(evalrules.load(path))) == TREE


def test_every_weight_and_score_points_at_its_cell(tmp_path: Path) -> None:
    text = _pdf_text(ROWS)
    lines = text.splitlines()
    report = read_report(tmp_path, text)
    for fact in report.facts:
        if fact.concept.startswith("evaluation.indicator."):
            assert lines[fact.line - 1][fact.span.column - 1 :].startswith(fact.span.text), fact


def test_a_table_whose_weights_do_not_add_up_is_not_read_as_a_tree(tmp_path: Path) -> None:
    """目标设定(12分) over parts of 5 and 5: the levels cannot be told from the weights, so the
    grammar gives no reading (rather than a tree whose levels are guessed)."""
    rows = [[cell.replace("目标设定(10分)", "目标设定(12分)") for cell in row] for row in ROWS]
    assert _indicators(read_report(tmp_path, _pdf_text(rows))) == set()


def test_a_table_cut_off_states_no_weight_of_the_part_it_lost(tmp_path: Path) -> None:
    """An excerpt that ends inside 产出: its rows are read, but 产出 and 质量's weights are
    not stated, so no sum is checked against parts that were cut off."""
    report = read_report(tmp_path, _pdf_text(ROWS[:4]))
    assert _indicators(report) == {fact for fact in TREE if not fact[0].startswith(("产出:", "产出.质量"))}
    assert not [f for f in evalrules.check(report) if f.code.startswith("SCO")]


def test_a_table_with_its_targets_before_its_weights_is_not_read_by_the_grammar(tmp_path: Path) -> None:
    """一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分: the first number after a name is its
    target, not its weight; the rows are read by their columns instead, a row whose upper level
    is merged with the row above taking it from there."""
    header = ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "未完成原因"]
    rows = [
        ["产出指标", "数量指标", "发放覆盖率", "100", "100", "60", "60", ""],
        ["", "质量指标", "按时发放率", "95", "98", "30", "30", ""],  # 产出指标 merged with the row above
    ]
    text = "\n".join([TITLE, *(" | ".join(row) + " |" for row in [header, *rows])]) + "\n"
    assert _indicators(read_report(tmp_path, text)) == {
        ("产出指标.数量指标.发放覆盖率:weight", "60"),
        ("产出指标.数量指标.发放覆盖率:score", "60"),
        ("产出指标.质量指标.按时发放率:weight", "30"),
        ("产出指标.质量指标.按时发放率:score", "30"),
    }


def test_the_total_row_of_a_table_read_by_its_columns_is_the_evaluations_score(tmp_path: Path) -> None:
    """总分 | 100分 under the indicators' rows: the evaluation's total score, not an indicator
    named 总分."""
    header = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]
    rows = [
        ["产出指标", "数量指标", "办结信访案件", "168起", "168起", "60"],
        ["效益指标", "社会效益指标", "改善人居环境", "有效改善", "有效改善", "40"],
        ["总分", "100分"],
    ]
    text = "\n".join([TITLE, *(" | ".join(row) + " |" for row in [header, *rows])]) + "\n"
    report = read_report(tmp_path, text)
    assert not any("总分" in concept for concept, _ in _indicators(report))
    assert [(f.value, f.span.line) for f in report.all("evaluation.total_score")] == [(100, 5)]
