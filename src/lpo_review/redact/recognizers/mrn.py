"""Medical record numbers: "MRN: 00123456", "Medical Record No. A-123456"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import (
    ID_VALUE,
    NUMBER_WORD,
    OPT_NUMBER_WORD,
    LabelledValueRecognizer,
)


class MedicalRecordNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "MEDICAL_RECORD_NUMBER"
    PATTERNS = (
        r"\b(?:MRN|MR#)" + OPT_NUMBER_WORD + r"(?P<value>" + ID_VALUE + r")",
        r"\b(?:med(?:ical)?\.?\s*rec(?:ord)?s?\.?|chart|patient|hospital)"
        + NUMBER_WORD
        + r"(?P<value>"
        + ID_VALUE
        + r")",
    )
