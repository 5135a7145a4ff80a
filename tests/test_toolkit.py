"""evalrules.testing on ourselves: the round trip extract ∘ render, injected defects found where
they were made, and a pipeline that never raises on whatever text or bytes it is given."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evalrules
from evalrules.testing.mutations import KINDS, mutations
from evalrules.testing.render import STYLES, render, render_docx
from evalrules.testing.strategies import consistent_reports
from tests.conftest import SHARED, examples
from tests.documents import read_report


def figures(report: evalrules.Report) -> Counter[tuple[str, str, str | None]]:
    return Counter((f.concept, format(f.number.normalize(), "f"), f.unit) for f in report.facts if f.is_figure())


def names(report: evalrules.Report) -> set[tuple[str, str]]:
    return {
        (f.concept, str(f.value)) for f in report.facts if f.concept in ("report.department", "report.title_department")
    }


ROUND_TRIP = examples(500)


@pytest.mark.parametrize("style", STYLES)
@ROUND_TRIP
@given(
    report=st.one_of(consistent_reports(), consistent_reports(kind="project")),
    unit=st.sampled_from([None, "元", "万元"]),
    digits=st.sampled_from(["ascii", "fullwidth"]),
)
def test_extract_gives_back_what_was_rendered(
    tmp_path: Path, style: str, report: evalrules.Report, unit: str | None, digits: str
) -> None:
    rendered = render(report, style, unit, digits)
    read = read_report(tmp_path, rendered.text)
    assert figures(read) == figures(rendered.report)
    assert names(read) == names(report)


@examples(25)
@given(report=consistent_reports(), style=st.sampled_from(STYLES))
def test_a_rendered_docx_gives_back_the_same_facts(tmp_path: Path, report: evalrules.Report, style: str) -> None:
    path = tmp_path / "report.docx"
    rendered = render_docx(report, path, style)
    assert figures(evalrules.extract(evalrules.load(path))) == figures(rendered.report)


@pytest.mark.parametrize("kind", KINDS)
@examples(40)
@given(report=consistent_reports(), data=st.data())
def test_each_kind_of_injected_defect_is_reported_with_its_code_on_its_line(
    kind: str, report: evalrules.Report, data: st.DataObject
) -> None:
    injected = data.draw(mutations(report, kinds=(kind,)))
    found = evalrules.check(injected.report)
    assert any(f.code in injected.codes and injected.lines & {loc.line for loc in f.locations} for f in found), (
        injected.description
    )
    if kind == "unit":  # ×10⁴ is no rounding: a diagnosis, when given, names the slip that was made
        diagnosed = {d.kind for f in found if f.code in injected.codes for d in f.diagnoses}
        assert not diagnosed or "unit" in diagnosed, injected.description


@examples(200)
@given(text=st.text())
def test_arbitrary_text_never_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        report = evalrules.extract(evalrules.load(path))
    except evalrules.InputError:
        return
    evalrules.check(report)


@examples(200)
@given(data=st.binary(), suffix=st.sampled_from([".txt", ".docx", ".pdf", ".json", ".doc", ""]))
def test_arbitrary_bytes_are_read_or_refused_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    try:
        report = evalrules.extract(evalrules.load(path))
    except evalrules.InputError as error:
        assert error.path == str(path)
        return
    evalrules.check(report)


CORPUS = sorted((SHARED / "corpus" / "dev").glob("*.txt")) if (SHARED / "corpus" / "dev").is_dir() else []
EDITS = st.lists(
    st.tuples(
        st.integers(0, 3000),
        st.integers(0, 20),
        st.text(alphabet="0123456789.,%万元分其中：、（）|\n 年合计", max_size=8),
    ),
    max_size=8,
)


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus/dev is not beside this checkout")
@examples(150)
@given(index=st.integers(0, max(len(CORPUS) - 1, 0)), edits=EDITS)
def test_real_reports_with_random_edits_never_raise(tmp_path: Path, index: int, edits: list) -> None:
    text = CORPUS[index].read_text(encoding="utf-8")
    for at, cut, insert in edits:
        at %= max(len(text), 1)
        text = text[:at] + insert + text[at + cut :]
    try:
        report = read_report(tmp_path, text)
    except evalrules.InputError:
        return
    evalrules.check(report)


def test_hypothesis_resolves_the_model_types() -> None:
    @settings(max_examples=5)
    @given(st.from_type(evalrules.Report), st.from_type(evalrules.Fact))
    def drawn(report: evalrules.Report, fact: evalrules.Fact) -> None:
        assert report.facts and fact.is_figure()
        assert evalrules.check(report) == []

    drawn()


def test_the_strategies_import_before_hypothesis_does() -> None:
    """A rule author's first line may be ``from evalrules.testing.strategies import …``:
    hypothesis, imported from inside it, runs our entry point before the module is defined."""
    code = (
        "from evalrules.testing.strategies import consistent_reports\n"
        "from hypothesis import strategies as st\n"
        "import evalrules\n"
        "assert isinstance(st.from_type(evalrules.Report).example(), evalrules.Report)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
