"""The vault keeps originals encrypted; keys are handled safely and never stored beside data."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from lpo_review.confidential.keys import (
    VAULT_KEY_ENV,
    KeyFileError,
    encode_vault_key,
    generate_key_pair,
    generate_vault_key,
    load_vault_key,
    write_private,
)
from lpo_review.confidential.vault import (
    VaultError,
    read_vault_entry,
    vault_path,
    write_vault_entry,
)


def test_vault_round_trip_and_vault_unreadable_without_key(matter) -> None:
    doc_id = next(iter(matter.packets))
    values = read_vault_entry(matter.out, doc_id, matter.key)
    assert values["<PERSON_1>"].value == "Jane Whitfield"
    assert values["<PERSON_1>"].entity_type == "PERSON"
    everything = b"".join(p.read_bytes() for p in (matter.out / "vault").iterdir())
    for original in matter.originals:
        assert original.encode() not in everything
        last = original.split()[-1]
        if len(last) >= 5:  # "LLC" turns up in random base64 about once in a hundred runs
            assert last.encode() not in everything


def test_vault_files_are_private(matter) -> None:
    path = vault_path(matter.out, next(iter(matter.packets)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_wrong_key_is_named_as_such(matter) -> None:
    doc_id = next(iter(matter.packets))
    with pytest.raises(VaultError, match="wrong vault key"):
        read_vault_entry(matter.out, doc_id, generate_vault_key())


def test_edited_or_moved_entry_fails_authentication(matter) -> None:
    first, second = list(matter.packets)
    path = vault_path(matter.out, first)
    record = json.loads(path.read_text())
    record["ciphertext"] = record["ciphertext"][:-8] + (
        "A" * 8 if record["ciphertext"][-8:] != "A" * 8 else "B" * 8
    )
    path.write_text(json.dumps(record))
    with pytest.raises(VaultError, match="failed authentication"):
        read_vault_entry(matter.out, first, matter.key)
    # an intact entry copied onto another document does not decrypt either
    write_vault_entry(matter.out, first, {"<X_1>": "x"}, {}, matter.key)
    vault_path(matter.out, second).write_bytes(vault_path(matter.out, first).read_bytes())
    with pytest.raises(VaultError, match="failed authentication"):
        read_vault_entry(matter.out, second, matter.key)


def test_vault_key_from_file_env_or_none(tmp_path: Path, monkeypatch) -> None:
    key = generate_vault_key()
    monkeypatch.delenv(VAULT_KEY_ENV, raising=False)
    assert load_vault_key(None) is None
    monkeypatch.setenv(VAULT_KEY_ENV, encode_vault_key(key))
    assert load_vault_key(None) == key
    path = write_private(tmp_path / "vault.key", encode_vault_key(key))
    other = generate_vault_key()
    monkeypatch.setenv(VAULT_KEY_ENV, encode_vault_key(other))
    assert load_vault_key(path) == key  # the key file wins over the environment
    monkeypatch.setenv(VAULT_KEY_ENV, "not-a-key")
    with pytest.raises(KeyFileError, match="LPO_REVIEW_VAULT_KEY"):
        load_vault_key(None)


def test_readable_private_key_is_refused(tmp_path: Path) -> None:
    path = write_private(tmp_path / "vault.key", encode_vault_key(generate_vault_key()))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_vault_key(path)


def test_keys_are_never_written_into_a_matter_folder(matter) -> None:
    with pytest.raises(KeyFileError, match="never stored beside the data"):
        write_private(matter.out / "vault.key", "x")
    with pytest.raises(KeyFileError, match="never stored beside the data"):
        generate_key_pair(matter.out / "sub" / "attorney", "attorney")


def test_key_pairs_and_no_overwrite(tmp_path: Path) -> None:
    private, public = generate_key_pair(tmp_path / "vendor", "vendor")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"PUBLIC KEY" in public.read_bytes()
    with pytest.raises(KeyFileError, match="already exists"):
        generate_key_pair(tmp_path / "vendor", "attorney")


def test_every_surface_form_is_kept(matter) -> None:
    from lpo_review.confidential.vault import surface_forms
    from lpo_review.model import RedactionEntry

    text = "John Martinez testified. MARTINEZ left. Dr. Kowalski"

    def entry(start: int, end: int, ph: str) -> RedactionEntry:
        return RedactionEntry(
            entity_type="PERSON",
            start=start,
            end=end,
            redacted_start=0,
            redacted_end=0,
            cite="1:1",
            recognizer="t",
            score=1.0,
            placeholder=ph,
        )

    forms = surface_forms(
        text,
        [entry(0, 13, "<PERSON_1>"), entry(25, 33, "<PERSON_1>"), entry(40, 52, "<PERSON_2>")],
        {"<PERSON_1>": "John Martinez"},
    )
    assert forms == {"<PERSON_1>": ["John Martinez", "MARTINEZ"], "<PERSON_2>": ["Dr. Kowalski"]}
    write_vault_entry(matter.out, "DOC-X", forms, {}, matter.key)
    values = read_vault_entry(matter.out, "DOC-X", matter.key)
    assert values["<PERSON_1>"].value == "John Martinez"
    assert values["<PERSON_1>"].forms == ("John Martinez", "MARTINEZ")
    assert values["<PERSON_2>"].entity_type == "PERSON"


def test_reveal_restores_the_original_text(matter) -> None:
    from lpo_review.confidential.reveal import reveal

    exact, by_value = (matter.packet(d) for d in matter.packets)
    assert reveal(matter.out, exact, matter.key, actor="t") == matter.plain[exact.doc_id]
    # without stored spans, each placeholder shows its first surface form
    assert reveal(matter.out, by_value, matter.key, actor="t") == matter.plain[by_value.doc_id]
