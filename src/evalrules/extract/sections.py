"""Numbered headings: 一、 （一） 1. 1、 （1）, and the outline they form.

A heading is a line that starts (after indentation and leftover field codes such as
``[bookmark: _GoBack]``) with a number in one of these styles — except where the layout
says it is something else: an entry of a table of contents (目录, or a run of numbered lines
that end in page numbers), a table's row (一、一般公共预算财政拨款收入 | 1 | 440.55 |) or the row
label of a table written one cell a line (the next line holds a bare figure: 一、一般公共预算财政
拨款收入 / 1 / 440.55), or a page header repeated
on every page of one document (four reports one after another each have their headings once).
A part heading (第二部分, 第三章) or a second document's title starts the numbering again
(``Section.part``).  Levels are assigned as the
styles appear, the way Markdown nests lists: a style not seen yet opens a deeper level; a
style already open closes the levels below it.  A style not seen yet that the 公文 order
(一、 above （一） above 1. above （1）) puts above an open one closes that one first: an
excerpt that starts at “8.” and goes on at “（二）” has （二） at the top, not under 8.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from evalrules.layout.headings import heading_of, is_contents
from evalrules.model import Line, Section

__all__ = ["find_sections"]

_PART = re.compile(r"^\s*第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇)")
# a second document's title: a short unnumbered line naming a year and a kind of document
_DOCUMENT_TITLE = re.compile(r"^\s*\S{0,30}\d{4}年\S{0,30}(?:报告|说明|自评表|决算表)\s*$")
_PAGE_NUMBER = re.compile(r"(?:[\u4e00-\u9fff)）]|[.…·]{2,})\s*\d{1,3}\s*$")
_BARE_FIGURE = re.compile(r"^\s*-?[\d,]+(?:\.\d+)?\s*$")
_REPEATED_HEADER = 3  # a heading written this often, word for word, is a page header


def _is_part(text: str) -> bool:
    return bool(_PART.match(text) or (_DOCUMENT_TITLE.match(text) and heading_of(text) is None))


def _layout_headings(lines: Sequence[Line]) -> Iterator[tuple[Line, int]]:
    """The lines that read as headings and are laid out as headings, with the part each is in."""
    written = [line.text.strip() for line in lines]
    starts_part = [_is_part(text) for text in written]
    # the part each line is in: a part heading or a second document's title starts the next
    parts = list(itertools.accumulate(map(int, starts_part)))
    headings = [heading_of(line.text) is not None for line in lines]
    # a page header repeats within one document, more often than its headings: four reports
    # one after another (with or without titles that start a part) have each heading once each
    counts = Counter((part, text) for part, text in zip(parts, written, strict=True) if text)
    # each distinct heading counted once, so that a header's own repeats do not make them usual
    distinct = {(p, t) for p, t, h in zip(parts, written, headings, strict=True) if h}
    heading_counts = sorted(counts[key] for key in distinct)
    usual = heading_counts[len(heading_counts) // 2] if heading_counts else 1
    nonblank = [i for i, text in enumerate(written) if text]
    following = {i: nonblank[k + 1] for k, i in enumerate(nonblank[:-1])}
    for i, line in enumerate(lines):
        text, part = written[i], parts[i]
        if starts_part[i]:
            continue
        if not headings[i] or _REPEATED_HEADER <= counts[(part, text)] > usual or _is_row(text):
            continue
        before = _preceding(nonblank, i)
        # a table's row label: its figures one a line below it (or above it, where the text is cut off)
        beside = following.get(i, before)
        if beside is not None and _BARE_FIGURE.match(written[beside]):
            continue
        contents = _PAGE_NUMBER.search(text) and not _SENTENCE_MARK.search(text)
        neighbours = [j for j in (following.get(i), before) if j is not None]
        if contents and any(_PAGE_NUMBER.search(written[j]) for j in neighbours):
            continue  # an entry of a table of contents: 收入支出预算执行情况分析4
        yield line, part


_SENTENCE_MARK = re.compile(r"[。，,；;：:]")


def _is_row(text: str) -> bool:
    """Whether a line is a table's row of two or more cells (一、一般公共预算财政拨款收入 | 1 | 440.55 |):
    its number is the row's, not a heading's."""
    return sum(1 for cell in text.split("|") if cell.strip()) >= 2


def _preceding(nonblank: list[int], i: int) -> int | None:
    at = bisect.bisect_left(nonblank, i)
    return nonblank[at - 1] if at > 0 else None


def _outside_contents(lines: Iterable[Line]) -> Iterator[tuple[Line, tuple[str, str, int, str], int]]:
    """The headings, less those of a table of contents (目录): after a 目录 line, headings are
    its entries until the numbering starts again at its first entry."""
    contents: str | None = None  # the style and value of the first entry, while in a 目录
    in_contents = False
    laid_out = dict((line.number, part) for line, part in _layout_headings(list(lines)))
    for line in lines:
        if is_contents(line.text):
            in_contents, contents = True, None
            continue
        heading = heading_of(line.text) if line.number in laid_out else None
        if heading is None:
            continue
        if in_contents:
            key = f"{heading[1]}{heading[2]}"
            if contents is None:
                contents = key
                continue
            if key != contents:
                continue
            in_contents = False
        yield line, heading, laid_out[line.number]


_RANK = {"cn": 0, "pcn": 1, "n": 2, "pn": 3}  # the 公文 order of numbering styles


def find_sections(lines: Iterable[Line]) -> tuple[Section, ...]:
    sections: list[Section] = []
    open_styles: list[str] = []  # style of each open level
    last_at_level: list[int] = []  # index of the last section at each open level
    current = 0
    for line, heading, part in _outside_contents(list(lines)):
        number, style, value, title = heading
        if part != current:  # a new part: its outline starts afresh
            open_styles, last_at_level, current = [], [], part
        if style in open_styles:
            level = open_styles.index(style)
            del open_styles[level + 1 :]
            del last_at_level[level:]
        else:
            while open_styles and _RANK[open_styles[-1]] > _RANK[style]:
                open_styles.pop()
                last_at_level.pop()
            open_styles.append(style)
            level = len(open_styles) - 1
        parent = last_at_level[level - 1] if level > 0 else None
        last_at_level.append(len(sections))
        sections.append(Section(number, style, value, title, line.number, level + 1, parent, part))
    return tuple(sections)
