"""The data that flows through the engine: documents, line maps, redactions, findings, packets.

Data flows one way::

    file --read--> Document --redact--> Redaction --stages--> findings/drafts --guard--> Packet

``Document`` and ``LineMap`` live in memory only.  Everything that is written to disk
(``Packet`` and what it holds) is a pydantic model, so the packet's JSON Schema is generated from
the same classes that write it (``lpo_review.packets.schema``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Version of the packet JSON layout.  Bump the minor number for additions, the major for changes.
SCHEMA_VERSION = "1.1"

DocumentKind = Literal["contract", "deposition", "medical", "email", "other"]
DOCUMENT_KINDS: tuple[str, ...] = ("contract", "deposition", "medical", "email", "other")

PacketStatus = Literal["pending_attorney_review", "approved", "returned"]

_LINE_BREAK = re.compile(r"[\n\f]")


# --------------------------------------------------------------------------------------------
# In-memory document
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineMap:
    """Maps character offsets of a text to the page and line a lawyer would cite.

    ``starts[i]`` is the offset at which line *i* begins; ``pages[i]`` and ``numbers[i]`` are
    that line's page and line number (1-based).  For a deposition transcript these are the
    transcript's own numbers; otherwise physical pages (PDF pages, form feeds) and lines counted
    within each page.
    """

    starts: tuple[int, ...]
    pages: tuple[int, ...]
    numbers: tuple[int, ...]
    labels: tuple[str, ...] = ()
    """A line's own citation instead of page:line, where it has one (an e-mail's header
    fields: ``hdr:to``); empty for none."""

    @classmethod
    def from_text(cls, text: str, page_starts: list[int] | None = None) -> LineMap:
        """Build a map where lines are split on ``\\n`` and pages start at ``page_starts``.

        Without ``page_starts``, form feeds (``\\f``) start new pages.
        """
        breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        if page_starts is None:
            page_starts = [i + 1 for i in breaks if text[i] == "\f"]
        page_set = sorted(set(page_starts) | {0})
        starts = [0] + [i + 1 for i in breaks if i + 1 < len(text)]
        pages: list[int] = []
        numbers: list[int] = []
        page_idx, number = 0, 0
        for line_start in starts:
            while page_idx + 1 < len(page_set) and page_set[page_idx + 1] <= line_start:
                page_idx += 1
                number = 0
            number += 1
            pages.append(page_idx + 1)
            numbers.append(number)
        return cls(tuple(starts), tuple(pages), tuple(numbers))

    def locate(self, offset: int) -> tuple[int, int]:
        """Return ``(page, line)`` of the character at ``offset``."""
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.pages[i], self.numbers[i]

    def cite(self, start: int, end: int | None = None) -> str:
        """Citation of a span: ``"3:12"`` or ``"3:12-4:2"`` (page:line), or the label of a
        labelled line (``"hdr:to"``)."""
        if self.labels:
            first = self.labels[max(0, bisect.bisect_right(self.starts, start) - 1)]
            if first:
                last = self.labels[max(0, bisect.bisect_right(self.starts, (end or start) - 1) - 1)]
                return f"{first}-{last}" if end and last and last != first else first
        p1, l1 = self.locate(start)
        if end is None or end <= start:
            return f"{p1}:{l1}"
        p2, l2 = self.locate(end - 1)
        if (p1, l1) == (p2, l2):
            return f"{p1}:{l1}"
        return f"{p1}:{l1}-{p2}:{l2}"

    @property
    def page_count(self) -> int:
        return self.pages[-1] if self.pages else 0


@dataclass
class Document:
    """One source document, as a reader extracted it.  Never written to disk as such."""

    source: str
    """Path (or label) the document came from.  Stays with the firm: never in vendor packets."""
    sha256: str
    """SHA-256 of the source bytes (hex)."""
    text: str
    """Extracted text.  All offsets in findings and the redaction log index this string."""
    lines: LineMap
    fmt: str
    """Reader that produced it: ``txt``, ``docx``, ``pdf``, ``text`` (in memory), or a plugin's."""
    kind: str = "other"
    meta: dict[str, Any] = field(default_factory=dict)
    """Reader notes (encoding, page count, warnings).  No client metadata (author...)."""

    @property
    def words(self) -> int:
        return len(self.text.split())


# --------------------------------------------------------------------------------------------
# Serialised records
# --------------------------------------------------------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RedactionEntry(_Record):
    """One redacted span.  Holds where and what kind, never the original value."""

    entity_type: str
    start: int = Field(description="Offset of the span in the original extracted text.")
    end: int
    redacted_start: int = Field(description="Offset of the placeholder in redacted_text.")
    redacted_end: int
    cite: str = Field(description="page:line of the span in the source.")
    recognizer: str
    score: float
    placeholder: str


class Finding(_Record):
    """Something a stage found, with the span it cites.

    ``start``/``end`` index the text the stage saw (``redacted_text``, unless the stage was
    trusted with originals); ``cite`` is always the source's page:line.
    """

    stage: str
    label: str
    start: int
    end: int
    cite: str
    text: str = Field(default="", description="Excerpt as the stage saw it (redacted).")
    score: float | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    plugin: str = ""
    plugin_version: str = ""


class Draft(_Record):
    """A drafted work product (digest, chronology, abstract): a table of rows with citations."""

    stage: str
    kind: str = Field(description="e.g. deposition_digest, medical_chronology, contract_abstract")
    title: str
    columns: list[str]
    rows: list[dict[str, Any]]
    notes: list[str] = Field(default_factory=list)
    label_columns: list[str] = Field(
        default_factory=list,
        description="Columns whose cells are labels from a fixed vocabulary (an issue, a "
                    "ground of objection), not drafted sentences; the guard does not read them.")
    quoted_columns: list[str] = Field(
        default_factory=list,
        description="Columns whose cells are the source document's own words, copied (a "
                    "record's plan, a clause's text); the guard does not judge them: a "
                    "document's words are evidence, not the drafter's advice.")
    plugin: str = ""
    plugin_version: str = ""


class StageRecord(_Record):
    """Which stage ran, from which plugin, and how long it took."""

    name: str
    plugin: str
    plugin_version: str
    saw_original: bool
    seconds: float
    findings: int
    notes: list[str] = Field(default_factory=list,
                             description="What the stage reports beside its findings, e.g. "
                                         "'No Governing Law clause found'.")


class SignOff(_Record):
    """Placeholder for the attorney's decision; filled by ``lpo-review signoff``."""

    attorney: str
    bar_number: str
    decision: Literal["approved", "returned"]
    reasons: list[str] = Field(default_factory=list)
    acknowledged: list[str] = Field(default_factory=list)
    signed_at: str
    content_sha256: str
    public_key: str
    signature: str


class Packet(_Record):
    """The review packet: one per document, pending an attorney's sign-off."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(description="Neutral document ID (DOC-xxxxxxxxxxxx), derived from sha256.")
    source_name: str = Field(description="Source file name; firm-internal, never exported.")
    source_sha256: str
    source_format: str
    kind: str
    profile: str
    pages: int
    words: int
    redacted_text: str
    redactions: list[RedactionEntry]
    findings: list[Finding]
    drafts: list[Draft] = Field(default_factory=list)
    stages: list[StageRecord]
    engine_version: str
    created_at: str
    status: PacketStatus = "pending_attorney_review"
    signoff: SignOff | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class OffsetMap:
    """Maps offsets in the redacted text back to the original text (and so to page:line).

    Built from the redaction log: outside placeholders, text is shifted by the length
    difference of the placeholders before it; inside a placeholder, an offset maps to the start
    (or, for an end offset, the end) of the span it replaced.
    """

    def __init__(self, redactions: list[RedactionEntry]):
        ordered = sorted(redactions, key=lambda r: r.redacted_start)
        self._red_starts = [r.redacted_start for r in ordered]
        self._orig_starts = [r.start for r in ordered]
        self._entries = ordered

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """Original offset for a redacted-text offset (``end=True`` for half-open span ends)."""
        i = bisect.bisect_right(self._red_starts, offset - (1 if end else 0)) - 1
        if i < 0:
            return offset
        r = self._entries[i]
        if offset < r.redacted_end or (end and offset == r.redacted_end):
            inside_end = end and offset > r.redacted_start
            return r.end if inside_end else r.start
        return r.end + (offset - r.redacted_end)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end, end=True)

    def to_redacted(self, offset: int, *, end: bool = False) -> int:
        """Redacted-text offset for an original offset (a redacted span maps to its placeholder)."""
        i = bisect.bisect_right(self._orig_starts, offset - (1 if end else 0)) - 1
        if i < 0:
            return offset
        r = self._entries[i]
        if offset < r.end or (end and offset == r.end):
            inside_end = end and offset > r.start
            return r.redacted_end if inside_end else r.redacted_start
        return r.redacted_end + (offset - r.end)

    def span_to_redacted(self, start: int, end: int) -> tuple[int, int]:
        return self.to_redacted(start), self.to_redacted(end, end=True)


def doc_id_for(sha256: str) -> str:
    """Neutral, stable document ID derived from the content hash (never from the file name)."""
    return "DOC-" + sha256[:12].upper()
