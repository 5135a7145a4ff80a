"""四川 (部门整体支出): the province's ruleset, built only from the standard rule types."""

from __future__ import annotations

from pathlib import Path

from evalrules import hookimpl

__version__ = "0.1.0"


@hookimpl
def evalrules_rulesets() -> list[Path]:
    return sorted((Path(__file__).parent / "rules").glob("*.toml"))
