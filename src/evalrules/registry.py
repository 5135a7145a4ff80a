"""Everything the installed plugins provide, gathered once: rule types, rulesets, formats, concepts."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.metadata import entry_points
from pathlib import Path
from typing import cast

import pluggy

from evalrules.check.ruleset import Ruleset, load_ruleset
from evalrules.check.ruletype import RuleType
from evalrules.concepts import known_concepts
from evalrules.errors import ConfigError
from evalrules.format import OutputFormat
from evalrules.model import Report
from evalrules.plugin import ENTRY_POINT_GROUP, failures, get_manager

__all__ = ["DEFAULT_RULESET", "Registry", "registry"]

DEFAULT_RULESET = "default"


class Registry:
    """The plugin manager and what its plugins provide, looked up by name."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        self.concepts = known_concepts(pm)
        self.rule_types: dict[str, RuleType] = {}
        for impl in pm.hook.evalrules_rule_types.get_hookimpls():
            for rule_type in cast(Iterable[RuleType], impl.function()):
                if rule_type.name in self.rule_types:
                    raise ConfigError(impl.plugin_name, f"规则类型 {rule_type.name!r} 已由另一个插件提供，请换个名字")
                self.rule_types[rule_type.name] = rule_type
        self.suffixes = frozenset(s.lower() for provided in pm.hook.evalrules_suffixes() for s in provided)
        self.formats: dict[str, OutputFormat] = {}
        for provided in pm.hook.evalrules_formats():
            for output in provided:
                self.formats[output.name] = output
        # Rules of a type no loaded plugin provides belong to a blocked or broken plugin when
        # there is one (blocked plugins are never imported, so their types are not known);
        # with every plugin loaded, an unknown type is a ruleset's error.
        self.incomplete = bool(failures(pm)) or any(
            pm.is_blocked(e.name) for e in entry_points(group=ENTRY_POINT_GROUP)
        )
        self.ruleset_paths: dict[str, Path] = {}
        for provided in pm.hook.evalrules_rulesets():
            for path in provided:
                self.ruleset_paths[Path(path).stem] = Path(path)

    def ruleset(self, name_or_path: str) -> Ruleset:
        """A ruleset by name (``default``) or by path to a TOML file, with what it extends."""
        return self._ruleset(self._located(name_or_path, Path.cwd()), ())

    def _located(self, name_or_path: str, folder: Path) -> Path:
        """The file of an installed ruleset's name, or a path (relative to ``folder``: the current
        folder, or the folder of the ruleset that extends it)."""
        installed = self.ruleset_paths.get(name_or_path)
        if installed is not None:
            return installed
        candidate = folder / name_or_path
        if candidate.suffix != ".toml" and not candidate.exists():
            known = "、".join(sorted(self.ruleset_paths)) or "无"
            raise ConfigError(name_or_path, f"没有这个规则集（已安装：{known}）")
        if not candidate.exists():
            raise ConfigError(name_or_path, "规则集文件不存在")
        if not candidate.is_file():
            raise ConfigError(name_or_path, "不是普通文件（规则集应是一个 TOML 文件）")
        return candidate.resolve()

    def _ruleset(self, path: Path, extending: tuple[Path, ...]) -> Ruleset:
        if path in extending:
            chain = " → ".join(p.name for p in (*extending, path))
            raise ConfigError(str(path), f"规则集循环继承：{chain}")
        return self._loaded(path, path.stat().st_mtime_ns, extending)

    @functools.cache  # noqa: B019 - a registry lives as long as the process
    def _loaded(self, path: Path, modified: int, extending: tuple[Path, ...]) -> Ruleset:
        """The ruleset at ``path`` as it was at ``modified``: an edited file is read again."""
        return load_ruleset(
            path,
            self.rule_types,
            self.concepts,
            skip_unknown_types=self.incomplete,
            base=lambda name: self._extended(name, extending, path),
        )

    def _extended(self, name: str, extending: tuple[Path, ...], path: Path) -> Ruleset:
        """The ruleset that the one at ``path`` extends: a name or path that finds none is a
        mistake of ``path``'s own; an error inside the ruleset found names that file."""
        try:
            found = self._located(name, path.parent)
        except ConfigError as error:
            raise ConfigError(str(path), f"extends = {name!r}：{error.message}") from None
        return self._ruleset(found, (*extending, path))

    def resolve(self, report: Report, ruleset: str | Ruleset | None = None) -> Ruleset:
        """``ruleset`` as given (a Ruleset, a name or a path), else the one ``choose`` picks."""
        if isinstance(ruleset, Ruleset):
            return ruleset
        return self.ruleset(ruleset) if ruleset else self.choose(report)

    def choose(self, report: Report) -> Ruleset:
        """The most specific installed ruleset meant for the report's region, kind and year;
        the national baseline when none is."""
        best: tuple[tuple[int, int, int], Ruleset] | None = None
        for ruleset in self.rulesets():
            fit = ruleset.applies.specificity(report.region, report.kind, report.year) if ruleset.applies else None
            if fit is not None and (best is None or (*fit, len(ruleset.chain)) > best[0]):
                best = ((*fit, len(ruleset.chain)), ruleset)
        return best[1] if best else self.ruleset(DEFAULT_RULESET)

    def rulesets(self) -> Iterable[Ruleset]:
        for name in sorted(self.ruleset_paths):
            yield self.ruleset(name)


@functools.cache
def registry(blocked: frozenset[str] = frozenset()) -> Registry:
    return Registry(get_manager(blocked))
