"""Re-identification for internal use: a packet (or one finding) with original values restored.

Needs the vault key; every reveal is audited (document ID, packet hash, what was revealed and how
many values, never the values).
"""

from __future__ import annotations

from pathlib import Path

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.signoff import content_sha256
from lpo_review.confidential.vault import (
    VAULT_DIR,
    VaultError,
    VaultValue,
    read_all,
    read_vault_entry,
    read_vault_spans,
    reidentify,
    restore_spans,
)
from lpo_review.errors import LpoReviewError
from lpo_review.model import Packet


def _lookup(out_dir: Path, doc_id: str, key: bytes) -> dict[str, VaultValue]:
    """The document's own entry first; then the run's other entries (pseudonyms are run-wide)."""
    own = read_vault_entry(out_dir, doc_id, key)
    merged: dict[str, VaultValue] = {}
    for values in read_all(out_dir, key).values():
        merged.update(values)
    merged.update(own)
    return merged


def reveal(
    out_dir: Path,
    packet: Packet,
    key: bytes,
    *,
    finding: int | None = None,
    actor: str | None = None,
) -> str:
    """The packet's text (or finding ``finding``'s excerpt) with original values restored.

    ``out_dir`` must be a matter folder (with its vault): a packet copied elsewhere is refused
    before anything is written there, so no reveal is audited into a copy's own log."""
    if not (Path(out_dir) / VAULT_DIR).is_dir():
        raise LpoReviewError(
            f"{out_dir}: not a matter folder (no vault); reveal a packet in the matter folder "
            "it was reviewed into"
        )
    audit = AuditLog.for_matter(Path(out_dir))
    actor = actor or default_actor()
    documents = [{"doc_id": packet.doc_id, "sha256": content_sha256(packet)}]
    try:
        values = _lookup(Path(out_dir), packet.doc_id, key)
        spans = read_vault_spans(Path(out_dir), packet.doc_id, key)
    except VaultError as exc:
        audit.append(actor, "reveal_refused", documents, {"reason": str(exc)})
        raise
    if finding is None and spans is not None and len(spans) == len(packet.redactions):
        revealed = restore_spans(packet.redacted_text, packet.redactions, spans)
        audit.append(actor, "reveal", documents, {"what": "packet", "values_revealed": len(spans)})
        return revealed
    if finding is None:
        text, what = packet.redacted_text, "packet"
    else:
        if not 0 <= finding < len(packet.findings):
            raise LpoReviewError(
                f"{packet.doc_id}: no finding {finding} (it has {len(packet.findings)})"
            )
        f = packet.findings[finding]
        text, what = f"[{f.cite}] {f.label}: {f.text}", f"finding F{finding}"
    revealed, count = reidentify(text, values)
    audit.append(actor, "reveal", documents, {"what": what, "values_revealed": count})
    return revealed
