"""The kinds of word a sentence's labels are made of, and the patterns the prose reader composes of them.

What a label says of the figure written after it — a change against last year or against the
budget, a share, an item of a list, a weight, a score, the grade — is told by a few kinds of
word: a direction (增加, 下降), a comparison (较, 比) and what is compared with (上年, 年初预算),
a share (占), a list mark (分别, 各, 均), a weight or a score (权重, 得分) …; what may stand
between a label and its figure (为, 共计, 预算数) and what may stand before a label of one or two
characters without qualifying it (本年 收入, not 事业 收入) are kinds too.  The kinds and the
patterns that compose them are fixed here; the words of each kind are data: ``[words]`` in
``lexicon.toml``, to which a pack's vocabulary adds its own (a province that writes 缩减 for a
decrease adds it to ``decrease``).  Structural characters (punctuation, digits, 年, 数, 的, 为)
stay in the patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

__all__ = ["Grammar", "Words", "grammar_of"]


@attrs.frozen
class Words:
    """The words of each kind (lexicon.toml's ``[words]``, documented there)."""

    increase: tuple[str, ...] = ()
    decrease: tuple[str, ...] = ()
    more: tuple[str, ...] = ()
    less: tuple[str, ...] = ()
    no_change: tuple[str, ...] = ()
    compare: tuple[str, ...] = ()
    compare_end: tuple[str, ...] = ()
    last_year: tuple[str, ...] = ()
    same_period: tuple[str, ...] = ()
    same_basis: tuple[str, ...] = ()
    budget_kind: tuple[str, ...] = ()
    share: tuple[str, ...] = ()
    respectively: tuple[str, ...] = ()
    each: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    difference: tuple[str, ...] = ()
    total: tuple[str, ...] = ()
    weight: tuple[str, ...] = ()
    score: tuple[str, ...] = ()
    score_by: tuple[str, ...] = ()
    total_score: tuple[str, ...] = ()
    indicator_suffix: tuple[str, ...] = ()
    grade_cue: tuple[str, ...] = ()
    grade: tuple[str, ...] = ()
    filler: tuple[str, ...] = ()
    unqualifying: tuple[str, ...] = ()


def _any(words: Iterable[str]) -> str:
    """An alternation of ``words``, the longest first; one that matches nothing if there are none."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(map(re.escape, ordered)) or "(?!)"


@attrs.frozen
class Grammar:
    """The compiled patterns of one set of words (see each attribute for what it finds)."""

    words: Words
    change: re.Pattern[str]  # a direction word at the end of a label: 较上年增加
    vs_budget: re.Pattern[str]  # a change against the budget: 较年初预算数减少 / 决算数大于预算数
    against_budget: re.Pattern[str]  # a sentence that compares final figures with the budget
    no_change: re.Pattern[str]  # 持平 / 无增减
    unchanged: re.Pattern[str]  # no change against the budget, in words: 与年初预算相比无增减
    yoy: re.Pattern[str]  # a change against last year: 同比增长 / 比上年减少 / 与2019年相比，…下降
    last_budget: re.Pattern[str]  # against last year's budget: 比上年预算
    share: re.Pattern[str]  # a share: 占支出总额的
    of_budget: re.Pattern[str]  # in percent of its budget: 完成预算的
    total_score: re.Pattern[str]  # the total score's name at the end of a label
    weight: re.Pattern[str]  # a weight's word at the end of a label: 权重为
    score: re.Pattern[str]  # a score's word at the end of a label: 实际得分
    indicator_name: re.Pattern[str]  # a label that names an indicator by its form: 产出指标, 预算执行率
    weight_next: re.Pattern[str]  # a weight in brackets right after a figure: 得分14分（满分15分）
    scored_after_bracket: re.Pattern[str]  # a score after a bracketed weight: 预算编制（15分）得14分
    scored_next: re.Pattern[str]  # a score right after a figure: 20分，得分19分
    title_cut: re.Pattern[str]  # where a heading's indicator name ends
    scope_only: re.Pattern[str]  # a label naming only the subject's other scope: ，年初预算为
    year_cue: re.Pattern[str]  # a label that speaks of another year
    previous_year: re.Pattern[str]  # last year's figure, which a change next is against: 较上年1174万元
    total_word: re.Pattern[str]  # a word for a total: 合计, 总额
    difference: re.Pattern[str]  # a difference's word at the end of a label: 差额为
    grade: re.Pattern[str]  # the grade and the word that announces it: 综合绩效级别为“优”
    years_budget: re.Pattern[str]  # a year's budget compared with: 与2021年度预算相比
    compared: re.Pattern[str]  # a comparison: 较上年, 比预算, 同比
    compared_tail: re.Pattern[str]  # a comparison's closing words: 相比，
    list_mark: re.Pattern[str]  # 分别 / 各 / 均 before the figures of a list of names
    respectively: re.Pattern[str]  # a list mark close before the figure
    share_list: re.Pattern[str]  # the shares of a list's names: 占…比例分别为
    change_list: re.Pattern[str]  # the changes of a list's names: 各减少
    filler: re.Pattern[str]  # what may stand between a label and its figure: 为, 共计, 预算数 …
    unqualified: re.Pattern[str]  # what may stand right before a generic label (收入) without qualifying it
    counterpart: re.Pattern[str]  # what a figure is compared with (较年初预算数), or its other scope (年初预算为)

    def signed(self, value: Decimal, sign: str | None) -> Decimal:
        """``value`` negative where its direction word says it went down (下降, 低于)."""
        return -value if sign in (*self.words.decrease, *self.words.less) and value != 0 else value

    def names_one_figure(self, mark: re.Match[str]) -> bool:
        """Whether a list mark gives every name of the list the one figure after it (均为)."""
        return mark.lastgroup == "all"

    def after_comparison(self, text: str, at: int) -> bool:
        """Whether ``text[at:]`` comes right after a comparison word (较2021年: the year compared with)."""
        return text[:at].endswith(self.words.compare)


@functools.cache
def grammar_of(words: Words) -> Grammar:
    """The patterns of ``words``, compiled once per set of words."""
    direction = _any((*words.increase, *words.decrease))
    change = rf"(?P<sign>{direction})了?"
    compare, kind, end = _any(words.compare), _any(words.budget_kind), _any(words.compare_end)
    yoy_word = _any((*words.same_period, *words.same_basis))
    last, resp, each = _any(words.last_year), _any(words.respectively), _any(words.each)
    budget_comparison = (
        rf"(?:{compare})(?:{kind})?预算(?:数)?(?:{end})?,?{change}"
        rf"|(?:决算数?)?(?P<over>{_any((*words.more, *words.less))})(?:{kind})?预算数?"
    )
    no_budget_change = rf"(?:{compare})(?:{kind})?预算数?(?:{end})?[,，]?(?:{_any(words.no_change)})"
    long_score = _any(word for word in words.score if len(word) > 1)  # 得 alone is a score only right before it
    # 分别为 / 各是 / 各减少 / 各占 / 均为, right before the figures; 均 gives every name the one figure
    list_mark = (
        rf"(?P<respectively>{resp})|(?P<each>{each})(?=是|为|{direction}|{_any(words.share)})"
        rf"|(?P<all>{_any(words.all)})(?=为|是)"
    )
    return Grammar(
        words=words,
        change=re.compile(rf"{change}$"),
        vs_budget=re.compile(rf"(?:{budget_comparison})[为:]?$"),
        against_budget=re.compile(rf"{budget_comparison}|{no_budget_change}|完成(?:{kind})?预算|为(?:{kind})?预算的"),
        no_change=re.compile(_any(words.no_change)),
        unchanged=re.compile(rf"^[,，;；\s]*{no_budget_change}"),
        yoy=re.compile(
            rf"(?:(?:{yoy_word}|(?:{compare})?(?:{last})度?|(?:{compare})\d{{4}}年度?|{end})"
            rf".{{0,8}}?|(?:{end})[,，][^,，;；。]{{0,20}}?|^[,，;；:、)]*){change}[为:]?$"
        ),
        last_budget=re.compile(rf"(?:{compare})(?:{last})度?(?:{kind})?预算"),
        share=re.compile(rf"(?:{_any(words.share)})[^,;，；]*?(?:的|比重|比例|比)?(?:为|达)?$"),
        of_budget=re.compile(rf"^[,，;；]*完成(?:{kind})?预算(?:数)?的?$"),
        # what follows the total score's name is filler (为, 是, 达到 …); 绩效评价得分表 names a table
        total_score=re.compile(rf"(?:{_any(words.total_score)})(?:[^表指\d]{{0,6}})$"),
        weight=re.compile(rf"(?:{_any(words.weight)})[为是:]?$"),
        score=re.compile(rf"(?:{_any(words.score_by)})?(?:{_any(words.score)})[为是:]?$"),
        indicator_name=re.compile(rf"^[\u4e00-\u9fff][\u4e00-\u9fff()]{{0,13}}(?:{_any(words.indicator_suffix)})$"),
        weight_next=re.compile(rf"\s*\(\s*(?:{_any(words.weight)})?\s*\d+(?:\.\d+)?\s*分"),
        scored_after_bracket=re.compile(rf"\s*\)[,，:：]?\s*(?:{_any(words.score_by)})?(?:{_any(words.score)})"),
        scored_next=re.compile(rf"[,，]\s*(?:{_any(words.score_by)})?(?:{long_score})"),
        title_cut=re.compile(rf"[。,，:：;；]|{_any(words.weight)}|{long_score}|\(\d"),
        scope_only=re.compile(rf"^[,，;；:：]*(?:完成|{compare})?(?:{kind})?(?:预算|决算)数?(?:为|的)?$"),
        year_cue=re.compile(rf"{last}|{_any(words.same_period)}|\d{{4}}年"),
        previous_year=re.compile(
            rf"^[,，;；]*(?:{compare})(?:{last}|\d{{4}}年)度?(?![^,，;；]*(?:{direction}|{_any(words.no_change)}))"
            r"[\u4e00-\u9fff]{0,8}?(?:为|的)?$"
        ),
        total_word=re.compile(_any(words.total)),
        difference=re.compile(rf"(?:{_any(words.difference)})[为是:]?$"),
        grade=re.compile(
            rf"(?:{_any(words.grade_cue)})(?:均|都|皆)?[为是:\s]*[“\"「『']?(?P<grade>{_any(words.grade)})"
        ),
        years_budget=re.compile(rf"(?P<compare>{compare})(?P<year>\d{{4}})年度?(?=的?(?:{kind})?预算)"),
        compared=re.compile(
            rf"(?:{_any(words.same_basis)})?(?:{compare})(?:{last}|\d{{4}}年|(?:{kind})?预算)|{_any(words.same_period)}"
        ),
        compared_tail=re.compile(rf"(?:度|同期)?(?:{end})[,，]?(?:\d{{4}}年度?的?)?"),
        list_mark=re.compile(list_mark),
        respectively=re.compile(rf"(?:{list_mark})[^,，;；。]{{0,16}}$"),
        share_list=re.compile(rf"(?:{_any(words.share)}).*(?:(?:比例|比重)(?:{resp})?为|的)$"),
        change_list=re.compile(rf"^[,，;；]*(?:{resp}|{each}){change}$"),
        # 费用 is 费 with filler; a declared unit's bracket: 支出(万元)
        filler=re.compile(rf"(?:{_any(words.filler)}|(?:{kind})?预算数?|(?<=费)用|\((?:万元|元|%|人)\))*"),
        # 公共 is no 共 (共计): 公共预算支出 is one account's
        unqualified=re.compile(rf"(?:^|[\d,，、:：;；.。()（）]|(?<!公)共|{_any(words.unqualifying)})$"),
        counterpart=re.compile(rf"(?:完成|{compare})(?:{kind})?(?:预算|决算)数?|(?:{kind})?(?:预算|决算)数?(?:为|的)"),
    )
