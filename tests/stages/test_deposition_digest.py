"""Deposition digest: rows cite the lines that hold them, exhibits/objections/recesses listed."""

from __future__ import annotations

import re

import pytest
from make_docs import deposition

from lpo_review.stages.deposition import DepositionDigest
from lpo_review.stages.deposition.plugin import lpo_review_summarizers

GENERIC = {"witness", "testified", "that", "did", "not", "recall", "whether", "objection",
           "noted", "form", "foundation", "asked", "answered", "the", "and", "with", "know",
           "grounds", "stated", "there", "this", "they", "them", "their", "about"}


@pytest.fixture(scope="module")
def transcript():
    return deposition()


@pytest.fixture(scope="module")
def drafts(transcript):
    return {d.kind: d for d in DepositionDigest().draft(transcript.stage_input())}


def key_words(summary: str) -> set[str]:
    words = re.findall(r"<[A-Z_]+_\d+>|[A-Za-z][A-Za-z\-]{3,}|\d+(?::\d+)?", summary)
    return {w.lower() for w in words} - GENERIC


def test_every_row_cites_lines_that_contain_its_key_words(transcript, drafts):
    rows = drafts["deposition_digest"].rows
    assert len(rows) >= 6
    for row in rows:
        cited = transcript.cited_text(row["cite"]).lower()
        missing = {w for w in key_words(row["summary"]) if w[:4] not in cited}
        # Restatement changes person and tense (I -> he, see -> saw); nouns and numbers stay.
        assert len(missing) <= len(key_words(row["summary"])) // 4, (row, missing)
        assert row["cite"] == transcript.stage_input().cite(row["start"], row["end"])


def test_specific_rows_are_restated_in_the_third_person(drafts):
    rows = drafts["deposition_digest"].rows
    forklift = next(r for r in rows if "forklift" in r["topic"])
    assert forklift["cite"].startswith("4:")
    assert "he first saw the forklift" in forklift["summary"]
    assert "7:15" in forklift["summary"]
    assert not re.search(r"\bI\b|\bmy\b", " ".join(r["summary"] for r in rows))


def test_front_and_back_matter_are_not_digested(drafts):
    text = " ".join(r["summary"] for r in drafts["deposition_digest"].rows)
    assert "DISTRICT COURT" not in text and "certify" not in text
    assert all(int(r["cite"].split(":")[0]) >= 4 for r in drafts["deposition_digest"].rows)


def test_exhibits_are_listed_where_marked(drafts):
    rows = {r["exhibit"]: r for r in drafts["deposition_exhibits"].rows}
    assert rows["12"]["marked_at"] == "4:13"
    assert rows["12"]["description"] == "Photograph of the loading dock"
    assert "4:14" in rows["12"]["mentioned_at"]
    assert rows["13"]["marked_at"].endswith(":20")


def test_objections_are_noted_with_who_and_grounds(drafts):
    (objection,) = drafts["deposition_objections"].rows
    assert objection["cite"] == "4:9-4:10"
    assert objection["by"] == "MR. <PERSON_1>"
    assert objection["grounds"] == "form, foundation"
    assert objection["question_cite"] == "4:8"
    first_row = drafts["deposition_digest"].rows[0]
    assert "Objection noted (form, foundation)" in first_row["summary"]


def test_recesses_are_listed(drafts):
    cites = [r["cite"] for r in drafts["deposition_recesses"].rows]
    assert "4:18" in cites


def test_topical_index_points_to_the_rows(drafts):
    index = {r["topic"]: r["cites"] for r in drafts["deposition_topic_index"].rows}
    digest = {r["cite"] for r in drafts["deposition_digest"].rows}
    assert "forklift" in index and index["forklift"] in digest
    assert index["Exhibit 12"].startswith("4:13")


def test_digest_is_much_shorter_than_the_transcript(transcript, drafts):
    rows = drafts["deposition_digest"].rows
    digest = sum(len(r["cite"]) + len(r["topic"]) + len(r["summary"]) for r in rows)
    assert len(transcript.text) / digest >= 6


def test_no_conclusion_or_advice_words(drafts):
    text = " ".join(str(v) for d in drafts.values() for r in d.rows for v in r.values())
    assert not re.search(r"\b(?:credible|credibility|liable|liability|negligent|should|"
                         r"recommend|lied|truthful)\b", text, re.I)


def test_pronoun_follows_the_greeting_and_can_be_configured():
    doc = deposition(topics=1, witness_title="MS.").stage_input()
    assert "she first saw" in DepositionDigest().draft(doc)[0].rows[1]["summary"]
    doc.options = {"witness_pronoun": "they"}
    assert "they first saw" in DepositionDigest().draft(doc)[0].rows[1]["summary"]


def test_plugin_registers_the_digest():
    (engine,) = lpo_review_summarizers(config=None)
    assert engine.name == "deposition_digest" and engine.kinds == ("deposition",)


def test_text_without_testimony_gives_empty_digest_with_a_note():
    doc = deposition(topics=0).stage_input()
    doc.text = "NOTICE OF DEPOSITION\nPlease take notice.\n"
    digest = DepositionDigest().draft(doc)[0]
    assert digest.rows == [] and "No question-and-answer testimony" in digest.notes[0]
