"""The guard stage: checks every drafted text of a document and withholds flagged sentences.

The stage runs last (``ORDER_GUARD``) and reads every :class:`~lpo_review.model.Draft` the
earlier stages and summarizers produced: every string cell of every row, and the notes.  Each
sentence giving advice or reaching a conclusion becomes a finding labelled
``advice_language``; the export to a vendor then calls :func:`vendor_draft`, which replaces
those sentences with :data:`WITHHELD` until an attorney acknowledges them (by
:func:`finding_key`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from lpo_review.guard.language import SentenceFlag, scan_text
from lpo_review.guard.rules import GuardRule
from lpo_review.model import Draft, Finding
from lpo_review.stages.base import ORDER_GUARD, Stage, StageInput, StageResult

STAGE_NAME = "guard"
ADVICE_LABEL = "advice_language"
WITHHELD = "[withheld pending attorney review]"
#: ``row`` of a finding on a draft's notes (rather than on a table row).
NOTES = "notes"

#: Where a flagged sentence is: (draft index, row index or ``"notes"``, column or note index).
Location = tuple[int, int | str, str | int]


def _cells(draft: Draft) -> Iterator[tuple[int | str, str | int, str, dict[str, Any]]]:
    """(row, column, text, row dict) for every string cell and every note of a draft."""
    for row_idx, row in enumerate(draft.rows):
        for column, value in row.items():
            if isinstance(value, str) and column != "cite":
                yield row_idx, column, value, row
    for note_idx, note in enumerate(draft.notes):
        yield NOTES, note_idx, note, {}


class GuardStage(Stage):
    """Flags advice and conclusions in drafted work product (``advice_language`` findings)."""

    name = STAGE_NAME
    order = ORDER_GUARD

    def __init__(self, rules: Sequence[GuardRule]):
        self.rules: list[GuardRule] = [r for r in rules if r.applies("text")]

    def run(self, doc: StageInput) -> StageResult:
        findings: list[Finding] = []
        for draft_idx, draft in enumerate(doc.drafts):
            for row_idx, column, text, row in _cells(draft):
                for flag in scan_text(text, self.rules):
                    findings.append(self._finding(doc, draft_idx, draft, row_idx, column, row, flag))
        notes = [f"{len(findings)} drafted sentence(s) withheld pending attorney review"] \
            if findings else []
        return StageResult(findings=findings, notes=notes)

    def _finding(self, doc: StageInput, draft_idx: int, draft: Draft, row_idx: int | str,
                 column: str | int, row: dict[str, Any], flag: SentenceFlag) -> Finding:
        start, end = row.get("start"), row.get("end")
        has_span = isinstance(start, int) and isinstance(end, int)
        cite = row.get("cite") or (doc.cite(start, end) if has_span else "")
        return Finding(
            stage=self.name,
            label=ADVICE_LABEL,
            start=start if has_span else 0,
            end=end if has_span else 0,
            cite=str(cite),
            text=flag.sentence.text,
            data={
                "draft": draft_idx,
                "draft_kind": draft.kind,
                "draft_stage": draft.stage,
                "row": row_idx,
                "column": column,
                "sentence_start": flag.sentence.start,
                "sentence_end": flag.sentence.end,
                "category": flag.hits[0].category,
                "reason": flag.reason,
                "rule": flag.hits[0].rule,
                "rules": [h.rule for h in flag.hits],
            },
        )


def _advice_findings(findings: Iterable[Finding]) -> Iterator[Finding]:
    return (f for f in findings if f.stage == STAGE_NAME and f.label == ADVICE_LABEL)


def finding_key(finding: Finding) -> str:
    """Stable identifier of an ``advice_language`` finding, for the attorney's acknowledgement.

    ``guard:<draft>:<row>:<column>:<sentence start>``, e.g. ``guard:0:3:summary:41``.
    """
    d = finding.data
    return f"guard:{d['draft']}:{d['row']}:{d['column']}:{d['sentence_start']}"


def blocked(findings: Iterable[Finding], acknowledged: Collection[str] = ()) -> set[Location]:
    """Cells holding a flagged sentence no attorney has acknowledged yet."""
    return {(f.data["draft"], f.data["row"], f.data["column"])
            for f in _advice_findings(findings) if finding_key(f) not in acknowledged}


def vendor_draft(draft: Draft, draft_index: int, findings: Iterable[Finding],
                 acknowledged: Collection[str] = ()) -> Draft:
    """The vendor-facing copy of ``doc.drafts[draft_index]``.

    Every sentence flagged by the guard (an ``advice_language`` finding of this draft) is
    replaced by :data:`WITHHELD`, unless its :func:`finding_key` is in ``acknowledged``.  The
    rest of the text, the columns and the citations are unchanged.
    """
    spans: dict[tuple[int | str, str | int], list[tuple[int, int]]] = {}
    for f in _advice_findings(findings):
        if f.data["draft"] == draft_index and finding_key(f) not in acknowledged:
            spans.setdefault((f.data["row"], f.data["column"]), []).append(
                (f.data["sentence_start"], f.data["sentence_end"]))
    if not spans:
        return draft.model_copy(deep=True)
    rows = [{col: _withhold(value, spans.get((i, col), [])) for col, value in row.items()}
            for i, row in enumerate(draft.rows)]
    notes = [_withhold(note, spans.get((NOTES, i), [])) for i, note in enumerate(draft.notes)]
    return draft.model_copy(update={"rows": rows, "notes": notes}, deep=True)


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
