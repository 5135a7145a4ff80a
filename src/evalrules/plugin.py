"""The plugin manager: built-in plugins, entry-point discovery, blocking, listing."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable, Mapping
from importlib import import_module
from importlib.metadata import Distribution, entry_points
from pathlib import Path

import attrs
import pluggy

from evalrules import hookspecs

__all__ = ["PluginFailure", "PluginInfo", "failures", "get_manager", "new_manager", "plugin_infos"]

ENTRY_POINT_GROUP = hookspecs.PROJECT

# Built-in plugins, registered under these names like any third-party plugin.
BUILTIN = {
    "text": "evalrules.load.text",
    "docx": "evalrules.load.docx",
    "pdf": "evalrules.load.pdf",
    "json": "evalrules.load.report_json",
    "extract": "evalrules.extract.plugin",
    "formats": "evalrules.format.builtin",
    "rulesets": "evalrules.check.builtin_rulesets",
}


@functools.cache
def get_manager(blocked: frozenset[str] = frozenset()) -> pluggy.PluginManager:
    """The process's plugin manager for this set of ``blocked`` names (built once)."""
    return new_manager(blocked)


@attrs.frozen
class PluginFailure:
    """An installed plugin that could not be imported: named, then left out."""

    name: str
    distribution: str
    error: str

    def __str__(self) -> str:
        return f"插件 {self.name}（{self.distribution}）无法加载，已跳过：{self.error}"


_FAILURES: weakref.WeakKeyDictionary[pluggy.PluginManager, tuple[PluginFailure, ...]] = weakref.WeakKeyDictionary()
_DISTRIBUTIONS: weakref.WeakKeyDictionary[pluggy.PluginManager, dict[str, Distribution]] = weakref.WeakKeyDictionary()


def new_manager(blocked: frozenset[str] = frozenset()) -> pluggy.PluginManager:
    """A plugin manager with built-in and installed plugins, less the ``blocked`` names.

    A blocked plugin is never imported.  An installed plugin whose import fails is left out
    and recorded (see ``failures``), as flake8's plugin finder does, rather than stopping the run.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in blocked:
        pm.set_blocked(name)
    for name, module in BUILTIN.items():
        if not pm.is_blocked(name):
            pm.register(import_module(module), name=name)
    failed: list[PluginFailure] = []
    dists: dict[str, Distribution] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if pm.is_blocked(entry.name) or pm.has_plugin(entry.name):
            continue
        project = entry.dist.name if entry.dist else "?"
        try:
            plugin = entry.load()
            pm.register(plugin, name=entry.name)
        except Exception as exc:  # a third party's bug must not stop the run
            failed.append(PluginFailure(entry.name, project, f"{type(exc).__name__}: {exc}"))
            continue
        if entry.dist is not None:
            dists[entry.name] = entry.dist
    pm.check_pending()
    _FAILURES[pm] = tuple(failed)
    _DISTRIBUTIONS[pm] = dists
    return pm


def failures(pm: pluggy.PluginManager) -> tuple[PluginFailure, ...]:
    """The installed plugins ``pm`` could not import."""
    return _FAILURES.get(pm, ())


@attrs.frozen
class PluginInfo:
    """One registered plugin: its name, where it comes from, and what it provides."""

    name: str
    distribution: str
    version: str
    provides: tuple[str, ...]


def _name(item: object) -> str:
    """A rule type's or a format's name, a ruleset file's stem."""
    if isinstance(item, Path):
        return item.stem
    return str(getattr(item, "name", item))


def _provided(pm: pluggy.PluginManager, plugin: object) -> Iterable[str]:
    """One line per hook the plugin implements, naming what the hook returns."""
    for caller in pm.get_hookcallers(plugin) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is not plugin:
                continue
            hook = caller.name.removeprefix("evalrules_")
            if hook in ("load", "extract"):
                yield hook
                continue
            provided = impl.function()
            if isinstance(provided, Mapping):
                yield f"{hook}: {len(provided)}"
            elif isinstance(provided, Iterable):
                yield f"{hook.replace('_', ' ')}: {', '.join(sorted(_name(item) for item in provided))}"


def plugin_infos(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Every registered plugin with its distribution, version and what it provides."""
    dists = _DISTRIBUTIONS.get(pm, {})
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        dist = dists.get(name)
        if dist is None:
            from evalrules import __version__

            project, version = "evalrules (built in)", __version__
        else:
            project, version = dist.name, dist.version
        infos.append(PluginInfo(name, project, version, tuple(sorted(_provided(pm, plugin)))))
    return sorted(infos, key=lambda info: (info.distribution != "evalrules (built in)", info.name))
