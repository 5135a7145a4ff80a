"""Which finding codes are reported: ``select`` / ``ignore`` by code prefix, as flake8 decides.

The longest matching prefix wins; on a tie between a select and an ignore, the code is
ignored.  With no ``select``, every code not ignored is selected.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["Selection"]


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
