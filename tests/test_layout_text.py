"""The normalised text: one spelling of a report whatever copy of it came in, and every fact
still pointing at the line and column where its figure is written in the copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import evalrules
from evalrules.layout.text import normal_document, normal_line
from tests.documents import read_report

SENTENCE = (
    "2023年“三公”经费支出合计12.50万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费8.30万元，"
    "公务接待费4.20万元。"
)

COPIES = {
    "as published": SENTENCE,
    "half-width punctuation": SENTENCE.translate(str.maketrans("，。：；（）", ",.:;()")),
    "full-width digits": SENTENCE.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％")),
    "traditional characters": SENTENCE.replace("经费", "經費").replace("务", "務").replace("万元", "萬元"),
    "spaces between characters": SENTENCE.replace("公务用车", "公务 用车").replace("接待费", "接 待 费"),
    "pinyin readings": SENTENCE.replace("公务接待费", "公务(wù)接待(dài)费"),
}


def _read(text: str, folder: Path) -> set[tuple[str, str, int]]:
    report = read_report(folder, text)
    return {(f.concept, format(f.value, "f"), f.line) for f in report.facts if f.is_figure()}


@pytest.mark.parametrize("copy", sorted(COPIES))
def test_every_copy_of_a_sentence_gives_the_same_facts(copy: str, tmp_path: Path) -> None:
    facts = _read(COPIES[copy], tmp_path)
    assert facts == _read(SENTENCE, tmp_path)
    assert ("three_public.final.reception", "4.20", 1) in facts


@pytest.mark.parametrize("copy", sorted(COPIES))
def test_a_fact_points_at_its_figure_as_written_in_the_copy(copy: str, tmp_path: Path) -> None:
    text = COPIES[copy]
    report = read_report(tmp_path, text)
    for fact in report.facts:
        assert text[fact.span.column - 1 :].startswith(fact.span.text), fact


def test_a_name_and_a_unit_are_given_as_written(tmp_path: Path) -> None:
    text = "事業(yè)單位衡陽縣科學技術協會2023年“三公”經費支出12.5萬元。"
    report = evalrules.extract(evalrules.load(_write(tmp_path, "報告：" + text)))
    (total,) = report.all("three_public.final.total")
    assert total.unit == "萬元" and total.span.text == "12.5萬元"


def _write(folder: Path, text: str) -> Path:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


_TEXT = st.text(alphabet=st.sampled_from([*"公务接待费 (wù)12.5O万兀元，。,.", "\u3000"]), max_size=40)


@given(_TEXT)
def test_every_normalised_character_maps_to_a_source_character(source: str) -> None:
    text, columns = normal_line(source)
    assert len(columns) == len(text)
    assert list(columns) == sorted(set(columns))  # in order, each once
    assert all(0 <= column < len(source) for column in columns)


def test_ocr_confusions_are_repaired_inside_numbers_and_units_only() -> None:
    assert normal_line("资金1O.5万兀，Office")[0] == "资金10.5万元，Office"
    assert normal_line("共2l3人")[0] == "共213人"


def test_the_space_between_a_forms_fields_is_kept_and_a_copys_space_dropped(tmp_path: Path) -> None:
    assert normal_line("单位名称:塘湖镇政府 填报日期:2021.5.18")[0] == "单位名称:塘湖镇政府 填报日期:2021.5.18"
    assert normal_line("单位名称:塘湖 镇政府 填报日期:2021.5.18")[0] == "单位名称:塘湖镇政府 填报日期:2021.5.18"
    report = evalrules.extract(evalrules.load(_write(tmp_path, "单位名称:塘湖镇政府 填报日期:2021.5.18\n")))
    assert report.department == "塘湖镇政府"


def test_a_title_at_the_page_width_does_not_run_into_the_contents_under_it(tmp_path: Path) -> None:
    """A page wrapped at the title's width: the title is that long, and the 目录 under it is not the
    rest of it, so the contents' entries (九、 then 十二、) are not read as the outline."""
    title = "乌鲁木齐市政务服务中心2023年度部门决算公开说明"
    body = (
        "贯彻执行国家、自治区和我市有关政务服务工作的方针、政策和法律法规，拟订全市政务服务工作制度并组织实施，"
        "负责全市政务服务事项的集中办理和监督管理工作，承担市人民政府交办的其他工作任务。"
    )
    width = len(title)
    wrapped = [body[at : at + width] for at in range(0, len(body), width)]
    contents = ["目 录", "九、国有资本经营预算财政拨款收入支出决算情况说明", "十二、其他需说明的事项"]
    lines = [title, *contents, "九、《国有资本经营预算财政拨款收入支出决算表》", "第一部分 单位概况", "一、主要职能"]
    report = read_report(tmp_path, "\n".join([*lines, *wrapped, "二、机构设置"]) + "\n")
    assert report.title == title
    assert [s.number for s in report.sections] == ["九、", "一、", "二、"]
    assert not [f for f in evalrules.check(report) if f.code == "STR001"]


@pytest.mark.parametrize(
    "title",
    [
        "2018年湛江市質(zhì)量技術(shù)監(jiān)督局“三公”經(jīng)費(fèi)預(yù)算情況說(shuō)明",
        "2021年茂名市发展和改革局部门整体支出绩效自评报告.pdf",
    ],
)
def test_a_title_cut_at_the_page_width_ends_where_it_ends_as_a_title(tmp_path: Path, title: str) -> None:
    """A title (or the file name a page gives it) that a page wrapped ends with its last line,
    though that line is as long as the page's: the body is not read as the rest of it.  A body
    line that ends in 说明 but states a figure goes on, and a name a cut splits over two lines is
    given as written."""
    body = (
        "“三公”經費包括因公出國(境)費、公務用車購置及運行維護費和公務接待費。2018年湛江市質量技術監督局財政撥款"
        "“三公”經費預算32.6萬元。本單位認真貫徹落實中央八項規定精神,嚴格控制“三公”經費支出,厲行節約。"
    )
    width = 30
    lines = [title[at : at + width] for at in range(0, len(title), width)]
    lines += [body[at : at + width] for at in range(0, len(body), width)]
    explained = "1.預算執行率=預算執行數/調整後預算數未達到90%時需說明"  # as long as the page's lines
    assert len(explained) == width
    lines += [explained, "原因。"]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = evalrules.load(path)
    report = evalrules.extract(document)
    assert report.title is not None and report.title.replace(" ", "") == title
    (department,) = report.all("report.department")
    assert department.value == "湛江市質量技術監督局" and department.line > len(title) // width + 1
    (last,) = [line for line in normal_document(document).document.lines() if line.text.startswith("1.预算执行率")]
    assert last.text.endswith("需说明原因。")


def test_a_body_run_on_after_a_breadcrumb_is_read(tmp_path: Path) -> None:
    """A web page copied onto one line: the breadcrumb is furniture, the report after it is not."""
    page = (
        "您现在的位置: 首页 > 工作动态 > 通知公告 > 部门整体支出绩效评价报告【字体: 】 【发布时间:2022-04-15】"
        "一、基本情况(一)部门整体支出概况。1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。"
        "2、支出:799.12万元。其中:人员经费支出434.89万元,公用经费支出77.4万元,项目支出286.83万元。\n"
    )
    assert _read(page, tmp_path) >= {
        ("final.income", "792.22", 1),
        ("final.income:yoy_pct", "31.39", 1),
        ("final.expense", "799.12", 1),
        ("final.expense_project", "286.83", 1),
    }
    assert _read(page[: page.index("【")] + "\n", tmp_path) == set()


def test_a_title_run_into_the_pages_fields_is_the_title(tmp_path: Path) -> None:
    """A page copied onto one line: its title, the page's fields (来源, 发布时间), the body. The
    fields are furniture; the title before them is the report's."""
    page = (
        "深圳市罗湖区人民政府\n罗湖区审计局2024年度财政拨款“三公”经费支出决算情况来源:罗湖区审计局 "
        "发布时间:2025-12-26一、“三公”经费财政拨款支出决算总体情况说明2024年度“三公”经费财政拨款支出决算为"
        "2.02万元,完成全年预算5.3万元的38.1%,比上年决算数减少0.33万元,下降14%。二、“三公”经费财政拨款支出"
        "决算具体情况说明。因公出国(境)费0万元,公务用车购置及运行维护费支出2.02万元,公务接待费支出0万元。\n"
    )
    report = read_report(tmp_path, page)
    assert report.title == "罗湖区审计局2024年度财政拨款“三公”经费支出决算情况"
    assert report.title_department == "罗湖区审计局"
    assert [(s.number, s.line) for s in report.sections] == [("一、", 2), ("二、", 2)]


def test_headings_run_on_into_their_text_are_cut_from_it(tmp_path: Path) -> None:
    """A 决算说明 run onto one line: a heading after a chart's caption, and a heading's title
    running into its text, are read as the lines they were."""
    lines = [
        "一、收入支出决算总体情况说明",
        "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,"
        "各下降23.51%、38.28%。主要变动原因是项目收入减少。",
        "(图1:收、支决算总计变动情况图)(柱状图)",
        "二、收入决算情况说明",
        "2022年本年收入合计4125.49万元,其中:一般公共预算财政拨款收入3859.16万元,占93.54%。",
    ]
    as_lines = {(c, v) for c, v, _ in _read("\n".join(lines) + "\n", tmp_path)}
    run_on = {(c, v) for c, v, _ in _read("".join(lines) + "\n", tmp_path)}
    assert run_on == as_lines
    assert {("final.income_total", "4125.49"), ("final.expense_total:yoy_pct", "-38.28")} <= run_on


def test_a_list_inside_a_tables_cell_is_no_outline(tmp_path: Path) -> None:
    """A form's cell holding (1)…(4) run together is one cell, not headings that skip a number."""
    duty = "制定和组织实施经济、科技和社会发展计划,切实履行部门职责,确保各项工作按时保质保量完成"
    items = "".join(f"({i}){duty}。" for i in range(1, 5))
    report = read_report(tmp_path, f"年度总体目标 | {items} | (1)积极履职,强化管理。 |\n")
    assert [section.number for section in report.sections] == []


def test_a_page_header_numbered_like_a_heading_is_no_section(tmp_path: Path) -> None:
    """A PDF's running header, written above every page's text, repeats more often than any
    heading: it is furniture, and the outline is the report's own headings, once each."""
    pages = ["一、部门基本情况\n本部门2022年支出100万元。", "二、绩效目标完成情况\n完成率100%。", "三、问题\n无。"]
    header = "（一）部门整体支出绩效自评\n"
    report = read_report(tmp_path, "某局2022年度部门整体支出绩效自评报告\n" + "".join(header + p + "\n" for p in pages))
    assert [(s.number, s.line) for s in report.sections] == [("一、", 3), ("二、", 6), ("三、", 9)]
    assert not evalrules.check(report, select=["STR001"])


def test_a_numbered_row_run_on_with_its_figure_stays_a_row(tmp_path: Path) -> None:
    """A table's rows run onto one line, their labels numbered like headings (3、公务用车费 | 1946 |):
    a row with its figure, not a heading over a table."""
    rows = "".join(
        [
            "项目 | 预算数 |",
            "合计 | 3318 |",
            "1、因公出国(境)费用 | 0 |",
            "2、公务接待费 | 1372 |",
            "3、公务用车费 | 1946 |",
            "其中:(1)公务用车运行维护费 | 1946 |",
            "(2)公务用车购置 | 0 |",
        ]
    )
    note = "注:1、“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。" * 3
    text = f"岳阳县2015年“三公”经费汇总情况预算表\n单位:万元 | |{rows}{note}\n"
    assert _read(text, tmp_path) >= {
        ("three_public.budget.total", "3318", 2),
        ("three_public.budget.reception", "1372", 2),
        ("three_public.budget.vehicles", "1946", 2),
        ("three_public.budget.vehicle_operation", "1946", 2),
    }
