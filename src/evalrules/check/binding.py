"""Which statements belong together when a concept is stated more than once.

A report may state 资产总额 in the text and again in a table, give the first-level scores in
a summary sentence and again in the indicator analysis, or list several years side by side.
A relation between concepts is evaluated once per *binding*: a choice of one fact per
concept, made around an anchor fact by proximity — same sentence, then same line, then the
deepest common section, then the fewest lines apart — and never across two different years.
Every fact of every concept serves as an anchor in turn, so each statement is checked
against its nearest companions; bindings that choose the same facts are evaluated once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from evalrules.model import Fact, Report

__all__ = ["bindings", "compatible"]


def compatible(a: Fact, b: Fact) -> bool:
    """Facts of two different stated years are never bound together."""
    return a.period is None or b.period is None or a.period == b.period


def _common_depth(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    depth = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        depth += 1
    return depth


def bindings(
    report: Report,
    roles: Mapping[str, str],
    *,
    required: Sequence[str] = (),
    figures_only: bool = True,
) -> Iterator[dict[str, Fact]]:
    """Yield, for each distinct choice, a mapping role → fact (roles with no fact are left out).

    ``roles`` maps a role name to a concept id; ``required`` roles must be present in every
    binding yielded.  Only figures are bound unless ``figures_only`` is false (grades, names).
    """
    candidates = {
        role: [f for f in report.all(concept) if f.is_figure() or not figures_only] for role, concept in roles.items()
    }
    if any(not candidates[role] for role in required):
        return
    paths: dict[int, tuple[int, ...]] = {}

    def path(line: int) -> tuple[int, ...]:
        if line not in paths:
            paths[line] = report.section_path(line)
        return paths[line]

    seen: set[frozenset[int]] = set()
    for anchor_role, anchors in candidates.items():
        for anchor in anchors:
            chosen = {anchor_role: anchor}
            anchor_path = path(anchor.line)
            for role, facts in candidates.items():
                if role == anchor_role:
                    continue
                usable = [f for f in facts if compatible(anchor, f)]
                if usable:
                    chosen[role] = min(
                        usable,
                        key=lambda f: (
                            f.clause != anchor.clause,
                            f.line != anchor.line,
                            -_common_depth(path(f.line), anchor_path),
                            abs(f.line - anchor.line),
                            abs(f.span.column - anchor.span.column),
                        ),
                    )
            if any(role not in chosen for role in required):
                continue
            key = frozenset(id(f) for f in chosen.values())
            if key not in seen:
                seen.add(key)
                yield chosen
