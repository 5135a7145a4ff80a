"""Text in every encoding reviewers receive reads the same."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import evalrules
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_every_encoding_gives_the_same_facts(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(bom + text.encode(encoding))
    expected = evalrules.extract(evalrules.load(SEED)).facts
    assert evalrules.extract(evalrules.load(path)).facts == expected


def test_crlf_line_ends_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    facts = evalrules.extract(evalrules.load(path)).facts
    assert [(f.concept, f.line, f.span.column) for f in facts] == [
        (f.concept, f.line, f.span.column) for f in evalrules.extract(evalrules.load(SEED)).facts
    ]


def test_the_loader_never_writes_to_the_input(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SEED.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    evalrules.check(evalrules.extract(evalrules.load(path)))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_a_missing_file_or_a_folder_is_an_input_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(evalrules.InputError) as error:
        evalrules.load(tmp_path / name)
    assert str(tmp_path) in str(error.value)
