"""Rulesets: TOML files of rules, each an instance of a rule type a plugin provides, composed
by ``extends`` (national → province → city) with ``disable`` and ``[[override]]``.

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

import math
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from evalrules.check.ruletype import Param, Rule, RuleType
from evalrules.concepts import is_known
from evalrules.errors import ConfigError
from evalrules.model import SEVERITIES

__all__ = ["Applies", "Ruleset", "load_ruleset"]

_RESERVED = ("id", "type", "severity", "message")
_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column \d+\)|\s*\(at end of document\)")


@attrs.frozen
class Applies:
    """What a ruleset is meant for: regions (prefixes of the report's region), report kinds, years."""

    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, int] | None = None

    def specificity(self, region: str | None, kind: str | None, year: int | None) -> tuple[int, int] | None:
        """How closely a report fits (longer region, then a declared kind), or None if it does not."""
        matched = [r for r in self.regions if region and region.startswith(r)]
        if self.regions and not matched:
            return None
        if self.kinds and kind not in self.kinds:
            return None
        if self.years and year is not None and not self.years[0] <= year <= self.years[1]:
            return None
        return max((len(r) for r in matched), default=0), len(self.kinds)


@attrs.frozen
class Ruleset:
    """A named, validated list of rules, resolved through the rulesets it extends."""

    name: str
    path: str
    rules: tuple[Rule, ...]
    title: str = ""
    description: str = ""
    extends: str | None = None
    applies: Applies | None = None
    chain: tuple[str, ...] = ()  # the names it extends, nearest first
    left_out: frozenset[str] = frozenset()  # ids of rules whose rule type's plugin is blocked

    @property
    def codes(self) -> frozenset[str]:
        """Every code the ruleset has, the left-out ones included (selecting them is no typo)."""
        return frozenset(rule.id for rule in self.rules) | self.left_out


class _Lines:
    """Finds the line of a ``[[rule]]`` (or ``[[override]]``) header and of its keys, for messages."""

    def __init__(self, text: str, header: str = "[[rule]]") -> None:
        self.lines = text.splitlines()
        self.headers = [i + 1 for i, line in enumerate(self.lines) if line.strip() == header]

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


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


# Each parameter kind: what a value must be, inner types included, and how to say it.
_KINDS: Mapping[str, tuple[Callable[[Any], bool], str]] = {
    "concept": (lambda v: isinstance(v, str), "概念 id（字符串）"),
    "concepts": (_is_strings, "概念 id 的列表"),
    "concept_map": (
        lambda v: isinstance(v, dict) and all(_is_strings(items) for items in v.values()),
        "表：概念 id = [概念 id, …]",
    ),
    "number": (_is_number, "有限的数"),
    "flag": (lambda v: isinstance(v, bool), "true 或 false"),
    "text": (lambda v: isinstance(v, str), "字符串"),
    "texts": (_is_strings, "字符串列表"),
    "table": (lambda v: isinstance(v, dict | list), "表"),
}
_TABLE_VALUES: Mapping[str, tuple[Callable[[Any], bool], str]] = {
    "number": (_is_number, "表：名称 = 数（如 优 = 90）"),
    "text": (lambda v: isinstance(v, str), '表：名称 = 字符串（如 优秀 = "优"）'),
}


def _type_problem(param: Param, value: Any) -> str | None:
    """What ``value`` should have been for ``param``, or None when it is that."""
    fits, expected = _KINDS[param.kind]
    if not fits(value):
        return expected
    if param.kind == "table" and param.values:
        fits, expected = _TABLE_VALUES[param.values]
        if not isinstance(value, dict) or not all(fits(item) for item in value.values()):
            return expected
    return None


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
        problem = _type_problem(param, value)
        if problem:
            fail(f"参数 {name!r} 应为 {problem}，实为 {value!r}", name)
        if param.choices and value not in param.choices:
            fail(f"参数 {name!r} 应为 {'、'.join(param.choices)} 之一，实为 {value!r}", name)
        for concept in _concepts_in(param.kind, value):
            if not isinstance(concept, str) or not is_known(concept, concepts):
                fail(f"未知的概念 {concept!r}（参数 {name}）", name)
        params[name] = value
    return params


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), f"无法读取规则集：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "规则集不是 UTF-8 编码的 TOML") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        line = int(where["line"]) if where and where["line"] else len(text.splitlines()) if where else None
        raise ConfigError(str(path), f"TOML 语法错误：{message}", line) from None


def _applies(raw: Any, path: Path) -> Applies | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) - {"regions", "kinds", "years"}:
        raise ConfigError(str(path), "[ruleset.applies] 只能有 regions、kinds、years")
    years = raw.get("years")
    if years is not None and (not isinstance(years, list) or len(years) != 2):
        raise ConfigError(str(path), "[ruleset.applies] years 应写作 [起始年, 结束年]")
    return Applies(tuple(raw.get("regions", ())), tuple(raw.get("kinds", ())), tuple(years) if years else None)


def load_ruleset(
    path: Path,
    rule_types: Mapping[str, RuleType],
    concepts: Mapping[str, str],
    skip_unknown_types: bool = False,
    base: Callable[[str], Ruleset] | None = None,
) -> Ruleset:
    """Read and validate the ruleset at ``path``.

    With ``skip_unknown_types`` (a plugin is blocked or failed to load), rules of a type no
    loaded plugin provides are left out rather than refused.  A ruleset that
    ``extends`` another gets its rules from ``base(name)``, less those it disables, with the
    severity, message or parameters its ``[[override]]`` tables change, and adds its own.
    """
    text, data = _read(path)
    lines = _Lines(text)
    head = data.get("ruleset", {})
    if not isinstance(head, dict) or not isinstance(head.get("name", path.stem), str):
        raise ConfigError(str(path), "[ruleset] 应是一个表，name 应是字符串")
    unknown_head = set(head) - {"name", "title", "description", "extends", "disable", "applies"}
    if unknown_head:
        raise ConfigError(str(path), f"[ruleset] 中未知的键：{'、'.join(sorted(unknown_head))}")
    unknown_top = set(data) - {"ruleset", "rule", "override"}
    if unknown_top:
        raise ConfigError(str(path), f"未知的顶层键：{'、'.join(sorted(unknown_top))}")
    for key in ("rule", "override"):
        tables = data.get(key, [])
        if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
            raise ConfigError(str(path), f"{key} 应写作 [[{key}]] 表数组")
    extends = head.get("extends")
    if extends is not None and not isinstance(extends, str):
        raise ConfigError(str(path), f"extends 应为被继承规则集的名称或路径（字符串），实为 {extends!r}")
    disable = head.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(code, str) for code in disable):
        raise ConfigError(str(path), f'disable 应为规则 id 的列表（如 ["BAL001"]），实为 {disable!r}')

    inherited: dict[str, Rule] = {}
    left_out: set[str] = set()
    parent: Ruleset | None = None
    if extends is not None:
        if base is None:
            raise ConfigError(str(path), f"extends = {extends!r}：此处不能解析被继承的规则集")
        parent = base(extends)
        inherited = {rule.id: rule for rule in parent.rules}
        left_out |= parent.left_out
    for rule_id in disable:
        if rule_id in left_out:
            continue
        if rule_id not in inherited:
            raise ConfigError(str(path), f"disable 中的 {rule_id!r} 不是被继承的规则（extends = {extends!r}）")
        del inherited[rule_id]
    overrides = _Lines(text, header="[[override]]")
    for index, raw in enumerate(data.get("override", [])):
        if raw.get("id") in left_out:
            continue
        rule = inherited.get(raw.get("id", ""))
        if rule is None:
            raise ConfigError(str(path), f"override 的 id {raw.get('id')!r} 不是被继承的规则", overrides.of(index))
        inherited[rule.id] = _overridden(rule, raw, rule_types, concepts, path, overrides, index)

    rules = list(inherited.values())
    own = _rules(data.get("rule", []), rule_types, concepts, skip_unknown_types, path, lines, set(inherited), left_out)
    applies = _applies(head.get("applies"), path)
    if not rules and not own and not left_out:
        raise ConfigError(str(path), "规则集中没有任何规则（应有 [[rule]] 表，或 extends 一个规则集）")
    return Ruleset(
        name=head.get("name", path.stem),
        path=str(path),
        rules=tuple(rules + own),
        title=str(head.get("title", "")),
        description=str(head.get("description", "")),
        extends=extends,
        applies=applies,
        chain=(parent.name, *parent.chain) if parent else (),
        left_out=frozenset(left_out),
    )


def _overridden(
    rule: Rule,
    raw: Mapping[str, Any],
    rule_types: Mapping[str, RuleType],
    concepts: Mapping[str, str],
    path: Path,
    lines: _Lines,
    index: int,
) -> Rule:
    def fail(message: str, key: str | None) -> None:
        raise ConfigError(str(path), message, lines.of(index, key))

    if "type" in raw and raw["type"] != rule.type:
        fail(f"override 不能改变规则类型（{rule.id} 是 {rule.type}）", "type")
    severity = raw.get("severity", rule.severity)
    if severity not in SEVERITIES:
        fail(f"severity 应为 error、warning 或 info，实为 {severity!r}", "severity")
    stated = {k: v for k, v in rule.params.items() if v is not None}
    merged = {**stated, **{k: v for k, v in raw.items() if k not in _RESERVED}}
    params = _params({**merged, "id": rule.id}, rule_types[rule.type], concepts, fail)
    return attrs.evolve(
        rule,
        severity=severity,
        message=raw.get("message", rule.message),
        params=params,
        overridden=(*rule.overridden, f"{path}:{lines.of(index)}"),
    )


def _rules(
    raw_rules: list[Any],
    rule_types: Mapping[str, RuleType],
    concepts: Mapping[str, str],
    skip_unknown_types: bool,
    path: Path,
    lines: _Lines,
    inherited: set[str],
    left_out: set[str],
) -> list[Rule]:
    """The ruleset's own rules; ids of rules of an unknown type skipped go to ``left_out``."""
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
        if rule_id in inherited:
            fail(f"规则 id {rule_id} 已从被继承的规则集得到；要改它请写 [[override]]", "id")
        seen[rule_id] = lines.of(index)
        type_name = raw.get("type")
        rule_type = rule_types.get(type_name) if isinstance(type_name, str) else None
        if rule_type is None and skip_unknown_types and isinstance(type_name, str):
            left_out.add(rule_id)
            continue
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
    return rules
