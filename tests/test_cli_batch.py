"""The command line for batches and CI, run as a user runs it (a subprocess): folders, stdin,
every output format, parallel jobs, progress and summary, selection, and no traceback ever."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import SEED

EVALRULES = [sys.executable, "-m", "evalrules"]
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BROKEN = "资产总额7.54万元，负债总额8.8万元，净资产总额7.2万元。\n"
CLEAN = "资产总额16万元，负债总额8.8万元，净资产总额7.2万元。\n"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> tuple[int, str, str]:
    proc = subprocess.run(
        [*EVALRULES, *args], capture_output=True, cwd=cwd, env={**os.environ, **(env or {})}, input=stdin
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Reports in nested folders, with files a folder argument must not pick up."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a" / "b" / "draft.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "a" / "labels.toml").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(BROKEN, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seed.txt")
    return tmp_path


def _files(out: str) -> list[str]:
    return [Path(d["file"]).name for d in json.loads(out)]


def test_a_folder_is_checked_recursively_with_the_loaders_suffixes(folder: Path) -> None:
    status, out, _ = run("check", str(folder), "--format", "json")
    assert status == 1
    assert _files(out) == ["draft.txt", "two.txt", "one.txt", "seed.txt"]
    _, out, _ = run("check", str(folder), "--format", "json", "--exclude", "draft*", "--exclude", "seed.txt")
    assert _files(out) == ["two.txt", "one.txt"]
    _, out, _ = run("check", str(folder), "--format", "json", "--include", "*/b/*")
    assert _files(out) == ["draft.txt", "two.txt"]


def test_include_exclude_and_per_file_ignores_come_from_the_configuration(folder: Path) -> None:
    (folder / "evalrules.toml").write_text(
        'exclude = ["seed.txt"]\nper-file-ignores = { "*/b/*" = ["BAL001"] }\n', encoding="utf-8"
    )
    status, out, _ = run("check", ".", "--format", "json", cwd=folder)
    data = {Path(d["file"]).name: d for d in json.loads(out)}
    assert sorted(data) == ["draft.txt", "one.txt", "two.txt"]
    assert [f["code"] for f in data["one.txt"]["findings"]] == ["BAL001"]
    assert data["draft.txt"]["findings"] == [] and status == 1


def test_standard_input_is_read_with_the_name_given(tmp_path: Path) -> None:
    status, out, _ = run("check", "-", "--stdin-filename", "报告.txt", "--format", "json", stdin=BROKEN.encode("gbk"))
    (data,) = json.loads(out)
    assert status == 1 and data["file"] == "报告.txt" and data["findings"][0]["code"] == "BAL001"
    status, out, _ = run("check", "-", "-q", stdin=CLEAN.encode())
    assert status == 0 and out == ""


def test_every_format_names_each_report_and_its_findings(folder: Path, tmp_path: Path) -> None:
    paths = [str(folder / "a" / "one.txt"), str(folder / "missing.txt")]
    _, out, _ = run("check", *paths, "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [Path(d["file"]).name for d in lines] == ["one.txt", "missing.txt"] and "error" in lines[1]

    status, out, _ = run("check", *paths, str(SEED), "--format", "sarif")
    sarif = json.loads(out)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (the_run,) = sarif["runs"]
    rules = [r["id"] for r in the_run["tool"]["driver"]["rules"]]
    assert "BAL001" in rules and all(r["shortDescription"]["text"] for r in the_run["tool"]["driver"]["rules"])
    first = the_run["results"][0]
    assert first["ruleId"] == "BAL001" and first["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert rules[first["ruleIndex"]] == "BAL001"
    assert any("诊断" in r["message"]["text"] for r in the_run["results"])
    assert not the_run["invocations"][0]["executionSuccessful"] and status == 2

    _, out, _ = run("check", *paths, str(SEED), "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [Path(c.get("name", "")).name for c in cases] == ["one.txt", "missing.txt", SEED.name]
    assert len(cases[0].findall("failure")) == 1 and cases[1].find("error") is not None
    assert suite.get("tests") == "3" and int(suite.get("failures", "0")) >= 2

    _, out, _ = run("check", *paths, "--format", "github")
    annotations = out.splitlines()
    assert re.match(r"^::error file=.*one\.txt,line=1,col=\d+,title=BAL001::资产总额", annotations[0])
    assert annotations[1].startswith("::error file=") and "missing.txt" in annotations[1]


def test_output_file_and_exit_zero(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "out.sarif"
    status, out, _ = run("check", str(report), "--format", "sarif", "-o", str(target), "--exit-zero")
    assert status == 0 and out == "" and json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    status, _, err = run("check", str(report), "-o", str(report))
    assert status == 2 and "不会用结果覆盖它" in err and report.read_text(encoding="utf-8") == BROKEN


def test_summary_statistics_quiet_and_verbose(folder: Path) -> None:
    status, out, _ = run("check", str(folder))
    assert status == 1 and out.splitlines()[-1].startswith("检查 4 份报告：错误 ") and "（涉及 3 份）" in out
    _, out, _ = run("check", str(folder), "--statistics")
    first = out.splitlines()[0]
    assert re.match(r"^\s*\d+\s+BAL001\s+\[错误\] 资产总额应等于负债总额与净资产之和$", first), out
    _, quiet, _ = run("check", str(folder / "a" / "one.txt"), "-q")
    assert quiet.splitlines()[0].endswith(
        "BAL001 错误 资产总额应等于负债总额与净资产之和：合计 7.54万元，分项 8.8万元 + 7.2万元 = 16万元"
    )
    assert "规则集" not in quiet and "检查 1 份报告" not in quiet
    _, verbose, _ = run("check", str(folder / "a" / "b" / "two.txt"), "-v")
    assert "BAL001 通过 合计 16万元，分项 8.8万元 + 7.2万元 = 16万元" in verbose


def test_jobs_give_the_same_output_as_one_process(tmp_path: Path) -> None:
    for index in range(60):
        (tmp_path / f"{index:02}.txt").write_text((BROKEN if index % 2 else CLEAN) * (1 + index % 3), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x80\x80\xff\xfe\xfd")
    serial = run("check", str(tmp_path), "--jobs", "1", "--format", "json")
    parallel = run("check", str(tmp_path), "--jobs", "2", "--format", "json")
    assert serial == parallel and serial[0] == 2 and len(json.loads(serial[1])) == 61


def _on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """What a user sees at a terminal: standard output and error both to a pseudo-terminal."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*EVALRULES, *args], stdout=follower, stderr=follower, env={**os.environ, "TERM": "xterm", **(env or {})}
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(leader)
    return seen.decode("utf-8", "replace")


def test_a_terminal_gets_a_progress_bar_colour_and_the_summary(tmp_path: Path) -> None:
    for index in range(24):
        (tmp_path / f"{index:02}.txt").write_text(BROKEN * 40, encoding="utf-8")
    seen = _on_a_terminal("check", str(tmp_path), "--jobs", "1")
    assert "检查" in seen and "━" in seen  # rich's bar
    assert "\x1b[1;31m错误\x1b[0m" in seen
    assert "检查 24 份报告：错误 24 项（涉及 24 份）" in seen
    plain = _on_a_terminal("check", str(tmp_path / "00.txt"), env={"NO_COLOR": "1"})
    assert "\x1b[1;31m" not in plain and "BAL001 错误" in plain
    piped = run("check", str(tmp_path))[1]
    assert "\x1b" not in piped


def test_a_closed_pipe_ends_quietly() -> None:
    for command in ("rules", f"check {SEED}"):
        proc = subprocess.run(
            f"{sys.executable} -m evalrules {command} | head -1", shell=True, capture_output=True, text=True
        )
        assert proc.stdout.count("\n") == 1 and proc.stderr == "", proc.stderr


def test_a_console_that_cannot_print_a_character_gets_an_escape(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("2023年收入−5万元，资产总额7.54萬元，负债总额8.8萬元，净资产总额7.2萬元。€\n", encoding="utf-8")
    status, out, err = run("check", str(report), "--show-passed", env={"PYTHONIOENCODING": "cp936"})
    assert status == 1 and "Traceback" not in err and "BAL001" in out
    status, out, err = run("extract", str(report), env={"PYTHONIOENCODING": "cp936"})  # prints the line as written
    assert status == 0 and "Traceback" not in err and "\\u2212" in out and "\\u20ac" in out


def test_a_code_that_selects_nothing_is_an_error_naming_the_closest(tmp_path: Path) -> None:
    status, _, err = run("check", str(SEED), "--select", "BAL0O1")
    assert status == 2 and "'BAL0O1'" in err and "BAL001" in err
    status, _, err = run("check", str(SEED), "--extend-ignore", "XYZ")
    assert status == 2 and "'XYZ'" in err
    (tmp_path / "evalrules.toml").write_text('ignore = ["STR01"]\n', encoding="utf-8")
    status, _, err = run("check", str(SEED), cwd=tmp_path)
    assert status == 2 and "evalrules.toml" in err and "STR01" in err and "STR001" in err
    (tmp_path / "evalrules.toml").write_text('select = "BAL"\n', encoding="utf-8")
    status, _, err = run("check", str(SEED), cwd=tmp_path)
    assert status == 2 and "字符串列表" in err


def test_extend_select_and_extend_ignore_add_to_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "evalrules.toml").write_text('select = ["BAL"]\n', encoding="utf-8")
    _, out, _ = run("check", str(SEED), "--format", "json", cwd=tmp_path)
    assert {f["code"][:3] for f in json.loads(out)[0]["findings"]} == {"BAL"}
    _, out, _ = run(
        "check", str(SEED), "--format", "json", "--extend-select", "CON004", "--extend-ignore", "BAL011", cwd=tmp_path
    )
    codes = {f["code"] for f in json.loads(out)[0]["findings"]}
    assert "CON004" in codes and "BAL011" not in codes and "BAL001" in codes


@pytest.fixture
def broken_plugin(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An installed plugin whose import fails, and one whose extractor raises; both leave a mark
    when they are imported."""
    site = tmp_path / "site"
    site.mkdir()
    marker = tmp_path / "imported"
    (site / "evalrules_broken_demo.py").write_text(
        f"open({str(marker)!r}, 'a').write('broken ')\nraise ImportError('需要的库没有安装')\n", encoding="utf-8"
    )
    (site / "evalrules_raising_demo.py").write_text(
        f"open({str(marker)!r}, 'a').write('raising ')\n"
        "from evalrules import hookimpl\n"
        "@hookimpl\n"
        "def evalrules_extract(document, sections):\n"
        "    raise RuntimeError('插件自己的缺陷')\n",
        encoding="utf-8",
    )
    info = site / "evalrules_demo_plugins-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: evalrules-demo-plugins\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[evalrules]\nbroken = evalrules_broken_demo\nraising = evalrules_raising_demo\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(site)}, marker


def test_a_plugin_that_fails_to_import_is_named_and_left_out(broken_plugin: tuple[dict[str, str], Path]) -> None:
    env, marker = broken_plugin
    status, out, err = run("check", str(SEED), "--block", "raising", "--format", "json", env=env)
    assert status == 1 and json.loads(out)[0]["findings"]
    assert "插件 broken（evalrules-demo-plugins）无法加载，已跳过：ImportError: 需要的库没有安装" in err
    assert "Traceback" not in err and marker.read_text(encoding="utf-8") == "broken "


def test_a_blocked_plugin_is_never_imported_before_or_after_the_command(
    broken_plugin: tuple[dict[str, str], Path],
) -> None:
    env, marker = broken_plugin
    status, _, err = run("--block", "broken", "check", str(SEED), "--block", "raising", env=env)
    assert status == 1 and err == "" and not marker.exists()
    for args in (("--block", "scoring", "check", str(SEED)), ("check", str(SEED), "--block", "scoring")):
        _, out, _ = run(*args, "--block", "broken", "--block", "raising", "--format", "json", env=env)
        assert not {f["code"] for f in json.loads(out)[0]["findings"]} & {"SCO003", "SCO005"}


def test_an_internal_error_exits_2_with_one_line_naming_the_file(broken_plugin: tuple[dict[str, str], Path]) -> None:
    env, _ = broken_plugin
    status, out, err = run("check", str(SEED), "--block", "broken", env=env)
    assert out.strip() == "检查 1 份报告：错误 0 项，警告 0 项，1 份无法检查"
    said = [line for line in err.splitlines() if line.startswith("evalrules:")]
    assert status == 2 and len(said) == 1 and "Traceback" not in err
    assert f"{SEED}: 内部错误（RuntimeError: 插件自己的缺陷）" in said[0] and "--debug" in said[0]
    _, _, debug = run("check", str(SEED), "--block", "broken", "--debug", env=env)
    assert "Traceback" in debug and "evalrules_raising_demo.py" in debug


@pytest.mark.parametrize(("text", "message"), [("x = [\n", "TOML 语法错误"), ("", "没有任何规则")])
def test_a_broken_ruleset_is_one_line_and_exit_2(tmp_path: Path, text: str, message: str) -> None:
    ruleset = tmp_path / "rules.toml"
    ruleset.write_text(text, encoding="utf-8")
    status, out, err = run("check", str(SEED), "--ruleset", str(ruleset))
    assert status == 2 and out == "" and err.count("\n") == 1 and message in err and str(ruleset) in err
