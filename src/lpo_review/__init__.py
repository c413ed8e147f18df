"""lpo-review: a confidential document review engine for legal process outsourcing.

The public API::

    from lpo_review import Config, Engine, review_dir, hookimpl
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lpo_review.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["Config", "Engine", "Packet", "__version__", "hookimpl", "review_dir"]

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.engine import Engine
    from lpo_review.model import Packet
    from lpo_review.run import review_dir

_LAZY = {
    "Config": "lpo_review.config",
    "Engine": "lpo_review.engine",
    "Packet": "lpo_review.model",
    "review_dir": "lpo_review.run",
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts on first use, so plugins importing ``hookimpl`` stay light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lpo_review' has no attribute {name!r}")
