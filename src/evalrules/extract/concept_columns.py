"""Tables whose columns are concepts, over one row of figures.

A 部门预算's 三公 table is laid out sideways: its header names the items (“三公”经费合计 |
因公出国(境)费 | 公务用车购置及运行费 | 公务接待费), a group among them is split in a second
header row under it (小计 | 公务用车购置费 | 公务用车运行费), and one row of figures follows, one
a column: ``79 | 0 | 75 | 50 | 25 | 4``.  A flattened copy no longer shows which header cell
spans which columns; the lexicon does — the second row's items are the parts of one item of the
first, whose place they take, its 小计 first — and the figures must be exactly as many as the
columns that reading makes, or the table is not read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evalrules.extract.lexicon import ANY_PARENT, Lexicon

__all__ = ["concept_columns"]

_SUBTOTAL = ("小计", "合计")  # under a group's parts: the group's own figure


def concept_columns(
    names: Sequence[str],
    figures: int,
    lexicon: Lexicon,
    known: Mapping[str, str],
    topic: str | None,
    scope: str,
) -> tuple[list[str], int] | None:
    """The concept of each of ``figures`` columns headed by ``names`` (the header cells in the
    order written, one or two header rows) and the number of header rows; None when not every
    name is an amount's concept or no one reading gives that many columns."""
    concepts: list[str | None] = []
    for name in names:
        if name in _SUBTOTAL:
            concepts.append(None)
            continue
        resolved = lexicon.resolve(name, "money", scope, ANY_PARENT, known, topic)
        if resolved is None:
            return None
        concepts.append(resolved[0])
    if len(concepts) == figures and None not in concepts:
        return [c for c in concepts if c is not None], 1
    readings = [r for k in range(1, len(names)) if (r := _split(names, concepts, k, lexicon, known, topic, scope))]
    fitting = [r for r in readings if len(r) == figures]
    return (fitting[0], 2) if len(fitting) == 1 else None


def _split(
    names: Sequence[str],
    concepts: list[str | None],
    at: int,
    lexicon: Lexicon,
    known: Mapping[str, str],
    topic: str | None,
    scope: str,
) -> list[str] | None:
    """The columns if the second header row starts at ``at``: its items, all parts of one item of
    the first row, take that item's place (after it, if the second row has its 小计)."""
    second = concepts[at:]
    first = [c for c in concepts[:at] if c is not None]
    parts = [(name, c) for name, c in zip(names[at:], second, strict=True) if c is not None]
    if len(first) < at or not parts or len(second) - len(parts) > 1:
        return None

    def is_part(name: str, group: str) -> bool:  # of the group itself, not of a part of it
        resolved = lexicon.resolve(name, "money", scope, group, known, topic)
        return resolved is not None and resolved[1] and lexicon.parent_of(resolved[0]) == group

    groups = [g for g in first if all(is_part(name, g) for name, _ in parts)]
    if len(groups) != 1:
        return None
    group = groups[0]
    own = [group] if None in second else []
    columns: list[str] = []
    for concept in first:
        columns.extend([*own, *(c for _, c in parts)] if concept == group else [concept])
    return columns
