"""The confidentiality commands end to end, through click (exit 0 ok, 1 refused, 2 usage)."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from lpo_review.cli.confidential import COMMANDS
from lpo_review.confidential.keys import VAULT_KEY_ENV, encode_vault_key, write_private

CMD = {c.name: c for c in COMMANDS}


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(name: str, *args: object, code: int = 0):
        result = runner.invoke(CMD[name], [str(a) for a in args])
        assert result.exit_code == code, (
            result.output,
            result.stderr if result.stderr_bytes else "",
        )
        return result

    return invoke


@pytest.fixture
def config(tmp_path: Path, vendor_keys) -> Path:
    path = tmp_path / "matter.toml"
    path.write_text(
        '[matter]\nname = "Smithers v. Acme"\ndata_tags = ["eu_personal_data"]\n'
        '[matter.cross_border]\neu_personal_data = ["DE", "IN"]\n'
        '[[matter.vendors]]\nname = "Acme LPO"\njurisdiction = "IN"\nnda_on_file = true\n'
        'nda_expires = 2099-06-30\nprofile = "strict"\npublic_key = "keys/vendor.pub"\n'
        '[[matter.vendors]]\nname = "Lapsed LPO"\njurisdiction = "DE"\nnda_on_file = true\n'
        "nda_expires = 2001-01-01\n"
    )
    return path


@pytest.fixture
def vault_key_file(matter) -> Path:
    return write_private(matter.keys_dir / "vault.key", encode_vault_key(matter.key))


def test_keygen(run, tmp_path: Path) -> None:
    run("keygen", "vault", tmp_path / "k" / "vault.key")
    run("keygen", "attorney", tmp_path / "k" / "ann")
    run("keygen", "vendor", tmp_path / "k" / "acme")
    for name in ("vault.key", "ann", "acme"):
        assert stat.S_IMODE((tmp_path / "k" / name).stat().st_mode) == 0o600
    assert (tmp_path / "k" / "ann.pub").exists() and (tmp_path / "k" / "acme.pub").exists()
    assert "already exists" in run("keygen", "vault", tmp_path / "k" / "vault.key", code=2).stderr


def test_signoff_verify_export_open_audit(
    run, matter, attorney_key, vendor_keys, config, vault_key_file, tmp_path: Path
) -> None:
    first, second = sorted(matter.packets.values())
    run("verify", matter.out, code=1)  # nothing signed yet
    run(
        "signoff",
        first,
        "--attorney",
        "Ann Counsel",
        "--bar-number",
        "NY-1",
        "--key",
        attorney_key,
        "--approve",
    )
    returned = run(
        "signoff",
        second,
        "--attorney",
        "Ann Counsel",
        "--bar-number",
        "NY-1",
        "--key",
        attorney_key,
        "--return",
        code=1,
    )
    assert "needs at least one reason" in returned.stderr
    run(
        "signoff",
        second,
        "--attorney",
        "Ann Counsel",
        "--bar-number",
        "NY-1",
        "--key",
        attorney_key,
        "--approve",
    )
    assert "OK (approved" in run("verify", first, second).output
    # the attorney's readable copy is re-rendered with the signed decision
    html = Path(first).with_suffix(".html").read_text()
    assert "Ann Counsel" in html and "NY-1" in html and "approved" in html
    run("signoff", first, "--attorney", "X", "--bar-number", "1", "--key", attorney_key, code=2)

    lapsed = run(
        "export",
        matter.out,
        "--vendor",
        "Lapsed LPO",
        "--to",
        tmp_path / "x",
        "--config",
        config,
        "--vault-key-file",
        vault_key_file,
        code=1,
    )
    assert "expired on 2001-01-01" in lapsed.stderr
    out = run(
        "export",
        matter.out,
        "--vendor",
        "acme lpo",
        "--to",
        tmp_path / "export",
        "--config",
        config,
        "--vault-key-file",
        vault_key_file,
    ).output
    assert "sealed to the vendor's key" in out
    sealed = sorted((tmp_path / "export").iterdir())
    private, _public = vendor_keys
    run("open", *sealed, "--key", private, "--to", tmp_path / "opened")
    opened = json.loads((tmp_path / "opened" / "DOC-000001.json").read_text())
    assert opened["approved"] is True
    wrong = run("open", sealed[0], "--key", attorney_key, "--to", tmp_path / "no", code=2)
    assert "not an X25519 sealing private key" in wrong.stderr

    actions = [
        json.loads(line)["action"]
        for line in run("audit", "show", matter.out, "--json").output.splitlines()
    ]
    assert actions == [
        "verify",
        "verify",
        "signoff",
        "signoff_refused",
        "signoff",
        "verify",
        "verify",
        "export_refused",
        "export",
    ]
    assert "audit log OK: 9 entries" in run("audit", "verify", matter.out).output

    text = first.read_text().replace("<PERSON_1>", "<PERSON_2>", 1)
    first.write_text(text)
    failed = run("verify", first, code=1)
    assert "FAILED: TAMPERED: the packet changed after sign-off" in failed.stderr

    conn = sqlite3.connect(matter.out / "audit.sqlite")
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DELETE FROM entries WHERE seq = 4")
    conn.commit()
    conn.close()
    tampered = run("audit", "verify", matter.out, code=1)
    assert "TAMPERED: entry 4: missing" in tampered.stderr


def test_reveal_is_audited_and_needs_the_right_key(
    run, matter, vault_key_file, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv(VAULT_KEY_ENV, raising=False)
    packet = sorted(matter.packets.values())[0]
    pending = json.loads(packet.read_text())
    assert "<PERSON_1>" in pending["redacted_text"]
    text = run("reveal", packet, "--vault-key-file", vault_key_file, "--actor", "ann").output
    assert "Jane Whitfield" in text and "<PERSON_1>" not in text
    finding = run("reveal", packet, "--finding", "0", "--vault-key-file", vault_key_file).output
    assert finding.startswith("[1:1] topic: Q. State y")
    assert "no vault key" in run("reveal", packet, code=1).stderr
    monkeypatch.setenv(VAULT_KEY_ENV, encode_vault_key(b"\x01" * 32))
    assert "wrong vault key" in run("reveal", packet, code=1).stderr
    entries = [
        json.loads(line) for line in run("audit", "show", matter.out, "--json").output.splitlines()
    ]
    assert [e["action"] for e in entries] == ["reveal", "reveal", "reveal_refused"]
    assert entries[0]["actor"] == "ann" and entries[1]["details"]["what"] == "finding F0"
    assert entries[0]["details"]["values_revealed"] >= 1
    assert "Whitfield" not in json.dumps(entries)


def test_bad_matter_configuration_is_a_usage_error(run, matter, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[matter]\n[[matter.vendors]]\nname = "V"\njurisdiction = "DE"\nnda = true\n')
    result = run(
        "export", matter.out, "--vendor", "V", "--to", tmp_path / "e", "--config", bad, code=2
    )
    assert "matter.vendors.0.nda: unknown key" in result.stderr


def test_refused_key_files_are_audited_in_the_matter(
    run, matter, vault_key_file, tmp_path, monkeypatch
) -> None:
    """A key readable by others, or kept inside the matter folder, is refused (exit 2) and the
    refusal is in the matter's own log; a packet copied out of its matter is not revealed."""
    monkeypatch.delenv(VAULT_KEY_ENV, raising=False)
    packet = sorted(matter.packets.values())[0]
    vault_key_file.chmod(0o644)
    assert "accessible by other users" in run(
        "reveal", packet, "--vault-key-file", vault_key_file, code=2).stderr
    inside = matter.out / "vault.key"
    inside.write_text(encode_vault_key(matter.key))
    inside.chmod(0o600)
    assert "keep the vault key outside" in run(
        "reveal", packet, "--vault-key-file", inside, code=2).stderr
    entries = [json.loads(line)
               for line in run("audit", "show", matter.out, "--json").output.splitlines()]
    assert [e["action"] for e in entries] == ["key_refused", "key_refused"]
    vault_key_file.chmod(0o600)
    copy = tmp_path / "elsewhere" / packet.name
    copy.parent.mkdir()
    copy.write_bytes(packet.read_bytes())
    assert "not a matter folder" in run(
        "reveal", copy, "--vault-key-file", vault_key_file, code=1).stderr
    assert not (copy.parent / "audit.sqlite").exists()


def test_review_refuses_a_vault_key_inside_the_source_or_matter_folder(run, tmp_path) -> None:
    from lpo_review.cli import main

    src = tmp_path / "src"
    src.mkdir()
    (src / "note.txt").write_text("Dana Whitfield called about the lease.\n")
    key = src / "vault.key"
    key.write_text(encode_vault_key(b"\x02" * 32))
    key.chmod(0o600)
    result = CliRunner().invoke(main, ["review", str(src), "--out", str(tmp_path / "out"),
                                       "--vault-key-file", str(key)])
    assert result.exit_code == 2 and "keep the vault key outside" in result.output
