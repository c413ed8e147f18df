"""Deposition digest: rows cite the lines that hold them, exhibits/objections/recesses listed."""

from __future__ import annotations

import re

import pytest
from make_docs import TOPICS, deposition, long_deposition, opinion_deposition

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


def roomy(transcript, **options):
    """The digest rows with room for several statements a row (a lower length ratio)."""
    doc = transcript.stage_input()
    doc.options = {"ratio": 3, **options}
    return DepositionDigest().draft(doc)[0].rows


def test_specific_rows_are_restated_in_the_third_person(transcript, drafts):
    rows = drafts["deposition_digest"].rows
    forklift = next(r for r in rows if "forklift" in r["topic"])
    assert forklift["cite"].startswith("4:")
    assert forklift["summary"].startswith("Testified that he ")
    assert not re.search(r"\bI\b|\bmy\b", " ".join(r["summary"] for r in rows))
    forklift = next(r for r in roomy(transcript) if "forklift" in r["topic"])["summary"]
    # "When did you first see the forklift that morning?" "Around 7:15 in the morning, when
    # I clocked in ...": one "morning", and the clause after the time is left out.
    assert "he first saw the forklift around 7:15 in the morning;" in forklift
    assert "he had not reported any problem with the forklift to anyone before that day" in forklift
    assert "he noticed that the forklift was parked with the forks raised" in forklift


def test_several_statements_share_one_reporting_frame(transcript):
    for row in roomy(transcript):
        assert row["summary"].count("Testified that") <= 1
        assert "The witness testified" not in row["summary"]


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
    assert first_row["summary"].endswith("Objection (form, foundation).")


def test_recesses_are_listed(drafts):
    cites = [r["cite"] for r in drafts["deposition_recesses"].rows]
    assert "4:18" in cites


def test_topical_index_points_to_the_rows(drafts):
    index = {r["topic"]: r["cites"] for r in drafts["deposition_topic_index"].rows}
    digest = {r["cite"] for r in drafts["deposition_digest"].rows}
    assert "forklift" in index and index["forklift"] in digest
    assert index["Exhibit 12"].startswith("4:13")


def digest_length(rows) -> int:
    return sum(len(r["cite"]) + len(r["topic"]) + len(r["summary"]) for r in rows)


@pytest.mark.parametrize("topics", [1, 3, len(TOPICS)])
def test_digest_is_about_ten_times_shorter_than_the_transcript(topics):
    transcript = deposition(topics=topics)
    rows = DepositionDigest().draft(transcript.stage_input())[0].rows
    assert 8 <= len(transcript.text) / digest_length(rows) <= 14
    assert digest_length(roomy(transcript)) > 2 * digest_length(rows)


def test_no_conclusion_or_advice_words(drafts):
    text = " ".join(str(v) for d in drafts.values() for r in d.rows for v in r.values())
    assert not re.search(r"\b(?:credible|credibility|liable|liability|negligent|should|"
                         r"recommend|lied|truthful)\b", text, re.I)


def test_pronoun_follows_the_greeting_and_can_be_configured():
    transcript = deposition(topics=1, witness_title="MS.")
    assert "she first saw" in roomy(transcript)[1]["summary"]
    assert "they first saw" in roomy(transcript, witness_pronoun="they")[1]["summary"]


def test_plugin_registers_the_digest():
    (engine,) = lpo_review_summarizers(config=None)
    assert engine.name == "deposition_digest" and engine.kinds == ("deposition",)


def test_text_without_testimony_gives_empty_digest_with_a_note():
    doc = deposition(topics=0).stage_input()
    doc.text = "NOTICE OF DEPOSITION\nPlease take notice.\n"
    digest = DepositionDigest().draft(doc)[0]
    assert digest.rows == [] and "No question-and-answer testimony" in digest.notes[0]


#: How every sentence of a summary opens: the witness's words are always attributed.
FRAMES = ("Testified that ", "Asked \"", "Objection (", "Repeated the testimony at ")


def sentences(summary: str) -> list[str]:
    """Sentences of a summary; quoted material counts as part of its sentence."""
    unquoted = re.sub(r'"[^"]*"', '"..."', summary)
    return re.split(r"(?<=[.)])\s+(?=[A-Z])", unquoted)


@pytest.mark.parametrize("ratio", [10, 2])
def test_the_witness_opinions_are_attributed_not_adopted(ratio):
    """"should", "negligent", "liable" in the witness's answers stay in reported speech."""
    doc = opinion_deposition().stage_input()
    doc.options = {"ratio": ratio}
    rows = DepositionDigest().draft(doc)[0].rows
    text = " ".join(r["summary"] for r in rows)
    if ratio == 2:  # room for every answer: the opinions are reported, with agreement
        assert "he recommended that the company replace the brake pads right away" in text
        assert "the truck should be taken out of service" in text
        assert "should" in text and "liable" in text
    for row in rows:
        for sentence in sentences(row["summary"]):
            assert sentence.startswith(FRAMES), (row, sentence)
    # First person only inside quotation marks (the witness's words, quoted).
    assert not re.search(r"\bI\b|\bmy\b", re.sub(r'"[^"]*"', "", text))


def test_guard_does_not_flag_reported_opinions():
    """The guard's drafted-language rules see the opinions as the witness's, not the digest's."""
    from lpo_review.guard import language

    doc = opinion_deposition().stage_input()
    doc.options = {"ratio": 2}
    for row in DepositionDigest().draft(doc)[0].rows:
        assert language.scan_text(row["summary"], language.TEXT_RULES) == [], row


def test_long_transcript_is_ten_times_shorter_and_faithful():
    transcript = long_deposition(rounds=6)
    rows = DepositionDigest().draft(transcript.stage_input())[0].rows
    assert 9 <= len(transcript.text) / digest_length(rows) <= 12
    for row in rows:
        cited = transcript.cited_text(row["cite"]).lower()
        words = key_words(row["summary"])
        assert len({w for w in words if w[:4] not in cited}) <= len(words) // 4, row


def test_a_400k_character_transcript_is_digested_whole():
    """(How the time grows with the text is measured by benchmarks/bounded_time.py.)"""
    large = long_deposition(rounds=64)
    assert len(large.text) > 400_000
    rows = DepositionDigest().draft(large.stage_input())[0].rows
    assert rows and large.cited_text(rows[-1]["cite"])
