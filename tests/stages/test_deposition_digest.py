"""Deposition digest: a row for every substantive answer citing its lines, restated in the
third person; cover, key admissions, exhibits, objections, recesses and an index of issues."""

from __future__ import annotations

import re

import pytest
from make_docs import deposition, long_deposition, opinion_deposition, paginate

from lpo_review.ingest.lines import transcript_line_map
from lpo_review.model import LineMap
from lpo_review.stages.base import StageInput
from lpo_review.stages.deposition import DepositionDigest
from lpo_review.stages.deposition.issues import ISSUES, OTHER
from lpo_review.stages.deposition.plugin import lpo_review_summarizers

GENERIC = {"witness", "testified", "that", "did", "not", "recall", "whether", "objection",
           "noted", "form", "foundation", "asked", "answered", "the", "and", "with", "know",
           "grounds", "stated", "there", "this", "they", "them", "their", "about"}


@pytest.fixture(scope="module")
def transcript():
    return deposition()


@pytest.fixture(scope="module")
def drafts(transcript):
    """The digest's drafts by kind (cover, digest, admissions, exhibits, objections, recesses,
    index)."""
    return {d.kind: d for d in DepositionDigest().draft(transcript.stage_input())}


def digest_rows(doc) -> list[dict]:
    return next(d for d in DepositionDigest().draft(doc) if d.kind == "deposition_digest").rows


def key_words(summary: str) -> set[str]:
    words = re.findall(r"<[A-Z_]+_\d+>|[A-Za-z][A-Za-z\-]{3,}|\d+(?::\d+)?", summary)
    return {w.lower() for w in words} - GENERIC


def lines_cited(cite: str) -> int:
    first, _, last = cite.partition("-")
    p1, l1 = (int(x) for x in first.split(":"))
    p2, l2 = (int(x) for x in (last or first).split(":"))
    return (p2 - p1) * 25 + l2 - l1 + 1


def test_every_row_cites_lines_that_contain_its_key_words(transcript, drafts):
    rows = drafts["deposition_digest"].rows
    assert len(rows) >= 40
    for row in rows:
        cited = transcript.cited_text(row["cite"]).lower()
        missing = {w for w in key_words(row["summary"]) if w[:4] not in cited}
        # Restatement changes person and tense (I -> he, see -> saw); nouns and numbers stay.
        assert len(missing) <= len(key_words(row["summary"])) // 4, (row, missing)
        assert row["cite"] == transcript.stage_input().cite(row["start"], row["end"])


def test_every_substantive_answer_has_its_own_row_citing_a_few_lines(drafts):
    """Seven questions a topic, seven rows: "I don't recall" whether he wrote anything down
    is testimony too."""
    rows = drafts["deposition_digest"].rows
    summaries = [r["summary"] for r in rows]
    first = next(i for i, s in enumerate(summaries) if "inspected the forklift" in s)
    last = next(i for i, s in enumerate(summaries)
                if "did not recall whether he wrote anything down about the forklift" in s)
    assert last - first + 1 == 7, summaries[first:last + 1]
    spans = sorted(lines_cited(r["cite"]) for r in rows)
    assert spans[-1] <= 6 and spans[len(spans) // 2] <= 3


def test_rows_are_restated_in_the_third_person(drafts):
    rows = drafts["deposition_digest"].rows
    text = " ".join(r["summary"] for r in rows)
    assert not re.search(r"\bI\b|\bmy\b", re.sub(r'"[^"]*"', "", text))
    # "When did you first see the forklift that morning?" "Around 7:15 in the morning, when
    # I clocked in ...": one "morning", and the circumstance the witness gave is kept.
    assert "Testified that he first saw the forklift around 7:15 in the morning, when he " \
           "clocked in" in text
    assert "he had not reported any problem with the forklift to anyone before that day" in text
    assert "he noticed that the forklift was parked with the forks raised" in text


def test_front_and_back_matter_are_not_digested(drafts):
    text = " ".join(r["summary"] for r in drafts["deposition_digest"].rows)
    assert "DISTRICT COURT" not in text and "certify" not in text
    assert all(int(r["cite"].split(":")[0]) >= 4 for r in drafts["deposition_digest"].rows)


def test_cover_summary_reads_the_front_matter_and_the_record(drafts):
    cover = {r["item"]: r["detail"] for r in drafts["deposition_cover"].rows}
    assert cover["Deponent"] == "<PERSON_2>"
    assert cover["Appearing for the Plaintiff"] == "MS. <PERSON_10>"
    assert cover["Time concluded"] == "4:12 p.m."
    assert cover["Examination"].endswith("<PERSON_10>")


def test_topics_and_index_are_legal_issues_not_question_words(drafts):
    labels = {issue.label for issue in ISSUES} | {OTHER}
    for row in drafts["deposition_digest"].rows:
        assert set(row["topic"].split("; ")) <= labels, row
    index = {r["topic"]: r["cites"] for r in drafts["deposition_topic_index"].rows}
    assert {t for t in index if not t.startswith("Exhibit ")} <= labels
    assert "Inspections, maintenance and policies" in index
    assert "Warnings, complaints and notice" in index
    digest_cites = {r["cite"] for r in drafts["deposition_digest"].rows}
    assert set(index["Inspections, maintenance and policies"].split("; ")) <= digest_cites
    assert index["Exhibit 12"].startswith("4:13")


def test_key_admissions_list_concessions_not_background():
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   Good morning, Mr. <PERSON_2>.  Where did you grow up?",
            "A.   In Peoria.",
            "Q.   You were looking at your phone when the light changed, correct?",
            "A.   Yes.",
            "Q.   What did you say to her after the crash?",
            "A.   I told her I was sorry.",
            "Q.   Have you ever received a speeding ticket?",
            "A.   One, in 2019."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(body).stage_input())}
    admitted = " ".join(r["summary"] for r in drafts["deposition_key_admissions"].rows)
    assert "looking at his phone" in admitted
    assert "sorry" in admitted
    assert "2019" in admitted
    assert "Peoria" not in admitted


def test_a_long_narrative_answer_is_digested_in_parts_citing_their_own_lines():
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   Good morning, Mr. <PERSON_2>.  Tell me what happened that night.",
            "A.   I left the house around six and drove to my brother's",
            "     to help him hang drywall, and I slept on his couch. About",
            "     two in the morning my neighbor called and said my garage",
            "     was on fire. I drove straight back. When I got there the",
            "     garage and the kitchen were fully involved and there",
            "     were three engines on the street. I stood in the",
            "     driveway until seven watching it burn. The fire marshal",
            "     told me later it started by the workbench."]
    rows = digest_rows(paginate(body).stage_input())
    assert len(rows) >= 3
    assert rows[0]["cite"].startswith("1:3") and rows[1]["summary"].startswith(
        ("Testified further that", "Went on:"))
    assert all(lines_cited(r["cite"]) <= 5 for r in rows)
    text = " ".join(r["summary"] for r in rows)
    for fact in ("drywall", "garage", "three engines", "workbench"):
        assert fact in text, fact


def test_exhibits_are_listed_where_marked(drafts):
    rows = {r["exhibit"]: r for r in drafts["deposition_exhibits"].rows}
    assert rows["12"]["marked_at"] == "4:13"
    assert rows["12"]["description"] == "Photograph of the loading dock"
    assert "4:14" in rows["12"]["mentioned_at"]
    assert rows["13"]["marked_at"].endswith(":20")


def test_exhibit_index_descriptions_are_whole_and_lettered_numbers_kept():
    front = ["E X H I B I T S", "",
             "NO.    DESCRIPTION                              PAGE",
             "D-1    Incident report of the fall, dated",
             "       March 3, 2024                              5",
             "D-2    Sweep log                                  6", ""]
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   I'm handing you Exhibit D-1.  Do you recognize it?", "A.   Yes.",
            "Q.   And Exhibit D-2?", "A.   That's the sweep log."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(front + body).stage_input())}
    rows = {r["exhibit"]: r["description"] for r in drafts["deposition_exhibits"].rows}
    assert rows == {"D-1": "Incident report of the fall, dated March 3, 2024",
                    "D-2": "Sweep log"}


@pytest.mark.parametrize("header", ["DEFENDANT'S EXHIBITS                MARKED",
                                    "EXHIBITS (numbering continued from Volume I)    MARKED"])
def test_exhibit_index_under_a_party_or_annotated_header_is_read(header):
    front = [header, "No. 11  Homeowners policy declarations page,      3",
             "        policy period 8/1/2023 to 8/1/2024", ""]
    body = ["EXAMINATION", "BY MS. <PERSON_10>:", "Q.   What is Exhibit 11?",
            "A.   The declarations page."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(front + body).stage_input())}
    [row] = drafts["deposition_exhibits"].rows
    assert row["description"] == ("Homeowners policy declarations page, policy period "
                                  "8/1/2023 to 8/1/2024")


def test_an_exhibit_the_index_does_not_describe_takes_the_witness_identification():
    body = ["EXAMINATION", "BY MR. <PERSON_2>:", "     (Exhibit 8 marked for identification.)",
            "Q.   What is Exhibit 8?",
            "A.   The result form for the drug test I took after the accident."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(body).stage_input())}
    [row] = drafts["deposition_exhibits"].rows
    assert row["description"].startswith("The result form for the drug test")


def test_agreement_confirmation_and_what_was_damaged_are_restated_with_their_facts():
    body = ["EXAMINATION", "BY MR. <PERSON_2>:",
            "Q.   And three car lengths at 61 miles an hour is nowhere near seven",
            "     seconds, is it?", "A.   I'd agree with that.",
            "Q.   What was damaged?",
            "A.   The front bumper, the hood and the radiator. Most of the damage was on",
            "     the driver's side.",
            "Q.   Did you send a text two minutes before the crash?",
            "A.   I don't remember sending one. My wife was texting me that morning about",
            "     our daughter's appointment, so I might have answered her."]
    rows = [r["summary"] for r in digest_rows(paginate(body).stage_input())]
    assert any("nowhere near seven seconds" in r for r in rows), rows
    assert any("the front bumper, the hood and the radiator were damaged" in r for r in rows)
    assert any("did not recall" in r and "wife was texting" in r for r in rows), rows


def test_a_reminder_of_the_oath_does_not_make_the_question_procedural():
    body = ["EXAMINATION", "BY MR. <PERSON_2>:",
            "Q.   You're still under oath. What time did you come on duty that night?",
            "A.   About 8:15. I hooked up a loaded reefer and did my pre-trip inspection.",
            "Q.   Did you take a break between the yard and the warehouse?",
            "A.   One thirty-minute break at about 1:50 a.m."]
    rows = [r["summary"] for r in digest_rows(paginate(body).stage_input())]
    assert any("8:15" in r and "reefer" in r for r in rows), rows
    assert any("1:50" in r for r in rows), rows


def test_objections_are_noted_with_who_and_grounds_as_stated(drafts):
    (objection,) = drafts["deposition_objections"].rows
    assert objection["cite"] == "4:9-4:10"
    assert objection["by"] == "MR. <PERSON_1>"
    assert objection["grounds"] == "form, foundation"
    assert objection["stated"] == "Objection. Form. Foundation. Go ahead."
    assert objection["question_cite"] == "4:8"
    row = next(r for r in drafts["deposition_digest"].rows if r["cite"].startswith("4:8"))
    assert row["summary"].endswith("Objection (form, foundation).")


def test_recesses_are_listed(drafts):
    cites = [r["cite"] for r in drafts["deposition_recesses"].rows]
    assert "4:18" in cites


def test_no_conclusion_or_advice_words_in_drafted_text(drafts):
    """Drafted cells (labels such as the admission category "liability" aside) say nothing of
    credibility, liability or what should be done."""
    text = " ".join(str(v) for d in drafts.values() for r in d.rows for k, v in r.items()
                    if k not in d.label_columns)
    assert not re.search(r"\b(?:credible|credibility|liable|liability|negligent|should|"
                         r"recommend|lied|truthful)\b", text, re.I)


def test_pronoun_follows_the_greeting_and_can_be_configured():
    doc = deposition(topics=1, witness_title="MS.").stage_input()
    assert "she first saw" in " ".join(r["summary"] for r in digest_rows(doc))
    doc.options = {"witness_pronoun": "they"}
    assert "they first saw" in " ".join(r["summary"] for r in digest_rows(doc))


def test_without_a_greeting_rows_say_the_witness():
    body = ["EXAMINATION", "BY MS. <PERSON_10>:", "Q.   Did you see the forklift?",
            "A.   I saw it by the dock."]
    (row,) = digest_rows(paginate(body).stage_input())
    assert row["summary"] == "Testified that the witness saw it by the dock."


def test_question_and_answer_spelled_out_under_bracketed_page_numbers():
    content = ["EXAMINATION", "QUESTION:  Did you see the forklift?", "ANSWER:  Yes, by the dock."]
    text = "[121]\n" + "\n".join(f"{n:>3}   {c}" for n, c in enumerate(content + [""] * 22, 1))
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                     lines=transcript_line_map(text), redactions=[])
    (row,) = digest_rows(doc)
    assert row["cite"] == "121:2-121:3"
    assert row["summary"] == "Testified that the witness saw the forklift; by the dock."


def test_question_and_answer_labels_with_one_space_are_read_when_they_are_the_only_ones():
    content = ["EXAMINATION", "Q Did you see the forklift?", "A Yes, by the dock.",
               "Q Was it moving?", "A No. A man was on it.", "Q Who?", "A Harold."]
    text = "\n".join(f"{n:>2}   {c}" for n, c in enumerate(content + [""] * 18, 1))
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                     lines=transcript_line_map(text), redactions=[])
    assert len(digest_rows(doc)) == 3


@pytest.mark.parametrize("number", ["{n} ", "{n}: ", "{n}\t"])
def test_transcript_numbered_with_one_space_a_colon_or_a_tab_is_read(number):
    content = ["EXAMINATION", "BY MS. <PERSON_10>:", "Q.   Did you see the forklift?",
               "A.   Yes, by the dock.", "Q.   Was it moving?", "A.   No."] + [""] * 19
    text = "Page 4\n" + "\n".join(number.format(n=n) + c for n, c in enumerate(content, 1))
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                     lines=LineMap.from_text(text), redactions=[])
    assert [r["summary"] for r in digest_rows(doc)] == [
        "Testified that the witness saw the forklift; by the dock.",
        "Testified that it was not moving."]


@pytest.mark.parametrize("number", ["[{n}] ", "{n:>2}| "])
def test_transcript_numbered_in_brackets_or_before_a_rule_is_read(number):
    content = ["EXAMINATION", "Q.   Did you see the forklift?", "A.   Yes, by the dock.",
               "Q.   Was it moving?", "A.   No."] + [""] * 20
    text = "Page 4\n" + "\n".join(number.format(n=n) + c for n, c in enumerate(content, 1))
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                     lines=transcript_line_map(text), redactions=[])
    assert [(r["cite"], r["summary"]) for r in digest_rows(doc)] == [
        ("4:2-4:3", "Testified that the witness saw the forklift; by the dock."),
        ("4:4-4:5", "Testified that it was not moving.")]


def test_page_line_prefixes_and_line_numbers_after_the_text_are_read():
    content = ["EXAMINATION", "BY ATTORNEY <PERSON_1>:", "Q.  Did you see the forklift?",
               "A.  Yes, by the dock.", "ATTORNEY <PERSON_2>:  Objection, form.",
               "Q.  Was it moving?", "A.  No."] + [""] * 18
    prefixed = "\n".join(f"0004:{n:02d}  {c}" for n, c in enumerate(content, 1))
    trailing = "PAGE 4        Smith v. Acme\n\n" + "\n".join(
        f"{c:<60}{n:>4}" for n, c in enumerate(content, 1))
    for text in (prefixed, trailing):
        doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                         lines=transcript_line_map(text), redactions=[])
        rows = digest_rows(doc)
        assert [(r["cite"], r["summary"]) for r in rows] == [
            ("4:3-4:4", "Testified that the witness saw the forklift; by the dock. "
                        "Objection (form)."),
            ("4:6-4:7", "Testified that it was not moving.")], text[:20]


def test_speaker_colon_question_and_answer_labels_and_a_qualified_yes():
    content = ["EXAMINATION", "MS. <PERSON_1>: Q.  A 36-point difference between the arms",
               "    is a red flag for dissection; true?", "MR. <PERSON_2>: Objection, form.",
               "THE WITNESS: A.  It can be, yes.", "MS. <PERSON_1>: Q.  Were you tired?",
               "THE WITNESS: A.  It could be. I worked a double."] + [""] * 18
    text = "\n".join(f"{n:>2}| {c}" for n, c in enumerate(content, 1))
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=True,
                     lines=transcript_line_map(text), redactions=[])
    rows = digest_rows(doc)
    assert [r["cite"] for r in rows] == ["1:2-1:5", "1:6-1:7"]
    assert rows[0]["summary"].startswith(
        "Testified that a 36-point difference between the arms can be a red flag")
    assert rows[0]["summary"].endswith("Objection (form).")
    assert rows[1]["summary"] == ("Testified that it could be that the witness was tired; "
                                  "the witness worked a double.")


def test_plugin_registers_the_digest():
    (engine,) = lpo_review_summarizers(config=None)
    assert engine.name == "deposition_digest" and engine.kinds == ("deposition",)


def test_text_without_testimony_gives_empty_digest_with_a_note():
    doc = deposition(topics=0).stage_input()
    doc.text = "NOTICE OF DEPOSITION\nPlease take notice.\n"
    digest = next(d for d in DepositionDigest().draft(doc) if d.kind == "deposition_digest")
    assert digest.rows == [] and "No question-and-answer testimony" in digest.notes[0]


#: How every sentence of a summary opens: the witness's words are always attributed.
FRAMES = ("Testified that ", "Asked \"", "Objection (")


def sentences(summary: str) -> list[str]:
    """Sentences of a summary; quoted material counts as part of its sentence."""
    unquoted = re.sub(r'"[^"]*"', '"..."', summary)
    return re.split(r"(?<=[.)])\s+(?=[A-Z])", unquoted)


def test_the_witness_opinions_are_attributed_not_adopted():
    """"should", "negligent", "liable" in the witness's answers stay in reported speech."""
    rows = digest_rows(opinion_deposition().stage_input())
    text = " ".join(r["summary"] for r in rows)
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

    for row in digest_rows(opinion_deposition().stage_input()):
        assert language.scan_text(row["summary"], language.TEXT_RULES) == [], row


def test_long_transcript_is_digested_faithfully():
    transcript = long_deposition(rounds=6)
    rows = digest_rows(transcript.stage_input())
    assert len(rows) >= 6 * 6 * 6
    for row in rows:
        cited = transcript.cited_text(row["cite"]).lower()
        words = key_words(row["summary"])
        assert len({w for w in words if w[:4] not in cited}) <= len(words) // 4, row


def test_a_400k_character_transcript_is_digested_whole():
    """(How the time grows with the text is measured by benchmarks/bounded_time.py.)"""
    large = long_deposition(rounds=64)
    assert len(large.text) > 400_000
    rows = digest_rows(large.stage_input())
    assert rows and large.cited_text(rows[-1]["cite"])


def test_a_double_spaced_index_keeps_each_wrapped_description_whole(engine):
    """A double-spaced transcript leaves a blank line between numbered lines; the wrapped rest of
    an exhibit's description comes after that blank, not on the very next line."""
    numbered = ["                     INDEX", "EXHIBITS (Nos. 1 - 20 marked in Volume I)     MARKED",
                "No. 21  Six photographs, east elevation of the     154",
                "        scaffold, taken 03/11/2024",
                "No. 22  Site orientation acknowledgment, signed    155",
                "        02/26/2024", "", "           EXAMINATION (continued)",
                "BY MR. KOVACH:", "     Q.  Exhibit 21 is six photographs.  Do you see them?",
                "     A.  Yes.", "     Q.  And Exhibit 22 is your orientation form?",
                "     A.  Yes, I signed it."]
    text = "\n\n".join(f"{n:>2}    {line}".rstrip() for n, line in enumerate(numbered, 1)) + "\n"
    packet = engine.review_text(text, kind="deposition").packet
    [exhibits] = [d for d in packet.drafts if d.kind == "deposition_exhibits"]
    rows = {r["exhibit"]: r["description"] for r in exhibits.rows}
    assert rows["21"] == "Six photographs, east elevation of the scaffold, taken 03/11/2024"
    assert rows["22"] == "Site orientation acknowledgment, signed 02/26/2024"


def test_a_hearing_that_names_every_speaker_is_digested_as_questions_and_answers():
    """An arbitration transcript has no "Q."/"A.": counsel and the witness speak by name, and
    the arbitrator rules on objections between them."""
    body = ["MR. <PERSON_2>:  Where were you riding that afternoon?",
            "MS. <PERSON_3>:  Home from work, east on Harbor Avenue, in the bike lane.",
            "MR. <PERSON_2>:  Did you see a turn signal on the van?",
            "MS. <PERSON_3>:  No. I never saw a signal.",
            "MR. <PERSON_2>:  Did the driver say anything to you?",
            "MS. <PERSON_4>:  Objection, hearsay.",
            "ARBITRATOR <PERSON_5>:  I'll allow it. It goes to weight.",
            "MS. <PERSON_3>:  He said he never saw me.",
            "MR. <PERSON_2>:  Were you wearing a helmet?",
            "MS. <PERSON_3>:  Yes, a white one. It cracked on the left side.",
            "MR. <PERSON_2>:  Tell the arbitrator what your injuries were.",
            "MS. <PERSON_3>:  A broken left collarbone and a concussion."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(body).stage_input())}
    rows = " ".join(r["summary"] for r in drafts["deposition_digest"].rows)
    for fact in ("never saw a signal", "never saw the witness", "broken left collarbone"):
        assert fact in rows, rows
    [objection] = drafts["deposition_objections"].rows
    assert objection["grounds"] == "hearsay"
    assert objection["question_cite"] == "1:5"  # the question it was made against


def test_numbered_questions_with_margin_notes_are_questions():
    """An examination for discovery numbers its questions and marks undertakings in the margin
    ("U/T   10.  Q.  Will you produce ...")."""
    body = ["EXAMINATION BY MR. <PERSON_2>:",
            "    1.  Q.  Where are you employed?",
            "        A.  At the outpatient pharmacy, full time.",
            "U/T 2.  Q.  Will you produce the text to your sister?",
            "        A.  Yes, I still have it on my phone."]
    rows = " ".join(r["summary"] for r in digest_rows(paginate(body).stage_input()))
    assert "outpatient pharmacy" in rows and "produce the text" in rows, rows


def test_exhibits_of_a_series_abbreviated_depo_ex_and_pl_ex_are_numbered_without_it():
    front = ["EXHIBITS                                          MARKED",
             "Depo. Ex. 7    Independent medical examination report,    4",
             "Pl. Ex. 12     MRI lumbar spine report, Feb 5 2024        4", ""]
    body = ["EXAMINATION", "BY MR. <PERSON_2>:", "          (Depo. Ex. 7 marked for identification.)",
            "Q.  Doctor, is Depo. Ex. 7 your report in this case?", "A.  It is.",
            "Q.  And Pl. Ex. 12 is the MRI report you reviewed?", "A.  Yes."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(front + body).stage_input())}
    rows = {r["exhibit"]: r["description"] for r in drafts["deposition_exhibits"].rows}
    assert rows["7"].startswith("Independent medical examination report")
    assert rows["12"].startswith("MRI lumbar spine report")


def test_a_same_objection_takes_its_ground_and_an_exhibit_handed_over_is_described():
    front = ["EXHIBITS (pre-marked; described on the record)            PAGE",
             "     14   3     15   4", ""]
    body = ["EXAMINATION", "BY MR. <PERSON_2>:",
            "Q.  I'm handing you what's been marked as Exhibit 14.",
            "It's a twenty-two page document titled Supply Agreement, effective",
            "October 1, 2021.  Do you recognize it?", "A.  Yes.",
            "Q.  Would the plant have shipped without it?",
            "MS. <PERSON_3>:  Objection.  Calls for speculation.", "A.  I don't know.",
            "Q.  Would the buyer have shipped without it?",
            "MS. <PERSON_3>:  Same objection.", "A.  No.",
            "Q.  And Exhibit 15 is four color photographs of the dock?", "A.  Yes."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(front + body).stage_input())}
    rows = {r["exhibit"]: r["description"] for r in drafts["deposition_exhibits"].rows}
    assert rows["14"].startswith("a twenty-two page document titled Supply Agreement")
    assert rows["15"].startswith("four color photographs")
    grounds = [r["grounds"] for r in drafts["deposition_objections"].rows]
    assert grounds == ["calls for speculation", "calls for speculation"]


def test_an_index_named_after_the_witness_a_remote_place_and_a_designee_make_the_cover(engine):
    numbered = ["      REMOTE VIDEOCONFERENCE DEPOSITION OF DEFENDANT",
                "      BRIGHTWATER LOGISTICS, INC., PURSUANT TO FED. R.",
                "      CIV. P. 30(b)(6), BY ITS DESIGNEE GRETCHEN A. MALLORY",
                "Taken by the Plaintiff via Zoom videoconference, on",
                "Tuesday, March 11, 2025, commencing at 9:03 a.m.", "",
                "MALLORY EXHIBITS                                    MARKED",
                "No. 1  Curriculum vitae of the witness,             3",
                "       updated January 2025", "",
                "           EXAMINATION",
                "BY MS. THACKERAY:", "     Q.  Is Exhibit 1 your CV?", "     A.  Yes, it is."]
    text = "\n".join(f"{n:>2}    {line}".rstrip() for n, line in enumerate(numbered, 1)) + "\n"
    packet = engine.review_text(text, kind="deposition").packet
    drafts = {d.kind: d for d in packet.drafts}
    cover = {r["item"]: r["detail"] for r in drafts["deposition_cover"].rows}
    assert cover["Place"] == "Zoom videoconference"
    assert cover["Deponent"].endswith("(corporate designee)") and "DEFENDANT" not in cover["Deponent"]
    rows = {r["exhibit"]: r["description"] for r in drafts["deposition_exhibits"].rows}
    assert rows["1"] == "Curriculum vitae of the witness, updated January 2025"


def test_an_index_description_wrapped_into_a_bracket_stays_whole(engine):
    numbered = ["                  INDEX OF EXHIBITS", "NO.   DESCRIPTION                     MARKED",
                "3     USB drive containing body-worn camera video    6",
                "      file BWC_X6031.mp4", "      (deponent's camera, 4 min 12 s)", "",
                "           EXAMINATION", "BY MS. ALDANA:", "     Q.  Is Exhibit 3 your file?",
                "     A.  Yes."]
    text = "\n".join(f"{n:>2}    {line}".rstrip() for n, line in enumerate(numbered, 1)) + "\n"
    packet = engine.review_text(text, kind="deposition").packet
    [exhibits] = [d for d in packet.drafts if d.kind == "deposition_exhibits"]
    assert {r["exhibit"]: r["description"] for r in exhibits.rows}["3"].endswith(
        "(deponent's camera, 4 min 12 s)")


def test_same_objection_repeats_the_speaker_s_own_and_a_same_instruction_is_one():
    body = ["EXAMINATION", "BY MR. <PERSON_2>:",
            "Q.  Did the coach say why he put him in?",
            "MS. <PERSON_3>:  Objection.  Hearsay.", "A.  He said he felt fine.",
            "Q.  And you cleared him?", "A.  Yes, and I was wrong to.",
            "MR. <PERSON_4>:  Move to strike as nonresponsive.",
            "Q.  What did the coach tell you after practice?",
            "MS. <PERSON_3>:  Same objection.", "A.  That he was fine.",
            "Q.  Should a numb patient be referred at once?",
            "MS. <PERSON_3>:  Objection.  Peer review privilege.  I instruct her not to answer.",
            "Q.  And in your own practice?",
            "MS. <PERSON_3>:  Same instruction.",
            "Q.  How many patients did he refer?",
            "MS. <PERSON_3>:  Objection.  Privacy of other patients.  I instruct her not to "
            "identify anyone.", "A.  About five."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(body).stage_input())}
    rows = [(r["grounds"], bool(r["instruction_not_to_answer"]))
            for r in drafts["deposition_objections"].rows]
    assert rows == [("hearsay", False), ("nonresponsive (motion to strike)", False),
                    ("hearsay", False), ("peer review privilege", True),
                    ("peer review privilege", True), ("privacy", True)]


def test_an_index_entry_continued_on_the_next_page_keeps_its_whole_description():
    front = ["E X H I B I T S", "",
             "NO.    DESCRIPTION                              PAGE",
             "D-5    Fire Department Incident Report          20",
             "D-5    (continued) (carbon monoxide readings, 4 pages)",
             "D-6    Lease                                    24", ""]
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   I'm handing you Exhibit D-5.  Do you recognize it?", "A.   Yes.",
            "Q.   And Exhibit D-6?", "A.   That's my lease.",
            "MR. <PERSON_3>:  Objection, hearsay, and calls for a",
            "medical opinion.", "A.   The doctor said there were spots."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(front + body).stage_input())}
    rows = {r["exhibit"]: r["description"] for r in drafts["deposition_exhibits"].rows}
    assert rows["D-5"] == "Fire Department Incident Report (carbon monoxide readings, 4 pages)"
    [objection] = drafts["deposition_objections"].rows
    assert "calls for a medical opinion" in objection["grounds"]


def test_errata_mark_the_rows_they_correct_and_a_same_objection_adds_its_new_ground():
    body = ["EXAMINATION", "BY MS. <PERSON_2>:",
            "Q.  How many of those seven involved a customer being struck?", "A.  Two.",
            "Q.  Was the south end of the aisle closed?",
            "MR. <PERSON_3>:  Objection.  Beyond the scope.",
            "A.  No, it was not closed.",
            "Q.  Would the chain have stopped her?",
            "MR. <PERSON_3>:  Same objection, and calls for speculation.",
            "A.  I can't say.",
            "Q.  Did anyone tell the plaintiffs the aisle was closed?",
            "A.  Not that I know of.",
            "Q.  Was anyone disciplined?",
            "MR. <PERSON_3>:  Objection.  Subsequent remedial measures.",
            "A.  Two written warnings."]
    back = ["ERRATA SHEET", "PAGE  LINE   CHANGE AND REASON",
            '1     6      "Two." should read "Three."',
            "             Reason: I miscounted.",
            "Signed:  /s/ <PERSON_5>"]
    doc = paginate(body + [""] * (25 - len(body)) + back).stage_input()
    drafts = {d.kind: d for d in DepositionDigest().draft(doc)}
    digest = drafts["deposition_digest"]
    [corrected] = [r for r in digest.rows if r["cite"].startswith("1:5")]
    assert '[Errata, 1:6: "Two." should read "Three." Reason: I miscounted.]' in corrected["summary"]
    assert any("errata sheet" in note and "1:6" in note for note in digest.notes)
    assert [r["grounds"] for r in drafts["deposition_objections"].rows] == [
        "beyond the scope", "beyond the scope, calls for speculation",
        "subsequent remedial measures"]
    unaware = [r for r in digest.rows if "plaintiffs" in r["summary"]]
    assert unaware and "Not that I know of" in unaware[0]["summary"]
    assert "did not recall" not in unaware[0]["summary"]


def test_an_index_description_carried_over_a_page_footer_stays_whole():
    page1 = [""] * 20 + ["                 E X H I B I T S",
                         "NO.    DESCRIPTION                              PAGE",
                         "14     Incident log, November 4, 2023             16",
                         "15A    Still image, camera 41, aisle 27,          18", ""]
    page2 = ["       CCTV frame, November 4, 2023, 14:31:10",
             "16     Customer Incident Report                   21", "",
             "                   EXAMINATION", "BY MS. <PERSON_2>:",
             *["     Q.   Look at Exhibit 15A.  What does it show?",
               "     A.   The aisle from the south end."] * 8,
             "     Q.   And Exhibit 16?", "     A.   Our incident report."]
    footer = "        Lakeshore Reporting Group, LLC  *  (920) 555-0163\n\n"
    text = "".join(f"0001:{n:02d}  {line}\n" for n, line in enumerate(page1, 1)) + footer + \
        "".join(f"0002:{n:02d}  {line}\n" for n, line in enumerate(page2, 1))
    from lpo_review.stages.deposition.transcript import parse_transcript
    index = parse_transcript(text).exhibit_index
    assert index["15A"].text == \
        "Still image, camera 41, aisle 27, CCTV frame, November 4, 2023, 14:31:10"


def test_an_expert_s_limited_answers_are_instructions_and_counsel_talks_are_a_ground():
    body = ["EXAMINATION", "BY MR. <PERSON_2>:",
            "Q.  What did you assume about how long he was on the ground?",
            "MS. <PERSON_3>:  Objection to the extent the question calls for communications",
            "with counsel protected by Rule 26(b)(4)(C). I instruct her not to go beyond that.",
            "A.  About twenty minutes.",
            "Q.  Who decided what records you were sent?",
            "MS. <PERSON_3>:  Objection.  You can answer as to what you were provided and when,",
            "and nothing more.", "A.  Counsel's office sent them.",
            "Q.  Did you review the hospital's injury data?",
            "MR. <PERSON_4>:  Objection.  It is privileged quality-improvement information.",
            "The witness should not answer.", "Q.  Moving on."]
    drafts = {d.kind: d for d in DepositionDigest().draft(paginate(body).stage_input())}
    rows = [(r["grounds"], bool(r["instruction_not_to_answer"]))
            for r in drafts["deposition_objections"].rows]
    assert rows[0] == ("communications with counsel", True)
    assert rows[1][1] and rows[2][1]


def test_the_office_under_the_title_page_s_date_and_time_is_the_place():
    from lpo_review.stages.deposition.cover import cover_items
    from lpo_review.stages.deposition.transcript import parse_transcript
    front = ["   CONTINUED VIDEOTAPED DEPOSITION UPON ORAL EXAMINATION OF",
             "            MARISOL T. QUENNEVILLE, PhD, RN",
             "     Thursday, February 27, 2025, 9:03 a.m.",
             "     Basalt Ridge Court Reporting, LLC",
             "     415 East Granary Street, Suite 200, Palouse Crossing,",
             "     Washington   (Volume I was taken January 14, 2025, in Lakemont.)", "",
             "           EXAMINATION", "BY MS. OROZCO-VANCE:",
             "     Q.  Good morning.", "     A.  Good morning."]
    text = "\n".join(f"{n:>2}    {line}".rstrip() for n, line in enumerate(front, 1)) + "\n"
    cover = {c.item: c.detail for c in cover_items(parse_transcript(text))}
    assert cover["Place"].startswith("Basalt Ridge Court Reporting, LLC 415 East Granary Street")
    assert "Palouse Crossing" in cover["Place"] and "Lakemont" not in cover["Place"]
