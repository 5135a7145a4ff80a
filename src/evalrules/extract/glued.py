"""A 预算执行 form's money rows whose cells ran together with nothing between them.

OCR, or a converter that drops every cell boundary, writes the rows of a 项目支出绩效自评表 as
one run of digits after the header's names:

    项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额:202010100.00%10

The form itself cuts the run into cells.  Its columns stand in the national form's order
(年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分; two of their names start a form), but a blank cell, or
a column whose name the OCR garbled, may be missing from the run; the 执行率 ends at its ``%``.
Every cut of the run into figures written as cells write them (no leading zero, at most two
decimals), over every choice of the columns it fills, is a reading; a reading is kept when the
form's identities hold between its cells within the rounding of the figures as written:

- 执行率 = 全年执行数 / 全年预算数 (年初预算数 where the row has no 全年预算数), neither 0 (a
  row that spent nothing is not read from a run: every cut that ends in zeros fits it);
- the 分值 is a whole number of 分, and the 得分 is not more than it.

Of the readings kept, those whose 得分 is also the 执行率 times the 分值 (capped at the 分值)
are preferred, if any; then those whose amounts are written to one number of decimals, as a
form's cells are (64.8 64.8 64.8, not 64.86 4.86 4.8).  A cell is read where every reading kept
says the same of it (the same figure under the same column); where two readings differ on it,
it is not read: two readings the form allows are no reading of that cell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from evalrules.extract.headers import COLUMNS, DECLARED_UNIT
from evalrules.extract.joined import Joined
from evalrules.model import Fact, Line
from evalrules.quantity import Interval, written_interval

__all__ = ["read_glued_rows"]

_ORDER = ("initial_budget", "annual_budget", "executed", "weight", "rate", "score")  # the national form's
_BEFORE_RATE = _ORDER[: _ORDER.index("rate")]
_AFTER_RATE = _ORDER[_ORDER.index("rate") + 1 :]
_AMOUNTS = ("initial_budget", "annual_budget", "executed")
# a run of figure characters with one 执行率 in it; bounded, so that cutting it stays cheap
_RUN = re.compile(r"(?<![\d.])\d[\d.]{1,30}%[\d.]{0,8}(?![\d.%])")
_CELL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_FORM = frozenset(_ORDER)
_UNITS = {"rate": "%", "weight": "分", "score": "分"}  # the cells not in the form's declared unit
_HEADER_NAMES = 2  # form column names that make a header
_MOST_WEIGHT = 100


_Reading = dict[str, tuple[int, str]]  # column kind → (offset in the run, figure)


def read_glued_rows(lines: Sequence[Line], known: Mapping[str, str]) -> list[Fact]:
    """The figures of the form rows among ``lines`` whose cells ran together."""
    joined = Joined.of(lines)
    text = joined.text
    facts: list[Fact] = []
    header = False
    unit: str | None = None
    after = 0  # where the text before the next run starts: after the last figure
    for run in _RUN.finditer(text):
        before = text[_last_figure_end(text, after, run.start()) : run.start()]
        after = run.end()
        if joined.place(run.start())[0] != joined.place(run.end() - 1)[0]:
            continue  # a line's last figure and the next line's first
        if "。" in before:
            header = False  # a sentence between: the form has ended
        if len({COLUMNS.names[name][0] for name in COLUMNS.names if name in before} & _FORM) >= _HEADER_NAMES:
            header = True
            declared = DECLARED_UNIT.search(before)
            unit = next(u for u in declared.groups() if u) if declared else unit
        row = _row(before)
        if not header or row is None:
            continue
        for kind, (start, figure) in _agreed(run.group()):
            concept = COLUMNS.row_concept(row, kind, known)
            if concept is not None:
                facts.append(joined.fact(concept, figure, _UNITS.get(kind, unit), run.start() + start))
    return facts


def _last_figure_end(text: str, start: int, end: int) -> int:
    """Where the text after the last digit in ``text[start:end]`` begins: a header's names and a
    row's label stand between the figures before them and the run."""
    for at in range(end - 1, start - 1, -1):
        if text[at].isdigit():
            return at + 1
    return start


def _row(before: str) -> str | None:
    """Whose row the run is — the form's total (年度资金总额) or its 本年财政拨款 part — by the
    last row name before it; None where it is another row's (上年结转, 其他资金)."""
    names = (*COLUMNS.total_rows, *COLUMNS.fiscal_rows, *COLUMNS.other_rows)
    found = [(before.rfind(word), word) for word in names if word in before]
    last = max(found)[1] if found else None
    return None if last in COLUMNS.other_rows else last


def _agreed(run: str) -> list[tuple[str, tuple[int, str]]]:
    """The cells (column kind, (offset in ``run``, figure)) every reading of ``run`` kept agrees on."""
    kept = [reading for reading in _readings(run) if _holds(reading)]
    for preferred in (_scored_by_rate, _money_alike):
        kept = [reading for reading in kept if preferred(reading)] or kept
    if not kept:
        return []
    return sorted(frozenset.intersection(*(frozenset(r.items()) for r in kept)), key=lambda cell: cell[1][0])


def _readings(run: str) -> Iterator[_Reading]:
    before, _, after = run.partition("%")
    for cut_before in _cuts(before, 0, len(_BEFORE_RATE) + 1):
        *money, rate = cut_before
        for cut_after in _cuts(after, len(before) + 1, len(_AFTER_RATE)) if after else [[]]:
            for columns in itertools.combinations(_BEFORE_RATE, len(money)):
                for later in itertools.combinations(_AFTER_RATE, len(cut_after)):
                    yield {
                        **dict(zip(columns, money, strict=True)),
                        "rate": rate,
                        **dict(zip(later, cut_after, strict=True)),
                    }


def _cuts(digits: str, offset: int, most: int) -> Iterator[list[tuple[int, str]]]:
    """Every way of cutting ``digits`` into at most ``most`` figures as cells write them, with
    their offsets."""
    if not digits:
        yield []
        return
    if most == 0:
        return
    for end in range(len(digits), 0, -1):
        if _CELL.fullmatch(digits[:end]):
            for rest in _cuts(digits[end:], offset + end, most - 1):
                yield [(offset, digits[:end]), *rest]


def _interval(figure: str) -> Interval:
    return Interval(*written_interval(Decimal(figure), len(figure.partition(".")[2])))


def _figure(reading: _Reading, kind: str) -> str | None:
    cell = reading.get(kind)
    return cell[1] if cell else None


def _holds(reading: _Reading) -> bool:
    executed, rate = _figure(reading, "executed"), _figure(reading, "rate")
    base = _figure(reading, "annual_budget") or _figure(reading, "initial_budget")
    if executed is None or rate is None or base is None:
        return False
    if any(_interval(figure).contains_zero() for figure in (executed, rate, base)):
        return False  # a row that executed nothing is not read from a run: any cut ending in zeros fits it
    if not (_interval(executed) / _interval(base)).scale(Decimal(100)).overlaps(_interval(rate)):
        return False
    weight, score = _figure(reading, "weight"), _figure(reading, "score")
    if weight is not None and not ("." not in weight and 0 < int(weight) <= _MOST_WEIGHT):
        return False
    return score is None or (weight is not None and Decimal(score) <= Decimal(weight))


def _scored_by_rate(reading: _Reading) -> bool:
    weight, score, rate = _figure(reading, "weight"), _figure(reading, "score"), _figure(reading, "rate")
    if weight is None or score is None or rate is None:
        return False
    due = (_interval(rate).scale(Decimal("0.01")) * _interval(weight)).cap(_interval(weight))
    return due.overlaps(_interval(score))


def _money_alike(reading: _Reading) -> bool:
    """Whether the row's amounts are written to one number of decimals, as a form's cells are."""
    return len({len(figure.partition(".")[2]) for kind, (_, figure) in reading.items() if kind in _AMOUNTS}) == 1
