"""The vocabulary that turns a label written before a figure into a concept id.

Terms live in ``lexicon.toml`` (and in plugins' vocabularies); see its header for the rules.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path

import attrs

from evalrules.errors import ConfigError
from evalrules.extract.grammar import Grammar, Words, grammar_of
from evalrules.layout.normalize import clean_label, normalize
from evalrules.model import Fact

__all__ = ["ANY_PARENT", "Entities", "Item", "Lexicon", "Term", "default_lexicon", "lexicon_with"]

ANY_PARENT = "*"  # as ``parent``: read a label as a part of whatever it is a part of


@attrs.frozen
class Term:
    concept: str
    labels: tuple[str, ...]
    units: tuple[str, ...]  # the dimensions its figure may have
    parent: str | None = None
    part_only: bool = False
    topic: str | None = None
    no_topic: bool = False
    not_followed_by: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_right_after: tuple[str, ...] = ()
    unless_document: tuple[str, ...] = ()


_TOPIC_REACH = 8  # characters after a word in which a topic's name shows the word to be the topic's
_MAX_FILLER = 12  # characters of filler a label may be followed by
# the first of two names that share their noun (收、支总计, 收入和支出总计), before the second's label
_SHARED_NOUN = re.compile(r"(?:收入?|支出?)[、和与及]$")
# a bracket right before the figure that says what the figure covers, not what it is:
# 一般公共预算收入(含辖区内列统收入,下同)40.5亿元
_COVERAGE_ASIDE = re.compile(r"\((?:含|不含|包括|包含|下同)[^()]*\)$")
_GENERIC = 2  # a label this short (收入, 支出, 编制) names the concept only when nothing qualifies it
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_ENTITY_REACH = 12  # characters an entity word may stand before the figure it qualifies
_CLAUSE_BREAK = re.compile(r"[,，;；:：()（）、。]")
_ASIDE = re.compile(r"\([^()]{0,12}\)|\([^()\d]{0,40}\)")  # an aside without figures may be long
_CLASS_NAME = re.compile(r"[\u4e00-\u9fff]{3,20}$")
# a class of the budget's functional classification by its code: 201 类, 20103 款, 2010301 项
# (20103-政府办公厅(室)及相关机构事务), whatever its name ends with
_CODED_CLASS = re.compile(r"(?<!\d)2\d{2}(?:\d{2}){0,2}\s*[-—]\s*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()]{1,30})$")


@attrs.frozen
class Entities:
    """The words that name a part of the reporting unit (lexicon.toml's ``[entity]``)."""

    tier: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    kind_suffix: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    plain: tuple[str, ...] = ()
    class_suffix: tuple[str, ...] = ()
    class_tail: tuple[str, ...] = ()
    not_class: tuple[str, ...] = ()
    _pattern: re.Pattern[str] | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        words = {"plain": self.plain, "tier": self.tier, "whole": self.whole, "kind": self.kind}
        named = [f"(?P<{level}>{'|'.join(map(re.escape, found))})" for level, found in words.items() if found]
        if self.kind_suffix:  # 教育行业
            named.append(f"(?P<sector>[\\u4e00-\\u9fff]{{2,4}}(?:{'|'.join(map(re.escape, self.kind_suffix))}))")
        if self.not_before and named:
            named = [f"(?:{'|'.join(named)})(?!{'|'.join(map(re.escape, self.not_before))})"]
        object.__setattr__(self, "_pattern", re.compile("|".join(named)) if named else None)

    def tiers_hold(self, text: str) -> bool:
        """Whether a tier names a part in ``text`` (a whole document, normalized): only where it
        names the whole too (全市…市级)."""
        return not self.tier or any(word in text for word in self.whole)

    def spending_class(self, label: str) -> str | None:
        """The class of spending an amount with no concept was written after (初中教育支出, or a
        class by its code: 20103-政府办公厅(室)及相关机构事务), if its label ends in one."""
        coded = _CODED_CLASS.search(label)
        if coded is not None:
            return coded["name"]
        found = _CLASS_NAME.search(label)
        name = found[0] if found else ""
        name = next((name[: -len(t)] for t in self.class_tail if name.endswith(t) and len(name) > len(t)), name)
        if not name.endswith(self.class_suffix or ("\0",)) or any(word in name for word in self.not_class):
            return None
        return name

    def before(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        """The last entity word of ``text[start:end]`` that ends at most a few characters
        before ``end`` (where a figure starts), in the same clause, as (``tier`` | ``kind`` |
        ``whole``, word): (不含自收自支事业单位)，其中：行政编制43名 is no 事业单位's figure."""
        if self._pattern is None:
            return None
        found: re.Match[str] | None = None
        previous: re.Match[str] | None = None
        for match in self._pattern.finditer(text, start, end):
            if match.lastgroup == "plain":
                continue  # 行政事业单位: no 事业单位 in it
            whole = previous if previous is not None and previous.lastgroup == "whole" else None
            if match.lastgroup == "tier" and whole is not None and whole.end() == match.start():
                match = whole  # 全县地方教育经费: the whole's own, 地方 as against 中央
            previous = match
            gap = _ASIDE.sub("", text[match.end() : end])  # 其他资金(上年结转)完成44.85万元
            if len(gap) <= _ENTITY_REACH and not _CLAUSE_BREAK.search(gap):
                found = match
        if found is None or found.lastgroup is None:
            return None
        level = "kind" if found.lastgroup == "sector" else str(found.lastgroup)
        return level, found.group()


@attrs.frozen
class Item:
    """An item of a breakdown a sentence names once for the figures after it (货物类): the
    concepts its figures get instead of the whole's."""

    words: tuple[str, ...]
    concepts: Mapping[str, str]


@attrs.frozen
class Joint:
    """Words that name the income side and the expense side at once (收支), and the pairs of
    concepts they may stand for."""

    words: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()

    def names_both(self, label: str) -> bool:
        return any(word in label for word in self.words)

    def pair(self, earlier: Sequence[Fact]) -> tuple[Fact, Fact] | None:
        """The two figures a joint word stands for: the first of ``pairs`` whose both concepts
        the unit's own figures in ``earlier`` state, equal (a balanced 收支总计; 收支 names the
        totals before 本年收支); None when the figures do not say."""
        latest = {f.concept: f for f in earlier if f.entity is None}
        return next(
            (
                (latest[a], latest[b])
                for a, b in self.pairs
                if a in latest and b in latest and latest[a].value == latest[b].value
            ),
            None,
        )


@attrs.frozen
class Lexicon:
    terms: tuple[Term, ...]
    scopes: Mapping[str, tuple[str, ...]]
    topics: Mapping[str, tuple[str, ...]]
    not_scope: tuple[str, ...] = ()
    spent: tuple[str, ...] = ()
    entities: Entities = Entities()
    items: tuple[Item, ...] = ()
    joint: Joint = Joint()
    between_topic: tuple[str, ...] = ()  # words between a topic's name and its total's label
    words: Words = attrs.Factory(Words)  # the words of a sentence's labels, by kind
    _by_label: dict[str, list[Term]] = attrs.field(init=False, repr=False, eq=False)
    _lengths: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _variants: dict[tuple[frozenset[str], bool], Lexicon] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    _qualifiers: re.Pattern[str] | None = attrs.field(init=False, repr=False, eq=False)
    # label → the longer names that are no scope word and end with it (预算 → 一般公共预算, …)
    _account_names: dict[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)
    # topic → the labels of each part of its total (三公经费 → 因公出国(境)费…, 公务用车…, 公务接待费…)
    _topic_parts: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(init=False, repr=False, eq=False)
    # a group of concepts (three_public) → the labels of its terms
    _group_labels: dict[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)
    # a concept, in each scope → the concept it is a part of (three_public.final.reception → …total)
    _parents: dict[str, str] = attrs.field(init=False, repr=False, eq=False)
    grammar: Grammar = attrs.field(init=False, repr=False, eq=False)  # the prose reader's patterns of ``words``

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "grammar", grammar_of(self.words))
        by_label: dict[str, list[Term]] = {}
        for term in self.terms:
            for word in term.labels:
                by_label.setdefault(word, []).append(term)
        object.__setattr__(self, "_by_label", by_label)
        object.__setattr__(self, "_lengths", tuple(sorted({len(word) for word in by_label})))
        names = {word: tuple(n for n in self.not_scope if len(n) > len(word) and n.endswith(word)) for word in by_label}
        object.__setattr__(self, "_account_names", {word: found for word, found in names.items() if found})
        words = sorted({word for term in self.terms for word in term.not_after}, key=len, reverse=True)
        # a lookahead finds a word starting at every position, so none hides inside another
        pattern = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))") if words else None
        object.__setattr__(self, "_qualifiers", pattern)
        object.__setattr__(self, "_topic_parts", self._parts_of_topics())
        groups: dict[str, tuple[str, ...]] = {}
        for term in self.terms:
            group = term.concept.partition(".")[0]
            groups[group] = groups.get(group, ()) + term.labels
        object.__setattr__(self, "_group_labels", groups)
        parents = {
            term.concept.replace("{scope}", scope): term.parent.replace("{scope}", scope)
            for scope in self.scopes
            for term in self.terms
            if term.parent is not None
        }
        object.__setattr__(self, "_parents", parents)

    def _lineage(self, term: Term, scope: str) -> Iterator[str]:
        """The concepts ``term``'s concept is a part of, nearest first: 公务用车运行维护费 is a part of
        公务用车购置及运行费 and so of the 三公经费 (a breakdown of the 三公经费 may list it)."""
        parent = term.parent.replace("{scope}", scope) if term.parent else None
        seen: set[str] = set()
        while parent is not None and parent not in seen:
            seen.add(parent)
            yield parent
            parent = self._parents.get(parent)

    def parent_of(self, concept: str) -> str | None:
        """The concept ``concept`` is a part of, in its own scope (三公经费 of 公务接待费)."""
        return self._parents.get(concept)

    def _parts_of_topics(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """For each topic, the labels of every part of the totals its terms name, one tuple a part
        (none where a part is named only inside a breakdown: 货物 alone is no 政府采购)."""
        parts: dict[str, tuple[tuple[str, ...], ...]] = {}
        for name in self.topics:
            totals = {term.concept for term in self.terms if term.topic == name}
            labels: dict[str, tuple[str, ...]] = {}
            for term in self.terms:
                if term.parent in totals:
                    labels[term.concept] = labels.get(term.concept, ()) + (() if term.part_only else term.labels)
            if labels and all(labels.values()):
                parts[name] = tuple(labels.values())
        return parts

    def _unqualified(self, text: str, start: int) -> bool:
        """Whether nothing qualifies a generic label starting at ``start``: 预算支出 is the
        budget's, but 一般公共预算支出 one account's (an account's name is no scope word)."""
        before = text[:start]
        return bool(self.grammar.unqualified.search(before)) and not any(
            before.endswith(name) for name in self.not_scope
        )

    def _names_topic_before(self, term: Term, word: str, text: str, start: int) -> bool:
        """Whether ``word``, a label of a topic's ``term`` starting at ``start``, is that term's:
        it names the topic, or what stands before it names the topic, another of its figures
        (公务接待费的财政拨款预算数, 政府集中采购的预算规模), or nothing (机关运行经费支出 is not
        the 三公经费's)."""
        names = self.topics[term.topic] if term.topic else ()
        if any(name in word for name in names) or self._unqualified(text, start):
            return True
        before = text[:start]
        while stripped := next((w for w in self.between_topic if before.endswith(w)), None):
            before = before[: -len(stripped)]
        if not before or not _CJK_END.search(before):
            return True
        return before.endswith(names) or before.endswith(self._group_labels[term.concept.partition(".")[0]])

    def qualifiers(self, text: str) -> list[tuple[int, str]]:
        """Where each word that disqualifies a term (``not_after``) ends in ``text``, a paragraph:
        one scan, so that asking which hold before each figure does not rescan the paragraph."""
        if self._qualifiers is None:
            return []
        return [(m.start() + len(m[1]), m[1]) for m in self._qualifiers.finditer(text)]

    @classmethod
    def from_toml(cls, texts: Iterable[str]) -> Lexicon:
        terms: list[Term] = []
        scopes: dict[str, tuple[str, ...]] = {}
        topics: dict[str, tuple[str, ...]] = {}
        not_scope: tuple[str, ...] = ()
        spent: tuple[str, ...] = ()
        entities: dict[str, tuple[str, ...]] = {}
        items: list[Item] = []
        joint_words: tuple[str, ...] = ()
        between_topic: tuple[str, ...] = ()
        pairs: tuple[tuple[str, str], ...] = ()
        word_kinds: dict[str, tuple[str, ...]] = {}
        for text in texts:
            data = tomllib.loads(text)
            for kind, listed in data.get("words", {}).items():
                if isinstance(listed, str):
                    raise TypeError(f"[words] {kind} is a list of words, not {listed!r}")
                word_kinds[kind] = word_kinds.get(kind, ()) + tuple(normalize(w) for w in listed)
            joint = data.get("joint", {})
            between_topic += tuple(clean_label(normalize(w)) for w in data.get("topic_label", {}).get("between", ()))
            joint_words += tuple(clean_label(normalize(w)) for w in joint.get("words", ()))
            pairs += tuple((a, b) for a, b in joint.get("pairs", ()))
            items.extend(
                Item(tuple(clean_label(normalize(w)) for w in raw["words"]), dict(raw["concepts"]))
                for raw in data.get("item", [])
            )
            for level, words in data.get("entity", {}).items():
                entities[level] = entities.get(level, ()) + tuple(normalize(w) for w in words)
            for name, words in data.get("scope", {}).items():
                if name == "ignore":
                    not_scope += tuple(clean_label(normalize(w)) for w in words)
                elif name == "spent":
                    spent += tuple(clean_label(normalize(w)) for w in words)
                else:
                    scopes[name] = scopes.get(name, ()) + tuple(clean_label(normalize(w)) for w in words)
            for name, words in data.get("topic", {}).items():
                topics[name] = topics.get(name, ()) + tuple(clean_label(normalize(w)) for w in words)
            for raw in data.get("term", []):
                terms.append(
                    Term(
                        concept=raw["concept"],
                        labels=tuple(clean_label(normalize(label)) for label in raw["labels"]),
                        units=(raw["unit"],) if isinstance(raw["unit"], str) else tuple(raw["unit"]),
                        parent=raw.get("parent"),
                        part_only=raw.get("part_only", False),
                        topic=raw.get("topic"),
                        no_topic=raw.get("no_topic", False),
                        not_followed_by=tuple(raw.get("not_followed_by", ())),
                        not_after=tuple(clean_label(normalize(w)) for w in raw.get("not_after", ())),
                        not_right_after=tuple(clean_label(normalize(w)) for w in raw.get("not_right_after", ())),
                        unless_document=tuple(normalize(w) for w in raw.get("unless_document", ())),
                    )
                )
        return cls(
            tuple(terms),
            scopes,
            topics,
            not_scope,
            spent,
            Entities(**entities),
            tuple(items),
            Joint(joint_words, pairs),
            tuple(sorted(set(between_topic), key=len, reverse=True)),
            Words(**word_kinds),
        )

    def for_document(self, text: str) -> Lexicon:
        """The lexicon without the terms whose ``unless_document`` words ``text`` (a whole
        document, normalized) contains, and with the entity words that hold in it."""
        found = frozenset(
            word for term in self.terms for word in term.unless_document if self._named_of_the_unit(word, text)
        )
        tiers = self.entities.tiers_hold(text)
        if not found and tiers:
            return self
        key = (found, tiers)
        if key not in self._variants:  # built once per set of words, not once per document
            kept = tuple(t for t in self.terms if not found.intersection(t.unless_document))
            entities = self.entities if tiers else attrs.evolve(self.entities, tier=())
            self._variants[key] = attrs.evolve(self, terms=kept, entities=entities)
        return self._variants[key]

    def _named_of_the_unit(self, word: str, text: str) -> bool:
        """Whether ``text`` writes ``word`` other than right before a topic's name: 财政拨款“三公”
        经费 is the topic's money and says nothing of the unit's own accounts."""
        names = tuple(name for names in self.topics.values() for name in names)
        return any(
            not clean_label(text[found.end() : found.end() + _TOPIC_REACH]).startswith(names)
            for found in re.finditer(re.escape(word), text)
        )

    def _scope_words(self, text: str) -> str:
        text = clean_label(text)
        for phrase in self.not_scope:
            text = text.replace(phrase, "#" * len(phrase))
        return text

    def scope_of(self, text: str) -> str | None:
        """The scope (budget / final) the last scope word in ``text`` names, if any."""
        return _last(self._scope_words(text), self.scopes)

    def default_scope(self, title: str | None, text: str) -> str:
        """The scope of a figure in ``text`` that nothing around it qualifies: final in a
        document whose title says it reports what was spent, else the one scope the text speaks
        of, else final."""
        if title and any(word in clean_label(normalize(title)) for word in self.spent):
            return "final"
        return self.only_scope(text) or "final"

    def only_scope(self, text: str) -> str | None:
        """The one scope ``text`` speaks of, if it never names the other (a 部门预算 disclosure).
        What a figure is compared with (较年初预算数减少) or its other scope (…支出2.05万元，
        年初预算为2.95万元) does not count: the text speaks of the first."""
        text = self.grammar.counterpart.sub("", self._scope_words(text))
        named = {scope for scope, words in self.scopes.items() if any(word in text for word in words)}
        return named.pop() if len(named) == 1 else None

    def itemised(self, concept: str, text: str) -> str:
        """``concept`` as the item the last item word of ``text`` names has it (货物类… 采购计划金额
        → procurement.budget_goods), or as it is."""
        if not any(concept in item.concepts for item in self.items):
            return concept
        last = _last(clean_label(text), {str(index): item.words for index, item in enumerate(self.items)})
        return self.items[int(last)].concepts.get(concept, concept) if last else concept

    def topic_of(self, text: str) -> str | None:
        """The topic (three_public, procurement…) the last topic word in ``text`` names, if any;
        a text that names every part of a topic's total names the topic (因公出国(境)费、公务用车
        购置及运行费和公务接待费的财政拨款预算数 is the 三公经费's)."""
        text = clean_label(text)
        best = _last_end(text, self.topics)
        for name, parts in self._topic_parts.items():
            ends = [found[0] for labels in parts if (found := _last_end(text, {name: labels}))]
            if len(ends) == len(parts) and (best is None or max(ends) > best[0]):
                best = (max(ends), name)
        return best[1] if best else None

    def resolve(
        self,
        label: str,
        dimension: str,
        scope: str,
        parent: str | None,
        known: Mapping[str, str],
        topic: str | None = None,
        qualified: Collection[str] = (),
    ) -> tuple[str, bool] | None:
        """The concept ``label`` names for a figure of ``dimension``, and whether it is a part
        of ``parent``; None when no term fits.  ``qualified`` are the ``qualifiers`` written
        before the label in its paragraph (企业国有资产: not the department's assets)."""
        text = _COVERAGE_ASIDE.sub("", clean_label(label))
        best: tuple[tuple[bool, int, bool, int], str] | None = None
        ends = [
            e
            for e in range(len(text), max(len(text) - _MAX_FILLER, 0) - 1, -1)
            if self.grammar.filler.fullmatch(text, e)
        ]
        for end in ends:
            for length in self._lengths:
                if length > end:
                    break
                word = text[end - length : end]
                if any(text.endswith(name, 0, end) for name in self._account_names.get(word, ())):
                    continue  # 一般公共预算: an account's name, not the label 预算
                for term in self._by_label.get(word, ()):
                    if dimension not in term.units or (term.topic is not None and term.topic != topic):
                        continue
                    if term.no_topic and topic is not None:
                        continue
                    if term.topic is not None and not self._names_topic_before(term, word, text, end - length):
                        continue
                    concept = term.concept.replace("{scope}", scope)
                    if concept not in known:
                        continue
                    start = end - length
                    if length <= _GENERIC and not self._unqualified(text, start):
                        continue
                    if any(word in text[end:] for word in term.not_followed_by):
                        continue
                    if term.not_right_after and _SHARED_NOUN.sub("", text[:start]).endswith(term.not_right_after):
                        continue  # 财政拨款收、支总计: the appropriation's total, not the unit's
                    # a word that starts before the label (企业国有资产总额); the label's own words
                    # (一般公共预算拨款) are not another account's
                    if any(word in qualified or 0 <= text.find(word) < start for word in term.not_after):
                        continue
                    is_child = (
                        term.parent is not None
                        and parent is not None
                        and (parent == ANY_PARENT or parent in self._lineage(term, scope))
                    )
                    if term.part_only and not is_child:
                        continue
                    key = (is_child, length, term.topic is not None, start)
                    if best is None or key > best[0]:
                        best = (key, concept)
        return (best[1], best[0][0]) if best else None


def _last(text: str, words_by_name: Mapping[str, tuple[str, ...]]) -> str | None:
    """The name whose word ends last in ``text``."""
    best = _last_end(text, words_by_name)
    return best[1] if best else None


def _last_end(text: str, words_by_name: Mapping[str, tuple[str, ...]]) -> tuple[int, str] | None:
    """Where the word that ends last in ``text`` ends, and the name it is a word of."""
    best: tuple[int, str] | None = None
    for name, words in words_by_name.items():
        for word in words:
            position = text.rfind(word)
            if position >= 0 and (best is None or position + len(word) > best[0]):
                best = (position + len(word), name)
    return best


@functools.cache
def default_lexicon() -> Lexicon:
    return lexicon_with(())


def lexicon_with(vocabularies: Iterable[Path]) -> Lexicon:
    """The built-in vocabulary and ``vocabularies`` (a pack's TOML files, in lexicon.toml's
    format) as one lexicon; a file that cannot be read, or is not a vocabulary, is a
    ConfigError naming it."""
    texts: list[tuple[str, str]] = []
    for path in vocabularies:
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(str(path), f"cannot read this vocabulary: {exc}") from exc
    return _lexicon(tuple(texts))


@functools.cache
def _lexicon(texts: tuple[tuple[str, str], ...]) -> Lexicon:
    """Built once per set of vocabularies (named, with their texts)."""
    builtin = files("evalrules.extract").joinpath("lexicon.toml").read_text("utf-8")
    try:
        return Lexicon.from_toml([builtin, *(text for _, text in texts)])
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        named = ", ".join(name for name, _ in texts) or "lexicon.toml"
        raise ConfigError(named, f"not a vocabulary in lexicon.toml's format: {exc}") from exc
