"""A masked value of several words is masked at every repeat in its document, also after a
leading article and wrapped over a transcript's line number; one ordinary word is not spread."""

from __future__ import annotations

from lpo_review.model import RedactionEntry
from lpo_review.redact.redactor import value_repeats

TEXT = (
    " 7  Q. Where were you?  A. On the Belt Line Road bridge.\n"
    " 8  Q. And then?  A. At the intersection of Preston and Belt Line\n"
    " 9  Road in town, near Mercy Clinic.  Q. Was that mercy clinic too?\n"
)


def _entry(value: str, entity_type: str) -> RedactionEntry:
    start = TEXT.index(value)
    return RedactionEntry(entity_type=entity_type, start=start, end=start + len(value),
                          redacted_start=0, redacted_end=0, cite="1:7", recognizer="test",
                          score=0.85, placeholder=f"<{entity_type}_1>")


def test_a_wrapped_repeat_is_masked_line_by_line() -> None:
    first = _entry("the Belt Line Road", "LOCATION")
    found = value_repeats(TEXT, [first], [(first.start, first.end)])
    assert [TEXT[s:e] for s, e, _ in found] == ["Belt Line", "Road"]
    assert " 9  " in TEXT[found[0][1]:found[1][0]]  # the line number stays readable


def test_single_ordinary_words_are_not_spread_but_names_ignore_case() -> None:
    clinic, preston = _entry("Mercy Clinic", "ORGANIZATION"), _entry("Preston", "LOCATION")
    covered = [(clinic.start, clinic.end), (preston.start, preston.end)]
    found = value_repeats(TEXT, [clinic, preston], covered)
    assert [TEXT[s:e] for s, e, _ in found] == ["mercy clinic"]
