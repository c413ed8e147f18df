"""A production of real samples through the command line: the privilege screen holds back a
privileged e-mail until an attorney decides; the produced PDFs carry labelled boxes and Bates
stamps and no redacted value under them (two extractors and a raw scan of every decompressed
stream); the load files parse back with a reader written here from the format rules."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from lpo_review.cli import main
from lpo_review.confidential.audit import AuditLog
from lpo_review.confidential.identifying import english_dictionary, identifying_forms
from lpo_review.confidential.keys import (
    decode_vault_key,
    encode_vault_key,
    generate_vault_key,
    write_private,
)
from lpo_review.confidential.vault import read_all
from lpo_review.config import Config
from lpo_review.textnorm import tokens

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")
pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PRIVILEGED_MAIL = """\
From: Dana Whitfield <dwhitfield@whitfieldgreene.com>
To: Priya Raman <praman@riversidefoods.com>
Date: Wed, 06 Mar 2024 09:12:00 -0500
Subject: Fall at the Riverside store: exposure
Message-ID: <adv-1@whitfieldgreene.com>

Priya,

You asked whether the store is exposed on the premises liability claim. Our advice is to
preserve the camera footage today and not to discuss fault with the customer's family.

Dana Whitfield
Whitfield Greene LLP
"""


WORK_PRODUCT_MEMO = """\
ATTORNEY WORK PRODUCT - PREPARED AT THE DIRECTION OF COUNSEL

Store walk-through, 7 March 2024, for counsel's evaluation of the claim.
Our weakest point is the missing wet-floor sign; settle below the reserve if we can.
The mister nozzles in aisle 4 were replaced on 1 March.
"""


def _run(*args: object, code: int = 0) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, (args, result.output)
    return result.output


@pytest.fixture(scope="module")
def matter(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("production")
    keys = tmp / "keys"
    vault = write_private(keys / "vault.key", encode_vault_key(generate_vault_key()) + "\n")
    _run("keygen", "attorney", keys / "ann")
    _run("keygen", "vendor", keys / "acme")
    config = tmp / "matter.toml"
    config.write_text(
        '[matter]\nname = "Okafor v. Bellmere"\n'
        '[[matter.vendors]]\nname = "Acme LPO"\njurisdiction = "US"\nnda_on_file = true\n'
        'nda_expires = 2099-06-30\npublic_key = "keys/acme.pub"\n'
        '[[matter.attorneys]]\nname = "Ann Counsel"\nbar_number = "NY-1"\n'
        'public_key = "keys/ann.pub"\n'
        '[privilege]\ncounsel_names = ["Dana Whitfield"]\n'
        'counsel_domains = ["whitfieldgreene.com"]\n'
        '[production]\nprefix = "ABC"\nstart = 7\ncustodian = "Riverside Foods"\n'
        'legend = "CONFIDENTIAL"\n', encoding="utf-8")
    src, out = tmp / "docs", tmp / "matter"
    src.mkdir()
    shutil.copy(SAMPLES / "depositions" / "deposition_plaintiff_collision.pdf", src)
    shutil.copy(SAMPLES / "medical" / "records_diabetes_care.txt", src)
    shutil.copy(SAMPLES / "medical" / "records_knee_injury.docx", src)
    (src / "advice.eml").write_text(PRIVILEGED_MAIL, encoding="utf-8")
    (src / "walkthrough.txt").write_text(WORK_PRODUCT_MEMO, encoding="utf-8")
    _run("review", src, "--out", out, "--vault-key-file", vault, "--config", config, "-q")
    for packet in sorted((out / "packets").glob("*.json")):
        _run("signoff", packet, "--approve", "--attorney", "Ann Counsel", "--bar-number",
             "NY-1", "--key", keys / "ann", "--config", config,
             *[a for ref in _flagged(packet) for a in ("--acknowledge", ref)])
    return {"tmp": tmp, "keys": keys, "config": config, "out": out, "vault": vault}


def _flagged(packet: Path) -> list[str]:
    from lpo_review.confidential.signoff import flagged_findings
    from lpo_review.model import Packet

    return list(flagged_findings(Packet.model_validate_json(packet.read_text())))


def _flagged_ids(out: Path) -> dict[str, str]:
    """Kind -> ID of each flagged document: the advice e-mail and the memo, neither sample."""
    listing = _run("privilege", "list", out)
    flagged = {line.split()[1]: line.split()[0] for line in listing.splitlines()
               if "UNDECIDED" in line}
    assert sorted(flagged) == ["email", "other"], listing
    return flagged


@pytest.fixture(scope="module")
def production(matter) -> Path:
    out, config, vault = matter["out"], matter["config"], matter["vault"]
    flagged = _flagged_ids(out)
    mail, memo = flagged["email"], flagged["other"]
    common = ("--config", config, "--vault-key-file", vault)
    refused = _run("produce", out, "--to", matter["tmp"] / "early", *common, code=1)
    assert "possibly privileged" in refused and mail in refused
    assert not (matter["tmp"] / "early").exists()
    refused = _run("export", out, "--vendor", "Acme LPO", "--to", matter["tmp"] / "x", *common,
                   code=1)
    assert f"{mail}: possibly privileged" in refused
    _run("privilege", "decide", out, mail, "--privileged", "--withhold", "--type",
         "attorney-client", "--description", "E-mail from outside counsel to the store "
         "manager giving legal advice on the customer's fall.", "--attorney", "Ann Counsel",
         "--bar-number", "NY-1", "--key", matter["keys"] / "ann", "--config", config)
    _run("privilege", "decide", out, memo, "--privileged", "--redact", "1:4-1:4", "--type",
         "work-product", "--description", "Notes of a store walk-through prepared for counsel.",
         "--attorney", "Ann Counsel", "--bar-number", "NY-1", "--key", matter["keys"] / "ann",
         "--config", config)
    listing = _run("privilege", "list", out)
    assert "privileged, withhold (attorney-client)" in listing
    assert "privileged, redact (work-product)" in listing
    folder = matter["tmp"] / "prod"
    (matter["tmp"] / "produce.log").write_text(_run("produce", out, "--to", folder, *common))
    return folder


def _values(matter) -> set[str]:
    """Every identifying form of every original the vault holds (a name, a number; not an
    English word the redactor took for a name), as compact lower-case letters."""
    key = decode_vault_key(matter["vault"].read_text().strip(), "test")
    words = english_dictionary(Config().model)
    forms = {form.compacted for entry in read_all(matter["out"], key).values()
             for v in entry.values() if v.entity_type not in ("DATE", "DATE_TIME")
             for f in v.forms for form in identifying_forms(f, v.entity_type, words)
             if not form.part}
    return {c for c in forms if len(c) >= 6}


def _compact(text: str) -> str:
    return "".join(tokens(text))


def test_no_redacted_value_can_be_extracted(matter, production):
    values = _values(matter)
    assert values
    pdfs = sorted((production / "PDF").glob("*.pdf"))
    assert len(pdfs) == 5
    for path in pdfs:
        data = path.read_bytes()
        reader = pypdf.PdfReader(io.BytesIO(data))
        by_pypdf = _compact(" ".join(p.extract_text() or "" for p in reader.pages))
        document = pdfium.PdfDocument(data)
        by_pdfium = _compact(" ".join(document[i].get_textpage().get_text_range()
                                      for i in range(len(document))))
        streams = []
        for number in {n for table in reader.xref.values() for n in table}:
            obj = reader.get_object(number)
            if isinstance(obj, pypdf.generic.StreamObject) and obj.get("/Subtype") != "/Image":
                streams.append(obj.get_data().decode("latin-1"))
        assert any("Tr" in s for s in streams)  # the text layer's content streams are read
        raw = _compact(" ".join(streams))
        for value in values:
            assert value not in by_pypdf, (path.name, value)
            assert value not in by_pdfium, (path.name, value)
            assert value not in raw, (path.name, value)
        assert set(reader.metadata or {}) <= {"/Producer", "/Creator", "/CreationDate",
                                              "/ModDate", "/Author", "/Title", "/Subject",
                                              "/Keywords", "/Trapped"}
        assert all(str(v) in ("", "lpo-review", "/False") or str(v).startswith("D:2000")
                   for v in (reader.metadata or {}).values()), reader.metadata
        for page in reader.pages:
            assert "/Annots" not in page
        assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
        assert "/OCProperties" not in reader.trailer["/Root"]
    for text in (production / "TEXT").rglob("*.txt"):
        content = _compact(text.read_text(encoding="utf-8"))
        assert not [v for v in values if v in content], text.name


def test_pages_show_labelled_boxes_and_their_bates_number(production):
    labels = 0
    for path in sorted((production / "PDF").glob("*.pdf")):
        document = pdfium.PdfDocument(path.read_bytes())
        first = int(path.stem[3:])
        for i in range(len(document)):
            text = document[i].get_textpage().get_text_range()
            assert f"ABC{first + i:06d}" in text
            assert "CONFIDENTIAL" in text
            labels += text.count("PII - ")
    assert labels > 20


def _dat_rows(path: Path) -> list[dict[str, str]]:
    """A Concordance reader written from the format rules: UTF-8 with BOM, CRLF, fields in
    þ...þ separated by ASCII 20."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text[:-2].split("\r\n")
    rows = []
    for line in lines:
        fields = line.split("\x14")
        assert all(f.startswith("þ") and f.endswith("þ") and len(f) >= 2 for f in fields), line
        rows.append([f[1:-1] for f in fields])
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def test_load_files_round_trip_and_bates_run_on(production):
    rows = _dat_rows(production / "DATA" / "VOL001.dat")
    assert [r["DOCID"] for r in rows] and rows[0]["BEGBATES"] == "ABC000007"
    expected = 7
    for row in rows:
        begin, end = int(row["BEGBATES"][3:]), int(row["ENDBATES"][3:])
        assert begin == expected and end - begin + 1 == int(row["PGCOUNT"])
        expected = end + 1
        assert row["CUSTODIAN"] == "Riverside Foods"
        pdf = pypdf.PdfReader(production / "PDF" / f"{row['BEGBATES']}.pdf")
        assert len(pdf.pages) == int(row["PGCOUNT"])
        assert (production / row["TEXTPATH"].replace("\\", "/")).is_file()
    privileged = {r["PRIVILEGE"]: r for r in rows if r["PRIVILEGE"]}
    assert sorted(privileged) == ["Redacted - work-product", "Withheld - attorney-client"]
    withheld = privileged["Withheld - attorney-client"]
    assert withheld["PGCOUNT"] == "1" and withheld["DATE"] == "03/06/2024"
    memo = privileged["Redacted - work-product"]
    text = (production / memo["TEXTPATH"].replace("\\", "/")).read_text(encoding="utf-8")
    assert "[PRIVILEGED]" in text and "reserve" not in text and "mister nozzles" in text
    pdf_text = pypdf.PdfReader(production / "PDF" / f"{memo['BEGBATES']}.pdf").pages[0]
    assert "reserve" not in pdf_text.extract_text()
    assert all(len(r["MD5HASH"]) == 32 and len(r["SHA1HASH"]) == 40 for r in rows)
    opt = (production / "DATA" / "VOL001.opt").read_bytes().decode("cp1252")
    assert opt.endswith("\r\n")
    lines = [line.split(",") for line in opt[:-2].split("\r\n")]
    assert len(lines) == expected - 7
    starts = {r["BEGBATES"]: int(r["PGCOUNT"]) for r in rows}
    for number, (bates, volume, image, first, _, _, pages) in enumerate(lines, 7):
        assert bates == f"ABC{number:06d}" and volume == "VOL001"
        assert (first == "Y") == (bates in starts)
        assert pages == (str(starts[bates]) if first else "")
        assert (production / image.replace("\\", "/")).read_bytes()[:4] in (b"II*\x00",
                                                                             b"MM\x00*")
    csv_rows = (production / "DATA" / "VOL001.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == len(rows) + 1


def test_logs_and_audit(matter, production):
    privilege = (production / "LOGS" / "privilege_log.csv").read_text(encoding="utf-8")
    assert "Dana Whitfield" in privilege and "legal advice on the customer's fall" in privilege
    assert "Produced redacted" in privilege and "store walk-through" in privilege
    redactions = (production / "LOGS" / "redaction_log.csv").read_text(encoding="utf-8")
    assert "Personal data,PERSON" in redactions
    compact = _compact(redactions)
    assert not [v for v in _values(matter) if v in compact]
    actions = [e.action for e in AuditLog.for_matter(matter["out"]).entries()]
    assert "production_refused" in actions and "privilege_decision" in actions
    assert actions[-1] == "production"
    assert "ok" in _run("audit", "verify", matter["out"]).lower()


def test_originals_keep_their_layout_where_they_can(matter, production):
    """The transcript PDF keeps its pages; the DOCX too where LibreOffice is installed; the
    text record, the e-mail and the memo with privileged lines are drawn from their text."""
    log = (matter["tmp"] / "produce.log").read_text()
    modes = {line.split()[1]: line for line in log.splitlines() if "DOC-" in line}
    assert sum("original layout" in line for line in modes.values()) == (
        2 if shutil.which("soffice") else 1)
    assert sum("slip sheet" in line for line in modes.values()) == 1
    assert any("passages withheld as privileged" in line for line in modes.values())
