"""A test kit for plugin authors (and lpo-review's own tests): a pytest plugin with fixtures.

Installed with lpo-review as the pytest plugin ``lpo_review`` (entry point ``pytest11``), so a
plugin's tests need no set-up of their own::

    def test_my_recognizer_masks_matter_numbers(lpo_engine):
        engine = lpo_engine(my_plugin_module, trusted=True)     # or lpo_engine("entry_point_name")
        packet = engine.review_text("Re: matter MAT-2024-00731").packet
        assert "MAT-2024-00731" not in packet.redacted_text
        assert "MATTER_NUMBER" in entity_types(packet)

A plugin is given as an object or module with hook implementations (registered under its
``__name__`` or the ``name`` given) or as the name of an installed entry point (enabled as a
configuration would enable it).  ``trusted=True`` lists it in ``plugins.trusted_with_originals``:
needed for the hooks that see original text (recognizers, readers, a redactor) and for stages
that ask for it, exactly as in a real configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.engine import Engine
    from lpo_review.model import Packet

EngineFactory = Callable[..., "Engine"]


def make_engine(
    *plugins: ModuleType | object | str,
    trusted: bool = False,
    name: str | None = None,
    version: str = "test",
    **config: Any,
) -> Engine:
    """An engine with the built-ins and ``plugins`` enabled; ``config``: further
    :class:`~lpo_review.config.Config` fields (``profile="hipaa"``, ``stages={...}``)."""
    # imported here: pytest loads this plugin in every session of an environment with
    # lpo-review installed, and only tests that build an engine should pay for the engine
    from lpo_review.config import Config
    from lpo_review.engine import Engine
    from lpo_review.plugins import build_plugin_manager

    in_code = [p for p in plugins if not isinstance(p, str)]
    if name is not None and len(in_code) > 1:
        raise ValueError("name= names one plugin; register several under their own names")
    names = [name or getattr(p, "__name__", type(p).__name__) for p in in_code]
    entry_points = [p for p in plugins if isinstance(p, str)]

    def configured(trust: list[str]) -> Config:
        return Config(plugins={"enabled": entry_points,
                               "trusted_with_originals": trust if trusted else []}, **config)

    # the manager loads the entry points; the plugins given in code join it, then the engine
    # holds every one of them to the trust the configuration gives
    pm = build_plugin_manager(configured(entry_points))
    for plugin, plugin_name in zip(in_code, names, strict=True):
        pm.register_named(plugin, plugin_name, version)
    return Engine(configured(entry_points + names), plugin_manager=pm)


def entity_types(packet: Packet) -> set[str]:
    """The entity types a packet's redactions hold."""
    return {r.entity_type for r in packet.redactions}


@pytest.fixture
def lpo_engine() -> EngineFactory:
    """:func:`make_engine` as a fixture: ``lpo_engine(plugin, trusted=True, profile="hipaa")``."""
    return make_engine
