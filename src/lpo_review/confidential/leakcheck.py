"""The leak check: find any original value from the vault in what is about to leave the firm.

Matching is case-insensitive, accent-insensitive and tolerant of whitespace and punctuation
variants (``John  Smith``, ``JOHN-SMITH``, ``555.123.4567`` all match their vault value) but
only on token boundaries, so a short value such as ``Al`` does not hit inside ``Alabama``.

How: text and values are *compacted* (NFKD, accents and case folded, every run of
non-alphanumeric characters removed) while remembering where tokens began.  One Aho-Corasick
automaton over all compacted values scans the compacted text once; a hit counts only when it
starts and ends on a token boundary.  The cost is linear in text length plus hits, whatever the
number of vault values.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from lpo_review.confidential.vault import PLACEHOLDER
from lpo_review.textnorm import tokens

#: Values with fewer alphanumeric characters are not checked (one letter or digit is no leak).
MIN_CHARS = 2
_XML_TAG = re.compile(r"<[^>]*>")
#: The end of a WordprocessingML paragraph: the element text of one paragraph (runs, fields) is
#: read as one text, two paragraphs or table cells are not ("1:6 | 0.69 | 2.1" in a table is
#: no "60692"); the raw XML is still scanned whole.
_PARAGRAPH_END = re.compile(r"</w:p>")


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

    def __str__(self) -> str:
        return f"{self.document}: an original {self.kind} value appears in {self.location}"


def compact(text: str) -> tuple[str, bytearray]:
    """Compacted text, and per position (and one past the end) whether a token edge is there."""
    parts = tokens(text)
    joined = "".join(parts)
    boundary = bytearray(len(joined) + 1)
    pos = 0
    for tok in parts:
        boundary[pos] = 1
        pos += len(tok)
    boundary[pos] = 1
    return joined, boundary


def _variants(value: str, kind: str) -> set[str]:
    parts = tokens(value)
    found = {"".join(parts)}
    if kind == "PERSON" and len(parts) >= 2:
        found.add("".join(parts[-1:] + parts[:-1]))  # "Smith, John" for "John Smith"
    return {v for v in found if len(v) >= MIN_CHARS}


class LeakChecker:
    """A multi-pattern matcher over a set of original values, built once, used for many files."""

    def __init__(self, values: Iterable[tuple[str, str]]):
        """``values``: ``(original value, kind)`` pairs."""
        self._automaton = ahocorasick.Automaton()
        self.patterns = 0
        for value, kind in values:
            for variant in _variants(value, kind):
                found = self._automaton.get(variant, None)
                if found is None:
                    self._automaton.add_word(variant, (len(variant), {kind: value}))
                    self.patterns += 1
                else:
                    found[1].setdefault(kind, value)
        if self.patterns:
            self._automaton.make_automaton()

    def found_in(self, text: str) -> dict[str, str]:
        """Vault values found in ``text``: entity type -> one such value (empty: no leak)."""
        if not self.patterns:
            return {}
        joined, boundary = compact(PLACEHOLDER.sub(" ", text))
        found: dict[str, str] = {}
        for end, (length, values) in self._automaton.iter(joined):
            if boundary[end + 1] and boundary[end + 1 - length]:
                for kind, value in values.items():
                    found.setdefault(kind, value)
        return found

    def kinds_in(self, text: str) -> set[str]:
        """Entity types of the vault values found in ``text`` (empty: no leak)."""
        return set(self.found_in(text))

    def scan_file(self, document: str, name: str, data: bytes) -> list[Leak]:
        """Leaks in one outgoing file: its name, and its content by format (JSON, DOCX, text)."""
        leaks: list[Leak] = []
        for location, text in [(f"file name {name}", name), *_texts_of(name, data)]:
            found = self.found_in(text)
            leaks += [Leak(document, location, k, found[k]) for k in sorted(found)]
        return leaks


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def _texts_of(name: str, data: bytes) -> Iterable[tuple[str, str]]:
    """(location, text) views of a file: raw text, and decoded structure where there is one."""
    raw = data.decode("utf-8", errors="replace")
    if name.endswith(".docx") or data[:4] == b"PK\x03\x04":
        yield from _docx_texts(name, data)
        return
    yield name, raw
    if name.endswith(".json"):
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            return
        yield f"{name} (decoded)", "\n".join(_strings(parsed))


def _docx_texts(name: str, data: bytes) -> Iterable[tuple[str, str]]:
    """Every part of a DOCX (or any ZIP): part names, raw XML (attributes) and element text,
    paragraph by paragraph."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        yield name, data.decode("utf-8", errors="replace")
        return
    with archive:
        for info in archive.infolist():
            where = f"{name}:{info.filename}"
            yield f"{where} (part name)", info.filename
            yield f"{where} (zip comment)", info.comment.decode("utf-8", errors="replace")
            content = archive.read(info).decode("utf-8", errors="replace")
            yield where, html.unescape(content)
            for paragraph in _PARAGRAPH_END.split(content):
                yield where, html.unescape(_XML_TAG.sub(" ", paragraph))
        yield f"{name} (zip comment)", archive.comment.decode("utf-8", errors="replace")
