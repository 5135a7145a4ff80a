"""docs/writing-a-pack.md, followed literally: its shell steps run, its files written as shown,
the pack installed (into a folder of its own) and discovered, its property test passing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

TUTORIAL = ROOT / "docs" / "writing-a-pack.md"
BLOCK = re.compile(r"```(?P<info>[^\n]*)\n(?P<body>.*?)```", re.S)


def test_the_tutorial_makes_a_pack_that_is_discovered_and_applied(tmp_path: Path) -> None:
    workspace = tmp_path / "work"
    workspace.mkdir()
    shutil.copytree(ROOT / "plugins", workspace / "main" / "plugins")
    site = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(site), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    folder = workspace
    outputs: list[str] = []
    for block in BLOCK.finditer(TUTORIAL.read_text(encoding="utf-8")):
        info, body = block["info"].split(), block["body"]
        if info[:1] == ["sh"]:
            for command in body.strip().splitlines():
                if command.startswith("pip install"):  # into a folder of its own, not the test environment
                    command = f"{sys.executable} -m pip install -q --no-deps --no-build-isolation --target {site} ."
                if command.startswith("cd "):
                    folder = folder / command[3:].strip()
                    continue
                proc = subprocess.run(["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True)
                outputs.append(proc.stdout)
                assert proc.returncode in (0, 1), f"{command}\n{proc.stdout}\n{proc.stderr}"
        elif info[1:2] and info[1].startswith("file="):
            target = folder / info[1].removeprefix("file=")
            target.write_text(body, encoding="utf-8")
    text = "\n".join(outputs)
    assert "guizhou  (evalrules-guizhou 0.1.0)" in text  # evalrules plugins
    assert "GZ001" in text and "EXE001" not in text.split("# guizhou")[1]  # evalrules rules --ruleset guizhou
    assert "report.txt: 规则集 guizhou（贵州省部门整体支出绩效自评）" in text  # chosen by region and kind
    assert re.search(r"report\.txt:3:\d+: GZ001 错误", text)
    assert re.search(r"\d+ passed", text)  # the property test of the new rule
