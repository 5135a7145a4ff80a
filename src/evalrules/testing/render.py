"""Render a Report as report text, in the phrasings real reports use, so that
``extract(render(report))`` can be checked to give the report's facts back.

    rendered = render(report, style="prose", unit="万元", digits="fullwidth")
    rendered.text      # the report as a reviewer would receive it
    rendered.report    # the report as rendered (amounts converted to ``unit``)

Styles: ``prose`` (sentences like the seed), ``table`` (pipe tables for the 三公, 采购 and
资产 breakdowns), ``form`` (a 自评表: the money row of the 预算执行 table and an indicator
table), ``mixed`` (tables and the form together).  ``unit`` converts every amount exactly to
元 or 万元 (``None`` keeps each as written); ``digits="fullwidth"`` writes ０-９ ． ％.
``render_docx`` writes the same through python-docx, tables as real tables.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

from evalrules.model import Fact, Report
from evalrules.quantity import dimension, unit_factor
from evalrules.testing import fact, report_of

__all__ = ["STYLES", "Rendered", "render", "render_docx"]

STYLES = ("prose", "table", "form", "mixed")
_FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@attrs.frozen
class Rendered:
    text: str
    report: Report  # the facts as rendered, in rendering order


class _Writer:
    """Lines of text, and the facts written into them."""

    def __init__(self, report: Report, unit: str | None, digits: str) -> None:
        self.source = report
        self.unit = unit
        self.digits = digits
        self.lines: list[str] = []
        self.facts: list[Fact] = []
        self.current = ""

    def get(self, concept: str) -> Fact | None:
        return self.source.first(concept)

    def has(self, *concepts: str) -> bool:
        return all(self.get(c) is not None for c in concepts)

    def figure(self, concept: str, sign: bool = False) -> str:
        """The figure of ``concept`` as written at this point of the line (its absolute value
        when ``sign``: the sentence says 增加 or 减少)."""
        original = self.get(concept)
        assert original is not None
        value, unit = original.number, original.unit
        if self.unit and dimension(unit) == "money":
            value, unit = (value * unit_factor(unit) / unit_factor(self.unit)).normalize(), self.unit
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        text = format(abs(value) if sign else value, "f")
        decimals = len(text.partition(".")[2])
        written_unit = unit or ""
        self.facts.append(
            attrs.evolve(
                fact(concept, format(value, "f"), unit, line=len(self.lines) + 1, column=len(self.current) + 1),
                decimals=decimals,
            )
        )
        shown = text + written_unit
        return shown.translate(_FULL) if self.digits == "fullwidth" else shown

    def say(self, text: str) -> None:
        self.current += text

    def end(self) -> None:
        self.lines.append(self.current)
        self.current = ""

    def line(self, text: str) -> None:
        self.current = text
        self.end()


def _change(w: _Writer, concept: str) -> None:
    """，同比增加 X，增长 Y% (or 减少 / 下降) for ``concept``'s yoy facts."""
    if w.has(f"{concept}:yoy_change"):
        change = w.get(f"{concept}:yoy_change")
        assert change is not None
        w.say("，同比增加" if change.number >= 0 else "，同比减少")
        w.say(w.figure(f"{concept}:yoy_change", sign=True))
    if w.has(f"{concept}:yoy_pct"):
        pct = w.get(f"{concept}:yoy_pct")
        assert pct is not None
        w.say("，增长" if pct.number >= 0 else "，下降")
        w.say(w.figure(f"{concept}:yoy_pct", sign=True))


def _parts(w: _Writer, parts: list[tuple[str, str]], lead: str = "，其中：") -> None:
    stated = [(label, concept) for label, concept in parts if w.has(concept)]
    for index, (label, concept) in enumerate(stated):
        w.say((lead if index == 0 else "，") + label + w.figure(concept))


def _sentence(w: _Writer, parts: list[tuple[str, str]], lead: str = "，其中：") -> None:
    """A sentence of the stated ``parts``, ended."""
    _parts(w, parts, lead)
    w.say("。")
    w.end()


def _money(w: _Writer) -> None:
    if w.has("budget.income") or w.has("budget.expense"):
        pieces = [
            (label, c)
            for label, c in (("年初预算安排收入", "budget.income"), ("年初预算安排支出", "budget.expense"))
            if w.has(c)
        ]
        for index, (label, concept) in enumerate(pieces):
            w.say(("" if index == 0 else "，") + label + w.figure(concept))
        w.say("。")
        w.end()
    if w.has("final.income"):
        w.say("决算总收入" + w.figure("final.income"))
        _change(w, "final.income")
        if w.has("final.income:vs_budget"):
            vs = w.get("final.income:vs_budget")
            assert vs is not None
            w.say("，较预算增加" if vs.number >= 0 else "，较预算减少")
            w.say(w.figure("final.income:vs_budget", sign=True))
        _sentence(w, [("财政拨款收入", "final.income_fiscal"), ("其他收入", "final.income_other")])
    if w.has("final.expense"):
        w.say("总支出" + w.figure("final.expense"))
        for index, (label, concept) in enumerate(
            (("基本支出", "final.expense_basic"), ("项目支出", "final.expense_project"))
        ):
            if not w.has(concept):
                continue
            w.say(("，其中：" if index == 0 else "；") + label + w.figure(concept))
            if w.has(f"{concept}:share"):
                w.say("，占总支出的" + w.figure(f"{concept}:share"))
        w.say("。")
        w.end()
    if w.has("final.expense_personnel") or w.has("final.expense_public"):
        _sentence(
            w, [("人员经费", "final.expense_personnel"), ("公用经费", "final.expense_public")], lead="基本支出中："
        )


def _staffing(w: _Writer) -> None:
    if not w.has("staffing.authorized"):
        return
    w.say("共有人员编制" + w.figure("staffing.authorized"))
    _parts(w, [("行政编制", "staffing.authorized_admin"), ("事业编制", "staffing.authorized_institution")])
    if w.has("staffing.actual"):
        w.say("；实有在职人员" + w.figure("staffing.actual"))
    if w.has("staffing.control_rate"):
        w.say("，在职人员控制率" + w.figure("staffing.control_rate"))
    w.say("。")
    w.end()


_THREE_PUBLIC = [
    ("因公出国（境）费", "overseas"),
    ("公务用车购置及运行维护费", "vehicles"),
    ("公务接待费", "reception"),
]
_VEHICLES = [("公务用车购置费", "vehicle_purchase"), ("公务用车运行维护费", "vehicle_operation")]
_PROCUREMENT = [("货物", "procurement.goods"), ("工程", "procurement.works"), ("服务", "procurement.services")]
_ASSETS = [("资产总额", "assets.total"), ("负债总额", "assets.liabilities"), ("净资产", "assets.net")]


def _three_public_prose(w: _Writer) -> None:
    for scope, word in (("budget", "预算数"), ("final", "决算数")):
        prefix = f"three_public.{scope}"
        if w.has(f"{prefix}.total"):
            w.say(f"“三公”经费{word}" + w.figure(f"{prefix}.total"))
            _sentence(w, [(label, f"{prefix}.{item}") for label, item in _THREE_PUBLIC])
        if w.has(f"{prefix}.vehicle_purchase") or w.has(f"{prefix}.vehicle_operation"):
            _sentence(w, [(label + word, f"{prefix}.{item}") for label, item in _VEHICLES], lead="")


def _three_public_table(w: _Writer) -> None:
    if not (w.has("three_public.budget.total") and w.has("three_public.final.total")):
        _three_public_prose(w)
        return
    w.line("“三公”经费预算与决算情况（单位：万元）" if w.unit == "万元" else "“三公”经费预算与决算情况")
    w.line("项目 | 预算数 | 决算数 |")
    for label, item in [("合计", "total"), *_THREE_PUBLIC, *_VEHICLES]:
        if not (w.has(f"three_public.budget.{item}") and w.has(f"three_public.final.{item}")):
            continue
        w.say(f"{label} | ")
        w.say(w.figure(f"three_public.budget.{item}") + " | ")
        w.say(w.figure(f"three_public.final.{item}") + " |")
        w.end()


def _procurement(w: _Writer, table: bool) -> None:
    if not w.has("procurement.total"):
        return
    if table:
        w.line("政府采购情况")
        w.line("项目 | 金额 |")
        for label, concept in [("政府采购合计", "procurement.total"), *_PROCUREMENT]:
            if w.has(concept):
                w.say(f"{label} | " + w.figure(concept) + " |")
                w.end()
    else:
        w.say("政府采购支出" + w.figure("procurement.total"))
        _sentence(w, _PROCUREMENT)
    if w.has("procurement.sme"):
        w.line("授予中小企业合同金额" + w.figure("procurement.sme") + "。")


def _plan(item: str | None) -> list[tuple[str, str]]:
    """The labels and concepts of a procurement plan's figures, of the whole or of an item."""
    of = f"_{item}" if item else ""
    bought = f"procurement.{item}" if item else "procurement.total"
    return [
        ("采购计划金额", f"procurement.budget{of}"),
        ("实际采购金额", bought),
        ("节约资金", f"procurement.savings{of}"),
        ("节约率为", f"procurement.savings_rate{of}"),
    ]


def _procurement_plan(w: _Writer) -> None:
    """政府采购采购计划金额…，节约资金…，节约率为…。货物类采购实际采购金额…: the whole's plan and
    then each item's, a sentence each in one paragraph (the figures after an item's name are the
    item's), less what ``_procurement`` said."""
    # the total is 政府采购支出, said by _procurement with its items if it is stated at all
    said = {"procurement.total", *(concept for _, concept in _PROCUREMENT if w.has("procurement.total"))}
    opened = False
    for word, item in (("", None), ("货物类采购", "goods"), ("工程类采购", "works"), ("服务类采购", "services")):
        stated = [(label, c) for label, c in _plan(item) if w.has(c) and c not in said]
        if not stated:
            continue
        w.say(("" if opened else "政府采购") + word)
        _parts(w, stated, "")
        w.say("。")
        opened = True
    if opened:
        w.end()


def _assets(w: _Writer, table: bool) -> None:
    stated = [(label, concept) for label, concept in _ASSETS if w.has(concept)]
    if stated and table:
        w.line("资产情况")
        w.line("项目 | 金额 |")
        for label, concept in stated:
            w.say(f"{label} | " + w.figure(concept) + " |")
            w.end()
    elif stated:
        _sentence(w, stated, lead="年末")
    fixed = [
        ("固定资产账面原值", "assets.fixed_original"),
        ("在用资产", "assets.fixed_in_use"),
        ("资产使用率", "assets.utilization_rate"),
    ]
    if any(w.has(c) for _, c in fixed):
        _sentence(w, fixed, lead="")


_EXECUTION = [
    ("年初预算数", "initial_budget"),
    ("全年预算数", "annual_budget"),
    ("全年执行数", "executed"),
    ("执行率", "rate"),
]


def _indicators(w: _Writer, form: bool) -> None:
    tree = w.source.indicators
    formula = next((n for n in tree if n.name in ("年度资金总额", "预算执行率")), None)
    if form and formula is not None and all(w.has(f"execution.{c}") for _, c in _EXECUTION):
        w.line("项目 | " + " | ".join(label for label, _ in _EXECUTION) + " | 分值 | 得分 |")
        w.say(f"{formula.name} | ")
        for _, concept in _EXECUTION:
            w.say(w.figure(f"execution.{concept}") + " | ")
        w.say(w.figure(f"{formula.concept}:weight") + " | " + w.figure(f"{formula.concept}:score") + " |")
        w.end()
    elif any(w.has(f"execution.{c}") for _, c in _EXECUTION):
        _sentence(w, [(label + "为", f"execution.{c}") for label, c in _EXECUTION], lead="")
        formula = None
    if not tree:
        return
    if form:
        w.line("一级指标 | 二级指标 | 分值 | 得分 |")
        for node in tree:
            if node is formula:
                continue
            for child in (node, *node.children):
                names = f"{node.name} | " + (f"{child.name} | " if child is not node else "")
                w.say(names + w.figure(f"{child.concept}:weight") + " | " + w.figure(f"{child.concept}:score") + " |")
                w.end()
    else:
        w.line("（二）评价指标分析")
        for number, node in enumerate(tree, start=1):
            _scored(w, f"{number}、{node.name}。", node.concept, "权重")
            for sub, child in enumerate(node.children, start=1):
                _scored(w, f"（{sub}）{child.name}。", child.concept, "满分")


def _scored(w: _Writer, lead: str, concept: str, weight_word: str) -> None:
    """An indicator's sentence: its weight and its score, whichever the report states."""
    said = [(word, f"{concept}:{measure}") for measure, word in (("weight", weight_word), ("score", "得"))]
    said = [(word, c) for word, c in said if w.has(c)]
    if not said:
        return
    for index, (word, measured) in enumerate(said):
        w.say((lead if index == 0 else "，") + word + w.figure(measured))
    w.say("。")
    w.end()


def _lines(report: Report, style: str, unit: str | None, digits: str) -> _Writer:
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    w = _Writer(report, unit, digits)
    table = style in ("table", "mixed")
    form = style in ("form", "mixed")
    title = w.get("report.title_department")
    kind = "项目支出" if report.kind == "project" else "部门整体支出"
    w.line(f"{title.value if title else ''}{kind}绩效自评报告")
    department = w.get("report.department")
    if department is not None:
        w.line(f"{department.value}为一级预算单位。")
    w.line("一、部门基本情况")
    _staffing(w)
    w.line("二、预算执行情况")
    _money(w)
    if table:
        _three_public_table(w)
    else:
        _three_public_prose(w)
    _procurement(w, table)
    _procurement_plan(w)
    _assets(w, table)
    w.line("三、绩效自评情况")
    w.line("（一）年度资金与指标")
    _indicators(w, form)
    total, grade = w.get("evaluation.total_score"), w.get("evaluation.grade")
    if total is not None:
        w.say("四、综合评价得分为" + w.figure("evaluation.total_score"))
        if grade is not None:
            w.say(f"，综合绩效级别为“{grade.value}”")
        w.say("。")
        w.end()
    return w


def render(report: Report, style: str = "prose", unit: str | None = None, digits: str = "ascii") -> Rendered:
    """``report`` as report text in ``style``; see the module docstring."""
    w = _lines(report, style, unit, digits)
    names = [f for f in report.facts if not f.is_figure() and f.concept.startswith("report.")]
    return Rendered("\n".join(w.lines) + "\n", report_of([*names, *w.facts]))


def render_docx(report: Report, path: Path, style: str = "prose", unit: str | None = None) -> Rendered:
    """The same rendering as a .docx: paragraphs, and pipe-table lines as real tables."""
    import docx

    rendered = render(report, style, unit)
    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
            rows.clear()

    for line in rendered.text.splitlines():
        if line.endswith(" |"):
            rows.append([cell.strip() for cell in line.split("|")[:-1]])
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))
    return rendered
