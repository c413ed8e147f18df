"""Only a signed approval makes a packet final; any change after signing fails verification."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from lpo_review.confidential.keys import generate_key_pair, load_signing_key
from lpo_review.confidential.signoff import (
    SignatureError,
    canonical_content,
    sign_packet,
    verify_packet,
)
from lpo_review.confidential.vendors import parse_matter
from lpo_review.errors import GuardRefusal
from lpo_review.model import Finding, Packet


def _approve(packet, key_path: Path, **kw):
    return sign_packet(
        packet,
        attorney="Ann Counsel",
        bar_number="NY-1",
        key=load_signing_key(key_path),
        decision="approved",
        **kw,
    )


def test_approval_verifies(matter, attorney_key) -> None:
    packet = matter.packet(next(iter(matter.packets)))
    signed = _approve(packet, attorney_key)
    assert signed.status == "approved"
    assert verify_packet(signed).ok
    assert canonical_content(signed) == canonical_content(packet)  # status/signoff excluded


@pytest.mark.parametrize(
    "edit",
    [
        lambda p: p.model_copy(update={"redacted_text": p.redacted_text + " "}),
        lambda p: p.model_copy(update={"findings": p.findings[:0]}),
        lambda p: p.model_copy(update={"meta": {"note": "x"}}),
    ],
)
def test_edit_after_signoff_fails_verification(matter, attorney_key, edit) -> None:
    signed = _approve(matter.packet(next(iter(matter.packets))), attorney_key)
    result = verify_packet(edit(signed))
    assert not result.ok
    assert result.problem.startswith("TAMPERED: the packet changed after sign-off")


def test_returned_packet_cannot_be_turned_into_an_approval(matter, attorney_key) -> None:
    packet = matter.packet(next(iter(matter.packets)))
    returned = sign_packet(
        packet,
        attorney="Ann Counsel",
        bar_number="NY-1",
        key=load_signing_key(attorney_key),
        decision="returned",
        reasons=["cites missing"],
    )
    assert verify_packet(returned).ok and returned.status == "returned"
    forged_status = returned.model_copy(update={"status": "approved"})
    assert "TAMPERED: status" in verify_packet(forged_status).problem
    forged = returned.model_copy(
        update={
            "status": "approved",
            "signoff": returned.signoff.model_copy(update={"decision": "approved"}),
        }
    )
    assert "INVALID SIGNATURE" in verify_packet(forged).problem


def test_signature_by_another_key_is_invalid(matter, attorney_key, tmp_path: Path) -> None:
    signed = _approve(matter.packet(next(iter(matter.packets))), attorney_key)
    other, _ = generate_key_pair(tmp_path / "other", "attorney")
    other_pub = load_signing_key(other).public_key().public_bytes_raw()
    swapped = signed.model_copy(
        update={
            "signoff": signed.signoff.model_copy(
                update={"public_key": base64.b64encode(other_pub).decode()}
            )
        }
    )
    assert "INVALID SIGNATURE" in verify_packet(swapped).problem


def test_flagged_findings_must_each_be_acknowledged(matter, attorney_key) -> None:
    packet = matter.packet(next(iter(matter.packets)))
    flagged = [
        Finding(
            stage="guard",
            label="advice_language",
            start=0,
            end=5,
            cite="1:2",
            data={"draft": 0, "row": 1, "column": "summary"},
        ),
        Finding(stage="guard", label="out_of_scope_task", start=0, end=5, cite="1:1"),
    ]
    packet = packet.model_copy(update={"findings": packet.findings + flagged})
    with pytest.raises(
        GuardRefusal, match=r"acknowledging each flagged finding: F1 \(advice_language\), F2"
    ):
        _approve(packet, attorney_key)
    with pytest.raises(GuardRefusal, match="F2 \\(out_of_scope_task\\)"):
        _approve(packet, attorney_key, acknowledged=["F1"])
    with pytest.raises(GuardRefusal, match="F0 is not a finding that needs acknowledgement"):
        _approve(packet, attorney_key, acknowledged=["F0", "F1", "F2"])
    signed = _approve(packet, attorney_key, acknowledged=["F1", "F2"])
    assert signed.signoff.acknowledged == ["F1", "F2"] and verify_packet(signed).ok


def test_return_needs_a_reason_and_signed_packets_are_final(matter, attorney_key) -> None:
    packet = matter.packet(next(iter(matter.packets)))
    with pytest.raises(GuardRefusal, match="needs at least one reason"):
        sign_packet(
            packet,
            attorney="A",
            bar_number="1",
            key=load_signing_key(attorney_key),
            decision="returned",
        )
    signed = _approve(packet, attorney_key)
    with pytest.raises(GuardRefusal, match="already approved"):
        _approve(signed, attorney_key)


def test_registered_attorneys_only(matter, attorney_key, tmp_path: Path) -> None:
    other, other_pub = generate_key_pair(tmp_path / "intruder", "attorney")
    matter_cfg = parse_matter(
        {
            "attorneys": [
                {
                    "name": "Ann Counsel",
                    "bar_number": "NY-1",
                    "public_key": str(attorney_key) + ".pub",
                }
            ]
        }
    )
    packet = matter.packet(next(iter(matter.packets)))
    with pytest.raises(SignatureError, match="not one of the matter's registered attorneys"):
        _approve(packet, other, matter=matter_cfg)
    signed_elsewhere = _approve(packet, other)
    assert "registered attorneys" in verify_packet(signed_elsewhere, matter_cfg).problem
    assert verify_packet(_approve(packet, attorney_key, matter=matter_cfg), matter_cfg).ok


def test_signature_survives_a_schema_addition_with_a_default(matter, attorney_key) -> None:
    signed = _approve(matter.packet(next(iter(matter.packets))), attorney_key)

    class LaterPacket(Packet):
        reviewer_notes: list[str] = []

    later = LaterPacket.model_validate_json(signed.model_dump_json())
    assert verify_packet(later).ok
    assert not verify_packet(later.model_copy(update={"reviewer_notes": ["x"]})).ok
