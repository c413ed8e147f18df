"""A masked place or organisation of several words is masked at every repeat, also wrapped over
a transcript's line number; one ordinary word is not spread."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from lpo_review.redact.repeats import repeat_values

TEXT = (
    " 7  Q. Where were you?  A. On the Belt Line Road bridge.\n"
    " 8  Q. And then?  A. At the intersection of Preston and Belt Line\n"
    " 9  Road in town, near Mercy Clinic.  Q. Was that mercy clinic too?\n"
)


def _masked(results: list[RecognizerResult]) -> list[str]:
    return [TEXT[r.start : r.end] for r in results]


def test_a_wrapped_repeat_is_masked_line_by_line() -> None:
    start = TEXT.index("the Belt Line Road")
    first = RecognizerResult("LOCATION", start, start + len("the Belt Line Road"), 0.85)
    results = repeat_values(TEXT, [first])
    assert _masked(results) == ["the Belt Line Road", "Belt Line", "Road"]
    assert {r.entity_type for r in results} == {"LOCATION"}
    assert " 9  " in TEXT[results[1].end : results[2].start]  # the line number stays


def test_lower_case_words_and_single_words_are_not_spread() -> None:
    start = TEXT.index("Mercy Clinic")
    clinic = RecognizerResult("ORGANIZATION", start, start + len("Mercy Clinic"), 0.85)
    preston = TEXT.index("Preston")
    single = RecognizerResult("LOCATION", preston, preston + len("Preston"), 0.85)
    assert _masked(repeat_values(TEXT, [clinic, single])) == ["Mercy Clinic", "Preston"]
