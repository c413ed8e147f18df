"""The guard stage: checks every drafted text of a document and withholds flagged sentences.

The stage runs last (``ORDER_GUARD``) and reads every :class:`~lpo_review.model.Draft` the
earlier stages and summarizers produced: every string cell of every row, and the notes.  Each
sentence giving advice or reaching a conclusion becomes a finding labelled
``advice_language`` (data: ``draft`` index, ``row`` and ``column`` of the cell, or ``note``
index and ``column`` ``"notes"``; the sentence's offsets in the cell; category, reason, rule).

The vendor export calls :func:`vendor_drafts`: every flagged sentence is replaced by
:data:`WITHHELD` until the attorney's sign-off acknowledges its finding (``F<index>``, the
packet's usual finding reference); the rest of the cell stays readable.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from lpo_review.confidential.signoff import finding_ref
from lpo_review.guard.language import SentenceFlag, scan_text
from lpo_review.guard.rules import GuardRule
from lpo_review.model import Draft, Finding, Packet
from lpo_review.stages.base import ORDER_GUARD, Stage, StageInput, StageResult

STAGE_NAME = "guard"
ADVICE_LABEL = "advice_language"
WITHHELD = "[withheld pending attorney review]"
#: ``column`` of a finding on one of a draft's notes (its ``note`` key gives which).
NOTES = "notes"

#: Where a cell is within a draft: ``("row", row index, column)`` or ``("note", index, "notes")``.
Cell = tuple[str, int, str]


def _cells(draft: Draft) -> Iterator[tuple[Cell, str, dict[str, Any]]]:
    """(cell, text, row dict) for every string cell and every note of a draft; citations,
    the draft's label columns (a fixed vocabulary) and quoted columns (the source's own
    words) are not drafted text and are not read."""
    skipped = {"cite", *draft.label_columns, *draft.quoted_columns}
    for row_idx, row in enumerate(draft.rows):
        for column, value in row.items():
            if isinstance(value, str) and column not in skipped:
                yield ("row", row_idx, column), value, row
    for note_idx, note in enumerate(draft.notes):
        yield ("note", note_idx, NOTES), note, {}


def _cell_of(finding: Finding) -> Cell:
    d = finding.data
    return ("note", d["note"], NOTES) if "note" in d else ("row", d["row"], d["column"])


class GuardStage(Stage):
    """Flags advice and conclusions in drafted work product (``advice_language`` findings)."""

    name = STAGE_NAME
    order = ORDER_GUARD

    def __init__(self, rules: Sequence[GuardRule]):
        self.rules: list[GuardRule] = [r for r in rules if r.applies("text")]

    def run(self, doc: StageInput) -> StageResult:
        findings: list[Finding] = []
        for draft_idx, draft in enumerate(doc.drafts):
            for cell, text, row in _cells(draft):
                for flag in scan_text(text, self.rules):
                    findings.append(self._finding(doc, draft_idx, draft, cell, row, flag))
        notes = [f"{len(findings)} drafted sentence(s) withheld pending attorney review"] \
            if findings else []
        return StageResult(findings=findings, notes=notes)

    def _finding(self, doc: StageInput, draft_idx: int, draft: Draft, cell: Cell,
                 row: dict[str, Any], flag: SentenceFlag) -> Finding:
        start, end = row.get("start"), row.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            start = end = None
        cite = row.get("cite") or (doc.cite(start, end) if start is not None else "")
        return Finding(
            stage=self.name,
            label=ADVICE_LABEL,
            start=start or 0,
            end=end or 0,
            cite=str(cite),
            text=flag.sentence.text,
            data={
                "draft": draft_idx,
                "draft_kind": draft.kind,
                "draft_stage": draft.stage,
                cell[0]: cell[1],
                "column": cell[2],
                "sentence_start": flag.sentence.start,
                "sentence_end": flag.sentence.end,
                "category": flag.hits[0].category,
                "reason": flag.reason,
                "rule": flag.hits[0].rule,
                "rules": [h.rule for h in flag.hits],
            },
        )


def vendor_draft(draft: Draft, draft_index: int, findings: Sequence[Finding],
                 acknowledged: Collection[str] = ()) -> Draft:
    """The vendor-facing copy of draft number ``draft_index`` of a packet.

    ``findings`` are the packet's findings (their positions give the ``F<index>`` references
    an attorney acknowledges).  Every sentence of this draft flagged in an ``advice_language``
    finding is replaced by :data:`WITHHELD` unless its reference is in ``acknowledged``; the
    rest of the text, the columns and the citations are unchanged.
    """
    spans: dict[Cell, list[tuple[int, int]]] = {}
    for index, f in enumerate(findings):
        if (f.stage == STAGE_NAME and f.label == ADVICE_LABEL and f.data["draft"] == draft_index
                and finding_ref(index) not in acknowledged):
            spans.setdefault(_cell_of(f), []).append(
                (f.data["sentence_start"], f.data["sentence_end"]))
    rows = [{col: _withhold(value, spans.get(("row", i, col), [])) for col, value in row.items()}
            for i, row in enumerate(draft.rows)]
    notes = [_withhold(note, spans.get(("note", i, NOTES), []))
             for i, note in enumerate(draft.notes)]
    return draft.model_copy(update={"rows": rows, "notes": notes}, deep=True)


def vendor_drafts(packet: Packet) -> list[Draft]:
    """Every draft of ``packet`` as a vendor may see it (acknowledgements from its sign-off)."""
    acknowledged = set(packet.signoff.acknowledged) if packet.signoff else set()
    return [vendor_draft(d, i, packet.findings, acknowledged) for i, d in enumerate(packet.drafts)]


def _withhold(value: Any, spans: list[tuple[int, int]]) -> Any:
    if not spans or not isinstance(value, str):
        return value
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(value[pos:start])
        out.append(WITHHELD)
        pos = end
    out.append(value[pos:])
    return "".join(out)
