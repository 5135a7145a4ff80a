"""The fuzz harness: real reports, Report JSON and rulesets mutated by hypothesis, and the
only exceptions that may escape are the library's own errors (one clear message each).

The default profile runs a short pass in the suite; ``HYPOTHESIS_PROFILE=nightly`` a long one.
A mutation that ever crashes goes to ``tests/regressions/`` (see its README).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from evalrules.batch import Options, check_file
from evalrules.check.engine import evaluate
from evalrules.errors import ConfigError
from evalrules.extract import extract_report
from evalrules.format.records import render_json
from evalrules.format.text import render_text
from evalrules.load import load_document
from evalrules.registry import DEFAULT_RULESET, registry
from evalrules.testing.render import render
from evalrules.testing.strategies import consistent_reports
from tests.conftest import SEED, SHARED, examples

CORPUS = sorted((SHARED / "corpus" / "dev").glob("*.txt"))[:40] if (SHARED / "corpus").is_dir() else []
TEXTS = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in CORPUS)]

# What real copies of reports hold and parsers trip on: figures, units, cell separators,
# heading numbers, breakdown words, width and script variants, controls, long runs.
PIECES = st.sampled_from(
    [
        "0",
        "9",
        "12.5",
        "100%",
        "１２３",
        "．",
        "万元",
        "元",
        "亿元",
        "分",
        "%",
        "％",
        "|",
        " | ",
        "\t",
        "\n",
        "\n\n",
        "一、",
        "（二）",
        "五一、",
        "1.",
        "(3)",
        "其中：",
        "合计",
        "年度资金总额",
        "全年预算数",
        "执行率",
        "得分",
        "分值",
        "一级指标",
        "分别为",
        "占",
        "较上年",
        "增加",
        "减少",
        "2023年",
        "萬元",
        "\x00",
        "\x1b[31m",
        "\u200b",
        "\ufeff",
        "…" * 50,
        "." * 200,
        " " * 300,
        "1" * 300,
        "是",
        "否",
        "：",
        "，",
        "。",
    ]
)
MUTATION = st.tuples(st.sampled_from(["insert", "delete", "repeat"]), st.floats(0, 1), st.integers(1, 400), PIECES)


def _mutated(text: str, mutations: list[tuple[str, float, int, str]]) -> str:
    for kind, where, size, piece in mutations:
        at = int(where * len(text))
        if kind == "insert":
            text = text[:at] + piece * (1 + size % 3) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + size :]
        else:
            text = text[:at] + text[at : at + size] * 3 + text[at:]
    return text


def _checked(path: Path) -> None:
    """Check ``path`` as the command line does: a result or one of our errors, never an internal
    error (the guard turns any other exception into one, with its traceback), and it renders."""
    result = check_file(str(path), Options(show_passed=True, show_info=True, budget=None))
    assert result.traceback is None, result.traceback
    render_text([result])
    render_json([result])


@examples(25)
@given(source=st.sampled_from(range(len(TEXTS))), mutations=st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_reports_give_results_or_our_errors(tmp_path_factory: Any, source: int, mutations: list) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "report.txt"
    path.write_text(_mutated(TEXTS[source], mutations), encoding="utf-8")
    _checked(path)


@examples(10)
@given(report=consistent_reports(), style=st.sampled_from(["prose", "table", "form", "mixed"]), data=st.data())
def test_mutated_rendered_reports_give_results_or_our_errors(
    tmp_path_factory: Any, report: Any, style: str, data: st.DataObject
) -> None:
    text = render(report, style=style).text
    mutations = data.draw(st.lists(MUTATION, max_size=4))
    path = tmp_path_factory.mktemp("fuzz") / "report.txt"
    path.write_text(_mutated(text, mutations), encoding="utf-8")
    _checked(path)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["1e999999", "sNaN", "NaN", "-0", "7.54", "²", "evaluation.indicator.a..b:score"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _seed_json() -> dict[str, Any]:
    reg = registry()
    from evalrules.format.report import report_json

    data: dict[str, Any] = report_json(extract_report(load_document(SEED, reg.pm), reg.pm))
    return data


SEED_JSON = _seed_json()


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data`` a value can be replaced."""
    places = [prefix] if prefix else []
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, child in children:
        places.extend(_paths(child, (*prefix, key)))
    return places


JSON_PLACES = [p for p in _paths(SEED_JSON) if p[0] in ("facts", "sections", "year", "title", "kind", "entity_facts")]


@examples(40)
@given(place=st.sampled_from(JSON_PLACES), value=JSON_VALUES)
def test_mutated_report_json_is_read_or_refused_with_one_error(tmp_path_factory: Any, place: tuple, value: Any) -> None:
    data = json.loads(json.dumps(SEED_JSON))
    target = data
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    path = tmp_path_factory.mktemp("fuzz") / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _checked(path)


RULESET = tomllib.loads(registry().ruleset_paths[DEFAULT_RULESET].read_text(encoding="utf-8"))
TOML_VALUES = st.recursive(
    st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["BAL001", "assets.total", "sum", "优", "error", "info", "default"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    max_leaves=6,
)
RULE_KEYS = sorted({key for rule in RULESET["rule"] for key in rule} | {"type", "extends", "disable", "bands"})


@examples(40)
@given(
    index=st.integers(0, len(RULESET["rule"]) - 1),
    key=st.sampled_from(RULE_KEYS),
    value=TOML_VALUES,
    head=st.booleans(),
)
def test_mutated_rulesets_load_or_are_refused_with_one_error(
    tmp_path_factory: Any, index: int, key: str, value: Any, head: bool
) -> None:
    data = json.loads(json.dumps(RULESET, default=str))
    (data["ruleset"] if head and key in ("extends", "disable") else data["rule"][index])[key] = value
    path = tmp_path_factory.mktemp("fuzz") / "rules.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    reg = registry()
    try:
        ruleset = reg.ruleset(str(path))
    except ConfigError as exc:
        assert str(exc).startswith(str(path)) or "规则集" in str(exc)
        return
    report = extract_report(load_document(SEED, reg.pm), reg.pm)
    list(evaluate(report, ruleset, reg.rule_types))  # a ruleset that loads runs
