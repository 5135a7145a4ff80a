"""docs/property-testing.md's worked example, run as a rule author would run it in their own folder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BLOCK = re.compile(r"```\w+ file=(?P<name>\S+)\n(?P<body>.*?)```", re.S)


def test_the_worked_example_passes(tmp_path: Path) -> None:
    written = []
    for block in BLOCK.finditer((ROOT / "docs" / "property-testing.md").read_text(encoding="utf-8")):
        (tmp_path / block["name"]).write_text(block["body"], encoding="utf-8")
        written.append(block["name"])
    assert written == ["mine.toml", "test_my_rule.py"]
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_my_rule.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed" in proc.stdout
