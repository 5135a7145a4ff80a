"""[FileResult] → text · json · jsonl · sarif · junit · github: output formats, each provided through
the formats hook (``builtin``), and the extract output of a Report (``report``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from evalrules.format.text import Style

from evalrules.model import Finding

__all__ = ["FileResult", "OutputFormat"]


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings (and relations that hold), or the error that stopped it.

    ``passed`` holds the relations that hold, in a finding's shape (their ``message`` is the
    arithmetic that holds).  ``evaluated`` counts the relations the rules found figures for;
    none means the report had nothing the rules could check, which is said rather than passed
    in silence.  ``traceback`` is set for an internal error only (shown with ``--debug``).
    ``skipped`` (with ``passed``) holds the relations a rule did not evaluate because two
    statements fit equally well: it does not guess, and says so.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    passed: tuple[Finding, ...] = ()
    ruleset: str | None = None
    ruleset_title: str = ""
    error: str | None = None
    evaluated: int = 0
    traceback: str | None = None
    rules: tuple[tuple[str, str], ...] = ()  # (code, the rule's message) of each code reported
    skipped: tuple[Finding, ...] = ()

    @property
    def nothing_to_check(self) -> bool:
        return self.error is None and self.evaluated == 0


@attrs.frozen
class OutputFormat:
    """A named way to write check results; ``render`` gets every file's result at once.

    ``styled``, when given, renders for a reader at a terminal instead: in colour unless
    NO_COLOR, and with ``-q`` only the findings.
    """

    name: str
    render: Callable[[Sequence[FileResult]], str]
    doc: str = ""
    styled: Callable[[Sequence[FileResult], Style], str] | None = None
