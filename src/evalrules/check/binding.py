"""Which statements belong together when a concept is stated more than once.

A report may state 资产总额 in the text and again in a table, give the first-level scores in
a summary sentence and again in the indicator analysis, or list several years side by side.
A relation between concepts is evaluated once per *binding*: a choice of one fact per
concept, made around an anchor fact by proximity — same sentence, then same line, then the
deepest common section, then the fewest lines apart — and never across two contexts: two
stated years, or two entities (行政单位 and 事业单位, 市级 and 全市, the rows of a table of units).
Every fact of every concept serves as an anchor in turn, so each statement is checked
against its nearest companions, if they would choose it in turn (a statement standing beside
another statement of its concept's companions is not theirs); bindings that choose the same
facts are evaluated once.

Candidates are indexed by the sections they are in, so choosing the nearest statement takes
a look at a few buckets rather than at every statement: long reports stay linear.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar

import attrs

from evalrules.model import SOURCES, Fact, Report, Source

__all__ = ["Skip", "bindings", "compatible", "skips"]


@attrs.frozen
class Skip:
    """A relation not evaluated because two statements of one concept fit its anchor equally
    well and say different things: the rule does not guess between them."""

    concept: str
    anchor: Fact
    candidates: tuple[Fact, Fact]

    def __str__(self) -> str:
        a, b = self.candidates
        return (
            f"未核对：{self.concept} 在第{a.line}行写 {a.written()}、第{b.line}行写 {b.written()}，"
            f"与第{self.anchor.line}行“{self.anchor.written()}”一样近，无法确定应与哪一个相配"
        )


_SKIPS: ContextVar[list[Skip] | None] = ContextVar("evalrules_binding_skips", default=None)


def skips() -> ContextVar[list[Skip] | None]:
    """Where ``bindings`` records the relations it skipped: set it to a list to collect them."""
    return _SKIPS


def compatible(a: Fact, b: Fact) -> bool:
    """Facts of two entities, or of two different stated years, are never bound together."""
    return a.entity == b.entity and (a.period is None or b.period is None or a.period == b.period)


class _Nearest:
    """The statements of one concept, bucketed by every section that contains them."""

    def __init__(self, facts: list[Fact], path: Mapping[int, tuple[int, ...]]) -> None:
        self.buckets: dict[tuple[int, ...], list[Fact]] = {}
        for f in sorted(facts, key=lambda f: (f.line, f.span.column)):
            sections = path[f.line]
            for depth in range(len(sections) + 1):
                self.buckets.setdefault(sections[:depth], []).append(f)
        self.lines = {key: [f.line for f in bucket] for key, bucket in self.buckets.items()}

    def to(self, anchor: Fact, sections: tuple[int, ...]) -> Fact | tuple[Fact, Fact] | None:
        """The nearest statement to ``anchor``; two when two fit equally and differ."""
        for depth in range(len(sections), -1, -1):
            bucket = self.buckets.get(sections[:depth])
            if bucket:
                found = self._closest(anchor, bucket, self.lines[sections[:depth]])
                if found is not None:
                    return found
        return None

    @staticmethod
    def _closest(anchor: Fact, bucket: list[Fact], lines: list[int]) -> Fact | tuple[Fact, Fact] | None:
        start = bisect.bisect_left(lines, anchor.line)
        best: tuple[tuple[bool, bool, int, int], Fact] | None = None
        considered: list[tuple[tuple[bool, bool, int, int], Fact]] = []
        low, high = start - 1, start
        while low >= 0 or high < len(bucket):
            # the next candidate outward, and stop once no closer line is left
            nearest = min((i for i in (low, high) if 0 <= i < len(bucket)), key=lambda i: abs(lines[i] - anchor.line))
            if nearest == low:
                low -= 1
            else:
                high += 1
            f = bucket[nearest]
            if best is not None and abs(f.line - anchor.line) > best[0][2]:
                break
            if not compatible(anchor, f):
                continue
            key = (
                f.clause != anchor.clause,
                f.line != anchor.line,
                abs(f.line - anchor.line),
                abs(f.span.column - anchor.span.column),
            )
            considered.append((key, f))
            if best is None or key < best[0]:
                best = (key, f)
        if best is None:
            return None
        # one line above and one below, as far and in no closer sentence, saying different things:
        # the columns cannot tell which belongs with the anchor
        found, near = best[1], best[0][:3]
        rivals = (f for key, f in considered if key[:3] == near and f.line != found.line and f.value != found.value)
        rival = next(rivals, None)
        return found if rival is None or not near[1] else (found, rival)


def _mutual(
    chosen: Mapping[str, Fact],
    anchor_role: str,
    nearest: Callable[[str, Fact], Fact | tuple[Fact, Fact] | None],
) -> bool:
    """Whether the anchor is, of its concept, what each fact chosen for it would choose: a
    statement of one table or sentence (公务用车购置数 32 of a table run into another) is not
    bound with the figures another statement of its concept stands beside."""
    anchor = chosen[anchor_role]
    for role, fact in chosen.items():
        if role == anchor_role:
            continue
        back = nearest(anchor_role, fact)
        if isinstance(back, Fact) and back is not anchor and back.value != anchor.value:
            return False
    return True


def bindings(
    report: Report,
    roles: Mapping[str, str],
    *,
    required: Sequence[str] = (),
    figures_only: bool = True,
    least: Source = "inferred",
) -> Iterator[dict[str, Fact]]:
    """Yield, for each distinct choice, a mapping role → fact (roles with no fact are left out).

    Where two statements of a concept fit an anchor equally well (a line above and a line
    below, saying different things), no choice pairing them is made: the rule does not guess,
    and the tie is recorded where ``skips()`` collects it.  ``roles`` maps a role name to a
    concept id; ``required`` roles must be present in every binding yielded.  Only figures are
    bound unless ``figures_only`` is false (grades, names), and only facts read at least as
    surely as ``least`` (see ``model.SOURCES``).
    """
    if any(not report.all(roles[role]) for role in required):
        return  # most rules meet most reports with none of their figures: said before any list is built
    floor = SOURCES.index(least)
    candidates = {
        role: [f for f in report.all(concept) if (f.is_figure() or not figures_only) and f.certainty >= floor]
        for role, concept in roles.items()
    }
    if any(not candidates[role] for role in required):
        return
    path = {f.line: report.section_path(f.line) for facts in candidates.values() for f in facts}
    nearest = {role: _Nearest(facts, path) for role, facts in candidates.items() if facts}
    seen: set[frozenset[int]] = set()
    chosen_all: list[dict[str, Fact]] = []
    choices: dict[tuple[str, int], Fact | tuple[Fact, Fact] | None] = {}

    def back(role: str, fact: Fact) -> Fact | tuple[Fact, Fact] | None:
        """The statement of ``role`` nearest to ``fact``, looked up once per pair: each fact is
        an anchor once and a companion of other anchors many times."""
        key = (role, id(fact))
        if key not in choices:
            choices[key] = nearest[role].to(fact, path[fact.line])
        return choices[key]

    ties: list[Skip] = []
    for anchor_role, anchors in candidates.items():
        for anchor in anchors:
            chosen = {anchor_role: anchor}
            tied = False
            for role in nearest:
                if role != anchor_role:
                    found = back(role, anchor)
                    if isinstance(found, tuple):
                        ties.append(Skip(roles[role], anchor, found))
                        tied = True
                    elif found is not None:
                        chosen[role] = found
            if tied or any(role not in chosen for role in required):
                continue
            if not _mutual(chosen, anchor_role, back):
                continue
            key = frozenset(id(f) for f in chosen.values())
            if key not in seen:
                seen.add(key)
                chosen_all.append(chosen)
    sink = _SKIPS.get()
    if sink is not None:
        sink.extend(ties)
    for chosen in chosen_all:
        facts = {id(f) for f in chosen.values()}
        # a choice that pairs a tied anchor with either of its candidates is the same guess
        if not any(id(t.anchor) in facts and facts & {id(c) for c in t.candidates} for t in ties):
            yield chosen
