"""The vendor's pages: its own exports only (after export), their files, the packets as they
were sent, and the upload of a sealed return.

What a vendor may see is decided from the firm's export records (``OUT_DIR/exports/``): an
export whose record names another vendor, or a document that export did not hold, is "not
found" (404), whatever the URL says.  A packet is shown only while its content is the one that
passed the export's checks (same content hash), through the same vendor view the export's
renderers use (:func:`~lpo_review.packets.view.build_view` with ``audience="vendor"``).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from lpo_review.confidential.export import EXPORTS_DIR, neutral_packet
from lpo_review.confidential.sealed import SealError, open_sealed
from lpo_review.confidential.signoff import content_sha256
from lpo_review.errors import LpoReviewError
from lpo_review.model import Packet
from lpo_review.packets.store import PacketStore
from lpo_review.packets.view import build_view
from lpo_review.returns.importer import import_return
from lpo_review.returns.package import read_return
from lpo_review.web.app import MAX_UPLOAD, Call, route

EXPORT_ID = re.compile(r"^EXP-[0-9A-Za-z-]{1,60}$")
EXPORT_DOC = re.compile(r"^[A-Z][A-Z0-9]{0,11}-[0-9]{6}$")
FILE_NAME = re.compile(r"^(?:[A-Z][A-Z0-9]{0,11}-[0-9]{6}\.[a-z]{2,5}|manifest\.json)"
                       r"(?:\.sealed)?$")
RETURN_NAME = re.compile(r"^RET-[0-9A-Za-z-]{1,80}\.zip\.sealed$")
INBOX_DIR = "returns-inbox"


def vendor_exports(call: Call) -> list[dict[str, Any]]:
    """The export records of this user's vendor, newest first."""
    folder = call.web.out_dir / EXPORTS_DIR
    mine = (call.user.vendor or "").casefold()
    records = []
    for path in sorted(folder.glob("EXP-*.json")) if folder.is_dir() else []:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if mine and str(record.get("vendor", "")).casefold() == mine:
            records.append(record)
    return sorted(records, key=lambda r: str(r.get("export")), reverse=True)


def export_record(call: Call) -> dict[str, Any] | None:
    """The export named by the URL if it went to this user's vendor, else None."""
    export_id = call.request.path_params.get("export_id", "")
    if not EXPORT_ID.match(export_id):
        return None
    path = call.web.out_dir / EXPORTS_DIR / f"{export_id}.json"
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not call.user.vendor or \
            str(record.get("vendor", "")).casefold() != call.user.vendor.casefold():
        return None
    return record


def export_files(record: dict[str, Any]) -> list[Path]:
    """The files the export wrote (sealed when the vendor has a key), still on disk."""
    folder = Path(str(record.get("to", "")))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and FILE_NAME.match(p.name))


def _audit(call: Call, record: dict[str, Any], vid: str | None, action: str,
           details: dict[str, Any]) -> None:
    docs = record.get("documents", {})
    chosen = [vid] if vid else list(docs)
    call.web.audit.append(call.user.name, action,
                          [{"doc_id": docs[v]["doc_id"], "sha256": docs[v]["content_sha256"]}
                           for v in chosen if v in docs],
                          {"vendor": record.get("vendor"), "export": record.get("export"),
                           **details})


def _not_found(call: Call, what: str = "No such export.") -> Response:
    return call.render("error.html", 404, status=404, message=what)


@route("vendor")
def exports_page(call: Call) -> Response:
    return call.render("vendor_exports.html", exports=vendor_exports(call),
                       done=call.request.query_params.get("done", ""), error="",
                       can_import=call.web.settings.firm_key is not None)


@route("vendor")
def export_page(call: Call) -> Response:
    record = export_record(call)
    if record is None:
        return _not_found(call)
    return call.render("vendor_export.html", record=record,
                       files=[p.name for p in export_files(record)])


@route("vendor")
def export_packet(call: Call) -> Response:
    record = export_record(call)
    vid = call.request.path_params.get("vid", "")
    if record is None or not EXPORT_DOC.match(vid) or vid not in record.get("documents", {}):
        return _not_found(call, "No such document in your exports.")
    entry = record["documents"][vid]
    path = PacketStore(call.web.out_dir).json_path(str(entry["doc_id"]))
    try:
        packet = Packet.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValidationError):
        return _not_found(call, "This document is no longer available.")
    if content_sha256(packet) != entry["content_sha256"]:
        return _not_found(call, "This document changed since it was exported; ask the firm "
                          "for a new export.")
    view = build_view(neutral_packet(packet, vid), "vendor")
    _audit(call, record, vid, "web_vendor_view", {"document": vid})
    return call.render("vendor_packet.html", view=view, record=record, vid=vid)


@route("vendor")
def export_download(call: Call) -> Response:
    record = export_record(call)
    name = call.request.path_params.get("name", "")
    if record is None or not FILE_NAME.match(name):
        return _not_found(call)
    match = [p for p in export_files(record) if p.name == name]
    if not match:
        return _not_found(call, "No such file in this export.")
    vid = name.split(".")[0]
    _audit(call, record, vid if vid in record.get("documents", {}) else None, "web_download",
           {"file": name})
    return FileResponse(match[0], filename=name, media_type="application/octet-stream",
                        content_disposition_type="attachment")


def _upload_refused(call: Call, message: str, status: int = 400) -> Response:
    return call.render("vendor_exports.html", status, exports=vendor_exports(call), done="",
                       error=message, can_import=call.web.settings.firm_key is not None)


@route("vendor")
def return_upload(call: Call) -> Response:
    """Store a sealed return (``lpo-review return``) in ``OUT_DIR/returns-inbox/``; with the
    firm's key, import it at once (every import check, audited either way)."""
    upload = call.form.get("package") if call.form is not None else None
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _upload_refused(call, "Choose the RET-….zip.sealed file made by lpo-review return.")
    name = Path(upload.filename).name
    if not RETURN_NAME.match(name):
        return _upload_refused(call, "Only a sealed return package (RET-….zip.sealed) is "
                               "accepted.")
    data = upload.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return _upload_refused(call, "Upload too large.", 413)
    web, vendor = call.web, call.user.vendor or ""
    safe_vendor = re.sub(r"[^A-Za-z0-9._-]", "_", vendor)[:60] or "vendor"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
    target = web.out_dir / INBOX_DIR / safe_vendor / f"{stamp}-{name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    web.audit.append(call.user.name, "return_upload", [],
                     {"vendor": vendor, "file": name,
                      "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    firm_key = web.settings.firm_key
    if firm_key is None:
        return RedirectResponse("/vendor?done=uploaded", status_code=303)
    try:
        try:
            opened_name, package = open_sealed(data, firm_key)
            claimed = read_return(opened_name, package).vendor
        except SealError as exc:
            raise LpoReviewError(f"{name}: {exc}") from None
        if claimed.casefold() != vendor.casefold():
            web.audit.append(call.user.name, "return_refused", [],
                             {"file": name, "reason": f"uploaded by {vendor!r} but names "
                                                      f"{claimed!r}"})
            return _upload_refused(call, "This return names another vendor; refused.", 403)
        target_in = target.with_name(target.name[len(stamp) + 1:])
        if target_in.exists():
            return _upload_refused(call, "This return was uploaded before.", 409)
        target.rename(target_in)
        import_return(target_in, web.out_dir, matter=web.matter, firm_key=firm_key,
                      config=web.config, actor=call.user.name)
    except LpoReviewError as exc:
        return _upload_refused(call, f"Refused: {exc}", 422)
    return RedirectResponse("/vendor?done=imported", status_code=303)


ROUTES = [
    Route("/vendor", exports_page, methods=["GET"]),
    Route("/vendor/exports/{export_id}", export_page, methods=["GET"]),
    Route("/vendor/exports/{export_id}/docs/{vid}", export_packet, methods=["GET"]),
    Route("/vendor/exports/{export_id}/files/{name}", export_download, methods=["GET"]),
    Route("/vendor/returns", return_upload, methods=["POST"]),
]
