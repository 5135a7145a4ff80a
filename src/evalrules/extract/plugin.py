"""The built-in extractor: metadata and the facts of prose, through the extract hook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evalrules.concepts import INDICATOR_PREFIX
from evalrules.extract.glued import read_glued_rows
from evalrules.extract.indicators import read_indicator_tables, weights_that_add_up
from evalrules.extract.lexicon import Lexicon
from evalrules.extract.metadata import department_facts, title_line, year_fact
from evalrules.extract.prose import read_prose
from evalrules.extract.runon import read_runon_forms
from evalrules.extract.tables import read_spaced_tables, read_tables, table_lines
from evalrules.hookspecs import hookimpl
from evalrules.model import Document, Fact, Section


@hookimpl
def evalrules_extract(
    document: Document, sections: Sequence[Section], lexicon: Lexicon, concepts: Mapping[str, str]
) -> Sequence[Fact]:
    lines = list(document.lines())
    title = title_line(lines)
    facts = department_facts(lines, title)
    year = year_fact(lines)
    if year is not None:
        facts.append(year)
    text = "\n".join(line.text for line in lines)
    lexicon, known = lexicon.for_document(text), concepts
    title_text = title.text if title else None
    if lexicon.default_scope(title_text, text) == "budget":
        # a document that speaks only of its budget (a 部门预算 disclosure) states no final figure:
        # its 收、支总计 is the budget's, not the 决算's 收入总计
        known = {concept: name for concept, name in concepts.items() if not concept.startswith("final.")}
    tables = table_lines(lines)
    prose = [line for line in lines if line.number not in tables]
    runon, rows = read_runon_forms(prose, lexicon, known)
    prose = [line for line in prose if line.number not in rows]
    report_year = int(year.value) if year is not None else None
    cells = [
        *read_tables(lines, tables, lexicon, known, title_text),
        *read_spaced_tables(prose, lexicon, known, title_text),
        *runon,
        *read_glued_rows(prose, known),
    ]
    # a figure a table reader read as a cell is not read again as prose
    read = {(f.line, f.span.column) for f in cells}
    facts.extend(
        f
        for f in read_prose(prose, sections, lexicon, known, title_text, report_year)
        if (f.line, f.span.column) not in read
    )
    facts.extend(cells)
    # an indicator table is read by the grammar of its cells where that reading's weights add
    # up in more places than its rows' do (merged cells written once, rows wrapped or one cell
    # a line): of two readings, the one the form's arithmetic confirms more
    for table, claimed in read_indicator_tables(lines):
        by_rows = [f for f in facts if f.line in claimed and f.concept.startswith(INDICATOR_PREFIX)]
        if weights_that_add_up(table) > weights_that_add_up(by_rows):
            facts = [f for f in facts if f.line not in claimed or not f.concept.startswith(INDICATOR_PREFIX)]
            facts.extend(table)
    return facts
