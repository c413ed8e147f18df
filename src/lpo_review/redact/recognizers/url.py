"""URLs, with Presidio's recognizer run only on the words that could be one.

Presidio's URL patterns alternate over every top-level domain and are tried at every position
of the text: over a contract they cost about as much as all the other pattern recognizers
together.  A URL they match holds no white space and has a letter, digit, dot or hyphen, a dot
and two letters ("example.com", "www.x.org"), so only the words holding that are searched.
"""

from __future__ import annotations

import regex
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from lpo_review.redact.recognizers.base import WordWindowed


class WindowedUrlRecognizer(WordWindowed, UrlRecognizer):
    """Presidio's ``UrlRecognizer`` (same patterns, scores and name) on candidate words only."""

    CANDIDATES = regex.compile(r"[a-z0-9.\-]\.[a-z]{2}", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")
