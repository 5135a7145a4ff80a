"""Project configuration: ``[tool.evalrules]`` in pyproject.toml, or evalrules.toml, found from
the current folder upward.  The command line overrides it (``--extend-*`` adds to it).

    [tool.evalrules]
    ruleset = "hunan"          # else chosen by the report's region and kind
    select = ["BAL", "SCO"]
    ignore = ["STR001"]
    block = ["structure"]
    include = ["*.txt", "*.docx"]   # what a folder argument picks up (default: every loader's suffixes)
    exclude = ["草稿/*"]
    per-file-ignores = { "附件/*" = ["STR"] }

Every value is checked for its type, inner types included: a string where a list belongs is
an error naming the key, never a list of its letters.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from evalrules.errors import ConfigError

__all__ = ["Config", "find_config", "read_config"]

_LISTS = ("select", "ignore", "block", "include", "exclude")
_KEYS = ("ruleset", *_LISTS, "per-file-ignores")


@attrs.frozen
class Config:
    path: str | None = None
    ruleset: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    block: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _settings(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"无法读取配置：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"TOML 语法错误：{exc}") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("evalrules")
        return section if isinstance(section, dict) else None
    return data


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(str(path), f'配置项 {key!r} 应为字符串列表（如 ["BAL", "SCO001"]），实为 {value!r}')
    return tuple(value)


def read_config(path: Path, settings: Mapping[str, Any]) -> Config:
    """The configuration ``settings`` (read from ``path``) give, every value checked."""
    for key in settings:
        if key not in _KEYS:
            raise ConfigError(str(path), f"未知的配置项 {key!r}（可用：{'、'.join(_KEYS)}）")
    ruleset = settings.get("ruleset")
    if ruleset is not None and not isinstance(ruleset, str):
        raise ConfigError(str(path), f"配置项 'ruleset' 应为规则集名称或路径（字符串），实为 {ruleset!r}")
    if ruleset is not None and Path(ruleset).suffix == ".toml" and not Path(ruleset).is_absolute():
        ruleset = str(path.parent / ruleset)  # a ruleset file is found beside the configuration naming it
    lists = {key: _strings(path, key, settings[key]) for key in _LISTS if key in settings}
    per_file = settings.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(str(path), f"配置项 'per-file-ignores' 应为表（文件模式 = [代码, …]），实为 {per_file!r}")
    ignores = tuple(
        (pattern, _strings(path, f"per-file-ignores.{pattern}", codes)) for pattern, codes in per_file.items()
    )
    return Config(path=str(path), ruleset=ruleset, per_file_ignores=ignores, **lists)


def find_config(start: Path | None = None) -> Config:
    """The nearest configuration at or above ``start`` (the current folder), or none."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in ("evalrules.toml", "pyproject.toml"):
            path = candidate / name
            if not path.is_file():
                continue
            settings = _settings(path)
            if settings is not None:
                return read_config(path, settings)
    return Config()
