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
