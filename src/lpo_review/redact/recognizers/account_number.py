"""Account numbers next to their label: "Account No. 000123456789", "Acct #4455-0192"; and an
account's or a card's last digits where the text says that is what they are: "Account number
ending in 4821", "VISA DEBIT ENDING 7710", "TRANSFER TO SAV ...0933"."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, NUMBER_WORD, LabelledValueRecognizer

_ACCOUNT = (r"(?:(?:bank|checking|savings|loan|customer|client|billing|routing)\s+)?"
            r"(?:account|acct\.?|a/c)")
_CARD = (r"(?:account|acct\.?|card|debit|credit|visa|mastercard|amex|discover|checking|savings|"
         r"sav|chk)")


class AccountNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "ACCOUNT_NUMBER"
    PATTERNS = (
        r"\b" + _ACCOUNT + NUMBER_WORD + r"(?P<value>" + ID_VALUE + r")",
        r"\b" + _CARD + r"\b[^\n\d]{0,24}?(?:\bending(?:[ \t]+in)?[ \t]*:?[ \t]*|\.{3}|[x*]{3,}-?)"
        r"(?P<value>\d{4})\b",
    )
