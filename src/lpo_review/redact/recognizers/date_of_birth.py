"""Dates of birth, recognised by their label ("DOB: 04/12/1961", "born on 3 May 1975") or by the
age after them in a record's banner ("AUG 23,1982 (42)", "03/14/1980 (44 y.o.)")."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.redact.recognizers.dates import DATE_VALUE

_LABEL = r"\b(?:DOB|D\.O\.B\.|date\s+of\s+birth|birth\s*date|born(?:\s+on)?|birthday)\s*[:\-]?\s*"


class DateOfBirthRecognizer(LabelledValueRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    SCORE = 0.9
    PATTERNS = (_LABEL + r"(?P<value>" + DATE_VALUE + r")",
                # (not a date of death with the age at death: "Date of death: 02/19/2024 (age 55)")
                r"(?<![\w/])(?<!(?i:death|died|dod|expired|deceased)[^\n\d]{0,20})"
                r"(?P<value>" + DATE_VALUE + r")[ \t]*\((?:age[ \t]*)?\d{1,3}(?:[ \t]*(?:y|yo|y\.o\.|"
                r"yrs?|years?))?\)")
