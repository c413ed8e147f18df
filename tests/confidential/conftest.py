"""Fixtures for the confidentiality tests: matter folders built from a few generated documents.

Packets are built directly (no engine): each original value is replaced by a run-wide
placeholder, the packet is written to ``OUT/packets`` and the originals to the vault.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lpo_review.confidential.keys import (
    generate_key_pair,
    generate_vault_key,
    load_signing_key,
)
from lpo_review.confidential.signoff import sign_packet
from lpo_review.confidential.vault import write_vault_entry
from lpo_review.confidential.vendors import Matter, parse_matter
from lpo_review.model import (
    Draft,
    Finding,
    Packet,
    RedactionEntry,
    StageRecord,
    doc_id_for,
)
from lpo_review.packets.atomic import atomic_write

#: (source file name, text with {TYPE:value} marks) for the generated documents.
DOCUMENTS = [
    (
        "Smithers_v_Acme_depo_Jane_Whitfield.txt",
        "Q. State your name.\nA. {PERSON:Jane Whitfield}.\nQ. Where do you live?\n"
        "A. {LOCATION:Duluth}, phone {PHONE_NUMBER:218-555-0143}.\nQ. Who is your doctor?\n"
        "A. Dr. {PERSON:Oskar Brandvold}, since {DATE_TIME:March 3, 2019}.\n",
    ),
    (
        "acme-msa-2021-final.docx",
        "This agreement between {ORGANIZATION:Acme Widgets LLC} and {PERSON:Jane Whitfield} "
        "is governed by the laws of {LOCATION:Minnesota}. "
        "Contact: {EMAIL_ADDRESS:jw@whitfield.example}.\n",
    ),
]
_MARK = re.compile(r"\{([A-Z_]+):([^}]+)\}")


@dataclass
class MatterFolder:
    out: Path
    key: bytes
    keys_dir: Path
    packets: dict[str, Path] = field(default_factory=dict)
    """doc_id -> packet path."""
    originals: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    plain: dict[str, str] = field(default_factory=dict)
    """doc_id -> the original text."""

    def packet(self, doc_id: str) -> Packet:
        return Packet.model_validate_json(self.packets[doc_id].read_text(encoding="utf-8"))

    def save(self, packet: Packet) -> None:
        atomic_write(self.packets[packet.doc_id], packet.model_dump_json(indent=2))

    def approve_all(self, attorney_key: Path) -> None:
        key = load_signing_key(attorney_key)
        for doc_id in self.packets:
            packet = self.packet(doc_id)
            flagged = [
                f"F{i}"
                for i, f in enumerate(packet.findings)
                if f.label in {"advice_language", "out_of_scope_task"}
            ]
            self.save(
                sign_packet(
                    packet,
                    attorney="Ann Counsel",
                    bar_number="NY-1",
                    key=key,
                    decision="approved",
                    acknowledged=flagged,
                )
            )


def build_packet(
    source: str, marked: str, table: dict[tuple[str, str], str], profile: str = "strict"
) -> tuple[Packet, dict[str, str], dict[str, str]]:
    """Redact ``marked`` text: returns the packet, placeholder->original, placeholder->type."""
    redacted, entries, originals, types = [], [], {}, {}
    orig_pos = red_pos = last = 0
    plain = _MARK.sub(lambda m: m.group(2), marked)
    for m in _MARK.finditer(marked):
        kind, value = m.group(1), m.group(2)
        before = marked[last : m.start()]
        redacted.append(before)
        orig_pos += len(before)
        red_pos += len(before)
        n = sum(1 for k in table if k[0] == kind) + 1
        ph = table.setdefault((kind, value.casefold()), f"<{kind}_{n}>")
        entries.append(
            RedactionEntry(
                entity_type=kind,
                start=orig_pos,
                end=orig_pos + len(value),
                redacted_start=red_pos,
                redacted_end=red_pos + len(ph),
                cite="1:1",
                recognizer="test",
                score=1.0,
                placeholder=ph,
            )
        )
        redacted.append(ph)
        originals[ph], types[ph] = value, kind
        orig_pos += len(value)
        red_pos += len(ph)
        last = m.end()
    redacted.append(marked[last:])
    text = "".join(redacted)
    sha = hashlib.sha256(plain.encode()).hexdigest()
    packet = Packet(
        doc_id=doc_id_for(sha),
        source_name=source,
        source_sha256=sha,
        source_format="txt",
        kind="deposition",
        profile=profile,
        pages=1,
        words=len(plain.split()),
        redacted_text=text,
        redactions=entries,
        findings=[
            Finding(stage="digest", label="topic", start=0, end=10, cite="1:1", text=text[:10])
        ],
        drafts=[
            Draft(
                stage="digest",
                kind="deposition_digest",
                title="Digest",
                columns=["cite", "summary"],
                rows=[
                    {"cite": "1:1", "summary": "Witness identified as <PERSON_1>."},
                    {"cite": "1:2", "summary": "You should settle this case."},
                ],
            )
        ],
        stages=[
            StageRecord(
                name="digest",
                plugin="builtin",
                plugin_version="1",
                saw_original=False,
                seconds=0.1,
                findings=1,
            )
        ],
        engine_version="test",
        created_at="2026-01-01T00:00:00Z",
        meta={"author": "Jane Whitfield"},
    )
    return packet, originals, types


@pytest.fixture
def matter(tmp_path: Path) -> MatterFolder:
    """A matter folder with two pending packets and their vault entries."""
    out = tmp_path / "matter"
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir(exist_ok=True)
    folder = MatterFolder(out=out, key=generate_vault_key(), keys_dir=keys_dir)
    table: dict[tuple[str, str], str] = {}
    for n, (source, marked) in enumerate(DOCUMENTS):
        packet, originals, types = build_packet(source, marked, table)
        path = out / "packets" / f"{packet.doc_id}.json"
        atomic_write(path, packet.model_dump_json(indent=2))
        # the first document's vault keeps every span (exact reveal), the second only values
        spans = [m.group(2) for m in _MARK.finditer(marked)] if n == 0 else None
        write_vault_entry(out, packet.doc_id, originals, types, folder.key, spans=spans)
        folder.plain[packet.doc_id] = _MARK.sub(lambda m: m.group(2), marked)
        folder.packets[packet.doc_id] = path
        folder.originals += list(originals.values())
        folder.sources.append(source)
    return folder


@pytest.fixture
def attorney_key(tmp_path: Path) -> Path:
    private, _public = generate_key_pair(tmp_path / "keys" / "attorney", "attorney")
    return private


@pytest.fixture
def vendor_keys(tmp_path: Path) -> tuple[Path, Path]:
    return generate_key_pair(tmp_path / "keys" / "vendor", "vendor")


def _make_matter(**vendor: object) -> Matter:
    """A matter with one vendor ``V`` (override its fields) and an EU data tag policy."""
    fields: dict[str, object] = {
        "name": "V",
        "jurisdiction": "DE",
        "nda_on_file": True,
        "nda_expires": dt.date(2099, 1, 1),
        "profile": "strict",
    }
    fields.update(vendor)
    return parse_matter(
        {
            "name": "Smithers v. Acme",
            "data_tags": ["eu_personal_data"],
            "cross_border": {"eu_personal_data": ["DE", "FR", "IE"]},
            "vendors": [fields],
        }
    )


@pytest.fixture
def make_matter():
    """Factory: ``make_matter(**vendor_fields)`` -> a Matter with one vendor ``V``."""
    return _make_matter
