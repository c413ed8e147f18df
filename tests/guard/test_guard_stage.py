"""The guard stage flags advice in drafts and the vendor copy withholds it."""

from __future__ import annotations

from lpo_review.guard.language import TEXT_RULES
from lpo_review.guard.stage import (
    ADVICE_LABEL,
    WITHHELD,
    GuardStage,
    blocked,
    finding_key,
    vendor_draft,
)
from lpo_review.model import Draft, LineMap
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
    assert blocked(result.findings) == {(0, 3, "summary")}

    vendor = vendor_draft(draft, 0, result.findings)
    assert vendor.rows[3]["summary"] == f"Row 3. {NEUTRAL} {WITHHELD}"
    assert ADVICE not in str(vendor.model_dump())
    assert vendor.rows[2] == draft.rows[2]
    assert draft.rows[3]["summary"].endswith(ADVICE), "the firm's copy is unchanged"

    acknowledged = {finding_key(finding)}
    assert blocked(result.findings, acknowledged) == set()
    assert vendor_draft(draft, 0, result.findings, acknowledged).rows[3] == draft.rows[3]


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
    assert finding.data["row"] == "notes" and finding.cite == ""
    assert vendor_draft(draft, 0, result.findings).notes == ["Generated digest.", WITHHELD]
