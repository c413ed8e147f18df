"""Split a medical record into encounters: a treatment date, provider, facility and events.

An encounter starts at a line that carries a treatment date (``Date of Service: ...``,
``Visit Date``, ``Admission Date``, or a line that opens with a date).  Labelled lines inside it
(``Chief Complaint:``, ``Assessment:``, ``Medications:``, ``Plan:``...) become events; unlabelled
lines continue the field above them.  Dates of birth, signature, dictation and print dates,
dates of injury and future appointments are never treatment dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lpo_review.textdates import FoundDate, find_dates

EVENT_LABELS: dict[str, tuple[str, ...]] = {
    "complaint": ("chief complaint", "cc", "reason for visit", "presenting complaint", "hpi",
                  "history of present illness", "subjective", "complaint", "complaints",
                  "symptoms"),
    "diagnosis": ("diagnosis", "diagnoses", "dx", "assessment", "impression",
                  "final diagnosis", "assessment and plan", "working diagnosis"),
    "procedure": ("procedure", "procedures", "operation", "surgery", "treatment",
                  "intervention", "injection", "therapy"),
    "medication": ("medication", "medications", "meds", "rx", "prescription", "prescriptions",
                   "prescribed", "medications prescribed"),
    "disposition": ("disposition", "plan", "discharge", "discharged", "follow-up", "follow up",
                    "followup", "referral", "referred", "return", "work status"),
    "imaging": ("imaging", "x-ray", "xray", "x-rays", "mri", "ct", "radiology", "ultrasound",
                "findings"),
    "lab": ("lab", "labs", "laboratory", "results", "lab results"),
}
_FIELD_LABELS = {
    "provider": ("provider", "physician", "attending", "attending physician", "seen by",
                 "treating physician", "clinician", "doctor", "surgeon", "radiologist",
                 "rendering provider", "examiner"),
    "facility": ("facility", "location", "clinic", "hospital", "site", "department"),
}
_LABEL_KIND = {label: kind for kind, labels in {**EVENT_LABELS, **_FIELD_LABELS}.items()
               for label in labels}
_LABELLED = re.compile(r"^[ \t]*(?P<label>[A-Za-z][A-Za-z /()&\-]{0,40}?)[ \t]*:[ \t]*(?P<value>.*)$")
_SERVICE_DATE = re.compile(
    r"^[ \t]*(?:date[ \t]+of[ \t]+(?:service|visit|admission|discharge|procedure|exam)|dos|"
    r"service[ \t]+date|visit[ \t]+date|encounter[ \t]+date|admission[ \t]+date|admit[ \t]+date|"
    r"discharge[ \t]+date|procedure[ \t]+date|exam[ \t]+date|date)\b[ \t]*[:#\-]", re.I,
)
_NOT_TREATMENT = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born|signed|signature|"
    r"e-?signed|printed|print[ \t]+date|generated|dictated|transcribed|faxed|received|"
    r"date[ \t]+of[ \t]+injury|DOI|injury[ \t]+date|next[ \t]+appointment|scheduled|"
    r"follow[- ]?up[ \t]+(?:on|appointment)|return[ \t]+(?:on|visit))\b", re.I,
)


@dataclass
class Event:
    """One labelled entry of an encounter (its text may run over several lines)."""

    category: str
    text: str
    start: int
    end: int


@dataclass
class Encounter:
    """A treatment date and what was recorded under it."""

    date: FoundDate
    provider: str = ""
    facility: str = ""
    events: list[Event] = field(default_factory=list)


@dataclass
class Record:
    """Encounters in document order, the record-level facility, and dates set aside."""

    encounters: list[Encounter]
    facility: str
    excluded: list[FoundDate]


def _label_kind(label: str) -> str | None:
    return _LABEL_KIND.get(" ".join(label.lower().replace("_", " ").split()))


def parse_record(text: str, order: str | None) -> Record:
    """Encounters of a record; ``order`` settles slash dates (``"MDY"``/``"DMY"``/``None``)."""
    encounters: list[Encounter] = []
    excluded: list[FoundDate] = []
    facility = ""
    current: Encounter | None = None
    last: Event | None = None
    for m in re.finditer(r"[^\n\f]+", text):
        line, at = m.group(), m.start()
        if not line.strip():
            continue
        dates = find_dates(line, order, at)
        if dates and _NOT_TREATMENT.search(line):
            excluded.extend(dates)
            last = None
            continue
        starts_with_date = dates and not line[:dates[0].start - at].strip()
        if dates and (_SERVICE_DATE.match(line) or starts_with_date):
            current = Encounter(dates[0], facility=facility)
            encounters.append(current)
            last = None
            rest = line[dates[0].end - at:].strip(" \t-:|")
            if rest and not _LABELLED.match(rest):
                current.events.append(Event("visit", rest, at + line.index(rest), m.end()))
            continue
        lab = _LABELLED.match(line)
        kind = _label_kind(lab.group("label")) if lab else None
        if lab and kind in _FIELD_LABELS:
            value = lab.group("value").strip()
            if current is None:
                facility = value if kind == "facility" else facility
            else:
                setattr(current, kind, value)
            last = None
        elif lab and kind and current is not None:
            value = lab.group("value").strip()
            vstart = at + lab.start("value")
            last = Event(kind, value, vstart, vstart + len(value)) if value else Event(
                kind, "", m.end(), m.end())
            current.events.append(last)
        elif last is not None and not lab:
            stripped = line.strip()
            last.text = f"{last.text} {stripped}".strip()
            if last.start == last.end:
                last.start = at + line.index(stripped)
            last.end = at + line.index(stripped) + len(stripped)
        else:
            last = None
    return Record(encounters, facility, excluded)
