"""Amounts of money with a currency code or name: "EUR 4,000", "1,500 Austrian schillings (ATS)"."""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_CODE = (
    r"(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|HRK|TRY|TRL|RUB|UAH|ATS|DEM|"
    r"FRF|ITL|ESP|NLG|BEF|GRD|PTE|FIM|IEP|CYP|MTL|SKK|SIT|EEK|LVL|LTL|INR|CNY|BRL|MXN|ZAR)"
)
_NUMBER = r"\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d+)?(?:\s*(?:million|billion|thousand|m|bn|k)\b)?"
_NAME = (
    r"(?:euros?|dollars?|pounds?(?:\s+sterling)?|francs?|marks?|schillings?|liras?|lire|zlotys?|"
    r"korun[ay]?|kronor|kroner|krona|krone|roubles?|rubles?|rupees?|yen|forints?|lei|leva?|"
    r"hryvnias?|drachmas?|pesetas?|escudos?|guilders?)"
)
_ADJ = r"(?:[A-Z][a-z]+\s+)?"


class MoneyRecognizer(LabelledValueRecognizer):
    ENTITY = "MONEY"
    SCORE = 0.85
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"(?P<value>\b" + _CODE + r"\s?" + _NUMBER + r")",
        r"(?P<value>[$€£¥]\s?" + _NUMBER + r")",
        r"(?P<value>\b" + _NUMBER + r"\s*(?:" + _CODE + r"\b|" + _ADJ + r"(?i:" + _NAME + r")\b)"
        r"(?:\s*\(" + _CODE + r"\))?)",
    )
