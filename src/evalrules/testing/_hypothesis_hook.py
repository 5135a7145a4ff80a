"""Hypothesis's entry point: ``st.from_type(Report)`` and ``st.from_type(Fact)`` draw from our
strategies.

Hypothesis calls this while it is being imported — which may be from inside
``evalrules.testing.strategies`` itself (``from hypothesis import strategies`` at its top), before
that module has defined anything.  So this module imports none of it: each registered strategy is
deferred, and the strategies module is imported when the first value is drawn.
"""

from __future__ import annotations

import importlib
from typing import Any

from evalrules.model import Fact, Report

__all__: list[str] = []


def _setup() -> None:
    from hypothesis import strategies as st

    def ours(name: str) -> Any:
        return getattr(importlib.import_module("evalrules.testing.strategies"), name)()

    st.register_type_strategy(Report, st.deferred(lambda: ours("consistent_reports")))
    st.register_type_strategy(Fact, st.deferred(lambda: ours("facts")))
