"""No input crashes it, hangs it or misleads it: every case once found is kept here.

Each bad input gets one clear error naming the file (exit 2), or a plain result; never an
internal error, never a traceback, and never a write to the input.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from evalrules.batch import Options, check_file
from evalrules.cli import main
from evalrules.errors import ConfigError
from evalrules.registry import registry
from tests.conftest import SEED

REGRESSIONS = sorted((Path(__file__).parent / "regressions").glob("*.txt"))
EVALRULES = [sys.executable, "-m", "evalrules"]


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_each_input_that_once_crashed_now_gets_a_result(path: Path) -> None:
    before = path.read_bytes()
    result = check_file(str(path))
    assert result.traceback is None, result.error
    assert path.read_bytes() == before


def test_two_numerals_are_no_heading() -> None:
    report = check_file(str(Path(__file__).parent / "regressions" / "heading-two-numerals.txt"))
    assert report.error is None and not report.findings


def test_a_percentage_in_a_money_column_is_not_its_budget() -> None:
    result = check_file(str(Path(__file__).parent / "regressions" / "percent-in-money-column.txt"))
    assert not [f for f in result.findings if "12033" in f.message], result.findings


def test_terminal_escapes_of_a_report_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).parent / "regressions" / "ansi-escapes.txt"
    main(["check", str(path), "--show-passed"])
    main(["extract", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out  # shown, escaped


def _docx_with(path: Path, body: bytes | None = None, extra: bytes = b"") -> Path:
    """A .docx whose document.xml is ``body`` (or the real one with ``extra`` text)."""
    plain = path.with_name("plain.docx")
    document = docx.Document()
    document.add_paragraph("资产总额100万元。TEXT")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = body if body is not None else data.replace(b"TEXT", extra)
            target.writestr(name, data)
    return path


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("malformed", "XML 已损坏"),
        ("entity bomb", "XML 已损坏"),
        ("10 MB text node", "XML 已损坏"),
        ("expands to 300 MB", "解压后过大"),
    ],
)
def test_a_hostile_docx_is_one_clear_error(tmp_path: Path, kind: str, message: str) -> None:
    path = tmp_path / "report.docx"
    if kind == "malformed":
        _docx_with(path, body=b"<w:document><w:body><w:p>")
    elif kind == "entity bomb":
        _docx_with(path, body=BOMB)
    elif kind == "10 MB text node":
        _docx_with(path, extra=b"x" * (11 * 1024 * 1024))
    else:
        _docx_with(path, extra=b" " * (300 * 1024 * 1024))
    result = check_file(str(path))
    assert result.traceback is None and result.error and message in result.error, result.error
    assert result.error.startswith(str(path))


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = subprocess.run([*EVALRULES, "extract", str(SEED), "--format", "json"], capture_output=True, text=True)
    return json.loads(out.stdout)


def _mutated(data: dict, change: str) -> str:
    copy = json.loads(json.dumps(data))
    figure = next(i for i, f in enumerate(copy["facts"]) if f["decimals"] is not None)
    if change == "concept: 5":
        copy["facts"][0]["concept"] = 5
    elif change == 'column: "abc"':
        copy["facts"][figure]["column"] = "abc"
    elif change in ("1e999999", "sNaN", "NaN"):
        copy["facts"][figure]["value"] = change
    elif change == "own parent":
        copy["sections"][2]["parent"] = 2
    elif change == "missing parent":
        copy["sections"][2]["parent"] = 10_000
    elif change == 'year: "²"':
        copy["year"] = "²"
    elif change == "line: Infinity":
        return json.dumps(copy).replace('"line": 4,', '"line": Infinity,', 1)
    elif change == "100 000 deep":
        return '{"facts": ' + "[" * 100_000 + "]" * 100_000 + "}"
    return json.dumps(copy, ensure_ascii=False)


@pytest.mark.parametrize(
    "change",
    [
        "concept: 5",
        'column: "abc"',
        "1e999999",
        "sNaN",
        "NaN",
        "own parent",
        "missing parent",
        'year: "²"',
        "line: Infinity",
        "100 000 deep",
    ],
)
def test_report_json_of_the_wrong_shape_is_one_error_naming_the_place(
    tmp_path: Path, seed_json: dict, change: str
) -> None:
    path = tmp_path / "report.json"
    path.write_text(_mutated(seed_json, change), encoding="utf-8")
    result = check_file(str(path), Options(budget=10))
    assert result.traceback is None and result.error, (change, result)
    assert result.error.startswith(f"{path}"), result.error


def test_report_json_as_extract_writes_it_is_read_back(tmp_path: Path, seed_json: dict) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(seed_json, ensure_ascii=False), encoding="utf-8")
    from_json = check_file(str(path))
    from_text = check_file(str(SEED))
    assert from_json.error is None
    assert {f.code for f in from_json.findings} == {f.code for f in from_text.findings}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = [\n", "TOML 语法错误"),
        ("", "没有任何规则"),
        ('[ruleset]\nname = "a"\nextends = 5\n', "extends 应为"),
        ("rule = [1, 2]\n", "[[rule]] 表数组"),
        ('[ruleset]\nname = "a"\nextends = "default"\ndisable = "BAL001"\n', "disable 应为规则 id 的列表"),
        ('[ruleset]\nname = "a"\nextends = "default"\ndisable = 5\n', "disable 应为规则 id 的列表"),
        ('BANDS = ["优"]', "应为 表：名称 = 数"),
        ('BANDS = { "优" = "ninety" }', "应为 表：名称 = 数"),
        ("FULL = nan", "有限的数"),
        ('FULL = "100"', "有限的数"),
    ],
)
def test_a_ruleset_value_of_the_wrong_type_is_one_error_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    if text.startswith("BANDS"):
        text = (
            '[ruleset]\nname = "g"\n[[rule]]\nid = "GRD001"\ntype = "grade"\nscore = "evaluation.total_score"\n'
            f'grade = "evaluation.grade"\n{text.replace("BANDS", "bands")}\nmessage = "等级不符"\n'
        )
    elif text.startswith("FULL"):
        text = (
            '[ruleset]\nname = "w"\n[[rule]]\nid = "SCO009"\ntype = "weights_sum"\n'
            f'{text.replace("FULL", "full_marks")}\nmessage = "权重不符"\n'
        )
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        registry().ruleset(str(path))
    assert str(caught.value).startswith(str(path))


def test_extends_is_read_from_the_folder_of_the_ruleset_that_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "base.toml").write_text('[ruleset]\nname = "base"\nextends = "default"\n', encoding="utf-8")
    child = tmp_path / "packs" / "child.toml"
    child.write_text('[ruleset]\nname = "child"\nextends = "../base.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "packs")
    assert registry().ruleset(str(child)).chain[:2] == ("base", "default")
    monkeypatch.chdir(SEED.parent)
    assert registry().ruleset(str(child)).chain[:2] == ("base", "default")


def test_an_edited_ruleset_is_read_again_and_a_relative_name_is_resolved_where_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, message in (("a", "甲"), ("b", "乙")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.toml").write_text(
            f'[ruleset]\nname = "{name}"\nextends = "default"\n[[override]]\nid = "BAL001"\nmessage = "{message}"\n',
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path / "a")
    assert registry().ruleset("r.toml").name == "a"
    monkeypatch.chdir(tmp_path / "b")
    assert registry().ruleset("r.toml").name == "b"
    path = tmp_path / "b" / "r.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("乙", "丙"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    rule = next(r for r in registry().ruleset("r.toml").rules if r.id == "BAL001")
    assert rule.message == "丙"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_given_as_ruleset_or_report_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [*EVALRULES, "check", str(SEED), "--ruleset", str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and "不是普通文件" in proc.stderr
    report = tmp_path / "report.txt"
    os.mkfifo(report)
    assert "不是普通文件" in (check_file(str(report)).error or "")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("utf-32", None),
        ("utf-32-le", None),
        ("nul after 8 KB", "NUL"),
        ("symlink loop", "符号链接循环"),
    ],
)
def test_misleading_files_get_the_right_answer(tmp_path: Path, make: str, message: str | None) -> None:
    path = tmp_path / "report.txt"
    text = "资产总额100万元，负债总额9万元，净资产总额2万元。\n"
    if make.startswith("utf-32"):
        path.write_bytes(text.encode(make))
    elif make == "nul after 8 KB":
        path.write_bytes(("正文。" * 3000 + "\n").encode() + b"\x00" + text.encode())
    else:
        path.unlink(missing_ok=True)
        (tmp_path / "other.txt").symlink_to(path)
        path.symlink_to(tmp_path / "other.txt")
    result = check_file(str(path))
    if message is None:
        assert result.error is None and [f.code for f in result.findings] == ["BAL001"]
    else:
        assert result.error and message in result.error


def test_a_corrupt_pdf_is_an_error_not_a_pass(tmp_path: Path) -> None:
    from tests.documents import write_pdf

    path = write_pdf(tmp_path / "report.pdf", ["资产总额100万元，负债总额9万元，净资产总额2万元。"])
    data = path.read_bytes()
    start = data.index(b"stream") + len(b"stream\n")
    end = data.index(b"endstream", start)
    path.write_bytes(data[:start] + bytes(b ^ 0x5A for b in data[start:end]) + data[end:])
    result = check_file(str(path))
    assert result.traceback is None and result.error and str(path) in result.error


def test_a_batch_with_every_third_file_broken_names_each_and_gives_valid_json_for_all(tmp_path: Path) -> None:
    files = []
    for index in range(20):
        path = tmp_path / f"{index:02}.txt"
        if index % 3 == 0:
            kind = index // 3 % 3
            if kind == 0:
                path.write_bytes(b"")
            elif kind == 1:
                path.write_bytes(b"\x80\x80\xff\xfe\xfd" * 10)
            else:
                path = tmp_path / f"{index:02}.json"
                path.write_text('{"facts": [{"concept": 5, "value": "1", "line": 1}]}', encoding="utf-8")
        else:
            path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.run([*EVALRULES, "check", *files, "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert [d["file"] for d in data] == files
    broken = [d["file"] for d in data if "error" in d]
    assert broken == files[::3]
    assert all(f"{name}: " in proc.stderr for name in broken)
    assert all(d["findings"] for d in data if "error" not in d)


def test_an_internal_error_is_that_files_error_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import evalrules.batch

    real = evalrules.batch.extract_report

    def failing(document, pm):  # type: ignore[no-untyped-def]
        if document.path.endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(document, pm)

    monkeypatch.setattr(evalrules.batch, "extract_report", failing)
    bad = tmp_path / "bad.txt"
    bad.write_text("资产总额100万元。", encoding="utf-8")
    status = main(["check", str(bad), str(SEED), "--format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 2
    first, second = json.loads(out)
    assert "内部错误" in first["error"] and second["findings"]
    (said,) = [line for line in err.splitlines() if line.startswith("evalrules:")]
    assert f"{bad}: 内部错误（RuntimeError: boom）" in said and "--debug" in said and "Traceback" not in err
    main(["check", str(bad), "--debug", "--jobs", "1"])
    assert "Traceback" in capsys.readouterr().err


def test_a_runaway_file_is_stopped_by_its_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import evalrules.batch

    monkeypatch.setattr(evalrules.batch, "extract_report", lambda document, pm: time.sleep(30))
    result = check_file(str(SEED), Options(budget=0.5))
    assert result.error and "时限" in result.error and str(SEED) in result.error


def test_dev_null_as_a_ruleset_is_refused_not_an_empty_pass() -> None:
    proc = subprocess.run([*EVALRULES, "check", str(SEED), "--ruleset", os.devnull], capture_output=True, text=True)
    assert proc.returncode == 2 and os.devnull in proc.stderr and "Traceback" not in proc.stderr


def test_a_text_far_larger_than_any_report_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(("资产总额100万元。" * 40 + "\n").encode() * 20_000)  # 20 MB
    result = check_file(str(path))
    assert result.error and "文本过大" in result.error


@pytest.mark.parametrize("value", ["[1]", '"BAL"', "5"])
def test_a_configuration_value_of_the_wrong_type_is_one_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "evalrules.toml").write_text(f"select = {value}\n", encoding="utf-8")
    proc = subprocess.run([*EVALRULES, "check", str(SEED)], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "evalrules.toml" in proc.stderr and "字符串列表" in proc.stderr
