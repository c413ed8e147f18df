"""Employee identifiers: "Employee ID: E-40921", "Emp. No. 7731", "badge #5521", an officer's
"SGT. WENDELL LAW #1187"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer


class EmployeeIdRecognizer(LabelledValueRecognizer):
    ENTITY = "EMPLOYEE_ID"
    PATTERNS = (
        r"\b(?:employee|emp\.?|staff|personnel|payroll|badge|worker)"
        + NUMBER_WORD
        + r"(?P<value>"
        + ID_VALUE
        + r")",
        # an officer's badge number after rank and name: "SGT. WENDELL LAW #1187"
        r"\b(?:sgt|cpl|ptl|ofc|officer|det|detective|lt|capt|deputy|dep|tpr|trooper|sheriff)\.?"
        r"[ \t]+(?:[A-Z][A-Za-z'\-]*\.?[ \t]+){0,3}[A-Z][A-Za-z'\-]+[ \t]*#[ \t]*(?P<value>\d{2,6})\b",
    )
