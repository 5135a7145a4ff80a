"""The plugin manager: built-in plugins, entry-point discovery, blocking, listing."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from importlib import import_module
from pathlib import Path

import attrs
import pluggy

from evalrules import hookspecs

__all__ = ["PluginInfo", "get_manager", "new_manager", "plugin_infos"]

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


def new_manager(blocked: frozenset[str] = frozenset()) -> pluggy.PluginManager:
    """A plugin manager with built-in and installed plugins, less the ``blocked`` names."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in blocked:
        pm.set_blocked(name)
    for name, module in BUILTIN.items():
        if not pm.is_blocked(name):
            pm.register(import_module(module), name=name)
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    pm.check_pending()
    return pm


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
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        dist = dists.get(id(plugin))
        if dist is None:
            from evalrules import __version__

            project, version = "evalrules (built in)", __version__
        else:
            project, version = dist.project_name, dist.version
        infos.append(PluginInfo(name, project, version, tuple(sorted(_provided(pm, plugin)))))
    return sorted(infos, key=lambda info: (info.distribution != "evalrules (built in)", info.name))
