"""Registers the privilege screen through the ``lpo_review_stages`` hook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.hookspecs import hookimpl
from lpo_review.privilege.stage import PrivilegeStage

if TYPE_CHECKING:
    import pluggy

    from lpo_review.config import Config
    from lpo_review.stages.base import Stage


@hookimpl
def lpo_review_stages(config: Config, plugins: pluggy.PluginManager) -> list[Stage]:
    """The ``privilege`` stage, with the matter's extra markers."""
    return [PrivilegeStage(config.privilege.markers)]
