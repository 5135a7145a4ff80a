"""Real report excerpts from many provinces: the pipeline reads and checks every one without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

import evalrules
from tests.conftest import SHARED

CORPUS = sorted((SHARED / "corpus" / "dev").glob("*.txt")) if (SHARED / "corpus" / "dev").is_dir() else []


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus/dev is not beside this checkout")
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_file_is_read_and_checked(path: Path) -> None:
    report = evalrules.extract(evalrules.load(path))
    document = report.document
    assert document is not None
    for fact in report.facts:
        assert document.line_text(fact.line)[fact.span.column - 1 :].startswith(fact.span.text), fact
    for finding in evalrules.check(report):
        assert finding.locations and finding.message
