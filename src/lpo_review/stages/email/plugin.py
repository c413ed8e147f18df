"""Registers the message summary through the ``lpo_review_summarizers`` hook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.hookspecs import hookimpl
from lpo_review.stages.email.summary import EmailSummary

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.stages.base import Summarizer


@hookimpl
def lpo_review_summarizers(config: Config) -> list[Summarizer]:
    """The built-in message summary."""
    return [EmailSummary()]
