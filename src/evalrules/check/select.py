"""Which finding codes are reported: ``select`` / ``ignore`` by code prefix, as flake8 decides.

The longest matching prefix wins; on a tie between a select and an ignore, the code is
ignored.  With no ``select``, every code not ignored is selected.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Selection", "unknown_prefixes"]


def _longest(code: str, prefixes: Sequence[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@attrs.frozen
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __call__(self, code: str) -> bool:
        selected = _longest(code, self.select) if self.select else 0
        ignored = _longest(code, self.ignore)
        return selected >= 0 and selected > ignored


def unknown_prefixes(prefixes: Sequence[str], codes: Iterable[str]) -> dict[str, list[str]]:
    """Each of ``prefixes`` that no code starts with, and the codes closest to it.

    A prefix that selects nothing is a typo, and a typo must not pass for a clean report.
    """
    known = sorted(set(codes))
    unknown = {}
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in known):
            groups = sorted({code.rstrip("0123456789") for code in known})
            unknown[prefix] = difflib.get_close_matches(prefix, known + groups, n=3, cutoff=0.5)
    return unknown
