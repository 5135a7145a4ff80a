"""The ``junit`` format: JUnit XML, which CI servers show as a test report — one test case per
report, one failure per error-level finding, an error for a file that could not be checked;
warnings go to the test case's output."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from evalrules.format import FileResult
from evalrules.format.escape import printable
from evalrules.format.text import finding_text

__all__ = ["render_junit"]


def _case(result: FileResult) -> ET.Element:
    case = ET.Element("testcase", classname="evalrules", name=printable(result.path), file=printable(result.path))
    if result.error:
        ET.SubElement(case, "error", message=printable(result.error), type="InputError").text = printable(result.error)
        return case
    for finding in result.findings:
        if finding.severity == "error":
            failure = ET.SubElement(case, "failure", message=printable(finding.message), type=finding.code)
            failure.text = finding_text(finding)
    others = [finding_text(f) for f in result.findings if f.severity != "error"]
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(others)
    return case


def render_junit(results: Sequence[FileResult]) -> str:
    cases = [_case(r) for r in results]
    failures = sum(1 for r in results for f in r.findings if f.severity == "error")
    errors = sum(1 for r in results if r.error)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": "evalrules", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "evalrules check", **counts})
    suite.extend(cases)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True)
