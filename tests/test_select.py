"""select / ignore by code prefix, the longest prefix winning, as flake8 decides."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evalrules.check.select import Selection


def test_decisions() -> None:
    assert Selection()("BAL001")
    assert not Selection(ignore=("BAL",))("BAL001")
    assert Selection(select=("BAL",))("BAL001") and not Selection(select=("BAL",))("EXE001")
    assert not Selection(select=("BAL",), ignore=("BAL00",))("BAL001")
    assert Selection(select=("BAL001",), ignore=("BAL",))("BAL001")
    assert not Selection(select=("BAL",), ignore=("BAL",))("BAL001")  # a tie is ignored


codes = st.from_regex(r"[A-Z]{3}[0-9]{3}", fullmatch=True)


@given(codes, st.integers(0, 6), st.integers(0, 6))
def test_the_longer_prefix_decides(code: str, select: int, ignore: int) -> None:
    decided = Selection(select=(code[:select],), ignore=(code[:ignore],))(code)
    assert decided == (select > ignore)
