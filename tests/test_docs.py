"""Documentation that is generated or quoted stays true."""

from __future__ import annotations

import re

import pytest

from evalrules.cli import main
from tests.conftest import ROOT


def test_docs_rules_md_is_what_evalrules_rules_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    generated = capsys.readouterr().out
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == generated, (
        "docs/rules.md is out of date: evalrules rules --format markdown > docs/rules.md"
    )


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    assert len(commands) >= 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == commands[1]
    assert "pytest" in commands[1] and "evalrules check examples/" in commands[0]
