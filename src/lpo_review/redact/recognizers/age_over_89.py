"""Ages over 89 (HIPAA Safe Harbor aggregates them): "a 92-year-old man", "age: 94", "aged 101"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer


class AgeOver89Recognizer(LabelledValueRecognizer):
    ENTITY = "AGE_OVER_89"
    SCORE = 0.85
    PATTERNS = (
        r"(?P<value>\b\d{2,3})[\s\-]*(?:years?|yrs?|y/?o)\b",
        r"\b(?:age|aged)\s*[:\-]?\s*(?P<value>\d{2,3})\b",
    )

    def validate(self, value: str) -> bool:
        return 89 < int(value) < 130
