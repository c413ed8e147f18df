"""Shared fixtures: heavy objects (spaCy model, engines) are built once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy model, loaded once for the whole session."""
    import spacy

    from lpo_review.config import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def engine():
    """An engine with the default configuration (standard profile), built once."""
    from lpo_review.engine import Engine

    eng = Engine()
    eng.warm_up()
    return eng


MEDICAL_NOTE = """PROGRESS NOTE
Patient: Marguerite Okonkwo-Baptiste    DOB: 04/12/1961    MRN: 00482913
Phone: (415) 555-0187    Email: m.okonkwo@mailbox.example

Date of service: 03/02/2023
Chief complaint: low back pain after a fall at work.
Ms. Okonkwo-Baptiste reports pain radiating to the left leg. Seen by Dr. Henrik Vasquez.
Assessment: lumbar strain (S39.012A). Plan: ibuprofen 600 mg, physical therapy.
"""


@pytest.fixture(scope="session")
def medical_note() -> str:
    """A short medical note with a name, DOB, MRN, phone and e-mail."""
    return MEDICAL_NOTE
