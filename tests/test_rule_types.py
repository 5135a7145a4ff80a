"""Every rule type of the standard plugins: silent on consistent figures written at any precision,
firing when a figure is off beyond rounding — through the default ruleset's rules."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import evalrules
from evalrules import Section
from evalrules.testing import fact, report_of, rounded
from evalrules.testing.strategies import amounts, written_amounts
from tests.documents import read_report


def codes(facts: list[evalrules.Fact], code: str, sections: tuple[Section, ...] = ()) -> list[evalrules.Finding]:
    return evalrules.check(report_of(facts, sections), select=[code], show_info=True)


def money(concept: str, written: tuple[str, str], line: int) -> evalrules.Fact:
    return fact(concept, written[0], written[1], line=line)


def yuan(*figures: evalrules.Fact) -> Decimal:
    """The sum of figures as written, in 元 (what a table's 合计 row adds up)."""
    return sum((f.number * evalrules.quantity.unit_factor(f.unit) for f in figures), Decimal(0))


# ------------------------------------------------------------------ sum


@given(amounts(), amounts(), st.data())
def test_sum_is_silent_on_consistent_figures_in_any_units(
    liabilities: Decimal, net: Decimal, data: st.DataObject
) -> None:
    parts = [
        money("assets.liabilities", data.draw(written_amounts(liabilities)), 2),
        money("assets.net", data.draw(written_amounts(net)), 3),
    ]
    facts = [money("assets.total", data.draw(written_amounts(yuan(*parts))), 1), *parts]
    assert codes(facts, "BAL001") == []


_THREE_PUBLIC_PARTS = ["three_public.final.overseas", "three_public.final.vehicles", "three_public.final.reception"]


@given(st.lists(st.decimals("0", "1e6", places=2), min_size=3, max_size=3), st.sampled_from([-1, 1]))
def test_a_total_one_fen_off_its_parts_is_a_rounding_gap_hint(parts: list[Decimal], sign: int) -> None:
    """434.16 + 0.00 + 0.55 written 434.72: within rounding, so consistent — at most a hint that names the 尾差."""
    total = sum(parts, Decimal(0)) + sign * Decimal("0.01")
    assume(total > 0)
    facts = [fact("three_public.final.total", f"{total:.2f}", "万元", line=1)]
    facts += [fact(c, f"{v:.2f}", "万元", line=2) for c, v in zip(_THREE_PUBLIC_PARTS, parts, strict=True)]
    (finding,) = codes(facts, "BAL008")
    assert finding.severity == "info" and "尾差" in finding.message


@given(st.lists(st.decimals("0", "1e6", places=2), min_size=3, max_size=3))
def test_no_rounding_gap_when_a_part_is_written_less_precisely_than_the_total(parts: list[Decimal]) -> None:
    total = sum(parts, Decimal(0))
    written = [f"{parts[0]:.1f}", f"{parts[1]:.2f}", f"{parts[2]:.2f}"]
    facts = [fact("three_public.final.total", f"{total:.2f}", "万元", line=1)]
    facts += [fact(c, v, "万元", line=2) for c, v in zip(_THREE_PUBLIC_PARTS, written, strict=True)]
    assert codes(facts, "BAL008") == []


@given(amounts(), amounts(), st.sampled_from(["元", "万元"]), st.integers(0, 2), st.integers(3, 1000))
def test_sum_fires_beyond_rounding(liabilities: Decimal, net: Decimal, unit: str, places: int, factor: int) -> None:
    part_l = str(rounded(liabilities / evalrules.quantity.unit_factor(unit), places))
    part_n = str(rounded(net / evalrules.quantity.unit_factor(unit), places))
    assume(Decimal(part_l) and Decimal(part_n))
    off = Decimal(part_l) + Decimal(part_n) + factor * Decimal(1).scaleb(-places)
    facts = [
        fact("assets.total", str(off), unit, line=1),
        fact("assets.liabilities", part_l, unit, line=2),
        fact("assets.net", part_n, unit, line=3),
    ]
    (finding,) = codes(facts, "BAL001")
    assert {loc.line for loc in finding.locations} == {1, 2, 3}


@given(amounts(), amounts(), amounts(), st.data())
def test_sum_takes_an_unstated_part_from_its_own_parts(
    personnel: Decimal, public: Decimal, project: Decimal, data: st.DataObject
) -> None:
    parts = [
        money("final.expense_personnel", data.draw(written_amounts(personnel)), 1),
        money("final.expense_public", data.draw(written_amounts(public)), 1),
        money("final.expense_project", data.draw(written_amounts(project)), 1),
    ]
    facts = [money("final.expense", data.draw(written_amounts(yuan(*parts))), 1), *parts]
    assert codes(facts, "BAL002") == []


def test_a_unit_slip_in_a_sum_is_diagnosed() -> None:
    facts = [
        fact("procurement.total", "54.2", "万元"),
        fact("procurement.goods", "54.2", "元"),
        fact("procurement.works", "0", "万元"),
        fact("procurement.services", "0", "万元"),
    ]
    (finding,) = codes(facts, "BAL011")
    assert [(d.kind, d.corrected) for d in finding.diagnoses] == [("unit", "54.2万元")]


# ------------------------------------------------------------------ ratio, growth, compare


@given(amounts(), amounts(), st.integers(0, 3))
def test_ratio_is_silent_at_any_written_precision(executed: Decimal, budget: Decimal, places: int) -> None:
    rate = rounded(executed / budget * 100, places)
    assume(rate != 0)
    facts = [
        fact("execution.annual_budget", str(budget), "元"),
        fact("execution.executed", str(executed), "元"),
        fact("execution.rate", str(rate), "%"),
    ]
    assert codes(facts, "EXE001") == []


@given(amounts("100"), amounts("100"), st.integers(1, 3), st.integers(2, 100))
def test_ratio_fires_beyond_rounding(executed: Decimal, budget: Decimal, places: int, steps: int) -> None:
    highest = (executed + Decimal("0.005")) / (budget - Decimal("0.005")) * 100
    rate = rounded(highest, places) + steps * Decimal(1).scaleb(-places)
    facts = [
        fact("execution.annual_budget", str(budget), "元"),
        fact("execution.executed", str(executed), "元"),
        fact("execution.rate", str(rate), "%"),
    ]
    assert [f.code for f in codes(facts, "EXE001")] == ["EXE001"]


@given(amounts("100"), amounts("100"), st.booleans(), st.integers(1, 2))
def test_growth_is_silent_when_the_change_fits(before: Decimal, now: Decimal, grew: bool, places: int) -> None:
    change = now - before
    pct = rounded(change / before * 100, places)
    assume(pct != 0 and change != 0)
    facts = [
        fact("final.income", str(now), "元"),
        fact("final.income:yoy_change", str(change), "元"),
        fact("final.income:yoy_pct", str(pct), "%"),
    ]
    assert codes(facts, "EXE007") == []


@given(amounts("100"), amounts("100"), st.integers(3, 100))
def test_growth_fires_when_the_percentage_is_off(before: Decimal, now: Decimal, steps: int) -> None:
    change = now - before
    assume(change != 0)
    pct = rounded(change / before * 100 * Decimal("1.05"), 1) + steps * Decimal("0.1") * (1 if change > 0 else -1)
    facts = [
        fact("final.income", str(now), "元"),
        fact("final.income:yoy_change", str(change), "元"),
        fact("final.income:yoy_pct", str(pct), "%"),
    ]
    assert [f.code for f in codes(facts, "EXE007")] == ["EXE007"]


@given(st.decimals("1", "9999", places=2), st.sampled_from(["100", "50", "200"]))
def test_a_rate_on_a_base_of_zero_fires(now: Decimal, pct: str) -> None:
    """本年50万元，比上年增加50万元，增长100%: last year was zero as written, so no rate of that
    size can hold (100% is the change over this year's figure, the base taken wrongly)."""
    facts = [
        fact("final.expense", str(now), "万元"),
        fact("final.expense:yoy_change", str(now), "万元"),
        fact("final.expense:yoy_pct", pct, "%"),
    ]
    (found,) = codes(facts, "EXE007")
    assert "增长率无从计算" in found.message


def test_a_rate_a_base_within_rounding_of_zero_allows_is_silent() -> None:
    """0.5万元 up 0.5万元: each figure is ±0.05, so last year was at most 0.1万元 and growth at
    least 0.45 / 0.1 = 450%; 1000% may hold."""
    facts = [
        fact("final.expense", "0.5", "万元"),
        fact("final.expense:yoy_change", "0.5", "万元"),
        fact("final.expense:yoy_pct", "1000", "%"),
    ]
    assert codes(facts, "EXE007") == []


@given(amounts(), amounts(), st.data())
def test_compare_holds_for_a_smaller_figure_and_fires_for_a_larger(a: Decimal, b: Decimal, data: st.DataObject) -> None:
    small, large = sorted((a, b))
    assume(large - small > large / 100)
    ok = [
        money("assets.fixed_in_use", data.draw(written_amounts(small)), 1),
        money("assets.fixed_original", data.draw(written_amounts(large, max_decimals=4)), 2),
    ]
    assert codes(ok, "EXE011") == []
    broken = [
        fact("assets.fixed_in_use", str(large), "元", line=1),
        fact("assets.fixed_original", str(small), "元", line=2),
    ]
    assert [f.code for f in codes(broken, "EXE011")] == ["EXE011"]


# ------------------------------------------------------------------ scoring


@st.composite
def indicator_trees(draw: st.DrawFn) -> list[tuple[str, int, Decimal]]:
    """First-level indicators (name, weight, score) whose weights sum to 100."""
    count = draw(st.integers(2, 6))
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1, unique=True)))
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    scores = [draw(st.decimals(0, w, places=draw(st.integers(0, 2)))) for w in weights]
    return [(f"指标{i}", w, s) for i, (w, s) in enumerate(zip(weights, scores, strict=True))]


def tree_facts(tree: list[tuple[str, int, Decimal]], total: Decimal) -> list[evalrules.Fact]:
    facts = [fact("evaluation.total_score", str(total), "分", line=1)]
    for i, (name, weight, score) in enumerate(tree, start=2):
        facts.append(fact(f"evaluation.indicator.{name}:weight", str(weight), "分", line=i, column=1))
        facts.append(fact(f"evaluation.indicator.{name}:score", str(score), "分", line=i, column=9))
    return facts


@given(indicator_trees())
def test_a_consistent_tree_passes_every_scoring_rule(tree: list[tuple[str, int, Decimal]]) -> None:
    total = sum((s for _, _, s in tree), Decimal(0))
    assert codes(tree_facts(tree, total), "SCO") == []


@given(indicator_trees(), st.integers(1, 50))
def test_a_total_off_by_a_point_fires(tree: list[tuple[str, int, Decimal]], points: int) -> None:
    total = sum((s for _, _, s in tree), Decimal(0)) + points
    assert [f.code for f in codes(tree_facts(tree, total), "SCO003")] == ["SCO003"]


@given(indicator_trees(), st.integers(1, 5))
def test_a_score_above_its_weight_fires(tree: list[tuple[str, int, Decimal]], extra: int) -> None:
    name, weight, _ = tree[0]
    tree = [(name, weight, Decimal(weight + extra)), *tree[1:]]
    total = sum((s for _, _, s in tree), Decimal(0))
    found = codes(tree_facts(tree, total), "SCO001")
    assert [(f.code, f.line) for f in found] == [("SCO001", 2)]


@given(st.decimals(0, 100, places=2), st.sampled_from(["优", "良", "中", "差"]))
def test_grade_matches_its_band(score: Decimal, grade: str) -> None:
    floor = {"优": 90, "良": 80, "中": 60, "差": 0}
    assume(all(abs(score - edge) > Decimal("0.01") for edge in (60, 80, 90)))  # 90.00 may be 89.996
    expected = next(g for g in ("优", "良", "中", "差") if score >= floor[g])
    facts = [fact("evaluation.total_score", str(score), "分"), fact("evaluation.grade", grade)]
    assert bool(codes(facts, "SCO004")) == (grade != expected)


def test_grade_at_a_band_edge() -> None:
    def graded(score: str, grade: str) -> bool:
        return not codes([fact("evaluation.total_score", score, "分"), fact("evaluation.grade", grade)], "SCO004")

    assert graded("90", "优") and graded("95", "优秀")
    assert graded("90.00", "良")  # 89.996 is written 90.00
    assert not graded("89.99", "优") and not graded("90", "良")


@given(amounts("100"), amounts("100"), st.integers(1, 30))
def test_score_formula_is_silent_when_score_is_rate_times_weight(
    executed: Decimal, budget: Decimal, weight: int
) -> None:
    score = rounded(min(Decimal(weight), executed / budget * weight), 2)
    facts = [
        fact("evaluation.indicator.预算执行率:weight", str(weight), "分", line=1),
        fact("evaluation.indicator.预算执行率:score", str(score), "分", line=1, column=5),
        fact("execution.annual_budget", str(budget), "元", line=2),
        fact("execution.executed", str(executed), "元", line=2, column=9),
    ]
    assert codes(facts, "SCO005") == []


@given(amounts("1000"), amounts("1000"), st.integers(1, 30), st.integers(3, 100))
def test_score_formula_fires_beyond_rounding(executed: Decimal, budget: Decimal, weight: int, cents: int) -> None:
    exact = min(Decimal(weight), executed / budget * weight)
    score = rounded(exact, 2) - cents * Decimal("0.01")
    assume(score > 0)
    facts = [
        fact("evaluation.indicator.预算执行率:weight", str(weight), "分", line=1),
        fact("evaluation.indicator.预算执行率:score", str(score), "分", line=1, column=5),
        fact("execution.annual_budget", str(budget), "元", line=2),
        fact("execution.executed", str(executed), "元", line=2, column=9),
    ]
    assert [f.code for f in codes(facts, "SCO005")] == ["SCO005"]


# ------------------------------------------------------------------ consistency and structure


@given(amounts(), st.data())
def test_a_figure_restated_in_another_unit_agrees(value: Decimal, data: st.DataObject) -> None:
    facts = [
        money("assets.total", data.draw(written_amounts(value)), 1),
        money("assets.total", data.draw(written_amounts(value)), 9),
    ]
    assert codes(facts, "CON001") == []


@given(amounts("1"), st.integers(2, 10**6))
def test_a_figure_restated_differently_fires(value: Decimal, factor: int) -> None:
    facts = [fact("assets.total", str(value), "元", line=1), fact("assets.total", str(value * factor), "元", line=9)]
    (finding,) = codes(facts, "CON001")
    assert {loc.line for loc in finding.locations} == {1, 9}


@given(st.text(alphabet="科学技术协会衡阳县统战部局委", min_size=2, max_size=12), st.data())
def test_a_department_abbreviated_in_the_title_is_the_same(name: str, data: st.DataObject) -> None:
    keep = sorted(data.draw(st.sets(st.integers(0, len(name) - 1), min_size=1)))
    short = "".join(name[i] for i in keep)
    facts = [fact("report.title_department", short, line=1), fact("report.department", name, line=5)]
    assert codes(facts, "CON004") == []


def test_another_departments_name_in_the_title_fires() -> None:
    facts = [fact("report.title_department", "统战部", line=4), fact("report.department", "衡阳县科学技术协会", line=8)]
    (finding,) = codes(facts, "CON004")
    assert {loc.line for loc in finding.locations} == {4, 8}


def sections(values: list[int]) -> tuple[Section, ...]:
    digits = "一二三四五六七八九"
    return tuple(Section(f"{digits[v - 1]}、", "cn", v, "标题", line, 1) for line, v in enumerate(values, start=1))


@given(st.integers(1, 9))
def test_consecutive_sections_pass(count: int) -> None:
    assert codes([], "STR001", sections(list(range(1, count + 1)))) == []


@given(
    st.lists(st.integers(1, 9), min_size=2, max_size=9).filter(
        lambda v: any(b in (a, a + 2, a + 3) for a, b in itertools.pairwise(v))
    )
)
def test_a_duplicate_or_skipped_section_fires(values: list[int]) -> None:
    assert codes([], "STR001", sections(values))


@pytest.mark.parametrize(
    ("between", "reported"),
    [
        ("全年执行良好。二、项目资金使用情况资金按进度拨付三、项目实施情况按期完成四、绩效情况目标全部完成", False),
        ("全年执行良好,资金按进度拨付,项目按期完成,目标全部完成", True),
    ],
)
def test_headings_run_into_their_text_are_no_gap(tmp_path: Path, between: str, reported: bool) -> None:
    """一、 and 五、 stand as headings; 二、三、四、 ran on into the text between them (a body run
    onto one line): the numbering has no gap.  Where they are written nowhere, it has."""
    text = f"一、基本情况\n{between}。\n五、存在的问题\n无。\n"
    found = evalrules.check(read_report(tmp_path, text), select=["STR001"])
    assert [{loc.line for loc in f.locations} for f in found] == ([{1, 3}] if reported else [])  # 一、 and 五、
    assert all("缺少 二、三、四" in f.message for f in found)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("某局2021年度“三公”经费决算情况说明\n正文。\n某局2020年度“三公”经费决算情况说明\n", True),
        ("某局2021年度“三公”经费决算情况说明\n正文。\n某局2021年度“三公”经费决算情况说明\n", False),
        ("某局2022年“三公”经费情况说明\n一、2022年“三公”经费预算安排情况\n二、2021年“三公”经费决算情况\n", False),
        # years in full-width digits, as a web page may write them
        ("某局２０２１年度“三公”经费决算情况说明\n正文。\n某局２０２０年度“三公”经费决算情况说明\n", True),
    ],
)
def test_title_years_agree(tmp_path: Path, text: str, reported: bool) -> None:
    found = evalrules.check(read_report(tmp_path, text), select=["CON005"])
    assert bool(found) == reported
    if reported:
        assert {loc.line for loc in found[0].locations} == {1, 3}


@given(indicator_trees(), st.integers(1, 5))
def test_children_weights_off_their_parent_fire(tree: list[tuple[str, int, Decimal]], extra: int) -> None:
    name, weight, score = tree[0]
    total = sum((s for _, _, s in tree), Decimal(0))
    children = [
        fact(f"evaluation.indicator.{name}.甲:weight", str(weight - 1 + extra), "分", line=90),
        fact(f"evaluation.indicator.{name}.甲:score", str(score), "分", line=90, column=9),
        fact(f"evaluation.indicator.{name}.乙:weight", "1", "分", line=91),
        fact(f"evaluation.indicator.{name}.乙:score", "0", "分", line=91, column=9),
    ]
    found = codes(tree_facts(tree, total) + children, "SCO002")
    assert [f.code for f in found] == ["SCO002"]


# ------------------------------------------------------------------ magnitude


@given(amounts("1000"), st.data())
def test_a_plausible_annual_budget_passes_in_any_unit(value: Decimal, data: st.DataObject) -> None:
    assert codes([money("execution.annual_budget", data.draw(written_amounts(value)), 1)], "CON006") == []


@given(st.decimals("0.10", "99.99", places=2))  # ×10⁴ reaches 1000元
def test_an_annual_budget_of_a_few_yuan_fires_as_a_left_out_wan(value: Decimal) -> None:
    (finding,) = codes([fact("execution.annual_budget", str(value), "元", line=56)], "CON006")
    assert finding.line == 56
    assert [(d.kind, d.corrected) for d in finding.diagnoses] == [("unit", f"{value}万元")]


def test_a_zero_amount_is_not_implausible() -> None:
    assert codes([fact("execution.executed", "0", "元")], "CON006") == []


# ------------------------------------------------------------------ change, budget_rate, names


@given(st.decimals("0", "1e6", places=2), st.decimals("0", "1e6", places=2))
def test_a_change_that_is_this_year_minus_last_year_passes(now: Decimal, before: Decimal) -> None:
    facts = [
        fact("three_public.budget.reception", str(now), "万元", line=2, period=2022),
        fact("three_public.final.reception", str(before), "万元", line=4, period=2021),
        fact("three_public.budget.reception:yoy_change", str(now - before), "万元", line=5, period=2022),
    ]
    assert codes(facts, "EXE012") == []


def test_a_change_off_by_a_fen_as_written_is_a_rounding_gap_hint() -> None:
    """11.8 − 12.39 = −0.59, written −0.58: within 11.8's rounding, so consistent — at most a hint."""
    facts = [
        fact("three_public.budget.reception", "11.8", "万元", line=2, period=2022),
        fact("three_public.final.reception", "12.39", "万元", line=4, period=2021),
        fact("three_public.budget.reception:yoy_change", "-0.58", "万元", line=5, period=2022),
    ]
    (finding,) = codes(facts, "EXE012")
    assert finding.severity == "info" and {loc.line for loc in finding.locations} == {2, 4, 5}


@given(st.decimals("100", "1e5", places=2), st.decimals("1", "200", places=2), st.integers(-1, 1))
def test_an_execution_rate_fits_the_excess_over_the_budget(executed: Decimal, rate: Decimal, off: int) -> None:
    """完成年初预算 rate% and 决算数大于预算数 excess: silent when they fit, firing when 5 points off
    (amounts of 100万元 and more, so that 5 points is beyond the figures' rounding)."""
    budget = rounded(executed * 100 / rate, 2)
    written_rate = rounded(executed / budget * 100, 1) + off * 5
    assume(written_rate > 0 and executed != budget)
    facts = [
        fact("execution.executed", str(executed), "万元", line=16),
        fact("execution.rate", str(written_rate), "%", line=16),
        fact("execution.executed:vs_budget", str(executed - budget), "万元", line=16),
    ]
    assert len(codes(facts, "EXE013")) == abs(off)


def test_a_fund_named_two_ways_fires(tmp_path: Path) -> None:
    report = read_report(
        tmp_path,
        "对“科技创新战略专项资金——国际科技创新中心建设”开展绩效自评。\n"
        "附件：2.2020年度“科技发展战略专项资金——国际科技创新中心建设”绩效自评报告\n"
        "3.2021年度“乡村振兴战略专项资金——农业产业发展”与“乡村振兴战略专项资金——农业产业发展”一致。\n",
    )
    (finding,) = evalrules.check(report, select=["CON007"])
    assert {loc.line for loc in finding.locations} == {1, 2}


def test_a_fund_named_two_ways_in_traditional_characters_fires_quoting_them(tmp_path: Path) -> None:
    """Names are compared as the readers read them, and quoted as they are written."""
    report = read_report(
        tmp_path,
        "對“科技創新戰略專項資金——國際科技創新中心建設”開展績效自評。\n"
        "附件：2.2020年度“科技發展戰略專項資金——國際科技創新中心建設”績效自評報告\n",
    )
    (finding,) = evalrules.check(report, select=["CON007"])
    assert [loc.text for loc in finding.locations] == [
        "科技創新戰略專項資金——國際科技創新中心建設",
        "科技發展戰略專項資金——國際科技創新中心建設",
    ]


@pytest.mark.parametrize(
    ("comparisons", "reported"),
    [
        (["较2021年决算数增加1万元", "较2021年决算数增加2万元", "与2022年决算数持平"], True),
        # one comparison with 2021 does not confirm that the report's own year is 2022's
        (["较2021年决算数增加1万元", "与2022年决算数持平"], False),
        # a report that compares with its own year throughout is a report of another kind
        (["与2022年决算数持平", "较2022年决算数增加2万元"], False),
    ],
)
def test_a_comparison_with_the_reports_own_year_fires_only_where_the_others_confirm_it(
    tmp_path: Path, comparisons: list[str], reported: bool
) -> None:
    body = "\n".join(f"{i}、第{i}项支出{10 * i}万元,{c}。" for i, c in enumerate(comparisons, 1))
    found = evalrules.check(read_report(tmp_path, f"某县2022年度一般公共预算支出决算说明\n{body}\n"), select=["CON008"])
    assert [loc.line for finding in found for loc in finding.locations] == ([len(comparisons) + 1] if reported else [])


@pytest.mark.parametrize(
    ("text", "gaps"),
    [
        ("公务接待费30万元，占85.71%，比上年减少2万元。", []),
        ("公务接待费30万元，占 %，比上年减少 万元。", ["占 %", "减少 万元"]),
        # a page that prints pinyin after characters, in traditional characters: quoted as written
        ("公務接待費30萬元,占 %,比上年減(jiǎn)少 萬(wàn)元。", ["占 %", "減(jiǎn)少 萬(wàn)元"]),
        ("带动增加万元户12户。", []),  # a word, not a unit with its figure left out
    ],
)
def test_a_template_gap_left_unfilled_is_found_where_it_is_written(tmp_path: Path, text: str, gaps: list[str]) -> None:
    found = evalrules.check(read_report(tmp_path, text + "\n"), select=["STR002"])
    written = [loc.text for finding in found for loc in finding.locations]
    assert written == gaps
    for finding in found:
        assert all(text[loc.column - 1 :].startswith(loc.text) for loc in finding.locations)


# ------------------------------------------------------------------ listed_count

_UNIT_NAMES = ("办公室", "预算股", "国库股", "人事教育股", "县会计服务中心", "县财政信息中心", "政策法规股")
_CHINESE_COUNTS = ("两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def _listed(folder: Path, text: str) -> list[evalrules.Finding]:
    folder.mkdir(parents=True, exist_ok=True)
    return evalrules.check(read_report(folder, text + "\n"), select=["STR003"])


@given(
    st.lists(st.sampled_from(_UNIT_NAMES), min_size=3, max_size=7, unique=True),
    st.integers(2, 12),
    st.sampled_from(["digits", "chinese"]),
    st.booleans(),
)
def test_a_count_is_checked_against_the_names_listed_after_it(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], count: int, numerals: str, joined: bool
) -> None:
    """设N个内设机构，分别为：… fires exactly when N is not the number of names; a 和 before the
    last name may join two names or be part of one, so it widens what N may be by one."""
    written = str(count) if numerals == "digits" else _CHINESE_COUNTS[count - 2]
    listed = "、".join(names[:-1]) + ("和" if joined else "、") + names[-1]
    text = f"本局设{written}个内设机构，分别为：{listed}。"
    found = _listed(tmp_path_factory.mktemp("listed"), text)
    fits = count == len(names) or (joined and count == len(names) - 1)
    assert [f.locations[0].column for f in found] == ([] if fits else [text.index(written) + 1])


@pytest.mark.parametrize(
    "text",
    [
        "下设办公室、预算股、国库股等16个股室。",  # the count after its list
        "设9个内设机构，包括办公室、预算股、国库股等。",  # an open list
        "3个项目分别为道路工程100万元、桥梁工程50万元。",  # figures, not a list of names
        "第3个项目是办公室、预算股共同实施的。",  # an ordinal, not a count
        "设2个科室，分别为办公室(含档案室)、预算股、国库股。",  # a bracketed aside in the list
    ],
)
def test_what_is_not_a_closed_list_of_names_is_not_counted(tmp_path: Path, text: str) -> None:
    assert _listed(tmp_path, text) == []


# ------------------------------------------------------------------ item_numbers


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("主要工作:1.完成监督工作。2.做好平台维护。3.完成考核。4.处理投诉。4.指导各县。5.其他。", "4."),
        ("(1)积极履职。(2)加强预算管理。(2)落实整改。", "(2)"),
        ("主要工作:1.完成监督工作。2.做好平台维护。3.完成考核。4.处理投诉。", None),
        ("1.完成5.6万元。2.做好维护。2.5万元用于培训。", None),  # 2.5 is a figure, not an item
        ("1.完成监督工作。3.完成考核。3.处理投诉。", None),  # the list skipped 2.: an item not read, no count
        ("(1)积极履职。(2)加强管理。 | 完成任务。(2)落实整改。", None),  # each cell numbers its own
        # a body run onto one line, cut into statements where its items start; the first item
        # right after the words it lists for
        ("一、基本情况" + "本单位认真履职。" * 25 + "主要工作内容1.完成监督。2.做好维护。3.完成考核。3.处理。", "3."),
    ],
)
def test_an_item_number_written_twice_in_a_paragraph_is_found_at_both(
    tmp_path: Path, text: str, repeated: str | None
) -> None:
    found = evalrules.check(read_report(tmp_path, text + "\n"), select=["STR004"])
    assert [[loc.text for loc in f.locations] for f in found] == ([] if repeated is None else [[repeated, repeated]])
    for finding in found:
        assert all(text[loc.column - 1 :].startswith(loc.text) for loc in finding.locations)


# ------------------------------------------------------------------ blank_fields


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("2023年度部门整体支出绩效评价自评表\n单位 | |||||||\n序号 | 一级指标 |\n", "单位"),
        ("2023年度项目支出绩效自评表\n| 项目名称 | | | |\n主管部门 | 某县教育局 | |\n", "项目名称"),
        ("2023年度部门整体支出绩效评价自评表\n单位 | 某县财政局 | | | |\n", None),
        # a form written one cell a line: the value is on the next line
        ("2023年度项目支出绩效自评表\n项目名称 |\n工资性支出 |\n主管部门 |\n某县发展和改革局 |\n", None),
    ],
)
def test_a_forms_identity_field_left_empty_is_found(tmp_path: Path, text: str, blank: str | None) -> None:
    found = evalrules.check(read_report(tmp_path, text), select=["STR005"])
    locations = [loc for finding in found for loc in finding.locations]
    assert [loc.text for loc in locations] == ([] if blank is None else [blank])
    assert all(text.splitlines()[loc.line - 1][loc.column - 1 :].startswith(loc.text) for loc in locations)
