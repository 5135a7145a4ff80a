"""Ships the national baseline rulesets of the top-level ``rules/`` folder as a plugin."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from evalrules.hookspecs import hookimpl


def rules_dir() -> Path:
    """``rules/`` as installed in the wheel, or beside ``src/`` in a source checkout."""
    packaged = Path(str(files("evalrules"))) / "rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "rules"


@hookimpl
def evalrules_rulesets() -> Sequence[Path]:
    return sorted(rules_dir().glob("*.toml"))
