"""Account numbers next to their label: "Account No. 000123456789", "Acct #4455-0192"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer


class AccountNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "ACCOUNT_NUMBER"
    PATTERNS = (
        r"\b(?:(?:bank|checking|savings|loan|customer|client|billing|routing)\s+)?"
        r"(?:account|acct\.?|a/c)" + NUMBER_WORD + r"(?P<value>" + ID_VALUE + r")",
    )
