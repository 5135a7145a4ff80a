"""A report whose lines a page cut at its width (a PDF column, a narrow web page): every finding
still points at the figures where they are written, says where the statement holding them
starts, and a template blank the cut split in two is one blank."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
TITLE = "某某局2023年度部门决算说明"
BODY = (
    "2023年本单位“三公”经费支出合计12.50万元，比上年减少 万元，其中：因公出国（境）费0万元，"
    "公务用车购置及运行维护费8.30万元，公务接待费3.20万元，主要用于接待上级部门检查调研和业务交流工作。"
    "2023年本单位部门决算收入合计560.00万元，支出合计560.00万元，与上年相比基本持平，没有变化。"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _cut(text: str, width: int) -> list[str]:
    """``text`` cut every ``width`` characters, a cut that would split a number moved before it."""
    numbers = [m.span() for m in _NUMBER.finditer(text)]
    lines, position = [], 0
    while position < len(text):
        cut = min(position + width, len(text))
        cut = next((start for start, end in numbers if start < cut < end), cut)
        lines.append(text[position:cut])
        position = cut
    return lines


def _check(path: Path, form: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "evalrules", "check", str(path), "--format", form], capture_output=True, check=False
    )
    return json.loads(done.stdout)


def _findings(path: Path) -> dict[str, dict[str, Any]]:
    return {f["code"]: f for f in _check(path, "json")[0]["findings"]}


def _copies(folder: Path) -> tuple[list[str], Path, Path]:
    """The report's lines as a page 30 characters wide cuts them, that copy, and the copy whose
    body is one line."""
    lines = [TITLE, *_cut(BODY, 30)]
    cut = folder / "cut.txt"
    cut.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = folder / "whole.txt"
    whole.write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    return lines, cut, whole


def test_a_finding_on_lines_a_page_cut_points_at_its_figures_and_where_the_statement_starts(tmp_path: Path) -> None:
    lines, cut, whole = _copies(tmp_path)
    found = _findings(cut)
    assert sorted(found) == sorted(_findings(whole)) == ["BAL008", "STR002"]  # whatever the page width
    total = found["BAL008"]  # 12.50 ≠ 0 + 8.30 + 3.20, its figures on three lines of the page
    assert {loc["line"] for loc in total["locations"]} == {2, 3, 4}
    for loc in total["locations"]:
        assert lines[loc["line"] - 1][loc["column"] - 1 :].startswith(loc["text"])
        assert loc["start_line"] == 2

    sarif = _check(cut, "sarif")
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (result,) = (r for r in sarif["runs"][0]["results"] if r["ruleId"] == "BAL008")
    places = [loc["physicalLocation"] for loc in result["relatedLocations"]]
    later = [p for p in places if p["region"]["startLine"] > 2]
    assert later and all(p["contextRegion"]["startLine"] == 2 for p in later)


def test_a_blank_a_page_cut_in_two_is_one_blank_quoted_as_written(tmp_path: Path) -> None:
    lines, cut, whole = _copies(tmp_path)
    assert lines[1].endswith("减") and lines[2].startswith("少 万元")  # the cut falls inside the blank
    (gap,) = _findings(cut)["STR002"]["locations"]
    (same,) = _findings(whole)["STR002"]["locations"]
    assert (gap["line"], gap["column"], gap["text"]) == (2, same["column"], "减少 万元")
