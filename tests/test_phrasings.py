"""The phrasings real reports use, each read into the facts a reviewer would write down."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.documents import read_report


def facts_of(tmp_path: Path, text: str) -> set[tuple[str, str, str | None]]:
    report = read_report(tmp_path, text)
    return {(f.concept, str(f.value), f.unit) for f in report.facts if f.is_figure()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2021年决算收入792.22万元，同比上年度增加189.25万元，增加31.39%。",
            {
                ("final.income", "792.22", "万元"),
                ("final.income:yoy_change", "189.25", "万元"),
                ("final.income:yoy_pct", "31.39", "%"),
            },
        ),
        (
            "“三公”经费支出预算为0.36万元，比2019年预算减少0.02万元，下降5.26%。",
            {
                ("three_public.budget.total", "0.36", "万元"),
                ("three_public.budget.total:yoy_change", "-0.02", "万元"),
                ("three_public.budget.total:yoy_pct", "-5.26", "%"),
            },
        ),
        (  # the next sentence carries the topic until it states a figure of another kind
            "“三公”经费支出合计12.50万元，主要用于接待。本单位决算收入合计560.00万元，支出合计560.00万元。",
            {
                ("three_public.final.total", "12.50", "万元"),
                ("final.income", "560.00", "万元"),
                ("final.expense", "560.00", "万元"),
            },
        ),
        (
            "2023年决算总收入180.46万元，较预算增加77.26万元。",
            {("final.income", "180.46", "万元"), ("final.income:vs_budget", "77.26", "万元")},
        ),
        (
            "本年支出合计4021.94万元，其中：基本支出2719.24万元，占67.61%；项目支出1302.70万元，占32.39%。",
            {
                ("final.expense", "4021.94", "万元"),
                ("final.expense_basic", "2719.24", "万元"),
                ("final.expense_basic:share", "67.61", "%"),
                ("final.expense_project", "1302.70", "万元"),
                ("final.expense_project:share", "32.39", "%"),
            },
        ),
        (
            "2023年政府采购工作完成，共采购项目40个，采购计划金额共计500.50万元，实际采购金额共计450.25万元，共节约资金50.25万元，"
            "节约率为10.04%，其中货物类采购项目25个，采购计划金额共计300.50万元，实际采购金额共计280.25万元，"
            "共节约资金20.25万元；服务类采购项目15个，采购计划金额共计200万元，节约资金30万元。",
            {
                ("procurement.budget", "500.50", "万元"),
                ("procurement.total", "450.25", "万元"),
                ("procurement.savings", "50.25", "万元"),
                ("procurement.savings_rate", "10.04", "%"),
                ("procurement.budget_goods", "300.50", "万元"),
                ("procurement.goods", "280.25", "万元"),
                ("procurement.savings_goods", "20.25", "万元"),
                ("procurement.budget_services", "200", "万元"),
                ("procurement.savings_services", "30", "万元"),
            },
        ),
        (  # 年初预算 between the label and its figure; 完成年初预算的 is the 三公 total's, not the funds' 执行率
            "财政拨款“三公”经费支出年初预算为6,283.70元,支出决算为6,283.70元,完成年初预算的100%。",
            {
                ("three_public.budget.total", "6283.70", "元"),
                ("three_public.final.total", "6283.70", "元"),
                ("three_public.final.total:of_budget", "100", "%"),
            },
        ),
        (  # a change against the budget, and that change in percent
            "2020年度“三公”经费41万元,较上年减少19万元,下降43.78%,较年初预算数减少4万元,下降2.2%。",
            {
                ("three_public.final.total", "41", "万元"),
                ("three_public.final.total:yoy_change", "-19", "万元"),
                ("three_public.final.total:yoy_pct", "-43.78", "%"),
                ("three_public.final.total:vs_budget", "-4", "万元"),
                ("three_public.final.total:vs_budget_pct", "-2.2", "%"),
            },
        ),
        (  # 各: respectively, with the noun the names share written once and one unit for the list
            "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,"
            "各下降23.51%、38.28%。",
            {
                ("final.income_total", "4125.49", "万元"),
                ("final.expense_total", "4143.91", "万元"),
                ("final.income_total:yoy_change", "-1267.86", "万元"),
                ("final.expense_total:yoy_change", "-2570.97", "万元"),
                ("final.income_total:yoy_pct", "-23.51", "%"),
                ("final.expense_total:yoy_pct", "-38.28", "%"),
            },
        ),
        (  # figures compared with the budget are final ones, in a text that never says 决算; a bracket is an aside
            "“三公”经费支出总额为8,237.23万元,比年初预算增加1317.14万元。其中:因公出国(境)经费0万元,和年初预算持平;"
            "公务用车购置及运行维护费7,634.75万元(其中:公务用车购置费2,337.35万元,公务用车运行维护费5,297.40万元),"
            "比年初预算增加1833.7万元。",
            {
                ("three_public.final.total", "8237.23", "万元"),
                ("three_public.final.total:vs_budget", "1317.14", "万元"),
                ("three_public.final.overseas", "0", "万元"),
                ("three_public.final.overseas:vs_budget", "0", "万元"),  # 和年初预算持平: no change, in words
                ("three_public.final.vehicles", "7634.75", "万元"),
                ("three_public.final.vehicle_purchase", "2337.35", "万元"),
                ("three_public.final.vehicle_operation", "5297.40", "万元"),
                ("three_public.final.vehicles:vs_budget", "1833.7", "万元"),
            },
        ),
        (  # compared with the budget in percent (为年初预算的): a final figure
            "全镇本级一般公共预算支出1,867.48万元,为年初预算的120.9%,比上年降低30.2%。",
            {("final.expense", "1867.48", "万元"), ("final.expense:yoy_pct", "-30.2", "%")},
        ),
        (  # a list's names come after the last year written, whatever ran on before them
            "第二部分2024年度单位决算情况说明一、收入支出决算总体情况说明2024年度收、支总计均为1523.26万元",
            {("final.income_total", "1523.26", "万元"), ("final.expense_total", "1523.26", "万元")},
        ),
        (  # a paragraph a web page's layout table ends on (a lone |) is read as a paragraph
            "2011年“三公经费”财政拨款预算中,因公出国(境)费617万元(零增长),公务用车购置及运行费1205.06万元,"
            "公务接待费865万元(零增长)。此次公布的“三公经费”财政拨款情况反映的是本级、18个派出机构和7个直属事业单位的"
            "支出情况。 |",
            {
                ("three_public.budget.overseas", "617", "万元"),
                ("three_public.budget.vehicles", "1205.06", "万元"),
                ("three_public.budget.reception", "865", "万元"),
            },
        ),
        (  # last year's figure named by its year, then the change; a change after a bracket is the figure's before it
            "2021年“三公”经费预算总额为3136万元,较2020年的3178万元减少42万元,下降1.32%。其中:公务用车购置及运行维护费"
            "2066万元(其中:公务用车运行维护费1920万元,公务车购置经费146万元),减少12万元,下降0.58%。",
            {
                ("three_public.budget.total", "3136", "万元"),
                ("three_public.budget.total:yoy_change", "-42", "万元"),
                ("three_public.budget.total:yoy_pct", "-1.32", "%"),
                ("three_public.budget.vehicles", "2066", "万元"),
                ("three_public.budget.vehicle_operation", "1920", "万元"),
                ("three_public.budget.vehicle_purchase", "146", "万元"),
                ("three_public.budget.vehicles:yoy_change", "-12", "万元"),
                ("three_public.budget.vehicles:yoy_pct", "-0.58", "%"),
            },
        ),
        (  # the three items named together are the 三公经费; the vehicles' costs named without the vehicles
            "2019年因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款决算数98.3万元。"
            "其中:因公出国(境)费0万元;公务用车保有量2辆,购置及运行维护费5万元,比上年减少0.28万元。",
            {
                ("three_public.final.total", "98.3", "万元"),
                ("three_public.final.overseas", "0", "万元"),
                ("three_public.final.vehicles", "5", "万元"),
                ("three_public.final.vehicles:yoy_change", "-0.28", "万元"),
            },
        ),
        (  # after a breakdown that lists a part's part, the next sentence's change is the total's; the
            # parts' changes in money are against what the total's change in percent is against
            "2024年“三公”经费支出预算为14.01万元,其中:因公出国(境)费0万元,公务用车运行维护费14.01万元。"
            "与2023年预算相比增长16.75%,其中因公出国(境)费增加0万元,公务用车运行维护费增加2.01万元。",
            {
                ("three_public.budget.total", "14.01", "万元"),
                ("three_public.budget.overseas", "0", "万元"),
                ("three_public.budget.vehicle_operation", "14.01", "万元"),
                ("three_public.budget.total:yoy_pct", "16.75", "%"),
                ("three_public.budget.overseas:yoy_change", "0", "万元"),
                ("three_public.budget.vehicle_operation:yoy_change", "2.01", "万元"),
            },
        ),
        (  # a stop inside a bracket ends the aside, not the sentence: the change after it is the figure's before it
            "2022年“三公”经费预算502.4万元。其中:公务用车购置及运行费500.00万元(公务用车购置费100.00万元,比上年增加0万元;"
            "公务用车运行维护费400.00万元。)比上年增加0万元,增长0%。",
            {
                ("three_public.budget.total", "502.4", "万元"),
                ("three_public.budget.vehicles", "500.00", "万元"),
                ("three_public.budget.vehicle_purchase", "100.00", "万元"),
                ("three_public.budget.vehicle_purchase:yoy_change", "0", "万元"),
                ("three_public.budget.vehicle_operation", "400.00", "万元"),
                ("three_public.budget.vehicles:yoy_change", "0", "万元"),
                ("three_public.budget.vehicles:yoy_pct", "0", "%"),
            },
        ),
        (  # a bare change is against what the last comparison in its sentence is against (预算数)
            "2015年“三公”经费支出合计53.73亿元。“三公”经费中,因公出国(境)经费17.44亿元,比预算数减少1.94亿元;"
            "公务接待费5.42亿元,减少3.77亿元。",
            {
                ("three_public.final.total", "53.73", "亿元"),
                ("three_public.final.overseas", "17.44", "亿元"),
                ("three_public.final.overseas:vs_budget", "-1.94", "亿元"),
                ("three_public.final.reception", "5.42", "亿元"),
                ("three_public.final.reception:vs_budget", "-3.77", "亿元"),
            },
        ),
        (  # 均: one figure for every name
            "2024年度收、支总计均为1523.26万元。",
            {("final.income_total", "1523.26", "万元"), ("final.expense_total", "1523.26", "万元")},
        ),
        (  # the parts of a change: each part's change is against what the total's was
            "“三公”经费支出决算数比上年减少11.57万元,下降42.26%。其中:因公出国(境)费支出决算减少0万元,下降0%;"
            "公务接待费支出决算减少8.96万元,下降36.78%。",
            {
                ("three_public.final.total:yoy_change", "-11.57", "万元"),
                ("three_public.final.total:yoy_pct", "-42.26", "%"),
                ("three_public.final.overseas:yoy_change", "0", "万元"),
                ("three_public.final.overseas:yoy_pct", "0", "%"),
                ("three_public.final.reception:yoy_change", "-8.96", "万元"),
                ("three_public.final.reception:yoy_pct", "-36.78", "%"),
            },
        ),
        (  # under a heading of what was arranged (安排情况), the figures are the budget's
            "一、“三公”经费安排情况\n2022年本部门财政拨款安排“三公”经费502.4万元，比上年减少14.6万元，下降2.82%。\n",
            {
                ("three_public.budget.total", "502.4", "万元"),
                ("three_public.budget.total:yoy_change", "-14.6", "万元"),
                ("three_public.budget.total:yoy_pct", "-2.82", "%"),
            },
        ),
        (  # the shares of names that have no concept are no share of the total named before them
            "2022年全国政府采购规模为34993.1亿元。公开招标、邀请招标采购规模分别占全国政府采购规模的77.2%、0.8%。",
            {("procurement.total", "34993.1", "亿元")},
        ),
        (
            "支出：799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元，项目支出286.83万元。",
            {
                ("final.expense", "799.12", "万元"),
                ("final.expense_personnel", "434.89", "万元"),
                ("final.expense_public", "77.4", "万元"),
                ("final.expense_project", "286.83", "万元"),
            },
        ),
        (
            "共有人员编制9名，其中：行政编制9名，事业编制0名；实有在职人员8人，其中：行政人员8人。退休人员7人。",
            {
                ("staffing.authorized", "9", "名"),
                ("staffing.authorized_admin", "9", "名"),
                ("staffing.authorized_institution", "0", "名"),
                ("staffing.actual", "8", "人"),
                ("staffing.actual_admin", "8", "人"),
                ("staffing.retired", "7", "人"),
            },
        ),
        (  # 政法专项 and 工勤, of the 编制 and of the staff; 年末在职 is the staff at the year's end
            "核定政法专项编制247人、行政工勤编制15人。截止到2021年末在职244人,其中:政法专项230人、工勤14人。"
            "现有编制人员205人,实有在职在编人员196名。",
            {
                ("staffing.authorized_political_legal", "247", "人"),
                ("staffing.authorized_worker", "15", "人"),
                ("staffing.actual", "244", "人"),
                ("staffing.actual_political_legal", "230", "人"),
                ("staffing.actual_worker", "14", "人"),
                ("staffing.authorized", "205", "人"),
                ("staffing.actual", "196", "名"),
            },
        ),
        (  # 地方政府一般债务 is a kind of debt, not the 地方 tier: the totals after it are the unit's own
            "全区一般公共预算收入40.5亿元,加上地方政府一般债务转贷收入5.16亿元、调入资金14.1亿元,收入总计100.99亿元。"
            "总收支相抵后,结转结余为0.90亿元。",
            {
                ("final.income", "40.5", "亿元"),
                ("final.income_total", "100.99", "亿元"),
                ("final.carryover_end", "0.90", "亿元"),
            },
        ),
        (  # 编制 counted in 个; a count of what follows (12个绩效目标) is no 编制
            "共有行政编制24个(机关工勤2个)，事业编制41个，实有在职人员60人。项目共编制12个绩效目标。",
            {
                ("staffing.authorized_admin", "24", "个"),
                ("staffing.authorized_institution", "41", "个"),
                ("staffing.actual", "60", "人"),
            },
        ),
        (
            "政府采购支出总额1,234,567.50元，其中：货物1,000,000元，服务234,567.50元。授予中小企业合同金额1,234,567.50元。",
            {
                ("procurement.total", "1234567.50", "元"),
                ("procurement.goods", "1000000", "元"),
                ("procurement.services", "234567.50", "元"),
                ("procurement.sme", "1234567.50", "元"),
            },
        ),
        ("年初预算安排收入一百零三万元。", {("budget.income", "103", "万元")}),
        (
            "資產總額７.５４萬元，負債總額８.８萬元，淨資產７.２萬元。",
            {("assets.total", "7.54", "萬元"), ("assets.liabilities", "8.8", "萬元"), ("assets.net", "7.2", "萬元")},
        ),
        (
            "公务接待费支出2.05万元，年初预算为2万元，差值为0.05万元。",
            {
                ("three_public.final.reception", "2.05", "万元"),
                ("three_public.budget.reception", "2", "万元"),
                ("three_public.final.reception:vs_budget", "0.05", "万元"),
            },
        ),
        (  # one item of a project list: its funds, what it spent, its rate
            "一是学前教育支出，即公办幼儿园生均经费等合计3624.71万元，已于本年度支出3624.71万元，预算完成率100%。",
            {
                ("execution.annual_budget", "3624.71", "万元"),
                ("execution.executed", "3624.71", "万元"),
                ("execution.rate", "100", "%"),
            },
        ),
        (  # the total a 其中 breaks down into this year's expense is the grand total
            "（二）本单位2023年度总支出125.08万元，其中本年支出116.12万元，较2022年度决算数增加19.68万元。",
            {
                ("final.expense_total", "125.08", "万元"),
                ("final.expense", "116.12", "万元"),
                ("final.expense:yoy_change", "19.68", "万元"),
            },
        ),
        (  # an excerpt that starts inside item 8. of a part: （二） is not under 8., so no 预算 scope from it
            "8.上年结转和结余8.02万元，为以前年度支出预算因客观条件变化未执行完毕的资金。\n"
            "（二）本单位2023年度本年支出116.12万元，较2022年度决算数增加19.68万元。",
            {
                ("final.carryover_begin", "8.02", "万元"),
                ("final.expense", "116.12", "万元"),
                ("final.expense:yoy_change", "19.68", "万元"),
            },
        ),
        (  # a text that speaks only of the budget (a 部门预算 disclosure) states budget figures
            "2018年“三公”经费支出合计24.75万元，其中：公务接待费支出16.55万元。\n"
            "“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元。",
            {
                ("three_public.budget.total", "24.75", "万元"),
                ("three_public.budget.reception", "16.55", "万元"),
                ("three_public.budget.total", "24.75", "万元"),
            },
        ),
        (  # a figure's budget named beside it does not make the text a budget disclosure
            "2018年度本部门“三公”经费支出2.05万元，年初预算为2.95万元。",
            {("three_public.final.total", "2.05", "万元"), ("three_public.budget.total", "2.95", "万元")},
        ),
        (  # a bare 支出 under a heading that names the item is that item's
            "一、“三公”经费财政拨款支出决算情况\n(3)公务接待费支出情况。\n"
            "2018年公务接待24批次，210人次，支出2.05万元，较上年减少0.03万元。",
            {
                ("three_public.final.reception", "2.05", "万元"),
                ("three_public.final.reception:yoy_change", "-0.03", "万元"),
            },
        ),
        (  # the budget a change is against does not make the parts that follow budget figures
            "2020年公务用车购置及运行费决算支出785万元，较年初预算减少28%其中：公务用车购置费274万元。",
            {("three_public.final.vehicles", "785", "万元"), ("three_public.final.vehicle_purchase", "274", "万元")},
        ),
        (  # a table row's 费用 and a (境) written out
            "2020年因公出国(境)决算支出0万元。",
            {("three_public.final.overseas", "0", "万元")},
        ),
        (  # the comparison first, then what changed
            "2020年度全区“三公”经费总支出为1928.76万元。与上年相比，2020年度的“三公”经费支出减少了1093.92万元，下降了36.2%。",
            {
                ("three_public.final.total", "1928.76", "万元"),
                ("three_public.final.total:yoy_change", "-1093.92", "万元"),
                ("three_public.final.total:yoy_pct", "-36.2", "%"),
            },
        ),
        (  # 政府采购 before 货物 does not make it another concept; shares listed as 占…的
            "政府采购支出总额100万元，其中：政府采购货物支出60万元、政府采购工程支出40万元。"
            "货物、工程政府采购规模分别为60万元和40万元，占政府采购规模的60%和40%。",
            {
                ("procurement.total", "100", "万元"),
                ("procurement.goods", "60", "万元"),
                ("procurement.works", "40", "万元"),
                ("procurement.goods:share", "60", "%"),
                ("procurement.works:share", "40", "%"),
            },
        ),
        (  # a 镇 that never speaks of 财政拨款: its 一般公共预算 figures are its income and expense
            "全镇本级一般公共预算收入实现111.11万元，比上年增长9.0%。一般公共预算支出1,867.48万元，动用预算稳定调节基金。",
            {
                ("final.income", "111.11", "万元"),
                ("final.income:yoy_pct", "9.0", "%"),
                ("final.expense", "1867.48", "万元"),
            },
        ),
        (  # a 部门决算 that speaks of 财政拨款: 一般公共预算支出 is only the appropriation's part
            "本年支出合计4021.94万元。一般公共预算财政拨款支出1264.92万元。2020年一般公共预算支出决算数为1264.92万元。",
            {("final.expense", "4021.94", "万元")},
        ),
        (  # 财政拨款 of the 三公经费 only says nothing of the accounts; 亿 alone is 亿元 without its 元
            "全省一般公共预算收入3061.1亿元，增长9.9%。省级财政拨款“三公”经费支出4亿元，其中公务接待费0.7亿。",
            {
                ("final.income", "3061.1", "亿元"),
                ("final.income:yoy_pct", "9.9", "%"),
                ("three_public.final.total", "4", "亿元"),
                ("three_public.final.reception", "0.7", "亿"),
            },
        ),
        (  # 分值(10分) heads the weight column; it names no indicator; 资金(万元) declares the money's unit
            "部门整体支出绩效自评表\n"
            "部门(单位)总体 资金(万元) | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 |\n"
            "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值 |\n",
            {
                ("execution.initial_budget", "1172.55", "万元"),
                ("execution.executed", "1268.72", "万元"),
                ("evaluation.indicator.年度资金总额:weight", "10", "分"),
                ("evaluation.indicator.年度资金总额:score", "10", "分"),
            },
        ),
        (  # a 部门整体 form: 预算数(A) is the year's budget where no other budget column is; the row of the
            # unit's whole spending is the form's total; 得分(20分*执行率) heads the scores
            "部门整体支出绩效自评表\n"
            "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
            "部门整体支出总额 | 864.2 | 850.1 | 98.37% | 19.67 |\n",
            {
                ("evaluation.indicator.预算执行情况:weight", "20", "分"),
                ("execution.annual_budget", "864.2", "万元"),
                ("execution.executed", "850.1", "万元"),
                ("execution.rate", "98.37", "%"),
                ("evaluation.indicator.预算执行情况:score", "19.67", "分"),
            },
        ),
        (  # last year's column keeps its place: this year's figure is the one under 本年数
            "“三公”经费支出表（单位：万元）\n项目 | 上年数 | 本年数 |\n合计 | 10 | 20 |\n",
            {("three_public.final.total", "20", "万元")},
        ),
        (  # 其他收入 after a sibling source named 政府性基金…收入 is still the department's other income
            "2020年本年收入合计3765.66万元，其中：政府性基金预算财政拨款收入605.99万元，占16.09%；其他收入2.34万元，占0.06%。",
            {
                ("final.income", "3765.66", "万元"),
                ("final.income_other", "2.34", "万元"),
                ("final.income_other:share", "0.06", "%"),
            },
        ),
        (
            "年初预算支出1922.76万元，本年追加预算767.86万元。",
            {("budget.expense", "1922.76", "万元"), ("budget.supplement", "767.86", "万元")},
        ),
        (  # a total's execution: its changes, its rate against the 年初预算 and its excess over it
            "2017年度，本单位一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；"
            "完成年初预算100%，决算数大于预算数55.93万元。",
            {
                ("execution.executed", "1741.75", "万元"),
                ("execution.executed:yoy_change", "-53.7", "万元"),
                ("execution.executed:yoy_pct", "-2.99", "%"),
                ("execution.rate", "100", "%"),
                ("execution.executed:vs_budget", "55.93", "万元"),
            },
        ),
        (  # a class of spending with its rate is not the execution of the whole: its expense is the class's
            "1. 教育支出1595.95万元，主要用于保教工作，完成年初预算100%。",
            {("execution.rate", "100", "%"), ("final.expense", "1595.95", "万元")},
        ),
        (  # against last year's budget: no concept; against last year's final: the change
            "许镇镇2020年“三公”经费决算数共计35.5万元，比上年预算数字下降35.45%，比上年决算数字下降34.26%。",
            {("three_public.final.total", "35.5", "万元"), ("three_public.final.total:yoy_pct", "-34.26", "%")},
        ),
        (  # a percent after a change against the budget is against the budget too
            "2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%。",
            {
                ("three_public.final.total", "9.07", "万元"),
                ("three_public.final.total:vs_budget", "-10.93", "万元"),
                ("three_public.final.total:vs_budget_pct", "-54.65", "%"),
            },
        ),
        (  # a sentence that opens with its year states afresh: the 预算 of the sentence before is not its scope
            "2022年度部门整体支出绩效自评报告\n"
            "2022年预算收入69.06万元。2022年支出76.36万元,其中基本支出76.36万元,项目支出0万元。",
            {
                ("budget.income", "69.06", "万元"),
                ("final.expense", "76.36", "万元"),
                ("final.expense_basic", "76.36", "万元"),
                ("final.expense_project", "0", "万元"),
            },
        ),
        (  # a form's field alone on its line, its value on the next (cells a web page wrote as
            # paragraphs); a numbered heading after a field is no value of it
            "乡村振兴衔接资金绩效目标申报表\n\n项目名称\n\n岳阳县2022年高标准农田建设项目\n\n年度资金总额:\n\n"
            "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)\n\n总体目标:\n\n1.完成高标准农田建设1.2万亩。\n",
            {("execution.annual_budget", "854", "万")},
        ),
        (  # the budget stated in the sentence before: the final figure opening this one is its subject
            "2021年“三公”经费预算为20万元。2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元。",
            {
                ("three_public.budget.total", "20", "万元"),
                ("three_public.final.total", "9.07", "万元"),
                ("three_public.final.total:vs_budget", "-10.93", "万元"),
            },
        ),
        (  # a tier right after the whole is the whole's own (地方 as against 中央), not a part
            "2022年，全县地方教育经费总收入21.27亿元，比上年增加2.88亿元。"
            "国家财政性教育经费总收入18.96亿元，比上年增加2.87亿元。",
            {
                ("final.income", "21.27", "亿元"),
                ("final.income:yoy_change", "2.88", "亿元"),
                ("final.income_fiscal", "18.96", "亿元"),
                ("final.income_fiscal:yoy_change", "2.87", "亿元"),
            },
        ),
        (  # the parts of a change may be the parts of a part: 公务用车购置费 of 公务用车费
            "“三公”经费支出决算数比上年减少54,424.16元，下降89.65%。其中：公务用车购置费支出决算增加0元，"
            "增长0%；公务用车运行维护费支出决算减少41,799.16元，下降96.78%。",
            {
                ("three_public.final.total:yoy_change", "-54424.16", "元"),
                ("three_public.final.total:yoy_pct", "-89.65", "%"),
                ("three_public.final.vehicle_purchase:yoy_change", "0", "元"),
                ("three_public.final.vehicle_purchase:yoy_pct", "0", "%"),
                ("three_public.final.vehicle_operation:yoy_change", "-41799.16", "元"),
                ("three_public.final.vehicle_operation:yoy_pct", "-96.78", "%"),
            },
        ),
        (  # the general budget's appropriation is the whole appropriation where no other account has one
            "2021年本年收入合计581.45万元，其中：一般公共预算财政拨款收入382.17万元。",
            {("final.income", "581.45", "万元"), ("final.income_fiscal", "382.17", "万元")},
        ),
        (  # …and one part of it, with no concept, where another account's appropriation is named
            "2020年本年收入合计3765.66万元，其中：一般公共预算财政拨款收入1008.64万元；"
            "政府性基金预算财政拨款收入605.99万元。",
            {("final.income", "3765.66", "万元")},
        ),
        (
            "年度资金40.83万元，执行率100%。",
            {("execution.annual_budget", "40.83", "万元"), ("execution.rate", "100", "%")},
        ),
        (  # 收支: both totals, which balance
            "2023年度收入总计434.72万元，其中本年收入合计434.16万元。2023年度支出总计434.72万元，"
            "其中本年支出合计434.16万元。\n收入支出总体与上年相比，增加58.21万元，增长15.46%。",
            {
                ("final.income_total", "434.72", "万元"),
                ("final.income", "434.16", "万元"),
                ("final.expense_total", "434.72", "万元"),
                ("final.expense", "434.16", "万元"),
                ("final.income_total:yoy_change", "58.21", "万元"),
                ("final.income_total:yoy_pct", "15.46", "%"),
                ("final.expense_total:yoy_change", "58.21", "万元"),
                ("final.expense_total:yoy_pct", "15.46", "%"),
            },
        ),
        (  # 收支 of an income and an expense that differ names neither
            "本年收入1200万元，本年支出1100万元。收支较上年增加58.21万元。",
            {("final.income", "1200", "万元"), ("final.expense", "1100", "万元")},
        ),
        (  # a bracket saying what the figure covers stands between the label and its figure; 同口径 compares
            "一般公共预算收入(含辖区内列统收入,下同)40.5亿元,同口径增长11.9%。",
            {("final.income", "40.5", "亿元"), ("final.income:yoy_pct", "11.9", "%")},
        ),
        (  # the account a part of a 其中 breakdown names holds for that sentence only
            "收入合计850.26万元，其中：一般公共预算财政拨款收入820.26万元。支出合计845.12万元。",
            {
                ("final.income", "850.26", "万元"),
                ("final.income_fiscal", "820.26", "万元"),
                ("final.expense", "845.12", "万元"),
            },
        ),
        (  # indicators of any name: their weight in brackets, the 得 after it
            "综合自评得分92分。其中预算编制（15分）得14分，预算执行（35分）得32分。",
            {
                ("evaluation.total_score", "92", "分"),
                ("evaluation.indicator.预算编制:weight", "15", "分"),
                ("evaluation.indicator.预算编制:score", "14", "分"),
                ("evaluation.indicator.预算执行:weight", "35", "分"),
                ("evaluation.indicator.预算执行:score", "32", "分"),
            },
        ),
        (  # …a part of the total score with its weight in brackets after
            "综合自评得分92分。其中预算编制得分14分（满分15分），预算执行得分32分（满分35分）。",
            {
                ("evaluation.total_score", "92", "分"),
                ("evaluation.indicator.预算编制:weight", "15", "分"),
                ("evaluation.indicator.预算编制:score", "14", "分"),
                ("evaluation.indicator.预算执行:weight", "35", "分"),
                ("evaluation.indicator.预算执行:score", "32", "分"),
            },
        ),
        (  # …a list after a colon, each weight followed by its 实际得分
            "各项指标得分情况如下：投入类指标20分，实际得分18分；过程类指标20分，实际得分19分。",
            {
                ("evaluation.indicator.投入类指标:weight", "20", "分"),
                ("evaluation.indicator.投入类指标:score", "18", "分"),
                ("evaluation.indicator.过程类指标:weight", "20", "分"),
                ("evaluation.indicator.过程类指标:score", "19", "分"),
            },
        ),
        # …but a subject's score names no indicator
        ("该项目得分92分。", set()),
        (  # a 部门预算 disclosure states no final figure: its 上年结转结余 is in the budget
            "某市司法局2023年部门预算公开说明\n2023年收入预算总计3,256.80万元，其中：一般公共预算拨款收入"
            "3,106.80万元，上年结转结余150.00万元。支出预算总计3,256.80万元。",
            {
                ("budget.income", "3256.80", "万元"),
                ("budget.income_fiscal", "3106.80", "万元"),
                ("budget.expense", "3256.80", "万元"),
            },
        ),
        (  # 调整预算 is the year's budget, as 调整预算数 is
            "2022年年初预算800.00万元，调整预算865.30万元，实际支出845.12万元，预算执行率97.67%。",
            {
                ("execution.annual_budget", "865.30", "万元"),
                ("final.expense", "845.12", "万元"),
                ("execution.rate", "97.67", "%"),
            },
        ),
    ],
)
def test_phrasing(tmp_path: Path, text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert facts_of(tmp_path, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "根据《关于开展绩效自评工作的通知》（财预〔2020〕10号）要求，2022年2月3日前完成。",
        "联系电话：0734-6822123，13807341234。预算编码201010301。",
        "事业收入2148.69万元，社会保障和就业支出67.64万元。",
        "企业国有资产总额809.92亿元，负债总额703.06亿元。",
    ],
)
def test_what_is_not_an_amount_of_the_department(tmp_path: Path, text: str) -> None:
    """No figure of the department's own; a class of spending's amount is the class's (an entity's)."""
    report = read_report(tmp_path, text)
    assert [f for f in report.facts if f.is_figure() and f.entity is None] == []


def test_a_form_whose_cells_ran_together(tmp_path: Path) -> None:
    """An OCR'd 自评表: weight and score run together after the 系数, 定性指标 shuffled, values doubled."""
    text = (
        "部门整体绩效自评表自评总分(分)97.6执行率(%)执行率权重执行率得分(分)O76%107.6\n"
        "指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
        "财政供养人员控制率%定量指标100%92%100%22否管理制度健全性性标定指高高100%33否\n"
        "3、组织宣传活动次数次到0次43次100%1010是播发稿件数量tot扁2200篇2859篇100%1010是\n"
    )
    found = facts_of(tmp_path, text)
    indicator = "evaluation.indicator."
    assert found == {
        ("evaluation.total_score", "97.6", "分"),
        ("execution.rate", "76", "%"),
        (f"{indicator}执行率:weight", "10", "分"),
        (f"{indicator}执行率:score", "7.6", "分"),
        ("staffing.control_rate", "92", "%"),
        (f"{indicator}财政供养人员控制率:weight", "2", "分"),
        (f"{indicator}财政供养人员控制率:score", "2", "分"),
        (f"{indicator}管理制度健全性:weight", "3", "分"),
        (f"{indicator}管理制度健全性:score", "3", "分"),
        (f"{indicator}组织宣传活动次数:weight", "10", "分"),
        (f"{indicator}组织宣传活动次数:score", "10", "分"),
        (f"{indicator}播发稿件数量:weight", "10", "分"),
        (f"{indicator}播发稿件数量:score", "10", "分"),
    }


def test_a_cut_off_indicator_list_is_not_summed_against_the_total(tmp_path: Path) -> None:
    report = read_report(
        tmp_path,
        "自评总分(分)97.6\n指标名称全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标预算完成率%76%100%22否\n",
    )
    assert evalrules.check(report, select=["SCO003"]) == []


def test_a_table_written_with_spaces_only(tmp_path: Path) -> None:
    """A PDF table as text: a run of column heads, then label-and-numbers groups; a short group
    goes on on the next line and fills the columns from the right; 2017 is last year's column."""
    text = (
        "部门整体支出绩效评价基础数据表 单位:万元\n"
        "经费控制情况 2017年决算数 2018年预算数 2018年决算数 三公经费 29.08 63.46 44.29\n"
        "其中:公车购置 29.46 29.46 公车运行维护 11.86\n"
        "12 9.84\n"
        "而2017年度预算安排的三公经费总额为32万元。\n"
    )
    report = read_report(tmp_path, text)
    assert {(f.concept, str(f.value), f.line, f.period) for f in report.facts if f.line < 5 and f.period} == {
        ("three_public.budget.total", "63.46", 2, 2018),
        ("three_public.final.total", "44.29", 2, 2018),
        ("three_public.budget.vehicle_purchase", "29.46", 3, 2018),
        ("three_public.final.vehicle_purchase", "29.46", 3, 2018),
        ("three_public.budget.vehicle_operation", "12", 4, 2018),
        ("three_public.final.vehicle_operation", "9.84", 4, 2018),
    }
    assert evalrules.check(report, select=["CON001"]) == []  # 2017's budget is not 2018's


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("经自评，综合绩效级别为“优”。", "优"),
        ("2020年度部门整体支出、“乡村振兴战略专项资金”等专项资金绩效自评等次均为优秀。", "优秀"),
    ],
)
def test_the_grade(tmp_path: Path, text: str, grade: str) -> None:
    report = read_report(tmp_path, text)
    assert [f.value for f in report.facts if f.concept == "evaluation.grade"] == [grade]


@pytest.mark.parametrize(("budget", "reported"), [("20", True), ("0", False)])
def test_no_change_against_the_budget_in_words_is_checked(tmp_path: Path, budget: str, reported: bool) -> None:
    """“与2021年度预算相比无增减” in a report of 2021 says the final figure is its budget."""
    text = (
        f"2021年度“三公”经费预算中，因公出国（境）费预算{budget}万元。\n"
        "1.因公出国(境)费支出0万元,与2021年度预算相比无增减。\n"
    )
    found = [f for f in evalrules.check(read_report(tmp_path, text)) if f.code == "BAL030"]
    assert [sorted({loc.line for loc in f.locations}) for f in found] == ([[1, 2]] if reported else [])


def test_an_accounts_name_is_no_label_of_the_topic(tmp_path: Path) -> None:
    """Under a 三公 title, in a text that speaks of 财政拨款: 一般公共预算支出 is the province's
    general budget, not the 三公 total whose label 预算 (or 支出) ends it."""
    text = (
        "省级行政事业单位“三公”经费去年支出4亿元\n"
        "全省一般公共预算支出6796.6亿元，完成预算的92.7%，增长9.3%。\n"
        "省级行政事业单位财政拨款“三公”经费支出4亿元。\n"
    )
    read = facts_of(tmp_path, text)
    assert ("three_public.final.total", "4", "亿元") in read
    assert not any(value == "6796.6" for concept, value, _ in read if concept.startswith("three_public"))


_YEAR_OF_SPENDING = "2022年预算收入69.06万元，其中年初预算57.28万元。\n2022年支出76.36万元。\n"


@pytest.mark.parametrize(
    ("title", "scope"),
    [
        ("2022年度部门整体支出绩效自评报告", "final"),
        ("2022年度预算执行情况的报告", "final"),
        ("2022年度收支情况说明", "budget"),
    ],
)
def test_an_unqualified_figure_of_a_report_of_spending_is_final(tmp_path: Path, title: str, scope: str) -> None:
    """A text that speaks only of 预算 (预算收入, 年初预算) is a budget disclosure, its bare 支出 the
    budget's; in a report of what was spent (a 绩效自评, a 执行情况 report) the bare 支出 is spent."""
    read = facts_of(tmp_path, f"{title}\n{_YEAR_OF_SPENDING}")
    assert {concept for concept, value, _ in read if value == "76.36"} == {f"{scope}.expense"}
