"""Runs the rules of a ruleset over a report: every evaluation, and the findings among them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from evalrules.check.binding import Skip, skips
from evalrules.check.diagnose import diagnose
from evalrules.check.ruleset import Ruleset
from evalrules.check.ruletype import Outcome, Rule, RuleType
from evalrules.check.select import Selection
from evalrules.layout.normalize import normalize
from evalrules.model import SEVERITIES, Fact, Finding, Location, Report

__all__ = ["Result", "evaluate", "findings", "passed_finding"]


@attrs.frozen
class Result:
    """A rule evaluated on one set of facts; ``outcome.ok`` says whether it held."""

    rule: Rule
    outcome: Outcome

    def finding(self, path: str) -> Finding:
        """The failed evaluation as a finding, diagnosed when one slip explains it."""
        outcome = self.outcome
        diagnoses = outcome.diagnoses
        if not diagnoses and outcome.relation is not None:
            diagnoses = diagnose(outcome.facts, outcome.relation)
        detail = f"：{outcome.detail}" if outcome.detail else ""
        severity = max(self.rule.severity, outcome.severity or self.rule.severity, key=SEVERITIES.index)
        return Finding(
            code=self.rule.id,
            severity=severity,
            message=f"{self.rule.message}{detail}",
            locations=self.outcome.all_locations(),
            seen=self.outcome.seen,
            expected=self.outcome.expected,
            diagnoses=diagnoses,
            path=path,
        )


def evaluate(
    report: Report,
    ruleset: Ruleset,
    rule_types: Mapping[str, RuleType],
    selection: Selection | None = None,
) -> Iterator[Result]:
    """Every evaluation of every selected rule, passed or failed, in ruleset order; then, for
    each rule, the relations its bindings skipped as ambiguous (``outcome.skipped``)."""
    selected = selection or Selection()
    for rule in ruleset.rules:
        if not selected(rule.id):
            continue
        sink: list[Skip] = []
        token = skips().set(sink)
        try:
            outcomes = list(rule_types[rule.type].evaluate(rule, report))
        finally:
            skips().reset(token)
        yield from (Result(rule, outcome) for outcome in outcomes)
        said: set[tuple[str, tuple[Fact, Fact]]] = set()
        for skip in sink:
            if (skip.concept, skip.candidates) in said:
                continue  # one tie, met from several anchors, is said once
            said.add((skip.concept, skip.candidates))
            locations = tuple(Location.of(f) for f in (skip.anchor, *skip.candidates))
            yield Result(rule, Outcome(ok=True, facts=(), detail=str(skip), locations=locations, skipped=True))


def _figures(result: Result) -> tuple[object, ...]:
    """What a failed evaluation is about: its rule and what it says of the figures, wherever
    (and in whichever characters: 5.21万元, 5.21萬元) they were written, of whichever concepts
    one figure was read as (收支较上年增加58.21万元: the income's and the expense's change)."""
    said = result.outcome.detail or tuple(sorted((f.concept, normalize(f.written())) for f in result.outcome.facts))
    return (result.rule.id, said)


def findings(results: list[Result], path: str) -> list[Finding]:
    """The failed evaluations as findings, ordered by line.

    One relation failing on the same figures restated elsewhere (a score given in the summary
    and again in the analysis), or on one figure read as two concepts, is one finding that
    points at every place.
    """
    merged: dict[tuple[object, ...], tuple[Result, dict[tuple[int, int], Location]]] = {}
    for result in results:
        if result.outcome.ok:
            continue
        key = _figures(result) if result.outcome.facts else (id(result),)
        _, locations = merged.setdefault(key, (result, {}))
        for location in result.outcome.all_locations():
            locations.setdefault((location.line, location.column), location)  # a place once
    found = [
        attrs.evolve(result.finding(path), locations=tuple(locations[place] for place in sorted(locations)))
        for result, locations in merged.values()
    ]
    return sorted(found, key=lambda f: (f.line, f.column, f.code))


def passed_finding(result: Result, path: str) -> Finding:
    """A relation that holds, in a finding's shape (one schema for both in every output)."""
    detail = result.outcome.detail
    return Finding(
        code=result.rule.id,
        severity=result.rule.severity,
        message=detail,
        locations=result.outcome.all_locations(),
        seen=result.outcome.seen,
        expected=result.outcome.expected,
        path=path,
    )
