"""The guard stage flags advice in drafts and the vendor copy withholds it."""

from __future__ import annotations

from lpo_review.guard.language import TEXT_RULES
from lpo_review.guard.stage import (
    ADVICE_LABEL,
    WITHHELD,
    GuardStage,
    vendor_draft,
    vendor_drafts,
)
from lpo_review.model import Draft, Finding, LineMap, Packet
from lpo_review.stages.base import ORDER_GUARD, StageInput

ADVICE = "The client should settle before trial."
NEUTRAL = "The witness testified that he recommended a repair."


def _digest(n_rows: int, advice_row: int) -> tuple[StageInput, Draft]:
    text = "\n".join(f"line {i}: testimony about the repair" for i in range(n_rows))
    lines = LineMap.from_text(text)
    starts = [lines.starts[i] for i in range(n_rows)]
    rows = []
    for i in range(n_rows):
        summary = f"Row {i}. {NEUTRAL}" + (f" {ADVICE}" if i == advice_row else "")
        rows.append({"topic": "repair", "summary": summary, "start": starts[i],
                     "end": starts[i] + 5, "cite": f"1:{i + 1}"})
    draft = Draft(stage="deposition_digest", kind="deposition_digest", title="Digest",
                  columns=["topic", "summary"], rows=rows, notes=["Generated digest."])
    doc = StageInput(doc_id="DOC-1", kind="deposition", text=text, is_original=False,
                     lines=lines, redactions=[], drafts=[draft])
    return doc, draft


def test_advice_in_a_digest_row_is_caught_and_withheld_from_the_vendor() -> None:
    doc, draft = _digest(5, advice_row=3)
    stage = GuardStage(TEXT_RULES)
    assert stage.name == "guard" and stage.order == ORDER_GUARD
    result = stage.run(doc)
    [finding] = result.findings
    assert finding.label == ADVICE_LABEL
    assert finding.text == ADVICE
    assert finding.cite == "1:4"
    assert (finding.start, finding.end) == (draft.rows[3]["start"], draft.rows[3]["end"])
    assert finding.data["row"] == 3 and finding.data["column"] == "summary"
    assert finding.data["draft_kind"] == "deposition_digest"
    assert finding.data["reason"] and finding.data["rule"].startswith("text.")

    vendor = vendor_draft(draft, 0, result.findings)
    assert vendor.rows[3]["summary"] == f"Row 3. {NEUTRAL} {WITHHELD}"
    assert ADVICE not in str(vendor.model_dump())
    assert vendor.rows[2] == draft.rows[2]
    assert draft.rows[3]["summary"].endswith(ADVICE), "the firm's copy is unchanged"

    assert vendor_draft(draft, 0, result.findings, {"F0"}).rows[3] == draft.rows[3], \
        "an acknowledged sentence is released"


def _packet(drafts: list[Draft], findings: list[Finding]) -> Packet:
    return Packet(doc_id="DOC-1", source_name="x.txt", source_sha256="0" * 64,
                  source_format="txt", kind="deposition", profile="standard", pages=1, words=1,
                  redacted_text="", redactions=[], findings=findings, drafts=drafts, stages=[],
                  engine_version="0", created_at="2026-01-01T00:00:00Z")


def test_vendor_drafts_of_a_packet_withhold_only_the_guards_sentences() -> None:
    doc, draft = _digest(3, advice_row=1)
    other = Finding(stage="clauses", label="governing_law", start=0, end=4, cite="1:1")
    guard = GuardStage(TEXT_RULES).run(doc).findings
    [vendor] = vendor_drafts(_packet([draft], [other, *guard]))
    assert vendor.rows[1]["summary"] == f"Row 1. {NEUTRAL} {WITHHELD}"
    assert [r["summary"] for r in vendor.rows[::2]] == [r["summary"] for r in draft.rows[::2]]


def test_neutral_digest_produces_no_findings() -> None:
    doc, draft = _digest(4, advice_row=-1)
    result = GuardStage(TEXT_RULES).run(doc)
    assert result.findings == []
    assert vendor_draft(draft, 0, result.findings) == draft


def test_advice_in_notes_is_withheld() -> None:
    doc, draft = _digest(1, advice_row=-1)
    draft.notes.append("We recommend rejecting the offer.")
    result = GuardStage(TEXT_RULES).run(doc)
    [finding] = result.findings
    assert finding.data["note"] == 1 and finding.data["column"] == "notes" and finding.cite == ""
    assert "row" not in finding.data, "consumers that index table rows skip note findings"
    assert vendor_draft(draft, 0, result.findings).notes == ["Generated digest.", WITHHELD]
