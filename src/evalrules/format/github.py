"""The ``github`` format: GitHub Actions workflow commands, which put each finding on its line
of the file in a pull request (``::error file=…,line=…,col=…,title=…::message``)."""

from __future__ import annotations

from collections.abc import Sequence

from evalrules.format import FileResult
from evalrules.format.escape import printable
from evalrules.model import Finding

__all__ = ["render_github"]

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding) -> str:
    message = finding.message + "".join(f"\n诊断：{message}" for message in finding.explanations)
    where = f"file={_property(finding.path)},line={finding.line},col={finding.column}"
    return f"::{COMMANDS[finding.severity]} {where},title={_property(finding.code)}::{_data(message)}"


def render_github(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    for result in results:
        if result.error:
            lines.append(f"::error file={_property(result.path)},title=evalrules::{_data(result.error)}")
        lines.extend(_annotation(f) for f in result.findings)
    return "\n".join(lines)
