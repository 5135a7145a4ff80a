"""The sub-commands that read one thing and print it: ``extract``, ``rules``, ``rule``, ``plugins``."""

from __future__ import annotations

import argparse
import json

from evalrules.check.engine import findings
from evalrules.check.examples import evaluated, example_of, read
from evalrules.check.ruleset import Ruleset
from evalrules.check.ruletype import Example, Rule
from evalrules.check.select import unknown_prefixes
from evalrules.cli._check import EXIT_ERROR, EXIT_OK
from evalrules.cli._output import say, warn
from evalrules.config import Config
from evalrules.errors import EvalrulesError
from evalrules.extract import extract_report
from evalrules.format.report import report_json, report_text
from evalrules.format.rules import render_rule, render_rules
from evalrules.format.text import SEVERITY_WORDS
from evalrules.load import load_document
from evalrules.plugin import plugin_infos
from evalrules.registry import Registry
from evalrules.testing import report_of

__all__ = ["run_extract", "run_plugins", "run_rule", "run_rules"]


def run_extract(args: argparse.Namespace, config: Config, reg: Registry) -> int:
    try:
        report = extract_report(load_document(args.file, reg.pm), reg.pm)
    except EvalrulesError as exc:
        warn(str(exc))
        return EXIT_ERROR
    if args.format == "json":
        say(json.dumps(report_json(report), ensure_ascii=False, indent=1))
    else:
        say(report_text(report))
    return EXIT_OK


def _rulesets(args: argparse.Namespace, reg: Registry) -> list[Ruleset] | None:
    """The ruleset ``--ruleset`` names, else every installed one; None (said) when it cannot be read."""
    try:
        return [reg.ruleset(args.ruleset)] if args.ruleset else list(reg.rulesets())
    except EvalrulesError as exc:
        warn(str(exc))
        return None


def run_rules(args: argparse.Namespace, config: Config, reg: Registry) -> int:
    rulesets = _rulesets(args, reg)
    if rulesets is None:
        return EXIT_ERROR
    say(render_rules(rulesets, reg.rule_types, args.format, resolved=bool(args.ruleset)))
    return EXIT_OK


def run_rule(args: argparse.Namespace, config: Config, reg: Registry) -> int:
    rulesets = _rulesets(args, reg)
    if rulesets is None:
        return EXIT_ERROR
    code = args.code.strip().upper()
    found = [(ruleset, rule) for ruleset in rulesets for rule in ruleset.rules if rule.id == code]
    if not found:
        close = unknown_prefixes([code], {c for ruleset in rulesets for c in ruleset.codes}).get(code, [])
        warn(f"没有规则 {code}" + (f"；相近的有：{'、'.join(close)}" if close else "；用 evalrules rules 查看全部规则"))
        return EXIT_ERROR
    examples = {}
    for position, (_, rule) in enumerate(found):
        example = example_of(rule, reg)
        if example is not None:
            failing = example[2].text + "\n" + _finding_of(rule, example[0], reg)
            examples[position] = (example[1].text, failing)
    say(render_rule(code, found, reg.rule_types, examples))
    return EXIT_OK


def _finding_of(rule: Rule, example: Example, reg: Registry) -> str:
    """What the check says about the failing example, as a reviewer would read it."""
    report = read(example.texts[1], reg) if example.texts else report_of(example.fails)
    found = findings(evaluated(rule, report, reg.rule_types), "<例子>")
    return "\n".join(f"→ {SEVERITY_WORDS[f.severity]}：{f.message}" for f in found)


def run_plugins(args: argparse.Namespace, config: Config, reg: Registry) -> int:
    for info in plugin_infos(reg.pm):
        say(f"{info.name}  ({info.distribution} {info.version})")
        for provided in info.provides:
            say(f"    {provided}")
    return EXIT_OK
