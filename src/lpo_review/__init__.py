"""lpo-review: a confidential document review engine for legal process outsourcing."""

from lpo_review.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]
