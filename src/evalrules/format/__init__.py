"""[Finding] → text · json · …: output formats, each provided through the formats hook."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from evalrules.check.engine import Result
from evalrules.model import Finding

__all__ = ["FileResult", "OutputFormat"]


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings (and passed evaluations), or the error that stopped it.

    ``evaluated`` counts the relations the rules found figures for; none means the report
    had nothing the rules could check, which is said rather than passed in silence.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    passed: tuple[Result, ...] = ()
    ruleset: str | None = None
    ruleset_title: str = ""
    error: str | None = None
    evaluated: int = 0

    @property
    def nothing_to_check(self) -> bool:
        return self.error is None and self.evaluated == 0


@attrs.frozen
class OutputFormat:
    """A named way to write check results; ``render`` gets every file's result at once."""

    name: str
    render: Callable[[Sequence[FileResult]], str]
    doc: str = ""
