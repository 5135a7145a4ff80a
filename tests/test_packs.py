"""Each province pack: reports generated on its framework pass silently; each of its formulas,
broken beyond rounding, is reported."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

import evalrules
from evalrules import relations
from evalrules.testing import fact, rounded, with_facts, with_value
from evalrules.testing.strategies import consistent_reports


def framework(pack: str) -> dict[str, int]:
    text = files(f"evalrules_{pack}").joinpath(f"rules/{pack}.toml").read_text(encoding="utf-8")
    rules = tomllib.loads(text)["rule"]
    return next(rule["framework"] for rule in rules if rule["type"] == "framework")


def codes(report: evalrules.Report, ruleset: str) -> list[str]:
    return [f.code for f in evalrules.check(report, ruleset=ruleset)]


HUNAN = consistent_reports(framework=framework("hunan"), region="湖南省衡阳市衡阳县")
SICHUAN = consistent_reports(framework=framework("sichuan"), region="四川省遂宁市大英县")
PROJECT = consistent_reports(kind="project", framework=framework("project"))


@given(HUNAN)
def test_hunan_reports_on_its_framework_pass(report: evalrules.Report) -> None:
    assert codes(report, "hunan") == []
    assert evalrules.check(report) == []  # chosen by region and kind: the same pack


@given(SICHUAN)
def test_sichuan_reports_on_its_framework_pass(report: evalrules.Report) -> None:
    assert codes(report, "sichuan") == []


@given(PROJECT)
def test_project_reports_on_the_national_form_pass(report: evalrules.Report) -> None:
    assert codes(report, "project") == []


def below_the_formula(report: evalrules.Report, indicator: str, cents: int) -> str:
    """A score lower than 执行率 × 分值 can be for any true values within the figures' rounding."""
    executed, annual = report.first("execution.executed"), report.first("execution.annual_budget")
    weight = report.first(f"evaluation.indicator.{indicator}:weight")
    assert executed and annual and weight
    num, den = relations.values_of([executed, annual])
    lowest = min(weight.number, num.lo / den.hi * weight.number)
    return str(rounded(lowest, 2) - cents * Decimal("0.01"))


@given(HUNAN, st.integers(2, 200))
def test_hunan_fund_score_off_the_formula_is_reported(report: evalrules.Report, cents: int) -> None:
    wrong = below_the_formula(report, "年度资金总额", cents)
    assume(Decimal(wrong) >= 0)
    assert "SCO005" in codes(with_value(report, "evaluation.indicator.年度资金总额:score", wrong), "hunan")


@given(PROJECT, st.integers(2, 200))
def test_project_execution_score_off_the_formula_is_an_error(report: evalrules.Report, cents: int) -> None:
    concept = "evaluation.indicator.预算执行率:score"
    wrong = below_the_formula(report, "预算执行率", cents)
    assume(Decimal(wrong) >= 0)
    found = evalrules.check(with_value(report, concept, str(wrong)), ruleset="project")
    assert ("SCO005", "error") in {(f.code, f.severity) for f in found}


def staffing_indicator(report: evalrules.Report, weight: int, score: Decimal) -> evalrules.Report:
    line = max(f.line for f in report.facts) + 1
    name = "evaluation.indicator.在职人员控制率"
    return with_facts(
        report,
        [
            fact(f"{name}:weight", str(weight), "分", line=line),
            fact(f"{name}:score", str(score), "分", line=line, column=9),
        ],
    )


@given(HUNAN, st.integers(2, 10))
def test_hunan_staffing_control_score(report: evalrules.Report, weight: int) -> None:
    authorized, actual = report.first("staffing.authorized"), report.first("staffing.actual")
    assert authorized is not None and actual is not None
    assume(authorized.number > 0)
    rate = actual.number / authorized.number * 100
    due = rounded(max(Decimal(0), weight - Decimal("0.5") * max(Decimal(0), rate - 100)), 2)
    assert "HN001" not in codes(staffing_indicator(report, weight, due), "hunan")
    assume(due >= Decimal("0.5"))
    assert "HN001" in codes(staffing_indicator(report, weight, due - Decimal("0.5")), "hunan")


@given(HUNAN, st.integers(2, 10), st.integers(1, 500))
def test_hunan_three_public_change_score(report: evalrules.Report, weight: int, tenths: int) -> None:
    line = max(f.line for f in report.facts) + 1
    name = "evaluation.indicator.三公经费变动率"

    def stated(change: str, score: Decimal) -> evalrules.Report:
        return with_facts(
            report,
            [
                fact("three_public.final.total:yoy_pct", change, "%", line=line),
                fact(f"{name}:weight", str(weight), "分", line=line + 1),
                fact(f"{name}:score", str(score), "分", line=line + 1, column=9),
            ],
        )

    decrease = f"-{Decimal(tenths) / 10}"
    assert "HN002" not in codes(stated(decrease, Decimal(weight)), "hunan")
    assert "HN002" in codes(stated(decrease, Decimal(weight) - 1), "hunan")


@given(HUNAN, st.sampled_from(["效益指标", "满意度指标", "成本指标"]), st.integers(1, 5))
def test_hunan_reweighted_indicator_is_reported(report: evalrules.Report, name: str, extra: int) -> None:
    concept = f"evaluation.indicator.{name}:weight"
    weight = report.first(concept)
    assert weight is not None
    assert "HN010" in codes(with_value(report, concept, str(weight.number + extra)), "hunan")


@given(SICHUAN)
def test_sichuan_renamed_indicator_is_reported(report: evalrules.Report) -> None:
    renamed = tuple(
        attrs_evolve(f, "evaluation.indicator.综合管理", "evaluation.indicator.内部管理") for f in report.facts
    )
    found = evalrules.check(evalrules.testing.report_of(renamed), ruleset="sichuan")
    assert any(f.code == "SC010" and "改名" in f.message for f in found)


def attrs_evolve(f: evalrules.Fact, old: str, new: str) -> evalrules.Fact:
    import attrs

    return attrs.evolve(f, concept=f.concept.replace(old, new)) if f.concept.startswith(old) else f


@given(SICHUAN, st.integers(3, 100))
def test_sichuan_execution_rate_off_is_reported(report: evalrules.Report, steps: int) -> None:
    rate, executed, annual = (report.first(f"execution.{c}") for c in ("rate", "executed", "annual_budget"))
    assert rate and executed and annual
    num, den = relations.values_of([executed, annual])
    highest = num.hi / den.lo * 100  # the highest rate the written amounts allow
    wrong = rounded(highest, rate.decimals) + steps * Decimal(1).scaleb(-rate.decimals)
    assert "EXE001" in codes(with_value(report, "execution.rate", str(wrong)), "sichuan")


# The national 项目支出绩效自评表 as a department fills it in Word: the 10 points of 预算执行率 on the
# money table's 年度资金总额 row, each first level's weight in its merged cell (产出指标（50分）)
NATIONAL_MONEY = [
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "120", "114", "10", "95%", "9.5"],
    ["", "其中：当年财政拨款", "100", "120", "114", "—", "95%", "—"],
]
NATIONAL_INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标（50分）", "数量指标", "新建道路里程", "≥10公里", "10.5公里", "20", "20", ""],
    ["", "质量指标", "验收合格率", "100%", "100%", "15", "15", ""],
    ["", "时效指标", "按期完工率", "100%", "95%", "15", "14", ""],
    ["效益指标（30分）", "社会效益指标", "群众出行便利度", "提升", "提升", "30", "28", ""],
    ["满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ["总分", "", "", "", "", "100", "96.5", ""],
]


def _national_form(tmp_path: Path, first_level: str = "产出指标") -> evalrules.Report:
    from tests.documents import write_docx

    indicators = [[cell.replace("产出指标", first_level) for cell in row] for row in NATIONAL_INDICATORS]
    items = ["项目支出绩效自评表", "（2022年度）", NATIONAL_MONEY, indicators, "项目自评得分96.5分，评价等级为优。"]
    return evalrules.extract(evalrules.load(write_docx(tmp_path / "form.docx", items)))


def test_the_national_form_filled_in_word_passes_the_project_ruleset(tmp_path: Path) -> None:
    """年度资金总额 is the framework's 预算执行率, the first levels' weights are read from their cells
    (产出指标（50分） names 产出指标): the form as filled in gets no finding."""
    report = _national_form(tmp_path)
    weights = {f.concept: f.number for f in report.facts if f.concept.count(".") == 2 and f.measure == "weight"}
    assert weights == {
        "evaluation.indicator.年度资金总额:weight": 10,
        "evaluation.indicator.产出指标:weight": 50,
        "evaluation.indicator.效益指标:weight": 30,
        "evaluation.indicator.满意度指标:weight": 10,
    }
    assert codes(report, "project") == []


def test_a_first_level_renamed_on_the_national_form_is_reported(tmp_path: Path) -> None:
    found = evalrules.check(_national_form(tmp_path, "产出目标"), ruleset="project")
    assert [(f.code, "产出目标" in f.message) for f in found] == [("XM010", True)]
