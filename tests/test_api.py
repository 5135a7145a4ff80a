"""The Python API does what the command line does: the same ruleset, the same findings, and a
mistake (an unknown concept, a float, a code that selects nothing) is an error, never a pass."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

import evalrules
from tests.conftest import SEED


def test_check_chooses_the_ruleset_and_finds_what_the_command_line_finds() -> None:
    report = evalrules.extract(evalrules.load(SEED))
    found = evalrules.check(report)
    cli = subprocess.run(
        [sys.executable, "-m", "evalrules", "check", str(SEED), "--format", "json"], capture_output=True, text=True
    )
    (data,) = json.loads(cli.stdout)
    assert data["ruleset"] == "hunan"  # the seed is a 湖南 部门整体 report
    assert [(f.code, f.line) for f in found] == [(f["code"], f["line"]) for f in data["findings"]]


def test_a_report_from_figures_is_checked_and_each_figure_is_a_line() -> None:
    report = evalrules.report_from_figures(
        {
            "assets.total": ("7.54", "万元"),
            "assets.liabilities": ("8.8", "万元"),
            "assets.net": (Decimal("7.2"), "万元"),
            "report.department": "衡阳县科学技术协会",
        }
    )
    (finding,) = evalrules.check(report, select=["BAL001"])
    assert finding.path == "<figures>" and {loc.line for loc in finding.locations} == {1, 2, 3}
    assert "7.54万元" in finding.message and "16万元" in finding.message
    consistent = evalrules.report_from_figures(
        {"assets.total": ("16", "万元"), "assets.liabilities": ("8.8", "万元"), "assets.net": ("7.2", "万元")}
    )
    assert evalrules.check(consistent, select=["BAL001"]) == []


def test_an_unknown_concept_is_an_error_naming_the_closest() -> None:
    with pytest.raises(evalrules.InputError, match=r"assets\.total"):
        evalrules.report_from_figures({"assets.totl": ("7.54", "万元")})


@pytest.mark.parametrize("value", [7.54, 7, float("nan"), Decimal("NaN"), "Infinity"])
def test_a_float_or_a_value_that_is_no_finite_number_is_refused(value: object) -> None:
    with pytest.raises(evalrules.InputError, match=r"assets\.total"):
        evalrules.report_from_figures({"assets.total": (value, "万元")})  # type: ignore[dict-item]


def test_a_code_that_selects_nothing_is_an_error_not_a_pass() -> None:
    report = evalrules.report_from_figures({"assets.total": ("7.54", "万元")})
    with pytest.raises(evalrules.ConfigError, match="BAL0O1"):
        evalrules.check(report, select=["BAL0O1"])
