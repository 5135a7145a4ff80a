"""Text as the extractor reads it: full-width digits and signs as ASCII, same length.

Every substitution maps one character to one character, so a column in the normalized text
is the column in the source and spans point at what the reader sees.
"""

from __future__ import annotations

__all__ = ["clean_label", "normalize"]

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
_TABLE = str.maketrans(_FULL_WIDTH)

# Quotes and spaces never change what a label names: “三公”经费 is 三公经费.
_LABEL_NOISE = str.maketrans("", "", "“”\"'‘’「」『』 \t")


def normalize(text: str) -> str:
    """Full-width digits, point, percent, parentheses and colon as ASCII; length unchanged."""
    return text.translate(_TABLE)


def clean_label(label: str) -> str:
    """A label without quotes or spaces, for matching against the lexicon."""
    return label.translate(_LABEL_NOISE)
