"""Project configuration: ``[tool.evalrules]`` in pyproject.toml, or evalrules.toml, found from
the current folder upward.  The command line overrides it.

    [tool.evalrules]
    ruleset = "hunan"          # else chosen by the report's region and kind
    select = ["BAL", "SCO"]
    ignore = ["STR001"]
    block = ["structure"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import attrs

from evalrules.errors import ConfigError

__all__ = ["Config", "find_config"]

_KEYS = {"ruleset": str, "select": list, "ignore": list, "block": list}


@attrs.frozen
class Config:
    path: str | None = None
    ruleset: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    block: tuple[str, ...] = ()


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


def find_config(start: Path | None = None) -> Config:
    """The nearest configuration at or above ``start`` (the current folder), or none."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in ("evalrules.toml", "pyproject.toml"):
            path = candidate / name
            if not path.is_file():
                continue
            settings = _settings(path)
            if settings is None:
                continue
            for key, value in settings.items():
                if key not in _KEYS:
                    raise ConfigError(str(path), f"未知的配置项 {key!r}（可用：{'、'.join(_KEYS)}）")
                if not isinstance(value, _KEYS[key]):
                    raise ConfigError(str(path), f"配置项 {key!r} 应为 {_KEYS[key].__name__}")
            return Config(
                path=str(path),
                ruleset=settings.get("ruleset"),
                select=tuple(settings.get("select", ())),
                ignore=tuple(settings.get("ignore", ())),
                block=tuple(settings.get("block", ())),
            )
    return Config()
