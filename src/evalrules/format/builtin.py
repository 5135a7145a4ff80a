"""The built-in output formats of ``evalrules check --format``, provided through the formats hook."""

from __future__ import annotations

from collections.abc import Sequence

from evalrules.format import OutputFormat
from evalrules.format.github import render_github
from evalrules.format.junit import render_junit
from evalrules.format.records import render_json, render_jsonl
from evalrules.format.sarif import render_sarif
from evalrules.format.text import render_text
from evalrules.hookspecs import hookimpl


@hookimpl
def evalrules_formats() -> Sequence[OutputFormat]:
    return [
        OutputFormat("text", render_text, "path:line:col: CODE 严重程度 说明, then any diagnosis", styled=render_text),
        OutputFormat("json", render_json, "an array of one object per file (docs/design.md)"),
        OutputFormat("jsonl", render_jsonl, "one JSON object per file per line"),
        OutputFormat("sarif", render_sarif, "SARIF 2.1.0, for code-review tools and code scanning"),
        OutputFormat("junit", render_junit, "JUnit XML: a test case per report, a failure per error"),
        OutputFormat("github", render_github, "GitHub Actions annotations on each finding's line"),
    ]
