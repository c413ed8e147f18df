"""Offsets to page:line, and redacted offsets back to the original."""

from __future__ import annotations

from lpo_review.model import LineMap, OffsetMap, RedactionEntry


def test_lines_restart_on_each_form_feed_page():
    text = "one\ntwo\fthree\nfour\n\ffive"
    lines = LineMap.from_text(text)
    assert lines.cite(text.index("two")) == "1:2"
    assert lines.cite(text.index("four"), text.index("four") + 4) == "2:2"
    assert lines.cite(text.index("one"), text.index("three") + 5) == "1:1-2:1"
    assert lines.cite(text.index("five")) == "3:1" and lines.page_count == 3


def test_explicit_page_starts_override_form_feeds():
    text = "a\nb\nc\nd"
    lines = LineMap.from_text(text, page_starts=[text.index("c")])
    assert [lines.locate(text.index(ch)) for ch in "abcd"] == [(1, 1), (1, 2), (2, 1), (2, 2)]


def test_long_text_is_mapped_in_linear_time():
    text = ("a line of a long transcript\n" * 40 + "\f") * 20_000  # 22 MB; 41 lines a page
    lines = LineMap.from_text(text)
    assert lines.page_count == 20_000 and len(lines.starts) == 820_000


def _entry(start: int, end: int, rstart: int, placeholder: str) -> RedactionEntry:
    return RedactionEntry(entity_type="PERSON", start=start, end=end, redacted_start=rstart,
                          redacted_end=rstart + len(placeholder), cite="1:1", recognizer="t",
                          score=1.0, placeholder=placeholder)


def test_offset_map_round_trips_between_original_and_redacted():
    original = "Call Jan Achterberg or Li today."
    redacted = "Call <PERSON_1> or <PERSON_2> today."
    entries = [_entry(5, 19, 5, "<PERSON_1>"), _entry(23, 25, 19, "<PERSON_2>")]
    offsets = OffsetMap(entries)
    r = redacted.index("today")
    assert offsets.to_original(r) == original.index("today")
    # a span covering a placeholder maps to the whole original name
    start, end = offsets.span_to_original(redacted.index("<PERSON_1>"), redacted.index(" or"))
    assert original[start:end] == "Jan Achterberg"
    start, end = offsets.span_to_redacted(original.index("today"), len(original) - 1)
    assert redacted[start:end] == "today"
    start, end = offsets.span_to_redacted(original.index("Achterberg"), original.index(" or"))
    assert redacted[start:end] == "<PERSON_1>"
