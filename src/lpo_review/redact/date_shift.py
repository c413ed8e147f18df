"""Date shifting: the masked dates of a document, moved by one secret offset, for its drafts.

Under the ``date-shifted`` profile the text is masked as under ``hipaa`` (every date more
specific than a year becomes ``<DATE_n>``), and the drafts that need dates in order (the
medical chronology) get each masked date moved by one random offset for the whole document:
the order of visits and every interval between them are true, the dates are not.  The offset
is secret: it goes to the vault with the originals (so the firm can shift back), never into a
packet.  It is a whole number of days between one and ten years back, chosen so that no
shifted date is one of the document's real dates.

Safe Harbor (45 CFR 164.514(b)(2)) removes date elements; shifting them is a method an expert
must determine adequate (164.514(b)(1)), which is why the profile has its own name.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from lpo_review.textdates import find_dates

#: Entity types whose values are shifted (the others stay masked).
SHIFTED_TYPES = frozenset({"DATE", "DATE_TIME", "DATE_OF_BIRTH"})
#: The earliest and latest offsets, in days (always into the past).
OFFSET_RANGE = (-3650, -365)
#: How a shifted date is written in a draft (:attr:`lpo_review.textdates.FoundDate.label`).
SHIFTED_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2} \(shifted\)")


@dataclass(frozen=True)
class DateShift:
    """One document's offset and the shifted day of each masked date it could read."""

    days: int
    dates: dict[str, date] = field(default_factory=dict)
    """placeholder -> shifted day."""


def shift_dates(originals: Mapping[str, Sequence[str]], entity_types: Mapping[str, str],
                order: str | None) -> DateShift:
    """The document's shift: a fresh secret offset and every readable masked date moved by it.

    ``originals`` maps placeholders to their original spellings, ``entity_types`` to their
    types; ``order`` (``"MDY"``/``"DMY"``) reads numeric dates as the original text settles.
    A masked value that is no single day ("June 2023", an unsettled "03/04/22") is not
    shifted: it stays masked in the drafts too.
    """
    days: dict[str, date] = {}
    for placeholder, forms in originals.items():
        if entity_types.get(placeholder) not in SHIFTED_TYPES or not forms:
            continue
        found = [d for d in find_dates(forms[0], order) if d.status == "ok"]
        if len(found) == 1 and found[0].value is not None:
            days[placeholder] = found[0].value
    real = set(days.values())
    while True:
        offset = secrets.choice(range(*OFFSET_RANGE))
        moved = {ph: d + timedelta(days=offset) for ph, d in days.items()}
        if not real & set(moved.values()):
            return DateShift(offset, moved)
