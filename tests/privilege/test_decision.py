"""The attorney's privilege decision: what it takes, what it binds, and what it holds back."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from lpo_review.errors import GuardRefusal
from lpo_review.model import Finding, Packet
from lpo_review.privilege.decision import decide, line_ranges, privilege_hold, read_decision


@pytest.fixture
def flagged() -> Packet:
    finding = Finding(stage="privilege", label="possible_privilege", start=0, end=10,
                      cite="1:1", text="PRIVILEGED", data={"basis": "marker"})
    return Packet(doc_id="DOC-000000000001", source_name="advice.txt", source_sha256="0" * 64,
                  source_format="txt", kind="other", profile="standard", pages=1, words=9,
                  redacted_text="PRIVILEGED\n<COUNSEL_1> advises against signing.\n",
                  redactions=[], findings=[finding], stages=[], engine_version="test",
                  created_at="2026-12-05T00:00:00Z")


def _decide(tmp_path, packet, **kw):
    args = {"privileged": True, "treatment": "withhold", "attorney": "Ann Counsel",
            "bar_number": "NY-1", "key": Ed25519PrivateKey.generate(),
            "privilege_type": "attorney-client",
            "description": "Letter from outside counsel giving legal advice."}
    return decide(tmp_path, packet, **{**args, **kw})


def test_flagged_packet_is_held_until_decided_then_released(tmp_path, flagged):
    assert "attorney must decide" in privilege_hold(tmp_path, flagged, for_vendor=True)
    _decide(tmp_path, flagged, privileged=False, treatment="release", privilege_type="",
            description="")
    assert privilege_hold(tmp_path, flagged, for_vendor=True) == ""
    assert not read_decision(tmp_path, flagged.doc_id).privileged


def test_privileged_is_never_exported_and_withheld_from_productions(tmp_path, flagged):
    _decide(tmp_path, flagged)
    assert "withheld" in privilege_hold(tmp_path, flagged, for_vendor=True)
    assert "withheld" in privilege_hold(tmp_path, flagged, for_vendor=False)


def test_a_changed_packet_voids_the_decision(tmp_path, flagged):
    _decide(tmp_path, flagged, treatment="redact", redact_lines=["1:2-1:4"])
    changed = flagged.model_copy(update={"redacted_text": flagged.redacted_text + " "})
    assert "changed after" in privilege_hold(tmp_path, changed, for_vendor=False)


@pytest.mark.parametrize("kw, message", [
    ({"description": "advice"}, "description"),
    ({"privilege_type": ""}, "privilege type"),
    ({"treatment": "release"}, "not released"),
    ({"treatment": "redact"}, "line ranges"),
    ({"privileged": False, "treatment": "withhold"}, "is released"),
    ({"treatment": "redact", "redact_lines": ["2:9-2:3"]}, "ends before"),
])
def test_refuses_an_incomplete_decision(tmp_path, flagged, kw, message):
    with pytest.raises(GuardRefusal, match=message):
        _decide(tmp_path, flagged, **kw)
    assert read_decision(tmp_path, flagged.doc_id) is None


def test_line_ranges():
    assert line_ranges(["2:5-2:9", "3:1-14", "4:2", "4:20-5:3"]) == [
        (2, 5, 2, 9), (3, 1, 3, 14), (4, 2, 4, 2), (4, 20, 5, 3)]
