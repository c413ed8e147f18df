"""Import at the firm: a return package checked, mapped to the firm's documents and stored
beside their packets as work product pending attorney review.

Refused, with the reason in the audit log (``return_refused``) and nothing stored, when the
package cannot be opened with the firm's key, is not whole or not signed by the key registered
for the vendor it names, answers an export that vendor never received, returns a document that
export did not hold, or was imported before (a replay).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.export import EXPORTS_DIR, load_packets
from lpo_review.confidential.keys import KeyFileError, load_verify_key, raw_public
from lpo_review.confidential.sealed import SealError, open_sealed
from lpo_review.confidential.signoff import content_sha256
from lpo_review.confidential.vendors import Matter
from lpo_review.config import Config
from lpo_review.errors import GuardRefusal
from lpo_review.guard.stage import vendor_drafts
from lpo_review.model import Draft
from lpo_review.packets.atomic import atomic_write
from lpo_review.returns.formats import (
    answered_document,
    read_coding_csv,
    read_coding_json,
    read_docx_drafts,
)
from lpo_review.returns.model import CodingSheet, DraftRows, WorkProduct
from lpo_review.returns.package import ReturnPackage, read_return
from lpo_review.returns.review import diff_drafts, guard_vendor_words, vendor_rules, vendor_words
from lpo_review.returns.store import work_folder, work_id, write_work

RECEIPTS_DIR = "returns"
_ID = re.compile(r"^[A-Z]{3}-[0-9A-Za-z-]{1,60}$")


def _export_record(out_dir: Path, ret: ReturnPackage) -> dict[str, dict[str, str]]:
    """The export's documents (export ID -> doc_id), if that export went to this vendor."""
    path = Path(out_dir) / EXPORTS_DIR / f"{ret.export_id}.json"
    if not _ID.match(ret.export_id) or not path.is_file():
        raise GuardRefusal(f"return {ret.return_id} answers export {ret.export_id!r}, which this "
                           "matter never made")
    record = json.loads(path.read_text(encoding="utf-8"))
    if record.get("vendor", "").casefold() != ret.vendor.casefold():
        raise GuardRefusal(f"return {ret.return_id}: export {ret.export_id} went to "
                           f"{record.get('vendor')!r}, not to {ret.vendor!r}")
    documents: dict[str, dict[str, str]] = record["documents"]
    return documents


def _check_signer(matter: Matter, ret: ReturnPackage) -> str:
    """The registered vendor's name, if its registered signing key signed the return."""
    vendor = matter.vendor(ret.vendor)
    if vendor.signing_key is None:
        raise GuardRefusal(f"vendor {vendor.name!r} has no signing_key registered in "
                           "[[matter.vendors]]: its returns cannot be checked")
    try:
        registered = raw_public(load_verify_key(vendor.signing_key))
    except KeyFileError as exc:
        raise GuardRefusal(f"vendor {vendor.name!r}: {exc}") from None
    if registered != ret.signer:
        raise GuardRefusal(f"return {ret.return_id} is not signed by {vendor.name!r}'s registered "
                           "key")
    return vendor.name


def _read_documents(ret: ReturnPackage, documents: dict[str, dict[str, str]]
                    ) -> dict[str, dict[str, bytes]]:
    """Returned files grouped by the export ID they answer; a foreign one is refused."""
    grouped: dict[str, dict[str, bytes]] = {}
    for name, data in sorted(ret.files.items()):
        doc = answered_document(name)
        if doc is None or doc not in documents:
            raise GuardRefusal(f"return {ret.return_id}: {name} answers no document of export "
                               f"{ret.export_id}")
        grouped.setdefault(doc, {})[name] = data
    return grouped


def _work_of(files: dict[str, bytes], export_doc: str, exported: list[Draft]
             ) -> tuple[CodingSheet | None, list[DraftRows]]:
    coding: CodingSheet | None = None
    drafts: dict[str, DraftRows] = {}
    for name, data in files.items():
        if name.endswith(".docx"):
            drafts.update({d.kind: d for d in read_docx_drafts(name, data, exported)})
        else:
            reader = read_coding_json if name.endswith(".json") else read_coding_csv
            sheet = reader(name, data)
            if sheet.document != export_doc:
                raise GuardRefusal(f"{name} codes {sheet.document!r}, not {export_doc}")
            if coding is not None:
                raise GuardRefusal(f"{export_doc}: two coding sheets")
            coding = sheet
            drafts.update({d.kind: d for d in sheet.drafts})
    return coding, list(drafts.values())


def import_return(path: Path, out_dir: Path, *, matter: Matter, firm_key: X25519PrivateKey,
                  config: Config | None = None, actor: str | None = None,
                  now: dt.datetime | None = None) -> list[WorkProduct]:
    """Check a sealed return package and store its work product; :class:`GuardRefusal` (and
    an audit entry) when any check fails, with nothing stored."""
    out_dir, actor = Path(out_dir), actor or default_actor()
    audit = AuditLog.for_matter(out_dir)
    blob = Path(path).read_bytes()
    sealed_sha = hashlib.sha256(blob).hexdigest()
    try:
        try:
            name, package = open_sealed(blob, firm_key)
        except SealError as exc:
            raise GuardRefusal(f"{Path(path).name}: {exc}") from None
        ret = read_return(name, package)
        vendor = _check_signer(matter, ret)
        documents = _export_record(out_dir, ret)
        receipt = out_dir / RECEIPTS_DIR / f"{ret.return_id}.json"
        if not _ID.match(ret.return_id) or receipt.exists():
            raise GuardRefusal(f"return {ret.return_id} was imported before (a replay)")
        grouped = _read_documents(ret, documents)
        packets = {p.doc_id: p for p in load_packets(out_dir, sorted(
            documents[d]["doc_id"] for d in grouped))}
        rules = vendor_rules(config or Config())
        at = now or dt.datetime.now(dt.UTC)
        works = []
        for export_doc, files in grouped.items():
            packet = packets[documents[export_doc]["doc_id"]]
            exported = vendor_drafts(packet)
            coding, drafts = _work_of(files, export_doc, exported)
            changes = diff_drafts(exported, drafts)
            works.append((WorkProduct(
                work_id=work_id(packet.doc_id, ret.return_id), return_id=ret.return_id,
                export_id=ret.export_id, vendor=vendor, doc_id=packet.doc_id,
                export_doc=export_doc, received_at=at,
                files={n: hashlib.sha256(d).hexdigest() for n, d in files.items()},
                coding=coding, drafts=drafts, changes=changes,
                findings=guard_vendor_words(vendor_words(changes, coding), rules)), files))
    except GuardRefusal as exc:
        audit.append(actor, "return_refused", [], {"file": Path(path).name,
                                                   "sha256": sealed_sha, "reason": str(exc)})
        raise
    for work, files in works:
        folder = work_folder(out_dir, work.doc_id, work.return_id)
        for name, data in files.items():
            atomic_write(folder / name, data)
        write_work(out_dir, work)
        audit.append(actor, "return_import",
                     [{"doc_id": work.doc_id, "sha256": content_sha256(packets[work.doc_id])}],
                     {"return": ret.return_id, "export": ret.export_id, "vendor": vendor,
                      "work": work.work_id, "changes": len(work.changes),
                      "guard_findings": len(work.findings)})
    atomic_write(receipt, json.dumps({
        "return": ret.return_id, "export": ret.export_id, "vendor": vendor,
        "created_at": ret.created_at, "sealed_sha256": sealed_sha,
        "imported_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "work": [w.work_id for w, _ in works]}, indent=1).encode("utf-8"))
    return [w for w, _ in works]
