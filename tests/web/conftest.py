"""Fixtures of the web workspace tests: a real review of two samples (a transcript covered by
a refused work-order task, so its packet carries a finding the attorney must acknowledge, and
a medical record) and of a short memo from the legal department that the privilege screen
flags, the record approved and exported to Acme LPO through the command line, and a web
database with one user of each role."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the web extra is not installed")

from lpo_review.cli import main  # noqa: E402
from lpo_review.confidential.keys import (  # noqa: E402
    encode_vault_key,
    generate_vault_key,
    load_signing_key,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TRANSCRIPT = "deposition_hr_director_employment.txt"
RECORD = "records_diabetes_care.txt"
PASSWORD = "correct horse battery"
PASSPHRASE = "signing passphrase 42"
MEMO = "counsel_memo_termination.txt"
#: A memo the privilege screen flags (its markers on line 1, legal advice on line 9).
MEMO_TEXT = """PRIVILEGED & CONFIDENTIAL - ATTORNEY-CLIENT COMMUNICATION

MEMORANDUM

To: Bellmere Logistics, Human Resources
From: Legal Department
Re: Termination of a warehouse supervisor

You asked for our legal advice on whether the company may terminate the warehouse
supervisor after her complaint to the safety officer. We advise against terminating
her this month. The timing would support a retaliation claim, and the file does not
yet document the attendance problems the managers describe.

Our recommendation is to complete the written performance review first and to keep
the notes of the February meetings. Please do not forward this memo outside Human
Resources.
"""
USERS = {"ann": "attorney", "rita": "reviewer", "quinn": "qa", "acme": "vendor:Acme LPO",
         "beta": "vendor:Beta LPO"}


def forged(token: str) -> str:
    """``token`` with its first character changed (never the token itself)."""
    return ("y" if token[0] == "x" else "x") + token[1:]


def run_cli(*args: object, code: int = 0) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, (args, result.output)
    return result.output


@dataclass
class Matter:
    root: Path
    keys: Path
    config: Path
    out: Path
    vault: Path
    export_id: str
    pending: str
    """The transcript's packet (pending, with a flagged finding F0...)."""
    exported: str
    """The record's packet (approved and exported to Acme LPO)."""
    flagged: list[str]
    privileged: str
    """The memo's packet (pending, flagged by the privilege screen, undecided)."""


@pytest.fixture(scope="session")
def built_matter(tmp_path_factory: pytest.TempPathFactory) -> Matter:
    import json

    tmp = tmp_path_factory.mktemp("web-matter")
    keys = tmp / "keys"
    keys.mkdir(mode=0o700)
    vault = keys / "vault.key"
    vault.write_text(encode_vault_key(generate_vault_key()) + "\n")
    vault.chmod(0o600)
    run_cli("keygen", "attorney", keys / "ann")
    run_cli("keygen", "vendor", keys / "acme")
    config = tmp / "matter.toml"
    config.write_text(
        '[matter]\nname = "Okafor v. Bellmere"\n'
        'leak_check_allow = ["Licensor", "Force Majeure", "Colles"]\n'
        '[[matter.vendors]]\nname = "Acme LPO"\njurisdiction = "IN"\nnda_on_file = true\n'
        'nda_expires = 2099-06-30\nprofile = "strict"\npublic_key = "keys/acme.pub"\n'
        '[[matter.vendors]]\nname = "Beta LPO"\njurisdiction = "IN"\nnda_on_file = true\n'
        'nda_expires = 2099-06-30\nprofile = "strict"\n'
        '[[matter.attorneys]]\nname = "Ann Counsel"\nbar_number = "NY-1"\n'
        'public_key = "keys/ann.pub"\n'
        '[work_order]\nsupervising_attorney = "Ann Counsel"\n'
        '[[work_order.tasks]]\nid = "T1"\ndescription = "Prepare page-line summaries and '
        'medical chronologies for attorney review"\ndocuments = ["**"]\n'
        '[[work_order.tasks]]\nid = "T2"\ndescription = "Advise the client whether to settle"\n'
        'documents = ["depositions/**"]\n', encoding="utf-8")
    src, out = tmp / "docs", tmp / "matter"
    (src / "depositions").mkdir(parents=True)
    (src / "medical").mkdir()
    (src / "memos").mkdir()
    shutil.copy(SAMPLES / "depositions" / TRANSCRIPT, src / "depositions")
    shutil.copy(SAMPLES / "medical" / RECORD, src / "medical")
    (src / "memos" / MEMO).write_text(MEMO_TEXT, encoding="utf-8")
    run_cli("review", src, "--out", out, "--profile", "strict", "--config", config,
            "--vault-key-file", vault, "-q")
    packets = {json.loads(p.read_text())["kind"]: p for p in (out / "packets").glob("*.json")}
    assert sorted(packets) == ["deposition", "medical", "other"], sorted(packets)
    record, transcript, memo = packets["medical"], packets["deposition"], packets["other"]
    assert any(f["label"] == "possible_privilege"
               for f in json.loads(memo.read_text())["findings"]), "the memo should be flagged"
    run_cli("signoff", record, "--approve", "--attorney", "Ann Counsel", "--bar-number", "NY-1",
            "--key", keys / "ann", "--config", config)
    exported = run_cli("export", out, "--vendor", "Acme LPO", "--to", tmp / "outbox",
                       "--prefix", "ACME", "--doc", record.stem, "--config", config,
                       "--vault-key-file", vault)
    data = json.loads(transcript.read_text())
    flagged = [f"F{i}" for i, f in enumerate(data["findings"])
               if f["label"] in ("advice_language", "out_of_scope_task")]
    assert flagged, "the refused task should flag the transcript"
    return Matter(tmp, keys, config, out, vault, exported.split(":")[0], transcript.stem,
                  record.stem, flagged, memo.stem)


@dataclass
class Site:
    matter: Matter
    out: Path
    db_path: Path
    settings: object


@pytest.fixture()
def site(built_matter: Matter, tmp_path: Path) -> Site:
    """A private copy of the matter folder and a web database with one user of each role."""
    from lpo_review.confidential.keys import decode_vault_key
    from lpo_review.web.app import WebSettings
    from lpo_review.web.db import WebDB
    from lpo_review.web.users import add_user

    out = tmp_path / "matter"
    shutil.copytree(built_matter.out, out)
    db = WebDB(tmp_path / "web" / "web.sqlite")
    for name, role in USERS.items():
        extra = {}
        if role == "attorney":
            extra = {"signing_key": load_signing_key(built_matter.keys / "ann"),
                     "passphrase": PASSPHRASE, "attorney_name": "Ann Counsel",
                     "bar_number": "NY-1"}
        add_user(db, name, role, PASSWORD, **extra)  # type: ignore[arg-type]
    settings = WebSettings(out_dir=out.resolve(), db=db, config_path=built_matter.config,
                           vault_key=decode_vault_key(built_matter.vault.read_text(), "vault"))
    return Site(built_matter, out, db.path, settings)
