"""Objection grounds as counsel stated them, and instructions not to answer however phrased."""

from __future__ import annotations

import pytest

from lpo_review.stages.deposition.events import objection_in
from lpo_review.stages.deposition.transcript import Turn


def _objection(text: str):
    return objection_in(Turn("colloquy", 0, len(text), text, "MR. KALE"), None)


@pytest.mark.parametrize("text, grounds", [
    ("Objection. Mischaracterizes the document.", ["mischaracterizes the document"]),
    ("Objection, mischaracterizes her prior testimony.", ["mischaracterizes testimony"]),
    ("Objection. Mischaracterizes.", ["mischaracterizes testimony"]),
    ("Objection, the document speaks for itself.", ["the document speaks for itself"]),
    ("Objection to form. Calls for speculation.", ["form", "calls for speculation"]),
])
def test_grounds_are_what_counsel_said(text: str, grounds: list[str]) -> None:
    assert _objection(text).grounds == grounds


@pytest.mark.parametrize("text", [
    "I'm directing you not to answer that on the basis of the attorney-client privilege.",
    "Objection; privileged. I instruct the witness not to answer.",
    "Don't answer that.",
])
def test_an_instruction_not_to_answer_is_recorded_with_its_ground(text: str) -> None:
    objection = _objection(text)
    assert objection.instructed_not_to_answer
    assert any("privilege" in g for g in objection.grounds) == ("privilege" in text)


@pytest.mark.parametrize("text, grounds", [
    ("I object. That's solicitor-client privileged, and she won't be answering it.",
     ["solicitor-client privileged"]),
    ("Objection. Overly broad and not relevant. Refused.", ["not relevant", "overly broad"]),
    ("Objection, relevance.", ["relevance"]),
    ("Objection. Outside the scope of the notice.", ["outside the scope of the notice"]),
    ("Objection; beyond the scope of her designation, and misstates her testimony.",
     ["beyond the scope of her designation", "misstates testimony"]),
    ("Objection. Patient safety work product under the federal Patient Safety Act.",
     ["patient safety work product"]),
])
def test_a_ground_keeps_the_qualifier_counsel_gave_it(text, grounds):
    objection = _objection(text)
    assert objection.grounds == grounds
    assert objection.instructed_not_to_answer == ("Refused" in text or "answering" in text)


def test_a_recess_is_no_objection() -> None:
    assert _objection("We will take a short break.") is None
