"""[Finding] → text · json · …: output formats, each provided through the formats hook."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from evalrules.check.engine import Result
from evalrules.model import Finding

__all__ = ["FileResult", "OutputFormat"]


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings (and passed evaluations), or the error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    passed: tuple[Result, ...] = ()
    ruleset: str | None = None
    ruleset_title: str = ""
    error: str | None = None


@attrs.frozen
class OutputFormat:
    """A named way to write check results; ``render`` gets every file's result at once."""

    name: str
    render: Callable[[Sequence[FileResult]], str]
    doc: str = ""
