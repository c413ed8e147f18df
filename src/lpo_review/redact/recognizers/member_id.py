"""Health plan beneficiary / member numbers: "Member ID: XJH123456789", "Policy No. 55-1234"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer


class HealthPlanIdRecognizer(LabelledValueRecognizer):
    ENTITY = "HEALTH_PLAN_ID"
    PATTERNS = (
        r"\b(?:member|subscriber|beneficiary|insured|policy(?:holder)?|group|plan|medicaid|"
        r"medicare|insurance|health\s+plan)" + NUMBER_WORD + r"(?P<value>" + ID_VALUE + r")",
    )
