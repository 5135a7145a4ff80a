"""The header words of tables and the row words of a 预算执行 form (``headers.toml``)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from importlib.resources import files

import attrs

from evalrules.concepts import indicator_concept

__all__ = ["COLUMNS", "DECLARED_UNIT", "FormWords"]

# the unit a table or a column declares for the figures written under it: 单位：万元, 资金(万元)
DECLARED_UNIT = re.compile(r"单位[:：]?\s*(万元|元|亿元|千元)|\((万元|元|亿元|千元)\)")


@attrs.frozen
class FormWords:
    names: Mapping[str, tuple[str, str | None]]  # a header cell's name → (column kind, scope)
    total_rows: tuple[str, ...]  # 年度资金总额 …: the execution figures' row
    fiscal_rows: tuple[str, ...]  # 本年财政拨款 …: its 财政拨款 part's row
    other_rows: tuple[str, ...]  # 上年结转, 其他资金: its other parts' rows

    def longest(self, text: str) -> str | None:
        """The longest column name in ``text``, if any."""
        found = [(len(name), name) for name in self.names if name in text]
        return max(found)[1] if found else None

    def row_concept(self, row: str, kind: str, known: Mapping[str, str], indicator: str | None = None) -> str | None:
        """The concept of the ``kind`` cell (initial_budget … score) of the form's row named
        ``row`` (one of its total or 财政拨款 rows' names): the execution figures, or their
        财政拨款 part's; the total's 分值 and 得分 are of ``indicator``, or of the row's own
        indicator (预算执行情况, else 年度资金总额)."""
        if row in self.fiscal_rows:
            concept = f"execution.{kind}_fiscal"
            return concept if concept in known else None
        if kind in ("weight", "score"):
            name = indicator or (row if row.startswith("预算执行") else "年度资金总额")
            return indicator_concept((name,), kind)
        return f"execution.{kind}"


def _load() -> FormWords:
    data = tomllib.loads(files("evalrules.extract").joinpath("headers.toml").read_text("utf-8"))
    names = {name: (held[0], held[1] if len(held) > 1 else None) for name, held in data["columns"].items()}
    rows = data["rows"]
    return FormWords(names, tuple(rows["total"]), tuple(rows["fiscal"]), tuple(rows["other"]))


COLUMNS = _load()
