"""Errors that stop one file or one ruleset, each naming the file (and line) at fault."""

from __future__ import annotations

__all__ = ["ConfigError", "EvalrulesError", "InputError"]


class EvalrulesError(Exception):
    """An error the command line reports in one line and exits 2 for."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class InputError(EvalrulesError):
    """A file that cannot be read as a report: missing, empty, binary, undecodable, corrupt."""


class ConfigError(EvalrulesError):
    """A ruleset or configuration that is wrong: syntax, unknown rule type, concept or parameter."""
