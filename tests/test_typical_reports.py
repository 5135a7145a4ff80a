"""Reports written the way departments write them — a 部门决算说明, a 部门整体支出绩效自评报告, a
项目支出绩效自评报告 and a 三公经费支出情况说明 whose figures all hold — get no finding; one figure
broken gets exactly its finding, at its line.

Each text is built from the standard sections of its kind (收入支出决算总体情况, 财政拨款收支总计,
一般公共预算财政拨款支出结构, 三公经费 against the budget, 政府采购, 编制与实有人数, 预算执行,
三公经费 against last year, the self-evaluation's score by first-level indicator, a project's funds
and its scores with their weights in brackets, each 三公 item's budget, spending and rate in one
clause, 机关运行经费 beside them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.documents import read_report

DATA = Path(__file__).parent / "data"


def _findings(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in evalrules.check(read_report(tmp_path, text))]


_TEXTS = ["typical_final_accounts.txt", "typical_dept_overall.txt", "typical_project.txt", "typical_three_public.txt"]


@pytest.mark.parametrize("name", _TEXTS)
def test_a_report_whose_figures_hold_gets_no_finding(tmp_path: Path, name: str) -> None:
    assert _findings(tmp_path, (DATA / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("name", "written", "broken", "expected"),
    [
        ("typical_final_accounts.txt", "基本支出9,200.00万元，占80%", "基本支出9,200.00万元，占85%", [("EXE003", 13)]),
        # the appropriation's 收、支总计 (line 15) is its own account: the unit's 三公 total is not summed with it
        ("typical_final_accounts.txt", "支出决算为15.60万元", "支出决算为16.60万元", [("BAL008", 22)]),
        ("typical_final_accounts.txt", "政府采购服务支出50.00万元", "政府采购服务支出60.00万元", [("BAL011", 25)]),
        # 三公经费 spent 12.30, 2.10 less than last year: the rate is the spending's change, not the budget's
        ("typical_dept_overall.txt", "下降14.58%", "下降16.58%", [("EXE007", 7)]),
        # 部门决策指标20分，得分19分: 20 the weight, 19 the score, the total the scores' sum
        ("typical_dept_overall.txt", "得分为92.5分", "得分为95分", [("SCO003", 9)]),
        # 全年预算执行数 is what was spent, 全年调整预算数 the budget it is a rate of
        ("typical_dept_overall.txt", "预算执行率为95.15%", "预算执行率为96.15%", [("EXE001", 5)]),
        ("typical_dept_overall.txt", "实有在职人员42人", "实有在职人员44人", [("EXE005", 3)]),
        # 预算执行率得分9.5分（权重10分），产出指标得分48分（权重50分）…: each score and weight its indicator's
        ("typical_project.txt", "得分95.5分", "得分96.5分", [("SCO003", 18)]),
        # 公务接待费预算为5.00万元，支出决算为3.20万元: the spending is the item's, not the 三公经费's
        ("typical_three_public.txt", "完成预算的64%", "完成预算的74%", [("EXE022", 3)]),
        ("typical_three_public.txt", "公务用车运行维护费17.15万元", "公务用车运行维护费16.15万元", [("BAL010", 3)]),
    ],
)
def test_one_broken_figure_gets_exactly_its_finding(
    tmp_path: Path, name: str, written: str, broken: str, expected: list[tuple[str, int]]
) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert written in text
    assert _findings(tmp_path, text.replace(written, broken, 1)) == expected
