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
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from lpo_review.confidential.keys import load_verify_key, raw_public
from lpo_review.confidential.vendors import Matter
from lpo_review.errors import GuardRefusal, LpoReviewError
from lpo_review.model import Packet, SignOff

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
    reasons = [r.strip() for r in (reasons or []) if r.strip()]
    acknowledged = sorted(set(acknowledged or []))
    if packet.signoff is not None or packet.status != "pending_attorney_review":
        raise GuardRefusal(
            f"{packet.doc_id}: already {packet.status}; only a packet pending attorney review "
            "can be signed off"
        )
    if not attorney.strip() or not bar_number.strip():
        raise GuardRefusal("sign-off needs the attorney's name and bar number")
    flagged = flagged_findings(packet)
    unknown = [a for a in acknowledged if a not in flagged]
    if unknown:
        raise GuardRefusal(
            f"{packet.doc_id}: {', '.join(unknown)} is not a finding that needs acknowledgement "
            f"(those are: {', '.join(flagged) or 'none'})"
        )
    if decision == "approved":
        missing = [f"{ref} ({label})" for ref, label in flagged.items() if ref not in acknowledged]
        if missing:
            raise GuardRefusal(
                f"{packet.doc_id}: cannot approve before acknowledging each flagged finding: "
                + ", ".join(missing)
            )
    elif not reasons:
        raise GuardRefusal(f"{packet.doc_id}: returning a packet needs at least one reason")
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
        content_sha256=content_sha256(packet),
        public_key=base64.b64encode(public).decode(),
        signature="",
    )
    signature = base64.b64encode(key.sign(_statement(unsigned))).decode()
    signed = unsigned.model_copy(update={"signature": signature})
    return packet.model_copy(update={"signoff": signed, "status": decision})


@dataclass(frozen=True)
class Verification:
    """Outcome of checking one packet's sign-off."""

    doc_id: str
    ok: bool
    status: str
    problem: str = ""


def verify_packet(packet: Packet, matter: Matter | None = None) -> Verification:
    """Check the signature and that not one byte of the signed content changed since."""
    so = packet.signoff
    if so is None:
        return Verification(packet.doc_id, False, packet.status, "not signed off")
    try:
        public = base64.b64decode(so.public_key, validate=True)
        signature = base64.b64decode(so.signature, validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _statement(so))
    except (ValueError, InvalidSignature):
        return Verification(
            packet.doc_id,
            False,
            packet.status,
            "INVALID SIGNATURE: the sign-off record was altered or signed with another key",
        )
    now = content_sha256(packet)
    if now != so.content_sha256:
        return Verification(
            packet.doc_id,
            False,
            packet.status,
            f"TAMPERED: the packet changed after sign-off (signed content sha256 "
            f"{so.content_sha256[:16]}…, now {now[:16]}…)",
        )
    if packet.status != so.decision:
        return Verification(
            packet.doc_id,
            False,
            packet.status,
            f"TAMPERED: status is {packet.status!r} but the attorney signed {so.decision!r}",
        )
    try:
        _check_attorney(matter, so.attorney, so.bar_number, public)
    except SignatureError as exc:
        return Verification(packet.doc_id, False, packet.status, str(exc))
    return Verification(packet.doc_id, True, packet.status)
