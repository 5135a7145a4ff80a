"""A Report as its reader sees it: ``extract --format json`` (the contract of docs/design.md)
and ``extract --format text`` (every fact with its context, then the numbered source lines)."""

from __future__ import annotations

from typing import Any

import attrs

from evalrules.format.escape import printable
from evalrules.model import Fact, Indicator, Report

__all__ = ["report_json", "report_text"]


def fact_json(fact: Fact) -> dict[str, Any]:
    value = format(fact.value, "f") if fact.is_figure() else fact.value
    return {
        "concept": fact.concept,
        "value": value,
        "unit": fact.unit,
        "decimals": fact.decimals if fact.is_figure() else None,
        "line": fact.span.line,
        "column": fact.span.column,
        "start_line": fact.span.start_line or fact.span.line,
        "text": fact.span.text,
        "period": fact.period,
        "entity": fact.entity,
        "scope": fact.scope,
        "account": fact.account,
        "source": fact.source,
        "clause": fact.clause,
        "cell": list(fact.cell) if fact.cell else None,
    }


def indicator_json(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": indicator.name,
        "concept": indicator.concept,
        "weights": [fact_json(f) for f in indicator.weights],
        "scores": [fact_json(f) for f in indicator.scores],
        "children": [indicator_json(c) for c in indicator.children],
    }


def report_json(report: Report) -> dict[str, Any]:
    return {
        "file": report.path,
        "title": report.title,
        "kind": report.kind,
        "department": report.department,
        "title_department": report.title_department,
        "year": report.year,
        "region": report.region,
        "facts": [fact_json(f) for f in report.facts if f.entity is None],
        "entity_facts": [fact_json(f) for f in report.facts if f.entity is not None],
        "sections": [attrs.asdict(s) for s in report.sections],
        "indicators": [indicator_json(i) for i in report.indicators],
    }


def _context(fact: Fact) -> str:
    """A fact's context as a reviewer reads it: [市级·行政单位 2022年 决算 财政拨款 表格第3行第2列]."""
    where = {"inferred": "推断", "prose": "句中", "table": "表格", "form": "自评表", "data": "数据"}[fact.source]
    if fact.cell:
        where += f"第{fact.cell[0]}行第{fact.cell[1]}列"
    parts = [
        fact.entity,
        f"{fact.period}年" if fact.period else None,
        {"budget": "预算", "final": "决算"}.get(fact.scope or ""),
        fact.account if fact.account != "全口径" else None,
        where,
    ]
    return "[" + " ".join(p for p in parts if p) + "]"


def report_text(report: Report) -> str:
    head = [
        f"文件：{printable(report.path)}",
        f"标题：{printable(report.title or '—')}（类型：{report.kind or '未识别'}）",
        f"部门：{printable(report.department or '—')}；标题中的部门：{printable(report.title_department or '—')}",
        f"年度：{report.year or '—'}；地区：{report.region or '—'}",
        "",
    ]
    facts = [
        f"{f.span.line:>5}:{f.span.column:<4} {f.concept} = {printable(f.written())}    «{printable(f.span.text)}»  "
        f"{_context(f)}"
        for f in report.facts
    ]
    lines = (
        [f"{line.number:>5} | {printable(line.text)}" for line in report.document.lines()] if report.document else []
    )
    return "\n".join([*head, "事实（行:列 概念 = 值）", *facts, "", "原文（行号即检查结果所指的行）", *lines])
