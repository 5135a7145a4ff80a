"""A ruleset with a mistake is one error naming the file and the line; a good one loads."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from evalrules.cli import main
from evalrules.registry import registry
from tests.conftest import SEED

GOOD_RULE = """
[[rule]]
id = "BAL001"
type = "sum"
total = "assets.total"
parts = ["assets.liabilities", "assets.net"]
message = "资产总额应等于负债总额与净资产之和"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text('[ruleset]\nname = "mine"\n' + text, encoding="utf-8")
    return path


def test_a_ruleset_given_by_path_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE)
    findings = evalrules.check(evalrules.extract(evalrules.load(SEED)), ruleset=str(path))
    assert [f.code for f in findings] == ["BAL001"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD_RULE.replace('type = "sum"', 'type = "sum'), 6, "TOML 语法错误"),
        (GOOD_RULE.replace('"sum"', '"summ"'), 6, "未知的规则类型 'summ'"),
        (GOOD_RULE.replace('"assets.net"', '"assets.nett"'), 8, "未知的概念 'assets.nett'"),
        (GOOD_RULE.replace('total = "assets.total"\n', ""), 4, "缺少参数 'total'"),
        (GOOD_RULE.replace("parts =", "partz ="), 8, "没有参数 'partz'"),
        (GOOD_RULE.replace('message = "', 'severity = "fatal"\nmessage = "'), 9, "severity 应为"),
        (GOOD_RULE + GOOD_RULE, 12, "规则 id BAL001 重复（第 4 行已定义）"),
        (GOOD_RULE.replace('"BAL001"', '"bal-1"'), 5, "规则 id 应为"),
        (
            GOOD_RULE.replace('["assets.liabilities", "assets.net"]', '"assets.net"'),
            8,
            "参数 'parts' 应为 概念 id",
        ),
    ],
)
def test_each_mistake_names_the_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(evalrules.ConfigError) as error:
        registry().ruleset(str(path))
    assert error.value.path == str(path)
    assert error.value.line == line, str(error.value)
    assert message in error.value.message


def test_the_command_line_exits_2_on_a_bad_ruleset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD_RULE.replace('"sum"', '"summ"'))
    assert main(["check", str(SEED), "--ruleset", str(path)]) == 2
    assert f"{path}:6: 未知的规则类型" in capsys.readouterr().err


def test_an_unknown_ruleset_name_lists_the_installed_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--ruleset", "nowhere"]) == 2
    assert "default" in capsys.readouterr().err


def test_a_misspelt_extends_names_the_ruleset_that_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "city.toml"
    path.write_text('[ruleset]\nname = "city"\nextends = "defualt"\n', encoding="utf-8")
    with pytest.raises(evalrules.ConfigError) as error:
        registry().ruleset(str(path))
    assert error.value.path == str(path)
    assert "extends = 'defualt'" in error.value.message and "default" in error.value.message


def test_an_error_in_the_ruleset_extended_names_that_file(tmp_path: Path) -> None:
    broken = tmp_path / "province.toml"
    broken.write_text("[ruleset\n", encoding="utf-8")
    path = tmp_path / "city.toml"
    path.write_text(f'[ruleset]\nname = "city"\nextends = "{broken}"\n', encoding="utf-8")
    with pytest.raises(evalrules.ConfigError) as error:
        registry().ruleset(str(path))
    assert (error.value.path, error.value.line) == (str(broken), 1)
