"""Registers the clause stage and the contract abstract through the plugin hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.hookspecs import hookimpl
from lpo_review.stages.clauses.abstract import ContractAbstract
from lpo_review.stages.clauses.stage import ClauseStage

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.stages.base import Stage, Summarizer


@hookimpl
def lpo_review_stages(config: Config) -> list[Stage]:
    """The ``clauses`` stage; options come from ``[stages.clauses]``."""
    return [ClauseStage()]


@hookimpl
def lpo_review_summarizers(config: Config) -> list[Summarizer]:
    """The contract abstract, drafted from the clause findings."""
    return [ContractAbstract()]
