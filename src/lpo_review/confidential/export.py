"""Vendor export: what leaves the firm, and the checks that must pass before anything does.

Order of checks (the first failure refuses the whole export and is audited):

1. the vendor is registered, has an NDA on file that has not expired, and the matter's
   cross-border policy allows its jurisdiction;
2. every packet is approved with a valid attorney signature over unchanged content, and was
   redacted under a profile at least as strong as the vendor's;
3. the vault key is available and every packet with redactions has a vault entry (else no leak
   check is possible);
4. the leak check scans every outgoing file (name, JSON, DOCX parts and metadata) for every
   original value in the vault, the source file names and the matter name, in the forms people
   write them (:mod:`~lpo_review.confidential.leakcheck`).

Only then are files written: ``DOC-000001.json`` and ``DOC-000001.docx`` (neutral IDs numbered
per export), a ``manifest.json``, each sealed to the vendor's public key when it has one.
The mapping from export IDs to the firm's document IDs stays in ``OUT_DIR/exports/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.identifying import english_dictionary
from lpo_review.confidential.keys import load_vendor_public
from lpo_review.confidential.leakcheck import Leak, LeakChecker
from lpo_review.confidential.sealed import SUFFIX, seal
from lpo_review.confidential.second_look import SecondLook
from lpo_review.confidential.signoff import (
    ACKNOWLEDGE_LABELS,
    approval_problem,
    content_sha256,
)
from lpo_review.confidential.vault import read_all, vault_doc_ids
from lpo_review.confidential.vendors import Matter, Vendor, check_profile, check_vendor
from lpo_review.config import Config
from lpo_review.errors import GuardRefusal
from lpo_review.guard.stage import vendor_drafts
from lpo_review.model import Packet
from lpo_review.packets.atomic import atomic_write
from lpo_review.packets.render import render_packet
from lpo_review.privilege.decision import privilege_hold
from lpo_review.redact.redactor import Redactor
from lpo_review.returns.store import list_work
from lpo_review.textnorm import tokens

VENDOR_FORMAT = "lpo-review-vendor-packet/1"
#: Keys of the vendor JSON whose values are labels of the format, not text.
FORMAT_KEYS = frozenset({"format", "id", "kind", "profile", "placeholder", "entity_type", "cite",
                         "stage", "label", "export", "files", "returned_at"})
PACKETS_DIR = "packets"
EXPORTS_DIR = "exports"
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,11}$")


@dataclass
class ExportResult:
    """What was written."""

    export_id: str
    files: list[Path]
    mapping: dict[str, str]
    """export ID -> the firm's document ID."""
    sealed: bool
    manifest: Path


def packet_path(out_dir: Path, doc_id: str) -> Path:
    return Path(out_dir) / PACKETS_DIR / f"{doc_id}.json"


def load_packets(out_dir: Path, doc_ids: list[str] | None = None) -> list[Packet]:
    """Packets of the matter folder (all, or the given IDs), in doc_id order."""
    folder = Path(out_dir) / PACKETS_DIR
    if doc_ids:
        paths = [packet_path(out_dir, d) for d in doc_ids]
        missing = [p.stem for p in paths if not p.is_file()]
        if missing:
            raise GuardRefusal(f"no such packet(s) in {folder}: {', '.join(missing)}")
    else:
        paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not paths:
        raise GuardRefusal(f"no packets to export in {folder}")
    return sorted(
        (Packet.model_validate_json(p.read_text(encoding="utf-8")) for p in paths),
        key=lambda p: p.doc_id,
    )


def vendor_packet(packet: Packet, export_id: str,
                  returned: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The vendor-facing content: redacted text, findings and drafts under a neutral ID, and
    ``returned``: the vendor's earlier work on it that the attorney sent back, with the reasons.

    Left out: source name and hash, original offsets (they reveal value lengths), metadata,
    stage and plugin records, guard findings (by label or stage), and who signed.
    """
    return {
        "format": VENDOR_FORMAT,
        "id": export_id,
        "kind": packet.kind,
        "profile": packet.profile,
        "pages": packet.pages,
        "words": packet.words,
        "approved": True,
        "text": packet.redacted_text,
        "redactions": [
            {
                "placeholder": r.placeholder,
                "entity_type": r.entity_type,
                "start": r.redacted_start,
                "end": r.redacted_end,
                "cite": r.cite,
            }
            for r in packet.redactions
        ],
        "findings": [
            {
                "stage": f.stage,
                "label": f.label,
                "start": f.start,
                "end": f.end,
                "cite": f.cite,
                "text": f.text,
                "score": f.score,
                "data": f.data,
            }
            for f in packet.findings
            if f.label not in ACKNOWLEDGE_LABELS and f.stage != "guard"
        ],
        "drafts": [
            d.model_dump(mode="json", include={"kind", "title", "columns", "rows", "notes"})
            for d in vendor_drafts(packet)
        ],
        "returned_work": returned or [],
    }


def _check_packets(out_dir: Path, packets: list[Packet], vendor: Vendor, matter: Matter) -> None:
    problems = []
    for packet in packets:
        held = privilege_hold(out_dir, packet, matter, for_vendor=True)
        if held:
            problems.append(f"{packet.doc_id}: {held}")
            continue
        if problem := approval_problem(packet, matter):
            problems.append(f"{packet.doc_id}: {problem}")
            continue
        try:
            check_profile(vendor, packet.profile, packet.doc_id)
        except GuardRefusal as exc:
            problems.append(str(exc))
    if problems:
        raise GuardRefusal("; ".join(problems))


class LeakRefusal(GuardRefusal):
    """The leak check found original values; ``leaks`` says where (and, for the firm, which)."""

    def __init__(self, message: str, leaks: list[Leak]):
        super().__init__(message)
        self.leaks = leaks


def build_checker(
    out_dir: Path, matter: Matter, vault_key: bytes | None, dictionary: Collection[str],
    *, file_names: bool = True,
) -> LeakChecker:
    """A leak checker over the matter's original values.

    Checked: the identifying forms (:mod:`~lpo_review.confidential.identifying`) of every
    surface form in the vault, of the source file names (unless ``file_names`` is false: a
    production gives them) and of the matter name, except ``leak_check_allow``;
    ``checker.skipped`` counts the values that identify no one.
    """
    if vault_key is None:
        raise GuardRefusal(
            "no vault key (--vault-key-file or $LPO_REVIEW_VAULT_KEY): the leak check needs it"
        )
    values: list[tuple[str, str]] = [
        (form, v.entity_type)
        for entry in read_all(out_dir, vault_key).values()
        for v in entry.values()
        for form in v.forms
    ]
    folder = Path(out_dir) / PACKETS_DIR
    for path in folder.glob("*.json") if file_names else ():
        source = Packet.model_validate_json(path.read_text(encoding="utf-8")).source_name
        values.append((Path(source).name, "SOURCE_FILE_NAME"))
    if matter.name:
        values.append((matter.name, "MATTER_NAME"))
    allowed = _compacted(matter)
    return LeakChecker(
        ((value, kind) for value, kind in values if "".join(tokens(value)) not in allowed),
        dictionary,
    )


def _compacted(matter: Matter) -> set[str]:
    """The values the attorney cleared (``leak_check_allow``), compacted."""
    return {"".join(tokens(v)) for v in matter.leak_check_allow}


def _by_document(files: dict[str, tuple[str, bytes]]) -> dict[str, dict[str, bytes]]:
    grouped: dict[str, dict[str, bytes]] = {}
    for name, (vid, data) in files.items():
        grouped.setdefault(vid, {})[name] = data
    return grouped


def neutral_packet(packet: Packet, export_id: str) -> Packet:
    """The packet under its export ID, stripped of the source's name, hash and metadata.

    What the renderers receive for a vendor copy (``audience="vendor"``).
    """
    return packet.model_copy(update={"doc_id": export_id, "source_name": "", "source_sha256": "",
                                     "meta": {}, "stages": [], "signoff": None})


def _returned_work(out_dir: Path, vendor: Vendor) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> the vendor's work on it that an attorney returned: when and why."""
    out: dict[str, list[dict[str, Any]]] = {}
    for work in list_work(out_dir):
        if work.status == "returned" and work.signoff is not None and \
                work.vendor.casefold() == vendor.name.casefold():
            out.setdefault(work.doc_id, []).append(
                {"returned_at": work.signoff.signed_at, "reasons": work.signoff.reasons})
    return out


def _outgoing(
    packets: list[Packet], prefix: str, export_id: str, config: Config,
    returned: dict[str, list[dict[str, Any]]],
) -> tuple[dict[str, tuple[str, bytes]], dict[str, str]]:
    """file name -> (export ID it belongs to, bytes); and export ID -> doc_id."""
    files: dict[str, tuple[str, bytes]] = {}
    mapping: dict[str, str] = {}
    for n, packet in enumerate(packets, start=1):
        vid = f"{prefix}-{n:06d}"
        mapping[vid] = packet.doc_id
        content = vendor_packet(packet, vid, returned.get(packet.doc_id))
        files[f"{vid}.json"] = (vid, json.dumps(content, ensure_ascii=False, indent=1).encode())
        for suffix, data in render_packet(neutral_packet(packet, vid), config, "vendor"):
            files[f"{vid}{suffix}"] = (vid, data)
    manifest = {
        "format": "lpo-review-vendor-export/1",
        "export": export_id,
        "files": {
            name: hashlib.sha256(data).hexdigest() for name, (_vid, data) in sorted(files.items())
        },
    }
    files["manifest.json"] = ("export", json.dumps(manifest, indent=1).encode())
    return files, mapping


def _summarise(leaks: list[Leak]) -> str:
    """``DOC-000002: original PERSON, DATE value(s) in DOC-000002.json, DOC-000002.docx;
    DOC-000003: unredacted PHONE_NUMBER value(s) in DOC-000003.json``."""
    kinds: dict[tuple[str, bool], dict[str, None]] = {}
    files: dict[tuple[str, bool], dict[str, None]] = {}
    for leak in leaks:
        key = (leak.document, leak.unexplained)
        kinds.setdefault(key, {})[leak.kind] = None
        where = leak.location.removeprefix("file name ").split(":")[0].split(" (")[0]
        files.setdefault(key, {})[where] = None
    return "; ".join(
        f"{doc}: {'unredacted' if unexplained else 'original'} "
        f"{', '.join(kinds[doc, unexplained])} value(s) in {', '.join(files[doc, unexplained])}"
        for doc, unexplained in kinds
    )


def _redactors(config: Config) -> Callable[[str], Redactor]:
    """The matter's redactor under a given profile (its recognizers, plugins' too), built once."""
    built: dict[str, Redactor] = {}

    def redactor_for(profile: str) -> Redactor:
        if profile not in built:
            from lpo_review.engine import Engine

            built[profile] = Engine(config.model_copy(update={"profile": profile})).redactor
        return built[profile]

    return redactor_for


def export_packets(
    out_dir: Path,
    export_dir: Path,
    *,
    vendor_name: str,
    matter: Matter,
    vault_key: bytes | None,
    doc_ids: list[str] | None = None,
    prefix: str = "DOC",
    actor: str | None = None,
    today: dt.date | None = None,
    config: Config | None = None,
) -> ExportResult:
    """Run every check, then write the vendor packets; :class:`GuardRefusal` says why not.

    ``config`` chooses the renderers of the readable copies (default: the built-in ones).
    """
    out_dir, export_dir = Path(out_dir), Path(export_dir)
    actor = actor or default_actor()
    audit = AuditLog.for_matter(out_dir)
    audited_docs: list[dict[str, str]] = []
    try:
        if not _PREFIX.match(prefix):
            raise GuardRefusal(f"export ID prefix {prefix!r}: use 1-12 capital letters/digits")
        if export_dir.exists() and any(export_dir.iterdir()):
            raise GuardRefusal(f"{export_dir}: not empty; export into a new folder")
        if export_dir.resolve().is_relative_to(out_dir.resolve()):
            raise GuardRefusal(f"{export_dir}: inside the matter folder; export elsewhere")
        vendor = check_vendor(matter, vendor_name, today)
        recipient = load_vendor_public(vendor.public_key) if vendor.public_key else None
        packets = load_packets(out_dir, doc_ids)
        audited_docs = [{"doc_id": p.doc_id, "sha256": content_sha256(p)} for p in packets]
        _check_packets(out_dir, packets, vendor, matter)
        config = config or Config()
        dictionary = english_dictionary(config.model)
        checker = build_checker(out_dir, matter, vault_key, dictionary)
        in_vault = set(vault_doc_ids(out_dir))
        no_vault = sorted(p.doc_id for p in packets if p.redactions and p.doc_id not in in_vault)
        if no_vault:
            raise GuardRefusal(
                f"no vault entry for {', '.join(no_vault)}: the leak check cannot prove "
                "that nothing of it leaks"
            )
        export_id = (
            "EXP-" + dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S-") + secrets.token_hex(3)
        )
        files, mapping = _outgoing(packets, prefix, export_id, config,
                                   _returned_work(out_dir, vendor))
        leaks = [
            leak
            for name, (vid, data) in files.items()
            for leak in checker.scan_file(vid, name, data)
        ]
        second_look = SecondLook(_redactors(config), [vault_key] if vault_key else [],
                                 _compacted(matter),
                                 [*files, *mapping], dictionary, FORMAT_KEYS)
        by_vid = dict(zip(mapping, packets, strict=True))
        for vid, group in _by_document(files).items():
            packet = by_vid.get(vid)
            leaks += second_look.scan(vid, packet.profile if packet else "standard", group,
                                      packet.kind if packet else "other")
        if leaks:
            raise LeakRefusal("leak check failed, nothing was written: " + _summarise(leaks), leaks)
    except GuardRefusal as exc:
        audit.append(
            actor, "export_refused", audited_docs, {"vendor": vendor_name, "reason": str(exc)}
        )
        raise
    written = []
    for name, (_vid, data) in files.items():
        if recipient is not None:
            written.append(atomic_write(export_dir / (name + SUFFIX), seal(name, data, recipient)))
        else:
            written.append(atomic_write(export_dir / name, data))
    manifest = atomic_write(
        out_dir / EXPORTS_DIR / f"{export_id}.json",
        json.dumps(
            {
                "export": export_id,
                "vendor": vendor.name,
                "to": str(export_dir.resolve()),
                "sealed": recipient is not None,
                "documents": {
                    vid: {"doc_id": d, "content_sha256": a["sha256"]}
                    for (vid, d), a in zip(mapping.items(), audited_docs, strict=True)
                },
            },
            indent=1,
        ),
    )
    audit.append(
        actor,
        "export",
        audited_docs,
        {
            "vendor": vendor.name,
            "export": export_id,
            "files": len(written),
            "sealed": recipient is not None,
            "leak_patterns": checker.patterns,
            "generic_values_skipped": checker.skipped,
        },
    )
    return ExportResult(export_id, written, mapping, recipient is not None, manifest)
