"""Page furniture: breadcrumbs (首页 > …), a page's fields and buttons (发布时间, 来源, 浏览次数,
字体 大 中 小, 分享到), a 文库 mirror's notice, a converter's metadata dump before the text.

The vocabulary is ``boilerplate.toml``.  ``furniture`` says how much of a line's start is
furniture: all of it, none, or the dump that runs on into the report's first line.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib.resources import files

import attrs

__all__ = ["Furniture", "furniture"]

_SEPARATORS = re.compile(r"\s*[:：]\s*")
_DATE = r"\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"


@attrs.frozen
class Furniture:
    breadcrumb: re.Pattern[str]
    trail: re.Pattern[str]  # a breadcrumb that names no start: short names apart by arrows
    separators: tuple[str, ...]
    fields: tuple[str, ...]
    longest: int
    notices: tuple[str, ...]
    dump: re.Pattern[str]
    dump_least: int
    any_field: re.Pattern[str]
    dated_fields: re.Pattern[str]  # page fields run into a text, the last one a date: 来源:…发布时间:2025-12-26

    def within(self, text: str) -> list[tuple[int, int]]:
        """Where page fields stand inside ``text`` (a body run onto one line): the title before
        them, the text after them (…决算情况来源:罗湖区审计局发布时间:2025-12-26一、…)."""
        if self.any_field.search(text) is None:
            return []
        return [found.span() for found in self.dated_fields.finditer(text)]

    def length(self, text: str) -> int:
        """How many characters at the start of ``text`` (a normalised line) are page furniture."""
        stripped = text.strip(" •·●\t")
        if not stripped:
            return 0
        if self.breadcrumb.match(stripped) or self.trail.fullmatch(stripped):
            if len(stripped) < self.longest:
                return len(text)
            # a body run on after the breadcrumb (…> 通知公告 > 部门整体支出绩效评价报告一、基本情况…):
            # the trail is furniture up to its last separator, its last name is the page's title
            return max(text.rfind(separator, 0, self.longest) for separator in self.separators) + 1
        if any(notice in stripped for notice in self.notices):
            return len(text)
        if len(stripped) < self.longest and self._only_fields(stripped):
            return len(text)
        marks = list(self.dump.finditer(text))
        return marks[-1].end() if len(marks) >= self.dump_least else 0

    def _only_fields(self, text: str) -> bool:
        """A line that is a field name, or at least two fields with their short values."""
        if self.any_field.search(text) is None:
            return False
        named = [field for field in self.fields if field in text]
        if any(_SEPARATORS.sub("", text) == field for field in named):
            return True  # 发布机构, alone: its value is on the next line
        return len(named) >= 2 or bool(re.match(rf"\s*(?:{'|'.join(map(re.escape, named))})\s*[:：]", text))


@functools.cache
def furniture() -> Furniture:
    data = tomllib.loads(files("evalrules.layout").joinpath("boilerplate.toml").read_text("utf-8"))
    starts = "|".join(map(re.escape, data["breadcrumb_starts"]))
    separators = "".join(map(re.escape, data["breadcrumb_separators"]))
    marks = "|".join(data["dump_marks"])
    fields = "|".join(map(re.escape, data["fields"]))
    arrows, least = "".join(map(re.escape, data["breadcrumb_arrows"])), int(data["breadcrumb_least"])
    return Furniture(
        breadcrumb=re.compile(rf"(?:{starts})\s*[:：]?\s*(?:首页)?\s*[{separators}]"),
        separators=tuple(data["breadcrumb_separators"]),
        trail=re.compile(rf"[^{arrows}]{{1,20}}(?:[{arrows}][^{arrows}]{{1,20}}){{{least - 1},}}"),
        fields=tuple(data["fields"]),
        longest=int(data["longest"]),
        notices=tuple(data["notices"]),
        # a dump's last mark, then its trailing ids, numbers and flags
        dump=re.compile(rf"(?:{marks})(?:\s+(?:True|False|[0-9A-Fa-f.\-]+)(?=\s|$))*"),
        dump_least=int(data["dump_least"]),
        any_field=re.compile("|".join(map(re.escape, data["fields"]))),
        dated_fields=re.compile(rf"(?:(?:{fields})[:：][^:：]{{0,30}}?)*(?:{fields})[:：]\s*{_DATE}"),
    )
