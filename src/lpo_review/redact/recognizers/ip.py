"""IP addresses, with Presidio's recognizer run only on the words that could be one.

Every address Presidio's patterns match holds no white space and has a digit, a dot and a digit
(IPv4) or two colons or a colon between hexadecimal digits (IPv6), so only the words holding one
of those are searched.

A dotted quad of small numbers ("4.2.7.1") is far more often a section of a contract than an
address: one whose parts are all below 100 counts only with a word about networks shortly
before it ("IP address 10.0.0.1", "server at 8.8.8.8").
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IpRecognizer

from lpo_review.redact.recognizers.base import WordWindowed

_SMALL_QUAD = regex.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2}")
_NETWORK_WORD = regex.compile(
    r"\b(?:ip|ipv4|address(?:es)?|server|host|gateway|router|dns|subnet|network|login|logged|"
    r"connected|connection|vpn|proxy|firewall)\b[^\n]{0,30}$", regex.IGNORECASE)


class WindowedIpRecognizer(WordWindowed, IpRecognizer):
    """Presidio's ``IpRecognizer`` (same patterns, scores and name) on candidate words only."""

    CANDIDATES = regex.compile(r"\d\.\d|::|[0-9a-f]:[0-9a-f]", regex.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(name="IpRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        return [
            r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
            if not _SMALL_QUAD.fullmatch(text, r.start, r.end)
            or _NETWORK_WORD.search(text, max(0, r.start - 60), r.start)
        ]
