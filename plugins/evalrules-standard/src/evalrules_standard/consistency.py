"""One report, one story.

- ``repeated``: a figure stated more than once (in the same year, of the same entity, in two
  sentences or rows) is stated alike;
- ``department``: the department in the title is the department the body describes;
- ``title_year``: the titles and subtitles name one year;
- ``magnitude``: an amount is not implausibly small for what it is (a project's annual funds
  of 3.6元 are 3.6万元 with the 万 left out);
- ``names``: a fund or project named in quotes is named alike wherever it is named
  (“科技创新战略专项资金——…” is not “科技发展战略专项资金——…” in the list of attachments).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal

from evalrules import Example, Fact, Location, Outcome, Param, Report, Rule, RuleType, hookimpl, relations
from evalrules.check.binding import compatible
from evalrules.layout.normalize import clean_label, normalize
from evalrules.model import SOURCES
from evalrules.quantity import UnitError, dimension, unit_factor
from evalrules_standard._outcome import example_fact, least_source_param, outcome, text_failure


def _included(concept: str, include: list[str], exclude: list[str]) -> bool:
    return any(concept.startswith(p) for p in include or [""]) and not any(concept.startswith(p) for p in exclude)


def evaluate_repeated(rule: Rule, report: Report) -> Iterator[Outcome]:
    include, exclude = rule["include"] or [], rule["exclude"] or []
    floor = SOURCES.index(rule["least_source"])
    by_concept: dict[str, list[Fact]] = {}
    for fact in report.facts:
        if fact.is_figure() and fact.certainty >= floor and _included(fact.concept, include, exclude):
            by_concept.setdefault(fact.concept, []).append(fact)
    for facts in by_concept.values():
        first = facts[0]
        for other in facts[1:]:
            if other.clause == first.clause or other.line == first.line or not compatible(first, other):
                continue  # one sentence or table row stating two figures states two things
            try:
                result = outcome(
                    [first, other],
                    lambda trial: relations.equal_holds(trial[0], trial[1]),
                    f"第{first.line}行写 {first.written()}，第{other.line}行写 {other.written()}",
                    seen=other.written(),
                    expected=first.written(),
                )
            except UnitError:
                continue
            if result is not None:
                yield result


def same_department(a: str, b: str) -> bool:
    """Whether two names can name one department: one is the other or an abbreviation of it
    (县科协 for 衡阳县科学技术协会: its characters appear in order in the longer name), whatever
    spaces, pinyin readings or traditional characters a copy writes them with."""
    short, long = sorted((clean_label(normalize(a)), clean_label(normalize(b))), key=len)
    chars = iter(long)
    return all(ch in chars for ch in short)


def evaluate_department(rule: Rule, report: Report) -> Iterator[Outcome]:
    title, body = report.first("report.title_department"), report.first("report.department")
    if title is None or body is None:
        return
    ok = same_department(str(title.value), str(body.value))
    yield Outcome(
        ok=ok,
        facts=(),
        locations=(Location.of(title), Location.of(body)),
        detail=f"标题写“{title.value}”（第{title.line}行），正文是“{body.value}”（第{body.line}行）",
        seen=str(title.value),
        expected=str(body.value),
    )


_TITLE_WORDS = ("报告", "说明", "自评表", "决算表", "预算表", "情况")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


_CLAUSE = re.compile(r"[，,。；;]")


def _title_years(report: Report) -> Iterator[tuple[int, str, int]]:
    """(line, text, year) of each line that reads like a title and names one year; numbered
    sections (二、2021年“三公”经费决算情况) may speak of other years and are not titles."""
    numbered = {section.line for section in report.sections}
    for line, normal in report.lines():
        text = normal.strip()
        if line.number in numbered:
            continue
        years = {m[1] for m in _YEAR.finditer(text)}
        if len(text) > 50 or len(years) != 1 or _CLAUSE.search(text):
            continue  # a title is one short phrase: a line with a clause's punctuation is prose
        if any(w in text for w in _TITLE_WORDS):
            yield line.number, line.text.strip(), int(years.pop())


def evaluate_title_year(rule: Rule, report: Report) -> Iterator[Outcome]:
    titles = list(_title_years(report))
    if not titles:
        return
    first_line, first_text, year = titles[0]
    for number, text, other in titles[1:]:
        yield Outcome(
            other == year,
            (),
            f"第{first_line}行标题为 {year} 年度，第{number}行写 {other} 年度",
            seen=str(other),
            expected=str(year),
            locations=(Location(first_line, 1, first_text[:30]), Location(number, 1, text[:30])),
        )


_COMPARED_FINAL = re.compile(r"(?:与|较|比|和)((?:19|20)\d{2})\s*年度?决算数?")


def evaluate_compared_year(rule: Rule, report: Report) -> Iterator[Outcome]:
    """A report of year Y compares its figures with Y − 1's 决算 (较2021年决算数增加…); one that
    compares with Y's own 决算 (与2022年决算数持平, in the report of 2022) compares with itself — a
    year left from a template or mistyped. The report's year must be confirmed by the others."""
    year = report.year
    if year is None:
        return
    found = [(statement, m) for statement in report.statements for m in _COMPARED_FINAL.finditer(statement.text)]
    before = sum(1 for _, m in found if int(m[1]) == year - 1)
    if before < rule["least"]:
        return
    for statement, m in found:
        if int(m[1]) != year:
            continue
        where = statement.location(m.start(), m.end())
        yield text_failure(
            f"第{where.line}行“{where.text}”：本报告即 {year} 年决算，其余 {before} 处都与 {year - 1} 年决算数相比",
            f"{year}年",
            f"{year - 1}年",
            where,
        )


def evaluate_magnitude(rule: Rule, report: Report) -> Iterator[Outcome]:
    unit = rule["unit"]
    least = Decimal(str(rule["min"])) * unit_factor(unit)
    include, exclude = rule["include"] or [], rule["exclude"] or []

    def holds(trial: list[Fact]) -> bool:
        value = relations.value_of(trial[0])
        return value.contains_zero() or value.hi >= least

    for fact in report.facts:
        if fact.measure or not (fact.is_figure() and _included(fact.concept, include, exclude)):
            continue
        if dimension(fact.unit) != dimension(unit):
            continue
        floor = f"{rule['min']}{unit}"
        result = outcome(
            [fact],
            holds,
            f"{fact.written()} 不足 {floor}",
            seen=fact.written(),
            passed=f"{fact.written()} 不小于 {floor}",
        )
        if result is not None:
            yield result


_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{8,60})[”\"」』]")


def _quoted_names(report: Report, words: list[str]) -> Iterator[tuple[str, Location]]:
    """Each quoted name with one of ``words`` in it, and where it is first written."""
    seen: set[str] = set()
    for statement in report.statements:  # a name a page cut in two is one name
        for found in _QUOTED.finditer(statement.text):
            name = found[1].strip()
            if name not in seen and any(word in name for word in words):
                seen.add(name)
                start = found.start(1) + len(found[1]) - len(found[1].lstrip())
                yield name, statement.location(start, start + len(name))


def evaluate_names(rule: Rule, report: Report) -> Iterator[Outcome]:
    names = list(_quoted_names(report, rule["words"]))
    least = float(rule["similarity"])
    for i, (a, at_a) in enumerate(names):
        for b, at_b in names[i + 1 :]:
            blocks = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if blocks.real_quick_ratio() < least or blocks.quick_ratio() < least or blocks.ratio() < least:
                continue  # other names
            changed = "".join(a[i1:i2] + b[j1:j2] for op, i1, i2, j1, j2 in blocks.get_opcodes() if op != "equal")
            if changed.isdigit():
                continue  # the same name for another year
            yield text_failure(
                f"第{at_a.line}行写“{at_a.text}”，第{at_b.line}行写“{at_b.text}”", at_b.text, at_a.text, at_a, at_b
            )


def repeated_example(rule: Rule) -> Example:
    """A figure stated twice alike; then the second time 10 more."""
    include = [c for c in rule["include"] or () if ":" not in c]
    concept = include[0] if include else "final.expense"
    first = example_fact(concept, Decimal(100), 0)
    return Example(
        (first, example_fact(concept, Decimal(100), 0, line=3)), (first, example_fact(concept, Decimal(110), 0, line=3))
    )


def department_example(rule: Rule) -> Example:
    """The title naming the department of the text; then another one (a template's)."""
    body = example_fact("report.department", "衡阳县科学技术协会", 0, line=3)
    return Example(
        (example_fact("report.title_department", "衡阳县科学技术协会", 0), body),
        (example_fact("report.title_department", "统战部", 0), body),
    )


def magnitude_example(rule: Rule) -> Example:
    """An amount far above the least; then one below it (万 left out)."""
    least = Decimal(str(rule["min"]))
    concept = next(c for c in rule["include"] if ":" not in c)
    return Example(
        (example_fact(concept, least * 1000, 0, rule["unit"]),),
        (example_fact(concept, least / 10, 0, rule["unit"]),),
    )


def title_year_example(rule: Rule) -> Example:
    """A title and subtitle of one year; then a subtitle left from last year's report."""
    title = "衡阳县科学技术协会2023年度部门整体支出绩效自评报告"
    return Example(texts=(f"{title}\n2023年度部门整体支出绩效自评表", f"{title}\n2022年度部门整体支出绩效自评表"))


def compared_year_example(rule: Rule) -> Example:
    """A report of 2022 comparing each figure with 2021's 决算; then one with 2022's own."""
    lines = [f"{i}、第{i}项支出{10 * i}万元,较2021年决算数增加{i}万元。" for i in range(1, rule["least"] + 2)]
    same = "某县2022年度一般公共预算支出决算说明\n" + "\n".join(lines)
    return Example(texts=(same, same.replace("较2021年决算数增加1万元", "与2022年决算数持平", 1)))


def names_example(rule: Rule) -> Example:
    """A fund's name written alike twice; then once with a character changed."""
    name = "“科普惠农兴村计划专项资金”"
    same = f"下达{name}10万元。\n{name}全部用于科普活动。"
    return Example(texts=(same, same.replace("兴村", "兴农", 1)))


REPEATED = RuleType(
    name="repeated",
    doc="同一年度同一数字多次出现时前后一致",
    params={
        "include": Param("texts", required=False, doc="只检查这些前缀的概念"),
        "exclude": Param("texts", required=False, doc="不检查这些前缀的概念"),
        "least_source": least_source_param(),
    },
    evaluate=evaluate_repeated,
    example=repeated_example,
    why="同一个数在报告里写了两次却不相同，读者无从知道哪一个是真的；通常是改了一处忘了另一处。",
)
DEPARTMENT = RuleType(
    name="department",
    doc="标题中的部门与正文中的部门一致（允许简称）",
    params={},
    evaluate=evaluate_department,
    example=department_example,
    why="标题中的部门与正文不同，多半是套用了别的部门的模板而没有改净，报告因此不可信。",
)


TITLE_YEAR = RuleType(
    name="title_year",
    doc="标题、副标题中的年度一致（沿用上年模板时常留下旧年度）",
    params={},
    evaluate=evaluate_title_year,
    example=title_year_example,
    why="标题的年度与正文所评年度不符，多半是沿用了上年的报告。",
)


COMPARED_YEAR = RuleType(
    name="compared_year",
    doc="本年决算与上年决算相比；与本年自己的决算相比的年份写错了",
    params={"least": Param("number", required=False, default=2, doc="至少这么多处与上年决算相比，才确认报告年度")},
    evaluate=evaluate_compared_year,
    example=compared_year_example,
    why="报告与“本年决算数”相比等于与自己相比，多半是年份写错或沿用了模板。",
)


MAGNITUDE = RuleType(
    name="magnitude",
    doc="金额不小得不合常理（年度资金 3.6元 多为漏写“万”）；0 不算",
    params={
        "include": Param("texts", doc="检查这些前缀的概念"),
        "exclude": Param("texts", required=False, doc="不检查这些前缀的概念"),
        "min": Param("number", doc="不应小于的数额"),
        "unit": Param("text", doc="min 的单位，如 元"),
    },
    evaluate=evaluate_magnitude,
    example=magnitude_example,
    why="金额小得不合常理，常是把“万元”写成了“元”，或小数点错位。",
)


NAMES = RuleType(
    name="names",
    doc="引号中的资金、项目名称前后写法一致（只差几个字即疑为笔误或套用）",
    params={
        "words": Param("texts", doc="名称中含有这些词之一才检查（资金、项目…）"),
        "similarity": Param("number", required=False, default=0.85, doc="两个名称相似度不低于此值而又不同时报告"),
    },
    evaluate=evaluate_names,
    example=names_example,
    why="两个几乎相同却不同的名称，常是同一单位或项目写错了字。",
)


@hookimpl
def evalrules_rule_types() -> list[RuleType]:
    return [REPEATED, DEPARTMENT, TITLE_YEAR, COMPARED_YEAR, MAGNITUDE, NAMES]
