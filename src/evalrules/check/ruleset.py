"""Rulesets: TOML files of rules, each an instance of a rule type a plugin provides.

    [ruleset]
    name = "default"
    title = "全国基线"

    [[rule]]
    id = "BAL001"
    type = "sum"
    total = "assets.total"
    parts = ["assets.liabilities", "assets.net"]
    severity = "error"
    message = "资产总额应等于负债总额与净资产之和"

Loading validates every rule against its type's parameters and every concept id against the
vocabulary; the first mistake is a ``ConfigError`` naming the file and line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from evalrules.check.ruletype import Rule, RuleType
from evalrules.concepts import is_known
from evalrules.errors import ConfigError
from evalrules.model import SEVERITIES

__all__ = ["Ruleset", "load_ruleset"]

_RESERVED = ("id", "type", "severity", "message")
_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column \d+\)|\s*\(at end of document\)")


@attrs.frozen
class Ruleset:
    """A named, validated list of rules and the file it came from."""

    name: str
    path: str
    rules: tuple[Rule, ...]
    title: str = ""
    description: str = ""


class _Lines:
    """Finds the line of a rule's header and of its keys, for error messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i + 1 for i, line in enumerate(self.lines) if line.strip() == "[[rule]]"]

    def of(self, index: int, key: str | None = None) -> int:
        if index >= len(self.headers):
            return 0
        start = self.headers[index]
        if key is None:
            return start
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start


def _concepts_in(kind: str, value: Any) -> list[Any]:
    if kind == "concept":
        return [value]
    if kind == "concepts":
        return list(value) if isinstance(value, list) else [value]
    if kind == "concept_map":
        return [c for key, items in value.items() for c in (key, *items)] if isinstance(value, dict) else [value]
    return []


_PYTHON_TYPES: Mapping[str, tuple[type, ...]] = {
    "concept": (str,),
    "concepts": (list,),
    "concept_map": (dict,),
    "number": (int, float),
    "flag": (bool,),
    "text": (str,),
    "texts": (list,),
    "table": (dict, list),
}


def _params(
    raw: Mapping[str, Any],
    rule_type: RuleType,
    concepts: Mapping[str, str],
    fail: Any,
) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key in raw:
        if key not in rule_type.params and key not in _RESERVED:
            known = "、".join(rule_type.params) or "无"
            fail(f"规则类型 {rule_type.name} 没有参数 {key!r}（可用参数：{known}）", key)
    for name, param in rule_type.params.items():
        if name not in raw:
            if param.required:
                fail(f"缺少参数 {name!r}（规则类型 {rule_type.name}）", None)
            params[name] = param.default
            continue
        value = raw[name]
        if not isinstance(value, _PYTHON_TYPES[param.kind]) or (param.kind != "flag" and isinstance(value, bool)):
            fail(f"参数 {name!r} 应为 {param.kind}，实为 {type(value).__name__}", name)
        if param.choices and value not in param.choices:
            fail(f"参数 {name!r} 应为 {'、'.join(param.choices)} 之一，实为 {value!r}", name)
        for concept in _concepts_in(param.kind, value):
            if not isinstance(concept, str) or not is_known(concept, concepts):
                fail(f"未知的概念 {concept!r}（参数 {name}）", name)
        params[name] = value
    return params


def load_ruleset(
    path: Path,
    rule_types: Mapping[str, RuleType],
    concepts: Mapping[str, str],
    skip_types: frozenset[str] = frozenset(),
) -> Ruleset:
    """Read and validate the ruleset at ``path``; rules of ``skip_types`` (provided by blocked
    plugins) are left out."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), f"无法读取规则集：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "规则集不是 UTF-8 编码的 TOML") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        line = int(where["line"]) if where else None
        raise ConfigError(str(path), f"TOML 语法错误：{message}", line) from None
    lines = _Lines(text)
    head = data.get("ruleset", {})
    if not isinstance(head, dict) or not isinstance(head.get("name", path.stem), str):
        raise ConfigError(str(path), "[ruleset] 应是一个表，name 应是字符串")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise ConfigError(str(path), "rule 应写作 [[rule]] 表数组")
    unknown_top = set(data) - {"ruleset", "rule"}
    if unknown_top:
        raise ConfigError(str(path), f"未知的顶层键：{'、'.join(sorted(unknown_top))}")

    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_rules):

        def fail(message: str, key: str | None, index: int = index) -> None:
            raise ConfigError(str(path), message, lines.of(index, key))

        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not _CODE.match(rule_id):
            fail(f"规则 id 应为 1-4 个大写字母加 1-4 位数字（如 BAL001），实为 {rule_id!r}", "id")
        assert isinstance(rule_id, str)
        if rule_id in seen:
            fail(f"规则 id {rule_id} 重复（第 {seen[rule_id]} 行已定义）", "id")
        seen[rule_id] = lines.of(index)
        type_name = raw.get("type")
        if type_name in skip_types:
            continue
        rule_type = rule_types.get(type_name) if isinstance(type_name, str) else None
        if rule_type is None:
            known = "、".join(sorted(rule_types))
            fail(f"未知的规则类型 {type_name!r}（已安装：{known}）", "type")
        assert rule_type is not None
        severity = raw.get("severity", "error")
        if severity not in SEVERITIES:
            fail(f"severity 应为 error、warning 或 info，实为 {severity!r}", "severity")
        message = raw.get("message")
        if not isinstance(message, str) or not message.strip():
            fail("缺少 message（给审核人看的中文说明）", "message")
        params = _params(raw, rule_type, concepts, fail)
        rules.append(Rule(rule_id, rule_type.name, severity, message, params, str(path), lines.of(index)))

    return Ruleset(
        name=head.get("name", path.stem),
        path=str(path),
        rules=tuple(rules),
        title=str(head.get("title", "")),
        description=str(head.get("description", "")),
    )
