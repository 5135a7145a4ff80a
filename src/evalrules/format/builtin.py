"""The built-in output formats: ``text`` (one finding a line, as compilers write them) and ``json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import attrs

from evalrules.format import FileResult, OutputFormat
from evalrules.hookspecs import hookimpl
from evalrules.model import Fact, Finding, Indicator, Report

NOTHING_TO_CHECK = "未找到可检查的数字（没有一条规则找到它要核对的数字）"


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "locations": [
            {"line": loc.line, "column": loc.column, "text": loc.text, "concept": loc.concept}
            for loc in finding.locations
        ],
        "seen": finding.seen,
        "expected": finding.expected,
        "diagnoses": [
            {
                "kind": d.kind,
                "message": d.message,
                "line": d.location.line,
                "column": d.location.column,
                "text": d.location.text,
                "corrected": d.corrected,
            }
            for d in finding.diagnoses
        ],
    }


def file_json(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": result.path,
        "ruleset": result.ruleset,
        "findings": [finding_json(f) for f in result.findings],
        "evaluated": result.evaluated,
        "nothing_to_check": result.nothing_to_check,
    }
    if result.passed:
        data["passed"] = [
            {
                "code": r.rule.id,
                "message": r.rule.message,
                "detail": r.outcome.detail,
                "lines": sorted({f.line for f in r.outcome.facts}),
            }
            for r in result.passed
        ]
    if result.error:
        data["error"] = result.error
    return data


def render_json(results: Sequence[FileResult]) -> str:
    data: Any = [file_json(r) for r in results]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=1)


def finding_text(finding: Finding) -> str:
    head = f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.severity} {finding.message}"
    others = [loc for loc in finding.locations if loc.line != finding.line or loc.column != finding.column]
    lines = [head]
    if others:
        lines.append("    另见 " + "，".join(f"第{loc.line}行“{loc.text}”" for loc in others))
    lines.extend(f"    诊断：{d.message}" for d in finding.diagnoses)
    return "\n".join(lines)


def render_text(results: Sequence[FileResult]) -> str:
    out: list[str] = []
    for result in results:
        if result.error:  # said on standard error, where an error belongs
            continue
        out.append(f"{result.path}: 规则集 {result.ruleset}（{result.ruleset_title or result.ruleset}）")
        if result.nothing_to_check:
            out.append(f"{result.path}: {NOTHING_TO_CHECK}")
        out.extend(finding_text(f) for f in result.findings)
        for passed in result.passed:
            where = passed.outcome.all_locations()[0]
            rule = passed.rule
            out.append(
                f"{result.path}:{where.line}:{where.column}: {rule.id} ok {rule.message}：{passed.outcome.detail}"
            )
    return "\n".join(out)


@hookimpl
def evalrules_formats() -> Sequence[OutputFormat]:
    return [
        OutputFormat("text", render_text, "path:line:col: CODE severity message, then any diagnosis"),
        OutputFormat("json", render_json, "the JSON contract of docs/contracts.md"),
    ]


def fact_json(fact: Fact) -> dict[str, Any]:
    value = format(fact.value, "f") if fact.is_figure() else fact.value
    return {
        "concept": fact.concept,
        "value": value,
        "unit": fact.unit,
        "decimals": fact.decimals if fact.is_figure() else None,
        "line": fact.span.line,
        "column": fact.span.column,
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
        f"文件：{report.path}",
        f"标题：{report.title or '—'}（类型：{report.kind or '未识别'}）",
        f"部门：{report.department or '—'}；标题中的部门：{report.title_department or '—'}",
        f"年度：{report.year or '—'}；地区：{report.region or '—'}",
        "",
    ]
    facts = [
        f"{f.span.line:>5}:{f.span.column:<4} {f.concept} = {f.written()}    «{f.span.text}»  {_context(f)}"
        for f in report.facts
    ]
    lines = [f"{line.number:>5} | {line.text}" for line in report.document.lines()] if report.document else []
    return "\n".join([*head, "事实（行:列 概念 = 值）", *facts, "", "原文（行号即检查结果所指的行）", *lines])
