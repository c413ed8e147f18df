"""lpo-review: a confidential document review engine for legal process outsourcing.

The public API (every name in ``__all__``; anything else may change between minor versions)::

    from lpo_review import Config, Engine, Review, ReviewFailure, review_dir, hookimpl

* running reviews: :class:`Config`, :class:`Engine` (``review_file``, ``review_text``,
  ``review_many``), :class:`Review`, :class:`ReviewFailure`, :func:`review_dir`;
* what a review produces: :class:`Packet`, :class:`Document`, :class:`Finding`, :class:`Draft`;
* writing plugins: :data:`hookimpl`, :class:`Stage`, :class:`StageInput`, :class:`StageResult`,
  :class:`Summarizer`, :class:`Renderer`, :class:`Redactor`;
* errors: :class:`LpoReviewError` and its kinds :class:`ConfigError`, :class:`IngestError`,
  :class:`StageError`, :class:`GuardRefusal`.

Versioning is semantic: the hooks (``lpo_review.hookspecs``), the names above and the packet
schema (``lpo-review schema``) change incompatibly only in a new major version (CHANGELOG.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lpo_review.errors import ConfigError, GuardRefusal, IngestError, LpoReviewError, StageError
from lpo_review.hookspecs import hookimpl

__version__ = "0.2.0"

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Draft",
    "Engine",
    "Finding",
    "GuardRefusal",
    "IngestError",
    "LpoReviewError",
    "Packet",
    "Redactor",
    "Renderer",
    "Review",
    "ReviewFailure",
    "Stage",
    "StageError",
    "StageInput",
    "StageResult",
    "Summarizer",
    "__version__",
    "hookimpl",
    "review_dir",
]

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.engine import Engine, Review, ReviewFailure
    from lpo_review.model import Document, Draft, Finding, Packet
    from lpo_review.packets.render import Renderer
    from lpo_review.redact.redactor import Redactor
    from lpo_review.run import review_dir
    from lpo_review.stages.base import Stage, StageInput, StageResult, Summarizer

_LAZY = {
    "Config": "lpo_review.config",
    "Engine": "lpo_review.engine",
    "Review": "lpo_review.engine",
    "ReviewFailure": "lpo_review.engine",
    "Document": "lpo_review.model",
    "Draft": "lpo_review.model",
    "Finding": "lpo_review.model",
    "Packet": "lpo_review.model",
    "Renderer": "lpo_review.packets.render",
    "Redactor": "lpo_review.redact.redactor",
    "review_dir": "lpo_review.run",
    "Stage": "lpo_review.stages.base",
    "StageInput": "lpo_review.stages.base",
    "StageResult": "lpo_review.stages.base",
    "Summarizer": "lpo_review.stages.base",
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts on first use, so plugins importing ``hookimpl`` stay light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lpo_review' has no attribute {name!r}")
