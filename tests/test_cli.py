"""The command line as a reviewer uses it: output lines, exit status, JSON contract, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evalrules.cli import main
from tests.conftest import SEED

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<severity>错误|警告|提示) \S")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_prints_one_finding_a_line_and_exits_1_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(SEED), "--ruleset", "default")
    assert status == 1
    first, *rest, summary = out.splitlines()
    assert first == f"{SEED}: 规则集 default（全国基线）"
    assert summary.startswith("检查 1 份报告：错误 ")
    heads = [LINE.match(line) for line in rest if not line.startswith("    ")]
    assert heads and all(heads), out
    assert {m["code"] for m in heads if m} >= {"BAL001", "CON004", "STR001"}
    assert "诊断：54.2元 疑为 54.2万元" in out


def test_check_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    (data,) = json.loads(out)
    assert status == 1 and data["file"] == str(SEED)
    finding = next(f for f in data["findings"] if f["code"] == "BAL001")
    assert finding["severity"] == "error" and "资产总额" in finding["message"]
    assert {loc["line"] for loc in finding["locations"]} == {35}
    assert all({"line", "column", "text"} <= set(loc) for loc in finding["locations"])


def test_several_files_give_a_json_array_and_a_bad_one_does_not_stop_the_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run(capsys, "check", str(missing), str(SEED), "--format", "json")
    data = json.loads(out)
    assert status == 2
    assert [d["file"] for d in data] == [str(missing), str(SEED)]
    assert "文件不存在" in data[0]["error"] and data[1]["findings"]
    assert f"{missing}: 文件不存在" in err


def test_select_and_ignore_take_code_prefixes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--select", "BAL", "--ignore", "BAL00")
    codes = {m["code"] for m in map(LINE.match, out.splitlines()) if m}
    assert codes == {"BAL011"}
    status, out, _ = run(capsys, "check", str(SEED), "--select", "STR")
    assert status == 0 and "STR001" in out  # warnings only


def test_show_passed_lists_relations_that_hold(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--show-passed", "--select", "BAL002")
    assert "BAL002 通过" in out and "180.46万元" in out


def test_extract_json_gives_facts_with_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(SEED), "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert {"concept": "assets.total", "value": "7.54", "unit": "万元", "line": 35}.items() <= next(
        f for f in data["facts"] if f["concept"] == "assets.total"
    ).items()
    assert data["department"] == "衡阳县科学技术协会" and data["year"] == 2023


def test_rules_lists_every_rule_with_type_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "rules")
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith("BAL001"))
    assert "sum" in line and "default.toml:" in line


def test_plugins_lists_versions_and_what_each_provides(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "plugins")
    assert "balance  (evalrules-standard 0.1.0)" in out
    assert "rule types: entity_parts, sum" in out
    assert "rulesets: default" in out


def test_blocking_a_plugin_removes_its_rules(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--block", "scoring")
    assert "SCO" not in out and "BAL001" in out
    _, out, _ = run(capsys, "plugins", "--block", "scoring")
    assert "scoring  (" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件为空"),
        (b"   \n\n", "没有内容"),
        (b"PK\x03\x04\x00\x00binary", "二进制文件"),
        (b"\x80\x80\xff\xfe\xfd", "无法识别的文本编码"),
    ],
)
def test_bad_input_is_one_clear_error_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "check", str(path))
    assert status == 2 and out.strip() == "检查 1 份报告：错误 0 项，警告 0 项，1 份无法检查"
    assert err.strip().startswith(f"evalrules: {path}: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert main(["check", str(SEED), "--format", "nope"]) == 2


def test_the_console_script_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "evalrules", "check", str(SEED), "--select", "BAL001"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert ":35:12: BAL001 错误" in proc.stdout


ROUNDING = "2023年收入总计434.72万元，其中本年收入434.16万元，年初结转和结余0.55万元。\n"


def test_a_rounding_gap_is_a_hint_shown_only_with_show_info(tmp_path: Path) -> None:
    """434.16 + 0.55 written 434.72: consistent at the written precision, so no finding by default,
    an info line with --show-info, and the exit status is 0 either way."""
    path = tmp_path / "report.txt"
    path.write_text(ROUNDING, encoding="utf-8")
    command = [sys.executable, "-m", "evalrules", "check", str(path), "--ruleset", "default"]
    plain = subprocess.run(command, capture_output=True, text=True, check=False)
    shown = subprocess.run([*command, "--show-info"], capture_output=True, text=True, check=False)
    assert plain.returncode == 0 and "BAL014" not in plain.stdout
    assert shown.returncode == 0
    (hint,) = [m for m in map(LINE.match, shown.stdout.splitlines()) if m]
    assert hint["code"] == "BAL014" and hint["severity"] == "提示" and "尾差" in shown.stdout


def test_a_report_with_nothing_to_check_says_so(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("关于开展绩效自评工作的通知\n请各单位按要求开展自评。\n", encoding="utf-8")
    command = [sys.executable, "-m", "evalrules", "check", str(path)]
    text = subprocess.run(command, capture_output=True, text=True, check=False)
    (data,) = json.loads(subprocess.run([*command, "--format", "json"], capture_output=True, text=True).stdout)
    assert text.returncode == 0 and "未找到可检查的数字" in text.stdout
    assert data["nothing_to_check"] is True and data["evaluated"] == 0


def test_extract_json_gives_each_fact_its_context(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "截至2023年底，全市资产总额30亿元，负债总额9亿元，净资产总额21亿元。"
        "从单位性质看：行政单位资产总额10亿元，负债总额4亿元，净资产总额6亿元。\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "evalrules", "extract", str(path), "--format", "json"], capture_output=True, text=True
    ).stdout
    data = json.loads(out)
    own = {(f["concept"], f["value"]) for f in data["facts"]}
    parts = {(f["concept"], f["value"], f["entity"]) for f in data["entity_facts"]}
    assert ("assets.total", "30") in own and ("assets.total", "10") not in own
    assert parts == {
        ("assets.total", "10", "行政单位"),
        ("assets.liabilities", "4", "行政单位"),
        ("assets.net", "6", "行政单位"),
    }
    total = next(f for f in data["facts"] if f["concept"] == "assets.total")
    assert total["period"] == 2023 and total["source"] == "prose" and total["account"] == "全口径"
