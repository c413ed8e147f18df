"""Vendor export: every refusal, and what a successful export contains (and does not)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from lpo_review.confidential.audit import AuditLog
from lpo_review.confidential.export import LeakRefusal, export_packets
from lpo_review.confidential.keys import (
    generate_key_pair,
    generate_vault_key,
    load_vendor_private,
)
from lpo_review.confidential.sealed import SealError, open_sealed
from lpo_review.confidential.vault import write_vault_entry
from lpo_review.confidential.vendors import load_matter, parse_matter
from lpo_review.errors import GuardRefusal
from lpo_review.guard.stage import WITHHELD, vendor_drafts
from lpo_review.model import Finding, SignOff


@pytest.fixture
def export(matter, tmp_path: Path, make_matter):
    """Run an export of the matter folder to ``tmp_path/export`` (override any argument)."""

    def run(**kw):
        args = {
            "vendor_name": "V",
            "matter": make_matter(),
            "vault_key": matter.key,
            "actor": "tester",
        }
        args.update(kw)
        return export_packets(matter.out, tmp_path / "export", **args)

    return run


def _last_audit(matter):
    return AuditLog.for_matter(matter.out).entries()[-1]


@pytest.mark.parametrize(
    "vendor,reason",
    [
        ({"nda_on_file": False}, "no confidentiality agreement (NDA) on file"),
        ({"nda_expires": dt.date(2020, 1, 31)}, "NDA) expired on 2020-01-31"),
        (
            {"jurisdiction": "IN"},
            "tagged 'eu_personal_data' may not go to IN (allowed: DE, FR, IE)",
        ),
    ],
)
def test_vendor_refusals(
    export, make_matter, matter, attorney_key, tmp_path, vendor, reason
) -> None:
    matter.approve_all(attorney_key)
    with pytest.raises(GuardRefusal, match=reason.replace("(", r"\(").replace(")", r"\)")):
        export(matter=make_matter(**vendor))
    assert not (tmp_path / "export").exists()
    entry = _last_audit(matter)
    assert entry.action == "export_refused" and reason in entry.details["reason"]


def test_unknown_vendor_refused(export, matter, attorney_key, tmp_path) -> None:
    matter.approve_all(attorney_key)
    with pytest.raises(GuardRefusal, match="'Nope' is not registered .*registered: V"):
        export(vendor_name="Nope")


def test_unapproved_or_tampered_packets_refused(export, matter, attorney_key, tmp_path) -> None:
    with pytest.raises(GuardRefusal, match="not approved \\(status pending_attorney_review\\)"):
        export()
    matter.approve_all(attorney_key)
    doc_id = next(iter(matter.packets))
    packet = matter.packet(doc_id)
    matter.save(packet.model_copy(update={"redacted_text": packet.redacted_text + "!"}))
    with pytest.raises(GuardRefusal, match=f"{doc_id}: TAMPERED"):
        export()


def test_weaker_profile_refused(export, make_matter, matter, attorney_key, tmp_path) -> None:
    doc_id = next(iter(matter.packets))
    matter.save(matter.packet(doc_id).model_copy(update={"profile": "standard"}))
    matter.approve_all(attorney_key)
    with pytest.raises(GuardRefusal, match="profile 'standard', weaker than 'strict'"):
        export()
    assert export(matter=make_matter(profile="standard")).mapping


def test_missing_or_wrong_vault_key_refused(export, matter, attorney_key, tmp_path) -> None:
    matter.approve_all(attorney_key)
    with pytest.raises(GuardRefusal, match="no vault key"):
        export(vault_key=None)
    with pytest.raises(Exception, match="wrong vault key"):
        export(vault_key=generate_vault_key())


def test_leak_refused_naming_document_and_kind_only(export, matter, attorney_key, tmp_path) -> None:
    doc_id = sorted(matter.packets)[1]
    packet = matter.packet(doc_id)
    leaky = Finding(
        stage="digest",
        label="topic",
        start=0,
        end=4,
        cite="1:1",
        text="as told by DR. OSKAR  BRANDVOLD",
    )  # a value from the other document
    matter.save(packet.model_copy(update={"findings": packet.findings + [leaky]}))
    matter.approve_all(attorney_key)
    with pytest.raises(GuardRefusal) as err:
        export()
    message = str(err.value)
    assert "leak check failed, nothing was written" in message
    original = re.search(r"DOC-000002: original PERSON value\(s\) in ([^;]+)", message)
    assert original and {"DOC-000002.json", "DOC-000002.docx"} <= set(original[1].split(", "))
    assert "Brandvold".casefold() not in message.casefold()
    assert not (tmp_path / "export").exists()
    assert "brandvold" not in json.dumps(_last_audit(matter).details).casefold()


def _all_text(folder: Path) -> str:
    """Every byte and name under folder, with DOCX parts unzipped, as one string."""
    parts = []
    for path in folder.rglob("*"):
        parts.append(path.name)
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                parts += [n + z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts).casefold()


def test_export_contents_are_neutral(export, matter, attorney_key, tmp_path) -> None:
    matter.approve_all(attorney_key)
    result = export()
    export = tmp_path / "export"
    assert sorted(p.name for p in export.iterdir()) == [
        "DOC-000001.docx",
        "DOC-000001.html",
        "DOC-000001.json",
        "DOC-000002.docx",
        "DOC-000002.html",
        "DOC-000002.json",
        "manifest.json",
    ]
    everything = _all_text(export)
    for value in matter.originals + matter.sources + ["Smithers", "Ann Counsel", "NY-1"]:
        assert value.casefold() not in everything
    for doc_id in matter.packets:
        assert doc_id.casefold() not in everything  # firm IDs stay in the firm's manifest
    vendor = json.loads((export / "DOC-000001.json").read_text())
    assert "source_name" not in vendor and "meta" not in vendor and "source_sha256" not in vendor
    assert "<PERSON_1>" in vendor["text"]
    props = docx.Document(export / "DOC-000001.docx").core_properties
    assert (props.author, props.last_modified_by, props.title) == (
        "lpo-review",
        "lpo-review",
        "Vendor packet DOC-000001",
    )
    firm_manifest = json.loads(result.manifest.read_text())
    assert set(firm_manifest["documents"]) == {"DOC-000001", "DOC-000002"}
    entry = _last_audit(matter)
    assert entry.action == "export" and {d["doc_id"] for d in entry.documents} == set(
        matter.packets
    )


def test_advice_language_cells_withheld_unless_acknowledged(matter) -> None:
    packet = matter.packet(next(iter(matter.packets)))
    flag = Finding(
        stage="guard",
        label="advice_language",
        start=0,
        end=5,
        cite="1:2",
        data={"draft": 0, "row": 1, "column": "summary", "sentence_start": 0,
              "sentence_end": len("You should settle this case.")},
    )
    packet = packet.model_copy(update={"findings": packet.findings + [flag]})
    rows = vendor_drafts(packet)[0].rows
    assert rows[1]["summary"] == WITHHELD and rows[0]["summary"].startswith("Witness")
    assert rows[1]["cite"] == "1:2"
    acknowledged = packet.model_copy(update={"signoff": SignOff(
        attorney="A", bar_number="1", decision="approved", acknowledged=["F1"], signed_at="x",
        content_sha256="x", public_key="x", signature="x")})
    assert vendor_drafts(acknowledged)[0].rows[1]["summary"] == "You should settle this case."


def test_sealed_export_opens_only_with_the_vendor_key(
    export, make_matter, matter, attorney_key, vendor_keys, tmp_path
) -> None:
    private, public = vendor_keys
    matter.approve_all(attorney_key)
    result = export(matter=make_matter(public_key=public))
    assert result.sealed
    sealed = sorted((tmp_path / "export").iterdir())
    assert all(p.name.endswith(".sealed") for p in sealed)
    assert "<person_1>" not in _all_text(tmp_path / "export")
    sealed_json = next(p for p in sealed if p.name == "DOC-000001.json.sealed")
    name, data = open_sealed(sealed_json.read_bytes(), load_vendor_private(private))
    assert name == "DOC-000001.json" and json.loads(data)["id"] == "DOC-000001"
    wrong, _ = generate_key_pair(tmp_path / "keys" / "other-vendor", "vendor")
    with pytest.raises(SealError, match="different key"):
        open_sealed(sealed_json.read_bytes(), load_vendor_private(wrong))
    tampered = bytearray(sealed_json.read_bytes())
    tampered[-1] ^= 1
    with pytest.raises(SealError, match="altered in transit"):
        open_sealed(bytes(tampered), load_vendor_private(private))


def test_matter_config_errors_name_the_key(tmp_path) -> None:
    config = tmp_path / "matter.toml"
    config.write_text(
        '[matter]\ndata_tags = ["eu_personal_data"]\n'
        '[[matter.vendors]]\nname = "V"\njurisdiction = "India"\nnda_on_fle = true\n'
    )
    with pytest.raises(Exception) as err:
        load_matter(config)
    message = str(err.value)
    assert "matter.vendors.0.jurisdiction" in message
    assert "matter.vendors.0.nda_on_fle: unknown key" in message
    with pytest.raises(Exception, match="no \\[matter.cross_border\\] entry"):
        parse_matter({"data_tags": ["eu_personal_data"]})


def test_missing_vault_entry_refused(export, matter, attorney_key) -> None:
    matter.approve_all(attorney_key)
    doc_id = sorted(matter.packets)[0]
    (matter.out / "vault" / f"{doc_id}.vault").unlink()
    with pytest.raises(GuardRefusal, match=f"no vault entry for {doc_id}"):
        export()


def test_export_folder_must_be_new_and_outside_the_matter(
    export, matter, attorney_key, tmp_path
) -> None:
    matter.approve_all(attorney_key)
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "old.txt").write_text("x")
    with pytest.raises(GuardRefusal, match="not empty"):
        export()
    with pytest.raises(GuardRefusal, match="inside the matter folder"):
        export_packets(
            matter.out,
            matter.out / "to-vendor",
            vendor_name="V",
            matter=parse_matter(
                {"vendors": [{"name": "V", "jurisdiction": "DE", "nda_on_file": True}]}
            ),
            vault_key=matter.key,
        )


def test_generic_redactions_are_not_leaks_but_names_are(
    export, matter, attorney_key, make_matter
) -> None:
    doc_id = sorted(matter.packets)[0]
    packet = matter.packet(doc_id)
    text = packet.redacted_text + "\nPer the Agreement, Licensor reports 6 hours; plan 16.\n"
    matter.save(packet.model_copy(update={"redacted_text": text}))
    write_vault_entry(
        matter.out,
        "DOC-OTHER",
        {
            "<ORGANIZATION_9>": "Agreement",
            "<DATE_TIME_9>": ["6 hours", "16"],
            "<PERSON_9>": "Licensor",
        },
        {},
        matter.key,
    )
    matter.approve_all(attorney_key)
    with pytest.raises(LeakRefusal) as err:
        export()
    assert {(leak.kind, leak.value) for leak in err.value.leaks} == {("PERSON", "Licensor")}
    allowing = make_matter()
    allowing.leak_check_allow.append("LICENSOR")
    assert export(matter=allowing).mapping
    details = _last_audit(matter).details
    assert details["generic_values_skipped"] >= 3


def _append_to_text(matter, doc_id: str, addition: str) -> None:
    packet = matter.packet(doc_id)
    matter.save(packet.model_copy(update={"redacted_text": packet.redacted_text + addition}))


@pytest.mark.parametrize(
    "addition, kind",
    [
        # redaction misses that no vault knows: the second look finds them
        ("\nQ. Who was your supervisor?\nA. Harriet Quennell.\n", "PERSON"),
        ("\nCAPTION: ROSALIND KETTERIDGE, Plaintiff\n", "PERSON"),
        ("\nHer employee ID was 448-2190-77 at the plant.\n", "EMPLOYEE_ID"),
        ("\nReach her at h.quennell@mailbox.example.org or 312-555-0177.\n", "EMAIL_ADDRESS"),
    ],
)
def test_unredacted_identifiers_no_vault_knows_are_refused(
    export, matter, attorney_key, addition: str, kind: str
) -> None:
    doc_id = sorted(matter.packets)[0]
    _append_to_text(matter, doc_id, addition)
    matter.approve_all(attorney_key)
    with pytest.raises(LeakRefusal) as err:
        export()
    assert any(leak.unexplained and leak.kind in (kind, "ID_NUMBER") for leak in err.value.leaks), [
        (leak.kind, leak.location) for leak in err.value.leaks
    ]
    assert "DOC-000001: unredacted" in str(err.value)
    assert "quennell" not in str(err.value).casefold()


def test_cleared_values_and_placeholders_pass_the_second_look(
    export, matter, attorney_key, make_matter
) -> None:
    _append_to_text(matter, sorted(matter.packets)[0],
                    "\nA. <PERSON_1> met Harriet Quennell at the ENCOUNTER desk.\n")
    matter.approve_all(attorney_key)
    with pytest.raises(LeakRefusal):
        export()
    cleared = make_matter()
    cleared.leak_check_allow.append("Harriet Quennell")
    assert export(matter=cleared).mapping


def test_key_material_never_leaves(export, matter, attorney_key) -> None:
    """A private key pulled into a document (a symlink, a paste), or the vault key itself, is
    refused by the second look whatever the redactor made of it."""
    pem = attorney_key.read_text(encoding="utf-8")
    vault_key = base64.urlsafe_b64encode(matter.key).decode()
    first, second = sorted(matter.packets)
    _append_to_text(matter, first, "\n" + pem)
    _append_to_text(matter, second, f"\nkey: {vault_key}\n")
    matter.approve_all(attorney_key)
    with pytest.raises(LeakRefusal) as err:
        export()
    found = {(leak.document, leak.kind) for leak in err.value.leaks if leak.unexplained}
    assert {("DOC-000001", "KEY_MATERIAL"), ("DOC-000002", "KEY_MATERIAL")} <= found
    assert "PRIVATE KEY" not in str(err.value) and vault_key not in str(err.value)


def test_high_entropy_secrets_are_key_material() -> None:
    from lpo_review.confidential.second_look import SecondLook

    look = SecondLook(lambda profile: pytest.fail("no identifier scan needed"))
    token = "sk_live_" + "9fQ2xR7LmZ4tK1pW8vB3nH6yC0dJ5sAe"
    leaks = look.key_material("D", "D.json", f'{{"note": "api {token}"}}'.encode())
    assert [leak.kind for leak in leaks] == ["KEY_MATERIAL"]
    digest = "3f" * 32
    ordinary = "the quick brown fox jumps over the lazy dog"
    assert look.key_material("D", "D.json", f"{digest} {ordinary}".encode()) == []
