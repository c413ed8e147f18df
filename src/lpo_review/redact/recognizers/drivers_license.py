"""Driver's licence numbers next to their label: "Driver's License No. D1234567"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer


class DriversLicenseRecognizer(LabelledValueRecognizer):
    ENTITY = "DRIVERS_LICENSE"
    PATTERNS = (
        r"\b(?:driver'?s?|driving|operator'?s?)\s*licen[cs]e"
        + NUMBER_WORD
        + r"(?P<value>"
        + ID_VALUE
        + r")",
        r"\b(?:DL|D/L)\s*(?:no\.?|#|number)?\s*[:#]\s*(?P<value>" + ID_VALUE + r")",
        # the issuing state's code beside it: "DL: OK U093381472", "VA DL T71428093"
        r"\b(?:DL|D/L)\s*[:#]?\s*(?-i:[A-Z]{2})[ \t]+(?P<value>(?-i:[A-Z]?\d{6,12}))\b",
        r"\b(?-i:[A-Z]{2})[ \t]+(?:DL|D/L)\s*[:#]?\s*(?P<value>(?-i:[A-Z]?\d{6,12}))\b",
    )
