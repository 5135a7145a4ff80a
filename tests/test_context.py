"""Facts carry their context, and rules bind only facts of one context: a report that states
two entities, two years or two accounts side by side, each consistent, gets no finding; breaking
one figure gets exactly the finding for that entity, year or account, at its line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import evalrules
from tests.documents import read_report, write_docx

# amounts in 亿元 with one decimal, as a 国有资产 report writes them
_AMOUNT = st.decimals("1", "9999", places=1)
_THREE_PUBLIC = st.decimals("0", "500", places=2)


def _assets(lead: str, total: Decimal, liabilities: Decimal) -> str:
    return f"{lead}资产总额{total}亿元，负债总额{liabilities}亿元，净资产总额{total - liabilities}亿元"


def _entities_text(admin: tuple[Decimal, Decimal], institution: tuple[Decimal, Decimal], broken: Decimal) -> str:
    (a_total, a_liabilities), (i_total, i_liabilities) = admin, institution
    whole = _assets("全市行政事业性", a_total + i_total, a_liabilities + i_liabilities)
    return (
        f"截至2023年底，{whole}。从单位性质看：{_assets('行政单位', a_total, a_liabilities)}；\n"
        f"{_assets('事业单位', i_total, i_liabilities).replace(f'{i_total}亿元', f'{i_total + broken}亿元', 1)}。\n"
    )


def _codes(text: str, tmp_path_factory: pytest.TempPathFactory, *codes: str) -> list[evalrules.Finding]:
    report = read_report(tmp_path_factory.mktemp("context"), text)
    return [f for f in evalrules.check(report) if f.code in codes]


_ENTITY = st.tuples(_AMOUNT, _AMOUNT).map(lambda pair: (pair[0] + pair[1], pair[1]))


@given(admin=_ENTITY, institution=_ENTITY)
def test_two_entities_each_consistent_get_no_finding(
    tmp_path_factory: pytest.TempPathFactory, admin: tuple[Decimal, Decimal], institution: tuple[Decimal, Decimal]
) -> None:
    text = _entities_text(admin, institution, Decimal(0))
    assert _codes(text, tmp_path_factory, "BAL001", "CON001") == []


@given(admin=_ENTITY, institution=_ENTITY, broken=st.integers(1, 50))
def test_breaking_one_entity_gets_exactly_its_finding_at_its_line(
    tmp_path_factory: pytest.TempPathFactory,
    admin: tuple[Decimal, Decimal],
    institution: tuple[Decimal, Decimal],
    broken: int,
) -> None:
    text = _entities_text(admin, institution, Decimal(broken))
    found = _codes(text, tmp_path_factory, "BAL001", "CON001")
    assert [(f.code, f.line) for f in found] == [("BAL001", 2)]
    assert f"{institution[0] + broken}亿元" in found[0].message


def test_the_entity_is_in_the_extracted_facts(tmp_path: Path) -> None:
    text = _entities_text((Decimal("10.0"), Decimal("4.0")), (Decimal("20.0"), Decimal("5.0")), Decimal(0))
    report = read_report(tmp_path, text)
    entities = {(f.concept, f.entity) for f in report.facts if f.concept == "assets.total"}
    assert entities == {("assets.total", None), ("assets.total", "行政单位"), ("assets.total", "事业单位")}


def _three_public(year: int, parts: tuple[Decimal, Decimal, Decimal], off: Decimal) -> str:
    overseas, vehicles, reception = parts
    return (
        f"{year}年“三公”经费支出{overseas + vehicles + reception + off}万元，其中：因公出国（境）费{overseas}万元，"
        f"公务用车购置及运行维护费{vehicles}万元，公务接待费{reception}万元。\n"
    )


_PARTS = st.tuples(_THREE_PUBLIC, _THREE_PUBLIC, _THREE_PUBLIC)


@given(last=_PARTS, this=_PARTS, broken=st.booleans())
def test_two_years_side_by_side_are_checked_each_on_its_own(
    tmp_path_factory: pytest.TempPathFactory,
    last: tuple[Decimal, Decimal, Decimal],
    this: tuple[Decimal, Decimal, Decimal],
    broken: bool,
) -> None:
    off = Decimal("3.00") if broken else Decimal(0)
    text = _three_public(2022, last, Decimal(0)) + _three_public(2023, this, off)
    found = _codes(text, tmp_path_factory, "BAL008", "CON001")
    assert [(f.code, f.line) for f in found] == ([("BAL008", 2)] if broken else [])


# classes named as a 部门预算 names them, and by their codes as a 决算 explanation lists them
_CLASS_NAMES = {
    "named": ["文化旅游体育与传媒支出类科目", "社会保障和就业支出类科目", "卫生健康支出类科目"],
    "coded": ["20103-政府办公厅(室)及相关机构事务", "20106-财政事务", "20109-海关事务"],
}


def _classes_text(classes: list[tuple[Decimal, Decimal]], broken: int | None, names: list[str]) -> str:
    """Classes of spending, each with its change on last year and that change in percent
    (the percent of class ``broken`` taken against this year's figure instead)."""
    lines = ["2025年本年一般公共预算支出情况如下，其中:"]
    for i, (now, change) in enumerate(classes):
        base = now if i == broken else now - change
        pct = (change / base * 100).quantize(Decimal("0.01"))
        lines.append(f"({i + 1})\n{names[i]} {now} 元,同比增加 {change} 元,增长 {pct}%。")
    return "\n".join(lines) + "\n"


# a change of a tenth to a third of the figure: its percent on the wrong base is off beyond rounding
_CLASS = st.tuples(st.decimals("1000", "900000", places=2), st.integers(10, 33)).map(
    lambda pair: (pair[0], (pair[0] * pair[1] / 100).quantize(Decimal("0.01")))
)


@given(
    classes=st.lists(_CLASS, min_size=3, max_size=3),
    broken=st.one_of(st.none(), st.integers(0, 2)),
    style=st.sampled_from(sorted(_CLASS_NAMES)),
)
def test_classes_of_spending_are_each_checked_on_their_own(
    tmp_path_factory: pytest.TempPathFactory, classes: list[tuple[Decimal, Decimal]], broken: int | None, style: str
) -> None:
    """A class of spending (社会保障和就业支出类科目, or 20106-财政事务 by its code) is an entity of
    the expense: its change in percent is checked against its own figures, and a wrong base is
    found at its class's line."""
    text = _classes_text(classes, broken, _CLASS_NAMES[style])
    found = _codes(text, tmp_path_factory, "EXE007", "CON001", "BAL001")
    assert [(f.code, f.line) for f in found] == ([] if broken is None else [("EXE007", 3 + 2 * broken)])


_MONEY = st.decimals("10", "9999", places=2)
_SHARE = st.decimals("0.5", "1", places=2)  # of a figure: the part of it that is the next


def _funds(annual: Decimal, executed_share: Decimal, fiscal_share: Decimal) -> tuple[Decimal, ...]:
    """The form's two rows: the whole (全年预算数, 全年执行数) and its 本年财政拨款 part."""
    cent = Decimal("0.01")
    executed = (annual * executed_share).quantize(cent)
    fiscal = (annual * fiscal_share).quantize(cent)
    return annual, executed, fiscal, min(fiscal, (executed * fiscal_share).quantize(cent))


def _rate(executed: Decimal, annual: Decimal, off: Decimal) -> str:
    return f"{(executed / annual * 100 + off).quantize(Decimal('0.01'))}%"


_ROWS = {"whole": 3, "fiscal": 4}  # the table's lines in the document


@given(
    funds=st.tuples(_MONEY, _SHARE, _SHARE).map(lambda t: _funds(*t)),
    broken=st.sampled_from([None, *_ROWS]),
)
def test_two_accounts_of_one_form_are_checked_each_on_its_own(
    tmp_path_factory: pytest.TempPathFactory, funds: tuple[Decimal, ...], broken: str | None
) -> None:
    """A .docx form's 年度资金总额 row and its 其中：本年财政拨款 row are two accounts, each with
    its 执行率; the 财政拨款 row leaves 分值 and 得分 blank, its 执行率 still in its column.  A
    rate off by 3 points is found at its own row, and only there."""
    annual, executed, fiscal, fiscal_executed = funds
    off = {row: Decimal(3) if row == broken else Decimal(0) for row in _ROWS}
    header = ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    whole = ["年度资金总额", str(annual), str(annual), str(executed), "", _rate(executed, annual, off["whole"]), ""]
    part = ["其中：本年财政拨款", str(fiscal), str(fiscal), str(fiscal_executed), "", "", ""]
    part[5] = _rate(fiscal_executed, fiscal, off["fiscal"])
    path = write_docx(
        tmp_path_factory.mktemp("accounts") / "form.docx", ["2023年度项目支出绩效自评表", [header, whole, part]]
    )
    codes = ("EXE001", "EXE023", "BAL017", "BAL018", "BAL019", "CON001")
    found = [f for f in evalrules.check(evalrules.extract(evalrules.load(path))) if f.code in codes]
    expected = {"whole": [("EXE001", 3)], "fiscal": [("EXE023", 4)], None: []}[broken]
    assert [(f.code, f.line) for f in found] == expected


def test_a_year_in_a_line_of_prose_is_no_subtitle(tmp_path: Path) -> None:
    """A PDF column cut at its width leaves short lines of prose: “我局成立于 1958 年,属于…”
    names a year but is no title, so the title's year is not compared with it."""
    title = "茂名市发展和改革局2021年度部门整体支出绩效自评报告\n"
    wrapped = "(二)\n设置机构及人员情况 我局成立于 1958 年,属于国家行政单位,设 17\n"
    report = read_report(tmp_path, title + wrapped)
    assert not [f for f in evalrules.check(report) if f.code == "CON005"]
    second = read_report(tmp_path, title + "2020年度部门整体支出绩效自评报告\n")
    assert [f.code for f in evalrules.check(second) if f.code == "CON005"] == ["CON005"]


TIED = "一、资产情况\n年初资产总额100万元。\n负债总额60万元，净资产总额40万元。\n年末资产总额90万元。\n"


def test_two_statements_that_fit_equally_are_not_guessed_between(tmp_path: Path) -> None:
    """资产总额 stated on the line above and the line below its parts, differently: which one
    the parts belong with the text does not say, so BAL001 stays silent and says why."""
    import json
    import subprocess
    import sys

    path = tmp_path / "report.txt"
    path.write_text(TIED, encoding="utf-8")
    assert not [f for f in evalrules.check(read_report(tmp_path, TIED)) if f.code == "BAL001"]
    command = [sys.executable, "-m", "evalrules", "check", str(path), "--select", "BAL001"]
    shown = subprocess.run([*command, "-v"], capture_output=True, text=True).stdout
    (skipped,) = [line for line in shown.splitlines() if " BAL001 跳过 " in line]
    assert "第2行写 100万元、第4行写 90万元" in skipped
    (data,) = json.loads(subprocess.run([*command, "-v", "--format", "json"], capture_output=True, text=True).stdout)
    assert data["findings"] == [] and [s["code"] for s in data["skipped"]] == ["BAL001"]
    clear = TIED.replace("年末资产总额90万元", "年末资产总额100万元")
    assert not [f for f in evalrules.check(read_report(tmp_path, clear)) if f.code == "BAL001"]
    broken = TIED.replace("年末资产总额90万元。\n", "")
    assert [f.code for f in evalrules.check(read_report(tmp_path, broken.replace("100万元", "90万元")))] == ["BAL001"]


RESTATED = (
    "2020年度“三公”经费决算情况\n一、“三公”经费支出情况\n单位：万元\n项目 | 决算数 |\n"
    "公务用车购置及运行维护费 | 1857.23 |\n公务用车购置费 | 423.81 |\n公务用车运行维护费 | 1433.42 |\n"
    "二、公务用车情况\n本年度公务用车购置费32万元，购置车辆2辆。\n"
)


def test_a_part_stated_again_elsewhere_is_not_summed_with_the_table_it_is_not_in(tmp_path: Path) -> None:
    """公务用车购置费 is 423.81 in the table and 32 in a later section: the two statements
    disagree (CON001, once); the table's sum holds, and the far 32 is not added to the
    table's other row as if it were the table's own (no BAL010)."""
    findings = evalrules.check(read_report(tmp_path, RESTATED))
    assert [(f.code, f.line) for f in findings] == [("CON001", 6)]
    summed = RESTATED.replace("公务用车购置费 | 423.81 |\n", "")
    assert [f.code for f in evalrules.check(read_report(tmp_path, summed))] == ["BAL010"]


def _sources_text(parts: tuple[Decimal, Decimal, Decimal], whole: Decimal) -> str:
    central, province, local = parts
    return (
        f"项目共投入资金{whole}万元。其中中央资金投入{central}万元,省级资金投入{province}万元,"
        f"地方资金投入{local}万元。\n"
    )


_SOURCE = st.decimals("20", "900", places=2)


@given(parts=st.tuples(_SOURCE, _SOURCE, _SOURCE), rest=st.decimals("0", "100", places=2), over=st.integers(1, 50))
def test_the_sources_of_a_projects_funds_do_not_exceed_them(
    tmp_path_factory: pytest.TempPathFactory, parts: tuple[Decimal, Decimal, Decimal], rest: Decimal, over: int
) -> None:
    """The sources a sentence lists after the funds (其中中央资金…，省级资金…) need not be all of
    them, but together they are no more: listed parts above the whole are found, at its line."""
    total = sum(parts, Decimal(0))
    assert _codes(_sources_text(parts, total + rest), tmp_path_factory, "BAL028") == []
    found = _codes(_sources_text(parts, total - over), tmp_path_factory, "BAL028")
    assert [(f.code, f.line) for f in found] == [("BAL028", 1)]


@given(total=st.decimals("1000", "9999", places=2), change=st.decimals("1", "99", places=2), off=st.integers(2, 20))
def test_a_change_of_both_sides_is_checked_once_at_its_line(
    total: Decimal, change: Decimal, off: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """收支较上年增加 X，增长 Y%: the change of the balanced totals, both of them. Consistent, no
    finding; a rate off by ``off`` points, one finding (not one per side) that points at it."""
    rate = (change / (total - change) * 100).quantize(Decimal("0.01"))
    lines = f"2023年度收入总计{total}万元，支出总计{total}万元。\n收支较上年决算数增加{change}万元，增长{rate}%。\n"
    report = read_report(tmp_path_factory.mktemp("joint"), lines)
    changes = {f.concept for f in report.facts if f.line == 2}
    assert changes == {f"final.{side}_total:{m}" for side in ("income", "expense") for m in ("yoy_change", "yoy_pct")}
    assert not [f for f in evalrules.check(report) if f.code == "EXE007"]
    broken = read_report(tmp_path_factory.mktemp("joint"), lines.replace(f"{rate}%", f"{rate + off}%"))
    (finding,) = [f for f in evalrules.check(broken) if f.code == "EXE007"]
    assert f"写 {rate + off}%" in finding.message and 2 in {loc.line for loc in finding.locations}


def test_the_whole_and_its_own_level_are_two_entities(tmp_path: Path) -> None:
    """全区 and 区本级 (behind a long aside on what it covers) state the same concept for two
    entities: no restatement to disagree (no CON001); the 区本级 figure is the part's."""
    report = read_report(
        tmp_path, "全区一般公共预算收入40.5亿元。\n区本级(含区直、街道和开发区,下同)一般公共预算收入39.21亿元。\n"
    )
    assert {(str(f.value), f.entity) for f in report.all("final.income")} == {("40.5", None), ("39.21", "区本级")}
    assert not [f for f in evalrules.check(report) if f.code == "CON001"]


_FUND_SOURCES = ("中央资金", "省级资金", "地方资金")
# a source's budget and what it spent of it, in 万元 with two decimals
_FUNDED = st.tuples(st.decimals("1", "5000", places=2), st.integers(1, 100)).map(
    lambda pair: (pair[0], (pair[0] * pair[1] / 100).quantize(Decimal("0.01")))
)


def _spending_text(sources: list[tuple[Decimal, Decimal]], broken: int | None) -> str:
    """A project's funds by source: what each spent and its rate on line 2, what each was given
    on line 3; the source ``broken`` states a rate 5 points off its figures."""
    spent = []
    for index, (name, (budget, executed)) in enumerate(zip(_FUND_SOURCES, sources, strict=True)):
        rate = (executed / budget * 100).quantize(Decimal("0.01")) + (5 if index == broken else 0)
        spent.append(f"{name}完成{executed}万元,预算执行率{rate}%")
    given = ",".join(f"{name}投入{budget}万元" for name, (budget, _) in zip(_FUND_SOURCES, sources, strict=True))
    total = sum(budget for budget, _ in sources)
    return f"某项目2023年度绩效自评报告\n实际完成情况:{';'.join(spent)}。\n项目共投入资金{total}万元。其中{given}。\n"


@given(sources=st.lists(_FUNDED, min_size=3, max_size=3), broken=st.one_of(st.none(), st.integers(0, 2)))
def test_the_rate_of_each_source_of_a_projects_funds_is_checked_against_its_own_figures(
    tmp_path_factory: pytest.TempPathFactory, sources: list[tuple[Decimal, Decimal]], broken: int | None
) -> None:
    """中央资金完成636.75万元,预算执行率81.97% … 其中中央资金投入776.84万元: each source's rate is
    its own spending over its own budget; breaking one source's rate gets exactly its finding."""
    found = _codes(_spending_text(sources, broken), tmp_path_factory, "EXE001")
    if broken is None:
        assert found == []
    else:
        assert [f.line for f in found] == [2]
        assert f"{sources[broken][0]}万元" in found[0].message


def test_the_appropriations_totals_are_not_the_units(tmp_path: Path) -> None:
    """A 部门决算说明 states the unit's 收、支总计 and, under its own heading, the appropriation's
    (财政拨款收、支总计): two accounts, each with its own change — not one figure stated twice, and
    the appropriation's figures none of the unit's."""
    text = (
        "某县教育局2022年度部门决算公开说明\n一、收入支出决算总体情况说明\n"
        "2022年度收、支总计12,345.67万元。与2021年度相比，收、支总计各增加1,234.56万元，增长11.11%。\n"
        "二、支出决算情况说明\n本年支出合计11,500.00万元，其中：基本支出9,200.00万元，项目支出2,300.00万元。\n"
        "三、财政拨款收入支出决算总体情况说明\n"
        "2022年度财政拨款收、支总计10,800.00万元。与2021年度相比，财政拨款收、支总计各增加800.00万元，增长8%。\n"
    )
    report = read_report(tmp_path, text)
    totals = {(f.concept, format(f.value, "f")) for f in report.facts if f.concept.startswith("final.expense_total")}
    assert ("final.expense_total", "10800.00") not in totals
    # nor is the appropriation's change its income's (财政拨款收、支总计各增加 is no 财政拨款收入's change)
    assert not [f for f in report.facts if f.concept.startswith("final.income_fiscal")]
    assert [f.code for f in evalrules.check(report)] == []
