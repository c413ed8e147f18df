"""Redactor false positives on ordinary words are not leak-checked; identifying values are."""

from __future__ import annotations

import pytest

from lpo_review.confidential.generic_values import dictionary_words, is_generic
from lpo_review.config import DEFAULT_MODEL

WORDS = frozenset(
    {
        "agreement",
        "general",
        "counsel",
        "meridian",
        "software",
        "march",
        "pain",
        "year",
        "brown",
        "john",
        "disposition",
        "plan",
        "suite",
    }
)


@pytest.mark.parametrize(
    "value,kind",
    [
        ("16", "DATE"),
        ("2021", "DATE_TIME"),
        ("Agreement", "ORGANIZATION"),
        ("General Counsel", "ORGANIZATION"),
        ("Disposition/Plan", "ORGANIZATION"),
        ("2) years", "DATE_TIME"),
        ("Pain 5/10", "ORGANIZATION"),
        ("CPT", "ORGANIZATION"),
        ("Suite 3700", "LOCATION"),
        ("Brown", "PERSON"),
    ],
)
def test_generic(value: str, kind: str) -> None:
    assert is_generic(value, kind, WORDS)


@pytest.mark.parametrize(
    "value,kind",
    [
        ("Jane Whitfield", "PERSON"),
        ("John Brown", "PERSON"),
        ("Silverline", "ORGANIZATION"),
        ("Meridian Software Corporation", "ORGANIZATION"),
        ("March 3, 2021", "DATE_TIME"),
        ("218-555-0143", "PHONE_NUMBER"),
        ("75053", "LOCATION"),
        ("Licensor", "PERSON"),
    ],
)
def test_identifying(value: str, kind: str) -> None:
    assert not is_generic(value, kind, WORDS)


def test_dictionary_comes_from_the_spacy_model() -> None:
    words = dictionary_words(DEFAULT_MODEL)
    assert {"agreement", "patient", "relationship"} <= words
    assert not {"whitfield", "silverline"} & words
    assert dictionary_words("no_such_model_package") == frozenset()
