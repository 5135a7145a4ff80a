"""The ``text`` format: one finding a line as compilers write them, ``path:line:col: CODE 严重程度 说明``,
then where else the figures are written and any diagnosis; in colour on a terminal."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from evalrules.format import FileResult
from evalrules.format.escape import printable
from evalrules.model import Finding, Location

__all__ = ["NOTHING_TO_CHECK", "SEVERITY_WORDS", "Style", "render_text"]

NOTHING_TO_CHECK = "未找到可检查的数字（没有一条规则找到它要核对的数字）"
SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
PASSED_WORD = "通过"
SKIPPED_WORD = "跳过"

_COLOURS = {"error": "1;31", "warning": "33", "info": "36", "passed": "32", "path": "1", "dim": "2"}


@attrs.frozen
class Style:
    """How the text is written: in colour (a terminal without NO_COLOR), and whether only the
    findings are wanted (``-q``: no ruleset line per file)."""

    color: bool = False
    quiet: bool = False

    def paint(self, text: str, what: str) -> str:
        return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if self.color else text


def _where(path: str, finding: Finding, style: Style) -> str:
    return style.paint(f"{printable(path)}:{finding.line}:{finding.column}:", "path")


def _place(loc: Location, every: Sequence[Location]) -> str:
    """第31行“0万元”, with the column when the same text stands twice on that line."""
    twice = sum(1 for other in every if (other.line, other.text) == (loc.line, loc.text)) > 1
    column = f"第{loc.column}列" if twice else ""
    return f"第{loc.line}行{column}“{printable(loc.text)}”"


def finding_text(finding: Finding, style: Style = Style()) -> str:
    word = style.paint(SEVERITY_WORDS[finding.severity], finding.severity)
    lines = [f"{_where(finding.path, finding, style)} {finding.code} {word} {printable(finding.message)}"]
    others = [loc for loc in finding.locations if loc.line != finding.line or loc.column != finding.column]
    if others:
        lines.append("    另见 " + "，".join(_place(loc, finding.locations) for loc in others))
    lines.extend(f"    诊断：{printable(message)}" for message in finding.explanations)
    return "\n".join(lines)


def passed_text(passed: Finding, style: Style = Style(), word_text: str = PASSED_WORD) -> str:
    word = style.paint(word_text, "passed" if word_text == PASSED_WORD else "dim")
    return f"{_where(passed.path, passed, style)} {passed.code} {word} {printable(passed.message)}"


def render_text(results: Sequence[FileResult], style: Style = Style()) -> str:
    out: list[str] = []
    for result in results:
        if result.error:  # said on standard error, where an error belongs
            continue
        path = printable(result.path)
        if not style.quiet:
            out.append(
                style.paint(f"{path}: 规则集 {result.ruleset}（{result.ruleset_title or result.ruleset}）", "dim")
            )
        if result.nothing_to_check:
            out.append(f"{path}: {NOTHING_TO_CHECK}")
        out.extend(finding_text(f, style) for f in result.findings)
        out.extend(passed_text(p, style) for p in result.passed)
        out.extend(passed_text(s, style, SKIPPED_WORD) for s in result.skipped)
    return "\n".join(out)
