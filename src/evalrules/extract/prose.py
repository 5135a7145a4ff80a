"""Facts from sentences: label + figure + unit, read left to right with the sentence's context.

Lines are joined into paragraphs where a sentence runs on.  Within a paragraph, from one
figure to the next and from one sentence (up to 。！？) to the next, the reader carries:

- the scope, 年初预算 (budget) or 决算 (final), from the last scope word written, else from the
  nearest heading that names one, else final in a report of what was spent (绩效自评, 执行情况:
  ``Lexicon.default_scope``), else budget if the text never speaks of 决算, else final;
- the topic (三公经费, 政府采购), from the last topic word written, else from the headings or
  the title: in a sentence about 三公经费, 合计 is the 三公经费 total;
- the breakdown: after “其中”, labels are first read as parts of the figure before it
  (编制 9名，其中：行政编制 9名 → staffing.authorized_admin);
- the subject: the last figure read, which a change or share refers to
  (基本支出 100.28万元，占总支出的55.5% → final.expense_basic:share), and whose other scope a
  bare scope word names (公务接待费支出2.05万元，年初预算为2万元 → three_public.budget.reception).

Scores (figures in 分) are read against the indicator whose heading the line is under
(“1、年度资金总额。权重10分，得9.98分”), or the indicator the label names
(“其中，产出指标38分”).  The grade is read from “综合绩效级别为‘优’” and the like.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from evalrules.concepts import indicator_concept
from evalrules.extract.figures import YEAR, Figure, figures
from evalrules.extract.grammar import Grammar
from evalrules.extract.lexicon import ANY_PARENT, Lexicon
from evalrules.layout.headings import heading_of
from evalrules.layout.normalize import clean_label, fold_width
from evalrules.model import Fact, Line, Section, Span
from evalrules.quantity import dimension

__all__ = ["read_prose"]

# a stop right before a closing bracket ends the aside, not the sentence: …(购置费100万元;运行费400万元。)比上年增加…
_SENTENCE = re.compile(r"(?:[^。!?！？]|[。!?！？](?=[)）]))+[。!?！？]?")
# a sentence that opens with its year states afresh (2022年支出76.36万元)
_OPENS_WITH_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*年")
_JOINT_MEASURES = ("yoy_change", "yoy_pct")  # what a 收支 states of both sides at once
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")
_LEAD = re.compile(r"^[,，、:：;；.。\s]*(?:其中)?[,，、:：;；\s]*")
_CLAUSE_SPLIT = re.compile(r"[,，、:：;；()（）\s]")
_LABEL_UNIT = re.compile(r"\((万元|元|亿元|%|分|人)\)$")  # a unit the label declares for its figure
_HEADING_TAIL = re.compile(r"(?:的?(?:基本|具体)?情况(?:说明|分析)?|说明|分析)?[。.:：]?\s*$")


@attrs.define
class _Sentence:
    """What the reader carries from one figure to the next within a sentence."""

    scope: str | None = None
    topic: str | None = None
    topic_named: bool = False  # the sentence names its topic (else it carries the one before it)
    parent: Fact | None = None
    breakdown: bool = False  # after “其中”: parts of the figure before, or of one not written
    subject: Fact | None = None
    previous: Fact | None = None  # the subject before the current one
    against_budget: bool = False  # the last figure was the subject's budget: a change next is vs_budget
    compared: str | None = None  # the measure of the last change stated (yoy_change, vs_budget)
    listed: list[str] = attrs.Factory(list)  # concepts named by “A、B和C分别为”, in order
    listed_next: int = 0  # which of them the next figure is
    listed_measure: str = ""  # "" for the figures, ":share" for 占…比例为, ":yoy_change" for 各减少
    listed_sign: str | None = None  # the direction word of a list of changes
    qualified: frozenset[str] = frozenset()  # the qualifier words of the paragraph up to the current label
    bare: list[Fact] = attrs.Factory(list)  # amounts read with no concept (concept "")
    totals: list[Fact] = attrs.Factory(list)  # figures a 其中 shows to be grand totals
    year: int | None = None  # the year the paragraph last named: the sentences after it speak of it
    tier: str | None = None  # the tier of government the paragraph speaks of (市级), if a part's
    kind: str | None = None  # the kind of unit or sector the sentence speaks of (行政单位, 教育行业)
    entities: dict[tuple[int, int], str] = attrs.Factory(dict)  # where a part's figure is → its entity
    unnamed: str | None = None  # the class of spending the last amount with no concept is of (初中教育支出)
    entity_named: bool = False  # an entity word stands right before the current figure
    joint: tuple[Fact, Fact] | None = None  # the two totals a 收支 stands for, while they are the subject
    indicator: str | None = None  # the indicator the sentence named last: a bare 得分 or 权重 is its
    # (subject, parent, breakdown) at each bracket still open
    asides: list[tuple[Fact | None, Fact | None, bool]] = attrs.Factory(list)

    def qualify(self, found: tuple[str, str] | None) -> None:
        """Take in the entity word written just before a figure."""
        if found is None:
            return
        level, word = found
        if level == "kind":
            self.kind = word
        else:  # a tier, or the whole (全市): what the sentence said of kinds no longer holds
            self.tier, self.kind = (word if level == "tier" else None), None

    @property
    def entity(self) -> str | None:
        return "·".join(part for part in (self.tier, self.kind) if part) or None


@attrs.define
class _Indicators:
    """Headings that turned out to be indicators (they state a weight or a score)."""

    sections: Sequence[Section]
    title_cut: re.Pattern[str]  # where a heading's name ends
    paths: dict[int, tuple[str, ...]] = attrs.Factory(dict)
    lines: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.lines = [section.line for section in self.sections]

    def innermost(self, line: int) -> int | None:
        """The last section that starts at or before ``line``."""
        index = bisect.bisect_right(self.lines, line) - 1
        return index if index >= 0 else None

    def path(self, index: int) -> tuple[str, ...]:
        if index not in self.paths:
            section = self.sections[index]
            name = self.title_cut.split(section.title, maxsplit=1)[0].strip().replace(".", "·")
            parent = section.parent
            while parent is not None and parent not in self.paths:
                parent = self.sections[parent].parent
            self.paths[index] = (self.paths[parent] if parent is not None else ()) + (name,)
        return self.paths[index]


def _headings(sections: Sequence[Section], index: int | None) -> list[str]:
    """The titles of section ``index`` and of the sections it is in, innermost first; of a
    heading that runs on into its text ((一)因公出国费用。2021年预算支出为0万元), the heading's own."""
    titles = []
    while index is not None:
        titles.append(_RUN_ON_HEADING.split(sections[index].title, maxsplit=1)[0])
        index = sections[index].parent
    return titles


def _first(found: Iterable[str | None]) -> str | None:
    return next((item for item in found if item), None)


def _scope_of(concept: str) -> str:
    return "budget" if ".budget." in f".{concept}" else "final"


def _rescoped(concept: str, scope: str, known: Mapping[str, str]) -> str | None:
    """The same item in the other scope: three_public.final.reception → three_public.budget.reception."""
    other = "final" if scope == "budget" else "budget"
    for a, b in ((f".{other}.", f".{scope}."), (f"{other}.", f"{scope}.")):
        if a in f".{concept}":
            candidate = f".{concept}".replace(a, b, 1).lstrip(".")
            return candidate if candidate in known and candidate != concept else None
    return None


def _final_of(subject: Fact, previous: Fact | None, known: Mapping[str, str]) -> Fact | None:
    """The final figure of the subject: itself, or the figure before it if that is the
    subject's final counterpart (预算为22.96万元，支出决算为15.81万元); None if neither is."""
    if ".final." in f".{subject.base}":
        return subject
    if previous is not None and previous.base == _rescoped(subject.base, "final", known):
        return previous
    return None


@attrs.frozen
class _Paragraph:
    """Consecutive lines one sentence may run across (text wrapped by a PDF or a web page),
    read as one text; positions in it map back to a line and a column."""

    lines: tuple[Line, ...]
    text: str  # the lines joined, as written
    starts: tuple[int, ...]  # where each line starts in ``text``

    @classmethod
    def of(cls, lines: Sequence[Line]) -> _Paragraph:
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len(line.text)
        return cls(tuple(lines), "".join(line.text for line in lines), tuple(starts))

    def at(self, position: int) -> tuple[Line, int]:
        """The line at ``position`` and the 0-based column in it."""
        index = bisect.bisect_right(self.starts, position) - 1
        return self.lines[index], position - self.starts[index]

    def span(self, start: int, end: int) -> Span:
        """Where ``text[start:end]`` is written; a figure whose unit is wrapped onto the next
        line (1037103.63 / 元) points at its number, on the line the number is on."""
        line, column = self.at(start)
        end = min(end, start - column + len(line.text))
        return Span(line.number, column + 1, self.text[start:end])


def _paragraphs(lines: Sequence[Line]) -> Iterator[_Paragraph]:
    """Lines joined where a sentence runs on: a line that does not end a sentence, followed
    by the next line of the file, neither of them a heading (a numbered line that goes on
    into a sentence, “6.其他收入 0.00 万元,为…”, is a paragraph, not a heading); and a form's
    field alone on its line (年度资金总额:) with the figure that opens the next line of text."""
    run: list[Line] = []
    for line in lines:
        if len(run) == 1 and _FIELD_LABEL.match(run[0].text):  # 年度资金总额: alone, its value below
            if not line.text.strip():
                continue  # the blank lines between the field and its value
            if _FIGURE_FIRST.match(line.text) and heading_of(line.text) is None:
                run.append(line)  # 854万(高标准农田建设400万元,…)
                continue
        if run and (
            line.number != run[-1].end + 1
            or _ENDS_SENTENCE.search(run[-1].text)
            or heading_of(line.text) is not None
            or (heading_of(run[-1].text) is not None and not _CLAUSE.search(run[-1].text))
        ):
            yield _Paragraph.of(run)
            run = []
        run.append(line)
    if run:
        yield _Paragraph.of(run)


_FIELD_LABEL = re.compile(r"^\s*[^\d\s，。；;,:：]{2,16}[:：]\s*$")
_FIGURE_FIRST = re.compile(r"^\s*\d")
_CLAUSE = re.compile(r"[,，]")
_RUN_ON_HEADING = re.compile(r"[。；;]")
_ENDS_SENTENCE = re.compile(r"[。！？!?；;:：]\s*$|^\s*$")


def _fact(concept: str, value: Decimal, figure: Figure, para: _Paragraph, period: int | None, clause: int) -> Fact:
    return Fact(
        concept=concept,
        value=value,
        span=para.span(figure.start, figure.end),
        unit=fold_width(para.text[figure.unit_start : figure.end]) if figure.unit_start >= 0 else figure.unit,
        decimals=figure.decimals,
        period=period,
        clause=clause,
    )


def _measure(grammar: Grammar, label: str, dim: str, subject: Fact, topic: str | None) -> tuple[str, str | None] | None:
    """(measure, sign word) when ``label`` states a change or share of the subject; under a
    topic, 完成预算的 is the topic's item in percent of its budget, not the funds' 执行率."""
    if dim == "percent" and grammar.share.search(label) and "率" not in label:
        return "share", None
    if dim == "percent" and topic and grammar.of_budget.search(label):
        return "of_budget", None  # 三公经费支出决算为15.81万元，完成预算的68.68%
    found = grammar.vs_budget.search(label)
    if found and dim == "money":
        return "vs_budget", found["sign"] or found["over"]
    found = grammar.yoy.search(label)
    if found and dim in ("money", "percent"):
        if grammar.last_budget.search(label) and ".budget." not in f".{subject.base}":
            return None  # 决算数…比上年预算数下降35.45%: against last year's budget, no concept
        return ("yoy_change" if dim == "money" else "yoy_pct"), found["sign"]
    return None


# the change in money that a change (in money or in percent) of a total has its parts' changes in
_MONEY_CHANGE = {
    "yoy_change": "yoy_change",
    "yoy_pct": "yoy_change",
    "vs_budget": "vs_budget",
    "vs_budget_pct": "vs_budget",
}


def _part_change(grammar: Grammar, label: str, dim: str, compared: str) -> tuple[str, str | None] | None:
    """A part's change in a breakdown of a change (其中:公务接待费支出决算减少12,625.00元): measured
    against what the total's change was."""
    found = grammar.change.search(label)
    if found is None or dim != "money":
        return None
    return compared, found["sign"]


@attrs.frozen
class _Context:
    """What a line inherits from the headings above it and the title; ``item``, the concept its
    own heading names ((3)公务接待费支出情况), stands for a bare 支出 under it."""

    scope: str
    topic: str | None
    item: str | None = None
    year: int | None = None  # the report's


def read_prose(
    lines: Sequence[Line],
    sections: Sequence[Section],
    lexicon: Lexicon,
    known: Mapping[str, str],
    title: str | None = None,
    year: int | None = None,
) -> list[Fact]:
    """Every fact the sentences of ``lines`` state; ``year`` is the report's (与2021年度预算相比
    in a report of 2021 compares with the figure's own budget)."""
    facts: list[Fact] = []
    grammar = lexicon.grammar
    indicators = _Indicators(sections, grammar.title_cut)
    contexts: dict[int | None, _Context] = {}
    clause = 0
    paragraphs = list(_paragraphs(lines))
    default_scope = lexicon.default_scope(title, " ".join(p.text for p in paragraphs))
    for para in paragraphs:
        text = para.text
        first = para.lines[0].number
        innermost = indicators.innermost(first)
        if innermost not in contexts:
            above = [*_headings(sections, innermost), *([title] if title else [])]
            scope = _first(lexicon.scope_of(t) for t in above) or default_scope
            topic = _first(lexicon.topic_of(t) for t in above)
            item = None
            if innermost is not None:
                # a heading that runs on into its text: (一)因公出国费用。2021年预算支出为0万元
                heading = _HEADING_TAIL.sub("", above[0])
                item = (lexicon.resolve(heading, "money", scope, None, known, topic) or (None,))[0]
            contexts[innermost] = _Context(scope, topic, item, year)
        context = contexts[innermost]
        carried = _Sentence(topic=context.topic)
        sentences = list(_SENTENCE.finditer(text))
        qualifiers = _holding(lexicon.qualifiers(text), sentences)
        for sentence in sentences:
            clause += 1
            state = _Sentence(
                scope=_opening_scope(grammar, sentence.group(), carried, year),
                topic=carried.topic,
                subject=carried.parent or carried.subject,
                tier=carried.tier,
                year=carried.year,
                compared=carried.compared,
            )
            found = list(
                _read_sentence(
                    text, sentence, para, context, state, indicators, lexicon, known, clause, qualifiers, facts
                )
            )
            found = [attrs.evolve(f, concept=f"{f.concept}_total") if f in state.totals else f for f in found]
            found = [_in_entity(f, state.entities) for f in found]
            facts.extend(_item_execution(grammar, found, state.bare, sentence.group()))
            carried = state
    # the changes of amounts that got no concept (“:yoy_change”) are no facts
    return _resolve_indicator_names([f for f in facts if f.base])


def _holding(qualifiers: Sequence[tuple[int, str]], sentences: Sequence[re.Match[str]]) -> list[tuple[int, int, str]]:
    """Each qualifier word (where it ends, the word) with where it stops holding: at the end of
    the paragraph, or of its sentence where it qualifies one part of a 其中 breakdown (…其中：一般
    公共预算财政拨款收入820.26万元。支出合计845.12万元 is the whole's spending)."""
    starts = [sentence.start() for sentence in sentences]
    held = []
    for at, word in qualifiers:
        until = sys.maxsize
        if (index := bisect.bisect_right(starts, at) - 1) >= 0:
            sentence = sentences[index]
            if "其中" in sentence.string[sentence.start() : at]:
                until = sentence.end()
        held.append((at, until, word))
    return held


def _opening_scope(grammar: Grammar, sentence: str, carried: _Sentence, year: int | None) -> str | None:
    """The scope a sentence starts in: final where it compares its figures with the budget;
    none of its own where it opens with its year (2022年支出76.36万元 after a sentence on
    预算收入 states afresh); else the scope the sentence before ended in."""
    if grammar.against_budget.search(_own_year_dropped(grammar, sentence, carried.year or year)):
        return "final"
    return None if _OPENS_WITH_YEAR.match(sentence) else carried.scope


def _read_sentence(
    text: str,
    sentence: re.Match[str],
    para: _Paragraph,
    context: _Context,
    state: _Sentence,
    indicators: _Indicators,
    lexicon: Lexicon,
    known: Mapping[str, str],
    clause: int,
    qualifiers: Sequence[tuple[int, int, str]],
    earlier: Sequence[Fact],
) -> Iterator[Fact]:
    """The facts of one sentence; ``state`` comes in with what the sentences before it in the
    paragraph set (scope, topic, and the figure a 其中 breakdown was of) and goes out updated.
    ``qualifiers`` are the paragraph's qualifier words, each with where it ends and where it
    stops holding (see ``_holding``); ``earlier`` the
    facts of the sentences before it."""
    grammar = lexicon.grammar
    position = sentence.start()
    # the years a sentence speaks of; 较2021年度 names the year compared with, not the figure's
    years = [
        (m.start(), int(m[1]))
        for m in YEAR.finditer(text, sentence.start(), sentence.end())
        if not grammar.after_comparison(text, m.start())
    ]
    # what each comparison the sentence writes is against, and where it ends
    comparisons = [(m.end(), _against(m)) for m in grammar.compared.finditer(text, sentence.start(), sentence.end())]
    for figure in _shared_units(text, list(figures(text, sentence.start(), sentence.end()))):
        start, end = figure.start, figure.end
        period = next((year for at, year in reversed(years) if at < start), state.year)
        figure_year = period or context.year  # the year the figure speaks of, named or the report's
        if (unchanged := _unchanged(grammar, text, position, start, state, para, figure_year, clause)) is not None:
            yield unchanged
        _asides(text[position:start], state)
        label = _own_year_dropped(grammar, clean_label(text[position:start]), figure_year)
        if figure.unit is None and (declared := _LABEL_UNIT.search(label)):
            figure = attrs.evolve(figure, unit=declared[1])  # 自评总分(分)97.6
        # a qualifier holds for the rest of its paragraph
        state.qualified = frozenset(word for at, until, word in qualifiers if at <= position < until)
        if "其中" in label:
            state.parent, state.breakdown = state.subject, True
            if state.subject is not None and state.unnamed and state.subject.entity == state.unnamed:
                # 初中教育支出2,065,405.42元，其中：基本支出…: the parts of a class that has no concept
                state.qualify(("kind", state.unnamed))
        named_entity = lexicon.entities.before(text, position, start)
        state.qualify(named_entity)
        state.entity_named = named_entity is not None
        if state.entity is not None:
            at = para.span(start, end)
            state.entities[(at.line, at.column)] = state.entity
        position = end
        dim = dimension(figure.unit)
        if (named_topic := lexicon.topic_of(label)) is not None:
            state.topic, state.topic_named = named_topic, True
        listed = _respectively(label, dim, state, context, lexicon, known)
        if listed is not None:
            for concept, sign in listed:
                yield _fact(concept, grammar.signed(figure.value, sign), figure, para, period, clause)
            continue
        if grammar.respectively.search(label):
            continue  # 公开招标、邀请招标…分别占…的77.2%: the figures of names that have no concept
        difference = _difference(grammar, label, dim, state, figure, para, period, clause)
        if difference is not None:
            yield difference
            continue
        if dim == "money" and grammar.previous_year.match(label):
            continue  # 较上年1174万元: last year's figure, which the change written next is against
        named = _named_subject(label, state, context, lexicon, known)
        if named is None and lexicon.joint.names_both(label):
            # 收支较上年增加…: both totals' change, or no figure's when they do not balance
            state.joint = lexicon.joint.pair(earlier)
            state.subject = state.joint[1] if state.joint else None
        subject = named or state.subject
        if dim == "money" and subject is not None and subject.unit == "%" and state.previous is not None:
            subject = state.previous  # 完成预算100%，决算数大于预算数55.93万元: the amount's, not the rate's
        measure = _measure(grammar, label, dim, subject, state.topic) if subject is not None else None
        if named is not None and measure is None and state.compared is not None:
            measure = _part_change(grammar, label, dim, state.compared)
        if measure is not None and measure[0] == "of_budget" and subject is not None:
            subject = _final_of(subject, state.previous, known)
            if subject is None:
                continue
        if measure is not None and subject is not None:
            name, sign = measure
            against_budget = state.against_budget or (
                # 比预算数减少1.94亿元;公务用车…30.87亿元,减少3.72亿元: a bare change is against what the
                # last comparison written in its sentence is against
                named is None
                and not grammar.compared.search(label)
                and next((kind for end, kind in reversed(comparisons) if end <= start), None) == "vs_budget"
            )
            if against_budget and name.startswith("yoy") and not grammar.year_cue.search(label):
                name = "vs_budget_pct" if name == "yoy_pct" else "vs_budget"
            elif name.startswith("yoy"):
                state.against_budget = False
            elif name == "vs_budget":
                state.against_budget = True  # 较年初预算数减少10.93万元，下降54.65%: the percent is against it too
            if named is not None:
                state.subject = named  # 下降6.89% written next is the same figure's change
            if name in _MONEY_CHANGE:  # 增长16.75%，其中公务接待费增加2.01万元: the parts' changes in money
                state.compared = _MONEY_CHANGE[name]
            value = grammar.signed(figure.value, sign)
            joint = state.joint
            sides = joint if joint is not None and subject is joint[1] and name in _JOINT_MEASURES else (subject,)
            for each in sides:
                change = _fact(f"{each.base}:{name}", value, figure, para, period, clause)
                yield change if each.entity is None else attrs.evolve(change, entity=each.entity)
            continue
        parent = state.parent if state.breakdown else None
        if dim == "score":
            fact = _score_fact(grammar, label, figure, para, indicators, period, clause, state)
        else:
            fact = _money_fact(label, dim, state, context, figure, para, period, clause, lexicon, known)
            if fact is not None:  # 其中货物类采购项目231个，采购计划金额…: the item's
                fact = attrs.evolve(fact, concept=lexicon.itemised(fact.concept, text[sentence.start() : start]))
        if (
            fact is not None
            and parent is not None
            and parent.concept == fact.concept
            and f"{fact.concept}_total" in known
        ):
            state.totals.append(parent)  # 总支出125.08万元，其中本年支出116.12万元: 总支出 is the grand total
        if (
            fact is not None
            and state.subject is not None
            and state.subject.clause == clause
            and _scope_of(fact.base) == "budget"
            and fact.base == _rescoped(state.subject.base, "budget", known)
        ):
            # the budget of the sentence's subject, an aside (…支出2.05万元，年初预算为2万元): a change
            # written next is still the subject's.  The other way round (预算15万元，实际支出12.30万元，
            # 较上年减少2.10万元) the spending is the subject; and a figure that opens a sentence is its
            # subject, whatever the sentence before stated.
            state.previous = fact
            state.against_budget = True
            yield fact
        elif fact is not None:
            state.previous, state.subject = state.subject, fact
            state.against_budget = False
            _leave_topic(fact, state, context)
            yield fact
        elif (
            dim == "money"
            and (spending := lexicon.entities.spending_class(label)) is not None
            and (expense := f"{state.scope or context.scope}.expense") in known
        ):
            # 社会保障和就业支出类科目116433.12元，占…，同比增加…: the class's expense (an entity's fact),
            # its share and changes written next the class's too
            fact = attrs.evolve(_fact(expense, figure.value, figure, para, period, clause), entity=spending)
            state.previous, state.subject, state.unnamed = state.subject, fact, spending
            yield fact
        elif dim == "money":
            # an amount with no concept: a change written next is its own (read as “:yoy_change”,
            # kept only if the sentence gives the amount a concept after all)
            bare = _fact("", figure.value, figure, para, period, clause)
            state.previous, state.subject = state.subject, bare
            state.bare.append(bare)
            state.unnamed = None
        elif dim == "person":
            state.previous, state.subject = state.subject, None
    tail_year = years[-1][1] if years else state.year
    if (
        unchanged := _unchanged(grammar, text, position, sentence.end(), state, para, tail_year or context.year, clause)
    ) is not None:
        yield unchanged
    state.year = years[-1][1] if years else state.year
    grade = grammar.grade.search(sentence.group())
    if grade:
        start = sentence.start() + grade.start("grade")
        yield Fact("evaluation.grade", grade["grade"], para.span(start, start + len(grade["grade"])), clause=clause)


_LIST_SEPARATOR = re.compile(r"[、,，和及与]")


def _leave_topic(fact: Fact, state: _Sentence, context: _Context) -> None:
    """A sentence that carries the topic of the one before it (三公经费…。) and states a figure
    of another kind (部门决算收入合计560万元) has gone on to another subject: its 支出合计
    is the department's, not the topic's.  A topic the sentence or the heading names holds."""
    if state.topic is None or state.topic_named or state.topic == context.topic:
        return
    if not fact.base.startswith(f"{state.topic}."):
        state.topic = None


def _shared_units(text: str, found: list[Figure]) -> list[Figure]:
    """Figures of a list written with one unit at its end (4125.49,4143.91万元) each take it."""
    shared = list(found)
    for i in range(len(shared) - 2, -1, -1):
        figure, after = shared[i], shared[i + 1]
        if figure.unit is None and after.unit and _LIST_SEPARATOR.fullmatch(text, figure.end, after.start):
            shared[i] = attrs.evolve(figure, unit=after.unit, unit_start=-1)
    return shared


def _own_year_dropped(grammar: Grammar, text: str, year: int | None) -> str:
    """与2021年度预算相比 in a sentence about 2021 compares with the figure's own budget: the
    year left out, it reads as 与预算相比 (与2020年预算相比 stays a comparison with last year)."""
    if year is None or "预算" not in text or str(year) not in text:
        return text
    return grammar.years_budget.sub(lambda m: m["compare"] if int(m["year"]) == year else m[0], text)


def _unchanged(
    grammar: Grammar, text: str, start: int, end: int, state: _Sentence, para: _Paragraph, year: int | None, clause: int
) -> Fact | None:
    """“因公出国(境)费支出0万元，与2021年度预算相比无增减”: the subject's change against its budget
    written in words, a zero (at the words; checked like any change against the budget)."""
    words = grammar.no_change.search(text, start, end)  # where they are written (a year left out shifts them)
    subject = state.subject
    if words is None or subject is None or subject.span.line == 0 or ".final." not in f".{subject.base}":
        return None
    if not grammar.unchanged.match(_own_year_dropped(grammar, text[start:end], year)):
        return None
    at = words.start()
    return Fact(
        f"{subject.base}:vs_budget",
        Decimal(0),
        para.span(at, at + len(words[0])),
        unit=subject.unit,
        decimals=subject.decimals,
        period=subject.period,
        clause=clause,
        entity=subject.entity,
    )


_BRACKET = re.compile(r"[()]")


def _asides(text: str, state: _Sentence) -> None:
    """A bracket's figures are an aside on the figure before it: in 7,634.75万元(其中:购置费2,337.35万元,
    运行维护费5,297.40万元),比年初预算增加1833.7万元 the change is the 7,634.75's again."""
    for bracket in _BRACKET.findall(text):
        if bracket == "(":
            state.asides.append((state.subject, state.parent, state.breakdown))
        elif state.asides:
            state.subject, state.parent, state.breakdown = state.asides.pop()


def _position(fact: Fact) -> tuple[int, int]:
    return fact.line, fact.span.column


def _in_entity(fact: Fact, entities: Mapping[tuple[int, int], str]) -> Fact:
    entity = entities.get(_position(fact))
    return fact if entity is None else attrs.evolve(fact, entity=entity)


def _item_execution(grammar: Grammar, found: list[Fact], bare: list[Fact], sentence: str) -> list[Fact]:
    """A sentence about one item's funds, its spending and its rate — 经费合计75万元，已于本年度支出
    75万元，预算完成率100%; 财政拨款支出总计1741.75万元，与上年相比减少53.7万元…完成年初预算100% —
    states the item's annual budget (when two amounts come before the rate) and what it executed,
    with that amount's changes, whatever the amounts' own labels would make of them."""
    rates = [f for f in found if f.concept == "execution.rate"]
    if len(rates) != 1 or any(f.base.startswith("execution.") for f in found if f is not rates[0]):
        return found
    at = _position(rates[0])
    candidates = ("", "final.expense", "final.expense_total")
    amounts = sorted((f for f in [*found, *bare] if f.concept in candidates and _position(f) < at), key=_position)
    if len(amounts) == 2 and amounts[0].concept == "":
        budget, executed = amounts
        added = [attrs.evolve(budget, concept="execution.annual_budget", source="inferred")]
    elif len(amounts) == 1 and grammar.total_word.search(sentence):  # a total's execution, not a class's (1.教育支出…)
        executed, added = amounts[0], []
    else:
        return found
    if executed.concept == "":
        added.append(attrs.evolve(executed, concept="execution.executed", source="inferred"))
    after = _position(executed)
    renamed = [
        attrs.evolve(f, concept="execution.executed", source="inferred")
        if f is executed
        else attrs.evolve(f, concept=f"execution.executed:{f.measure}", source="inferred")
        if f.measure and f.base == executed.concept and _position(f) > after
        else f
        for f in found
    ]
    return sorted([*renamed, *added], key=_position)


def _against(comparison: re.Match[str]) -> str:
    """What a comparison (比预算数, 较上年) is against: vs_budget or yoy_change."""
    return "vs_budget" if comparison.group().endswith("预算") else "yoy_change"


_YEAR_MENTION = re.compile(r"\d{4}年度?")
_LISTED_NAME = 24  # characters: 一般公共服务支出 is 8; a longer run is a sentence, not a listed name
_NEXT_IN_LIST = re.compile(r"^[、,，和及与]+$")


_SHARED_HEADS = ("收", "支")  # the heads of names whose noun the list's last name carries: 收、支总计


def _listed_names(
    label: str, state: _Sentence, context: _Context, lexicon: Lexicon, known: Mapping[str, str]
) -> list[str] | None:
    """The concepts “货物、工程、服务政府采购规模分别为” names, in order (the last name may carry
    the noun they share), or None unless every name is one."""
    grammar = lexicon.grammar
    mark = grammar.list_mark.search(label)
    head = re.split(r"[,，:：;；]", label[: mark.start()] if mark else label)[-1]
    # the names come after the last year written: 与2021年相比,收、支总计各减少 / …情况说明2024年度收、支总计均为
    head = _YEAR_MENTION.split(grammar.compared_tail.sub("", grammar.compared.sub("", head)))[-1]
    names = re.split(r"[、和及与]", head)
    concepts = []
    if names[-1].startswith(_SHARED_HEADS):
        # 财政拨款收、支总计: a head with words of its own before it names the whole list's account,
        # read whole (财政拨款收总计); the list is read only if that is a concept
        scope = state.scope or context.scope
        qualified = [name + names[-1][1:] for name in names[:-1] if len(name) > 1 and name.endswith(_SHARED_HEADS)]
        if any(lexicon.resolve(name, "money", scope, ANY_PARENT, known, state.topic) is None for name in qualified):
            return None
    for name in names:
        if len(name) > _LISTED_NAME:
            return None  # not a name of a list: and each start of it tried would cost its length
        # a name short of the noun the last one carries takes it (收、支总计: 收总计)
        found = _listed_concept(name, state, context, lexicon, known) or _listed_concept(
            name + names[-1][len(name) :], state, context, lexicon, known
        )
        if found is None or found in concepts:
            return None  # a name with no concept, or two names read as one: not this list
        concepts.append(found)
    return concepts if len(concepts) > 1 else None


def _listed_concept(
    name: str, state: _Sentence, context: _Context, lexicon: Lexicon, known: Mapping[str, str]
) -> str | None:
    """The concept of the shortest start of ``name`` that reads as one: 服务政府采购规模 → 服务."""
    scope = state.scope or context.scope
    for end in range(1, len(name) + 1):
        if resolved := lexicon.resolve(name[:end], "money", scope, ANY_PARENT, known, state.topic):
            return resolved[0]
    return None


def _respectively(
    label: str, dim: str, state: _Sentence, context: _Context, lexicon: Lexicon, known: Mapping[str, str]
) -> list[tuple[str, str | None]] | None:
    """“货物、工程、服务政府采购规模分别为A、B和C，占…比例为x%、y%和z%”: each figure in turn
    is the next name's, then the next name's share."""
    grammar = lexicon.grammar
    if state.listed and _NEXT_IN_LIST.match(label):
        pass
    elif state.listed and dim == "percent" and grammar.share_list.search(label):
        state.listed_next, state.listed_measure, state.listed_sign = 0, ":share", None
    elif state.listed and dim == "percent" and (change := grammar.change_list.match(label)):
        state.listed_next, state.listed_measure, state.listed_sign = 0, ":yoy_pct", change["sign"]
    else:
        state.listed, state.listed_next, state.listed_measure, state.listed_sign = [], 0, "", None
        if not grammar.list_mark.search(label) or dim != "money":
            return None
        state.listed = _listed_names(label, state, context, lexicon, known) or []
        if (change := grammar.change.search(label)) and grammar.compared.search(label):
            state.listed_measure, state.listed_sign = ":yoy_change", change["sign"]
    if state.listed_next >= len(state.listed):
        state.listed = []
        return None
    if (mark := grammar.list_mark.search(label)) and grammar.names_one_figure(
        mark
    ):  # 收、支总计均为1523.26万: each name's
        concepts, state.listed_next = [c + state.listed_measure for c in state.listed], len(state.listed)
        return [(c, state.listed_sign) for c in concepts]
    concept = state.listed[state.listed_next] + state.listed_measure
    state.listed_next += 1
    return [(concept, state.listed_sign)]


def _named_subject(
    label: str, state: _Sentence, context: _Context, lexicon: Lexicon, known: Mapping[str, str]
) -> Fact | None:
    """The figure a change names without stating it: “三公”经费较上年减少2.97万元 (or 与上年相比，
    “三公”经费支出减少了…) is a change of the 三公经费 total (a stand-in fact, never yielded,
    carrying only the concept)."""
    grammar = lexicon.grammar
    found = grammar.compared.search(label)
    if found is None:
        if not (state.breakdown and state.compared and (change := grammar.change.search(label))):
            return None
        # 比上年减少54,424.16元。其中:因公出国(境)费支出决算增加0元: a part's change, against the same
        named = _LEAD.sub("", label[: change.start()])
        scope = lexicon.scope_of(named) or state.scope or context.scope
        # a part of the total, or of one of its parts (公务用车购置费 of 公务用车费 of the 三公 total)
        parents = [state.parent.base, ANY_PARENT] if state.parent is not None else [ANY_PARENT]
        for parent in parents:
            resolved = lexicon.resolve(named, "money", scope, parent, known, state.topic, qualified=state.qualified)
            if resolved and resolved[1]:
                return Fact(resolved[0], Decimal(0), Span(0, 0, ""), unit="元")
        return None
    named = label[: found.start()]
    if not named.strip("。，,;；"):  # 与上年相比，the name, the change
        after = grammar.compared_tail.match(label, found.end())
        if after is None:
            return None
        named = grammar.change.sub("", label[after.end() :])
    state.scope = lexicon.scope_of(named) or state.scope
    scope = state.scope or context.scope
    resolved = lexicon.resolve(named, "money", scope, None, known, state.topic, qualified=state.qualified)
    if resolved is None:
        return None
    return Fact(resolved[0], Decimal(0), Span(0, 0, ""), unit="元")


def _money_fact(
    label: str,
    dim: str,
    state: _Sentence,
    context: _Context,
    figure: Figure,
    para: _Paragraph,
    period: int | None,
    clause: int,
    lexicon: Lexicon,
    known: Mapping[str, str],
) -> Fact | None:
    """A figure named by its label, or the other scope of the subject (…，年初预算为2万元)."""
    grammar = lexicon.grammar
    scope = lexicon.scope_of(label)
    subject = state.subject

    def counterpart() -> Fact | None:
        if not scope or subject is None or dim != dimension(subject.unit):
            return None
        concept = _rescoped(subject.base, scope, known)
        if concept is None:
            return None
        return attrs.evolve(_fact(concept, figure.value, figure, para, period, clause), source="inferred")

    if grammar.scope_only.match(label) and (found := counterpart()) is not None:
        return found
    if scope and not grammar.compared.search(label):  # 较年初预算减少28%: the budget is what it is compared with
        state.scope = scope
    # after 其中, a part of the figure before, else (货物类采购… with its total in no figure of the
    # sentence, or a figure before that it is no part of) of whatever it is a part of
    if state.parent is not None:
        parents: list[str | None] = [state.parent.base, ANY_PARENT]
    else:
        parents = [ANY_PARENT if state.breakdown else None]
    scope_now = state.scope or context.scope
    readings = (
        lexicon.resolve(label, dim, scope_now, parent, known, state.topic, qualified=state.qualified)
        for parent in parents
    )
    resolved = next((reading for reading in readings if reading is not None), None)
    if resolved is not None:
        concept, is_part = resolved
        if not is_part:
            state.parent, state.breakdown = None, False
        # the sentence's own item is stated with its label (公务接待费预算为5万元，支出决算为3.2万元);
        # the heading's is inferred
        named = _heading_item(grammar, concept, label, _item_named(subject, clause, label, lexicon), known)
        item = named if named != concept else _heading_item(grammar, concept, label, context.item, known)
        fact = _fact(item, figure.value, figure, para, period, clause)
        return fact if item in (concept, named) else attrs.evolve(fact, source="inferred")
    if state.breakdown and state.entity_named and state.parent is not None and state.parent.concept:
        # 共投入资金1987.08万元。其中中央资金投入776.84万元: the whole's figure, of the entity named
        return attrs.evolve(_fact(state.parent.base, figure.value, figure, para, period, clause), source="inferred")
    return counterpart() if len(label) <= 8 else None


_ITEM_ENDS = re.compile(r"[;；]|其中")  # the next item, or the parts of the one stated


def _item_named(subject: Fact | None, clause: int, label: str, lexicon: Lexicon) -> str | None:
    """The item a sentence is stating, for a bare label of its topic's total after it:
    公务接待费预算为5万元，支出决算为3.2万元 states the 公务接待费's spending, not the 三公经费's."""
    if subject is None or subject.clause != clause or subject.base.endswith(".total") or _ITEM_ENDS.search(label):
        return None
    return subject.base if lexicon.topic_of(label) is None else None


def _heading_item(grammar: Grammar, concept: str, label: str, item: str | None, known: Mapping[str, str]) -> str:
    """Under (3)公务接待费支出情况, a bare 支出2.05万元 is the heading's item (or the sentence's,
    see ``_item_named``), not the topic's total."""
    if item is None or not concept.endswith(".total") or grammar.total_word.search(clean_label(label)):
        return concept
    scope = _scope_of(concept)
    if _scope_of(item) != scope:
        item = _rescoped(item, scope, known)
    return item if item and item.rpartition(".")[0] == concept.rpartition(".")[0] else concept


def _difference(
    grammar: Grammar,
    label: str,
    dim: str,
    state: _Sentence,
    figure: Figure,
    para: _Paragraph,
    period: int | None,
    clause: int,
) -> Fact | None:
    """“支出2.05万元，年初预算为2.95万元，差值为0.9万元”: the final figure's vs_budget, signed."""
    if dim != "money" or not grammar.difference.search(label) or state.previous is None or state.subject is None:
        return None
    pair = (state.previous, state.subject)
    if any(f.span.line == 0 for f in pair):
        return None  # a figure named but not stated (see _named_subject) has no value to compare
    final = next((f for f in pair if ".final." in f".{f.base}"), None)
    budget = next((f for f in pair if f is not final), None)
    if final is None or budget is None or final.base == budget.base:
        return None
    sign = -1 if final.number < budget.number else 1
    return _fact(f"{final.base}:vs_budget", sign * figure.value, figure, para, period, clause)


def _score_fact(
    grammar: Grammar,
    label: str,
    figure: Figure,
    para: _Paragraph,
    indicators: _Indicators,
    period: int | None,
    clause: int,
    state: _Sentence,
) -> Fact | None:
    """An indicator's weight or score, or the total score.  The indicator is the one the label
    names (产出指标得分48分), else the one the sentence named last (部门决策指标20分，得分19分;
    预算执行率得分9.5分（权重10分）), else the heading's.  A named indicator's figure followed by
    得分 is its weight, the 得分 after it its score; so is a figure in brackets right after a name
    that the 得分 follows (预算编制（15分）得14分).

    A label that names an indicator by its form (产出指标, 预算执行率) names it anywhere; a name
    of any other form (预算编制) only where the sentence shows it is an indicator's: inside a
    其中 breakdown of the total, with its weight in brackets, or its figure followed by 得分 —
    该项目得分92分 names no indicator 该项目."""
    name = _LEAD.sub("", label)
    if grammar.total_score.search(name) and not grammar.weight.search(name):
        return _fact("evaluation.total_score", figure.value, figure, para, period, clause)
    scored_next = grammar.scored_next.match(para.text, figure.end) is not None
    shown = state.breakdown or scored_next or grammar.weight_next.match(para.text, figure.end) is not None

    def indicator(own: str) -> str | None:
        return own if grammar.indicator_name.match(own) or (shown and _PLAIN_NAME.fullmatch(own)) else None

    for pattern, measure in ((grammar.weight, "weight"), (grammar.score, "score")):
        if found := pattern.search(name):
            own = _own_name(name[: found.start()])  # ），产出指标得分: 产出指标
            named = indicator(own) if own else state.indicator
            path: tuple[str, ...]
            if named is not None:
                state.indicator, path = named, (named,)
            elif (heading := indicators.innermost(para.at(figure.start)[0].number)) is not None:
                path = indicators.path(heading)
            else:
                return None
            return _fact(indicator_concept(path, measure), figure.value, figure, para, period, clause)
    # a weight in brackets whose score the sentence gives next: 预算编制（15分）得14分
    bracketed = name.endswith("(")
    if bracketed and grammar.scored_after_bracket.match(para.text, figure.end) is None:
        return None  # a cell's weight (数量指标(10分)) where the tree is not a sentence's: the tables'
    shown = shown or bracketed
    if (named := indicator(_own_name(name))) is not None:
        state.indicator = named
        measure = "weight" if scored_next or bracketed else "score"
        return _fact(indicator_concept((named,), measure), figure.value, figure, para, period, clause)
    return None


def _own_name(text: str) -> str:
    """The name a label ends with: its last clause, a bracket opened after it left out
    (各项指标得分情况如下：投入类指标 → 投入类指标; 预算编制（ → 预算编制)."""
    return _CLAUSE_SPLIT.split(text.removesuffix("("))[-1]


def _resolve_indicator_names(facts: list[Fact]) -> list[Fact]:
    """A summary naming an indicator by name alone refers to where the headings put it."""
    prefix = "evaluation.indicator."
    deep: dict[str, str] = {}
    for fact in facts:
        if fact.base.startswith(prefix) and "." in fact.base[len(prefix) :]:
            deep.setdefault(fact.base.rsplit(".", 1)[1], fact.base)
    resolved = []
    for fact in facts:
        name = fact.base[len(prefix) :]
        if fact.base.startswith(prefix) and "." not in name and name in deep:
            fact = attrs.evolve(fact, concept=f"{deep[name]}:{fact.measure}")
        resolved.append(fact)
    return resolved
