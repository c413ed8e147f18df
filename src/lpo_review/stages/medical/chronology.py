"""The medical chronology: one row per recorded event, by date of service, with gaps flagged.

Rows with a certain date come first, ascending; rows whose date is ambiguous, unreadable or
redacted follow in document order, marked, and are listed in the notes.  Gaps of
``gap_days`` (30) days or more between consecutive treatment dates get a row of their own.
"""

from __future__ import annotations

from typing import Any

from lpo_review.model import Draft
from lpo_review.stages.base import StageInput, Summarizer
from lpo_review.stages.medical.record import Encounter, parse_record
from lpo_review.textdates import slash_convention

STAGE = "medical_chronology"
COLUMNS = ["date", "provider", "facility", "event", "details", "cite"]


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


class MedicalChronology(Summarizer):
    """Chronology of treatment from medical records (rule-based)."""

    name = STAGE
    kinds = ("medical",)

    def __init__(self, gap_days: int = 30, date_order: str | None = None):
        self.gap_days = gap_days
        self.date_order = date_order

    def draft(self, doc: StageInput) -> list[Draft]:
        """One chronology draft for the document."""
        opts = doc.options
        gap_days = int(opts.get("gap_days", self.gap_days))
        order = opts.get("date_order", self.date_order) or slash_convention(doc.text)
        record = parse_record(doc.text, order)
        dated: list[dict[str, Any]] = []
        undated: list[dict[str, Any]] = []
        for n, enc in enumerate(record.encounters):
            rows = self._rows(doc, enc, n)
            (dated if enc.date.status == "ok" else undated).extend(rows)
        dated.sort(key=lambda r: (r["date"], r["start"]))
        rows, notes = self._with_gaps(record.encounters, dated, gap_days)
        rows += undated
        notes += self._date_notes(doc, record.encounters, order)
        if record.excluded:
            notes.append(f"{len(record.excluded)} date(s) not treated as dates of service "
                         "(birth, signature, dictation, print, injury or future appointment).")
        if not record.encounters:
            notes.append("No dated encounters were found in this document.")
        for row in rows:
            row.pop("_encounter", None)
        return [Draft(stage=STAGE, kind="medical_chronology", title="Medical chronology",
                      columns=COLUMNS, rows=rows, notes=notes)]

    def _rows(self, doc: StageInput, enc: Encounter, n: int) -> list[dict[str, Any]]:
        events = [e for e in enc.events if e.text.strip()]
        date_cite = doc.cite(enc.date.start, enc.date.end)
        base = {"date": enc.date.label, "provider": enc.provider, "facility": enc.facility,
                "date_status": enc.date.status, "date_cite": date_cite, "_encounter": n}
        if not events:
            return [{**base, "event": "visit", "details": "", "cite": date_cite,
                     "start": enc.date.start, "end": enc.date.end}]
        return [{**base, "event": e.category, "details": _clip(e.text),
                 "cite": doc.cite(e.start, e.end), "start": e.start, "end": e.end}
                for e in events]

    def _with_gaps(self, encounters: list[Encounter],
                   dated: list[dict[str, Any]], gap_days: int
                   ) -> tuple[list[dict[str, Any]], list[str]]:
        rows: list[dict[str, Any]] = []
        notes: list[str] = []
        previous: dict[str, Any] | None = None
        for row in dated:
            if previous is not None and previous["date"] != row["date"]:
                before = encounters[previous["_encounter"]].date
                after = encounters[row["_encounter"]].date
                assert before.value is not None and after.value is not None
                days = (after.value - before.value).days
                if days >= gap_days:
                    text = (f"Gap in treatment: {days} days between {before.value.isoformat()}"
                            f" and {after.value.isoformat()}")
                    notes.append(text)
                    rows.append({"date": after.value.isoformat(), "provider": "",
                                 "facility": "", "event": "gap", "details": text,
                                 "cite": f"{previous['date_cite']}; {row['date_cite']}",
                                 "gap": True, "gap_days": days, "start": before.start,
                                 "end": after.end})
            rows.append(row)
            previous = row
        return rows, notes

    def _date_notes(self, doc: StageInput, encounters: list[Encounter],
                    order: str | None) -> list[str]:
        notes: list[str] = []
        odd = [e.date for e in encounters if e.date.status != "ok"]
        redacted = [d for d in odd if d.status == "redacted"]
        if redacted:
            notes.append(f"{len(redacted)} date(s) of service are redacted in this text; those "
                         "rows are listed in document order after the dated rows, and gaps "
                         "cannot be measured across them.")
        for d in odd:
            if d.status != "redacted":
                notes.append(f"{d.status.capitalize()} date of service '{d.raw}' at "
                             f"{doc.cite(d.start, d.end)}: not normalised; please verify.")
        if order is None and any(d.status == "ambiguous" for d in odd):
            notes.append("The record does not settle whether slash dates are month/day or "
                         "day/month; set [stages.medical_chronology] date_order to resolve.")
        return notes
