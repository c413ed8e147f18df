"""Under ``date-shifted`` a vendor's chronology keeps every visit in order with its gaps, and
no original date leaves the firm.

Reviews the sample medical records twice (``none`` for the true chronology, ``date-shifted``
with a vault key), approves and exports the shifted packets, then compares: same rows, same
gaps, every date marked shifted, and not one original date (any spelling) in any exported file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lpo_review import run as run_module
from lpo_review.confidential.export import export_packets
from lpo_review.confidential.keys import generate_key_pair, generate_vault_key, load_signing_key
from lpo_review.confidential.leakcheck import LeakChecker
from lpo_review.confidential.signoff import flagged_findings, sign_packet
from lpo_review.confidential.vault import _decrypt, read_vault_entry
from lpo_review.confidential.vendors import parse_matter
from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.model import Packet
from lpo_review.packets.atomic import atomic_write
from lpo_review.redact.date_shift import OFFSET_RANGE, SHIFTED_DATE

pytestmark = pytest.mark.slow

MEDICAL = Path(__file__).resolve().parents[2] / "samples" / "medical"


def chronology(drafts: list) -> list[dict]:
    return next(d for d in drafts if d["kind"] == "medical_chronology")["rows"]


@pytest.fixture(scope="module")
def shifted(tmp_path_factory) -> tuple[Path, Path, bytes]:
    """(matter folder, export folder, vault key) of the shifted review, approved and exported."""
    tmp = tmp_path_factory.mktemp("shifted")
    key = generate_vault_key()
    src, out, export = tmp / "records", tmp / "matter", tmp / "export"
    shutil.copytree(MEDICAL, src)
    report = run_module.review_dir(Engine(Config(profile="date-shifted")), src, out, vault_key=key)
    assert report.totals()["ok"] == 4, report.to_dict()
    signing = load_signing_key(generate_key_pair(tmp / "keys" / "attorney", "attorney")[0])
    for path in sorted((out / "packets").glob("*.json")):
        packet = Packet.model_validate_json(path.read_text(encoding="utf-8"))
        atomic_write(path, sign_packet(packet, attorney="Ann Counsel", bar_number="NY-1",
                                       key=signing, decision="approved",
                                       acknowledged=list(flagged_findings(packet)))
                     .model_dump_json(indent=2))
    matter = parse_matter({"name": "Records", "leak_check_allow": ["Colles"], "vendors": [
        {"name": "V", "jurisdiction": "IN", "nda_on_file": True, "profile": "date-shifted"}]})
    export_packets(out, export, vendor_name="V", matter=matter, vault_key=key, actor="test")
    return out, export, key


def test_exported_chronology_keeps_every_visit_in_order_with_its_gaps(shifted):
    _out, export, _key = shifted
    truth = {}
    for path in sorted(MEDICAL.iterdir()):
        packet = Engine(Config(profile="none")).review_file(path).packet
        truth[packet.words] = chronology([d.model_dump() for d in packet.drafts])
    exported = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(export.glob("DOC-*.json"))]
    assert len(exported) == 4
    for packet in exported:  # a vendor's packet names no source: matched by its word count
        rows, true = chronology(packet["drafts"]), truth[packet["words"]]
        visits = [r for r in rows if not r.get("gap")]
        assert len(visits) == len([r for r in true if not r.get("gap")])
        dated = [r["date"] for r in visits if r["date_status"] == "shifted"]
        assert len(dated) >= len(visits) - 1
        assert dated == sorted(dated) and all(d.endswith(" (shifted)") for d in dated)
        assert [r["gap_days"] for r in rows if r.get("gap")] == \
            [r["gap_days"] for r in true if r.get("gap")]


def test_no_original_date_leaves_and_the_vault_keeps_the_offset(shifted):
    out, export, key = shifted
    originals = []
    for entry in sorted((out / "vault").glob("*")):
        doc_id = entry.name.split(".")[0]
        values = read_vault_entry(out, doc_id, key)
        originals += [(v.value, v.entity_type) for v in values.values()
                      if v.entity_type in ("DATE", "DATE_OF_BIRTH")]
        shift = _decrypt(out, doc_id, key)["date_shift"]
        assert OFFSET_RANGE[0] <= shift < OFFSET_RANGE[1]
    assert len(originals) >= 10
    checker = LeakChecker(originals)
    leaks = [leak for p in sorted(export.rglob("*")) if p.is_file()
             for leak in checker.scan_file(p.stem, p.name, p.read_bytes())]
    assert leaks == []
    text = " ".join(p.read_text(encoding="utf-8", errors="replace")
                    for p in export.rglob("*.json"))
    assert text.count("(shifted)") >= 10
    # A shifted day may by chance be another record's real day; it is marked, and no original.
    unshifted = SHIFTED_DATE.sub(" ", text)
    assert all(value not in unshifted for value, _ in originals)
