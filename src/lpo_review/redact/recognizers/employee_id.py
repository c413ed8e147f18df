"""Employee identifiers: "Employee ID: E-40921", "Emp. No. 7731", "badge #5521"."""

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
    )
