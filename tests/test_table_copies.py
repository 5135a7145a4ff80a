"""One table — the money rows of a national 项目支出绩效自评表 — in every layout a reviewer
receives it in, read to the same facts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import evalrules
from tests.documents import pdf_text, write_docx, write_pdf, write_ruled_pdf

HEADER = ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
ROWS = [
    ["年度资金总额", "120", "118.5", "110.2", "10", "93.00%", "9.3"],
    ["其中：本年财政拨款", "100", "98.5", "90.2", "", "91.57%", ""],  # 分值 and 得分 blank
]
TABLE = [HEADER, *ROWS]
EXPECTED = {  # the money in the unit the row labels' header declares: 项目资金(万元)
    ("execution.initial_budget", "120", "万元"),
    ("execution.annual_budget", "118.5", "万元"),
    ("execution.executed", "110.2", "万元"),
    ("execution.rate", "93.00", "%"),
    ("evaluation.indicator.年度资金总额:weight", "10", "分"),
    ("evaluation.indicator.年度资金总额:score", "9.3", "分"),
    ("execution.initial_budget_fiscal", "100", "万元"),
    ("execution.annual_budget_fiscal", "98.5", "万元"),
    ("execution.executed_fiscal", "90.2", "万元"),
    ("execution.rate_fiscal", "91.57", "%"),
}
TITLE = "2023年度项目支出绩效自评表"


def _pipes() -> str:
    return "\n".join([TITLE, *(" | ".join(row) for row in TABLE)]) + "\n"


def _spaced_in_prose() -> str:
    """What a converter writes: the form run onto one line, cells apart by spaces, prose after."""
    cells = " ".join(cell for row in TABLE for cell in row if cell)
    return f"{TITLE} 项目名称 示范项目 {cells} 年度总体目标 全年完成项目建设。\n"


def _spaced_with_names_split() -> str:
    """The same, as OCR or a PDF's text layer spaces it: a space put inside column names and the
    row's label (全 年执行 数, 年度资金 总额), among the spaces that part the cells."""
    text = _spaced_in_prose()
    for name, split in (("全年执行数", "全 年执行 数"), ("得分", "得 分"), ("年度资金总额", "年度资金 总额")):
        text = text.replace(name, split, 1)
    return text


def _spaced_at_page_width() -> str:
    """The spaced form as a PDF's column cuts it: every 36 characters, a cell or a name cut in
    two across lines (the copy gives no sign of where; only the page width does)."""
    text = _spaced_in_prose().rstrip("\n")
    return "\n".join(text[at : at + 36] for at in range(0, len(text), 36)) + "\n"


def _spaced_rows() -> str:
    """What a PDF's text layer writes: each row on its line, its cells apart by a space, a blank
    cell not written at all."""
    return "\n".join([TITLE, *(" ".join(cell for cell in row if cell) for row in TABLE)]) + "\n"


def _spaced_rows_in_columns() -> str:
    """The same as a layout-keeping converter writes it: the cells in columns of spaces."""
    return "\n".join([TITLE, *("".join(f"{cell:<12}" for cell in row).rstrip() for row in TABLE)]) + "\n"


def _one_cell_a_line() -> str:
    return "\n".join([TITLE, *(f"{cell} |" if cell else "|" for row in TABLE for cell in row)]) + "\n"


def _one_cell_a_line_run_on() -> str:
    """What a 文库 page or a converter writes of a body: every line of it run onto one, the table
    written one cell a line among headings and prose."""
    cells = "".join(f"{cell} |" if cell else "|" for row in TABLE for cell in row)
    return f"{TITLE}\n一、项目资金使用情况表单位:万元|{cells}{_CONCLUSION}\n"


def _bare_cells_run_on() -> str:
    """A table written one cell a line, each cell's ``|`` on the line after it, run onto one
    line with nothing between them (合计|0.36|因公出国(境)费||…): every cell ends at its bar."""
    cells = "".join(f"{cell}|" if cell else "|" for row in TABLE for cell in row)
    return f"{TITLE}\n{cells}\n"


def _caption_and_cells_run_on() -> str:
    """A short table written one cell a line, run onto its caption's line: the caption ends with
    the unit it declares."""
    cells = "".join(f"{cell} |" if cell else "|" for row in TABLE for cell in row)
    return f"{TITLE}\n项目资金使用情况表单位:万元{cells}\n"


def _rows_run_on() -> str:
    """The same, of a table written a row a line (cells apart by `` | ``): each row runs into
    the next with nothing between them."""
    rows = "".join(" | ".join(row) + " |" for row in TABLE)
    return f"{TITLE}\n一、项目资金使用情况{rows}{_CONCLUSION}\n"


def _cells_run_together() -> str:
    """What OCR or a converter that drops every cell boundary writes: the header's names and
    each row's figures run together with nothing between them (年度资金总额120118.5110.2…),
    a form's identities alone telling where one cell ends."""
    return f"{TITLE}\n{''.join(cell for row in TABLE for cell in row)}\n"


def _tight_pipes() -> str:
    """Rows of cells apart by a bare ``|``, a blank cell written as nothing between two."""
    return "\n".join([TITLE, *("|".join(row) for row in TABLE)]) + "\n"


_CONCLUSION = (
    "二、自评结论。项目按计划实施,资金使用规范,全年完成项目建设任务,项目资金按进度拨付,会计核算规范,"
    "未发现截留、挤占、挪用项目资金的情况。三、存在的问题。项目前期调研不够充分,部分绩效指标设置不够细化、"
    "量化,下一步将加强绩效目标管理。"
)


def _facts(path: Path) -> set[tuple[str, str]]:
    report = evalrules.extract(evalrules.load(path))
    return {(f.concept, format(f.value, "f")) for f in report.facts if f.is_figure()}


def _figures(path: Path) -> set[tuple[str, str, str | None]]:
    """The facts with their units: every copy of the form must give the same ones."""
    report = evalrules.extract(evalrules.load(path))
    return {(f.concept, format(f.value, "f"), f.unit) for f in report.facts if f.is_figure()}


def _text(folder: Path, text: str) -> Path:
    path = folder / "form.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "layout",
    [
        _pipes,
        _spaced_in_prose,
        _spaced_with_names_split,
        _spaced_at_page_width,
        _spaced_rows,
        _spaced_rows_in_columns,
        _one_cell_a_line,
        _one_cell_a_line_run_on,
        _bare_cells_run_on,
        _caption_and_cells_run_on,
        _rows_run_on,
        _cells_run_together,
        _tight_pipes,
    ],
    ids=lambda f: f.__name__,
)
def test_the_same_facts_from_every_text_layout(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _figures(_text(tmp_path, layout())) == EXPECTED


def test_the_same_facts_from_a_docx_table(tmp_path: Path) -> None:
    assert _figures(write_docx(tmp_path / "form.docx", [TITLE, TABLE])) == EXPECTED


@pytest.mark.parametrize(
    "write",
    [
        *(lambda folder, layout=layout: _text(folder, layout()) for layout in (_pipes, _one_cell_a_line, _tight_pipes)),
        lambda folder: write_docx(folder / "form.docx", [TITLE, TABLE]),
    ],
    ids=["pipes", "one_cell_a_line", "tight_pipes", "docx"],
)
def test_a_figure_after_a_blank_cell_points_at_its_own_column(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The 财政拨款 row's 执行率 stands in the table's 6th column, after the blank 分值."""
    report = evalrules.extract(evalrules.load(write(tmp_path)))
    assert {f.cell for f in report.facts if f.concept == "execution.rate_fiscal"} == {(3, 6)}


def test_the_same_facts_from_a_pdf_table(tmp_path: Path) -> None:
    assert _figures(write_pdf(tmp_path / "form.pdf", [TITLE, TABLE])) == EXPECTED


def test_the_same_facts_from_a_ruled_pdf_table_whose_cells_wrap(tmp_path: Path) -> None:
    """Columns narrower than their cells: 年度资金总额 and 全年预算数 wrap over lines of the
    page, yet each cell is one cell of its row, and the sentence after the table is still read."""
    path = write_ruled_pdf(tmp_path / "form.pdf", [TITLE, TABLE, "自评得分为95分。"])
    page_text = pdf_text(path)
    assert "年度资金总额" not in page_text and "全年预算数" not in page_text  # they do wrap on the page
    report = evalrules.extract(evalrules.load(path))
    assert _figures(path) == EXPECTED | {("evaluation.total_score", "95", "分")}
    assert {f.cell for f in report.facts if f.concept == "execution.rate_fiscal"} == {(3, 6)}
    assert {f.line for f in report.facts if f.concept == "execution.initial_budget"} == {3}  # the row's line


@pytest.mark.parametrize(
    "layout",
    [_spaced_in_prose, _one_cell_a_line_run_on, _caption_and_cells_run_on, _rows_run_on, _cells_run_together],
    ids=lambda f: f.__name__,
)
def test_every_fact_of_a_form_run_onto_one_line_points_at_its_cell(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = layout()
    lines = text.splitlines()
    report = evalrules.extract(evalrules.load(_text(tmp_path, text)))
    figures = [fact for fact in report.facts if fact.is_figure()]
    assert figures
    for fact in figures:
        assert lines[fact.line - 1][fact.span.column - 1 :].startswith(fact.span.text), fact


def test_the_sections_of_a_body_run_onto_one_line_are_found_on_it(tmp_path: Path) -> None:
    report = evalrules.extract(evalrules.load(_text(tmp_path, _one_cell_a_line_run_on())))
    assert [(s.number, s.line) for s in report.sections] == [("一、", 2), ("二、", 2), ("三、", 2)]


YEARS = "经费控制情况 2017年决算数 2018年预算数 2018年决算数 三公经费 29.08 63.46 44.29\n"


def _three_public(tmp_path: Path, text: str) -> set[tuple[str, str, int | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = evalrules.extract(evalrules.load(path))
    return {(f.concept, format(f.number, "f"), f.period) for f in report.facts if f.concept.startswith("three_public")}


def test_a_table_of_years_fills_its_columns(tmp_path: Path) -> None:
    assert _three_public(tmp_path, YEARS) == {
        ("three_public.budget.total", "63.46", 2018),
        ("three_public.final.total", "44.29", 2018),
    }


def test_a_space_a_copy_put_inside_a_year_s_column_name_is_not_a_cell_boundary(tmp_path: Path) -> None:
    """2017年决算 数 is one column, that year's 决算数, as 全 年执行 数 is 全年执行数."""
    assert _three_public(tmp_path, YEARS.replace("2017年决算数", "2017年决算 数")) == _three_public(tmp_path, YEARS)


def test_a_row_with_more_figures_than_the_header_has_columns_is_not_guessed(tmp_path: Path) -> None:
    """A copy that lost a column's name: the row's figures can no longer be told apart, so none
    is read (rather than each taking its neighbour's column)."""
    assert _three_public(tmp_path, YEARS.replace("2017年决算数 ", "")) == set()


def test_a_figure_run_into_the_next_cell_is_not_guessed(tmp_path: Path) -> None:
    """A run-on copy glues 44.29 to the next row's 1、: the row is not read by position."""
    text = YEARS.replace("44.29\n", "44.291、公务用车购置和维护经费 11.86 41.46 39.30\n")
    assert ("three_public.budget.total", "29.08", 2018) not in _three_public(tmp_path, text)


# A 部门预算's 三公 table laid out sideways: the items are the columns, a group split under them
SIDEWAYS_CAPTION = ["一、2022年一般公共预算“三公”经费支出预算表", "单位:万元"]
SIDEWAYS_HEADER = ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"]
SIDEWAYS_GROUP = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]
SIDEWAYS_FIGURES = ["79", "0", "75", "50", "25", "4"]
SIDEWAYS_EXPECTED = {
    (f"three_public.budget.{item}", value)
    for item, value in zip(
        ["total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"],
        SIDEWAYS_FIGURES,
        strict=True,
    )
}


def _sideways_pipes(figures: list[str]) -> str:
    rows = [SIDEWAYS_HEADER, SIDEWAYS_GROUP, figures]
    return "\n".join([*SIDEWAYS_CAPTION, *(" | ".join(row) + " |" for row in rows)]) + "\n"


def _sideways_one_cell_a_line(figures: list[str]) -> str:
    """As a web page's converter writes it: the cells of a row one a line, then as many ``|`` as
    the row has empty cells."""
    lines = list(SIDEWAYS_CAPTION)
    for row in (SIDEWAYS_HEADER, SIDEWAYS_GROUP, figures):
        lines += [f"{cell} |" for cell in row if cell]
        if empty := row.count(""):
            lines.append("|" * empty)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", [_sideways_pipes, _sideways_one_cell_a_line], ids=lambda f: f.__name__)
def test_a_table_whose_columns_are_items_gives_each_column_its_item(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _facts(_text(tmp_path, layout(SIDEWAYS_FIGURES))) == SIDEWAYS_EXPECTED


def test_a_table_whose_columns_are_items_from_a_docx_with_merged_cells(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SIDEWAYS_CAPTION:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=6)
    for r, row in enumerate([SIDEWAYS_HEADER, SIDEWAYS_GROUP, SIDEWAYS_FIGURES]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 4)).text = "公务用车购置及运行费"
    for c in (0, 1, 5):  # the items with no parts span both header rows
        table.cell(0, c).merge(table.cell(1, c)).text = SIDEWAYS_HEADER[c]
    document.save(str(tmp_path / "budget.docx"))
    assert _facts(tmp_path / "budget.docx") == SIDEWAYS_EXPECTED


@pytest.mark.parametrize("layout", [_sideways_pipes, _sideways_one_cell_a_line], ids=lambda f: f.__name__)
def test_a_table_whose_columns_are_items_is_not_guessed_when_a_figure_is_missing(layout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Five figures under six columns: which one is missing cannot be told, so none is read."""
    assert _facts(_text(tmp_path, layout(SIDEWAYS_FIGURES[:-1]))) == set()


# a real form's start as a converter wrote it: its metadata dump, then the form's cells apart by spaces
CONVERTED = (
    "安福全 zlnb210061 1 2019-05-22T04:56:35Z 2006-09-13T11:21:51Z 2022-05-16T06:53:23Z 15.00 2052-11.1.0.11691 "
    "FEAB6FBF67D44AA19C24BC22CBB840E5 9300 22370 0 0 False False False 附件: 项目支出绩效自评表 (2022年度) "
    "项目名称 委托业务项目 主管部门 219-池州市贵池区棠溪镇人民政府 实施单位 219001-池州市贵池区棠溪镇人民政府 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
    "其中:本年财政拨款 90 89.974 89.974 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 "
    "本项目共申请预算资金90万元。"
)


def test_a_form_cut_at_the_page_width_reads_as_the_whole_line(tmp_path: Path) -> None:
    """The form cut every 36 characters as a PDF's column cuts it: whether its spaces part cells,
    and where the dump ends, is said by the whole line, not by each piece."""
    cut = "\n".join(CONVERTED[at : at + 36] for at in range(0, len(CONVERTED), 36))
    read = _facts(_text(tmp_path, CONVERTED + "\n"))
    assert ("evaluation.indicator.年度资金总额:weight", "10") in read
    assert _facts(_text(tmp_path, cut + "\n")) == read


_GLUED_HEADER = "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分"


def test_cells_run_together_that_two_readings_fit_are_not_read(tmp_path: Path) -> None:
    """年度资金总额:202010100.00%10 is 20 | 20 | 10 | 100.00% | 10 with one money cell blank:
    the form's identities hold whether the first 20 is the 年初 or the 全年预算数, so that cell is
    not read; every cell both readings agree on is."""
    text = f"{TITLE}\n{_GLUED_HEADER}年度资金总额:202010100.00%10\n"
    assert _facts(_text(tmp_path, text)) == {
        ("execution.executed", "20"),
        ("evaluation.indicator.年度资金总额:weight", "10"),
        ("execution.rate", "100.00"),
        ("evaluation.indicator.年度资金总额:score", "10"),
    }


def test_cells_run_together_of_another_row_are_not_the_totals(tmp_path: Path) -> None:
    """A 上年结转资金 row after the total's, and a total's name in the text after a sentence that
    ends the form, give no figure of the form's total."""
    form = f"{_GLUED_HEADER}年度资金总额120118.5110.21093.00%9.3上年结转资金20201890.00%"
    text = f"{TITLE}\n{form}。项目年度资金总额2020100.00%完成\n"
    assert _figures(_text(tmp_path, text)) == EXPECTED - {f for f in EXPECTED if "_fiscal" in f[0]}


_CENT = Decimal("0.01")


@given(
    annual=st.decimals("1", "99999", places=2),
    spent=st.decimals("0.3", "1", places=2),
    initial=st.decimals("0.5", "1.5", places=2),
    weight=st.integers(5, 20),
)
def test_cells_run_together_are_read_only_as_the_form_wrote_them(
    tmp_path_factory: pytest.TempPathFactory, annual: Decimal, spent: Decimal, initial: Decimal, weight: int
) -> None:
    """Whatever the figures of a consistent 年度资金总额 row, a figure read from its run is one
    of its cells, under its own column: a cut the form's arithmetic allows but the row did not
    write never becomes a fact."""
    executed = (annual * spent).quantize(_CENT)
    rate = (executed / annual * 100).quantize(_CENT)
    score = (min(rate, Decimal(100)) / 100 * weight).quantize(_CENT)
    cells = [(annual * initial).quantize(_CENT), annual, executed, weight, f"{rate}%", score]
    text = f"{TITLE}\n{_GLUED_HEADER}年度资金总额{''.join(map(str, cells))}\n"
    written = dict(zip(["initial_budget", "annual_budget", "executed", "weight", "rate", "score"], cells, strict=True))
    expected = {
        (
            f"execution.{kind}" if kind not in ("weight", "score") else f"evaluation.indicator.年度资金总额:{kind}",
            str(value).rstrip("%"),
        )
        for kind, value in written.items()
    }
    assert _facts(_text(tmp_path_factory.mktemp("glued"), text)) <= expected


FIELDS = [
    ["单位名称", "塘湖镇人民政府", "", ""],
    ["基本支出总额", "864.2万", "项目支出总额", "30万元"],
    ["公务用车购置数", "32", "公务用车保有量", "660"],  # counts: no unit, none declared
]


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: _text(folder, "\n".join([TITLE, *(" | ".join(row) + " |" for row in FIELDS)]) + "\n"),
        lambda folder: write_docx(folder / "form.docx", [TITLE, FIELDS]),
    ],
    ids=["pipes", "docx"],
)
def test_a_row_of_fields_under_no_header_gives_each_figure_its_name(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """name | figure | name | figure: each figure the one its name labels; a bare figure where
    the form declares no unit is not taken for money."""
    facts = _facts(write(tmp_path))
    assert {fact for fact in facts if not fact[0].startswith("report.")} == {
        ("final.expense_basic", "864.2"),
        ("final.expense_project", "30"),
    }


# A 部门决算's 收入支出决算总表: 收入 and 支出 side by side, each with its 行次 (the rows' numbers)
STATEMENT = [
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["一、一般公共预算财政拨款收入", "1", "440.55", "一、一般公共服务支出", "29", "423.20"],
    ["二、政府性基金预算财政拨款收入", "2", "0.00", "二、外交支出", "30", "0.00"],
    ["三、上级补助收入", "3", "10.00", "三、国防支出", "31", "27.35"],
    ["本年收入合计", "26", "450.55", "本年支出合计", "57", "450.55"],
]
STATEMENT_TEXT = ["某单位2022年度部门决算", "一、收入支出决算总表", "金额单位：万元"]
STATEMENT_AFTER = ["二、收入决算表", "本年收入合计450.55万元。", "三、支出决算表", "本年支出合计450.55万元。"]


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: write_docx(folder / "statement.docx", [*STATEMENT_TEXT, STATEMENT, *STATEMENT_AFTER]),
        lambda folder: _text(
            folder, "\n".join([*STATEMENT_TEXT, *(" | ".join(row) + " |" for row in STATEMENT), *STATEMENT_AFTER])
        ),
    ],
    ids=["docx", "pipes"],
)
def test_a_statement_of_income_and_spending_side_by_side(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each side's figures are its own rows' (本年支出合计 is no 收入), a 行次 is no amount, a
    functional class (一般公共服务支出) is no 政府采购 服务, and the rows' 一、二、三、 are no headings
    of the report: no finding on a statement that adds up."""
    report = evalrules.extract(evalrules.load(write(tmp_path)))
    figures = {(f.concept, format(f.value, "f")) for f in report.facts if f.is_figure() and f.source == "table"}
    assert ("final.income_other", "10.00") in figures
    assert {value for _, value in figures} <= {"440.55", "10.00", "450.55"}  # no 行次, no class of spending
    assert [s.number for s in report.sections] == ["一、", "二、", "三、"]
    assert [f.code for f in evalrules.check(report)] == []


# A 部门整体支出绩效自评表: the total's money, then its parts grouped under rows that name a
# grouping and hold no figure (按支出性质分 names 支出 as a column could)
OVERALL = [
    ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "1200", "1320", "1296", "10", "98.18%", "9.8"],
    ["按支出性质分", "", "", "", "", "", ""],
    ["其中：基本支出", "800", "870", "846", "", "", ""],
    ["项目支出", "400", "450", "450", "", "", ""],
]


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: _text(folder, "\n".join([TITLE, *(" | ".join(row) for row in OVERALL)]) + "\n"),
        lambda folder: write_docx(folder / "form.docx", [TITLE, OVERALL]),
    ],
    ids=["pipes", "docx"],
)
def test_a_part_of_a_form_takes_each_column_s_scope(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A grouping row is no header: under 年初预算数 a part is the budget's, under 全年执行数 the
    final accounts'; under 全年预算数 (the adjusted budget, which no part's concept holds) nothing."""
    facts = _facts(write(tmp_path))
    assert {fact for fact in facts if "expense" in fact[0]} == {
        ("budget.expense_basic", "800"),
        ("final.expense_basic", "846"),
        ("budget.expense_project", "400"),
        ("final.expense_project", "450"),
    }


YEAR_TABLE = [
    ["项目", "2017年决算数", "2018年预算数", "2018年决算数"],
    ["三公经费合计", "29.08", "63.46", "44.29"],
    ["公务接待费", "10.00", "20.00", "15.00"],
]


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: _text(folder, "\n".join([YEARS_TITLE, *(" | ".join(row) for row in YEAR_TABLE)]) + "\n"),
        lambda folder: write_docx(folder / "form.docx", [YEARS_TITLE, YEAR_TABLE]),
        lambda folder: _text(folder, YEARS_TITLE + "\n" + " ".join(cell for row in YEAR_TABLE for cell in row) + "\n"),
    ],
    ids=["pipes", "docx", "spaced"],
)
def test_a_column_headed_with_an_earlier_year_is_last_year_s(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """2017年决算数 beside 2018年预算数 and 2018年决算数 holds last year's figures: no concept (it
    is not this year's 决算), and the others are the figures of 2018."""
    report = evalrules.extract(evalrules.load(write(tmp_path)))
    assert {(f.concept, format(f.number, "f"), f.period) for f in report.facts if f.base.startswith("three")} == {
        ("three_public.budget.total", "63.46", 2018),
        ("three_public.final.total", "44.29", 2018),
        ("three_public.budget.reception", "20.00", 2018),
        ("three_public.final.reception", "15.00", 2018),
    }


YEARS_TITLE = "“三公”经费支出情况表（单位：万元）"


SPENDING = [  # a 三公经费 table whose blank cells a spaced copy does not write
    ["项 目", "预算数", "决算数"],
    ["合 计", "1.8", "1.52"],
    ["1、因公出国(境)费", "", ""],
    ["2、公务接待费", "1.8", "1.52"],
    ["3、公务用车购置及运行维护费", "", ""],
]
SPENDING_NOTE = "注：2021年公务接待费支出决算1.52万元，较预算减少0.28万元。"


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: _text(
            folder, "\n".join([SPENDING_TITLE, *(" | ".join(r) + " |" for r in SPENDING), SPENDING_NOTE])
        ),
        lambda folder: write_docx(folder / "form.docx", [SPENDING_TITLE, SPENDING, SPENDING_NOTE]),
        lambda folder: _text(
            folder, "\n".join([SPENDING_TITLE, *(" ".join(c for c in r if c) for r in SPENDING), SPENDING_NOTE])
        ),
    ],
    ids=["pipes", "docx", "spaced"],
)
def test_a_table_written_with_spaces_reads_as_its_grid(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rows apart by spaces, under a header of column names: a name spaced out (合 计), a row
    whose figures are blank (a lone name, numbered 1、), the note under the table read as prose."""
    document = evalrules.load(write(tmp_path))
    report = evalrules.extract(document)
    written = {line.number: line.text for line in document.lines()}
    for fact in report.facts:  # every figure points at where it is written
        assert written[fact.line][fact.span.column - 1 :].startswith(fact.span.text), fact
    assert {(f.concept, format(f.number, "f"), f.source) for f in report.facts if f.base.startswith("three")} == {
        ("three_public.budget.total", "1.8", "table"),
        ("three_public.final.total", "1.52", "table"),
        ("three_public.budget.reception", "1.8", "table"),
        ("three_public.final.reception", "1.52", "table"),
        ("three_public.final.reception", "1.52", "prose"),
        ("three_public.final.reception:vs_budget", "-0.28", "prose"),
    }


SPENDING_TITLE = "2021年度“三公”经费支出决算表（单位：万元）"


SPENDING_AND_USE = """2020年度全区“三公”经费决算情况
单位：万元
经费项目 2020年度支出 支出减少情况 支出减少率
因公出国(境)费 0 0 0%
公务接待费 71.53 - -
公务用车购置费 423.81 - -
2020年度全区“三公”经费使用情况
使用项目 2020年度数量或人次
因公出国(境)团组数 0
公务用车购置数 32
公务用车保有量 660
国内公务接待批次 486
"""


def _one_cell_a_line_bare(text: str) -> str:
    """A table as a PDF's text layer may give it: every cell on a line of its own, no bars."""
    return "\n".join(cell for line in text.splitlines() for cell in (line.split() if " " in line else [line])) + "\n"


@pytest.mark.parametrize("copy", [lambda text: text, _one_cell_a_line_bare], ids=["spaced", "one_cell_a_line"])
def test_the_counts_table_after_a_table_of_money_states_no_money(copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A short page of two tables: the rows of similar length are no page cut at one width, and
    the counts under their own header (使用项目 2020年度数量或人次) are not the money table's
    columns — 公务用车购置数 32 is 32 cars, not a second 公务用车购置费."""
    report = evalrules.extract(evalrules.load(_text(tmp_path, copy(SPENDING_AND_USE))))
    money = {(f.concept, format(f.number, "f")) for f in report.facts if f.base.startswith("three")}
    assert money == {("three_public.final.reception", "71.53"), ("three_public.final.vehicle_purchase", "423.81")}
    assert [finding.code for finding in evalrules.check(report)] == []


def test_rows_of_one_length_are_no_lines_a_page_cut(tmp_path: Path) -> None:
    """A short table whose rows happen to be as long as each other: their common length is no
    page width, and each row is read on its own line."""
    rows = ["项目 预算数 决算数", "“三公”经费合计 100.00 90.00", "因公出国(境)费用 10.00 9.00"]
    rows += ["公务用车购置费用 50.00 45.00", "公务用车运行费用 20.00 18.00", "国内公务接待费用 20.00 18.00"]
    path = _text(tmp_path, "\n".join(["2021年度“三公”经费支出决算表", "单位：万元", *rows]) + "\n")
    report = evalrules.extract(evalrules.load(path))
    assert {(f.line, f.concept, format(f.number, "f")) for f in report.facts if f.source == "table"} == {
        (4, "three_public.budget.total", "100.00"),
        (4, "three_public.final.total", "90.00"),
        (5, "three_public.budget.overseas", "10.00"),
        (5, "three_public.final.overseas", "9.00"),
        (6, "three_public.budget.vehicle_purchase", "50.00"),
        (6, "three_public.final.vehicle_purchase", "45.00"),
        (7, "three_public.budget.vehicle_operation", "20.00"),
        (7, "three_public.final.vehicle_operation", "18.00"),
        (8, "three_public.budget.reception", "20.00"),
        (8, "three_public.final.reception", "18.00"),
    }


CAPTION = ["一、2020年一般公共预算“三公”经费支出预算表", "单位:万元"]
CELLS = ["项目", "预算数", "合计", "0.36", "因公出国(境)费", "", "公务接待费", "0.36"]  # one blank cell


@pytest.mark.parametrize(
    "cells",
    [[f"{text} |" if text else "|" for text in CELLS], [text for text in CELLS if text]],
    ids=["with_bars", "bare"],
)
def test_a_table_one_cell_a_line_takes_its_topic_from_its_caption(cells: list[str], tmp_path: Path) -> None:
    """The caption is a heading (一、…“三公”经费支出预算表), not the document's title: its 合计 is
    the 三公经费's, whether the cells stand with their bars or bare (a blank cell not written)."""
    report = evalrules.extract(evalrules.load(_text(tmp_path, "\n".join([*CAPTION, *cells]) + "\n")))
    assert {(f.concept, format(f.number, "f")) for f in report.facts if f.source == "table"} == {
        ("three_public.budget.total", "0.36"),
        ("three_public.budget.reception", "0.36"),
    }
