"""The firm's pages: the queue, the packet, acknowledging findings, the attorney's decision,
the privilege decision and revealing originals.

Attorneys and firm reviewers see the queue and packets (with the privilege screen's evidence
and the privilege decision); only attorneys acknowledge and sign, and sign privilege decisions
(:func:`lpo_review.privilege.decision.decide`, with the same sealed key and passphrase);
revealing is a separate POST for attorneys and reviewers, and needs the vault key ``serve``
was given.  Every packet view, acknowledgement, decision, privilege decision and reveal is in
the audit log.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lpo_review.confidential.reveal import reveal
from lpo_review.confidential.signoff import (
    content_sha256,
    flagged_findings,
    record_signoff,
    verify_packet,
)
from lpo_review.errors import LpoReviewError
from lpo_review.model import Packet
from lpo_review.packets.store import PacketStore
from lpo_review.packets.view import build_view, cell_text, segments
from lpo_review.privilege.decision import PrivilegeDecision, Treatment
from lpo_review.privilege.decision import decide as decide_privilege
from lpo_review.privilege.screen import ATTORNEY_CLIENT, WORK_PRODUCT
from lpo_review.privilege.stage import LABEL as PRIVILEGE_LABEL
from lpo_review.web.app import Call, route
from lpo_review.web.index import PRIVILEGE_STATES, STATUSES, privilege_state
from lpo_review.web.security import MAX_USER_FAILURES
from lpo_review.web.users import REVEAL_ROLES, UserError, signing_key_of

DOC_ID = re.compile(r"^DOC-[0-9A-F]{12}$")
QUEUE_ROLES = ("attorney", "reviewer")
PRIVILEGE_TYPES = (ATTORNEY_CLIENT, WORK_PRODUCT, "both")
TREATMENTS: dict[str, Treatment] = {"withhold": "withhold", "redact": "redact",
                                    "release": "release"}
MAX_DESCRIPTION = 2000
MAX_RANGES = 200


# --------------------------------------------------------------------------------------------
# loading and presenting a packet
# --------------------------------------------------------------------------------------------


def load_packet(call: Call) -> Packet | None:
    """The packet named by the URL, or None (malformed ID, no such packet, not a packet)."""
    doc_id = call.request.path_params.get("doc_id", "")
    if not DOC_ID.match(doc_id):
        return None
    path = PacketStore(call.web.out_dir).json_path(doc_id)
    try:
        return Packet.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValidationError):
        return None


def audit_doc(packet: Packet) -> list[dict[str, str]]:
    return [{"doc_id": packet.doc_id, "sha256": content_sha256(packet)}]


@dataclass
class Line:
    number: int
    parts: list[tuple[str, str | None]]
    """(text, entity type or None for plain text)."""


def text_lines(packet: Packet) -> tuple[list[Line], list[int]]:
    """The redacted text as numbered lines of plain runs and placeholders, and each line's
    starting offset (for linking a cite's offset to its line)."""
    lines: list[Line] = [Line(1, [])]
    starts = [0]
    offset = 0
    for seg in segments(packet):
        pieces = seg.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                offset += 1
                lines.append(Line(len(lines) + 1, []))
                starts.append(offset)
            if piece:
                lines[-1].parts.append((piece, seg.entity_type))
            offset += len(piece)
    return lines, starts


def line_of(starts: list[int], offset: Any) -> int | None:
    """1-based line holding ``offset`` (None when it is not an offset)."""
    if not isinstance(offset, int) or offset < 0:
        return None
    return bisect_right(starts, offset)


def acknowledgements(call: Call, packet: Packet) -> set[str]:
    """Findings this attorney acknowledged on this packet's current content."""
    with call.web.db.connect() as conn:
        rows = conn.execute(
            "SELECT ref FROM acknowledgements WHERE matter = ? AND doc_id = ? AND "
            "content_sha256 = ? AND user = ?",
            (call.web.index.matter, packet.doc_id, content_sha256(packet), call.user.name))
        return {r[0] for r in rows}


def packet_context(call: Call, packet: Packet) -> dict[str, Any]:
    lines, starts = text_lines(packet)
    flagged = flagged_findings(packet)
    acked = acknowledgements(call, packet)
    signed_acks = set(packet.signoff.acknowledged) if packet.signoff else set()
    findings = [{
        "ref": f"F{i}", "stage": f.stage, "label": f.label, "cite": f.cite,
        "line": line_of(starts, f.start), "text": f.text, "flagged": f"F{i}" in flagged,
        "acknowledged": f"F{i}" in acked or f"F{i}" in signed_acks,
        "reason": cell_text(f.data.get("reason")),
        "score": "" if f.score is None else f"{f.score:.2f}",
    } for i, f in enumerate(packet.findings)]
    drafts = [{
        "title": d.title, "columns": d.columns,
        "rows": [[{"text": cell_text(row.get(c)),
                   "line": line_of(starts, row.get("start")) if c == "cite" else None}
                  for c in d.columns] for row in d.rows],
        "notes": d.notes,
    } for d in packet.drafts]
    placeholders: dict[str, str] = {}
    for r in packet.redactions:
        placeholders.setdefault(r.entity_type, r.placeholder)
    counts: dict[str, int] = {}
    for r in packet.redactions:
        counts[r.entity_type] = counts.get(r.entity_type, 0) + 1
    view = build_view(packet, "attorney")
    verification = verify_packet(packet, call.web.matter) if packet.signoff else None
    missing = [ref for ref in flagged if ref not in acked]
    return {
        "packet": packet, "info": view.info, "signoff": view.signoff, "lines": lines,
        "findings": findings, "drafts": drafts, "entity_counts": sorted(counts.items()),
        "verification": verification, "pending": packet.status == "pending_attorney_review",
        "missing_acks": missing, "can_sign": call.user.role == "attorney",
        "can_reveal": call.user.role in REVEAL_ROLES and call.web.settings.vault_key is not None,
        "privilege": privilege_context(call, packet, starts),
        "error": "", "done": call.request.query_params.get("done", ""),
    }


def privilege_context(call: Call, packet: Packet, starts: list[int]) -> dict[str, Any]:
    """The privilege panel: the screen's evidence (cites linked to their lines), the state and
    stored decision, and the attorney's form (what was just submitted, else the decision)."""
    state, decision, problem = privilege_state(call.web.out_dir, packet, call.web.matter)
    evidence = [{
        "ref": f"F{i}", "cite": f.cite, "line": line_of(starts, f.start), "text": f.text,
        "basis": cell_text(f.data.get("basis")).replace("_", " "),
        "types": ", ".join(str(t) for t in f.data.get("types") or []),
    } for i, f in enumerate(packet.findings) if f.label == PRIVILEGE_LABEL]
    submitted = call.form is not None and bool(call.field("privilege_form"))
    if submitted:
        form = {"treatment": call.field("treatment"), "type": call.field("privilege_type"),
                "description": call.field("description"), "lines": call.field("redact_lines")}
    else:
        form = _form_of(decision)
    return {"state": state, "label": PRIVILEGE_STATES.get(state, ""), "evidence": evidence,
            "decision": decision, "problem": problem, "form": form,
            "types": PRIVILEGE_TYPES, "can_decide": call.user.role == "attorney",
            "submitted": submitted}


def _form_of(decision: PrivilegeDecision | None) -> dict[str, str]:
    if decision is None:
        return {"treatment": "", "type": "", "description": "", "lines": ""}
    return {"treatment": decision.treatment, "type": decision.privilege_type,
            "description": decision.description, "lines": "\n".join(decision.redact_lines)}


# --------------------------------------------------------------------------------------------
# queue
# --------------------------------------------------------------------------------------------


def _int(text: str, default: int) -> int:
    return int(text) if text.isdigit() and len(text) < 7 else default


@route(*QUEUE_ROLES)
def queue(call: Call) -> Response:
    q = call.request.query_params
    kind = q.get("kind", "")
    status = q.get("status", "") if q.get("status", "") in STATUSES else ""
    open_filter = {"yes": True, "no": False}.get(q.get("open", ""))
    privilege = q.get("privilege", "") if q.get("privilege", "") in PRIVILEGE_STATES else ""
    call.web.index.refresh()
    kinds = call.web.index.kinds()
    result = call.web.index.query(kind=kind if kind in kinds else None, status=status or None,
                                  open_findings=open_filter, privilege=privilege or None,
                                  page=_int(q.get("page", ""), 1))
    return call.render("queue.html", result=result, kinds=kinds, statuses=STATUSES,
                       privilege_states=PRIVILEGE_STATES, kind=kind if kind in kinds else "",
                       status=status, open=q.get("open", "") if open_filter is not None else "",
                       privilege=privilege)


# --------------------------------------------------------------------------------------------
# packet, acknowledge, decide, reveal
# --------------------------------------------------------------------------------------------


def _not_found(call: Call) -> Response:
    return call.render("error.html", 404, status=404, message="No such packet.")


@route(*QUEUE_ROLES)
def packet_page(call: Call) -> Response:
    packet = load_packet(call)
    if packet is None:
        return _not_found(call)
    context = packet_context(call, packet)
    details = {"role": call.user.role}
    if context["privilege"]["state"]:
        details["privilege"] = context["privilege"]["state"]
    call.web.audit.append(call.user.name, "web_view", audit_doc(packet), details)
    return call.render("packet.html", **context)


def _refused(call: Call, packet: Packet, message: str, status: int = 409) -> Response:
    context = packet_context(call, packet)
    context["error"] = message
    return call.render("packet.html", status, **context)


@route("attorney")
def acknowledge(call: Call) -> Response:
    packet = load_packet(call)
    if packet is None:
        return _not_found(call)
    ref = call.field("ref")
    flagged = flagged_findings(packet)
    if ref not in flagged:
        return _refused(call, packet, f"{ref or 'That'} is not a finding that needs "
                        "acknowledgement.", 400)
    if packet.status != "pending_attorney_review":
        return _refused(call, packet, f"The packet is already {packet.status}.")
    with call.web.db.connect() as conn:
        conn.execute("INSERT OR IGNORE INTO acknowledgements VALUES (?, ?, ?, ?, ?, ?)",
                     (call.web.index.matter, packet.doc_id, content_sha256(packet), ref,
                      call.user.name, datetime.now(UTC).isoformat(timespec="seconds")))
    call.web.audit.append(call.user.name, "web_acknowledge", audit_doc(packet),
                          {"finding": ref, "label": flagged[ref]})
    return RedirectResponse(f"/packets/{packet.doc_id}?done=acknowledged#findings",
                            status_code=303)


def _signing_key(call: Call, packet: Packet,
                 signing: str | None = None) -> Ed25519PrivateKey | Response:
    """The attorney's key opened with the form's passphrase, or the refusal page: throttled
    (:data:`MAX_USER_FAILURES` wrong passphrases in the window), a wrong one audited
    (``signoff_refused``; ``signing`` names what was being signed when not the sign-off)."""
    user, web = call.user, call.web
    key_name = f"sign:{user.name}"
    wait = web.throttle.blocked((key_name, MAX_USER_FAILURES))
    if wait:
        return _refused(call, packet, f"Too many wrong passphrases; try again in "
                        f"{wait // 60 + 1} minute(s).", 429)
    try:
        key = signing_key_of(web.db, user, call.field("passphrase"))
    except UserError as exc:
        web.throttle.fail(key_name)
        details = {"reason": str(exc), "via": "web"}
        if signing:
            details["signing"] = signing
        web.audit.append(user.name, "signoff_refused", audit_doc(packet), details)
        return _refused(call, packet, "Wrong signing passphrase; nothing was signed.", 403)
    web.throttle.clear(key_name)
    return key


@route("attorney")
def decide(call: Call) -> Response:
    packet = load_packet(call)
    if packet is None:
        return _not_found(call)
    decision = {"approve": "approved", "return": "returned"}.get(call.field("decision"))
    if decision is None:
        return _refused(call, packet, "Choose approve or return.", 400)
    user, web = call.user, call.web
    key = _signing_key(call, packet)
    if isinstance(key, Response):
        return key
    reasons = [r.strip() for r in call.field("reasons").splitlines() if r.strip()]
    try:
        record_signoff(web.out_dir, packet, attorney=user.attorney_name or user.name,
                       bar_number=user.bar_number or "", key=key,
                       decision="approved" if decision == "approved" else "returned",
                       reasons=reasons if decision == "returned" else [],
                       acknowledged=sorted(acknowledgements(call, packet)), matter=web.matter,
                       config=web.config, actor=user.name, details={"via": "web"})
    except LpoReviewError as exc:
        return _refused(call, packet, f"Refused: {exc}")
    finally:
        del key
    web.index.refresh(force=True)
    return RedirectResponse(f"/packets/{packet.doc_id}?done={decision}", status_code=303)


@route("attorney")
def privilege_decision(call: Call) -> Response:
    """Sign the attorney's privilege decision on the packet through
    :func:`lpo_review.privilege.decision.decide` (its rules, its signature, its audit entry
    ``privilege_decision``); a refusal is shown on the packet page and audited."""
    packet = load_packet(call)
    if packet is None:
        return _not_found(call)
    user, web = call.user, call.web

    def refuse(message: str, status: int) -> Response:
        web.audit.append(user.name, "privilege_decision_refused", audit_doc(packet),
                         {"reason": message, "via": "web"})
        return _refused(call, packet, message, status)

    treatment = TREATMENTS.get(call.field("treatment"))
    if treatment is None:
        return refuse("Choose privileged (withhold or redact) or not privileged (release).",
                      400)
    description = call.field("description")
    ranges = call.field("redact_lines").splitlines()
    if len(description) > MAX_DESCRIPTION or len(ranges) > MAX_RANGES:
        return refuse(f"Keep the description under {MAX_DESCRIPTION} characters and the line "
                      f"ranges under {MAX_RANGES}.", 400)
    key = _signing_key(call, packet, "privilege decision")
    if isinstance(key, Response):
        return key
    try:
        decide_privilege(web.out_dir, packet, privileged=treatment != "release",
                         treatment=treatment, attorney=user.attorney_name or user.name,
                         bar_number=user.bar_number or "", key=key,
                         privilege_type=call.field("privilege_type"), description=description,
                         redact_lines=ranges, matter=web.matter, actor=user.name,
                         details={"via": "web"})
    except LpoReviewError as exc:
        return refuse(f"Refused: {exc}", 409)
    finally:
        del key
    web.index.refresh(force=True)
    return RedirectResponse(f"/packets/{packet.doc_id}?done=privilege+decision+signed#privilege",
                            status_code=303)


@route(*REVEAL_ROLES)
def reveal_page(call: Call) -> Response:
    packet = load_packet(call)
    if packet is None:
        return _not_found(call)
    key = call.web.settings.vault_key
    if key is None:
        return _refused(call, packet, "Revealing needs the vault key: start serve with "
                        "--vault-key-file.", 400)
    finding_text = call.field("finding")
    finding = int(finding_text[1:]) if re.fullmatch(r"F\d{1,6}", finding_text) else None
    try:
        text = reveal(call.web.out_dir, packet, key, finding=finding, actor=call.user.name)
    except LpoReviewError as exc:
        return _refused(call, packet, f"Refused: {exc}")
    return call.render("reveal.html", packet=packet, text=text,
                       what=finding_text if finding is not None else "the whole packet")


ROUTES = [
    Route("/queue", queue, methods=["GET"]),
    Route("/packets/{doc_id}", packet_page, methods=["GET"]),
    Route("/packets/{doc_id}/acknowledge", acknowledge, methods=["POST"]),
    Route("/packets/{doc_id}/decide", decide, methods=["POST"]),
    Route("/packets/{doc_id}/privilege", privilege_decision, methods=["POST"]),
    Route("/packets/{doc_id}/reveal", reveal_page, methods=["POST"]),
]
