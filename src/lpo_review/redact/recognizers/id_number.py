"""Identifying numbers introduced in prose or by a label no specific recognizer knows.

People say where a number comes from rather than writing ``Label: value``: "the employee ID on
it would be KX-40219", "my badge number was 88120", "my CDL number is 073418826", "I'm driver
5512", "referral #CHH-24-00871", "IR-2022-0917-044 is the report number"; records carry labels
such as "FIN:", "MBI:", "EMS Run #:" or "NPI 1093877215" (an NPI whose check digit fails is still
one).  A value is reported when an identifier word stands before it, separated only by words that
carry no meaning of their own ("on it would be", "was", "is"), or when it is followed by "is the
... number".

The value must look like an identifier: at least three digits, not a date, a time, a bare year or
a section number ("12.3.1").  Specific recognizers (account, licence, case numbers...) score
higher on the same span and win.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import ID_VALUE, LabelledValueRecognizer
from lpo_review.textdates import find_dates

_CUE = (
    r"\b(?:id|i\.d\.|identification|badge|employee|member|subscriber|policy|claim|reference|"
    r"ref|report|incident|ticket|confirmation|registration|certificate|permit|licen[cs]e|cdl|"
    r"clock|driver|associate|patient|encounter|visit|account|acct|fin|mbi|mrn|npi|group|run|"
    r"referral|request|authori[sz]ation|auth|record|csr|ccr|rpr|login|user(?:name)?|"
    r"tracking|serial|order|invoice|receipt|locker|inmate|booking|passport|tax|ein|tin|"
    r"bar(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?|ardc|commission|recipient|"
    r"accession|citation|plate|lic|ee|last[ \t]+(?:4|four)(?:[ \t]+digits)?|aaa|jams|finra|"
    r"docket|matter|file)\b\.?"
)
_NUMBER = r"(?:[ \t]+(?:number|no\.?|num\.?|#|id|code))?"
#: Words between a cue and its value that add nothing: "on it would be", "was", "it's".
_FILLER = (
    r"(?:[ \t]*[:#,]|[ \t]+(?:on|in|it|would|be|is|was|were|it's|its|my|his|her|their|the|a|"
    r"an|of|being|as|reads|read|said|says|shows|showed|listed|given|assigned|mine|\u2019s|'s))"
    r"{0,6}"
)
_VALUE = r"(?P<value>(?=[A-Z0-9\-]*\d[A-Z0-9\-/.]*\d[A-Z0-9\-/.]*\d)" + ID_VALUE + r")"
#: A value in groups, after its label: a prefix in capitals and digits ("OMC 7741902", "KSA
#: 88104172-01", "HH 412876"), or digits in groups ("BCP 6610 4472 9", "3318 0072 14").
_GROUPED_VALUE = (r"(?P<value>(?-i:[A-Z]{1,4})[ ]\d[\d\-]{3,}(?:[ ]\d{1,6}){0,3}"
                  r"|\d{3,}(?:[ ]\d{2,6}){1,3})(?![\w\-])")
_NOT_AN_ID = regex.compile(
    r"(?:1[89]\d\d|20\d\d)"                          # a year
    r"|\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?"        # a date
    r"|\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-\d{2,4}"  # 16-Jul-2024
    r"|\d{1,2}:\d{2}(?::\d{2})?"                      # a time
    r"|\d+(?:\.\d+)+"                                 # a section number
    r"|[A-TV-Z]\d\d\.\d{1,4}[A-Z]{0,2}"                 # an ICD-10 code (M50.121, S52.502A)
    r"|\d{1,2}",
    regex.IGNORECASE,
)


#: A print's "by" that names no one.
_TEAM_WORD = regex.compile(r"SYSTEM|ADMIN|AUTO|BATCH|INTERFACE|EPIC|CERNER|SERVER", regex.I)


class IdNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "ID_NUMBER"
    SCORE = 0.7
    PATTERNS = (
        _CUE + _NUMBER + r"(?:[ \t]*[:#])?[ \t]*" + _GROUPED_VALUE,
        _CUE + _NUMBER + _FILLER + r"[ \t]*" + _VALUE,
        # a system's user name in capitals: "Run by: DMALHOTRA", "Printed 03/18/2025 by TBOYD"
        r"(?-i:(?:^|(?<=[ \t]{2}))[ \t]*(?:[Rr]un|[Pp]rinted|[Gg]enerated|[Ee]ntered|[Cc]reated|"
        r"[Mm]odified|[Ee]xported)(?:[ \t]+[\d/:.]+(?:[ \t]+[AP]M)?)*[ \t]+by:?[ \t]+"
        r"(?P<value>[A-Z][A-Z0-9_]{3,19}))(?=[ \t]*$|[ \t]{2}|[ \t]+on\b|[ \t]+\d)",
        # (anchored at a word's start: the value's look-ahead is not tried inside every word)
        r"(?<![\w\-/.])" + _VALUE + r"[ \t]+(?:is|was)[ \t]+(?:the|my|his|her|their|our|your)[ \t]+"
        r"(?:[\w\-]+[ \t]+){0,2}(?:number|no\.|#|id)\b",
    )

    def validate(self, value: str) -> bool:
        return is_identifier(value) and not _TEAM_WORD.fullmatch(value)


def is_identifier(value: str) -> bool:
    """Whether a number-like ``value`` can be an identifier: not a year, a date, a time, a
    section number, an ICD-10 diagnosis code or a one- or two-digit number; nor a date a
    scanner's OCR spelled with letters for digits ("05/2l/2024")."""
    if _NOT_AN_ID.fullmatch(value):
        return False
    dates = find_dates(value)
    return not (len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(value))
