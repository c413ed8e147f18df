"""IP addresses, with Presidio's recognizer run only on the words that could be one.

Every address Presidio's patterns match holds no white space and has a digit, a dot and a digit
(IPv4) or two colons or a colon between hexadecimal digits (IPv6), so only the words holding one
of those are searched.
"""

from __future__ import annotations

import regex
from presidio_analyzer.predefined_recognizers import IpRecognizer

from lpo_review.redact.recognizers.base import WordWindowed


class WindowedIpRecognizer(WordWindowed, IpRecognizer):
    """Presidio's ``IpRecognizer`` (same patterns, scores and name) on candidate words only."""

    CANDIDATES = regex.compile(r"\d\.\d|::|[0-9a-f]:[0-9a-f]", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(name="IpRecognizer")
