"""The built-in guard, registered through the same hooks a third-party plugin would use.

* ``lpo_review_guard_rules``: the built-in task rules (work orders) and text rules (drafts),
  then the learned guard's rules (:mod:`lpo_review.guard.learned`), which catch phrasing the
  rules miss: a task or sentence is out of scope when any of them says so;
* ``lpo_review_stages``: the ``guard`` stage, which checks every draft with the text rules of
  every loaded plugin (built-in and third-party), gathered through the plugin manager.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.guard.language import TEXT_RULES
from lpo_review.guard.learned import learned_rules, shipped_models
from lpo_review.guard.rules import GuardRule, guard_rules
from lpo_review.guard.stage import GuardStage
from lpo_review.guard.tasks import TASK_RULES
from lpo_review.hookspecs import hookimpl

if TYPE_CHECKING:
    import pluggy

    from lpo_review.config import Config
    from lpo_review.stages.base import Stage


@hookimpl
def lpo_review_guard_rules(config: Config) -> list[GuardRule]:
    """The built-in task and drafted-text rules, then the learned ones."""
    return [*TASK_RULES, *TEXT_RULES, *learned_rules(shipped_models())]


@hookimpl
def lpo_review_stages(config: Config, plugins: pluggy.PluginManager) -> list[Stage]:
    """The ``guard`` stage with every plugin's text rules."""
    return [GuardStage(guard_rules(plugins, config))]
