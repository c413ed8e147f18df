"""URLs, with Presidio's recognizer run only on the words that could be one.

Presidio's URL patterns alternate over every top-level domain and are tried at every position
of the text: over a contract they cost about as much as all the other pattern recognizers
together.  A URL they match holds no white space and has a letter, digit, dot or hyphen, a dot
and two letters ("example.com", "www.x.org"), so only the words holding that are searched.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from lpo_review.redact.offline import offline_extractor
from lpo_review.redact.recognizers.base import WordWindowed

_HOST = regex.compile(
    r"(?P<scheme>[a-z][a-z0-9+.\-]*://)?(?:[^@/\s]*@)?(?P<host>[^/:?#\s<>\"'(),;!]+)",
    regex.IGNORECASE,
)


class WindowedUrlRecognizer(WordWindowed, UrlRecognizer):
    """Presidio's ``UrlRecognizer`` (same patterns, scores and name) on candidate words only."""

    CANDIDATES = regex.compile(r"[a-z0-9.\-]\.[a-z]{2}", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")
        self._extract = offline_extractor()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """Matches with a scheme or ``www.``, or whose host, read to the end of the word, ends in
        a public suffix: "Normal.dotm" (a Word template) matches the ``.do`` of the patterns but
        is no URL."""
        found = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            m = _HOST.search(text, r.start)
            host = m["host"].rstrip(".") if m else ""
            if m and (m["scheme"] or host.lower().startswith("www.")
                      or self._extract(host).suffix):
                found.append(r)
        return found
