"""The concept vocabulary: ids from the shipped spec, plus what plugins add."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from importlib.resources import files

import pluggy

__all__ = ["INDICATOR_PREFIX", "MEASURES", "indicator_concept", "is_known", "known_concepts"]

MEASURES = frozenset({"share", "yoy_change", "yoy_pct", "vs_budget", "vs_budget_pct", "of_budget", "weight", "score"})
INDICATOR_PREFIX = "evaluation.indicator."

# The spec documents these families in prose; they are concepts all the same.
_PROCUREMENT_FAMILIES = {
    "budget": ("goods", "works", "services"),
    "savings": ("goods", "works", "services"),
    "savings_rate": ("goods", "works", "services"),
}


@functools.cache
def spec_concepts() -> dict[str, str]:
    """Concept ids of the shipped ``concepts.toml`` with their descriptions."""
    data = tomllib.loads(files("evalrules").joinpath("data/concepts.toml").read_text("utf-8"))
    concepts: dict[str, str] = {}
    for group, items in data.items():
        for key, text in items.items():
            if group == "three_public":
                for scope in ("budget", "final"):
                    concepts[f"{group}.{scope}.{key}"] = f"{text}（{'预算' if scope == 'budget' else '决算'}）"
            elif (group, key) != ("evaluation", "indicator"):
                concepts[f"{group}.{key}"] = text
    for family, items in _PROCUREMENT_FAMILIES.items():
        for item in items:
            concepts[f"procurement.{family}_{item}"] = f"{concepts[f'procurement.{family}']}（{item}）"
    return concepts


def indicator_concept(path: Sequence[str], measure: str | None = None) -> str:
    """The concept id of the indicator at ``path`` (its names, outermost first), with ``measure``.

    A name's own dots would read as levels (a label of 1 500 dots as 1 500 levels), so they are
    written as ·.
    """
    names = ".".join(name.strip().replace(".", "·") for name in path)
    return f"{INDICATOR_PREFIX}{names}" + (f":{measure}" if measure else "")


def known_concepts(pm: pluggy.PluginManager) -> dict[str, str]:
    concepts = dict(spec_concepts())
    for extra in pm.hook.evalrules_concepts():
        concepts.update(extra)
    return concepts


def is_known(concept: str, known: Mapping[str, str]) -> bool:
    """Whether ``concept`` (with an optional ``:measure``) names a figure of the model."""
    base, _, measure = concept.partition(":")
    if measure and measure not in MEASURES:
        return False
    if base.startswith(INDICATOR_PREFIX):
        return len(base) > len(INDICATOR_PREFIX)
    return base in known
