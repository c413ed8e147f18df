"""Span clean-up before replacement (no spaCy needed)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from lpo_review.redact.spans import tidy_spans


def spans_of(text: str, found: list[tuple[str, str, float]]) -> list[tuple[str, str]]:
    """Run tidy_spans on (type, surface, score) detections and return (type, surface)."""
    results = []
    for entity_type, surface, score in found:
        start = text.index(surface)
        results.append(RecognizerResult(entity_type, start, start + len(surface), score))
    return [(r.entity_type, text[r.start : r.end]) for r in tidy_spans(text, results)]


def test_split_dates_are_joined_and_articles_trimmed():
    text = "Between 1 March and 31 December 1998 the District Court's ruling stood."
    found = [
        ("DATE_TIME", "1 March", 0.8),
        ("DATE_TIME", "31 December 1998", 0.8),
        ("ORGANIZATION", "the District Court's", 0.8),
    ]
    assert spans_of(text, found) == [
        ("DATE_TIME", "1 March and 31 December 1998"),
        ("ORGANIZATION", "District Court"),
    ]


def test_gloss_joins_a_name_but_a_role_or_number_does_not():
    text = "Moers Court (Amtsgericht) heard Mr Kim (“the applicant”); Phone (217) 555."
    found = [
        ("ORGANIZATION", "Moers Court", 0.8),
        ("PERSON", "Mr Kim", 0.87),
        ("ORGANIZATION", "Phone", 0.8),
    ]
    assert spans_of(text, found) == [
        ("ORGANIZATION", "Moers Court (Amtsgericht)"),
        ("PERSON", "Mr Kim"),
        ("ORGANIZATION", "Phone"),
    ]


def test_outer_detection_gives_way_to_a_stronger_inner_one():
    text = "Springfield, IL 62704."
    found = [("ORGANIZATION", "IL 62704", 0.8), ("ZIP_CODE", "62704", 0.85)]
    assert spans_of(text, found) == [("ZIP_CODE", "62704")]


def test_a_document_reference_word_is_never_a_name():
    from lpo_review.redact.spans import fit_to_structure

    text = " 5 Q. Exhibit B. Have you seen it?\n 6 A. Castellano Exhibit 4, yes."
    found = [RecognizerResult("PERSON", text.index("Exhibit B"), text.index(" you"), 0.85),
             RecognizerResult("PERSON", text.index("Q. Exhibit"), text.index(" B."), 0.85),
             RecognizerResult("PERSON", text.index("Castellano"), text.index(" 4,"), 0.85)]
    # the reference and its designator go: what is left is screened as a name ("Have": none)
    assert [text[r.start:r.end] for r in fit_to_structure(text, found)] == ["Have", "Castellano"]
