"""Device identifiers and serial numbers (HIPAA identifier 13): "Serial No. PM-88231-X"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer


class DeviceIdRecognizer(LabelledValueRecognizer):
    ENTITY = "DEVICE_ID"
    PATTERNS = (
        r"\b(?:serial|device|implant|pacemaker|model\s+and\s+serial|UDI|MAC\s+address)"
        + NUMBER_WORD
        + r"(?P<value>"
        + ID_VALUE
        + r")",
    )
