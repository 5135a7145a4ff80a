"""Hypothesis strategies for figures and reports as reports write them.

    from evalrules.testing.strategies import amounts, written_amounts, consistent_reports

``amounts()`` draws true amounts in 元; ``written_amounts(value)`` draws how a report may
write one: its unit (元 / 万元 / 亿元) and number of decimals, never rounding a non-zero amount
to zero.  ``consistent_reports()`` draws whole reports in which every identity of the national
baseline holds at the precision each figure is written — a total is the sum of its parts as
written, as a table's 合计 row is, never off by a rounding unit (a 尾差) — : the parts of every total, shares,
changes, the asset balance, the 三公 and 采购 breakdowns, staffing, an indicator tree whose
weights and scores fit, the 年度资金总额 score formula and a grade that matches the score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from hypothesis import strategies as st

from evalrules.api import check
from evalrules.concepts import indicator_concept
from evalrules.model import Fact, Report
from evalrules.quantity import unit_factor
from evalrules.testing import fact, report_of, rounded

__all__ = [
    "FRAMEWORKS",
    "MONEY_UNITS",
    "amounts",
    "consistent_reports",
    "facts",
    "written_amounts",
    "written_percents",
]

MONEY_UNITS = ("元", "万元", "亿元")

# The plugins and the built-in rulesets are loaded once, on import, so that a property's first
# example is not charged for them: past hypothesis's deadline it would fail, then pass when
# hypothesis runs it again — a flaky failure on a slow machine.
check(report_of([]))

# The indicator frameworks reports are generated on, by kind (weights in 分).
FRAMEWORKS: Mapping[str, Mapping[str, int]] = {
    "dept-overall": {
        "年度资金总额": 10,
        "产出指标": 40,
        "产出指标.数量指标": 20,
        "产出指标.质量指标": 10,
        "产出指标.时效指标": 10,
        "效益指标": 20,
        "满意度指标": 10,
        "成本指标": 20,
    },
    "project": {"预算执行率": 10, "产出指标": 50, "效益指标": 30, "满意度指标": 10},
    "final-accounts": {},
}
_FORMULA_INDICATORS = ("年度资金总额", "预算执行率")
_GRADES = (("优", 90), ("良", 80), ("中", 60), ("差", 0))


def amounts(min_value: str = "1", max_value: str = "1e10") -> st.SearchStrategy[Decimal]:
    """True amounts in 元, to the fen."""
    return st.decimals(min_value=Decimal(min_value), max_value=Decimal(max_value), places=2)


@st.composite
def written_amounts(
    draw: st.DrawFn, value: Decimal, units: tuple[str, ...] = MONEY_UNITS, max_decimals: int = 4
) -> tuple[str, str]:
    """(text, unit): ``value`` 元 as a report may write it, at any precision that keeps it non-zero."""
    if value == 0:
        return "0", draw(st.sampled_from(units))
    # the fewest decimals that keep the figure from rounding away to 0, for each unit
    least = {
        unit: next((d for d in range(max_decimals + 1) if rounded(value / unit_factor(unit), d) != 0), None)
        for unit in units
    }
    unit = draw(st.sampled_from([u for u in units if least[u] is not None]))
    decimals = draw(st.integers(min_value=least[unit] or 0, max_value=max_decimals))
    return str(rounded(value / unit_factor(unit), decimals)), unit


@st.composite
def written_percents(draw: st.DrawFn, value: Decimal) -> str:
    """A percentage as written, with 0 to 2 decimals (enough that a non-zero one stays non-zero)."""
    least = next((d for d in range(4) if rounded(value, d) != 0 or value == 0), 3)
    written = rounded(value, draw(st.integers(min_value=least, max_value=max(least, 2))))
    return str(written if written else abs(written))  # no “-0”


Form = tuple[str, str]  # an amount as written: (text, unit)


def _yuan(*forms: Form) -> Decimal:
    """The sum of amounts as written, in 元."""
    return sum((Decimal(text) * unit_factor(unit) for text, unit in forms), Decimal(0))


def _exactly(yuan: Decimal) -> Form:
    """An amount in 万元 with every decimal it has: a figure computed from written figures."""
    return format((yuan / unit_factor("万元")).normalize(), "f"), "万元"


class _Draft:
    """Facts being written, a sentence a line."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.facts: list[Fact] = []
        self.line = 0

    def sentence(self) -> None:
        self.line += 1

    def _add(self, concept: str, text: str, unit: str | None) -> Fact:
        written = fact(concept, text, unit, line=self.line, column=len(self.facts) * 8 + 1)
        self.facts.append(written)
        return written

    def money(self, concept: str, yuan: Decimal) -> Fact:
        return self.written(concept, self.draw(written_amounts(yuan)))

    def written(self, concept: str, form: Form) -> Fact:
        """A money figure already written as ``(text, unit)``."""
        return self._add(concept, *form)

    def forms(self, values: Mapping[str, Decimal]) -> dict[str, Form]:
        """How each amount (in 元) is written."""
        return {concept: self.draw(written_amounts(value)) for concept, value in values.items()}

    def percent(self, concept: str, value: Decimal) -> Fact:
        return self._add(concept, self.draw(written_percents(value)), "%")

    def count(self, concept: str, value: int, unit: str = "人") -> Fact:
        return self._add(concept, str(value), unit)

    def score(self, concept: str, value: Decimal) -> Fact:
        return self._add(concept, str(value), "分")

    def text(self, concept: str, value: str) -> Fact:
        return self._add(concept, value, None)


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole * 100


def _staffing(draft: _Draft) -> None:
    admin, institution = draft.draw(st.integers(0, 200)), draft.draw(st.integers(0, 200))
    authorized = admin + institution
    actual = draft.draw(st.integers(0, authorized))
    draft.sentence()
    draft.count("staffing.authorized", authorized, "名")
    draft.count("staffing.authorized_admin", admin, "名")
    draft.count("staffing.authorized_institution", institution, "名")
    draft.count("staffing.actual", actual)
    if authorized and actual:
        draft.percent("staffing.control_rate", _pct(Decimal(actual), Decimal(authorized)))


def _money(draft: _Draft, scale: str) -> dict[str, Decimal]:
    """Budget and final income and expense, the expense breakdown with its shares, the change of income."""
    draw = draft.draw
    personnel, public, project = (draw(amounts("1000", scale)) for _ in range(3))
    basic_parts = draft.forms({"final.expense_personnel": personnel, "final.expense_public": public})
    basic = _yuan(*basic_parts.values())
    expense_parts = draft.forms({"final.expense_basic": basic, "final.expense_project": project})
    expense = _yuan(*expense_parts.values())
    budget = draw(amounts("1000", scale))
    budget_form = draft.draw(written_amounts(budget))
    fiscal = draw(amounts("1000", str(expense)))
    income_form = draft.draw(written_amounts(fiscal + draw(amounts("0", str(expense)))))
    income = _yuan(income_form)
    previous = draw(amounts("1000", scale))
    draft.sentence()
    draft.written("budget.income", budget_form)
    draft.written("budget.expense", budget_form)
    draft.sentence()
    draft.written("final.income", income_form)
    draft.written("final.income:vs_budget", _exactly(income - _yuan(budget_form)))
    draft.money("final.income_fiscal", fiscal)
    draft.sentence()
    draft.money("final.income:yoy_change", income - previous)
    draft.percent("final.income:yoy_pct", _pct(income - previous, previous))
    draft.sentence()
    draft.money("final.expense", expense)
    draft.written("final.expense_basic", expense_parts["final.expense_basic"])
    draft.percent("final.expense_basic:share", _pct(basic, expense))
    draft.written("final.expense_project", expense_parts["final.expense_project"])
    draft.percent("final.expense_project:share", _pct(project, expense))
    draft.sentence()
    for concept, form in basic_parts.items():
        draft.written(concept, form)
    return {"budget": budget, "expense": expense}


def _breakdown(draft: _Draft, total: str, parts: Mapping[str, Form]) -> Decimal:
    """A total, then its parts; the total is the sum of the parts as written."""
    whole = _yuan(*parts.values())
    draft.sentence()
    draft.money(total, whole)
    for concept, form in parts.items():
        draft.written(concept, form)
    return whole


@st.composite
def _at_least(draw: st.DrawFn, form: Form, more: Decimal = Decimal("1e5")) -> Form:
    """An amount written like ``form``, not less than it and at most ``more`` 元 (or one step) more."""
    text, unit = form
    step = Decimal(1).scaleb(-len(text.partition(".")[2]))
    steps = max(1, int(more / (step * unit_factor(unit))))
    return str(Decimal(text) + draw(st.integers(0, steps)) * step), unit


def _three_public(draft: _Draft) -> None:
    draw = draft.draw
    items = ("overseas", "vehicle_purchase", "vehicle_operation", "reception")
    final = draft.forms({item: draw(amounts("0", "1e6")) for item in items})
    budget = {item: draw(_at_least(form)) for item, form in final.items()}  # spent no more than budgeted
    for scope, forms in (("budget", budget), ("final", final)):
        prefix = f"three_public.{scope}"
        vehicles = _exactly(_yuan(forms["vehicle_purchase"], forms["vehicle_operation"]))
        parts = {
            f"{prefix}.overseas": forms["overseas"],
            f"{prefix}.vehicles": vehicles,
            f"{prefix}.reception": forms["reception"],
        }
        _breakdown(draft, f"{prefix}.total", parts)
        draft.sentence()
        for item in ("vehicle_purchase", "vehicle_operation"):
            draft.written(f"{prefix}.{item}", forms[item])


def _procurement(draft: _Draft) -> None:
    draw = draft.draw
    whole = _breakdown(
        draft,
        "procurement.total",
        draft.forms({f"procurement.{item}": draw(amounts("0", "1e8")) for item in ("goods", "works", "services")}),
    )
    draft.money("procurement.sme", draw(amounts("0", str(whole))))


def _assets(draft: _Draft) -> None:
    draw = draft.draw
    _breakdown(
        draft,
        "assets.total",
        draft.forms({"assets.liabilities": draw(amounts("0", "1e9")), "assets.net": draw(amounts("1", "1e9"))}),
    )
    original = draw(amounts("100", "1e8"))
    in_use = draw(amounts("1", str(original)))
    draft.sentence()
    draft.money("assets.fixed_original", original)
    draft.money("assets.fixed_in_use", in_use)
    draft.percent("assets.utilization_rate", _pct(in_use, original))


def _execution(draft: _Draft, money: Mapping[str, Decimal]) -> Decimal:
    """年初预算数 = the budget; 全年执行数 = the final expense; returns the execution ratio."""
    draw = draft.draw
    executed = money["expense"]
    annual = executed + draw(amounts("0", str(executed)))
    draft.sentence()
    draft.money("execution.initial_budget", money["budget"])
    draft.money("execution.annual_budget", annual)
    draft.money("execution.executed", executed)
    draft.percent("execution.rate", _pct(executed, annual))
    return executed / annual


def _scores(draft: _Draft, framework: Mapping[str, int], ratio: Decimal | None) -> Decimal:
    """Every indicator's weight and a score that fits it; returns the total."""
    draw = draft.draw
    paths = [tuple(path.split(".")) for path in framework]
    scores: dict[tuple[str, ...], Decimal] = {}
    for path in sorted(paths, key=len, reverse=True):  # children before their parents
        children = [p for p in paths if len(p) == len(path) + 1 and p[:-1] == path]
        weight = Decimal(framework[".".join(path)])
        if children:
            scores[path] = sum((scores[c] for c in children), Decimal(0))
        elif path[-1] in _FORMULA_INDICATORS and ratio is not None:
            scores[path] = rounded(min(weight, ratio * weight), 2)
        else:
            scores[path] = draw(st.decimals(0, weight, places=draw(st.integers(0, 1))))
    for path in paths:
        draft.sentence()
        concept = indicator_concept(path)
        draft.score(f"{concept}:weight", Decimal(framework[".".join(path)]))
        draft.score(f"{concept}:score", scores[path])
    return sum((scores[p] for p in paths if len(p) == 1), Decimal(0))


_BLOCKS: Mapping[str, Callable[[_Draft], None]] = {
    "staffing": _staffing,
    "three_public": _three_public,
    "procurement": _procurement,
    "assets": _assets,
}


@st.composite
def consistent_reports(
    draw: st.DrawFn,
    kind: str = "dept-overall",
    framework: Mapping[str, int] | None = None,
    region: str | None = None,
    department: str = "衡阳县科学技术协会",
    blocks: tuple[str, ...] = tuple(_BLOCKS),
    scale: str = "1e9",
) -> Report:
    """A report of ``kind`` whose every figure is consistent at the precision written.

    ``framework`` (indicator path → weight) defaults to the kind's in ``FRAMEWORKS``; ``blocks``
    chooses which of staffing, three_public, procurement, assets are stated.
    """
    draft = _Draft(draw)
    draft.sentence()
    draft.text("report.title_department", department[-4:])
    draft.text("report.department", department)
    money = _money(draft, scale)
    ratio = _execution(draft, money)
    for name in blocks:
        _BLOCKS[name](draft)
    tree = FRAMEWORKS.get(kind, {}) if framework is None else framework
    if tree:
        total = _scores(draft, tree, ratio)
        draft.sentence()
        draft.score("evaluation.total_score", total)
        draft.text("evaluation.grade", next(g for g, floor in _GRADES if total >= floor))
    report = report_of(draft.facts)
    return Report(report.path, report.facts, report.sections, kind=kind, region=region)


@st.composite
def facts(draw: st.DrawFn) -> Fact:
    """A figure of a money concept, written as a report may write it."""
    concept = draw(
        st.sampled_from(["assets.total", "final.expense", "three_public.final.reception", "procurement.goods"])
    )
    text, unit = draw(written_amounts(draw(amounts())))
    return fact(concept, text, unit, line=draw(st.integers(1, 500)))
