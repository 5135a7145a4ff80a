"""The ``json`` and ``jsonl`` formats: every file's result as one object of the contract in
docs/design.md — always an array for ``json``, one object a line for ``jsonl``.

A relation that holds (``passed``, with ``--show-passed``) has the same keys as a finding.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from evalrules.format import FileResult
from evalrules.model import Finding

__all__ = ["file_json", "finding_json", "render_json", "render_jsonl"]


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "locations": [
            {
                "line": loc.line,
                "column": loc.column,
                "start_line": loc.start_line or loc.line,
                "text": loc.text,
                "concept": loc.concept,
            }
            for loc in finding.locations
        ],
        "seen": finding.seen,
        "expected": finding.expected,
        "diagnoses": [
            {
                "kind": d.kind,
                "message": d.message,
                "line": d.location.line,
                "column": d.location.column,
                "text": d.location.text,
                "corrected": d.corrected,
            }
            for d in finding.diagnoses
        ],
    }


def file_json(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": result.path,
        "ruleset": result.ruleset,
        "findings": [finding_json(f) for f in result.findings],
        "evaluated": result.evaluated,
        "nothing_to_check": result.nothing_to_check,
    }
    if result.passed:
        data["passed"] = [finding_json(p) for p in result.passed]
    if result.skipped:
        data["skipped"] = [finding_json(s) for s in result.skipped]
    if result.error:
        data["error"] = result.error
    return data


def render_json(results: Sequence[FileResult]) -> str:
    return json.dumps([file_json(r) for r in results], ensure_ascii=False, indent=1)


def render_jsonl(results: Sequence[FileResult]) -> str:
    return "\n".join(json.dumps(file_json(r), ensure_ascii=False) for r in results)
