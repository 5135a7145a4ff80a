"""A rule's passing and failing example, as ``evalrules rule CODE`` shows it and a test runs it.

An example is the figures its rule type gives (``RuleType.example``).  Shown to a reviewer it is
report text, written by ``evalrules.testing.render`` — but only where reading that text back
gives the rule the same outcome; otherwise the figures themselves are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from evalrules.check.engine import Result, evaluate
from evalrules.check.ruleset import Ruleset
from evalrules.check.ruletype import Example, Rule, RuleType
from evalrules.extract import extract_report
from evalrules.load.text import blocks_of
from evalrules.model import Document, Fact, Report
from evalrules.testing import report_of
from evalrules.testing.render import render

if TYPE_CHECKING:
    from evalrules.registry import Registry

__all__ = ["ShownExample", "evaluated", "example_of", "holds", "read"]


@attrs.frozen
class ShownExample:
    """One side of an example: what a reviewer reads, and whether it is report text."""

    text: str
    as_text: bool


def evaluated(rule: Rule, report: Report, rule_types: Mapping[str, RuleType]) -> list[Result]:
    """Every evaluation of ``rule`` alone on ``report``."""
    return list(evaluate(report, Ruleset(name="example", path="", rules=(rule,)), rule_types))


def holds(rule: Rule, report: Report, rule_types: Mapping[str, RuleType]) -> bool | None:
    """Whether ``rule`` holds on ``report``: None when it found no figures to evaluate."""
    results = [r for r in evaluated(rule, report, rule_types) if r.outcome.facts or r.outcome.locations]
    if not results:
        return None
    return all(r.outcome.ok or r.outcome.severity == "info" for r in results)


def _figures(facts: tuple[Fact, ...], concepts: Mapping[str, str]) -> str:
    return "\n".join(f"{concepts.get(f.base, f.base)}（{f.concept}）：{f.written()}" for f in facts)


def read(text: str, reg: Registry) -> Report:
    """An example's report text as the command line reads it."""
    return extract_report(Document("<example>", blocks_of(text), "text"), reg.pm)


def _shown(rule: Rule, facts: tuple[Fact, ...], expected: bool, reg: Registry) -> ShownExample:
    rendered = render(report_of(facts))
    if {f.concept for f in rendered.report.facts} >= {f.concept for f in facts}:
        lines = rendered.text.splitlines()
        text = "\n".join(lines[n - 1] for n in sorted({f.line for f in rendered.report.facts}))
        if holds(rule, read(text, reg), reg.rule_types) is expected:
            return ShownExample(text, as_text=True)
    return ShownExample(_figures(facts, reg.concepts), as_text=False)


def example_of(rule: Rule, reg: Registry) -> tuple[Example, ShownExample, ShownExample] | None:
    """The rule's example, with its passing and failing side as shown; None without one."""
    rule_type = reg.rule_types.get(rule.type)
    example = rule_type.example(rule) if rule_type and rule_type.example else None
    if example is None:
        return None
    if example.texts is not None:
        passing, failing = example.texts
        return example, ShownExample(passing, as_text=True), ShownExample(failing, as_text=True)
    return example, _shown(rule, example.holds, True, reg), _shown(rule, example.fails, False, reg)
