"""Which finding codes are reported: ``select`` / ``ignore`` by code prefix, as flake8 decides.

The longest matching prefix wins; on a tie between a select and an ignore, the code is
ignored.  With no ``select``, every code not ignored is selected.
"""

from __future__ import annotations

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
    candidates = known + sorted({code.rstrip("0123456789") for code in known})
    unknown = {}
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in known):
            near = sorted((_edits(prefix, c), c) for c in candidates)
            unknown[prefix] = [c for distance, c in near[:3] if distance <= max(1, len(prefix) // 3)]
    return unknown


def _edits(a: str, b: str) -> int:
    """How many characters to insert, delete or replace to turn ``a`` into ``b`` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]
