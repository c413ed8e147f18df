"""The redactor contract and the pseudonym table shared by every document of a run."""

from __future__ import annotations

import bisect
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

from lpo_review.model import Document, RedactionEntry
from lpo_review.redact.names import PERSON, AliasBook, run_person_key
from lpo_review.textnorm import token_spans, tokens

#: Placeholders as the table writes them: ``<PERSON_1>``, ``<US_SSN_12>`` (type, number).
PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*)_(\d+)>")


class PseudonymTable:
    """Gives each distinct (entity type, normalised value) a stable placeholder like ``<PERSON_1>``.

    One table per run (or per document, with ``pseudonym_scope = "document"``).  The table holds
    original values in memory only; the re-identification vault persists them encrypted, with
    the key of each placeholder, so a later run into the same matter folder restores the table
    (:meth:`restore`) and never reissues a number a packet already uses (:meth:`reserve`).
    Not thread-safe: one per process, like the engine.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._keys: dict[str, tuple[str, str]] = {}
        self._counters: dict[str, int] = {}
        self.person_aliases = AliasBook()
        """Name words of the people this table has seen (numbers a later bare surname alike)."""

    @staticmethod
    def normalise(value: str) -> str:
        """The matching key: case, accents, spacing and punctuation do not matter."""
        return " ".join(tokens(value))

    def placeholder(self, entity_type: str, value: str, key: str | None = None) -> str:
        """Placeholder for ``value``; ``key`` overrides the normalised value used to match."""
        k = (entity_type, key if key is not None else self.normalise(value))
        found = self._ids.get(k)
        if found is None:
            n = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = n
            found = f"<{entity_type}_{n}>"
            self._ids[k] = found
            self._keys[found] = k
        return found

    def key_of(self, placeholder: str) -> tuple[str, str] | None:
        """``(entity type, key)`` the table gave ``placeholder`` for, if it did."""
        return self._keys.get(placeholder)

    def restore(self, entity_type: str, key: str, placeholder: str) -> None:
        """Take back an earlier run's ``placeholder`` for ``(entity_type, key)``: the same value
        gets it again, and no new value gets its number (see :meth:`reserve`)."""
        self._ids.setdefault((entity_type, key), placeholder)
        self._keys.setdefault(placeholder, (entity_type, key))
        if entity_type == PERSON:
            run_person_key(self.person_aliases, key)  # a full name teaches its parts
        self.reserve(placeholder)

    def reserve(self, placeholder: str) -> None:
        """Never issue ``placeholder``'s number of its type again (a packet already uses it)."""
        m = PLACEHOLDER.fullmatch(placeholder)
        if m:
            etype, n = m.group(1), int(m.group(2))
            self._counters[etype] = max(self._counters.get(etype, 0), n)

    def items(self) -> list[tuple[str, str, str]]:
        """``(entity_type, normalised value, placeholder)`` for the vault."""
        return [(t, v, p) for (t, v), p in self._ids.items()]


@dataclass
class RedactionResult:
    """Redacted text plus the log (which doubles as the offset map)."""

    redacted_text: str
    entries: list[RedactionEntry]
    originals: dict[str, str]
    """placeholder -> one original surface form, for the encrypted vault only (never packets)."""


def relabel(document: Document, result: RedactionResult, local: PseudonymTable,
            table: PseudonymTable) -> RedactionResult:
    """Re-number a document's placeholders with ``table`` (the run's), in text order.

    The redactor numbers placeholders with a fresh per-document table ``local``; this rebuilds
    the redacted text with the run-wide numbers, so a bare "Vandermeer" the document's own
    redaction found gets the number of the "Tobias Vandermeer" an earlier document named.  It
    also masks other mentions of a value redacted in this same document (:func:`value_repeats`).
    Nothing here depends on another document's *spans*: what a document masks is the same alone
    or in any run; only the numbers are the run's.  Because this happens in document order and
    in one process, the numbers are the same however many workers did the detection.
    Placeholders ``local`` did not issue (a plugin redactor's own) are kept.
    """
    text = document.text
    keys = {ph: (etype, key) for etype, key, ph in local.items()}
    mapping: dict[str, str] = {}
    for e in sorted(result.entries, key=lambda e: e.start):
        if e.placeholder in mapping:
            continue
        etype, key = keys.get(e.placeholder, (None, None))
        if etype == PERSON and key is not None:
            key = run_person_key(table.person_aliases, key)
        mapping[e.placeholder] = (e.placeholder if etype is None or key is None
                                  else table.placeholder(etype, "", key=key))
    spans: list[tuple[int, int, RedactionEntry | None, str, str]] = [
        (e.start, e.end, e, mapping[e.placeholder], e.entity_type) for e in result.entries]
    for start, end, repeated in value_repeats(text, result.entries, [s[:2] for s in spans]):
        spans.append((start, end, None, mapping[repeated.placeholder], repeated.entity_type))
    pieces: list[str] = []
    entries: list[RedactionEntry] = []
    pos = length = 0
    for start, end, entry, new, etype in sorted(spans, key=lambda s: s[0]):
        pieces.append(text[pos:start])
        red_start = length + start - pos
        pieces.append(new)
        length = red_start + len(new)
        update = {"placeholder": new, "redacted_start": red_start, "redacted_end": length}
        entries.append(entry.model_copy(update=update) if entry is not None else RedactionEntry(
            entity_type=etype, start=start, end=end, cite=document.lines.cite(start, end),
            recognizer=VALUE_REPEAT, score=0.85, **update))
        pos = end
    pieces.append(text[pos:])
    originals = {mapping.get(ph, ph): value for ph, value in result.originals.items()}
    return RedactionResult("".join(pieces), entries, originals)


#: Recognizer name of another mention of a value redacted elsewhere in the same document.
VALUE_REPEAT = "ValueRepeatPropagation"


def value_repeats(text: str, entries: list[RedactionEntry], covered: list[tuple[int, int]]
                  ) -> list[tuple[int, int, RedactionEntry]]:
    """Other mentions of values redacted in ``text``: ``(start, end, entry they repeat)``.

    "SILVERLINE ANALYTICS, INC." in a signature block repeats "Silverline Analytics, Inc." of
    the preamble.  Matching ignores case, accents, spacing and punctuation (the export's leak
    check does the same) and a leading article ("the Belt Line Road"), on word boundaries.  Only
    values of several words, or one word with a digit (an identifier), spread: one ordinary word
    wrongly tagged must not spread.  A transcript may wrap a mention over its line number
    ("Belt Line\n 9  Road"): the line number is stepped over and each line's piece is its own
    span, so the number stays readable.
    """
    by_first: dict[str, list[tuple[tuple[str, ...], RedactionEntry]]] = {}
    for e in entries:
        toks = tuple(tokens(text[e.start:e.end]))
        while len(toks) > 2 and toks[0] in _ARTICLES:
            toks = toks[1:]
        if len(toks) >= 2 or (toks and any(ch.isdigit() for ch in toks[0]) and len(toks[0]) >= 4):
            by_first.setdefault(toks[0], []).append((toks, e))
    if not by_first:
        return []
    words = token_spans(text)
    spans = sorted(covered)
    starts = [c[0] for c in spans]
    found: list[tuple[int, int, RedactionEntry]] = []
    i = 0
    while i < len(words):
        for toks, e in sorted(by_first.get(words[i][2], ()), key=lambda c: -len(c[0])):
            matched = _match_over_line_numbers(text, words, i, toks)
            if matched is None:
                continue
            start, end = words[i][0], words[matched[-1]][1]
            k = bisect.bisect_right(starts, start) - 1
            if (k >= 0 and spans[k][1] > start) or (k + 1 < len(spans) and spans[k + 1][0] < end):
                continue
            found += [(s, t, e) for s, t in _line_pieces(text, words, matched)]
            i = matched[-1]
            break
        i += 1
    return found


_ARTICLES = frozenset({"the", "a", "an"})


def _match_over_line_numbers(text: str, words: list[tuple[int, int, str]], i: int,
                             toks: tuple[str, ...]) -> list[int] | None:
    """Indexes of the words spelling ``toks`` from word ``i``, stepping over a transcript's
    line number at the start of a line; ``None`` if they do not."""
    matched: list[int] = []
    j = i
    for tok in toks:
        while (j < len(words) and words[j][2] != tok and matched and words[j][2].isdigit()
               and len(words[j][2]) <= 2 and "\n" in text[words[j - 1][1]:words[j][0]]):
            j += 1
        if j >= len(words) or words[j][2] != tok:
            return None
        matched.append(j)
        j += 1
    return matched


def _line_pieces(text: str, words: list[tuple[int, int, str]], matched: list[int]
                 ) -> list[tuple[int, int]]:
    """The matched words as one span per line."""
    pieces = [[matched[0], matched[0]]]
    for k in matched[1:]:
        if "\n" in text[words[pieces[-1][1]][1]:words[k][0]]:
            pieces.append([k, k])
        else:
            pieces[-1][1] = k
    return [(words[a][0], words[b][1]) for a, b in pieces]


class Redactor(ABC):
    """Turns a document's original text into redacted text.  Provided by ``lpo_review_redactor``."""

    name: str = "redactor"
    version: str = "0"

    @abstractmethod
    def redact(self, document: Document, pseudonyms: PseudonymTable) -> RedactionResult:
        """Detect personal data in ``document.text`` under the configured profile and replace it."""
