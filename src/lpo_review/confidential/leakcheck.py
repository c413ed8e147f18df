"""The leak check: find any original value from the vault in what is about to leave the firm.

Each vault value is expanded into the forms people write it in
(:mod:`lpo_review.confidential.identifying`: a surname alone, ``SURNAME, First``, initials, a
phone or ID with other separators, an address without its unit); dates are compared as days,
whatever their spelling (``9 March 1979`` = ``03/09/79``).  Matching is case-insensitive
(except for forms made of common words, which count only capitalised), accent-insensitive and
tolerant of whitespace and punctuation variants (``John  Smith``, ``JOHN-SMITH``,
``555.123.4567``), but only on token boundaries, so a short value such as ``Al`` does not hit
inside ``Alabama``.

How: text and forms are *compacted* (NFKD, accents and case folded, every run of
non-alphanumeric characters removed) while remembering where tokens began.  One Aho-Corasick
automaton over all compacted forms scans the compacted text once; a hit counts only when it
starts and ends on a token boundary.  The cost is linear in text length plus hits, whatever the
number of vault values.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import ahocorasick

from lpo_review.confidential.file_texts import all_texts
from lpo_review.confidential.identifying import (
    DATE_KINDS,
    Form,
    identifying_forms,
    value_dates,
)
from lpo_review.confidential.vault import PLACEHOLDER
from lpo_review.redact.date_shift import SHIFTED_DATE
from lpo_review.redact.keep_rules import lowercase_words
from lpo_review.redact.recognizers.organization import OrganizationRecognizer
from lpo_review.textdates import month_days, possible_dates
from lpo_review.textnorm import token_spans

#: Forms with fewer alphanumeric characters are not checked (one letter or digit is no leak).
MIN_CHARS = 2


@dataclass(frozen=True)
class Leak:
    """One original value found in an outgoing file (the value itself is never reported)."""

    document: str
    """Export ID of the document the file belongs to (or ``"export"`` for shared files)."""
    location: str
    """File (and part, e.g. ``DOC-000001.docx:docProps/core.xml``) where it was found."""
    kind: str
    """Entity type of the value, e.g. ``PERSON``."""
    value: str = field(default="", repr=False, compare=False)
    """The original value: for the firm's operator only (``export --explain``), never logged."""
    unexplained: bool = False
    """Found by the export's second look (no vault value, no placeholder explains it), not by
    the vault's values."""

    def __str__(self) -> str:
        what = "an unredacted" if self.unexplained else "an original"
        return f"{self.document}: {what} {self.kind} value appears in {self.location}"


@dataclass
class _Compacted:
    """A text's tokens run together, where each token starts in the text and in the run."""

    joined: str
    starts: list[int]
    """Offset in ``joined`` of each token (and one past the end)."""
    originals: list[int]
    """Offset in the text of each token."""
    text: str

    @classmethod
    def of(cls, text: str) -> _Compacted:
        spans = token_spans(text)
        starts, pos = [], 0
        for _s, _e, tok in spans:
            starts.append(pos)
            pos += len(tok)
        starts.append(pos)
        return cls("".join(t for _s, _e, t in spans), starts, [s for s, _e, _t in spans], text)

    def token_range(self, begin: int, end: int) -> range | None:
        """Tokens exactly covering ``joined[begin:end]``, or ``None`` if it cuts a token."""
        first = bisect.bisect_left(self.starts, begin)
        last = bisect.bisect_left(self.starts, end)
        if first == len(self.starts) or self.starts[first] != begin or self.starts[last] != end:
            return None
        return range(first, last)

    def capitalised(self, tokens: range) -> bool:
        return all(not self.text[self.originals[i]].islower() for i in tokens)


_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\s*$")


def _month_day(value: str, days: frozenset[dt.date]) -> tuple[int, int] | None:
    """The month and day of a date value: its only reading, or the US reading of ``02/10/24``
    (the convention of the records the ``hipaa`` profile is for)."""
    readings = {(day.month, day.day) for day in days}
    numeric = _NUMERIC_DATE.match(value)
    if numeric and len(readings) > 1:
        return int(numeric[1]), int(numeric[2])
    return readings.pop() if len(readings) == 1 else None


def _rank(form: Form) -> int:
    """How much a form demands of a hit (when two values share one spelling, the laxer wins)."""
    return 2 * form.alone + form.cased


class LeakChecker:
    """A multi-pattern matcher over a set of original values, built once, used for many files."""

    def __init__(
        self, values: Iterable[tuple[str, str]], dictionary: Collection[str] = frozenset()
    ):
        """``values``: ``(original value, kind)`` pairs; ``dictionary``: English words, which
        make no value distinctive (:func:`~lpo_review.confidential.identifying.english_dictionary`).
        """
        self._automaton = ahocorasick.Automaton()
        self._days: dict[dt.date, tuple[str, str]] = {}
        self._month_days: dict[tuple[int, int], tuple[str, str]] = {}
        self.patterns = 0
        self.skipped = 0
        """Values with no form worth checking (they identify no one: ``16``, ``Agreement``)."""
        for value, kind in values:
            days = value_dates(value) if kind in DATE_KINDS else frozenset()
            forms = [f for f in identifying_forms(value, kind, dictionary)
                     if len(f.compacted) >= MIN_CHARS]
            self.skipped += not forms and not days
            for day in days:
                self._days.setdefault(day, (kind, value))
            month_day = _month_day(value, days) if kind == "DATE" else None
            if month_day is not None:  # a record's date, also written without its year
                self._month_days.setdefault(month_day, (kind, value))
            for form in forms:
                key = form.compacted
                found = self._automaton.get(key, None)
                if found is None:
                    self._automaton.add_word(key, (len(key), form, {kind: value}))
                    self.patterns += 1
                else:
                    found[2].setdefault(kind, value)
                    laxer = form if _rank(form) < _rank(found[1]) else found[1]
                    self._automaton.add_word(key, (len(key), laxer, found[2]))
        self.patterns += len(self._days)
        if len(self._automaton):
            self._automaton.make_automaton()

    def found_in(self, text: str, ordinary: Collection[str] | None = None) -> dict[str, str]:
        """Vault values found in ``text``: entity type -> one such value (empty: no leak).

        ``ordinary``: words the document writes in lower case (default: those of ``text``); an
        ordinary word alone that is also a surname counts only where it is not one of them."""
        found: dict[str, str] = {}
        text = SHIFTED_DATE.sub(" ", PLACEHOLDER.sub(" ", text))  # our replacements
        if ordinary is None:
            ordinary = lowercase_words(text)
        if self._days:
            for _start, _end, days in possible_dates(text):
                for day in days & self._days.keys():
                    kind, value = self._days[day]
                    found.setdefault(kind, value)
            for _start, _end, month_day in month_days(text):
                if month_day in self._month_days:
                    kind, value = self._month_days[month_day]
                    found.setdefault(kind, value)
        if not len(self._automaton):
            return found
        compacted = _Compacted.of(text)
        organisations: list[tuple[int, int]] | None = None
        for end, (length, form, values) in self._automaton.iter(compacted.joined):
            covered = compacted.token_range(end + 1 - length, end + 1)
            if covered is None or (form.cased and not compacted.capitalised(covered)):
                continue
            if form.alone and form.compacted in ordinary:
                continue
            if form.part:
                if organisations is None:
                    organisations = list(OrganizationRecognizer.named(text))
                at = compacted.originals[covered.start]
                if any(s <= at < e for s, e in organisations):
                    continue
            for kind, value in values.items():
                found.setdefault(kind, value)
        return found

    def kinds_in(self, text: str) -> set[str]:
        """Entity types of the vault values found in ``text`` (empty: no leak)."""
        return set(self.found_in(text))

    def scan_file(self, document: str, name: str, data: bytes) -> list[Leak]:
        """Leaks in one outgoing file: its name, and its content by format (JSON, DOCX, text)."""
        leaks: list[Leak] = []
        texts = list(all_texts(name, data))
        ordinary = lowercase_words("\n".join(text for _location, text in texts))
        for location, text in texts:
            found = self.found_in(text, ordinary)
            leaks += [Leak(document, location, k, found[k]) for k in sorted(found)]
        return leaks
