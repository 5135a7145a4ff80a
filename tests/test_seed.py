"""The seed report end to end: every labelled figure read, every labelled defect found, nothing else."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import evalrules
from tests.conftest import SEED


@pytest.fixture(scope="module")
def report() -> evalrules.Report:
    return evalrules.extract(evalrules.load(SEED))


@pytest.fixture(scope="module")
def findings(report: evalrules.Report) -> list[evalrules.Finding]:
    return evalrules.check(report)


def test_every_labelled_fact_is_read_with_its_value_unit_and_line(report: evalrules.Report, seed_labels: dict) -> None:
    read = {(f.concept, f.line, str(f.value), f.unit) for f in report.facts}
    for label in seed_labels["facts"]:
        value = label["value"]
        figure = value[0].isdigit() and not label["concept"].startswith("report.")
        key = (label["concept"], label["line"], str(Decimal(value)) if figure else value, label.get("unit"))
        assert key in read, f"not read: {label}"
    assert len(report.facts) == len(seed_labels["facts"]), "a figure the labels do not have was read"


def test_every_fact_points_at_the_text_it_was_read_from(report: evalrules.Report) -> None:
    assert report.document is not None
    for fact in report.facts:
        line = report.document.line_text(fact.line)
        assert line[fact.span.column - 1 :].startswith(fact.span.text), fact


def test_report_metadata(report: evalrules.Report) -> None:
    assert report.title == "统战部整体支出绩效自评报告"
    assert report.kind == "dept-overall"
    assert report.title_department == "统战部"
    assert report.department == "衡阳县科学技术协会"
    assert report.year == 2023
    assert [(s.number, s.line) for s in report.sections if s.level == 1] == [
        ("一、", 6),
        ("二、", 23),
        ("三、", 36),
        ("三、", 37),
        ("五、", 58),
        ("六、", 61),
    ]


def test_the_indicator_tree_has_weights_and_scores(report: evalrules.Report) -> None:
    tree = {node.name: node for node in report.indicators}
    assert list(tree) == ["产出指标", "效益指标", "成本指标", "满意度指标", "年度资金总额"]
    output = tree["产出指标"]
    assert [c.name for c in output.children] == ["数量指标", "质量指标", "时效指标"]
    assert [f.number for f in output.scores] == [Decimal(38), Decimal(40)]
    assert [f.number for f in output.weights] == [Decimal(40)]


# code, lines the finding must point at (all of them), for each labelled defect
EXPECTED = {
    "S1": ("CON004", {4, 8}),
    "S2": ("CON002", {26, 43}),
    "S3": ("BAL007", {31}),
    "S4": ("BAL008", {31}),
    "S5": ("BAL011", {33}),
    "S6": ("BAL001", {35}),
    "S7": ("STR001", {37, 58}),
    "S8": ("CON001", {40, 44}),
    "S9": ("SCO003", {40, 42, 44, 52, 54, 56}),
    "S10": ("EXE001", {43}),
    "S11": ("CON003", {28, 43}),
    "S12": ("EXE003", {28}),
    "S13": ("SCO005", {42, 43}),
}


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_each_labelled_defect_is_found_where_it_is(
    defect: str, findings: list[evalrules.Finding], seed_labels: dict
) -> None:
    code, lines = EXPECTED[defect]
    label = next(d for d in seed_labels["defects"] if d["id"] == defect)
    assert lines <= set(label["lines"])
    matching = [f for f in findings if f.code == code and lines <= {loc.line for loc in f.locations}]
    assert matching, f"{defect} ({label['note']}) not found as {code} at {sorted(lines)}"
    assert all(f.severity == label["severity"] for f in matching)


def test_nothing_else_is_reported(findings: list[evalrules.Finding], seed_labels: dict) -> None:
    labelled = [set(d["lines"]) for d in seed_labels["defects"]]
    for finding in findings:
        lines = {loc.line for loc in finding.locations}
        assert any(lines & defect for defect in labelled), f"false finding: {finding}"


def test_the_relations_that_hold_are_evaluated_and_pass(report: evalrules.Report) -> None:
    passed = {r.rule.id for r in evalrules.evaluate(report) if r.outcome.ok}
    # 编制 = 行政 + 事业; 实有 ≤ 编制; 预算 + 较预算增加 = 决算收入; 总支出 = 基本 + 项目; 使用率;
    # 三公 决算 ≤ 预算; 权重之和; 得分 ≤ 权重; 综合结论中的总分; 等级
    assert {
        "BAL012",
        "BAL013",
        "EXE010",
        "BAL006",
        "BAL002",
        "EXE002",
        "EXE008",
        "SCO002",
        "SCO001",
        "SCO003",
        "SCO004",
    } <= passed


def _diagnoses(findings: list[evalrules.Finding], code: str) -> list[evalrules.Diagnosis]:
    return [d for f in findings if f.code == code for d in f.diagnoses]


def test_unit_slips_are_diagnosed_with_the_corrected_value(findings: list[evalrules.Finding]) -> None:
    (goods,) = _diagnoses(findings, "BAL011")
    assert (goods.kind, goods.location.text, goods.corrected) == ("unit", "54.2元", "54.2万元")
    (three_public,) = _diagnoses(findings, "BAL008")
    assert (three_public.kind, three_public.location.text, three_public.corrected) == ("unit", "0.25元", "0.25万元")


def test_a_decimal_shift_is_diagnosed(findings: list[evalrules.Finding]) -> None:
    shifts = {(d.location.text, d.corrected) for d in _diagnoses(findings, "BAL007")}
    assert ("2.5万元", "0.25万元") in shifts


def test_a_transposition_is_diagnosed(findings: list[evalrules.Finding]) -> None:
    swaps = {(d.kind, d.location.text, d.corrected) for d in _diagnoses(findings, "CON003")}
    assert ("transposition", "108.46万元", "180.46万元") in swaps


def test_rounding_is_never_diagnosed_as_a_transposition(findings: list[evalrules.Finding]) -> None:
    assert not _diagnoses(findings, "EXE001")  # 99.75 / 99.57 is within rounding of the rate


def test_four_reports_one_after_another_yield_the_figures_of_all_four(report: evalrules.Report, tmp_path: Path) -> None:
    """The same report four times in one file (a bureau's bundle): each copy's figures are read
    at its own lines — its headings are headings, not a page header repeated four times."""
    text = SEED.read_text(encoding="utf-8").rstrip("\n")
    lines = len(text.splitlines())
    bundle = tmp_path / "bundle.txt"
    bundle.write_text("\n".join([text] * 4) + "\n", encoding="utf-8")
    read = evalrules.extract(evalrules.load(bundle))
    once = {(f.concept, f.line, f.value) for f in report.facts if f.is_figure()}
    for copy in range(4):
        shifted = {(c, line + copy * lines, v) for c, line, v in once}
        assert shifted <= {(f.concept, f.line, f.value) for f in read.facts}, f"copy {copy + 1}"
