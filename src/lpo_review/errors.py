"""Exceptions with reasons a user can act on."""

from __future__ import annotations


class LpoReviewError(Exception):
    """Base class for every error the engine reports."""


class IngestError(LpoReviewError):
    """A document could not be read.  ``reason`` is a short machine code, ``str()`` says why.

    Reasons: ``empty``, ``unsupported_type``, ``extension_mismatch``, ``corrupt_pdf``,
    ``encrypted_pdf``, ``needs_ocr``, ``corrupt_docx``, ``undecodable_text``, ``too_large``,
    ``unreadable``.
    """

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class ConfigError(LpoReviewError):
    """The configuration is invalid; the message names the offending key."""


class StageError(LpoReviewError):
    """A stage failed on a document."""


class GuardRefusal(LpoReviewError):
    """A work-order task or an export was refused by a guard; the message gives the reason."""
