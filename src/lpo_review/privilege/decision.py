"""The attorney's privilege decision on a document the screen flagged (or any other).

``privileged`` with ``withhold`` keeps the whole document out of exports and productions (a slip
sheet takes its Bates number and the privilege log lists it); ``privileged`` with ``redact``
produces it with the listed line ranges boxed as ``PRIVILEGED``; ``not privileged`` releases it.
A decision is signed like a packet sign-off (same key, same registered attorneys), binds the
packet's content hash, is stored in ``OUT_DIR/privilege/DOC-….json`` and audited.  Privileged
documents never go to a vendor.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ConfigDict, Field

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.signoff import content_sha256, make_signoff, signoff_problem
from lpo_review.confidential.vendors import Matter
from lpo_review.errors import GuardRefusal, LpoReviewError
from lpo_review.model import Packet, SignOff
from lpo_review.packets.atomic import atomic_write
from lpo_review.privilege.screen import ATTORNEY_CLIENT, WORK_PRODUCT
from lpo_review.privilege.stage import is_flagged

PRIVILEGE_DIR = "privilege"
Treatment = Literal["withhold", "redact", "release"]
_RANGE = re.compile(r"^(\d+):(\d+)(?:-(?:(\d+):)?(\d+))?$")


class PrivilegeDecision(BaseModel):
    """One signed privilege call."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    privileged: bool
    treatment: Treatment
    privilege_type: str = Field("", description="attorney-client, work-product, or both")
    description: str = Field(
        "", description="For the privilege log: what the document is, without its content.")
    redact_lines: list[str] = Field(
        default_factory=list, description="page:line ranges boxed as PRIVILEGED (redact).")
    packet_sha256: str
    signoff: SignOff | None = None

    def content(self) -> str:
        """SHA-256 of the decision without its signature: what the attorney signs."""
        data = self.model_dump(mode="json", exclude={"signoff"})
        raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()


def line_ranges(ranges: list[str]) -> list[tuple[int, int, int, int]]:
    """``["2:5-2:9", "3:1-14", "4:2"]`` as ``(page, line, end page, end line)`` tuples."""
    out = []
    for text in ranges:
        m = _RANGE.match(text.strip())
        if not m:
            raise GuardRefusal(f"{text!r}: give a line range as PAGE:LINE-PAGE:LINE or "
                               "PAGE:LINE-LINE")
        page, line = int(m.group(1)), int(m.group(2))
        end_page = int(m.group(3) or page)
        end_line = int(m.group(4) or line)
        if (end_page, end_line) < (page, line):
            raise GuardRefusal(f"{text!r}: the range ends before it starts")
        out.append((page, line, end_page, end_line))
    return out


def decision_path(out_dir: Path, doc_id: str) -> Path:
    return Path(out_dir) / PRIVILEGE_DIR / f"{doc_id}.json"


def read_decision(out_dir: Path, doc_id: str) -> PrivilegeDecision | None:
    """The stored decision on ``doc_id``, or ``None``."""
    path = decision_path(out_dir, doc_id)
    if not path.exists():
        return None
    try:
        return PrivilegeDecision.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise LpoReviewError(f"{path}: not a privilege decision ({exc})") from None


def decide(
    out_dir: Path, packet: Packet, *, privileged: bool, treatment: Treatment,
    attorney: str, bar_number: str, key: Ed25519PrivateKey, privilege_type: str = "",
    description: str = "", redact_lines: list[str] | None = None, matter: Matter | None = None,
    actor: str | None = None, now: datetime | None = None, details: dict[str, Any] | None = None,
) -> PrivilegeDecision:
    """Sign and store the attorney's decision on ``packet``; audited (``privilege_decision``,
    by ``actor``, with ``details`` added to the entry)."""
    redact_lines = [r.strip() for r in (redact_lines or []) if r.strip()]
    if privileged:
        if treatment == "release":
            raise GuardRefusal(f"{packet.doc_id}: a privileged document is withheld or redacted, "
                               "not released")
        if privilege_type not in (ATTORNEY_CLIENT, WORK_PRODUCT, "both"):
            raise GuardRefusal(f"{packet.doc_id}: say the privilege type: {ATTORNEY_CLIENT}, "
                               f"{WORK_PRODUCT} or both")
        if len(description.strip()) < 10:
            raise GuardRefusal(f"{packet.doc_id}: the privilege log needs a description of the "
                               "document (without its privileged content)")
        if treatment == "redact" and not redact_lines:
            raise GuardRefusal(f"{packet.doc_id}: redacting needs the line ranges to box")
    elif treatment != "release" or redact_lines:
        raise GuardRefusal(f"{packet.doc_id}: a document that is not privileged is released")
    line_ranges(redact_lines)
    unsigned = PrivilegeDecision(
        doc_id=packet.doc_id, privileged=privileged, treatment=treatment,
        privilege_type=privilege_type if privileged else "", description=description.strip(),
        redact_lines=redact_lines, packet_sha256=content_sha256(packet))
    signoff = make_signoff(f"{packet.doc_id} privilege", unsigned.content(), {},
                           attorney=attorney, bar_number=bar_number, key=key,
                           decision="approved", matter=matter, now=now,
                           reasons=[f"privileged: {treatment}" if privileged else "not privileged"])
    decision = unsigned.model_copy(update={"signoff": signoff})
    atomic_write(decision_path(out_dir, packet.doc_id),
                 decision.model_dump_json(indent=2).encode())
    AuditLog.for_matter(out_dir).append(
        actor or default_actor(), "privilege_decision",
        [{"doc_id": packet.doc_id, "sha256": decision.packet_sha256}],
        {"privileged": privileged, "treatment": treatment, "type": decision.privilege_type,
         "flagged": is_flagged(packet), **(details or {})})
    return decision


def decision_problem(decision: PrivilegeDecision, packet: Packet,
                     matter: Matter | None = None) -> str:
    """Why a stored decision does not hold for ``packet`` (empty when it does)."""
    if decision.signoff is None:
        return "the privilege decision is not signed"
    if decision.packet_sha256 != content_sha256(packet):
        return "the packet changed after the privilege decision"
    return signoff_problem(decision.signoff, decision.content(), "approved",
                           "privilege decision", matter)


def privilege_hold(out_dir: Path, packet: Packet, matter: Matter | None = None,
                   *, for_vendor: bool) -> str:
    """Why ``packet`` may not leave (empty when it may): flagged and undecided, a decision that
    does not verify, privileged (never to a vendor; withheld from a production)."""
    decision = read_decision(out_dir, packet.doc_id)
    if decision is None:
        return ("possibly privileged: an attorney must decide first (lpo-review privilege "
                "decide)") if is_flagged(packet) else ""
    problem = decision_problem(decision, packet, matter)
    if problem:
        return f"privilege decision: {problem}"
    if decision.privileged and (for_vendor or decision.treatment == "withhold"):
        return f"privileged ({decision.privilege_type}); withheld"
    return ""
