"""Rulesets compose (extends, disable, override), the pack is chosen by the report, and project
configuration is found upward and overridden by the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import evalrules
from evalrules.cli import main
from evalrules.registry import registry
from tests.conftest import SEED


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_ruleset_extends_overrides_and_disables(tmp_path: Path) -> None:
    city = write(
        tmp_path / "city.toml",
        '[ruleset]\nname = "city"\nextends = "hunan"\ndisable = ["STR001"]\n'
        '[[override]]\nid = "BAL001"\nseverity = "warning"\n'
        '[[rule]]\nid = "CITY001"\ntype = "compare"\nleft = "assets.net"\nright = "assets.total"\n'
        'message = "净资产不应超过资产总额"\n',
    )
    ruleset = registry().ruleset(str(city))
    rules = {rule.id: rule for rule in ruleset.rules}
    assert ruleset.chain == ("hunan", "default")
    assert "STR001" not in rules and "HN010" in rules and "CITY001" in rules
    assert rules["BAL001"].severity == "warning" and rules["BAL001"].overridden == (f"{city}:5",)
    assert rules["SCO004"].overridden  # changed by hunan, kept
    findings = evalrules.check(evalrules.extract(evalrules.load(SEED)), ruleset=ruleset)
    assert {f.code: f.severity for f in findings}["BAL001"] == "warning"
    assert "STR001" not in {f.code for f in findings}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[ruleset]\nname = "x"\nextends = "default"\n[[override]]\nid = "NOPE001"\n', "不是被继承的规则"),
        ('[ruleset]\nname = "x"\nextends = "default"\ndisable = ["NOPE001"]\n', "disable 中的 'NOPE001'"),
        ('[ruleset]\nname = "x"\nextends = "default"\n[[override]]\nid = "BAL001"\npartz = 1\n', "没有参数 'partz'"),
        ('[ruleset]\nname = "x"\nextends = "default"\n[[rule]]\nid = "BAL001"\ntype = "sum"\n', "[[override]]"),
        ('[ruleset]\nname = "x"\nextends = "nowhere"\n', "没有这个规则集"),
        ('[ruleset]\nname = "x"\n[ruleset.applies]\nregion = ["湖南省"]\n', "regions、kinds、years"),
    ],
)
def test_composition_mistakes_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.toml", text)
    with pytest.raises(evalrules.ConfigError) as error:
        registry().ruleset(str(path))
    assert message in str(error.value)


def test_a_cycle_of_extends_is_an_error(tmp_path: Path) -> None:
    a = write(tmp_path / "a.toml", f'[ruleset]\nname = "a"\nextends = "{tmp_path / "b.toml"}"\n')
    write(tmp_path / "b.toml", f'[ruleset]\nname = "b"\nextends = "{a}"\n')
    with pytest.raises(evalrules.ConfigError, match="循环继承"):
        registry().ruleset(str(a))


def report_with(tmp_path: Path, title: str, body: str) -> evalrules.Report:
    path = write(tmp_path / "r.txt", f"{title}\n{body}\n")
    return evalrules.extract(evalrules.load(path))


@pytest.mark.parametrize(
    ("title", "body", "chosen"),
    [
        ("衡阳县财政局2023年部门整体支出绩效自评报告", "衡阳县财政局为政府工作部门。", "hunan"),
        ("大英县司法局2023年部门整体支出绩效自评报告", "大英县司法局为政府工作部门。", "sichuan"),
        ("衡阳县财政局2023年项目支出绩效自评报告", "衡阳县财政局为政府工作部门。", "project"),
        ("绥阳县财政局2023年部门整体支出绩效自评报告", "绥阳县财政局为政府工作部门。", "default"),
    ],
)
def test_the_most_specific_pack_is_chosen(tmp_path: Path, title: str, body: str, chosen: str) -> None:
    assert registry().choose(report_with(tmp_path, title, body)).name == chosen


def test_check_says_which_pack_it_applied_and_finds_all_thirteen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{SEED}: 规则集 hunan（湖南省部门整体支出绩效自评）"
    s13 = next(line for line in out.splitlines() if "SCO005" in line)
    assert "应得 9.96分，报告为 9.98分" in s13


def test_project_configuration_is_found_upward_and_the_command_line_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "pyproject.toml", '[tool.evalrules]\nruleset = "default"\nselect = ["BAL"]\n')
    inner = tmp_path / "reports" / "2023"
    inner.mkdir(parents=True)
    cwd = Path.cwd()
    os.chdir(inner)
    try:
        main(["check", str(SEED)])
        out = capsys.readouterr().out
        assert "规则集 default" in out and "BAL001" in out and "CON004" not in out
        main(["check", str(SEED), "--select", "CON", "--ruleset", "hunan"])
        out = capsys.readouterr().out
        assert "规则集 hunan" in out and "CON004" in out and "BAL001" not in out
        write(tmp_path / "reports" / "evalrules.toml", 'rulset = "default"\n')
        assert main(["check", str(SEED)]) == 2
        assert "未知的配置项 'rulset'" in capsys.readouterr().err
    finally:
        os.chdir(cwd)


def test_rules_shows_the_resolved_rules_and_where_each_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "--ruleset", "hunan"])
    out = capsys.readouterr().out
    sco4 = next(line for line in out.splitlines() if line.startswith("SCO004"))
    assert "rules/default.toml:" in sco4 and "rules/hunan.toml:" in sco4 and "修改" in sco4
    assert any(line.startswith("BAL001") for line in out.splitlines())
    assert any(line.startswith("HN010") for line in out.splitlines())


def test_blocking_a_pack_removes_its_rules_and_the_baseline_applies(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED), "--block", "hunan"])
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{SEED}: 规则集 default（全国基线）"
    main(["plugins", "--block", "hunan"])
    assert "hunan  (" not in capsys.readouterr().out
