"""Document → Report: sections, then the facts every extractor plugin reads."""

from __future__ import annotations

import pluggy

from evalrules.extract.metadata import kind_of, title_line
from evalrules.extract.normalize import normalize
from evalrules.extract.region import region_of
from evalrules.extract.sections import find_sections
from evalrules.model import Document, Report

__all__ = ["extract_report"]


def extract_report(document: Document, pm: pluggy.PluginManager) -> Report:
    lines = list(document.lines())
    sections = document.sections or find_sections(lines)
    facts = [fact for found in pm.hook.evalrules_extract(document=document, sections=sections) for fact in found]
    facts.sort(key=lambda f: (f.span.line, f.span.column))
    title = title_line(lines)
    title_text = document.title or (title.text.strip() if title else None)
    names = [str(f.value) for f in facts if f.concept in ("report.department", "report.title_department")]
    region = (
        document.region
        or region_of([*names, title_text or ""])
        or region_of(normalize(line.text) for line in lines[:60])
    )
    return Report(
        path=document.path,
        facts=tuple(facts),
        sections=sections,
        title=title_text,
        kind=document.kind or kind_of(title_text),
        region=region,
        document=document,
    )
