"""The built-in guard, registered through the same hooks a third-party plugin would use.

* ``lpo_review_guard_rules``: the built-in task rules (work orders) and text rules (drafts);
* ``lpo_review_stages``: the ``guard`` stage, which checks every draft with the text rules.

The stage returned here carries the built-in rules.  The engine, which sees every plugin's
rules, gives the stage the full list (:func:`lpo_review.guard.rules.guard_rules`) by setting
``stage.rules``; see :class:`~lpo_review.guard.stage.GuardStage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.guard.language import TEXT_RULES
from lpo_review.guard.rules import GuardRule
from lpo_review.guard.stage import GuardStage
from lpo_review.guard.tasks import TASK_RULES
from lpo_review.hookspecs import hookimpl

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.stages.base import Stage


@hookimpl
def lpo_review_guard_rules(config: Config) -> list[GuardRule]:
    """The built-in task and drafted-text rules."""
    return [*TASK_RULES, *TEXT_RULES]


@hookimpl
def lpo_review_stages(config: Config) -> list[Stage]:
    """The ``guard`` stage with the built-in text rules."""
    return [GuardStage(TEXT_RULES)]
