"""Shared fixtures: heavy objects (spaCy model, engines) are built once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy model, loaded once for the whole session."""
    import spacy

    from lpo_review.config import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)
