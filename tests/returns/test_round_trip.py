"""The whole return leg on a real sample, through the command line: review -> sign-off ->
export -> open -> a scripted vendor edit -> return -> import -> acknowledge and approve ->
deliver -> QA sample and report; and a returned work product goes back with its reasons."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from lpo_review.cli import main
from lpo_review.confidential.keys import (
    decode_vault_key,
    encode_vault_key,
    generate_vault_key,
    write_private,
)
from lpo_review.confidential.vault import read_vault_entry

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TRANSCRIPT = "deposition_hr_director_employment.txt"
RECORD = "records_diabetes_care.txt"
ADVICE = "The employer will almost certainly lose on retaliation, so the client should settle now."
CORRECTION = "Testified that the investigation closed in March, not February."


def _run(*args: object, code: int = 0) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, (args, result.output, result.stderr_bytes and result.stderr)
    return result.output + (result.stderr if result.stderr_bytes else "")


@pytest.fixture(scope="module")
def trip(tmp_path_factory) -> dict[str, Path | str]:
    tmp = tmp_path_factory.mktemp("round-trip")
    keys = tmp / "keys"
    vault = write_private(keys / "vault.key", encode_vault_key(generate_vault_key()) + "\n")
    for kind, name in (("attorney", "ann"), ("vendor", "acme"), ("vendor-signing", "acme-sign"),
                       ("firm", "firm")):
        _run("keygen", kind, keys / name)
    config = tmp / "matter.toml"
    config.write_text(
        '[matter]\nname = "Okafor v. Bellmere"\nfirm_key = "keys/firm.pub"\n'
        'leak_check_allow = ["Licensor", "Force Majeure", "Colles"]\n'
        '[[matter.vendors]]\nname = "Acme LPO"\njurisdiction = "IN"\nnda_on_file = true\n'
        'nda_expires = 2099-06-30\nprofile = "strict"\npublic_key = "keys/acme.pub"\n'
        'signing_key = "keys/acme-sign.pub"\n'
        '[[matter.attorneys]]\nname = "Ann Counsel"\nbar_number = "NY-1"\n'
        'public_key = "keys/ann.pub"\n', encoding="utf-8")
    src, out = tmp / "docs", tmp / "matter"
    src.mkdir()
    shutil.copy(SAMPLES / "depositions" / TRANSCRIPT, src)
    shutil.copy(SAMPLES / "medical" / RECORD, src)
    _run("review", src, "--out", out, "--profile", "strict", "--vault-key-file", vault, "-q")
    sign = ("--attorney", "Ann Counsel", "--bar-number", "NY-1", "--key", keys / "ann",
            "--config", config)
    for packet in sorted((out / "packets").glob("*.json")):
        _run("signoff", packet, "--approve", *sign)
    common = ("--config", config, "--vault-key-file", vault)
    _run("export", out, "--vendor", "Acme LPO", "--to", tmp / "outbox", "--prefix", "ACME",
         *common)
    _run("open", *sorted((tmp / "outbox").iterdir()), "--key", keys / "acme", "--to",
         tmp / "inbox")
    return {"tmp": tmp, "keys": keys, "config": config, "out": out, "vault": vault,
            "inbox": tmp / "inbox", "sign": sign, "common": common}


def _kind(inbox: Path, export_id: str) -> str:
    return json.loads((inbox / f"{export_id}.json").read_text(encoding="utf-8"))["kind"]


def _vendor_edits(inbox: Path, work: Path) -> tuple[str, str]:
    """The vendor's work: in the transcript's DOCX, one digest row corrected and the advice
    sentence added to another; a coding sheet for the medical record."""
    depo = next(p.stem for p in sorted(inbox.glob("ACME-*.json")) if
                _kind(inbox, p.stem) == "deposition")
    record = next(p.stem for p in sorted(inbox.glob("ACME-*.json"))
                  if p.stem != "manifest" and p.stem != depo)
    document = docx.Document(str(inbox / f"{depo}.docx"))
    heading = next(i for i, b in enumerate(document.iter_inner_content())
                   if getattr(b, "text", "").strip() == "Deposition page-line summary")
    table = next(b for b in list(document.iter_inner_content())[heading:]
                 if isinstance(b, docx.table.Table))
    summary = [c.text for c in table.rows[0].cells].index("Summary")
    table.rows[1].cells[summary].text = CORRECTION
    cell = table.rows[3].cells[summary]
    cell.text = f"{cell.text} {ADVICE}"
    work.mkdir()
    document.save(str(work / f"{depo}.docx"))
    sheet = {"format": "lpo-review-coding-sheet/1", "document": record, "responsive": True,
             "issues": ["damages"], "summary": "Diabetes follow-up visits with A1c results."}
    (work / f"{record}.coding.json").write_text(json.dumps(sheet), encoding="utf-8")
    return depo, record


def test_round_trip(trip) -> None:
    tmp, keys, out, config = trip["tmp"], trip["keys"], trip["out"], trip["config"]
    assert isinstance(tmp, Path) and isinstance(keys, Path) and isinstance(out, Path)
    depo, record = _vendor_edits(trip["inbox"], tmp / "work")  # type: ignore[arg-type]
    _run("return", trip["inbox"], *sorted((tmp / "work").iterdir()), "--vendor", "Acme LPO",
         "--key", keys / "acme-sign", "--firm-key", keys / "firm.pub", "--to", tmp / "returns")
    [package] = list((tmp / "returns").iterdir())
    imported = _run("import", package, out, "--key", keys / "firm", "--config", config)
    assert "1 guard finding(s) to acknowledge" in imported

    works = [line.split(":")[0] for line in imported.splitlines() if "@RET-" in line]
    depo_work = next(w for w in works if "1 guard finding" in imported.split(w)[1].split("\n")[0])
    shown = _run("work", "show", out, depo_work)
    assert CORRECTION in shown and ADVICE.split(",")[0] in shown  # both edits in the diff
    assert "W0 [" in shown and "settle now" in shown              # the advice sentence flagged
    assert (out / "packets").is_dir() and not list((out / "work").glob("*/*/*.json.tmp"))

    # approving needs the finding acknowledged; then the deliverable has the originals back
    refused = _run("work", "signoff", out, depo_work, "--approve", *trip["sign"], code=1)
    assert "acknowledg" in refused
    _run("work", "signoff", out, depo_work, "--approve", "--acknowledge", "W0", *trip["sign"])
    delivered = _run("deliver", out, depo_work, *trip["common"])
    path = Path(delivered.split("written to ")[1].strip())
    assert path.is_relative_to(out / "deliverables")
    text = " ".join(c.text for t in docx.Document(str(path)).tables for r in t.rows
                    for c in r.cells)
    assert "<PERSON_" not in text and CORRECTION in text
    vault_key = decode_vault_key(Path(trip["vault"]).read_text(), "vault")
    originals = read_vault_entry(out, depo_work.split("@")[0], vault_key)
    people = {v.value for v in originals.values() if v.entity_type == "PERSON"}
    assert any(name in text for name in people)  # the names are back, in the deliverable only
    sent = b"".join(p.read_bytes() for p in (tmp / "returns").iterdir())
    sent += b"".join(p.read_bytes() for p in trip["inbox"].iterdir())  # type: ignore[union-attr]
    assert not any(name.encode() in sent for name in people if len(name) > 3)

    # the other work product goes back to the vendor with the reason, in its next export
    record_work = next(w for w in works if w != depo_work)
    _run("work", "signoff", out, record_work, "--return", "--reason",
         "Summary leaves out the medication changes", *trip["sign"])
    _run("export", out, "--vendor", "Acme LPO", "--to", tmp / "outbox2", "--prefix", "ACME",
         *trip["common"])
    _run("open", *sorted((tmp / "outbox2").iterdir()), "--key", keys / "acme", "--to",
         tmp / "inbox2")
    reasons = [r for p in (tmp / "inbox2").glob("ACME-*.json")
               for w in json.loads(p.read_text(encoding="utf-8"))["returned_work"]
               for r in w["reasons"]]
    assert reasons == ["Summary leaves out the medication changes"]

    # QA: a sample of the vendor's approved work, a finding, the report
    drawn = _run("qa", "sample", out, "--vendor", "Acme LPO", "--defect-rate", "0.1",
                 "--seed", "7", "--reviewer", "Quinn QA")
    sample_id = next(w.rstrip(":,.") for w in drawn.split() if w.startswith("QA-"))
    _run("qa", "record", out, sample_id, depo_work, "--category", "wrong_cite",
         "--reviewer", "Quinn QA")
    _run("qa", "report", out, "--to", tmp / "qa")
    report = json.loads((tmp / "qa" / "qa-report.json").read_text(encoding="utf-8"))
    assert json.dumps(report).count("Acme LPO") >= 1 and (tmp / "qa" / "qa-report.docx").is_file()

    assert "audit log OK" in _run("audit", "verify", out)
    _run("work", "list", out, "--config", config)
    _run("verify", out, "--config", config)


def _coding_return(trip, tmp: Path, *, export: str | None = None, document: str | None = None,
                   signing_key: Path | None = None) -> Path:
    """A sealed return of one coding sheet; ``export``/``document`` forge what it answers."""
    inbox = Path(trip["inbox"])
    manifest = json.loads((inbox / "manifest.json").read_text(encoding="utf-8"))
    doc = document or next(p.stem for p in sorted(inbox.glob("ACME-*.json")))
    opened = tmp / "opened"
    opened.mkdir(parents=True)
    (opened / "manifest.json").write_text(json.dumps(
        {"export": export or manifest["export"], "files": {f"{doc}.json": ""}}), encoding="utf-8")
    sheet = opened.parent / f"{doc}.coding.json"
    sheet.write_text(json.dumps({"format": "lpo-review-coding-sheet/1", "document": doc,
                                 "summary": "Routine records."}), encoding="utf-8")
    keys = Path(trip["keys"])
    _run("return", opened, sheet, "--vendor", "Acme LPO", "--key",
         signing_key or keys / "acme-sign", "--firm-key", keys / "firm.pub", "--to", tmp / "out")
    [package] = list((tmp / "out").iterdir())
    return package


def _refused(trip, package: Path, expected: str) -> None:
    out, keys = Path(trip["out"]), Path(trip["keys"])
    stored = sorted((out / "work").glob("*/*")) if (out / "work").is_dir() else []
    said = _run("import", package, out, "--key", keys / "firm", "--config", trip["config"],
                code=1)
    assert expected in said
    assert (sorted((out / "work").glob("*/*")) if (out / "work").is_dir() else []) == stored
    last = json.loads(_run("audit", "show", out, "--json", "--limit", "1"))
    assert last["action"] == "return_refused" and expected in last["details"]["reason"]
    assert "audit log OK" in _run("audit", "verify", out)


def test_a_return_signed_with_an_unregistered_key_is_refused(trip, tmp_path) -> None:
    _run("keygen", "vendor-signing", tmp_path / "k" / "stranger")
    package = _coding_return(trip, tmp_path, signing_key=tmp_path / "k" / "stranger")
    _refused(trip, package, "not signed by 'Acme LPO''s registered key")


def test_a_return_for_an_export_never_made_is_refused(trip, tmp_path) -> None:
    package = _coding_return(trip, tmp_path, export="EXP-20990101000000-abcdef")
    _refused(trip, package, "which this matter never made")


def test_a_return_of_a_document_not_in_the_export_is_refused(trip, tmp_path) -> None:
    package = _coding_return(trip, tmp_path, document="ACME-000099")
    _refused(trip, package, "answers no document of export")


def test_a_return_with_a_changed_byte_is_refused(trip, tmp_path) -> None:
    package = _coding_return(trip, tmp_path)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    package.write_bytes(bytes(data))
    _refused(trip, package, "altered in transit")


def test_a_return_imported_twice_is_refused_the_second_time(trip, tmp_path) -> None:
    package = _coding_return(trip, tmp_path)
    out, keys = Path(trip["out"]), Path(trip["keys"])
    _run("import", package, out, "--key", keys / "firm", "--config", trip["config"])
    _refused(trip, package, "imported before (a replay)")
