"""Lines read as one string (a form whose cells ran on over lines), each character placed back."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal

import attrs

from evalrules.model import Fact, Line, Span

__all__ = ["Joined"]


@attrs.frozen
class Joined:
    """The lines' normalized text as one string, and where each line's part of it starts."""

    text: str
    starts: list[int]  # where each line's text begins in ``text``
    origins: list[tuple[int, int]]  # (line number, 1-based column of its first character)

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Joined:
        parts: list[str] = []
        starts: list[int] = []
        origins: list[tuple[int, int]] = []
        at = 0
        for line in lines:
            normalized = line.text
            text = normalized.strip()
            starts.append(at)
            origins.append((line.number, len(normalized) - len(normalized.lstrip()) + 1))
            parts.append(text)
            at += len(text)
        return cls("".join(parts), starts, origins)

    def place(self, at: int) -> tuple[int, int]:
        """The (line, column) where character ``at`` of ``text`` was written."""
        index = bisect.bisect_right(self.starts, at) - 1
        line, column = self.origins[index]
        return line, column + at - self.starts[index]

    def fact(self, concept: str, figure: str, unit: str | None, at: int) -> Fact:
        """The fact of ``figure``, a cell of a form written at ``at`` in ``text``."""
        line, column = self.place(at)
        decimals = len(figure.partition(".")[2])
        return Fact(concept, Decimal(figure), Span(line, column, figure), unit=unit, decimals=decimals, source="form")
