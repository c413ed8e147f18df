"""What a reader of a packet sees, independent of the file format (DOCX, HTML...).

Renderers turn a :class:`PacketView` into their format; the choice of what to show (and what to
withhold from a vendor) is made once, here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lpo_review.guard.stage import vendor_drafts
from lpo_review.model import Draft, Packet
from lpo_review.packets.render import Audience


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


@dataclass
class Segment:
    """A run of the redacted text: plain, or a placeholder (``entity_type`` set)."""

    text: str
    entity_type: str | None = None


@dataclass
class PacketView:
    title: str
    audience: Audience
    info: list[tuple[str, str]]
    tables: list[Table]
    segments: list[Segment]
    signoff: list[tuple[str, str]]
    """Sign-off block fields (empty values for an unsigned packet; none for a vendor)."""


def cell_text(value: Any) -> str:
    """A draft cell as text: empty for None, a list joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    return str(value)


def _draft_table(draft: Draft) -> Table:
    rows = [[cell_text(row.get(c)) for c in draft.columns] for row in draft.rows]
    return Table(draft.title, list(draft.columns), rows, list(draft.notes))


def segments(packet: Packet) -> list[Segment]:
    """Split the redacted text into plain runs and placeholders."""
    out: list[Segment] = []
    pos = 0
    text = packet.redacted_text
    for r in sorted(packet.redactions, key=lambda e: e.redacted_start):
        if r.redacted_start > pos:
            out.append(Segment(text[pos:r.redacted_start]))
        out.append(Segment(text[r.redacted_start:r.redacted_end], r.entity_type))
        pos = r.redacted_end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def build_view(packet: Packet, audience: Audience = "attorney") -> PacketView:
    """Decide what a packet shows to ``audience``.

    The vendor sees no source name or hash, no guard findings, no sign-off details, and every
    drafted sentence the guard flagged is withheld unless the attorney acknowledged it.
    """
    vendor = audience == "vendor"
    info = [("Document ID", packet.doc_id)]
    if not vendor:
        info.append(("Source file", packet.source_name))
        info.append(("Source SHA-256", packet.source_sha256))
    info += [
        ("Kind", packet.kind),
        ("Pages", str(packet.pages)),
        ("Words", str(packet.words)),
        ("Redaction profile", packet.profile),
        ("Status", packet.status),
    ]
    tables: list[Table] = []
    counts = Counter(r.entity_type for r in packet.redactions)
    tables.append(Table(
        "Redaction log summary", ["Entity type", "Redactions", "Distinct placeholders"],
        [[t, str(n), str(len({r.placeholder for r in packet.redactions if r.entity_type == t}))]
         for t, n in sorted(counts.items())],
    ))
    notes = [[r.name, note] for r in packet.stages for note in r.notes]
    if notes:
        tables.append(Table("Stage notes", ["Stage", "Note"], notes))
    drafts = vendor_drafts(packet) if vendor else packet.drafts
    tables += [_draft_table(draft) for draft in drafts]
    guard = [(i, f) for i, f in enumerate(packet.findings) if f.stage == "guard"]
    if guard and not vendor:
        tables.append(Table(
            "Guard findings (attorney must acknowledge each before approval)",
            ["ID", "Finding", "Cite", "Text", "Reason"],
            [[f"F{i}", f.label, f.cite, f.text, cell_text(f.data.get("reason"))] for i, f in guard],
        ))
    other = [f for f in packet.findings if f.stage != "guard"]
    if other:
        tables.append(Table(
            "Findings", ["Stage", "Finding", "Cite", "Score", "Text"],
            [[f.stage, f.label, f.cite, "" if f.score is None else f"{f.score:.2f}",
              f.text if len(f.text) <= 400 else f.text[:400] + " ..."] for f in other],
        ))
    s = packet.signoff
    signoff = [] if vendor else [
        ("Attorney", s.attorney if s else ""),
        ("Bar number", s.bar_number if s else ""),
        ("Date", s.signed_at if s else ""),
        ("Decision", s.decision if s else "pending attorney review"),
    ]
    return PacketView(
        title=f"Vendor packet {packet.doc_id}" if vendor else f"Review packet {packet.doc_id}",
        audience=audience, info=info, tables=tables, segments=segments(packet), signoff=signoff,
    )
