"""Dates more specific than a year: "12 March 2001", "March 12, 2001", "03/12/2001", "March 2001",
"08-Sep-2022", "11/2023", every other spelling the chronology reads ("04Jun24", "2024/08/15"),
and a month with a day or a two-digit year said as a time ("in 9/92",
"on 2/3", "from 4/2 to 4/6").

HIPAA Safe Harbor removes every element of a date except the year; a bare year is kept (it is
left to spaCy's ``DATE_TIME`` under the ``strict`` profile).
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.textdates import find_dates

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
#: A date with at least a month: day-month-year, month-day-year, month-year, numeric forms.
DATE_VALUE = (
    r"(?:"
    + _DAY
    + r"-"
    + _MONTH
    + r"-"
    + _YEAR
    + r"|"
    + _DAY
    + r"\s+(?:of\s+)?"
    + _MONTH
    + r",?\s+"
    + _YEAR
    + r"|"
    + _MONTH
    + r"\s+"
    + _DAY
    + r"(?:,\s*|\s+)"
    + _YEAR
    + r"|"
    + _MONTH
    + r"\s+"
    + _DAY
    + r"\b"
    + r"|"
    + _DAY
    + r"\s+"
    + _MONTH
    + r"\b"
    + r"|"
    + _MONTH
    + r",?\s+"
    + _YEAR
    + r"|(?:0?[1-9]|1[0-2])[/\-.](?:0?[1-9]|[12]\d|3[01])[/\-.](?:\d{4}|\d{2})\b"
    + r"|(?:0?[1-9]|[12]\d|3[01])[/\-.](?:0?[1-9]|1[0-2])[/\-.](?:\d{4}|\d{2})\b"
    + r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b"
    + r"|"
    + _YEAR
    + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)"
)


class SpecificDateRecognizer(LabelledValueRecognizer):
    ENTITY = "DATE"
    SCORE = 0.82
    PATTERNS = (
        r"(?<![\w/.\-])(?P<value>" + DATE_VALUE + r")(?![\w/])",
        # A month with a day or a two-digit year, said as a time: "In 9/92 she was admitted",
        # "back in 01/09", "on 2/3", "Friday 5/10", "from 4/2 to 4/6", "2/3 - 2/7" (not a score
        # or a ratio: "pain 5/10", "strength 4/5").
        r"(?:\b(?:on|in|since|from|to|until|till|through|thru|by|dated|starting|started|"
        r"circa|before|after|during|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[ \t]+"
        r"|(?<=(?:^|[^\w/])(?:0?[1-9]|1[0-2])/\d{1,2}[ \t]*(?:,|-|\u2013|to|through|and)[ \t]*))"
        r"(?P<value>(?:0?[1-9]|1[0-2])/\d{1,2})(?![\w/])",
        r"(?<![\w/.])(?P<value>(?:0?[1-9]|1[0-2])/\d{1,2})"
        r"(?=[ \t]*(?:,|-|\u2013|to|through|and)[ \t]*(?:0?[1-9]|1[0-2])/\d{1,2}(?![\w/]))",
        # an inpatient stay's notes dated by month and day: "Arrival: 12/01 1432", "Admitted:
        # 12/01 (via ED)", "HD#2 (12/02)"
        r"(?:\b(?:arrival|arrived|admitted|admission|discharged?|transferred|seen|date)[ \t]*:[ \t]*"
        r"|\b(?:HD|POD|hospital[ \t]+day)[ \t]*#?[ \t]*\d{1,3}[ \t]*\()"
        r"(?P<value>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/])",
    )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The patterns' dates and every date the chronology can read (:func:`find_dates`:
        "04Jun24", "10MAR2024", "2024/08/15", "2024.05.28", "15-Jan-24", an ISO date with its
        time): a date the drafts can put in order is a date Safe Harbor removes."""
        found = set(super().spans(text))
        found.update((d.start, d.end) for d in find_dates(text)
                     if d.status in ("ok", "ambiguous", "unreadable"))
        return sorted(found)
