"""Base for recognizers that find a value by the label written next to it ("MRN: 00123456").

Each pattern is a regular expression with a named group ``value``; only that group is reported,
so the label stays readable in the redacted text ("MRN: <MEDICAL_RECORD_NUMBER_1>").  A pattern
may list several values ("application nos. 123/02 and 456/03"): ``ITEM`` then picks each one out
of the group.  ``LINES`` lets a recognizer whose patterns are costly search only the lines that
could hold a match (see :func:`line_windows`).
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from typing import ClassVar

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class LabelledValueRecognizer(LocalRecognizer):
    """Reports the ``value`` group of each of ``PATTERNS`` as ``ENTITY`` with ``SCORE``.

    Recognizers of one entity type should use distinct scores (the NER gives 0.8): Presidio
    drops one of two equal-score results of the same span in an arbitrary (hash) order, so the
    recognizer named in the log would otherwise vary from run to run.
    """

    name: str  # set by Presidio's EntityRecognizer.__init__

    ENTITY: ClassVar[str] = ""
    SCORE: ClassVar[float] = 0.85
    PATTERNS: ClassVar[tuple[str, ...]] = ()
    ITEM: ClassVar[str | None] = None
    FLAGS: ClassVar[int] = regex.IGNORECASE | regex.MULTILINE
    LINES: ClassVar[str | None] = None
    """A cheap pattern (case-insensitive) found on the line where every match starts; only
    those lines and the line after each are searched.  ``None``: the whole text."""

    def __init__(self) -> None:
        self._patterns = [regex.compile(p, self.FLAGS) for p in self.PATTERNS]
        self._item = regex.compile(self.ITEM, self.FLAGS) if self.ITEM else None
        self._lines = regex.compile(self.LINES, regex.IGNORECASE | regex.MULTILINE) \
            if self.LINES else None
        super().__init__(
            supported_entities=[self.ENTITY], supported_language="en", name=type(self).__name__
        )

    def load(self) -> None:
        """Patterns are compiled in ``__init__``."""

    def validate(self, value: str) -> bool:
        """Whether a matched value is acceptable (override for checksums, ranges...)."""
        return True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every accepted value in ``text``."""
        found: set[tuple[int, int]] = set()
        windows = line_windows(text, self._lines) if self._lines else [(0, len(text))]
        for pattern, (lo, hi) in itertools.product(self._patterns, windows):
            for match in pattern.finditer(text, lo, hi):
                start, end = match.span("value")
                if start < 0:
                    continue
                if self._item is None:
                    pieces = [(start, end)]
                else:
                    pieces = [
                        (start + m.start(), start + m.end())
                        for m in self._item.finditer(text[start:end])
                    ]
                found.update(p for p in pieces if self.validate(text[p[0] : p[1]]))
        return sorted(found)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if self.ENTITY not in entities:
            return []
        explanation = f"{type(self).__name__}: value next to its label"
        return [
            RecognizerResult(
                entity_type=self.ENTITY,
                start=start,
                end=end,
                score=self.SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name,
                    original_score=self.SCORE,
                    textual_explanation=explanation,
                ),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end in self.spans(text)
        ]


def line_windows(text: str, candidates: regex.Pattern[str]) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the lines of ``text`` holding a match of ``candidates``, each
    with the line after it (a value may follow its label on the next line), merged in order.

    A window starts at a line start and ends at a line end: a compiled pattern run with
    ``finditer(text, start, end)`` sees the text before the window (``^``, ``\\b`` and
    look-behinds decide as in the whole text); only a look-ahead beyond the line end could.
    """
    windows: list[tuple[int, int]] = []
    n = len(text)
    for m in candidates.finditer(text):
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.end())
        hi = n if hi < 0 else text.find("\n", hi + 1)
        hi = n if hi < 0 else hi
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


_SPACE_AFTER = regex.compile(r"\s")
_SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)


def word_windows(text: str, candidates: regex.Pattern[str]) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the white-space-free runs of ``text`` holding a match of
    ``candidates``, in order.

    A pattern whose matches hold no white space finds in these runs exactly what it finds in
    the whole text, as long as its look-arounds only ask whether a neighbour is a word
    character (white space before or after a run is not one, and neither is the run's edge).
    """
    windows: list[tuple[int, int]] = []
    hi = 0
    for m in candidates.finditer(text):
        if m.start() < hi:
            continue  # in the run just taken
        before = _SPACE_BEFORE.search(text, 0, m.start())
        after = _SPACE_AFTER.search(text, m.end())
        hi = after.start() if after else len(text)
        windows.append((before.end() if before else 0, hi))
    return windows


class WordWindowed:
    """Mixin for a Presidio pattern recognizer whose matches hold no white space: its
    patterns run only on the words :data:`CANDIDATES` finds (see :func:`word_windows`), joined
    by single spaces into one text, so the recognizer runs once per text however many words."""

    CANDIDATES: ClassVar[regex.Pattern[str]]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        windows = word_windows(text, self.CANDIDATES)
        if not windows:
            return []
        starts: list[int] = []  # offset of each word in the joined text
        pos = 0
        for lo, hi in windows:
            starts.append(pos)
            pos += hi - lo + 1
        joined = " ".join(text[lo:hi] for lo, hi in windows)
        results = super().analyze(joined, entities, nlp_artifacts, regex_flags)  # type: ignore[misc]
        for r in results:
            k = bisect.bisect_right(starts, r.start) - 1  # the word the match lies in
            shift = windows[k][0] - starts[k]
            r.start += shift
            r.end += shift
        return results


#: A generic identifier: letters/digits with inner separators, containing at least one digit.
ID_VALUE = r"(?=[A-Z0-9\-/.:]*\d)[A-Z0-9](?:[A-Z0-9]|[\-/.:](?=[A-Z0-9]))*"
#: "No.", "Number", "#", "ID" and similar between a label and its value (required).
NUMBER_WORD = r"\s*(?:nos?\b\.?|numbers?\b|num\b\.?|#|id\b\.?|identifier\b|code\b)\s*[:#]?\s*"
#: The same, optional: for labels specific enough on their own ("MRN 0042", "VIN ...").
OPT_NUMBER_WORD = r"(?:" + NUMBER_WORD + r"|\s*[:#]?\s*)"

#: Lower-case words that stand inside people's names ("Ludwig van Beethoven", "Maria de la Cruz").
NAME_PARTICLES = frozenset(
    "van von de der den da di du del della la le ben bin ibn al el ter ten dos das y e".split()
)
#: One of :data:`NAME_PARTICLES`, as a pattern (longest first, so "della" is not read as "de").
NAME_PARTICLE = r"(?:" + "|".join(sorted(NAME_PARTICLES, key=lambda p: (-len(p), p))) + r")"

_VOWEL = regex.compile(r"[AEIOUYaeiouy]")


def is_acronym(word: str) -> bool:
    """Whether a word in capitals is an abbreviation, never a name: three letters or more and
    no vowel, accents aside ("CFCH", "KVMC", "VSS"; "Ng", "LYNN" and "HƯƠNG" are names)."""
    return len(word) >= 3 and word.isupper() and word.isalpha() and \
        not _VOWEL.search(unicodedata.normalize("NFD", word))
