"""The plugin manager: built-in plugins, entry-point discovery, blocking, listing."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import import_module

import attrs
import pluggy

from evalrules import hookspecs

__all__ = ["PluginInfo", "get_manager", "plugin_infos"]

ENTRY_POINT_GROUP = hookspecs.PROJECT

# Built-in plugins, registered under these names like any third-party plugin.
BUILTIN = {
    "text": "evalrules.load.text",
    "extract": "evalrules.extract.plugin",
    "formats": "evalrules.format.builtin",
    "rulesets": "evalrules.check.builtin_rulesets",
}


@functools.cache
def get_manager(blocked: frozenset[str] = frozenset()) -> pluggy.PluginManager:
    """The plugin manager with built-in and installed plugins, less the ``blocked`` names."""
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


def _provided(pm: pluggy.PluginManager, plugin: object) -> Iterable[str]:
    for caller in pm.get_hookcallers(plugin) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is not plugin:
                continue
            hook = caller.name.removeprefix("evalrules_")
            if hook in ("load", "extract"):
                yield hook
                continue
            result = impl.function()
            names = [getattr(item, "name", None) or getattr(item, "stem", str(item)) for item in result]
            yield f"{hook.replace('_', ' ')}: {', '.join(sorted(names))}"


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
