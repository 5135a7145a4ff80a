"""Document → Report: the document normalised once (``layout``), its sections, then the facts
every extractor plugin reads from the normalised text, pointed back at the source."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

import attrs
import pluggy

from evalrules.concepts import known_concepts
from evalrules.extract.lexicon import Lexicon, lexicon_with
from evalrules.extract.metadata import kind_of, title_line, title_text
from evalrules.extract.region import region_of
from evalrules.extract.sections import find_sections
from evalrules.layout.text import normal_document
from evalrules.model import Document, Report, Span

__all__ = ["extract_report"]


@functools.lru_cache(maxsize=8)
def _vocabulary(pm: pluggy.PluginManager) -> tuple[Lexicon, Mapping[str, str]]:
    """The words and concepts every pack adds to the readers, gathered once per plugin manager
    (as the registry gathers the rest), not read again for each document."""
    vocabularies = [Path(path) for paths in pm.hook.evalrules_vocabulary() for path in paths]
    return lexicon_with(vocabularies), known_concepts(pm)


def extract_report(document: Document, pm: pluggy.PluginManager) -> Report:
    normal = normal_document(document)
    lines = list(normal.document.lines())
    # the sections as the normalised lines number them, for the readers, and as the source does
    sections = [attrs.evolve(s, line=normal.first_normal_line(s.line)) for s in document.sections] or find_sections(
        lines
    )
    lexicon, concepts = _vocabulary(pm)
    found = pm.hook.evalrules_extract(document=normal.document, sections=sections, lexicon=lexicon, concepts=concepts)
    facts = sorted((normal.to_source(fact) for facts in found for fact in facts), key=lambda f: (f.line, f.span.column))
    heading = title_line(lines)
    # the title as written: the whole of its source lines, or the piece of a line a body run on holds
    written = normal.written(Span(heading.number, 1, heading.text)) if heading else None
    title = document.title or (title_text(written) if written else None)
    names = [str(f.value) for f in facts if f.concept in ("report.department", "report.title_department")]
    region = document.region or region_of([*names, title or ""]) or region_of(line.text for line in lines[:60])
    return Report(
        path=document.path,
        facts=tuple(facts),
        sections=tuple(attrs.evolve(s, line=normal.source_line(s.line)) for s in sections),
        title=title,
        kind=document.kind or kind_of(title),
        region=region,
        document=document,
        statements=tuple(normal.statements.values()),
    )
