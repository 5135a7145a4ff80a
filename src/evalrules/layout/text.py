"""One normalised text per document, with one offset map back to the source.

Every copy of a report — a Word file, a PDF's text layer, a web page, a scan's OCR, a mirror in
traditional characters — reads as one text here:

- full-width digits and signs as ASCII, traditional characters as simplified (``normalize``);
- a half-width full stop after Chinese text (``万元.``) as ``。``: a sentence ends there;
- OCR confusions repaired inside numbers and units only: ``1O.5`` → ``10.5``, ``2l3`` → ``213``,
  ``万兀`` → ``万元``;
- pinyin readings some pages print after each character dropped (``事業(yè)收入``);
- in a line of prose or of table cells, a space between two Chinese characters dropped (PDF
  text layers and OCR space characters apart); a line with neither keeps its spaces, which may
  be what separates the columns of a table written with spaces;
- page furniture dropped (``boilerplate``): breadcrumbs, a page's fields and buttons, a 文库
  notice, a converter's metadata dump before the first line of text.

Each normalised line keeps, for every character, the column it came from, so that a fact read
from the normalised text points at the line and column where its figure is written, and a name
or a unit is given as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from evalrules.layout.boilerplate import furniture
from evalrules.layout.normalize import PINYIN, fold_width, normalize
from evalrules.model import Block, Document, Fact, Line, Span

__all__ = ["NormalText", "normal_document", "normal_line"]

_CJK = "\u4e00-\u9fff"
# one character replaced by another, where the context says which it is
_OCR = (
    (re.compile(r"(?<=\d)[Oo](?=[\d.,])|(?<=[\d.])[Oo](?=\d)"), "0"),
    (re.compile(r"(?<=\d)[lI](?=\d)|(?<=\d\.)[lI]|(?<=\d)[lI](?=\.\d)"), "1"),
    (re.compile(r"(?<=[万萬])兀"), "元"),
    (re.compile(rf"(?<=[{_CJK})”%])\.(?![\da-zA-Z])"), "。"),  # not 报告.pdf
)
_DROPPED_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\xa0]+(?=[{_CJK}])")
_PROSE_OR_CELLS = re.compile(r"[，。；：、,;:|]")


@attrs.frozen
class _Normal:
    text: str
    offsets: tuple[int, ...]  # for each character of text, its 0-based column in the source line


def normal_line(source: str) -> tuple[str, tuple[int, ...]]:
    """``source`` normalised, and for each of its characters the 0-based column it came from."""
    chars = list(normalize(source))
    for pattern, replacement in _OCR:
        for found in pattern.finditer("".join(chars)):
            chars[found.start()] = replacement
    text = "".join(chars)
    keep = [True] * len(text)
    boilerplate = furniture().length(text)
    keep[:boilerplate] = [False] * boilerplate
    for reading in PINYIN.finditer(text):
        if reading.start() > 0 and re.match(rf"[{_CJK}]", text[reading.start() - 1]):
            keep[reading.start() : reading.end()] = [False] * (reading.end() - reading.start())
    if _PROSE_OR_CELLS.search(text):
        for space in _DROPPED_SPACE.finditer(text):
            keep[space.start() : space.end()] = [False] * (space.end() - space.start())
    columns = tuple(i for i, kept in enumerate(keep) if kept)
    return "".join(text[i] for i in columns), columns


@attrs.frozen
class NormalText:
    """A document's lines normalised, and the way back from a normalised place to the source."""

    document: Document  # the same blocks, every line and cell normalised
    source: Document
    _offsets: dict[int, tuple[int, ...]]  # line number → source column of each normalised character
    _lines: dict[int, str]  # line number → the source line

    def source_span(self, span: Span) -> Span:
        """Where ``span`` of the normalised text is written in the source, as written there."""
        offsets = self._offsets.get(span.line)
        source = self._lines.get(span.line)
        if offsets is None or source is None or not span.text:
            return span
        first = span.column - 1
        last = first + len(span.text) - 1
        if not 0 <= first <= last < len(offsets):
            return span
        start, end = offsets[first], offsets[last] + 1
        return Span(span.line, start + 1, source[start:end])

    def to_source(self, fact: Fact) -> Fact:
        """``fact`` pointing at the source: its column, its text, a name and a unit as written."""
        span = self.source_span(fact.span)
        if span is fact.span:
            return fact
        value = fact.value if fact.is_figure() else _as_written(fact.value, span.text)
        return attrs.evolve(fact, span=span, value=value, unit=_unit_as_written(fact.unit, span.text))


def _as_written(value: object, written: str) -> str:
    """A name as the source writes it (traditional characters and pinyin readings kept)."""
    return written if PINYIN.sub("", normalize(written)).replace(" ", "") == str(value).replace(" ", "") else str(value)


def _unit_as_written(unit: str | None, written: str) -> str | None:
    """萬元 where the source writes 萬元: the unit is kept as written."""
    if not unit:
        return unit
    tail = written[-len(unit) :]
    return fold_width(tail) if normalize(tail) == unit else unit


def _normal_lines(lines: Iterable[Line], offsets: dict[int, tuple[int, ...]], sources: dict[int, str]) -> list[Line]:
    normal = []
    for line in lines:
        text, columns = normal_line(line.text)
        offsets[line.number], sources[line.number] = columns, line.text
        normal.append(Line(line.number, text))
    return normal


def _normal_rows(rows: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normal_line(cell)[0] for cell in row) for row in rows)


def normal_document(document: Document) -> NormalText:
    """``document`` normalised once, every block and cell, with the map back to it."""
    offsets: dict[int, tuple[int, ...]] = {}
    sources: dict[int, str] = {}
    blocks = tuple(
        Block(block.kind, tuple(_normal_lines(block.lines, offsets, sources)), _normal_rows(block.rows))
        for block in document.blocks
    )
    return NormalText(attrs.evolve(document, blocks=blocks), document, offsets, sources)
