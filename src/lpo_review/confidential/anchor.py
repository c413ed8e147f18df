"""Audit anchors: the head of a matter's audit log, signed by an attorney, kept elsewhere.

The hash chain (:mod:`~lpo_review.confidential.audit`) shows an entry edited, removed or
reordered; but someone with the file can rewrite an entry and recompute every hash after it, and
the new chain verifies.  An anchor is the number and hash of one entry, signed with an
attorney's Ed25519 key, written to a small JSON file the firm keeps outside the matter folder
(a document system, an e-mail to itself).  Later, :func:`check_anchor` finds that entry in the
log again: a recomputed chain, or one cut before the anchored entry, no longer has it.

Making an anchor verifies the chain first (a broken log is not anchored) and is itself audited
(``audit_anchor``); the anchor covers that entry too.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from lpo_review.confidential.audit import AuditError, AuditLog
from lpo_review.confidential.keys import load_verify_key, raw_public
from lpo_review.confidential.vendors import Matter

FORMAT = "lpo-review-audit-anchor/1"
_PREFIX = b"lpo-review audit anchor v1|"


@dataclass(frozen=True)
class Anchor:
    """One signed audit head."""

    seq: int
    head: str
    at: str
    attorney: str
    public_key: str
    """The signer's raw Ed25519 public key, base64."""
    signature: str

    def statement(self) -> bytes:
        return _PREFIX + f"{self.seq}|{self.head}|{self.at}|{self.attorney}".encode()

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **self.__dict__}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Anchor:
        try:
            data = json.loads(text)
            if data.pop("format", None) != FORMAT:
                raise ValueError("not an audit anchor")
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise AuditError(f"not an audit anchor ({exc})") from None


def make_anchor(log: AuditLog, key: Ed25519PrivateKey, attorney: str, actor: str) -> Anchor:
    """Verify ``log``, record the anchoring in it, and sign its head with ``key``."""
    problems = log.verify()
    if problems:
        raise AuditError("the audit log does not verify, so it is not anchored: "
                         + "; ".join(problems))
    log.append(actor, "audit_anchor", [], {"attorney": attorney})
    seq, head = log.head()
    unsigned = Anchor(seq, head, datetime.now(UTC).isoformat(timespec="seconds"), attorney,
                      base64.b64encode(raw_public(key.public_key())).decode(), "")
    signature = base64.b64encode(key.sign(unsigned.statement())).decode()
    return Anchor(**{**unsigned.__dict__, "signature": signature})


def check_anchor(log: AuditLog, anchor: Anchor, matter: Matter | None = None) -> list[str]:
    """Problems with ``anchor`` against ``log`` (empty: the log still holds the anchored entry
    unchanged).  With a ``matter`` that registers attorneys, the signer must be one of them."""
    try:
        public = base64.b64decode(anchor.public_key, validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(anchor.signature, validate=True), anchor.statement())
    except (InvalidSignature, ValueError):
        return ["the anchor's signature does not verify (the anchor file was edited)"]
    if matter is not None and matter.attorneys and not any(
        raw_public(load_verify_key(a.public_key)) == public for a in matter.attorneys
    ):
        return ["the anchor is not signed by one of the matter's registered attorneys"]
    entries = {e.seq: e.hash for e in log.entries()}
    if anchor.seq not in entries:
        return [f"entry {anchor.seq}, anchored on {anchor.at} by {anchor.attorney}, is gone "
                "(the log was cut or replaced)"]
    if entries[anchor.seq] != anchor.head:
        return [f"entry {anchor.seq} no longer has the hash anchored on {anchor.at} by "
                f"{anchor.attorney} (the log was rewritten and its chain recomputed)"]
    return []


def read_anchor(path: Path) -> Anchor:
    return Anchor.from_json(Path(path).read_text(encoding="utf-8"))
