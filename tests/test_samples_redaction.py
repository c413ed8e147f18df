"""On the samples' gold list: no direct identifier is left in any redacted text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from redaction_samples import left_values  # noqa: E402  (the benchmark's own check)

GOLD = json.loads((ROOT / "samples" / "gold.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_direct_identifier_left(engine, name):
    packet = engine.review_file(ROOT / "samples" / name).packet
    direct = [item for item in GOLD[name]["pii"] if item["identifier"] == "direct"]
    left = left_values(packet.redacted_text, direct)
    assert not left, f"{name}: left readable: {[(i['type'], i['value']) for i in left]}"


@pytest.fixture(scope="module")
def folder_run(tmp_path_factory):
    """Every sample reviewed in one folder run (one engine, one run-wide pseudonym table)."""
    from lpo_review.engine import Engine
    from lpo_review.run import review_dir

    out = tmp_path_factory.mktemp("folder-run")
    review_dir(Engine(), ROOT / "samples", out)
    packets = {}
    for path in (out / "packets").glob("*.json"):
        packet = json.loads(path.read_text(encoding="utf-8"))
        packets[packet["source_name"]] = packet
    return packets


@pytest.mark.parametrize("name", sorted(GOLD))
def test_a_document_is_masked_alike_alone_and_in_a_folder_run(folder_run, name):
    """What a document masks does not depend on what else is in the run (numbers aside), so
    its drafts do not either: a record reviewed alone and in the folder has the same
    chronology."""
    from lpo_review.engine import Engine

    alone = Engine().review_file(ROOT / "samples" / name).packet
    in_run = folder_run[Path(name).name]
    assert [(r["start"], r["end"], r["entity_type"]) for r in in_run["redactions"]] == \
        [(r.start, r.end, r.entity_type) for r in alone.redactions]
    rows = {d["kind"]: len(d["rows"]) for d in in_run["drafts"]}
    assert rows == {d.kind: len(d.rows) for d in alone.drafts}
    if name.startswith("medical/"):
        assert rows["medical_chronology"] >= 3, rows


ATTACHMENT_GOLD = [(name, listed) for name, entry in sorted(GOLD.items())
                   for listed in entry.get("attachment_pii", [])]


@pytest.mark.parametrize(("name", "listed"), ATTACHMENT_GOLD,
                         ids=[f"{n}/{a['file']}" for n, a in ATTACHMENT_GOLD])
def test_no_direct_identifier_left_in_an_attachment(folder_run, name, listed):
    """An attachment with its own gold list (``attachment_pii``) is reviewed as a document of
    its own in the folder run, in the message's family, and keeps none of its direct values."""
    packets = [p for p in folder_run.values()
               if (p["meta"].get("family") or {}).get("container") == name
               and p["source_name"].endswith("-" + listed["file"])]
    assert len(packets) == 1, name
    packet = packets[0]
    parent = folder_run[Path(name).name]
    assert packet["meta"]["family"]["parent"] == parent["doc_id"]
    direct = [item for item in listed["pii"] if item["identifier"] == "direct"]
    left = left_values(packet["redacted_text"], direct)
    assert not left, f"{name}/{listed['file']}: left readable: {[i['value'] for i in left]}"
