"""Dates as people write them: found, normalised to ISO where unambiguous, otherwise marked.

The medical chronology dates its rows with :func:`find_dates`; the export's leak check compares
a vault date with every date of an outgoing text by :func:`possible_dates`.

A date is never guessed: ``03/04/22`` (day/month order unsettled), ``June
2023`` (no day), ``0?/1?/2023`` (unreadable) and ``<DATE_TIME_3>`` (redacted) are reported as
such.  Slash dates with both parts <= 12 are resolved only if the record settles its convention
(some slash date with a part > 12 shows whether it writes month or day first) or the
configuration says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

DateStatus = Literal["ok", "ambiguous", "unreadable", "redacted", "shifted"]

_MONTHS = {m[:3].lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December"
    .split(), 1)}
_MONTH_NAMES = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH = rf"(?P<mon>{_MONTH_NAMES})[a-z]*\.?"
#: A month's name in capitals: "NOV", "NOVEMBER".
_MONTH_CAPS = rf"(?P<mon>{_MONTH_NAMES.upper()})[A-Z]*\.?"
#: The same in capitals too ("FEB"), where digits fence it in: "22FEB2024", "14-FEB-2024".
_MON_ANY_CASE = rf"(?P<mon>(?i:{_MONTH_NAMES}))(?:[a-z]*\.?)"
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth").split()
#: A day written as an ordinal word: "fourteenth" 14, "twenty-first" 21, "thirtieth" 30.
_ORDINAL_DAYS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)} | {
    f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_WORDS[:9], 1)} | {
    "thirtieth": 30, "thirty-first": 31}
_DAY_WORD = "(?P<dw>(?i:" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + "))"
#: A year: four digits, or two after an apostrophe ("May 14th '24").
_YEAR = r"['\u2019]?(?P<y>(?<=['\u2019])\d{2}|\d{4})"
_SLASH = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b")
_PATTERNS = [
    ("redacted", re.compile(r"<DATE(?:_TIME)?_\d+>")),
    # ISO, also with a time glued on ("2024-01-22T21:47"), dots ("2024.03.08") or slashes
    # ("2024/06/08")
    ("iso", re.compile(r"\b(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")),
    ("unreadable", re.compile(r"(?<![\w/])[\d?_]{1,2}/[\d?_]{1,2}/[\d?_]{2,4}(?![\w/])")),
    ("slash", _SLASH),
    ("mdy", re.compile(
        r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)" + _YEAR + r"\b")),
    # in capitals, as a VA or mainframe print writes it: "NOV 01, 2024@11:20", "AUG 23,1982"
    ("mdy", re.compile(
        r"\b" + _MONTH_CAPS + r"\s+(?P<d>\d{1,2})(?:,\s*|\s+)" + _YEAR + r"\b")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:day\s+)?(?:of\s+)?|-)" + _MONTH
                       + r"(?:,?\s+|-)" + _YEAR + r"\b")),
    # in words: "the fourteenth of March, 2024", "March the fourteenth, 2024"
    ("words", re.compile(r"\b" + _DAY_WORD + r"\s+(?:day\s+)?of\s+" + _MONTH + r",?\s+"
                         + _YEAR + r"\b")),
    ("words", re.compile(r"\b" + _MONTH + r"\s+(?:the\s+)?" + _DAY_WORD + r",?\s+" + _YEAR
                         + r"\b")),
    # military and some hospital systems: "22FEB2024", "14-FEB-2024", "07 MAR 2024", "5-Apr-24",
    # "05Mar24"
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:[- ]?)" + _MON_ANY_CASE + r"(?:[- ]?)(?P<y>\d{4})(?!\d)")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})-" + _MON_ANY_CASE + r"-(?P<y>\d{2})(?![\d-])")),
    # glued, two-digit year: "05Mar24", "17APR24"
    ("dmy", re.compile(r"\b(?P<d>\d{2})" + _MON_ANY_CASE + r"(?P<y>\d{2})(?![\w:])")),
    # spaced, two-digit year: "11 Apr 22 09:40" (not a dose: "12 May 20 mg")
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})\s" + _MONTH + r"\s(?P<y>\d{2})(?![\w:/\-]|\.\d|\s*(?:mg|mcg|"
                       r"ml|mL|g|kg|units?|%|tab\w*|cap\w*|patients?|days?|weeks?|hours?)\b)")),
    ("partial", re.compile(r"\b" + _MONTH + r",?\s+(?P<y>\d{4})\b")),
]


@dataclass
class FoundDate:
    """A date as written, where it is, and what it means if that is certain."""

    raw: str
    start: int
    end: int
    status: DateStatus
    value: date | None = None

    @property
    def label(self) -> str:
        if self.status == "ok" and self.value is not None:
            return self.value.isoformat()
        if self.status == "shifted" and self.value is not None:
            return f"{self.value.isoformat()} (shifted)"
        return f"{self.status.upper()}: {self.raw}"


def safe_date(y: int, m: int, d: int) -> date | None:
    """The day ``y-m-d``, or ``None`` if there is no such day (31 February)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: Digits a scanner's OCR read as letters, inside what is otherwise a date: "02/ll/2025",
#: "04/24/2O25", "l2-MAR-2025", "Feb 1l, 2025".
_OCR_DIGIT = r"[\dlIO]"
_OCR_DATES = (
    re.compile(rf"(?<![\w/.\-])(?P<tok>{_OCR_DIGIT}{{1,4}}[/\-.]{_OCR_DIGIT}{{1,2}}[/\-.]"
               rf"{_OCR_DIGIT}{{2,4}})(?![\w/])"),
    re.compile(rf"(?<![\w/.\-])(?P<tok>{_OCR_DIGIT}{{1,2}})(?=-(?i:{_MONTH_NAMES})[a-z]*-\d)"),
    re.compile(rf"\b(?i:{_MONTH_NAMES})[a-z]*\.?[ \t](?P<tok>{_OCR_DIGIT}{{1,2}})"
               rf"(?=,?[ \t]+\d{{4}}\b)"),
)
#: The letters a scanner's OCR writes for digits, read back (also for phone numbers).
OCR_AS_DIGITS = str.maketrans("lIO", "110")


def _ocr_repaired(text: str) -> str:
    """``text`` with the letters OCR put for digits inside dates read back as digits (same
    length, so every offset holds); a token needs real digits for most of its length (for a
    whole numeric date, at least as many as letters)."""
    if not re.search(r"[\d/\-.][lIO]|[lIO][\d/\-.]|\s[lIO]\d?,", text):
        return text
    chars = list(text)
    for k, pattern in enumerate(_OCR_DATES):
        for m in pattern.finditer(text):
            token = m.group("tok")
            digits = sum(ch.isdigit() for ch in token)
            letters = sum(ch in "lIO" for ch in token)
            # a whole numeric date's two separators vouch for it: "ll/l2/2O24"
            if letters and digits >= (letters if k == 0 else 2 * letters - 1):
                chars[m.start("tok"):m.end("tok")] = token.translate(OCR_AS_DIGITS)
    return "".join(chars)


def find_dates(text: str, order: str | None = None, offset: int = 0) -> list[FoundDate]:
    """Dates in ``text`` (offsets shifted by ``offset``); ``order`` is ``"MDY"``/``"DMY"``.
    Digits an OCR read as letters inside a date are read as the digits ("02/ll/2025")."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    text = _ocr_repaired(text)
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "unreadable" and not re.search(r"[?_]", m.group()):
                continue
            taken.append((m.start(), m.end()))
            found.append(_interpret(kind, m, order, offset))
    return sorted(found, key=lambda f: f.start)


def _interpret(kind: str, m: re.Match[str], order: str | None, offset: int) -> FoundDate:
    raw, start, end = m.group(), m.start() + offset, m.end() + offset
    if kind in ("redacted", "unreadable"):
        return FoundDate(raw, start, end, kind)  # type: ignore[arg-type]
    if kind == "partial":
        return FoundDate(raw, start, end, "ambiguous")
    if kind in ("iso", "mdy", "dmy", "words"):
        value = next(iter(_readings(kind, m)), None)  # their one reading, if it is a day
    else:
        a, b, year = int(m["a"]), int(m["b"]), _full_year(m["y"])
        if a > 12 or (order == "DMY" and b <= 12):
            value = safe_date(year, b, a)
        elif b > 12 or order == "MDY" or a == b:
            value = safe_date(year, a, b)
        else:
            return FoundDate(raw, start, end, "ambiguous")
    if value is None:
        return FoundDate(raw, start, end, "unreadable")
    return FoundDate(raw, start, end, "ok", value)


def both_orders(raw: str) -> list[date]:
    """The days a numeric date can be, month first and day first ("05/07/22": 7 May and
    5 July 2022); empty for anything else."""
    m = _SLASH.fullmatch(raw.strip())
    if m is None:
        return []
    year = _full_year(m["y"])
    return sorted(d for d in _readings("slash", m) if d.year == year)


def _full_year(written: str) -> int:
    """A numeric date's year: four digits as written; two digits in this century unless that
    is more than a year ahead (then the last century: a birth year "52")."""
    if len(written) == 4:
        return int(written)
    year = 2000 + int(written)
    return year if year <= date.today().year + 1 else year - 100


def slash_convention(text: str) -> str | None:
    """``"MDY"`` or ``"DMY"`` if the record's numeric dates settle it, else ``None``: a date
    with a first part over 12 (``23/11/21``) is day-first, a second part over 12 month-first."""
    month_first = day_first = False
    for m in re.finditer(r"\b(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})\b", text):
        a, b = int(m[1]), int(m[3])
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    if month_first != day_first:
        return "MDY" if month_first else "DMY"
    return None


def possible_dates(text: str) -> list[tuple[int, int, frozenset[date]]]:
    """Every full date of ``text`` with *every* day it can mean: ``03/04/22`` is 3 April or
    4 March, of 1922 or 2022.  ``(start, end, days)``; month-year and redacted dates are left
    out.  What the leak check needs: a vault date is found however it is re-spelled."""
    found = []
    for kind, pattern in _PATTERNS:
        if kind in ("redacted", "unreadable", "partial"):
            continue
        for m in pattern.finditer(text):
            days = _readings(kind, m)
            if days:
                found.append((m.start(), m.end(), days))
    return found


def _readings(kind: str, m: re.Match[str]) -> frozenset[date]:
    if kind == "iso":
        readings = [(int(m["y"]), int(m["m"]), int(m["d"]))]
    elif kind in ("mdy", "dmy", "words"):
        year = int(m["y"]) if len(m["y"]) == 4 else _full_year(m["y"])
        day = _ORDINAL_DAYS[m["dw"].lower()] if kind == "words" else int(m["d"])
        readings = [(year, _MONTHS[m["mon"][:3].lower()], day)]
    else:
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        years = [int(y)] if len(y) == 4 else [1900 + int(y), 2000 + int(y)]
        readings = [(yy, mm, dd) for yy in years for mm, dd in ((a, b), (b, a))]
    return frozenset(d for d in (safe_date(*r) for r in readings) if d is not None)


_MONTH_DAY = re.compile(r"(?<![\d/.\-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/]|\.\d)")


def month_days(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Every ``M/D`` of ``text`` that can be a month and a day (``2/10``, not ``8/10`` as a
    score: the caller decides by comparing with known dates); ``(start, end, (month, day))``."""
    return [(m.start(), m.end(), (int(m["m"]), int(m["d"])))
            for m in _MONTH_DAY.finditer(text)
            if 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31]
