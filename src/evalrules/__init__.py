"""evalrules: read 绩效自评报告 into data and check it against declarative rules.

path ─load─▶ Document ─layout─▶ normalised text ─extract─▶ Report ─check(Ruleset)─▶ [Finding] ─format─▶ text · json · …
"""

from __future__ import annotations

from evalrules.api import check, evaluate, extract, load, report_from_figures
from evalrules.check import relations
from evalrules.check.binding import bindings
from evalrules.check.diagnose import diagnose
from evalrules.check.engine import Result
from evalrules.check.ruleset import Ruleset, load_ruleset
from evalrules.check.ruletype import Example, Outcome, Param, Rule, RuleType
from evalrules.errors import ConfigError, EvalrulesError, InputError
from evalrules.extract.figures import chinese_value
from evalrules.format import FileResult, OutputFormat
from evalrules.hookspecs import hookimpl
from evalrules.model import (
    Block,
    Diagnosis,
    Document,
    Fact,
    Finding,
    Indicator,
    Line,
    Location,
    Report,
    Section,
    Span,
    Statement,
)
from evalrules.quantity import Interval, Quantity

__version__ = "0.1.0"

__all__ = [
    "Block",
    "ConfigError",
    "Diagnosis",
    "Document",
    "EvalrulesError",
    "Example",
    "Fact",
    "FileResult",
    "Finding",
    "Indicator",
    "InputError",
    "Interval",
    "Line",
    "Location",
    "Outcome",
    "OutputFormat",
    "Param",
    "Quantity",
    "Report",
    "Result",
    "Rule",
    "RuleType",
    "Ruleset",
    "Section",
    "Span",
    "Statement",
    "__version__",
    "bindings",
    "check",
    "chinese_value",
    "diagnose",
    "evaluate",
    "extract",
    "hookimpl",
    "load",
    "load_ruleset",
    "relations",
    "report_from_figures",
]
