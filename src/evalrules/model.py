"""The data model: what a report is once read, and what a check says about it.

    Document ─extract─▶ Report ─check─▶ Finding

Everything here is immutable (``attrs.frozen``); collections are tuples.  A ``Fact`` keeps the
figure exactly as written — ``Decimal`` value, unit, number of decimals — and the span where
it was written, so every finding can point at the line a reviewer has to look at.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from evalrules.layout.normalize import normalize
from evalrules.quantity import Quantity

__all__ = [
    "Block",
    "Diagnosis",
    "Document",
    "Fact",
    "Finding",
    "Indicator",
    "Line",
    "Location",
    "Report",
    "Section",
    "Severity",
    "Source",
    "Span",
    "Statement",
    "scope_of",
]

Severity = Literal["error", "warning", "info"]
DiagnosisKind = Literal["unit", "decimal", "transposition", "truncation"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# How a fact was read, least certain first: a concept inferred from what surrounds the figure
# (the heading it is under, the figure before it), a figure after its label in a sentence, a
# cell of a table whose header names its column, a cell of a recognised national form whose
# identities (执行率 = 执行数 / 预算数 …) fixed where it ends.  ``data``: given as data (JSON).
Source = Literal["inferred", "prose", "table", "form", "data"]
SOURCES: tuple[Source, ...] = ("inferred", "prose", "table", "form", "data")


@attrs.frozen
class Line:
    """One line of the source, numbered as findings number it (1-based).

    A line the layout joined from several (a line cut at the page width and the one it goes
    on in) is numbered as the first and ``last`` is the number of the last."""

    number: int
    text: str
    last: int | None = None

    @property
    def end(self) -> int:
        """The number of the last source line this line holds."""
        return self.number if self.last is None else self.last


@attrs.frozen
class Block:
    """A paragraph or a table of the source, with the lines it covers.

    For a table, ``rows`` holds the cell texts; each row is also one ``Line``.
    """

    kind: Literal["paragraph", "table"]
    lines: tuple[Line, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@attrs.frozen
class Document:
    """A loaded file: its blocks in reading order, and what it was loaded from.

    A loader of already-extracted data (a Report as JSON) gives its ``facts``, ``sections``,
    ``title`` and ``kind`` instead of text.
    """

    path: str
    blocks: tuple[Block, ...]
    format: str = "text"
    encoding: str | None = None
    title: str | None = None
    kind: str | None = None
    region: str | None = None
    facts: tuple[Fact, ...] = ()
    sections: tuple[Section, ...] = ()

    def lines(self) -> Iterator[Line]:
        """Every line of every block, in reading order."""
        for block in self.blocks:
            yield from block.lines

    def line_text(self, number: int) -> str:
        for line in self.lines():
            if line.number == number:
                return line.text
        return ""


@attrs.frozen
class Span:
    """Where a figure was written: 1-based line and column, and the text as written.

    ``start_line`` is where the line of text holding it starts when a page cut that line over
    several (a PDF column, a narrow web page): the statement starts there, the figure is on
    ``line``.  None where the line is the figure's own."""

    line: int
    column: int
    text: str
    start_line: int | None = None


@attrs.frozen
class Statement:
    """A line of text as the readers read it: normalised (traditional characters, full-width
    digits, pinyin readings, a copy's spaces), and a line a page cut at its width joined to the
    rest of it.  ``places`` holds the source (line, 0-based column) of each character;
    ``start_line`` is the source line the page's cut line starts on (a run of furniture before
    the text on it, 来源:…发布时间:…, is not the statement's but is on its line); ``source`` is
    the document's source lines (number → text), shared by all its statements."""

    text: str
    places: tuple[tuple[int, int], ...]
    start_line: int
    source: Mapping[int, str] = attrs.field(eq=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        """Where ``text[start:end]`` is written, as written, on the line its first character is on."""
        line, column = self.places[start]
        last = max(c for number, c in self.places[start:end] if number == line) + 1
        starts = self.start_line if self.start_line < line else None
        return Span(line, column + 1, self.source[line][column:last], starts)

    def location(self, start: int, end: int) -> Location:
        """Where ``text[start:end]`` starts, and the whole of it as written (减少 / 万元 over a
        page's cut is quoted 减少 万元)."""
        (first, column), (last, end_column) = self.places[start], self.places[end - 1]
        lines = [self.source[n] for n in range(first, last + 1)]
        written = "".join(lines)[column : sum(map(len, lines[:-1])) + end_column + 1]
        return Location.at(attrs.evolve(self.span(start, end), text=written))


@attrs.frozen
class Fact:
    """One figure of the report under a concept id (``../spec/concepts.toml``).

    ``concept`` may carry a measure after a colon (``final.expense_basic:share``).
    ``value`` is a ``Decimal`` for figures and a ``str`` for names and grades.
    ``decimals`` is the number of decimals as written (``55.5`` → 1), which sets the
    rounding interval the figure stands for.

    Its context, which decides what it may be bound with: ``period``, the year the sentence
    or column names, if any; ``entity``, the part of the reporting unit it belongs to (a
    row of a multi-entity table, 行政单位 / 事业单位, 市级, 本级), None for the unit itself;
    ``scope`` and ``account`` (properties, from the concept); ``clause``, the sentence or
    table row it was read from, so facts stated together can be bound together; ``cell``,
    a table cell's 1-based (row, column); ``source``, how it was read (``SOURCES``).
    """

    concept: str
    value: Decimal | str
    span: Span
    unit: str | None = None
    decimals: int = 0
    period: int | None = None
    clause: int = 0
    entity: str | None = None
    source: Source = "prose"
    cell: tuple[int, int] | None = None

    @property
    def base(self) -> str:
        return self.concept.partition(":")[0]

    @property
    def measure(self) -> str:
        return self.concept.partition(":")[2]

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def scope(self) -> str | None:
        """预算 (budget) or 决算 (final), as the concept says; None where it says neither."""
        return scope_of(self.base)

    @property
    def account(self) -> str:
        """The budget account the figure is of: 财政拨款 or 全口径 (the department's whole)."""
        return "财政拨款" if self.base.endswith("_fiscal") else "全口径"

    @property
    def certainty(self) -> int:
        """How sure the reading is: the rank of ``source`` in ``SOURCES``."""
        return SOURCES.index(self.source)

    def context(self) -> tuple[object, ...]:
        """What two statements of one concept must share to be the same figure."""
        return (self.entity, self.period)

    @property
    def number(self) -> Decimal:
        if not isinstance(self.value, Decimal):
            raise TypeError(f"{self.concept} is not a figure: {self.value!r}")
        return self.value

    def is_figure(self) -> bool:
        return isinstance(self.value, Decimal)

    def quantity(self, unit: str | None = None) -> Quantity:
        """The figure as an interval; ``unit`` stands in when none was written."""
        return Quantity.written(self.number, self.decimals, self.unit or unit)

    def written(self) -> str:
        """The figure as a reader would write it: ``54.2万元``."""
        value = format(self.value, "f") if isinstance(self.value, Decimal) else self.value
        return f"{value}{self.unit or ''}"


_BUDGET_WORDS = (".budget.", "initial_budget", "annual_budget", ".supplement")
_FINAL_WORDS = (".final.", "executed")


def scope_of(concept: str) -> str | None:
    """``budget`` or ``final`` as a concept id says it (``three_public.budget.reception``,
    ``execution.executed``), else None."""
    dotted = f".{concept}"
    if any(word in dotted for word in _BUDGET_WORDS):
        return "budget"
    if any(word in dotted for word in _FINAL_WORDS):
        return "final"
    return None


@attrs.frozen
class Section:
    """A numbered heading: ``number`` as written (``三、``), its style, value and level.

    ``part`` counts the parts of the text it is in: a 第二部分 heading, or a second document
    on the same page, starts its numbering again."""

    number: str
    style: str
    value: int
    title: str
    line: int
    level: int
    parent: int | None = None  # index into Report.sections
    part: int = 0


@attrs.frozen
class Indicator:
    """A node of the evaluation indicator tree with the facts that state its weight and score."""

    path: tuple[str, ...]
    weights: tuple[Fact, ...] = ()
    scores: tuple[Fact, ...] = ()
    children: tuple[Indicator, ...] = ()

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def concept(self) -> str:
        return ".".join(("evaluation.indicator", *self.path))

    def walk(self) -> Iterator[Indicator]:
        """This indicator and every one below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class Report:
    """What a report states: every fact (a concept stated twice keeps both) and its structure."""

    path: str
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...] = ()
    title: str | None = None
    kind: str | None = None
    region: str | None = None
    document: Document | None = attrs.field(default=None, eq=False, repr=False)
    statements: tuple[Statement, ...] = attrs.field(default=(), eq=False, repr=False)
    # derived once, on first use: facts by concept, the indicator tree, section lines
    _derived: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def _memo(self, key: str, build: Callable[[], Any]) -> Any:
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def all(self, concept: str) -> tuple[Fact, ...]:
        """Every statement of ``concept``, in reading order."""
        index: dict[str, tuple[Fact, ...]] = self._memo("by_concept", self._index)
        return index.get(concept, ())

    def _index(self) -> dict[str, tuple[Fact, ...]]:
        index: dict[str, list[Fact]] = {}
        for fact in self.facts:
            index.setdefault(fact.concept, []).append(fact)
        return {concept: tuple(facts) for concept, facts in index.items()}

    def lines(self) -> Iterator[tuple[Line, str]]:
        """Each line of the document with its text as the readers read it (full-width digits and
        traditional characters folded): match on the second, quote the first — they are the
        same length, so a column in one is the column in the other."""
        pairs: list[tuple[Line, str]] = self._memo("lines", self._normal_lines)
        yield from pairs

    def _normal_lines(self) -> list[tuple[Line, str]]:
        return [] if self.document is None else [(line, normalize(line.text)) for line in self.document.lines()]

    def first(self, concept: str) -> Fact | None:
        found = self.all(concept)
        return found[0] if found else None

    def _text(self, concept: str) -> str | None:
        fact = self.first(concept)
        return None if fact is None else str(fact.value)

    @property
    def department(self) -> str | None:
        return self._text("report.department")

    @property
    def title_department(self) -> str | None:
        return self._text("report.title_department")

    @property
    def year(self) -> int | None:
        text = self._text("report.year")
        return int(text) if text and text.isdigit() else None

    def section_path(self, line: int) -> tuple[int, ...]:
        """Indexes of the sections that contain ``line``, outermost first."""
        lines: list[int] = self._memo("section_lines", lambda: [s.line for s in self.sections])
        last = bisect.bisect_right(lines, line) - 1
        index: int | None = last if last >= 0 else None
        path: list[int] = []
        while index is not None:
            path.append(index)
            index = self.sections[index].parent
        return tuple(reversed(path))

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """The first-level indicators, each with its subtree, in the order first stated."""
        tree: tuple[Indicator, ...] = self._memo("indicators", lambda: indicator_tree(self.facts))
        return tree

    def all_indicators(self) -> Iterator[Indicator]:
        """Every indicator of the tree, depth first."""
        for node in self.indicators:
            yield from node.walk()


INDICATOR_DEPTH = 8  # levels of an indicator tree: forms have three or four; deeper is not an outline


def indicator_tree(facts: tuple[Fact, ...]) -> tuple[Indicator, ...]:
    """The indicators the facts state, as a tree in the order first stated (linear in the facts)."""
    prefix = "evaluation.indicator."
    order: list[tuple[str, ...]] = []
    weights: dict[tuple[str, ...], list[Fact]] = {}
    scores: dict[tuple[str, ...], list[Fact]] = {}
    for fact in facts:
        if not fact.base.startswith(prefix) or fact.measure not in ("weight", "score"):
            continue
        path = tuple(fact.base[len(prefix) :].split("."))
        if len(path) > INDICATOR_DEPTH:
            continue
        for depth in range(1, len(path) + 1):
            if path[:depth] not in weights:
                order.append(path[:depth])
                weights[path[:depth]] = []
                scores[path[:depth]] = []
        (weights if fact.measure == "weight" else scores)[path].append(fact)
    children: dict[tuple[str, ...], list[Indicator]] = {path: [] for path in order}
    built: dict[tuple[str, ...], Indicator] = {}
    # deepest first, so that a node's children are built before it; the sort is stable, so
    # siblings stay in the order first stated
    for path in sorted(order, key=len, reverse=True):
        built[path] = Indicator(path, tuple(weights[path]), tuple(scores[path]), tuple(children[path]))
        if len(path) > 1:
            children[path[:-1]].append(built[path])
    return tuple(built[p] for p in order if len(p) == 1)


@attrs.frozen
class Location:
    """A place a finding points at, with the figure or text written there."""

    line: int
    column: int
    text: str
    concept: str | None = None
    start_line: int | None = None  # where the statement starts, if a page cut it (``Span.start_line``)

    @classmethod
    def of(cls, fact: Fact) -> Location:
        return cls.at(fact.span, fact.concept)

    @classmethod
    def at(cls, span: Span, concept: str | None = None) -> Location:
        return cls(span.line, span.column, span.text, concept, span.start_line)


@attrs.frozen
class Diagnosis:
    """Why a relation fails, when one explanation fits: the slip and the corrected value."""

    kind: DiagnosisKind
    message: str
    location: Location
    corrected: str


@attrs.frozen
class Finding:
    """A rule that does not hold: what was seen, what was expected, where, and why."""

    code: str
    severity: Severity
    message: str
    locations: tuple[Location, ...]
    seen: str = ""
    expected: str = ""
    diagnoses: tuple[Diagnosis, ...] = ()
    path: str = ""

    @property
    def line(self) -> int:
        return min((loc.line for loc in self.locations), default=0)

    @property
    def column(self) -> int:
        first = min(self.locations, key=lambda loc: (loc.line, loc.column), default=None)
        return first.column if first else 0

    @property
    def explanations(self) -> tuple[str, ...]:
        """The diagnoses in words, each once (one slip that either of two figures made is one)."""
        return tuple(dict.fromkeys(d.message for d in self.diagnoses))
