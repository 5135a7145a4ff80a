"""Linear time on any text: each pathological family once found (cubic, quadratic) is generated
at 1×, 2×, 4× and 8× its size, and the work must grow at most linearly.

Times are compared with each other, never with a fixed number: the growth exponent between
2× and 8× (the best of three runs each) must stay well below 2, the quadratic that these
inputs once showed (and far below the cubic of the first).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from evalrules.batch import Options, check_file


def _json(facts: list[dict[str, object]]) -> tuple[str, bytes]:
    return ".json", json.dumps({"facts": facts}, ensure_ascii=False).encode()


FAMILIES: dict[str, Callable[[int], str | tuple[str, bytes]]] = {
    "leading spaces before 合计 | 100": lambda n: " " * (400 * n) + "合计 | 100\n",
    "a run-on indicator header and a digit run": lambda n: "得分系数指标权重指标得分是否核心指标" + "1" * (1000 * n),
    "执行率(%)…76% and a digit run": lambda n: "执行率(%)执行率权重执行率得分(分)76%" + "7" * (1000 * n),
    "a run-on money header and a digit run": lambda n: (
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额:" + "2" * (1000 * n)
    ),
    "a long label before 分别为": lambda n: "资产" * (1000 * n) + "分别为100万元、200万元。\n",
    "占…，5%": lambda n: "占" + "资金" * (2000 * n) + "，5%。\n",
    "many figures in one paragraph": lambda n: (
        "本年支出" + "，".join(f"项目{i}支出{i}.5万元" for i in range(300 * n)) + "。\n"
    ),
    "a count and a long list of names": lambda n: "设9个内设机构，分别为：" + "办公室、" * (500 * n) + "项目股。\n",
    "numbered items in one paragraph": lambda n: "".join(f"{i % 9 + 1}.完成第{i}项。" for i in range(500 * n)) + "\n",
    "a field name and many empty cells": lambda n: "单位 " + "| " * (1000 * n) + "\n",
    "a space-separated table header": lambda n: "项目 年初预算数 全年预算数 全年执行数" + " 分值" * (500 * n) + "\n",
    "indicator headings": lambda n: "".join(
        f"（{'一二三'[i % 3]}）产出指标{i}（10分）\n1.数量指标{i}，得分10分。\n" for i in range(100 * n)
    ),
    "Report JSON with many indicators": lambda n: _json(
        [
            {"concept": f"evaluation.indicator.产出{i // 50}.数量{i}:{m}", "value": "5", "unit": "分", "line": i + 1}
            for i in range(250 * n)
            for m in ("weight", "score")
        ]
    ),
    "Report JSON with many facts": lambda n: _json(
        [{"concept": "final.expense", "value": f"{i}.5", "unit": "万元", "line": i + 1} for i in range(400 * n)]
    ),
    "GB18030 text": lambda n: (
        ".txt",
        ("一、基本情况\n" + "本部门资产总额100万元，负债总额9万元。\n" * (150 * n)).encode("gb18030"),
    ),
}


def _seconds(path: Path, content: str | tuple[str, bytes]) -> float:
    if isinstance(content, tuple):
        path = path.with_suffix(content[0])
        path.write_bytes(content[1])
    else:
        path.write_text(content, encoding="utf-8")
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        result = check_file(str(path), Options(budget=None))
        best = min(best, time.perf_counter() - start)
        assert result.traceback is None, result.error
    return best


@pytest.mark.parametrize("family", FAMILIES)
def test_work_grows_at_most_linearly(tmp_path: Path, family: str) -> None:
    make = FAMILIES[family]
    _seconds(tmp_path / "warm.txt", make(1))
    times = {n: _seconds(tmp_path / f"x{n}.txt", make(n)) for n in (1, 2, 4, 8)}
    floor = 0.002  # below this a run is all fixed cost; a growth measured on it means nothing
    exponent = math.log(max(times[8], floor) / max(times[2], floor)) / math.log(4)
    assert exponent < 1.5, {n: round(t, 4) for n, t in times.items()}
