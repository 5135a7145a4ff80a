"""Where a numbered heading starts a line: 一、 （一） 1. 1、 （1）, after indentation and leftover
field codes such as ``[bookmark: _GoBack]``.  The layout asks it where a line goes on (a line
that starts a heading does not continue the line before it); the extractor builds the outline."""

from __future__ import annotations

import re

from evalrules.layout.normalize import normalize

__all__ = ["CHINESE_DIGITS", "chinese_number", "heading_of", "is_contents"]

CHINESE_DIGITS = dict(zip("零一二三四五六七八九", range(10), strict=True)) | {"〇": 0, "两": 2}

_JUNK = re.compile(r"^(?:\s|\[bookmark:[^\]]*\]|•)*")
# a numeral of 1 to 99 as headings write it (一, 十二, 二十, 九十九): 五一 (a holiday) or 二一 is none
_NUMERAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_HEADING = re.compile(
    r"(?P<number>"
    rf"(?P<cn>{_NUMERAL})\s*[、.]"
    rf"|\((?P<pcn>{_NUMERAL})\)"
    r"|(?P<n>\d{1,2})(?:、|\.(?!\d))"
    r"|\((?P<pn>\d{1,2})\)"
    r")\s*(?P<title>\S.*)"
)


def is_contents(text: str) -> bool:
    """Whether ``text`` is the 目录 line over a table of contents."""
    return text.strip().replace(" ", "").replace("\u3000", "") in ("目录", "目錄")


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (CHINESE_DIGITS.get(ones, 0) if ones else 0)
    return CHINESE_DIGITS[text]


def heading_of(text: str) -> tuple[str, str, int, str] | None:
    """(number as written, style, value, title) if ``text`` is a numbered heading."""
    start = _JUNK.match(text)
    offset = start.end() if start else 0
    match = _HEADING.match(normalize(text), offset)
    if match is None:
        return None
    for style in ("cn", "pcn", "n", "pn"):
        if match[style]:
            raw = match[style]
            value = int(raw) if style in ("n", "pn") else chinese_number(raw)
            return match["number"], style, value, match["title"].strip()
    return None
