"""The redactor contract and the pseudonym table shared by every document of a run."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from lpo_review.model import Document, RedactionEntry


class PseudonymTable:
    """Gives each distinct (entity type, normalised value) a stable placeholder like ``<PERSON_1>``.

    One table per run (or per document, with ``pseudonym_scope = "document"``).  The table holds
    original values in memory only; the re-identification vault persists them encrypted.
    Not thread-safe: one per process, like the engine.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._counters: dict[str, int] = {}

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


def relabel(
    text: str, result: RedactionResult, local: PseudonymTable, table: PseudonymTable
) -> RedactionResult:
    """Re-number a document's placeholders with ``table`` (the run's), in text order.

    The redactor numbers placeholders with a fresh per-document table ``local``; this rebuilds
    the redacted text with the run-wide numbers.  Because numbering happens here, in document
    order and in one process, the result is the same however many workers did the detection.
    Placeholders ``local`` did not issue (a plugin redactor's own) are kept as they are.
    """
    keys = {ph: (etype, key) for etype, key, ph in local.items()}
    mapping: dict[str, str] = {}
    pieces: list[str] = []
    entries: list[RedactionEntry] = []
    pos = length = 0
    for e in sorted(result.entries, key=lambda e: e.start):
        if e.placeholder not in mapping:
            etype, key = keys.get(e.placeholder, (None, None))
            mapping[e.placeholder] = (
                e.placeholder if etype is None else table.placeholder(etype, "", key=key)
            )
        new = mapping[e.placeholder]
        pieces.append(text[pos : e.start])
        red_start = length + e.start - pos
        pieces.append(new)
        length = red_start + len(new)
        entries.append(
            e.model_copy(
                update={
                    "placeholder": new,
                    "redacted_start": red_start,
                    "redacted_end": red_start + len(new),
                }
            )
        )
        pos = e.end
    pieces.append(text[pos:])
    originals = {mapping.get(ph, ph): value for ph, value in result.originals.items()}
    return RedactionResult("".join(pieces), entries, originals)


class Redactor(ABC):
    """Turns a document's original text into redacted text.  Provided by ``lpo_review_redactor``."""

    name: str = "redactor"
    version: str = "0"

    @abstractmethod
    def redact(self, document: Document, pseudonyms: PseudonymTable) -> RedactionResult:
        """Detect personal data in ``document.text`` under the configured profile and replace it."""
