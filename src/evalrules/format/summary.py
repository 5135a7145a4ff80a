"""What a batch came to, in one line (``检查 123 份报告：错误 35 项（涉及 12 份），警告 20 项，2 份无法读取``),
and ``--statistics``: how often each code was reported, most frequent first, as ruff counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from evalrules.format import FileResult
from evalrules.format.text import SEVERITY_WORDS

__all__ = ["statistics", "summary_line"]


def summary_line(results: Sequence[FileResult]) -> str:
    counts = Counter(f.severity for r in results for f in r.findings)
    with_errors = sum(1 for r in results if any(f.severity == "error" for f in r.findings))
    parts = [f"错误 {counts['error']} 项" + (f"（涉及 {with_errors} 份）" if counts["error"] else "")]
    parts.append(f"警告 {counts['warning']} 项")
    if counts["info"]:
        parts.append(f"提示 {counts['info']} 项")
    unreadable = sum(1 for r in results if r.error)
    if unreadable:
        parts.append(f"{unreadable} 份无法检查")
    empty = sum(1 for r in results if r.nothing_to_check)
    if empty:
        parts.append(f"{empty} 份未找到可检查的数字")
    return f"检查 {len(results)} 份报告：" + "，".join(parts)


def statistics(results: Sequence[FileResult]) -> str:
    counts = Counter((f.code, f.severity) for r in results for f in r.findings)
    messages = {code: message for r in results for code, message in r.rules}
    width = len(str(max(counts.values(), default=0)))
    return "\n".join(
        f"{count:>{width}}  {code:<7} [{SEVERITY_WORDS[severity]}] {messages.get(code, '')}"
        for (code, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
