"""Finds the figures in a line: a number, the unit written after it, where it stands.

Dates (2023年12月31日), years (2023年), document numbers (财预〔2020〕10号), ordinals
(第3批) and long digit runs (phone numbers, budget codes) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

__all__ = ["YEAR", "Figure", "figures"]

UNITS = ("亿元", "億元", "万元", "萬元", "千元", "元", "%", "分", "人", "名")

_NUMBER = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<space>\s*)(?P<unit>" + "|".join(UNITS) + r")?"
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_NOT_AFTER = re.compile(r"\s*(?:年|月|日|号|時|时|期|届|批|位|楼|层|条|款|项|章|节|〕|\]|】|）\d|-\d|/\d)")
_BEFORE_SKIP = ("第", "〔", "[", "【", "No", "NO", "no.")
_MAX_DIGITS = 11  # longer digit runs are phone numbers, codes, ids


@attrs.frozen
class Figure:
    """A number as written in a line, with its unit and 0-based column range."""

    value: Decimal
    decimals: int
    unit: str | None  # normalized: 萬元 reads 万元
    start: int
    end: int
    unit_start: int


def figures(line: str, begin: int = 0, stop: int | None = None) -> Iterator[Figure]:
    """The figures of a normalized line (or of ``line[begin:stop]``), left to right."""
    for match in _NUMBER.finditer(line, begin, len(line) if stop is None else stop):
        raw = match["num"]
        unit = match["unit"]
        start, end = match.start(), match.end()
        if unit is None and _NOT_AFTER.match(line, match.end("num")):
            continue
        if unit == "分" and line.startswith("钟", end):
            continue
        if line[max(0, start - 3) : start].endswith(_BEFORE_SKIP):
            continue
        digits = raw.replace(",", "")
        if len(digits.split(".")[0]) > _MAX_DIGITS:
            continue
        if unit is None and YEAR.match(line, start):
            continue
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        end = match.end() if unit else match.end("num")
        yield Figure(Decimal(digits), decimals, unit, start, end, match.start("unit"))
