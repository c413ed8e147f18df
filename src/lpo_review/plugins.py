"""One pluggy PluginManager: built-ins, entry-point plugins, and the allow-list.

Built-in readers, recognizers, stages and renderers are plugin modules registered here exactly as
third-party plugins are.  Third-party plugins are found through the entry-point group
``lpo_review`` but are *loaded* into a review only when the configuration enables them
(``plugins.enabled``): an installed but unknown plugin never sees a client document.  An
enabled plugin that implements a hook receiving original text (:data:`ORIGINAL_HOOKS`) is
refused unless it is also listed in ``plugins.trusted_with_originals``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from difflib import get_close_matches
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any

import pluggy

from lpo_review import hookspecs
from lpo_review.config import Config
from lpo_review.errors import ConfigError

ENTRY_POINT_GROUP = "lpo_review"
#: Every hook name lpo-review calls.
HOOKS = tuple(sorted(n for n in dir(hookspecs) if n.startswith("lpo_review_")))
#: Hooks that receive original text or bytes: only a plugin trusted with originals may
#: implement them (a reader gets the file, kind detection and recognizers the extracted text,
#: a redactor both).
ORIGINAL_HOOKS = frozenset({"lpo_review_read", "lpo_review_detect_kind",
                            "lpo_review_recognizers", "lpo_review_redactor"})

#: Built-in plugins: name -> module.  Disable one with ``plugins.disabled = ["name"]``.
BUILTIN_PLUGINS: dict[str, str] = {
    "ingest.txt": "lpo_review.ingest.txt",
    "ingest.docx": "lpo_review.ingest.docx",
    "ingest.pdf": "lpo_review.ingest.pdf",
    "ingest.email": "lpo_review.ingest.email",
    "ingest.msg": "lpo_review.ingest.msg",
    "ingest.ocr": "lpo_review.ingest.ocr",
    "ingest.kind": "lpo_review.ingest.kind",
    "redact": "lpo_review.redact.plugin",
    "clauses": "lpo_review.stages.clauses.plugin",
    "deposition_digest": "lpo_review.stages.deposition.plugin",
    "medical_chronology": "lpo_review.stages.medical.plugin",
    "email_summary": "lpo_review.stages.email.plugin",
    "privilege": "lpo_review.privilege.plugin",
    "guard": "lpo_review.guard.plugin",
    "render.docx": "lpo_review.packets.docx_render",
    "render.html": "lpo_review.packets.html_render",
}


@dataclass
class PluginInfo:
    """A plugin as ``lpo-review plugins`` lists it."""

    name: str
    source: str
    """``builtin`` or the distribution that provides the entry point."""
    version: str
    enabled: bool
    trusted_with_originals: bool
    hooks: list[str] = field(default_factory=list)
    error: str | None = None


def _entry_points() -> list[EntryPoint]:
    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _dist_version(ep: EntryPoint) -> tuple[str, str]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "unknown", "unknown"
    return dist.metadata["Name"], dist.version


class PluginManager(pluggy.PluginManager):
    """pluggy's manager plus the name and version of every registered plugin."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.versions: dict[str, str] = {}

    def register_named(self, plugin: ModuleType | Any, name: str, version: str) -> None:
        """Register ``plugin`` as ``name``; a function named like a hook that is none (a
        misspelling: ``lpo_review_recogniser``) is a :class:`ConfigError` naming the plugin."""
        unknown = [h for h in _hooks_of(plugin) if h not in HOOKS]
        if unknown:
            hints = [f"{h} (did you mean {close[0]}?)" if (close := get_close_matches(h, HOOKS, 1))
                     else h for h in unknown]
            raise ConfigError(f"plugin {name!r}: {', '.join(hints)} is no lpo-review hook; "
                              f"the hooks are listed in lpo_review.hookspecs")
        self.register(plugin, name=name)
        try:
            self.check_pending()  # a hookimpl with no such hook, whatever its name
        except pluggy.PluginValidationError as exc:
            self.unregister(name=name)
            raise ConfigError(f"plugin {name!r}: {exc}") from None
        self.versions[name] = version

    def check_trust(self, config: Config) -> None:
        """Refuse a plugin other than a built-in that implements a hook receiving original text
        (:data:`ORIGINAL_HOOKS`) unless ``plugins.trusted_with_originals`` lists it."""
        trusted = set(config.plugins.trusted_with_originals) | set(BUILTIN_PLUGINS)
        for name, plugin in self.list_name_plugin():
            sees = sorted(ORIGINAL_HOOKS & set(_hooks_of(plugin)))
            if sees and name not in trusted:
                raise ConfigError(
                    f"plugin {name!r} implements {', '.join(sees)}, which see original text: "
                    f"add {name!r} to plugins.trusted_with_originals to allow it, or disable it"
                )

    def call_attributed(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call a list-returning hook plugin by plugin, in pluggy's own call order.

        Returns ``(plugin name, item)`` pairs so every result can be attributed to its plugin.
        Each plugin's implementation runs through pluggy (``subset_hook_caller``), so its own
        wrappers, tracing and call monitoring apply; a wrapper contributes no items of its own.
        """
        hook = getattr(self.hook, hook_name)
        plugins = self.list_name_plugin()
        pairs: list[tuple[str, Any]] = []
        for impl in reversed(hook.get_hookimpls()):  # pluggy calls the last registered first
            if impl.hookwrapper or impl.wrapper:
                continue
            others = [p for name, p in plugins if name != impl.plugin_name]
            for result in self.subset_hook_caller(hook_name, remove_plugins=others)(**kwargs):
                pairs += [(impl.plugin_name, item) for item in result or []]
        return pairs


def _builtin_version() -> str:
    from lpo_review import __version__

    return __version__


def build_plugin_manager(config: Config) -> PluginManager:
    """Register enabled built-ins and the allow-listed entry-point plugins."""
    pm = PluginManager()
    unknown_disabled = set(config.plugins.disabled) - set(BUILTIN_PLUGINS)
    if unknown_disabled:
        raise ConfigError(
            f"plugins.disabled: unknown built-in plugin(s) {sorted(unknown_disabled)}; "
            f"built-ins are {sorted(BUILTIN_PLUGINS)}"
        )
    for name, module in BUILTIN_PLUGINS.items():
        if name not in config.plugins.disabled:
            pm.register_named(importlib.import_module(module), name, _builtin_version())
    found = {ep.name: ep for ep in _entry_points()}
    missing = [n for n in config.plugins.enabled if n not in found]
    if missing:
        raise ConfigError(
            f"plugins.enabled: plugin(s) {missing} are not installed "
            f"(installed: {sorted(found) or 'none'})"
        )
    for name in config.plugins.enabled:
        ep = found[name]
        _, version = _dist_version(ep)
        pm.register_named(ep.load(), name, version)
    untrusted = set(config.plugins.trusted_with_originals) - set(pm.versions)
    if untrusted:
        raise ConfigError(
            f"plugins.trusted_with_originals: {sorted(untrusted)} not among the loaded plugins"
        )
    return pm


def _hooks_of(plugin: Any) -> list[str]:
    return sorted(
        name
        for name in dir(plugin)
        if name.startswith("lpo_review_") and callable(getattr(plugin, name, None))
    )


def list_plugins(config: Config) -> list[PluginInfo]:
    """Every plugin found (built-in and entry point), whether enabled, and its hooks.

    Entry-point plugins are imported only to list their hooks; nothing is run on documents.
    """
    trusted = set(config.plugins.trusted_with_originals)
    infos: list[PluginInfo] = []
    for name, module in BUILTIN_PLUGINS.items():
        info = PluginInfo(name, "builtin", _builtin_version(),
                          name not in config.plugins.disabled, name in trusted)
        try:
            info.hooks = _hooks_of(importlib.import_module(module))
        except ImportError as exc:
            info.error = f"cannot import {module}: {exc}"
        infos.append(info)
    for ep in _entry_points():
        dist, version = _dist_version(ep)
        info = PluginInfo(ep.name, dist, version, ep.name in config.plugins.enabled,
                          ep.name in trusted)
        try:
            info.hooks = _hooks_of(ep.load())
        except Exception as exc:  # a broken plugin is listed with its error, not fatal
            info.error = f"cannot load {ep.value}: {exc}"
        infos.append(info)
    return infos
