"""The tree of an indicator table, read as a grammar over its cells and checked by its weights.

A 评价指标表 flattened to text keeps its cells in reading order but not its grid: merged cells
of the upper levels stand once, above or before the rows they span, and a row's cells may wrap
over several lines (a PDF) or stand one a line.  Whatever the copy, the cells come in this order,
which the reader takes as a grammar over the kinds of cell (a name, a name with its weight in
parentheses, a bare number, text):

    node  := WEIGHTED [score]           产出指标(50分)  /  相关性(5分) 5
           | NAME weight [TEXT…] [score] 预算配置 16  /  在职人员控制率 8 以100%为标准… 8

— the first number after a name is its weight, and a leaf's score is the first number after its
weight and the text of its explanation and scoring columns (numbers inside that text are not
cells and do not count).  Where a node stands in the tree is decided by the weights: a node is a
part of the innermost node above it whose weight its parts have not yet filled; a node as deep
as the header has levels (一级指标 / 二级指标 / 三级指标) is a leaf.  A table whose weights do not
add up that way (a part that overflows what is left of its parent, a parent whose parts fall
short before the next node of its level) was not read right, and yields nothing: several
readings could fit the cells, and one that the form's own arithmetic rejects is no reading.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Sequence
from decimal import Decimal
from importlib.resources import files

import attrs

from evalrules.concepts import INDICATOR_PREFIX, indicator_concept
from evalrules.model import Fact, Line, Span

__all__ = ["is_total", "read_indicator_tables", "weights_that_add_up"]

_CJK = r"\u4e00-\u9fff"
_POINTS = r"\d{1,3}(?:\.\d{1,2})?"  # a weight or a score: 5, 22.5, 100
_WEIGHTED = re.compile(rf"(?P<name>[{_CJK}][{_CJK}()、/]{{0,29}})\((?P<weight>{_POINTS})分\)")
_NUMBER = re.compile(rf"{_POINTS}(?:分)?")
_NAME = re.compile(rf"[{_CJK}][{_CJK}()、/]{{1,29}}")
_FRAGMENT = re.compile(rf"[{_CJK}]")  # one character: a piece of a name a copy spaced apart (部 门 决 策)
_WEIGHT_IN_PARENS = re.compile(rf"\(\s*({_POINTS})\s*分\s*\)")
_WEIGHT_ALONE = re.compile(rf"\((?P<weight>{_POINTS})分\)")
_CELL = re.compile(r"[^|]+")
_TOKEN = re.compile(r"\S+")
_HEADER_REACH = 4  # lines the header's level names may be spread over (one cell a line)
_QUIET = 20  # lines without a node that end a table
_MAX = Decimal(100)
_LEAST_LEAVES = 2  # a tree with fewer leaves was not read from its rows


@attrs.frozen
class _Words:
    levels: tuple[str, ...]
    header: frozenset[str]
    totals: frozenset[str]
    weights: frozenset[str]
    columns: re.Pattern[str]  # a weight's or a target's column name


@functools.cache
def _words() -> _Words:
    data = tomllib.loads(files("evalrules.extract").joinpath("indicators.toml").read_text("utf-8"))
    names = sorted((*data["weights"], *data["targets"]), key=len, reverse=True)
    return _Words(
        tuple(data["levels"]),
        frozenset((*data["header"], *data["targets"])),
        frozenset(data["totals"]),
        frozenset(data["weights"]),
        re.compile("|".join(map(re.escape, names))),
    )


@attrs.frozen
class _Cell:
    kind: str  # weighted, name, number, text, header, total
    text: str  # the name (of a weighted cell, without its weight), or the cell as written
    line: Line
    start: int  # where the figure (weighted, number) or the cell starts in ``line.text``
    figure: str = ""  # the weight or the number as written

    @property
    def value(self) -> Decimal:
        return Decimal(self.figure)


def is_total(name: str) -> bool:
    """Whether a row named ``name`` (合计, 总分) ends a table of indicators with its total."""
    return name in _words().totals


def _kind(text: str) -> str:
    words = _words()
    if is_total(text):
        return "total"
    if text in words.header or any(level in text for level in words.levels):
        return "header"
    if _NUMBER.fullmatch(text):
        return "number"
    if _WEIGHTED.fullmatch(text):
        return "weighted"
    if _WEIGHT_ALONE.fullmatch(text):
        return "weight"  # 规划 (15分): the weight of the name before it
    return "name" if _NAME.fullmatch(text) else "text"


def _cells(line: Line) -> Iterator[_Cell]:
    """The cells of ``line``: between its ``|``, or (a table written with spaces) its tokens."""
    text = line.text
    pattern = _CELL if "|" in text else _TOKEN
    if pattern is _TOKEN:  # 部门决策(25 分): a weight's own spaces do not part cells
        text = _WEIGHT_IN_PARENS.sub(lambda m: f"({m[1]}分)".ljust(len(m[0])), text)
    for found in pattern.finditer(text):
        written = found.group()
        cell = written.strip().replace(" ", "")
        if not cell:
            continue
        start = found.start() + len(written) - len(written.lstrip())
        kind = _kind(cell)
        if kind in ("weighted", "weight"):
            weighted = (_WEIGHTED if kind == "weighted" else _WEIGHT_ALONE).fullmatch(cell)
            assert weighted is not None
            at = line.text.find(weighted["weight"], start)
            name = weighted["name"] if kind == "weighted" else ""
            yield _Cell(kind, name, line, at, weighted["weight"])
        elif kind == "number":
            yield _Cell(kind, cell, line, start, cell.removesuffix("分"))
        else:
            yield _Cell(kind, cell, line, start)


def _joined(cells: Iterator[_Cell]) -> Iterator[_Cell]:
    """Cells with a name a PDF split in two put together again: 三公经费 变动率, 部门决 策(25分)
    (a weighted cell whose name is one character is the end of the name before it), 规划 (15分),
    and a name spaced apart character by character (部 门 决 策(25分))."""
    previous: _Cell | None = None
    for cell in cells:
        if previous is not None and previous.line is cell.line:
            if _fragment(previous) and cell.kind in ("name", "text", "weighted"):
                kind = "name" if cell.kind == "text" else cell.kind
                start = cell.start if kind == "weighted" else previous.start  # a weighted cell starts at its weight
                previous = attrs.evolve(cell, kind=kind, text=previous.text + cell.text, start=start)
                continue
            if previous.kind == "name" and (cell.kind == "name" or _fragment(cell)):
                previous = attrs.evolve(previous, text=previous.text + cell.text)
                continue
            if previous.kind == "name" and (cell.kind == "weight" or (cell.kind == "weighted" and len(cell.text) == 1)):
                previous = attrs.evolve(cell, kind="weighted", text=previous.text + cell.text)
                continue
        if previous is not None:
            yield previous
        previous = cell
    if previous is not None:
        yield previous


def _fragment(cell: _Cell) -> bool:
    return cell.kind == "text" and bool(_FRAGMENT.fullmatch(cell.text))


@attrs.define
class _Node:
    name: str
    weight: _Cell | None = None
    score: _Cell | None = None
    path: tuple[str, ...] = ()
    left: Decimal = Decimal(0)  # of its weight, what its parts have not filled


class _Misread(Exception):
    """The weights do not add up as the cells were read."""


@attrs.define
class _Tree:
    depth: int
    open: list[_Node] = attrs.Factory(list)  # the nodes whose parts are still coming, outermost first
    nodes: list[_Node] = attrs.Factory(list)
    pending: _Node | None = None  # the last node named, waiting for its weight or its score

    def name(self, name: str, weight: _Cell | None = None) -> None:
        self.pending = _Node(name)
        if weight is not None:
            self.weigh(weight)

    def number(self, cell: _Cell) -> None:
        node = self.pending
        if node is None:
            return  # a 序号, or a cell of a column the grammar does not read
        if node.weight is None:
            self.weigh(cell)
        elif (
            node.score is None and len(node.path) == self.depth and Decimal(cell.figure) <= Decimal(node.weight.figure)
        ):
            node.score = cell
            self.pending = None

    def weigh(self, cell: _Cell) -> None:
        node = self.pending
        assert node is not None
        weight = cell.value
        if weight > _MAX:
            raise _Misread
        node.weight = cell
        while self.open and self.open[-1].left == 0:
            self.open.pop()
        if self.open:
            parent = self.open[-1]
            if weight > parent.left:
                raise _Misread
            parent.left -= weight
        node.path = (*(n.name for n in self.open), node.name)
        self.nodes.append(node)
        if len(node.path) < self.depth:
            node.left = weight
            self.open.append(node)
            self.pending = None

    @property
    def awaiting_score(self) -> bool:
        return self.pending is not None and self.pending.weight is not None

    def facts(self) -> list[Fact]:
        """The tree's facts, if its weights add up: every node whose parts are all read has
        parts that fill it.  The nodes still open where the table ends may have been cut off
        (an excerpt, a page missing): their parts are read, their weights are not stated, for
        the parts read are not all their parts."""
        groups = [n for n in self.nodes if len(n.path) < self.depth]
        still_open = {id(n) for n in self.open if n.left}
        leaves = len(self.nodes) - len(groups)
        if leaves < _LEAST_LEAVES or any(n.left and id(n) not in still_open for n in groups):
            return []
        found = []
        for node in self.nodes:
            assert node.weight is not None
            if id(node) not in still_open:
                found.append(_fact(indicator_concept(node.path, "weight"), node.weight))
            if node.score is not None:
                found.append(_fact(indicator_concept(node.path, "score"), node.score))
        return found


def _fact(concept: str, cell: _Cell) -> Fact:
    return Fact(
        concept=concept,
        value=Decimal(cell.figure),
        span=Span(cell.line.number, cell.start + 1, cell.figure),
        unit="分",
        decimals=len(cell.figure.partition(".")[2]),
        clause=-cell.line.number,
        source="table",
    )


def _header(lines: Sequence[Line], index: int) -> int:
    """How many levels the header starting at ``lines[index]`` names, if a weight or score is
    the column after them (0: no such header)."""
    words = _words()
    text = "".join(line.text for line in lines[index : index + _HEADER_REACH + 1]).replace(" ", "")
    named = [level for level in words.levels if level in text]
    if len(named) < 2 or words.levels[0] not in lines[index].text.replace(" ", ""):
        return 0
    after = words.columns.search(text, text.rfind(named[-1]) + len(named[-1]))
    return len(named) if after is not None and after.group() in words.weights else 0


def read_indicator_tables(lines: Sequence[Line]) -> Iterator[tuple[list[Fact], set[int]]]:
    """The facts of each indicator table among ``lines`` whose weights add up, with the numbers
    of the lines the table is on."""
    index = 0
    while index < len(lines):
        depth = _header(lines, index)
        if not depth:
            index += 1
            continue
        tree, end = _read(lines, index, depth)
        found = tree.facts()
        if found:
            yield found, {line.number for line in lines[index:end]}
        index = max(end, index + 1)


def _read(lines: Sequence[Line], start: int, depth: int) -> tuple[_Tree, int]:
    """The tree of the table whose header starts at ``lines[start]``, and where the table ends."""
    tree = _Tree(depth)
    quiet = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start + _HEADER_REACH and _header(lines, index):
            return tree, index  # the next table's header
        named = len(tree.nodes)
        cells = list(_joined(_cells(line)))
        if index == start:  # what the header line holds before the header is not the table's
            cells = cells[next((i for i, c in enumerate(cells) if c.kind == "header"), 0) :]
        try:
            for cell in cells:
                if cell.kind == "total":
                    return tree, index + 1
                if cell.kind == "number":
                    tree.number(cell)
                elif tree.awaiting_score:
                    continue  # the leaf's explanation and scoring columns, up to its score
                elif cell.kind == "weighted":
                    tree.name(cell.text, cell)
                elif cell.kind == "name":
                    tree.name(cell.text)
        except _Misread:
            return _Tree(depth), index + 1
        quiet = 0 if len(tree.nodes) > named else quiet + 1
        if quiet > _QUIET:
            return tree, index + 1
    return tree, len(lines)


def weights_that_add_up(facts: Sequence[Fact]) -> int:
    """How many indicators among ``facts`` have a weight that their parts' weights add up to:
    how much of a reading of a table its own arithmetic confirms."""
    weights = {
        f.concept.removeprefix(INDICATOR_PREFIX).removesuffix(":weight"): f.number
        for f in facts
        if f.concept.startswith(INDICATOR_PREFIX) and f.concept.endswith(":weight") and f.is_figure()
    }
    parts: dict[str, Decimal] = {}
    for path, weight in weights.items():
        parent, dot, _ = path.rpartition(".")
        if dot:
            parts[parent] = parts.get(parent, Decimal(0)) + weight
    return sum(1 for path, total in parts.items() if weights.get(path) == total)
