"""Runs the rules of a ruleset over a report: every evaluation, and the findings among them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from evalrules.check.ruleset import Ruleset
from evalrules.check.ruletype import Outcome, Rule, RuleType
from evalrules.check.select import Selection
from evalrules.model import Finding, Report

__all__ = ["Result", "evaluate", "findings"]


@attrs.frozen
class Result:
    """A rule evaluated on one set of facts; ``outcome.ok`` says whether it held."""

    rule: Rule
    outcome: Outcome

    def finding(self, path: str) -> Finding:
        detail = f"：{self.outcome.detail}" if self.outcome.detail else ""
        return Finding(
            code=self.rule.id,
            severity=self.rule.severity,
            message=f"{self.rule.message}{detail}",
            locations=self.outcome.all_locations(),
            seen=self.outcome.seen,
            expected=self.outcome.expected,
            diagnoses=self.outcome.diagnoses,
            path=path,
        )


def evaluate(
    report: Report,
    ruleset: Ruleset,
    rule_types: Mapping[str, RuleType],
    selection: Selection = Selection(),
) -> Iterator[Result]:
    """Every evaluation of every selected rule, passed or failed, in ruleset order."""
    for rule in ruleset.rules:
        if selection(rule.id):
            for outcome in rule_types[rule.type].evaluate(rule, report):
                yield Result(rule, outcome)


def _figures(result: Result) -> tuple[object, ...]:
    """What a failed evaluation is about: its rule and the figures, wherever they were written."""
    return (result.rule.id, tuple(sorted((f.concept, f.written()) for f in result.outcome.facts)))


def findings(results: list[Result], path: str) -> list[Finding]:
    """The failed evaluations as findings, ordered by line.

    One relation failing on the same figures restated elsewhere (a score given in the summary
    and again in the analysis) is one finding that points at every place.
    """
    merged: dict[tuple[object, ...], Finding] = {}
    for result in results:
        if result.outcome.ok:
            continue
        finding = result.finding(path)
        key = _figures(result) if result.outcome.facts else (id(result),)
        if key in merged:
            first = merged[key]
            locations = sorted({*first.locations, *finding.locations}, key=lambda loc: (loc.line, loc.column))
            finding = attrs.evolve(first, locations=tuple(locations))
        merged[key] = finding
    return sorted(merged.values(), key=lambda f: (f.line, f.column, f.code))
