"""Finds the figures in a line: a number, the unit written after it, where it stands.

Numbers are written in digits (1,756.37) or in Chinese numerals (一百零三万元, 三点五万元; only
with a unit, so 一是 or 十四五 are not figures).  Dates (2023年12月31日), years (2023年),
document numbers (财预〔2020〕10号), ordinals (第3批) and long digit runs (phone numbers,
budget codes) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

__all__ = ["YEAR", "Figure", "figures"]

# 万 or 亿 alone is 万元 or 亿元 with the 元 left out, unless a count follows (3万人, 2万册)
UNITS = (
    "万亿元",
    "萬億元",
    "亿元",
    "億元",
    "万元",
    "萬元",
    "千元",
    "元",
    "%",
    "分",
    "人",
    "名",
    "个(?![\u4e00-\u9fff])",  # a count of what the label names (编制24个。), not of what follows (3个项目, 3个月)
    "万(?![\u4e00-\u9fff])",
    "萬(?![\u4e00-\u9fff])",
    "亿(?![\u4e00-\u9fff])",
    "億(?![\u4e00-\u9fff])",
)

_NUMBER = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<space>\s*)(?P<unit>" + "|".join(UNITS) + r")?"
)
_CHINESE = re.compile(
    r"(?P<num>[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)(?P<unit>亿元|億元|万元|萬元|元|人|名)"
)
_DIGIT = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_POWER = {"十": 10, "百": 100, "千": 1000}
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# what makes the digits before it no figure: a date's or an ordinal's word, a range, a code's
# dash before its name (20103-政府办公厅, 219001-某镇人民政府)
_NOT_AFTER = re.compile(
    r"\s*(?:年|月|日|号|時|时|期|届|批|位|楼|层|条|款|项|章|节|〕|\]|】|）\d|-\d|/\d|[-—][\u4e00-\u9fff])"
)
_BEFORE_SKIP = ("第", "〔", "[", "【", "No", "NO", "no.")
_AFTER_DECIMAL = re.compile(r"\.\d+,$")
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


def chinese_value(text: str) -> tuple[Decimal, int]:
    """一百零三 → 103, 三点五 → 3.5 (with its number of decimals)."""
    whole, _, fraction = text.partition("点")
    total, digit = 0, 0
    for ch in whole:
        if ch in _POWER:
            total += (digit or 1) * _POWER[ch]
            digit = 0
        else:
            digit = _DIGIT[ch]
    total += digit
    decimals = "".join(str(_DIGIT[ch]) for ch in fraction)
    return Decimal(f"{total}.{decimals}" if decimals else total), len(decimals)


def figures(line: str, begin: int = 0, stop: int | None = None) -> Iterator[Figure]:
    """The figures of a normalized line (or of ``line[begin:stop]``), left to right."""
    end = len(line) if stop is None else stop
    found = sorted([*_digit_figures(line, begin, end), *_chinese_figures(line, begin, end)], key=lambda f: f.start)
    yield from found


def _chinese_figures(line: str, begin: int, stop: int) -> Iterator[Figure]:
    for match in _CHINESE.finditer(line, begin, stop):
        value, decimals = chinese_value(match["num"])
        yield Figure(value, decimals, match["unit"], match.start(), match.end(), match.start("unit"))


def _grouped_rest(line: str, start: int) -> bool:
    """Whether digits at ``start`` are the rest of a figure grouped by thousands (1,234); after a
    decimal figure (4125.49,4143.91万元) they are a figure of their own."""
    if line[start - 1 : start] != "," or not line[start - 2 : start - 1].isdigit():
        return False
    return not _AFTER_DECIMAL.search(line[max(0, start - _MAX_DIGITS - 2) : start])


def _digit_figures(line: str, begin: int, stop: int) -> Iterator[Figure]:
    for match in _NUMBER.finditer(line, begin, stop):
        raw = match["num"]
        unit = match["unit"]
        start, end = match.start(), match.end()
        if unit is None and _NOT_AFTER.match(line, match.end("num")):
            continue
        if unit == "分" and line.startswith("钟", end):
            continue
        if line[max(0, start - 3) : start].endswith(_BEFORE_SKIP):
            continue
        if _grouped_rest(line, start):
            continue
        digits = raw.replace(",", "")
        if len(digits.split(".")[0]) > _MAX_DIGITS:
            continue
        if unit is None and YEAR.match(line, start):
            continue
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        end = match.end() if unit else match.end("num")
        yield Figure(Decimal(digits), decimals, unit, start, end, match.start("unit"))
