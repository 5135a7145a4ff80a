"""Text as the extractor reads it: full-width digits and signs as ASCII, traditional
characters as simplified (經費 → 经费, 萬元 → 万元), the length unchanged.

Every substitution maps one character to one character, so a column in the normalized text
is the column in the source and spans point at what the reader sees.  The traditional →
simplified table is OpenCC's character table, less its one-to-many entries.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

__all__ = ["PINYIN", "clean_label", "fold_width", "normalize", "without_readings"]

_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULL_WIDTH.update(
    {
        "．": ".",
        "％": "%",
        "（": "(",
        "）": ")",
        "－": "-",
        "＋": "+",
        "﹪": "%",
        "：": ":",
        "\u3000": " ",
        "\xa0": " ",
    }
)
_WIDTH = str.maketrans(_FULL_WIDTH)


@functools.cache
def _table() -> dict[int, str]:
    table = files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    simplified: dict[str, str] = {}
    for entry in table.splitlines():
        traditional, _, candidates = entry.partition("\t")
        first = candidates.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1:
            simplified[traditional] = first
    return str.maketrans(simplified | _FULL_WIDTH)


# Quotes and spaces never change what a label names: “三公”经费 is 三公经费; nor do the
# pinyin readings some pages print after each character: 事業(yè)收入 is 事业收入.
_LABEL_NOISE = str.maketrans("", "", "“”\"'‘’「」『』 \t")
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")


def without_readings(text: str, start: int = 0, *, spaces: bool = False) -> tuple[str, list[int]]:
    """``text[start:]`` without its pinyin readings (減(jiǎn)少 → 減少) and, with ``spaces``,
    without the spaces between two Chinese characters (茂名市发 展和改革局); and where each
    character left stands in ``text``."""
    dropped = [*PINYIN.finditer(text, start), *(_INNER_SPACE.finditer(text, start) if spaces else ())]
    if not dropped:  # most lines
        return text[start:], list(range(start, len(text)))
    keep = [True] * len(text)
    for reading in dropped:
        keep[reading.start() : reading.end()] = [False] * (reading.end() - reading.start())
    positions = [i for i in range(start, len(text)) if keep[i]]
    return "".join(text[i] for i in positions), positions


def normalize(text: str) -> str:
    """Full-width digits and signs as ASCII, traditional characters as simplified; length unchanged."""
    return text.translate(_table())


def fold_width(text: str) -> str:
    """Full-width digits and signs as ASCII, and nothing else: a unit as written (萬元, %)."""
    return text.translate(_WIDTH)


def clean_label(label: str) -> str:
    """A label without quotes, spaces or pinyin, for matching against the lexicon."""
    return PINYIN.sub("", label.translate(_LABEL_NOISE))
