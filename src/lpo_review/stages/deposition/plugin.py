"""Registers the deposition digest through the ``lpo_review_summarizers`` hook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpo_review.hookspecs import hookimpl
from lpo_review.stages.deposition.digest import DepositionDigest

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.stages.base import Summarizer


@hookimpl
def lpo_review_summarizers(config: Config) -> list[Summarizer]:
    """The built-in deposition digest; options come from ``[stages.deposition_digest]``."""
    return [DepositionDigest()]
