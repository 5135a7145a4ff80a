"""The national 项目支出绩效自评表, used by every province for project reports."""

from __future__ import annotations

from pathlib import Path

from evalrules import hookimpl

__version__ = "0.1.0"


@hookimpl
def evalrules_rulesets() -> list[Path]:
    return sorted((Path(__file__).parent / "rules").glob("*.toml"))
