"""The matter's counsel, as the configuration lists them (``[privilege] counsel_names``,
``counsel_domains``): their names and their e-mail addresses are redacted as ``COUNSEL``.

They stay redacted like any personal data, but the placeholder's type tells every later stage,
the privilege screen first, that a lawyer of the matter wrote, received or is named in a passage
(``From: <COUNSEL_1>``), which the redacted text could not otherwise say.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "COUNSEL"
#: As high as any recognizer; a detection of the same span gives way to it (redact.spans).
SCORE = 1.0
_TITLES = r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Attorney|Atty|Counsel|Counselor)\.?[ \t]+"
_PARTICLES = {"de", "la", "van", "von", "der", "del", "da", "di", "le"}


def _name_patterns(name: str) -> list[str]:
    """The spellings of one lawyer's name: in full (the middle name or initial optional),
    first initial and surname, "Surname, First", a title before the surname, the first name
    standing alone (not beside another capitalised word: "Helen Park" is someone else), and
    initials of three letters or more ("PRC" for Priya Raman-Castell, as in a draft's
    comments)."""
    words = [w for w in regex.split(r"[\s,]+", name.strip()) if w]
    words = [w for w in words if w.rstrip(".").lower() not in {"esq", "jr", "sr", "ii", "iii"}]
    if len(words) < 2:
        return [regex.escape(words[0])] if words and len(words[0]) > 3 else []
    first, last = words[0], words[-1]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    last = " ".join(words[i:])
    middle = words[1:i]
    sep = r"[ \t]+"
    f, s = regex.escape(first), regex.escape(last).replace(r"\ ", sep)
    mid = "".join(rf"(?:{regex.escape(m[0])}\.?|{regex.escape(m)}){sep}" for m in middle)
    initials = "".join(part[0] for w in words for part in w.split("-") if part[:1].isalpha())
    patterns = [
        rf"{f}{sep}(?:{mid})?{s}" if mid else rf"{f}{sep}(?:[A-Z]\.?{sep})?{s}",
        rf"{regex.escape(first[0])}\.{sep}(?:[A-Z]\.{sep})?{s}",
        rf"{s},{sep}{f}",
        rf"(?<={_TITLES}){s}",
        rf"(?<![A-Z][\w.'-]*[ \t]+){f}(?![ \t]+[A-Z])",
    ]
    if len(initials) >= 3:
        patterns.append(regex.escape(initials.upper()))
    return patterns


class CounselRecognizer(LocalRecognizer):
    """Finds the listed counsel's names and any address at a counsel domain."""

    name: str  # set by Presidio's EntityRecognizer.__init__

    def __init__(self, names: Iterable[str], domains: Iterable[str]) -> None:
        patterns = [p for n in names for p in _name_patterns(n)]
        self._names = (regex.compile(rf"\b(?:{'|'.join(patterns)})\b") if patterns else None)
        hosts = [regex.escape(d.strip().lstrip("@").lower()) for d in domains if d.strip()]
        self._addresses = (
            regex.compile(rf"\b[\w.+'-]+@(?:[\w-]+\.)*(?:{'|'.join(hosts)})\b", regex.IGNORECASE)
            if hosts else None)
        super().__init__(supported_entities=[ENTITY], supported_language="en",
                         name="CounselRecognizer")

    def load(self) -> None:
        """Patterns are compiled in ``__init__``."""

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every counsel name and counsel address in ``text``."""
        found = {m.span() for p in (self._names, self._addresses) if p for m in p.finditer(text)}
        return sorted(found)

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if ENTITY not in entities:
            return []
        return [
            RecognizerResult(
                entity_type=ENTITY, start=start, end=end, score=SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name, original_score=SCORE,
                    textual_explanation="CounselRecognizer: listed counsel of the matter"),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
            )
            for start, end in self.spans(text)
        ]
