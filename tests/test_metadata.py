"""Where a report names its department, as real reports write it (title, form field, the line
over the title, a sentence opening with the name) — and what is only a signature."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.documents import read_report


def names(tmp_path: Path, text: str) -> dict[str, tuple[str, int]]:
    report = read_report(tmp_path, text)
    return {f.concept: (str(f.value), f.line) for f in report.facts if "department" in f.concept}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the title names it, a sentence opening with the year then the name names it again
            "2021年茂名市发展和改革局整体支出绩效自评报告\n2021 年茂名市发展和改革局整体支出 绩效自评报告 根据要求\n",
            {"report.title_department": ("茂名市发展和改革局", 1), "report.department": ("茂名市发展和改革局", 2)},
        ),
        (  # the name alone over a title that names none
            "重庆市铜梁区小林镇人民政府\n2022年决算报告\n一、预算收支决算情况\n全镇本级一般公共预算收入实现111.11万元。\n",
            {
                "report.title_department": ("重庆市铜梁区小林镇人民政府", 1),
                "report.department": ("重庆市铜梁区小林镇人民政府", 1),
            },
        ),
        (  # a year written without 年 after the name, and the body's form field
            "岳阳市城市管理监督指挥中心2018绩效评价自评报告\n部门(单位)名称: 岳阳市城市管理监督指挥中心\n",
            {
                "report.title_department": ("岳阳市城市管理监督指挥中心", 1),
                "report.department": ("岳阳市城市管理监督指挥中心", 2),
            },
        ),
        (  # 部门 after the name, in the title and in the sentence that opens with it
            "寻甸回族彝族自治县教育体育局部门2020年度“三公”经费决算情况说明\n"
            "寻甸回族彝族自治县教育体育局部门2020年度“三公”经费支出决算为28.6万元。\n",
            {
                "report.title_department": ("寻甸回族彝族自治县教育体育局", 1),
                "report.department": ("寻甸回族彝族自治县教育体育局", 2),
            },
        ),
        (  # the year before the name, apart by a space; a school
            "2021年度 耒阳市第四中学部门决算\n目录\n",
            {"report.title_department": ("耒阳市第四中学", 1)},
        ),
        (  # a web page's section name and fields above the report's own title
            "预算绩效管理\n- 发布日期: 2025-04-29\n红河州数据发展中心2024年度项目支出绩效单位自评报告\n一、基本情况\n",
            {"report.title_department": ("红河州数据发展中心", 3)},
        ),
        (  # the name alone under a title that names none
            "科普活动项目支出\n绩效自评报告\n株洲市渌口区科学技术协会\n一、绩效自评工作开展情况\n",
            {"report.department": ("株洲市渌口区科学技术协会", 3)},
        ),
        (  # a breadcrumb that starts with no 首页 is no title
            "部门乡镇信息公开 > 部门 > 南漳县招商服务中心 > 法定主动公开内容\n南漳县招商服务中心2019年部门决算\n",
            {"report.title_department": ("南漳县招商服务中心", 2)},
        ),
        (  # a line under the title that reads as one names the unit less than the body's sentence
            "2019年部门决算公开\n南漳县招商服务中心2019年部门决算\n一、部门概况\n南漳县招商服务中心属于全额拨款事业单位。\n",
            {"report.department": ("南漳县招商服务中心", 4)},
        ),
        (  # a statement's 部门 field in a 决算 statement run onto one line, its cells apart by spaces
            "2021年部门决算\n收入支出决算总表 部门:昭通市大关县天星镇中心卫生院 收入 项目 行次 栏次 金额 1 "
            "一、一般公共预算财政拨款收入 1 八、其他收入 8 11,122,315.04 本年收入合计 27 总计 30 25,754,899.39 "
            "收入支出决算总表 公开01表 金额单位:元 支出 项目(按功能分类) 行次 栏次 金额 2 一、一般公共服务支出 31\n",
            {"report.department": ("昭通市大关县天星镇中心卫生院", 2)},
        ),
        (  # a sentence that opens with its year, then the unit it defines
            "项目支出绩效自评报告\n2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个。\n",
            {"report.department": ("红河州数据发展中心", 2)},
        ),
        (  # the unit before 关于 in a title names it; a joint notice's issuers name no one unit
            "重庆市人民政府关于2023年度行政事业性国有资产管理情况的专项报告\n",
            {"report.title_department": ("重庆市人民政府", 1)},
        ),
        (
            "腾冲市教育体育局 腾冲市统计局 腾冲市财政局关于2023年全市教育经费执行情况统计公告\n",
            {},
        ),
        (  # in the body, a unit before 关于 is the one a cited notice is from, not the department
            "2023年度部门整体支出绩效自评报告\n根据要求开展自评。市财政局关于印发绩效管理办法的通知要求各单位自评。\n",
            {},
        ),
        (  # a form's field
            "部门整体支出绩效自评表\n部门(单位)名称 | 绥阳县太白镇人民政府 | ||||\n",
            {"report.department": ("绥阳县太白镇人民政府", 2)},
        ),
        (  # a title's name right after 年度, a PDF's space inside it: the name, as written
            "2022年度茂名市发 展和改革局部门整体支出绩效自评报告\n",
            {"report.title_department": ("茂名市发 展和改革局", 1)},
        ),
        (  # a form's field whose value leads with the unit's budget code
            "项目支出绩效自评表\n项目名称 | 委托业务项目 | 实施单位 | 219001-池州市贵池区棠溪镇人民政府 |\n",
            {"report.department": ("池州市贵池区棠溪镇人民政府", 2)},
        ),
        (  # a web page's 发布机构, its value on the next line, before the title
            "  • 发布机构\n  • 保山市卫生健康委员会\n保山市卫生健康委员会2022年度项目绩效自评报告\n",
            {"report.department": ("保山市卫生健康委员会", 2), "report.title_department": ("保山市卫生健康委员会", 3)},
        ),
        (  # the same page run onto one line (a 文库 copy): its fields apart by their bullets, then the text
            "• 索引号• 09130195-9-/2023-0417015• 发布机构• 保山市卫生健康委员会• 公开目录• 绩效评价"
            "• 发布日期• 2023-04-17"
            "一、自评结论(一)自评得分项目能严格按照项目实施方案开展绩效评分100分,自评为优。(二)绩效目标完成情况"
            "1.产出指标全部完成,慰问对象120人。2.效益指标全部完成,我委认真开展项目绩效自评工作。\n",
            {"report.department": ("保山市卫生健康委员会", 1)},
        ),
        (  # pinyin readings inside the lead-in and the name; the name kept as written
            "山東科技職業(yè)學(xué)院\n政府采購決算公開情況說明\n要求,現(xiàn)將2021年度山東科技職業(yè)學(xué)院政府采購情況公開如下\n"
            "山東科技職業(yè)學(xué)院\n",
            {
                "report.title_department": ("山東科技職業(yè)學(xué)院", 1),
                "report.department": ("山東科技職業(yè)學(xué)院", 3),
            },
        ),
        (  # 许镇镇: the shortest name that the year follows
            "许镇镇2020年“三公”经费决算数共计35.5万元。\n",
            {"report.department": ("许镇镇", 1)},
        ),
        (  # a signature at the end is not the department, nor is a page's 来源 (page furniture)
            "2023年度专项债券项目绩效评价情况\n信息来源:区卫生健康局\n全年支出100万元。\n青田县教育局\n",
            {},
        ),
        (  # a page's publisher is the last resort; never against the unit the title names
            "发布机构\n开远市教育体育局\n开远市第十二中学校2024年度部门整体支出绩效自评报告\n",
            {"report.title_department": ("开远市第十二中学校", 3)},
        ),
        (  # a body run onto one line: the title ends where its first heading starts, and the
            # sentence the unit's heading runs into names the unit; a heading's number is no name
            "附件3\n示范县水利局2023年度部门整体支出绩效自评报告一、部门基本情况(一)部门概况示范县水利局为"
            "县政府工作部门,属一级预算单位。(二)项目基本概况我校2023年项目为一个。"
            + "全年按计划完成各项工作任务。" * 20
            + "\n",
            {"report.title_department": ("示范县水利局", 2), "report.department": ("示范县水利局", 2)},
        ),
        (  # the formula that hands the report over names its unit after the year
            "根据《通知》(豫财农〔2018〕130号),现将2022年西平县交通运输局财政衔接资金项目绩效自评报告如下:\n",
            {"report.department": ("西平县交通运输局", 1)},
        ),
        (  # a title cut over two lines: its first line names no document, the body names the unit
            "附件 1\n开远市第十二中学校 2024 年度部门整体和\n项目支出绩效自评报告\n"
            "为贯彻落实预算绩效管理要求,现将开远市第十二中学校2024 年度部门整体和项目支出情况报告如下:\n",
            {"report.department": ("开远市第十二中学校", 4)},
        ),
        (  # a sentence that opens with its year, then the unit whose appropriation it states
            "“三公”经费说明\n“三公”经费包括因公出国(境)费和公务接待费。2017年湛江市委宣传部财政预算拨款“三公”经费为10万元。\n",
            {"report.department": ("湛江市委宣传部", 2)},
        ),
        (  # the unit an evaluation was made of: 对…2020年度…开展了绩效评价; not 对各单位…
            "机关整体支出绩效评价报告\n根据市财政局要求,对各单位2020年度支出开展评价。"
            "按照指标体系,对南县财政局2020年度机关整体支出开展了绩效评价。\n",
            {"report.department": ("南县财政局", 2)},
        ),
        (  # a sentence that opens with the unit and says what it has not: 无内设机构
            "部门整体支出绩效评价报告\n株洲市荷塘区妇女联合会无内设机构。\n",
            {"report.department": ("株洲市荷塘区妇女联合会", 2)},
        ),
        (  # 根据市财政局… and 全镇… do not name the department
            "2022年度部门整体支出绩效自评报告\n根据市财政局2022年通知要求开展自评。\n全镇本级一般公共预算收入111万元。\n",
            {},
        ),
    ],
)
def test_department(tmp_path: Path, text: str, expected: dict[str, tuple[str, int]]) -> None:
    assert names(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "独立核算经营活动取得的收入。较 2022 年度决算数增加 0.00万元。\n本单位 2023 年度总支出 125.08 万元。\n",
            "2023",
        ),
        ("根据《通知》（财预〔2020〕10号）要求，2021年12月3日前完成。2019年度部门整体支出绩效自评报告\n", "2019"),
        ("经费控制情况 2017年决算数 2018年预算数 2018年决算数\n", "2018"),
        ("建设高标准农田是重要举措。2021年、2022年山东省分别立项实施高标准农田项目。\n", "2022"),
        (  # a cited document's edition is not the report's year; a cited notice's year may be
            "根据《四川省预决算公开操作规程(2022年修订)的通知》要求，经汇总，2025年全市“三公”经费预算2000万元。\n",
            "2025",
        ),
        ("根据《关于开展2022年度部门整体支出绩效自评工作的通知》要求，我厅实施了绩效自评。\n", "2022"),
        ("部门预算项目支出绩效自评表(2023年度)\n项目名称 | 51092324T000010263357-2023年全县补助资金项目\n", "2023"),
    ],
)
def test_the_year_is_not_one_compared_against_nor_of_a_date(tmp_path: Path, text: str, year: str) -> None:
    report = read_report(tmp_path, text)
    assert [str(f.value) for f in report.facts if f.concept == "report.year"] == [year]
    assert report.title is None or "。" not in report.title


@pytest.mark.parametrize(
    ("body", "codes"),
    [
        ("茂名市发 展和改革局2022年部门整体支出情况如下。", []),  # the same name, spaced elsewhere by the copy
        ("茂名市發展和改革局2022年部门整体支出情况如下。", []),  # the same name, in traditional characters
        ("茂名市财政局2022年部门整体支出情况如下。", ["CON004"]),  # another department's, left from a template
    ],
)
def test_the_title_and_the_body_name_one_department_however_copied(tmp_path: Path, body: str, codes: list[str]) -> None:
    report = read_report(tmp_path, f"2022年度茂名市 发展和改革局部门整体支出绩效自评报告\n{body}\n")
    assert [f.code for f in evalrules.check(report) if f.code == "CON004"] == codes
