"""Attorney sign-off: an Ed25519 signature over the packet's canonical content.

The signed statement binds the content hash to the decision, the attorney, the reasons, the
acknowledged findings and the time, so none of them can be changed after signing.  A packet
whose findings include advice-like language or an out-of-scope task cannot be approved unless
the attorney acknowledges each such finding by its reference (``F<index>``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from lpo_review.confidential.audit import AuditLog
from lpo_review.confidential.keys import load_verify_key, raw_public
from lpo_review.confidential.vendors import Matter
from lpo_review.config import Config
from lpo_review.errors import GuardRefusal, LpoReviewError
from lpo_review.model import Packet, SignOff
from lpo_review.packets.render import render_packet
from lpo_review.packets.store import PacketStore

#: Finding labels the attorney must acknowledge one by one before approving.
ACKNOWLEDGE_LABELS = frozenset({"advice_language", "out_of_scope_task"})
_STATEMENT_PREFIX = b"lpo-review signoff v1\n"


class SignatureError(LpoReviewError):
    """A sign-off is missing, invalid, or the packet changed since it was signed."""


def canonical_content(packet: Packet) -> bytes:
    """The signed bytes: the packet without ``status``/``signoff``, sorted keys, no whitespace.

    Fields holding their default value are left out (``schema_version`` always stays in), so a
    later schema version that adds a field with a default does not break old signatures.
    """
    data = packet.model_dump(mode="json", exclude={"status", "signoff"}, exclude_defaults=True)
    data["schema_version"] = packet.schema_version
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_sha256(packet: Packet) -> str:
    return hashlib.sha256(canonical_content(packet)).hexdigest()


def finding_ref(index: int) -> str:
    """How a finding is named for acknowledgement: ``F0``, ``F1``... (its index)."""
    return f"F{index}"


def flagged_findings(packet: Packet) -> dict[str, str]:
    """Findings needing acknowledgement: reference -> label."""
    return {
        finding_ref(i): f.label
        for i, f in enumerate(packet.findings)
        if f.label in ACKNOWLEDGE_LABELS
    }


def _statement(signoff: SignOff) -> bytes:
    fields = signoff.model_dump(mode="json", exclude={"signature"})
    return (
        _STATEMENT_PREFIX
        + json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    )


def _check_attorney(matter: Matter | None, attorney: str, bar_number: str, public: bytes) -> None:
    if matter is None or not matter.attorneys:
        return
    for registered in matter.attorneys:
        key = raw_public(load_verify_key(registered.public_key))
        if key == public:
            if registered.bar_number != bar_number or registered.name != attorney:
                raise SignatureError(
                    f"the signing key belongs to {registered.name} ({registered.bar_number}), "
                    f"not {attorney} ({bar_number})"
                )
            return
    raise SignatureError("the signing key is not one of the matter's registered attorneys")


def make_signoff(
    subject: str,
    content: str,
    flagged: dict[str, str],
    *,
    attorney: str,
    bar_number: str,
    key: Ed25519PrivateKey,
    decision: Literal["approved", "returned"],
    reasons: list[str] | None = None,
    acknowledged: list[str] | None = None,
    matter: Matter | None = None,
    now: datetime | None = None,
) -> SignOff:
    """An attorney's signed decision on ``subject`` (a packet, a vendor's work product) whose
    canonical content hashes to ``content``; ``flagged`` (reference -> label) must each be
    acknowledged before approval, and a return needs a reason."""
    reasons = [r.strip() for r in (reasons or []) if r.strip()]
    acknowledged = sorted(set(acknowledged or []))
    if not attorney.strip() or not bar_number.strip():
        raise GuardRefusal("sign-off needs the attorney's name and bar number")
    unknown = [a for a in acknowledged if a not in flagged]
    if unknown:
        raise GuardRefusal(
            f"{subject}: {', '.join(unknown)} is not a finding that needs acknowledgement "
            f"(those are: {', '.join(flagged) or 'none'})"
        )
    if decision == "approved":
        missing = [f"{ref} ({label})" for ref, label in flagged.items() if ref not in acknowledged]
        if missing:
            raise GuardRefusal(
                f"{subject}: cannot approve before acknowledging each flagged finding: "
                + ", ".join(missing)
            )
    elif not reasons:
        raise GuardRefusal(f"{subject}: returning it needs at least one reason")
    public = raw_public(key.public_key())
    _check_attorney(matter, attorney, bar_number, public)
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    unsigned = SignOff(
        attorney=attorney,
        bar_number=bar_number,
        decision=decision,
        reasons=reasons,
        acknowledged=acknowledged,
        signed_at=at,
        content_sha256=content,
        public_key=base64.b64encode(public).decode(),
        signature="",
    )
    signature = base64.b64encode(key.sign(_statement(unsigned))).decode()
    return unsigned.model_copy(update={"signature": signature})


def sign_packet(
    packet: Packet,
    *,
    attorney: str,
    bar_number: str,
    key: Ed25519PrivateKey,
    decision: Literal["approved", "returned"],
    reasons: list[str] | None = None,
    acknowledged: list[str] | None = None,
    matter: Matter | None = None,
    now: datetime | None = None,
) -> Packet:
    """A copy of ``packet`` carrying a signed decision; refused if the rules are not met."""
    if packet.signoff is not None or packet.status != "pending_attorney_review":
        raise GuardRefusal(
            f"{packet.doc_id}: already {packet.status}; only a packet pending attorney review "
            "can be signed off"
        )
    signed = make_signoff(packet.doc_id, content_sha256(packet), flagged_findings(packet),
                          attorney=attorney, bar_number=bar_number, key=key, decision=decision,
                          reasons=reasons, acknowledged=acknowledged, matter=matter, now=now)
    return packet.model_copy(update={"signoff": signed, "status": decision})


@dataclass(frozen=True)
class Verification:
    """Outcome of checking one packet's sign-off."""

    doc_id: str
    ok: bool
    status: str
    problem: str = ""


def signoff_problem(so: SignOff, content: str, status: str, what: str,
                    matter: Matter | None = None) -> str:
    """Why a sign-off does not hold for content hashing to ``content`` with ``status`` (empty
    when it does): a bad signature, content changed since, a status not the one signed, or a
    key that is not a registered attorney's."""
    try:
        public = base64.b64decode(so.public_key, validate=True)
        signature = base64.b64decode(so.signature, validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _statement(so))
    except (ValueError, InvalidSignature):
        return "INVALID SIGNATURE: the sign-off record was altered or signed with another key"
    if content != so.content_sha256:
        return (f"TAMPERED: the {what} changed after sign-off (signed content sha256 "
                f"{so.content_sha256[:16]}…, now {content[:16]}…)")
    if status != so.decision:
        return f"TAMPERED: status is {status!r} but the attorney signed {so.decision!r}"
    try:
        _check_attorney(matter, so.attorney, so.bar_number, public)
    except SignatureError as exc:
        return str(exc)
    return ""


def verify_packet(packet: Packet, matter: Matter | None = None) -> Verification:
    """Check the signature and that not one byte of the signed content changed since."""
    so = packet.signoff
    if so is None:
        return Verification(packet.doc_id, False, packet.status, "not signed off")
    problem = signoff_problem(so, content_sha256(packet), packet.status, "packet", matter)
    return Verification(packet.doc_id, not problem, packet.status, problem)


def approval_problem(packet: Packet, matter: Matter | None = None) -> str:
    """Why ``packet`` may not leave the firm (empty when it may): not approved, or a sign-off
    that does not verify (what the vendor export and a production both require)."""
    if packet.status != "approved":
        return f"not approved (status {packet.status})"
    return verify_packet(packet, matter).problem


def record_signoff(
    out_dir: Path,
    packet: Packet,
    *,
    attorney: str,
    bar_number: str,
    key: Ed25519PrivateKey,
    decision: Literal["approved", "returned"],
    reasons: list[str] | None = None,
    acknowledged: list[str] | None = None,
    matter: Matter | None = None,
    config: Config | None = None,
    actor: str | None = None,
    details: dict[str, Any] | None = None,
) -> Packet:
    """Sign ``packet`` (:func:`sign_packet`), write it and its renderings into the matter
    folder ``out_dir`` and audit it (``signoff``); a refusal is audited (``signoff_refused``)
    and re-raised.  What ``lpo-review signoff`` runs; ``actor`` defaults to the attorney,
    ``details`` are added to the audit entry."""
    audit = AuditLog.for_matter(Path(out_dir))
    documents = [{"doc_id": packet.doc_id, "sha256": content_sha256(packet)}]
    try:
        signed = sign_packet(packet, attorney=attorney, bar_number=bar_number, key=key,
                             decision=decision, reasons=reasons, acknowledged=acknowledged,
                             matter=matter)
    except LpoReviewError as exc:
        audit.append(actor or attorney, "signoff_refused", documents,
                     {"reason": str(exc), **(details or {})})
        raise
    PacketStore(out_dir).write(signed, render_packet(signed, config or Config()))
    audit.append(actor or attorney, "signoff", documents, {
        "decision": decision,
        "bar_number": bar_number,
        "acknowledged": signed.signoff.acknowledged if signed.signoff else [],
        "reasons": len(reasons or []),
        **(details or {}),
    })
    return signed
