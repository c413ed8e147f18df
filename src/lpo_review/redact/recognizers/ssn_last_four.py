"""The last four digits of a Social Security number, where the text says that is what they are:
"SSN (last 4): 6619", "the last four digits of your SSN as 6691", "SSN ending in 4410",
"XXX-XX-4410".  Alone they are an identifier an employer, a court or a lender uses."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_SSN = r"(?:SSN|SS\#|I?TIN|social(?:[ \t]+security)?(?:[ \t]+(?:number|no\.?|\#))?)"


class SsnLastFourRecognizer(LabelledValueRecognizer):
    ENTITY = "US_SSN"
    SCORE = 0.75
    PATTERNS = (
        _SSN + r"[ \t]*\((?:last[ \t]*(?:4|four))\)[ \t]*:?[ \t]*(?P<value>\d{4})\b",
        r"\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:\w+[ \t]+){0,2}" + _SSN
        + r"(?:[ \t]+(?:is|are|as|was|were))?[ \t]*:?[ \t]*(?P<value>\d{4})\b",
        r"\b" + _SSN + r"[ \t]+(?:ending|ends)(?:[ \t]+(?:in|with))?[ \t]*:?[ \t]*"
        r"(?P<value>\d{4})\b",
        r"\b[X*]{3}-?[X*]{2}-?(?P<value>\d{4})\b",
    )
    LINES = r"ssn|tin\b|social|last|\bx{3}|\*{3}"
