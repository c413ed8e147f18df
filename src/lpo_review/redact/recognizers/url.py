"""URLs, with Presidio's recognizer run only on the words that could be one.

Presidio's URL patterns alternate over every top-level domain and are tried at every position
of the text: over a contract they cost about as much as all the other pattern recognizers
together.  A URL they match holds no white space and has a letter, digit, dot or hyphen, a dot
and two letters ("example.com", "www.x.org"), so only the white-space-free runs holding that
are searched; the patterns find there exactly what they find in the whole text.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

_DOMAIN_DOT = regex.compile(r"[a-z0-9.\-]\.[a-z]{2}", regex.IGNORECASE)
_SPACE_AFTER = regex.compile(r"\s")
_SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)


class WindowedUrlRecognizer(UrlRecognizer):
    """Presidio's ``UrlRecognizer`` (same patterns, scores and name) on candidate words only."""

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        hi = 0
        for m in _DOMAIN_DOT.finditer(text):
            if m.start() < hi:
                continue  # in the word just searched
            before = _SPACE_BEFORE.search(text, 0, m.start())
            after = _SPACE_AFTER.search(text, m.end())
            lo = before.end() if before else 0
            hi = after.start() if after else len(text)
            for r in super().analyze(text[lo:hi], entities, nlp_artifacts, regex_flags):
                r.start += lo
                r.end += lo
                results.append(r)
        return results
