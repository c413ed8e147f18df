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
from lpo_review.redact.recognizers.organization import LEGAL_FORM

_HOST = regex.compile(
    r"(?P<scheme>[a-z][a-z0-9+.\-]*://)?(?:[^@/\s]*@)?(?P<host>[^/:?#\s<>\"'(),;!]+)",
    regex.IGNORECASE,
)
#: A host written bare (no scheme, no "www.") that can be a web address: a label of two or more
#: characters with a letter before the last, which is all in lower or all in upper case
#: ("bidnask.com",
#: "THEGLOBE.COM"; not "a.In", "6.NO" or "5.DELIVERY", section numbers run into a word).
_BARE_HOST = regex.compile(r"(?:[\w\-]+\.)*(?=[\w\-]*\p{L})[\w\-]{2,}\.(?:\p{Ll}+|\p{Lu}+)")
#: A domain used as a company's name: "MP3.com, Inc.", "National Credit Report.com, LLC",
#: ``BookingEntertainment.com ("Promoter")``, or the short name a party is given
#: (``("SpinRecords.com" or "Client")``).
_COMPANY_HOST = regex.compile(
    r"(?<![\w.\-/@])(?P<host>[\w\-]+(?:\.[\w\-]+)+)(?:,?[ \t]+" + LEGAL_FORM
    + r"(?!\w)|[ \t]*\((?:the[ \t]+)?[\"\u201c])"
    r"|(?<=\([ \t]*(?:the[ \t]+)?[\"\u201c])(?P<host>[\w\-]+(?:\.[\w\-]+)+)(?=[\"\u201d])"
)
#: A bare host written as a name, capitals in its name and the suffix in lower case: a site or
#: a brand ("the Quicken.com Site", "AOL.com Personal Finance"), not an address to visit.
_NAMED_HOST = regex.compile(r"(?=[^.]*\p{Lu})[\w\-]+\.\p{Ll}{2,}")
#: Government hosts: a public agency's page identifies nobody.
_GOVERNMENT = regex.compile(r"\.(?:gov|mil)(?:\.[a-z]{2})?$", regex.IGNORECASE)


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
        is no URL.  Not a government host, and not a bare host written as a name ("Quicken.com")
        or shaped like a section number run into a word ("5.DELIVERY").  (A bare host the
        document uses as a company's name anywhere is left to the redactor, which sees the whole
        document: see :func:`company_site`.)"""
        found = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            m = _HOST.search(text, r.start)
            host = m["host"].rstrip(".") if m else ""
            if not m or _GOVERNMENT.search(host):
                continue
            if m["scheme"] or host.lower().startswith("www."):
                found.append(r)
                continue
            if self._extract(host).suffix and _BARE_HOST.fullmatch(host) and \
                    not _NAMED_HOST.fullmatch(host):
                found.append(r)
        return found


def company_hosts(text: str) -> set[str]:
    """The bare hosts ``text`` uses as a company's name (case-folded)."""
    return {c["host"].casefold() for c in _COMPANY_HOST.finditer(text)}


def company_site(text: str, start: int, companies: set[str]) -> bool:
    """Whether the web address at ``start`` is a bare host of ``companies`` (``MP3.com, Inc.``
    and every later "MP3.com" or "MP3.COM'S"; "www.mp3.com" is an address to visit)."""
    m = _HOST.match(text, start)
    host = m["host"].rstrip(".").casefold() if m and not m["scheme"] else ""
    return not host.startswith("www.") and host in companies
