"""Vehicle identifiers (HIPAA identifier 12): VINs and labelled licence plates."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import (
    ID_VALUE,
    NUMBER_WORD,
    OPT_NUMBER_WORD,
    LabelledValueRecognizer,
)


class VehicleIdRecognizer(LabelledValueRecognizer):
    ENTITY = "VEHICLE_ID"
    PATTERNS = (
        r"\b(?:VIN|vehicle\s+identification)" + OPT_NUMBER_WORD + r"(?P<value>" + ID_VALUE + r")",
        r"\b(?:licen[cs]e\s+plate|plate|vehicle\s+registration)"
        + NUMBER_WORD
        + r"(?P<value>"
        + ID_VALUE
        + r")",
        r"(?P<value>\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-HJ-NPR-Z0-9]*[A-Z])(?=[A-HJ-NPR-Z0-9]*\d)"
        r"[A-HJ-NPR-Z0-9]{17})\b",
    )
