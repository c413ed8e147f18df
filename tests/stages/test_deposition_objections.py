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
    # grounds alone, without the word: counsel's "Vague." is an objection
    ("Vague.", ["vague"]),
    ("Compound.", ["compound"]),
    ("Form and foundation.", ["form", "foundation"]),
    ("Objection, hearsay, and calls for a medical opinion.",
     ["hearsay", "calls for a medical opinion"]),
])
def test_grounds_are_what_counsel_said(text: str, grounds: list[str]) -> None:
    assert _objection(text).grounds == grounds


@pytest.mark.parametrize("text", [
    "I'm directing you not to answer that on the basis of the attorney-client privilege.",
    "Objection; privileged. I instruct the witness not to answer.",
    "Don't answer that.",
    "Objection. That calls for information protected under Evidence Code section 1157. I'm "
    "instructing <PERSON_2> not to answer.",
    "I'm instructing Dr. Marwick not to answer that.",
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


@pytest.mark.parametrize("text", ["Thank you.", "I think that question is vague.", "Form 10-K."])
def test_words_that_merely_name_a_ground_are_no_objection(text: str) -> None:
    assert _objection(text) is None


def test_a_statute_s_privilege_is_recorded_by_its_section() -> None:
    objection = _objection("Objection. Protected under Evidence Code section 1157.")
    assert objection.grounds == ["evidence code section 1157"]
