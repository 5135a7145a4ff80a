"""Every hook is documented, and a plugin implementing it is used for what it provides."""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from evalrules import (
    ConfigError,
    Document,
    Fact,
    FileResult,
    Outcome,
    OutputFormat,
    Param,
    Report,
    Rule,
    RuleType,
    Section,
    Span,
    hookimpl,
    hookspecs,
)
from evalrules.check.engine import evaluate
from evalrules.extract import extract_report
from evalrules.load import load_document
from evalrules.load.text import blocks_of
from evalrules.plugin import new_manager
from evalrules.registry import Registry

HOOKS = [name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("evalrules_")]


def test_every_hook_has_a_one_line_docstring() -> None:
    assert HOOKS
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name))
        assert doc and "\n" not in doc.strip(), name


class DemoPlugin:
    """A third-party plugin implementing every hook."""

    def __init__(self, ruleset: Path, vocabulary: Path) -> None:
        self.ruleset = ruleset
        self.vocabulary = vocabulary

    @hookimpl
    def evalrules_load(self, path: Path) -> Document | None:
        if path.suffix != ".demo":
            return None
        return Document(str(path), blocks_of(path.read_text(encoding="utf-8")), "demo")

    @hookimpl
    def evalrules_suffixes(self) -> Sequence[str]:
        return [".demo"]

    @hookimpl
    def evalrules_extract(self, document: Document, sections: Sequence[Section]) -> Sequence[Fact]:
        if document.format != "demo":
            return []
        return [
            Fact("demo.figure", Decimal(line.text.count("x")), Span(line.number, 1, line.text))
            for line in document.lines()
        ]

    @hookimpl
    def evalrules_vocabulary(self) -> Sequence[Path]:
        return [self.vocabulary]

    @hookimpl
    def evalrules_concepts(self) -> Mapping[str, str]:
        return {"demo.figure": "每行 x 的个数", "demo.fund": "演示专项资金"}

    @hookimpl
    def evalrules_rule_types(self) -> Sequence[RuleType]:
        def positive(rule: Rule, report: Report) -> list[Outcome]:
            return [Outcome(f.number > 0, (f,), f"{f.number}") for f in report.all(rule["concept"])]

        return [RuleType("positive", "figure > 0", {"concept": Param("concept")}, positive)]

    @hookimpl
    def evalrules_rulesets(self) -> Sequence[Path]:
        return [self.ruleset]

    @hookimpl
    def evalrules_formats(self) -> Sequence[OutputFormat]:
        return [OutputFormat("count", lambda results: str(sum(len(r.findings) for r in results)))]


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    ruleset = tmp_path / "demo.toml"
    ruleset.write_text(
        '[ruleset]\nname = "demo"\n[[rule]]\nid = "DEM001"\ntype = "positive"\nconcept = "demo.figure"\n'
        'message = "每行应有 x"\n',
        encoding="utf-8",
    )
    vocabulary = tmp_path / "demo-lexicon.toml"
    vocabulary.write_text(
        '[[term]]\nconcept = "demo.fund"\nlabels = ["演示专项资金"]\nunit = "money"\n', encoding="utf-8"
    )
    pm = new_manager()
    pm.register(DemoPlugin(ruleset, vocabulary), name="demo")
    return Registry(pm)


def test_a_plugin_provides_every_hook(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "report.demo"
    path.write_text("xx\nno\nx\n", encoding="utf-8")
    assert ".demo" in registry.suffixes  # evalrules_suffixes
    document = load_document(path, registry.pm)  # evalrules_load
    assert document.format == "demo"
    report = extract_report(document, registry.pm)  # evalrules_extract
    assert [(f.line, f.number) for f in report.all("demo.figure")] == [(1, 2), (2, 0), (3, 1)]
    assert "demo.figure" in registry.concepts  # evalrules_concepts
    prose = tmp_path / "report.txt"
    prose.write_text("2023年演示专项资金12.5万元。\n", encoding="utf-8")
    read = extract_report(load_document(prose, registry.pm), registry.pm)  # evalrules_vocabulary
    assert [(f.line, f.number, f.unit) for f in read.all("demo.fund")] == [(1, Decimal("12.5"), "万元")]
    ruleset = registry.ruleset("demo")  # evalrules_rulesets, evalrules_rule_types
    results = list(evaluate(report, ruleset, registry.rule_types))
    failed = [r for r in results if not r.outcome.ok]
    assert [r.outcome.facts[0].line for r in failed] == [2]
    output = registry.formats["count"]  # evalrules_formats
    assert output.render([FileResult(str(path), (failed[0].finding(str(path)),))]) == "1"


def test_the_demo_hooks_cover_every_spec() -> None:
    implemented = {name for name in dir(DemoPlugin) if name.startswith("evalrules_")}
    assert implemented == set(HOOKS)


def test_a_vocabulary_that_is_not_one_is_named(registry: Registry, tmp_path: Path) -> None:
    vocabulary = tmp_path / "demo-lexicon.toml"
    vocabulary.write_text('[[term]]\nconcept = "demo.fund"\nlabels = ["演示专项资金"\n', encoding="utf-8")
    prose = tmp_path / "report.txt"
    prose.write_text("2023年演示专项资金12.5万元。\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"demo-lexicon\.toml: not a vocabulary"):
        extract_report(load_document(prose, registry.pm), registry.pm)


def _read_with(tmp_path: Path, vocabulary: str, text: str) -> Report:
    """``text`` read by a plugin manager with the demo plugin giving ``vocabulary`` (a new one:
    a manager's vocabulary is read once)."""
    (tmp_path / "demo-lexicon.toml").write_text(vocabulary, encoding="utf-8")
    prose = tmp_path / "report.txt"
    prose.write_text(text, encoding="utf-8")
    pm = new_manager()
    pm.register(DemoPlugin(tmp_path / "demo.toml", tmp_path / "demo-lexicon.toml"), name="demo")
    return extract_report(load_document(prose, pm), pm)


def test_a_pack_adds_words_to_a_kind_of_the_grammar(tmp_path: Path) -> None:
    """A province that writes 缩减 for a decrease says so in its vocabulary, not in Python."""
    text = "2023年部门支出100万元，较上年缩减5万元，同比缩减4.76%。\n"
    plain = _read_with(tmp_path, "", text)
    assert not plain.all("final.expense:yoy_change")
    read = _read_with(tmp_path, '[words]\ndecrease = ["缩减"]\n', text)
    assert [(f.line, f.number) for f in read.all("final.expense:yoy_change")] == [(1, Decimal(-5))]
    assert [f.number for f in read.all("final.expense:yoy_pct")] == [Decimal("-4.76")]
    assert [f.number for f in read.all("final.expense")] == [Decimal(100)]  # the built-in words still hold


def test_a_pack_adds_what_may_stand_between_a_label_and_its_figure(tmp_path: Path) -> None:
    text = "2023年部门支出大约100万元。\n"
    assert not _read_with(tmp_path, "", text).all("final.expense")
    read = _read_with(tmp_path, '[words]\nfiller = ["大约"]\n', text)
    assert [(f.line, f.number) for f in read.all("final.expense")] == [(1, Decimal(100))]


@pytest.mark.parametrize(
    ("vocabulary", "problem"),
    [('[words]\ndecrese = ["缩减"]\n', "decrese"), ('[words]\ndecrease = "缩减"\n', "list of words")],
)
def test_a_word_kind_with_a_typo_is_named(tmp_path: Path, vocabulary: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=rf"demo-lexicon\.toml: not a vocabulary.*{problem}"):
        _read_with(tmp_path, vocabulary, "2023年部门支出100万元。\n")
