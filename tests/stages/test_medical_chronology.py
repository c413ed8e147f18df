"""Medical chronology: dated rows cite their lines, gaps and uncertain dates are flagged."""

from __future__ import annotations

import re

import pytest
from make_docs import medical_input, medical_record

from lpo_review.stages.medical import MedicalChronology
from lpo_review.stages.medical.plugin import lpo_review_summarizers


def chronology(dates: list[str]):
    doc = medical_input(medical_record(dates))
    return doc, MedicalChronology().draft(doc)[0]


def line_text(doc, cite: str) -> str:
    """Text of the physical lines a ``page:line[-page:line]`` citation names."""
    first, _, last = cite.partition("-")
    lo, hi = (int(first.split(":")[1]), int((last or first).split(":")[1]))
    return "\n".join(doc.text.split("\n")[lo - 1:hi])


def test_rows_ascend_and_cite_the_lines_that_hold_them():
    doc, draft = chronology(["04/12/2023", "03/02/2023", "03/20/2023"])
    dated = [r for r in draft.rows if r["event"] != "gap"]
    assert [r["date"] for r in dated] == sorted(r["date"] for r in dated)
    assert dated[0]["date"] == "2023-03-02"
    for row in dated:
        assert row["details"] in line_text(doc, row["cite"])
        assert doc.text[row["start"]:row["end"]] == row["details"]
        assert row["provider"].startswith("Dr. <PERSON_")
    categories = {r["event"] for r in dated}
    assert {"complaint", "diagnosis", "medication", "disposition"} <= categories


def test_gap_of_30_days_is_flagged_and_29_is_not():
    _, draft = chronology(["01/02/2023", "01/31/2023", "03/02/2023"])
    gaps = [r for r in draft.rows if r["event"] == "gap"]
    assert [g["gap_days"] for g in gaps] == [30]
    assert "Gap in treatment: 30 days between 2023-01-31 and 2023-03-02" in draft.notes


def test_ambiguous_and_partial_dates_are_marked_not_guessed():
    _, draft = chronology(["03/04/22", "June 2023", "0?/1?/2023"])
    dates = {r["date"] for r in draft.rows}
    assert dates == {"AMBIGUOUS: 03/04/22", "AMBIGUOUS: June 2023", "UNREADABLE: 0?/1?/2023"}
    assert any("03/04/22" in n for n in draft.notes)
    assert not any(r["event"] == "gap" for r in draft.rows)


def test_record_convention_settles_slash_dates():
    # The DOB line (04/17/1980) shows the record writes month first.
    _, draft = chronology(["05/06/2023", "05/20/2023"])
    assert {r["date"] for r in draft.rows} == {"2023-05-06", "2023-05-20"}
    doc = medical_input("Date of Service: 05/06/2023\nAssessment: sprain\n")
    rows = MedicalChronology().draft(doc)[0].rows
    assert rows[0]["date"] == "AMBIGUOUS: 05/06/2023"
    doc.options = {"date_order": "DMY"}
    assert MedicalChronology().draft(doc)[0].rows[0]["date"] == "2023-06-05"


def test_birth_signature_print_and_injury_dates_are_not_treatment_dates():
    _, draft = chronology(["03/02/2023"])
    dates = {r["date"] for r in draft.rows}
    assert dates == {"2023-03-02"}
    assert all("signed" not in r["details"] for r in draft.rows)
    assert any("not treated as dates of service" in n for n in draft.notes)


def test_redacted_dates_are_marked_and_follow_the_dated_rows():
    _, draft = chronology(["<DATE_TIME_3>", "03/02/2023"])
    assert draft.rows[0]["date"] == "2023-03-02"
    redacted = [r for r in draft.rows if r["date_status"] == "redacted"]
    assert redacted and all(r["date"] == "REDACTED: <DATE_TIME_3>" for r in redacted)
    assert any("redacted" in n for n in draft.notes)


def test_no_conclusion_words_and_plugin_registers():
    _, draft = chronology(["03/02/2023", "04/12/2023"])
    text = " ".join(str(v) for r in draft.rows for v in r.values())
    assert not re.search(r"\b(?:credible|liable|negligent|should|recommend)\b", text, re.I)
    (engine,) = lpo_review_summarizers(config=None)
    assert engine.name == "medical_chronology" and engine.kinds == ("medical",)


@pytest.mark.parametrize("text", ["", "No dates here at all.\n"])
def test_records_without_encounters_say_so(text):
    draft = MedicalChronology().draft(medical_input(text or "\n"))[0]
    assert draft.rows == [] and "No dated encounters" in " ".join(draft.notes)
