"""A Report as ``evalrules extract --format json`` writes it, to check figures that come from a
database or another system without any text."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Document, Fact, Section, Span

FORMAT = "report-json"
MAX_DEPTH = 64  # the contract nests four levels; far deeper is not a report
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d{1,18})(?:\.\d{1,12})?")


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(files("evalrules").joinpath("data/report.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _where(error: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".") or "顶层"


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} 不是有限的数")


def _depth(data: Any) -> int:
    """How deep ``data`` nests, without recursion (a 100 000-deep array must not overflow the stack)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _parsed(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise InputError(str(path), "不是 UTF-8 编码的 JSON") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"不是有效的 JSON：{exc.msg}", exc.lineno) from None
    except ValueError as exc:
        raise InputError(str(path), f"不是有效的 JSON：{exc}") from None
    except RecursionError:
        raise InputError(str(path), "JSON 嵌套过深，不是 evalrules extract 的输出") from None


def _validated(path: Path, data: Any) -> dict[str, Any]:
    """``data`` checked against the contract's schema and for what a schema cannot say
    (finite plain numbers, sections whose parent comes before them); one error naming the place."""
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError(str(path), "JSON 应是 evalrules extract --format json 的输出（含 facts 列表）")
    if _depth(data) > MAX_DEPTH:
        raise InputError(str(path), f"JSON 嵌套超过 {MAX_DEPTH} 层，不是 evalrules extract 的输出")
    error = next(iter(sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        raise InputError(str(path), f"{_where(error)}：{error.message}")
    for key in ("facts", "entity_facts"):
        for index, raw in enumerate(data.get(key) or []):
            text = str(raw["value"])
            if not _textual(raw["concept"]) and not _NUMBER.fullmatch(text):
                raise InputError(str(path), f'{key}[{index}].value：{text[:40]!r} 不是一个写得出的数（如 "7.54"）')
    for index, section in enumerate(data.get("sections") or []):
        parent = section.get("parent")
        if parent is not None and parent >= index:
            raise InputError(str(path), f"sections[{index}].parent：{parent} 应指向它之前的章节")
    return data


def _textual(concept: str) -> bool:
    return concept.startswith("report.") or concept == "evaluation.grade"


def _fact(raw: dict[str, Any]) -> Fact:
    line = raw["line"]
    text = str(raw["value"])
    span = Span(line, raw.get("column") or 1, str(raw.get("text") or text))
    if _textual(raw["concept"]):
        return Fact(raw["concept"], text, span)
    number = Decimal(text.replace(",", ""))
    exponent = number.as_tuple().exponent
    decimals = raw.get("decimals")
    return Fact(
        raw["concept"],
        number,
        span,
        unit=raw.get("unit"),
        decimals=decimals if decimals is not None else max(0, -exponent) if isinstance(exponent, int) else 0,
        period=raw.get("period"),
        clause=line if raw.get("clause") is None else raw["clause"],
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
    data = _validated(path, _parsed(path))
    facts = tuple(_fact(raw) for raw in (*data["facts"], *(data.get("entity_facts") or [])))
    sections = tuple(Section(**s) for s in data.get("sections") or [])
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
