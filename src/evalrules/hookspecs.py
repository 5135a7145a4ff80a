"""The hooks through which every loader, extractor, rule type, ruleset and format arrives.

The core knows no check by name: built-in pieces are plugins like any other and implement
these same hooks (see ``evalrules.builtin``).  Third-party plugins register a module or
object under the ``evalrules`` entry-point group and decorate functions with
``evalrules.hookimpl``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from evalrules.check.ruletype import RuleType
    from evalrules.extract.lexicon import Lexicon
    from evalrules.format import OutputFormat
    from evalrules.model import Document, Fact, Section

PROJECT = "evalrules"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def evalrules_load(path: Path) -> Document | None:
    """Read the file at ``path`` into a Document, or return None if the format is not yours."""


@hookspec
def evalrules_suffixes() -> Sequence[str]:
    """Return the file suffixes your loader reads (``.docx``), which a folder argument picks up."""


@hookspec
def evalrules_extract(
    document: Document, sections: Sequence[Section], lexicon: Lexicon, concepts: Mapping[str, str]
) -> Sequence[Fact]:
    """Return the facts you read from ``document``, its numbered ``sections``, with every pack's words and concepts."""


@hookspec
def evalrules_vocabulary() -> Sequence[Path]:
    """Return the paths of the TOML vocabularies (``lexicon.toml``'s format) you add to the prose and table readers."""


@hookspec
def evalrules_concepts() -> Mapping[str, str]:
    """Return the concept ids you add to the vocabulary, each with a one-line description."""


@hookspec
def evalrules_rule_types() -> Sequence[RuleType]:
    """Return the rule types you provide, which rulesets instantiate by name."""


@hookspec
def evalrules_rulesets() -> Sequence[Path]:
    """Return the paths of the TOML rulesets you ship."""


@hookspec
def evalrules_formats() -> Sequence[OutputFormat]:
    """Return the output formats you provide for ``evalrules check --format``."""
