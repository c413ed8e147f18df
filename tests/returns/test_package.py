"""The return package and the returned files, as untrusted input."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from lpo_review.confidential.sealed import open_sealed
from lpo_review.errors import GuardRefusal
from lpo_review.packets.docx_render import write_package
from lpo_review.returns.formats import read_coding_csv, read_coding_json
from lpo_review.returns.package import build_return, read_return


@pytest.fixture
def opened(tmp_path: Path) -> Path:
    folder = tmp_path / "opened"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps(
        {"export": "EXP-20261205000000-abcdef", "files": {"ACME-000001.json": "", "ACME-000001.docx": ""}}))
    (tmp_path / "ACME-000001.coding.json").write_text(json.dumps(
        {"format": "lpo-review-coding-sheet/1", "document": "ACME-000001", "summary": "ok"}))
    return folder


def _package(opened: Path, signer: Ed25519PrivateKey, firm: X25519PrivateKey) -> tuple[str, bytes]:
    name, sealed = build_return(opened, [opened.parent / "ACME-000001.coding.json"],
                                vendor="Acme LPO", signing_key=signer, firm_key=firm.public_key())
    return open_sealed(sealed, firm)


def test_a_whole_package_reads_back_with_its_signer(opened) -> None:
    signer, firm = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    ret = read_return(*_package(opened, signer, firm))
    assert ret.export_id == "EXP-20261205000000-abcdef" and ret.vendor == "Acme LPO"
    assert list(ret.files) == ["ACME-000001.coding.json"]


@pytest.mark.parametrize("edit", ["change", "add", "drop_signature"])
def test_a_package_altered_after_signing_is_refused(opened, edit) -> None:
    name, data = _package(opened, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if edit == "change":
        parts["ACME-000001.coding.json"] = parts["ACME-000001.coding.json"].replace(b"ok", b"OK")
    elif edit == "add":
        parts["ACME-000001.docx"] = b"not signed"
    else:
        manifest = json.loads(parts["return.json"])
        manifest["signature"] = manifest["signature"][::-1]
        parts["return.json"] = json.dumps(manifest).encode()
    with pytest.raises(GuardRefusal, match="after signing|signature|readable"):
        read_return(name, write_package(parts.items()))


def test_a_file_for_a_document_not_exported_is_refused_at_the_vendor(opened) -> None:
    stray = opened.parent / "ACME-000002.coding.json"
    stray.write_text("{}")
    with pytest.raises(GuardRefusal, match="not a document of export"):
        build_return(opened, [stray], vendor="Acme LPO", signing_key=Ed25519PrivateKey.generate(),
                     firm_key=X25519PrivateKey.generate().public_key())


def test_coding_sheets_in_json_and_csv_and_their_errors() -> None:
    csv_sheet = ("document,responsive,issues,privilege,summary,comments\n"
                 "ACME-000001,yes,damages; notice,unsure,Falls at the store,check exhibit 4\n")
    sheet = read_coding_csv("a.coding.csv", csv_sheet.encode())
    assert sheet.responsive is True and sheet.issues == ["damages", "notice"]
    assert sheet.privilege == "unsure"
    with pytest.raises(GuardRefusal, match="privilege"):
        read_coding_json("b.coding.json", json.dumps(
            {"format": "lpo-review-coding-sheet/1", "document": "X", "privilege": "maybe"}).encode())
    with pytest.raises(GuardRefusal, match="not JSON"):
        read_coding_json("c.coding.json", b"{oops")
    with pytest.raises(GuardRefusal, match="responsive"):
        read_coding_csv("d.coding.csv", csv_sheet.replace(",yes,", ",perhaps,").encode())
