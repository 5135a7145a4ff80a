"""The ``sarif`` format: SARIF 2.1.0, which code-review tools and GitHub code scanning read.

One run; the driver lists each rule reported with its message as description; each finding
is a result with its region (line, column, the figure as written), the other places of its
figures as related locations, and its diagnosis.  A file that could not be read is a tool
execution notification, not a result.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from evalrules import __version__
from evalrules.format import FileResult
from evalrules.model import Finding, Location

__all__ = ["render_sarif"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _location(path: str, loc: Location, index: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}
    if loc.text:
        region["snippet"] = {"text": loc.text}
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}, "region": region}
    if loc.start_line is not None and loc.start_line < loc.line:  # the statement a page cut over lines
        physical["contextRegion"] = {"startLine": loc.start_line, "endLine": loc.line}
    located: dict[str, Any] = {"physicalLocation": physical}
    if index is not None:
        located["id"] = index
    return located


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    first, *others = sorted(finding.locations, key=lambda loc: (loc.line, loc.column)) or [Location(1, 1, "")]
    text = finding.message + "".join(f"\n诊断：{message}" for message in finding.explanations)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [_location(finding.path, first)],
    }
    if others:
        result["relatedLocations"] = [_location(finding.path, loc, i) for i, loc in enumerate(others, 1)]
    properties = {"seen": finding.seen, "expected": finding.expected}
    if any(properties.values()):
        result["properties"] = properties
    return result


def render_sarif(results: Sequence[FileResult]) -> str:
    rules: dict[str, str] = {}
    for result in results:
        for code, message in result.rules:
            rules.setdefault(code, message)
        for finding in result.findings:
            rules.setdefault(finding.code, finding.message)
    index = {code: i for i, code in enumerate(sorted(rules))}
    driver = {
        "name": "evalrules",
        "version": __version__,
        "informationUri": "https://pypi.org/project/evalrules/",
        "rules": [
            {
                "id": code,
                "shortDescription": {"text": rules[code]},
                "help": {"text": f"evalrules rule {code}"},
            }
            for code in sorted(rules)
        ],
    }
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
        }
        for r in results
        if r.error
    ]
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "artifacts": [{"location": {"uri": _uri(r.path)}} for r in results],
        "results": [_result(f, index[f.code]) for r in results for f in r.findings],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=1)
