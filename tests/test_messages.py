"""Messages a reviewer can read, as the command line prints them: a relation that holds does not
use the words of a failure, one slip is said once, one minus sign, a percentage at the precision
that decides it, one unit for a sum, Chinese severity words, a title without cell separators."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED


def _check(path: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "evalrules", "check", str(path), *args], capture_output=True, text=True
    ).stdout


def test_relations_that_hold_do_not_read_as_failures() -> None:
    passed = [line for line in _check(SEED, "--show-passed", "-q").splitlines() if " 通过 " in line]
    assert passed
    contradicting = ("，超过合计", " 不足 ", "不一致", "，而 ")
    assert not [line for line in passed if any(words in line for words in contradicting)], passed
    assert any("与所写" in line and "相符" in line for line in passed)
    assert any("不超过合计" in line for line in passed) and any("不小于" in line for line in passed)


def test_a_slip_either_figure_may_have_made_is_said_once() -> None:
    out = _check(SEED, "--select", "BAL007,CON003")
    diagnoses = [line.strip() for line in out.splitlines() if line.strip().startswith("诊断：")]
    assert "诊断：0.25万元 与 2.5万元 其一疑似小数点错位" in diagnoses
    assert len(diagnoses) == len(set(diagnoses)) == 2


def test_a_rate_cut_instead_of_rounded_is_said_to_be_cut(tmp_path: Path) -> None:
    """5625.51 / 30005.94 = 18.75% written 18%: a truncation, not the digits of 5625.51 swapped."""
    path = tmp_path / "r.txt"
    path.write_text("政府采购工程类采购计划金额30005.94万元，节约资金5625.51万元，节约率为18%。\n", encoding="utf-8")
    out = _check(path, "--select", "EXE016")
    assert "EXE016 错误" in out
    diagnoses = [line.strip() for line in out.splitlines() if line.strip().startswith("诊断：")]
    assert diagnoses == ["诊断：18% 疑为截尾而非四舍五入：所列数字算得的值四舍五入应为 19%"]


def test_one_minus_sign_and_the_precision_that_decides(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "2023年“三公”经费支出5.21万元，较上年减少0.1万元，下降0.6%。\n"
        "基本支出100.28万元，占本年支出的1.6%，本年支出6486.6万元。\n",
        encoding="utf-8",
    )
    out = _check(path, "--select", "EXE")
    assert "− -" not in out and "5.21万元 + 0.1万元" in out
    assert "= 1.546%" in out and "1.55%" not in out  # 1.55% would read as rounding to the written 1.6%


def test_a_sum_is_shown_in_the_unit_of_its_parts() -> None:
    out = _check(SEED, "--select", "BAL008")
    assert "已列分项 0万元 + 0万元 + 0.25万元 = 0.25万元，超过合计 0.25元" in out


def test_severity_words_are_chinese_in_text_and_codes_stay_in_json() -> None:
    text = _check(SEED)
    assert " BAL001 错误 " in text and " STR001 警告 " in text and " error " not in text
    (data,) = json.loads(_check(SEED, "--format", "json"))
    assert {f["severity"] for f in data["findings"]} == {"error", "warning"}


def test_a_title_row_is_named_without_its_cell_separators(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("部门整体支出绩效自评表 | |||\n| 项目 | 金额 |\n| 资产总额 | 100 |\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "evalrules", "extract", str(path), "--format", "json"], capture_output=True, text=True
    ).stdout
    assert json.loads(out)["title"] == "部门整体支出绩效自评表"
