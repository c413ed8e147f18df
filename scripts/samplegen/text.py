"""Small text helpers: number words, date formats, line wrapping that keeps values whole."""

from __future__ import annotations

import datetime as dt
import textwrap

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

#: Stands in for a space inside a value that must not be wrapped across lines.
KEEP = "\x1f"


def spell(n: int) -> str:
    """English words for 0 <= n < 1000 (``one hundred eighty``)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    rest = n % 100
    return f"{_UNITS[n // 100]} hundred" + (f" {spell(rest)}" if rest else "")


def number_words(n: int) -> str:
    """Contract style: ``ninety (90)``."""
    return f"{spell(n)} ({n})"


def long_date(d: dt.date) -> str:
    """``March 1, 2024``."""
    return f"{d:%B} {d.day}, {d.year}"


def ordinal_date(d: dt.date) -> str:
    """``15th day of January, 2023``."""
    suffix = "th" if 11 <= d.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d.day}{suffix} day of {d:%B}, {d.year}"


def us_date(d: dt.date, year_digits: int = 4, pad: bool = True) -> str:
    """``03/14/2023``, ``3/14/2023`` or ``03/14/23``."""
    year = f"{d.year}" if year_digits == 4 else f"{d.year % 100:02d}"
    if pad:
        return f"{d.month:02d}/{d.day:02d}/{year}"
    return f"{d.month}/{d.day}/{year}"


def dmy_abbrev(d: dt.date) -> str:
    """``14-Mar-2023``."""
    return f"{d.day:02d}-{d:%b}-{d.year}"


def keep(value: str) -> str:
    """Protect a value from being broken across lines by :func:`wrap`."""
    return value.replace(" ", KEEP)


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap ``text`` at ``width`` columns without splitting kept values or hyphenated words.

    ``first`` and ``rest`` prefix the first and the following lines (hanging indents, labels).
    """
    lines = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
    return [line.replace(KEEP, " ") for line in lines]
