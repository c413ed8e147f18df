"""The redactor contract and the pseudonym table shared by every document of a run."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from lpo_review.model import Document, RedactionEntry
from lpo_review.redact.names import PERSON, AliasBook, alias_mentions, run_person_key


class PseudonymTable:
    """Gives each distinct (entity type, normalised value) a stable placeholder like ``<PERSON_1>``.

    One table per run (or per document, with ``pseudonym_scope = "document"``).  The table holds
    original values in memory only; the re-identification vault persists them encrypted.
    Not thread-safe: one per process, like the engine.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._counters: dict[str, int] = {}
        self.person_aliases = AliasBook()
        """Name words of the people this table has seen (links a later bare surname)."""

    @staticmethod
    def normalise(value: str) -> str:
        return " ".join(value.casefold().replace(".", " ").split())

    def placeholder(self, entity_type: str, value: str, key: str | None = None) -> str:
        """Placeholder for ``value``; ``key`` overrides the normalised value used to match."""
        k = (entity_type, key if key is not None else self.normalise(value))
        found = self._ids.get(k)
        if found is None:
            n = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = n
            found = f"<{entity_type}_{n}>"
            self._ids[k] = found
        return found

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
    the redacted text with the run-wide numbers.  It also masks bare name parts of people an
    earlier document of the run named in full ("Vandermeer" after "Tobias Vandermeer"), which a
    redactor that sees one document at a time cannot know.  Because this happens here, in
    document order and in one process, the result is the same however many workers did the
    detection.  Placeholders ``local`` did not issue (a plugin redactor's own) are kept.
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
    spans = [(e.start, e.end, e, mapping[e.placeholder]) for e in result.entries]
    originals = {mapping.get(ph, ph): value for ph, value in result.originals.items()}
    for start, end, key in alias_mentions(text, table.person_aliases,
                                          [(e.start, e.end) for e in result.entries]):
        placeholder = table.placeholder(PERSON, "", key=key)
        originals.setdefault(placeholder, text[start:end])
        spans.append((start, end, None, placeholder))
    pieces: list[str] = []
    entries: list[RedactionEntry] = []
    pos = length = 0
    for start, end, e, new in sorted(spans, key=lambda s: s[0]):
        pieces.append(text[pos:start])
        red_start = length + start - pos
        pieces.append(new)
        length = red_start + len(new)
        update = {"placeholder": new, "redacted_start": red_start, "redacted_end": length}
        entries.append(e.model_copy(update=update) if e is not None else RedactionEntry(
            entity_type=PERSON, start=start, end=end, cite=document.lines.cite(start, end),
            recognizer=RUN_PROPAGATION, score=0.85, **update))
        pos = end
    pieces.append(text[pos:])
    return RedactionResult("".join(pieces), entries, originals)


#: Recognizer name of bare name parts linked to a full name seen in an earlier document.
RUN_PROPAGATION = "RunNameRepeatPropagation"


class Redactor(ABC):
    """Turns a document's original text into redacted text.  Provided by ``lpo_review_redactor``."""

    name: str = "redactor"
    version: str = "0"

    @abstractmethod
    def redact(self, document: Document, pseudonyms: PseudonymTable) -> RedactionResult:
        """Detect personal data in ``document.text`` under the configured profile and replace it."""
