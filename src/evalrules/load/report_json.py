"""A Report as ``evalrules extract --format json`` writes it, to check figures that come from a
database or another system without any text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Document, Fact, Section, Span

FORMAT = "report-json"


def _fact(raw: dict[str, Any], path: Path, index: int) -> Fact:
    try:
        concept, value, line = raw["concept"], raw["value"], int(raw["line"])
    except (KeyError, TypeError, ValueError):
        raise InputError(str(path), f"facts[{index}] 缺少 concept、value 或 line") from None
    text = str(value)
    span = Span(line, int(raw.get("column") or 1), str(raw.get("text") or text))
    if concept.startswith("report.") or concept == "evaluation.grade":
        return Fact(concept, text, span)
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return Fact(concept, text, span)
    exponent = number.as_tuple().exponent
    decimals = raw.get("decimals")
    return Fact(
        concept,
        number,
        span,
        unit=raw.get("unit"),
        decimals=int(decimals) if decimals is not None else max(0, -exponent) if isinstance(exponent, int) else 0,
        period=raw.get("period"),
        clause=int(raw.get("clause") or line),
        entity=raw.get("entity"),
        source="data",
    )


@hookimpl
def evalrules_suffixes() -> Sequence[str]:
    return (".json",)


@hookimpl
def evalrules_load(path: Path) -> Document | None:
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"不是有效的 JSON：{exc}") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError(str(path), "JSON 应是 evalrules extract --format json 的输出（含 facts 列表）")
    stated = [*data["facts"], *(data.get("entity_facts") or [])]
    facts = tuple(_fact(raw, path, i) for i, raw in enumerate(stated))
    try:
        sections = tuple(Section(**s) for s in data.get("sections", []))
    except TypeError as exc:
        raise InputError(str(path), f"sections 格式不对：{exc}") from None
    return Document(
        str(path),
        (),
        FORMAT,
        title=data.get("title"),
        region=data.get("region"),
        kind=data.get("kind"),
        facts=facts,
        sections=sections,
    )


@hookimpl
def evalrules_extract(document: Document, sections: Sequence[Section]) -> Sequence[Fact]:
    return document.facts if document.format == FORMAT else ()
