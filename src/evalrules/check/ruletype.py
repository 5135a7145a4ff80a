"""What a plugin provides to define a rule type, and what evaluating one yields.

A rule type is a named evaluation with declared parameters; a ruleset instantiates it as
rules (``[[rule]] type = "sum" total = ... parts = [...]``).  The ruleset loader checks each
rule against the declared parameters, so a typo in a ruleset is a configuration error, not
a rule that silently never fires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeAlias

import attrs

from evalrules.model import Diagnosis, Fact, Location, Report, Severity

__all__ = ["Example", "Outcome", "Param", "Relation", "Rule", "RuleType"]

Relation: TypeAlias = Callable[[list[Fact]], bool | None]
ParamKind = Literal["concept", "concepts", "concept_map", "number", "flag", "text", "texts", "table"]


@attrs.frozen
class Param:
    """A parameter of a rule type.

    kinds: ``concept`` (one concept id), ``concepts`` (a list of ids), ``concept_map`` (id →
    list of ids), ``number``, ``flag`` (true/false), ``text``, ``texts`` (a list of strings),
    ``table`` (names → values; ``values`` says the kind of every value: ``number`` or ``text``,
    or None for free-form).  A ruleset is checked against these inner types too.
    """

    kind: ParamKind
    required: bool = True
    default: Any = None
    doc: str = ""
    choices: tuple[str, ...] = ()
    values: Literal["number", "text"] | None = None


@attrs.frozen
class Rule:
    """A rule of a ruleset: an instance of a rule type with its parameters."""

    id: str
    type: str
    severity: Severity
    message: str
    params: Mapping[str, Any]
    source: str = ""
    line: int = 0
    overridden: tuple[str, ...] = ()  # "path:line" of each [[override]] that changed it

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


@attrs.frozen
class Outcome:
    """One evaluation of a rule on one set of facts: whether it holds, and the evidence.

    ``detail`` states the arithmetic in Chinese (``7.54万元 ≠ 8.8万元 + 7.2万元 = 16万元``);
    the finding's message is the rule's message followed by it.  ``relation`` re-evaluates
    the relation on a variant of ``facts``: the engine uses it to diagnose a failure (a
    left-out 万, a shifted point, swapped digits); ``diagnoses`` gives them ready-made instead.
    ``severity`` marks a failure the rule type itself judges less certain than a plain one (a
    sum off as written but within what rounding explains): the finding takes the milder of it
    and the rule's severity.
    """

    ok: bool
    facts: tuple[Fact, ...]
    detail: str = ""
    seen: str = ""
    expected: str = ""
    diagnoses: tuple[Diagnosis, ...] = ()
    locations: tuple[Location, ...] = ()
    relation: Relation | None = attrs.field(default=None, eq=False, repr=False)
    severity: Severity | None = None
    skipped: bool = False  # not evaluated: two statements fit equally (see check.binding.Skip)

    def all_locations(self) -> tuple[Location, ...]:
        located = self.locations + tuple(Location.of(f) for f in self.facts)
        unique = {(loc.line, loc.column, loc.text): loc for loc in located}
        return tuple(sorted(unique.values(), key=lambda loc: (loc.line, loc.column)))


Evaluate = Callable[[Rule, Report], Iterable[Outcome]]


@attrs.frozen
class Example:
    """Figures under which a rule holds, and the same with one figure changed so that it fails
    (``evalrules rule CODE`` shows both; a test runs every one).  A rule that reads the text
    itself (its headings, its title) gives report text instead: ``texts`` (holds, fails)."""

    holds: tuple[Fact, ...] = ()
    fails: tuple[Fact, ...] = ()
    texts: tuple[str, str] | None = None


@attrs.frozen
class RuleType:
    """A named evaluation a plugin provides; ``evaluate`` yields an Outcome per fact set.

    ``doc`` says what it checks, ``why`` why a reviewer cares, and ``example`` gives a rule of
    the type its passing and failing example (``evalrules rule CODE`` shows all three).
    """

    name: str
    doc: str
    params: Mapping[str, Param]
    evaluate: Evaluate
    why: str = ""
    example: Callable[[Rule], Example | None] | None = None
