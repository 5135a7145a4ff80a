"""Self-evaluation forms whose cells ran together when the page was converted to text.

A .docx or scanned 自评表 flattened by a web converter or OCR loses every cell boundary:

    指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标
    财政供养人员控制率%定量指标100%92%100%22否“三公经费变动率%100%22否…

Each indicator row still ends the same way — 得分系数 ``100%``, then 权重 and 得分 run together
(``22`` is 2 and 2, ``1010`` is 10 and 10), then 是/否 — so rows are read from that end: the
run of digits is split where the score is the 系数 times the weight, the name is what is left
of the text before the values once the unit, the 定量/定性 column (its characters often
shuffled) and qualitative values (好好, 高高) are taken off, and the last value before the
系数 is the 全年完成值.  The form's 执行率 row (``执行率(%)执行率权重执行率得分(分)O76%107.6``) is
read the same way, its 系数 being the 执行率 itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from evalrules.concepts import indicator_concept
from evalrules.extract.joined import Joined
from evalrules.extract.lexicon import Lexicon
from evalrules.model import Fact, Line

__all__ = ["read_runon_forms"]

_INDICATOR_HEADER = re.compile(r"得分系数.{0,6}?指标权重.{0,6}?指标得分.{0,6}?是否核心指标")
# a row's text is short: bounded, so a page with the header and no rows is read in linear time
# Bounded runs of digits: a 系数 is a percentage (100, 95.5), a weight and score run together
# at most a few digits (109.5: 10 and 9.5); unbounded runs would make a long digit run quadratic.
_COEFFICIENT = r"(?P<coef>\d{1,3}(?:\.\d{1,2})?)%"
_WEIGHT_SCORE = r"(?P<ws>\d{1,7}(?:\.\d{1,2})?)"
_ROW = re.compile(rf"(?P<text>.{{1,120}}?){_COEFFICIENT}{_WEIGHT_SCORE}(?P<core>[是否])")
_EXECUTION = re.compile(rf"执行率\(%\)执行率权重执行率得分\(分\)\D{{0,3}}?{_COEFFICIENT}{_WEIGHT_SCORE}(?!\d)")
_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|[\u4e00-\u9fff])?")
_PROPERTY = ("定量指标", "定性指标")
_PAGE_MARK = re.compile(r"^\D*?\d{1,2}、")  # “绩效指标3、”: a header's leftover and the next page's number
_WHOLE = re.compile(r"[1-9]\d*")  # a weight: whole 分
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_DOUBLED = re.compile(r"(.{1,3})\1$")  # the target and the actual value of a qualitative row: 好好, 高高


def read_runon_forms(lines: Sequence[Line], lexicon: Lexicon, known: Mapping[str, str]) -> tuple[list[Fact], set[int]]:
    """The indicators (weight, score, and the concept their 完成值 measures) of run-on forms, and
    the lines that hold nothing but their rows (not to be read again as sentences)."""
    joined = Joined.of(lines)
    text = joined.text
    facts: list[Fact] = []
    for found in _EXECUTION.finditer(text):
        cut = _weight_score(found["ws"], Decimal(found["coef"]))
        if cut is not None:
            facts.append(joined.fact("execution.rate", found["coef"], "%", found.start("coef")))
            facts.extend(_scored("执行率", found, cut, joined))
    header = _INDICATOR_HEADER.search(text)
    if header is None:
        return facts, set()
    rows = list(_indicator_rows(text, header.end(), joined, lexicon, known))
    if not rows:
        return facts, set()
    first, last = joined.place(header.end() - 1)[0] + 1, max(f.line for f in rows)
    return facts + rows, set(range(first, last + 1))


def _indicator_rows(
    text: str, start: int, joined: Joined, lexicon: Lexicon, known: Mapping[str, str]
) -> Iterator[Fact]:
    for row in _ROW.finditer(text, start):
        name, values = _name_and_values(row["text"])
        cut = _weight_score(row["ws"], Decimal(row["coef"]))
        if not name or cut is None:
            continue
        yield from _scored(name, row, cut, joined)
        if values and values[-1][1] == "%":  # the 完成值 of a rate the lexicon knows: 财政供养人员控制率 92%
            number, _, at = values[-1]
            measured = lexicon.resolve(name, "percent", "final", None, known)
            if measured is not None and not measured[0].startswith("execution."):  # the form's 执行率 row has it
                offset = row.start("text") + at
                yield joined.fact(measured[0], number, "%", offset)


def _name_and_values(text: str) -> tuple[str, list[tuple[str, str | None, int]]]:
    """The indicator's name in a row's text before its 系数, and the values written after it
    (number, unit, offset in ``text``)."""
    mark = _PAGE_MARK.match(text)
    begin = mark.end() if mark else 0
    first_digit = next((i for i in range(begin, len(text)) if text[i].isdigit()), len(text))
    values = [(m[1], m[2], m.start()) for m in _VALUE.finditer(text, first_digit)]
    name = text[begin:first_digit].strip("“”\"' ")
    for word in _PROPERTY:
        name = _without_shuffled(name, word)
    unit = next((u for _, u, _ in reversed(values) if u), None)
    if unit and unit in name:
        cut = re.match(rf"^(.+?){re.escape(unit)}(?:[^\u4e00-\u9fff]|[\u4e00-\u9fff](?![\u4e00-\u9fff]))*$", name)
        name = cut[1] if cut else name
    name = re.sub(r"[a-zA-Z]+[\u4e00-\u9fff]?$", "", name)  # OCR debris before the values: tot扁
    if not values:
        name = _DOUBLED.sub("", name)
    return name.strip("%"), values


def _without_shuffled(name: str, word: str) -> str:
    """``name`` without ``word``, even with its characters shuffled (性标定指 for 定性指标)."""
    target = sorted(word)
    for i in range(len(name) - len(word), -1, -1):
        if sorted(name[i : i + len(word)]) == target:
            return name[:i] + name[i + len(word) :]
    return name


def _weight_score(digits: str, coefficient: Decimal) -> int | None:
    """Where weight and score ran together: the cut at which score = 系数 × weight, closest
    first; None when no cut gives a score within the weight and near that."""
    best: tuple[Decimal, int] | None = None
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if not (_WHOLE.fullmatch(left) and _NUMBER.fullmatch(right)):
            continue
        weight, score = Decimal(left), Decimal(right)
        gap = abs(score - weight * coefficient / 100)
        if score <= weight and gap <= Decimal("0.05") * weight and (best is None or gap < best[0]):
            best = (gap, cut)
    return best[1] if best else None


def _scored(name: str, found: re.Match[str], cut: int, joined: Joined) -> Iterator[Fact]:
    """The weight and the score of indicator ``name``, cut from the run ``found["ws"]``."""
    start = found.start("ws")
    yield joined.fact(indicator_concept((name,), "weight"), found["ws"][:cut], "分", start)
    yield joined.fact(indicator_concept((name,), "score"), found["ws"][cut:], "分", start + cut)
