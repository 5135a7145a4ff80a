"""Shared by the standard plugins: one Outcome from a relation over facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from evalrules import Fact, Outcome

Holds = Callable[[list[Fact]], bool | None]


def outcome(facts: Sequence[Fact], holds: Holds, detail: str, seen: str = "", expected: str = "") -> Outcome | None:
    """An Outcome for ``facts``, or None when the relation cannot be evaluated (zero divisor)."""
    ok = holds(list(facts))
    if ok is None:
        return None
    return Outcome(
        ok=ok,
        facts=tuple(facts),
        detail=detail,
        seen=seen,
        expected=expected,
        relation=holds,
    )
