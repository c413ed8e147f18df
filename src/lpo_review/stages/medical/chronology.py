"""The medical chronology: one row per encounter, by date of service, with gaps flagged.

Each row gives the date, provider, facility and kind of visit, then what the record says under
it: complaints, findings and test results (with their values), diagnoses, procedures,
medications, plan or disposition, details (free text under no heading), work status and pain
score, and the lines it cites.  Rows with a certain date (or, under the ``date-shifted``
profile, a shifted one) come first, ascending; rows whose date is ambiguous, unreadable or
redacted follow in document order, marked, and are listed in the notes.  A gap of more than
``gap_days`` (30) days between consecutive dates of service gets a row of its own.  The
record's past history is a second draft.

Numeric dates are read in the order the record itself settles (``23/11/21`` shows day first);
``date_order`` in the stage options overrides it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lpo_review.model import Draft
from lpo_review.stages.base import StageInput, Summarizer
from lpo_review.stages.medical.record import (
    Encounter,
    Record,
    pain_score,
    parse_record,
    work_status,
)
from lpo_review.textdates import FoundDate, both_orders, slash_convention

STAGE = "medical_chronology"
FIELDS = ["complaints", "findings", "diagnoses", "procedures", "medications", "plan", "details"]
COLUMNS = ["date", "provider", "facility", "visit", *FIELDS, "work_status", "pain", "cite"]


def _clip(text: str, limit: int = 800) -> str:
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
        """The chronology and the record's past history."""
        opts = doc.options
        gap_days = int(opts.get("gap_days", self.gap_days))
        order = opts.get("date_order", self.date_order) or slash_convention(doc.text)
        record = parse_record(doc.text, order)
        placed = _place_ambiguous(record)
        shifted = _shift(record, doc.shifted_dates)
        rows = [self._row(doc, enc) for enc in record.encounters]
        dated = sorted((r for r in rows if r["date_status"] in ("ok", "shifted")),
                       key=lambda r: (r["date"], r["start"]))
        undated = [r for r in rows if r["date_status"] not in ("ok", "shifted")]
        out, notes = self._with_gaps(dated, gap_days)
        out += undated
        notes += self._date_notes(doc, record.encounters, order)
        if shifted:
            notes.append(f"{shifted} date(s) of service are shown shifted by one secret offset "
                         "for this document (profile date-shifted): the order and every interval "
                         "are true, the dates are not; the firm's vault can shift them back.")
        for d in placed:
            notes.append(f"'{d.raw}' at {doc.cite(d.start, d.end)} can be month/day or day/month; "
                         f"read as {d.label} because only that reading keeps the record's "
                         "visits in order; please verify.")
        for d in record.inferred:
            notes.append(f"'{d.raw}' at {doc.cite(d.start, d.end)} has no year: read as "
                         f"{d.label} from the notes around it; please verify.")
        if record.excluded:
            notes.append(f"{len(record.excluded)} date(s) not treated as dates of service "
                         "(birth, signature, dictation, print, injury or future appointment).")
        if not record.encounters:
            notes.append("No dated encounters were found in this document.")
        return [Draft(stage=STAGE, kind="medical_chronology", title="Medical chronology",
                      columns=COLUMNS, rows=out, notes=notes,
                      label_columns=["date", "provider", "facility", "visit", "pain"],
                      quoted_columns=[*FIELDS, "work_status"]),
                self._history(doc, record)]

    def _row(self, doc: StageInput, enc: Encounter) -> dict[str, Any]:
        everything = " ".join(e.text for e in enc.entries)
        row: dict[str, Any] = {"date": enc.date.label, "provider": enc.provider,
                               "facility": enc.facility, "visit": enc.visit}
        for name in FIELDS:
            text = enc.text_of(name)
            if name in ("diagnoses", "plan"):
                text = " ".join(t for t in (text, enc.text_of("assessment_plan")) if t)
            row[name] = _clip(text)
        row["work_status"] = enc.text_of("work_status") or work_status(everything)
        row["pain"] = pain_score(everything)
        row.update(cite=doc.cite(enc.date.start, max(enc.end, enc.date.end)),
                   date_cite=doc.cite(enc.date.start, enc.date.end),
                   date_status=enc.date.status, start=enc.date.start,
                   end=max(enc.end, enc.date.end))
        row["work_status"] = _clip(row["work_status"], 120)
        return row

    def _with_gaps(self, dated: list[dict[str, Any]], gap_days: int
                   ) -> tuple[list[dict[str, Any]], list[str]]:
        rows: list[dict[str, Any]] = []
        notes: list[str] = []
        previous: dict[str, Any] | None = None
        for row in dated:
            if previous is not None and previous["date"] != row["date"]:
                days = (_day(row["date"]) - _day(previous["date"])).days
                if days > gap_days:
                    text = (f"Gap in treatment: {days} days between {previous['date']} and "
                            f"{row['date']}")
                    notes.append(text)
                    rows.append({"date": row["date"], "provider": "", "facility": "",
                                 "visit": "gap", **dict.fromkeys(FIELDS, ""),
                                 "work_status": "", "pain": "", "details": text,
                                 "cite": f"{previous['date_cite']}; {row['date_cite']}",
                                 "gap": True, "gap_days": days,
                                 "date_status": row["date_status"],
                                 "start": previous["start"], "end": row["end"]})
            rows.append(row)
            previous = row
        return rows, notes

    def _date_notes(self, doc: StageInput, encounters: list[Encounter],
                    order: str | None) -> list[str]:
        notes: list[str] = []
        odd = [e.date for e in encounters if e.date.status not in ("ok", "shifted")]
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
            notes.append("Numeric dates in this record read either month/day or day/month and "
                         "nothing in it decides which: set [stages.medical_chronology] date_order.")
        return notes

    def _history(self, doc: StageInput, record: Record) -> Draft:
        rows = [{"history": _clip(e.text), "cite": doc.cite(e.start, e.end), "start": e.start,
                 "end": e.end} for e in record.history if e.text.strip()]
        return Draft(stage=STAGE, kind="medical_history", title="Past medical history",
                     columns=["history", "cite"], rows=rows, quoted_columns=["history"])


def _day(label: str) -> date:
    """The day of a row's date label (``2024-03-02`` or ``2019-05-02 (shifted)``)."""
    return date.fromisoformat(label[:10])


def _place_ambiguous(record: Record) -> list[FoundDate]:
    """Read an ambiguous numeric date of service the one way that keeps the record's visits
    in order ("05/07/22" before a visit on 2022-05-14 is 7 May), when only one way does."""
    placed = []
    encounters = record.encounters
    for k, enc in enumerate(encounters):
        d = enc.date
        if d.status != "ambiguous":
            continue
        before = [e.date.value for e in encounters[:k] if e.date.status == "ok" and e.date.value]
        after = [e.date.value for e in encounters[k + 1:] if e.date.status == "ok" and e.date.value]
        fits = [day for day in both_orders(d.raw)
                if (not before or day >= before[-1]) and (not after or day <= after[0])]
        if len(fits) == 1:
            enc.date = FoundDate(d.raw, d.start, d.end, "ok", fits[0])
            placed.append(enc.date)
    return placed


def _shift(record: Record, shifted: dict[str, date]) -> int:
    """Give masked dates of service their shifted day; how many were."""
    count = 0
    for enc in record.encounters:
        d = enc.date
        if d.status == "redacted" and d.raw in shifted:
            enc.date = FoundDate(d.raw, d.start, d.end, "shifted", shifted[d.raw])
            count += 1
    return count
