"""The header words of tables and the row words of a 预算执行 form (``columns.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib.resources import files

import attrs

__all__ = ["COLUMNS", "FormWords"]


@attrs.frozen
class FormWords:
    names: Mapping[str, tuple[str, str | None]]  # a header cell's name → (column kind, scope)
    total_rows: tuple[str, ...]  # 年度资金总额 …: the execution figures' row
    fiscal_rows: tuple[str, ...]  # 本年财政拨款 …: its 财政拨款 part's row

    def longest(self, text: str) -> str | None:
        """The longest column name in ``text``, if any."""
        found = [(len(name), name) for name in self.names if name in text]
        return max(found)[1] if found else None


def _load() -> FormWords:
    data = tomllib.loads(files("evalrules.extract").joinpath("columns.toml").read_text("utf-8"))
    names = {name: (held[0], held[1] if len(held) > 1 else None) for name, held in data["columns"].items()}
    return FormWords(names, tuple(data["rows"]["total"]), tuple(data["rows"]["fiscal"]))


COLUMNS = _load()
