"""``evalrules rule CODE`` explains a rule, and every example it shows is run here: the passing
one holds, the failing one fails, as figures and — where shown as report text — as text read back."""

from __future__ import annotations

import subprocess
import sys

import pytest

from evalrules.check.examples import example_of, holds, read
from evalrules.registry import registry
from evalrules.testing import report_of

REG = registry()
RULES = {(ruleset.name, rule.id): rule for ruleset in REG.rulesets() for rule in ruleset.rules}


@pytest.mark.parametrize("key", sorted(RULES), ids=lambda key: f"{key[0]}:{key[1]}")
def test_each_example_passes_and_fails_as_it_says(key: tuple[str, str]) -> None:
    rule = RULES[key]
    shown = example_of(rule, REG)
    assert shown is not None, f"{rule.id} ({rule.type}) has no example"
    example, passing, failing = shown
    if example.texts is None:
        assert holds(rule, report_of(example.holds), REG.rule_types) is True
        assert holds(rule, report_of(example.fails), REG.rule_types) is False
    for side, expected in ((passing, True), (failing, False)):
        if side.as_text:
            outcome = holds(rule, read(side.text, REG), REG.rule_types)
            # a rule that only ever reports what is wrong (two spellings of a name) is silent on the passing one
            assert outcome is expected or (expected and outcome is None and example.texts), side.text


def test_most_examples_are_shown_as_report_text() -> None:
    shown = [example_of(rule, REG) for rule in RULES.values()]
    as_text = [s for s in shown if s is not None and s[1].as_text and s[2].as_text]
    assert len(as_text) >= len([s for s in shown if s is not None]) // 2


def test_rule_prints_what_it_checks_why_and_its_examples() -> None:
    out = subprocess.run([sys.executable, "-m", "evalrules", "rule", "BAL001"], capture_output=True, text=True)
    assert out.returncode == 0
    text = out.stdout
    assert text.startswith("BAL001  资产总额应等于负债总额与净资产之和")
    assert (
        "类型：sum — 合计 = Σ 分项" in text
        and "为什么重要：" in text
        and "parts: assets.liabilities + assets.net" in text
    )
    passing = text.split("通过的例子：\n")[1].split("\n\n")[0]
    failing = text.split("不通过的例子：\n")[1].split("\n\n")[0]
    assert "资产总额" in passing and "→" not in passing
    assert "→ 错误：资产总额应等于负债总额与净资产之和" in failing


def test_an_unknown_code_names_the_closest_and_rules_points_to_rule() -> None:
    out = subprocess.run([sys.executable, "-m", "evalrules", "rule", "BAL0O1"], capture_output=True, text=True)
    assert out.returncode == 2 and "BAL001" in out.stderr and out.stdout == ""
    listing = subprocess.run([sys.executable, "-m", "evalrules", "rules"], capture_output=True, text=True).stdout
    assert "evalrules rule CODE" in listing
