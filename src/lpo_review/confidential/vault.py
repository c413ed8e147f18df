"""The re-identification vault: pseudonym -> original value, encrypted per document.

One file per document (``OUT_DIR/vault/DOC-....vault``) keeps writes atomic and lets parallel
workers write without locking.  Each file is AES-256-GCM encrypted under the vault key with the
document ID as associated data, so an entry cannot be swapped onto another document unnoticed.
The file holds the key's public ID (never the key), so a wrong key is told apart from an edited
file.  Without the key nothing in the vault reveals an original value.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lpo_review.confidential.keys import key_id
from lpo_review.errors import LpoReviewError
from lpo_review.model import RedactionEntry
from lpo_review.packets.atomic import atomic_write
from lpo_review.redact.redactor import PLACEHOLDER

FORMAT = "lpo-review-vault/1"
VAULT_DIR = "vault"
_AAD_PREFIX = b"lpo-review vault v1|"
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class VaultError(LpoReviewError):
    """The vault cannot be read: wrong key, edited entry, or missing entry."""


@dataclass(frozen=True)
class VaultValue:
    """The original value behind a placeholder, and every surface form it took."""

    placeholder: str
    value: str
    """The form shown on re-identification (the first one given)."""
    entity_type: str
    forms: tuple[str, ...] = ()
    """Every distinct surface form (``John Martinez``, ``MARTINEZ``...): all are leak-checked."""


def surface_forms(
    text: str, entries: Iterable[RedactionEntry], originals: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Placeholder -> every distinct original form in ``text`` (``originals``' form first).

    What the engine passes to :func:`write_vault_entry`, so the leak check knows every spelling.
    """
    forms: dict[str, list[str]] = {ph: [v] for ph, v in (originals or {}).items()}
    for entry in entries:
        value = text[entry.start : entry.end]
        seen = forms.setdefault(entry.placeholder, [])
        if value and value not in seen:
            seen.append(value)
    return forms


def vault_path(out_dir: Path, doc_id: str) -> Path:
    """Where the vault entry of ``doc_id`` lives."""
    if not _DOC_ID.match(doc_id):
        raise VaultError(f"not a document ID: {doc_id!r}")
    return Path(out_dir) / VAULT_DIR / f"{doc_id}.vault"


def write_vault_entry(
    out_dir: Path,
    doc_id: str,
    originals: Mapping[str, str | Sequence[str]],
    entity_types: Mapping[str, str],
    key: bytes,
    *,
    spans: Sequence[str] | None = None,
    keys: Mapping[str, tuple[str, str]] | None = None,
    date_shift: int | None = None,
) -> Path:
    """Encrypt ``placeholder -> original`` (with each placeholder's entity type) for one document.

    An original is one surface form or a list of them (see :func:`surface_forms`; the first is
    the one re-identification shows).  ``entity_types`` maps placeholders to entity types; a
    placeholder missing from it gets the type named inside it (``<PERSON_1>`` -> ``PERSON``).
    ``spans``, when given, is the original text of each entry of the packet's redaction log, in
    order: re-identification then restores the text exactly, span by span.  ``keys``, when
    given, is the run's pseudonym-table key of each placeholder (``(entity type, normalised
    value)``), from which a later run restores the table (:func:`read_vault_keys`).
    ``date_shift``, under the ``date-shifted`` profile, is the secret number of days the
    drafts' dates were moved (:mod:`lpo_review.redact.date_shift`): the firm shifts back with it.
    """
    values = {}
    for ph, given in sorted(originals.items()):
        forms = [given] if isinstance(given, str) else list(dict.fromkeys(given))
        if not forms:
            continue
        values[ph] = {
            "value": forms[0],
            "forms": forms,
            "entity_type": entity_types.get(ph) or _type_of(ph),
        }
    content = {"doc_id": doc_id, "values": values, "spans": list(spans) if spans else None,
               "keys": {ph: list(k) for ph, k in sorted((keys or {}).items())},
               "date_shift": date_shift}
    plaintext = json.dumps(content, ensure_ascii=False).encode()
    nonce = secrets.token_bytes(12)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, _AAD_PREFIX + doc_id.encode())
    record = {
        "format": FORMAT,
        "doc_id": doc_id,
        "key_id": key_id(key),
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ciphertext).decode(),
    }
    return atomic_write(vault_path(out_dir, doc_id), json.dumps(record, indent=1), mode=0o600)


def _type_of(placeholder: str) -> str:
    return placeholder.strip("<>").rsplit("_", 1)[0]


def read_vault_entry(out_dir: Path, doc_id: str, key: bytes) -> dict[str, VaultValue]:
    """Decrypt the vault entry of ``doc_id``: placeholder -> :class:`VaultValue`."""
    values = _decrypt(out_dir, doc_id, key)["values"]
    return {
        ph: VaultValue(
            ph, item["value"], item["entity_type"], tuple(item.get("forms") or [item["value"]])
        )
        for ph, item in values.items()
    }


def read_vault_spans(out_dir: Path, doc_id: str, key: bytes) -> list[str] | None:
    """The original text of each redaction-log entry, if the engine stored it."""
    return _decrypt(out_dir, doc_id, key).get("spans")


def read_vault_keys(out_dir: Path, doc_id: str, key: bytes) -> dict[str, tuple[str, str]]:
    """Placeholder -> the run's pseudonym-table key, if the engine stored them."""
    keys = _decrypt(out_dir, doc_id, key).get("keys") or {}
    return {ph: (k[0], k[1]) for ph, k in keys.items()}


def _decrypt(out_dir: Path, doc_id: str, key: bytes) -> dict[str, Any]:
    path = vault_path(out_dir, doc_id)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VaultError(f"{doc_id}: no vault entry (the run kept no originals for it)") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise VaultError(f"{doc_id}: vault entry is corrupt ({path.name})") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise VaultError(f"{doc_id}: vault entry has an unknown format ({path.name})")
    if record.get("key_id") != key_id(key):
        raise VaultError(
            f"{doc_id}: wrong vault key (this entry was written with key {record.get('key_id')}, "
            f"the key given is {key_id(key)})"
        )
    try:
        nonce = base64.b64decode(record["nonce"], validate=True)
        ciphertext = base64.b64decode(record["ciphertext"], validate=True)
        plaintext = AESGCM(key).decrypt(nonce, ciphertext, _AAD_PREFIX + doc_id.encode())
    except (KeyError, TypeError, ValueError, binascii.Error, InvalidTag):
        raise VaultError(
            f"{doc_id}: vault entry failed authentication: it was edited, corrupted or moved "
            "from another document"
        ) from None
    return json.loads(plaintext)


def vault_doc_ids(out_dir: Path) -> list[str]:
    """IDs of the documents that have a vault entry."""
    folder = Path(out_dir) / VAULT_DIR
    return sorted(p.stem for p in folder.glob("*.vault")) if folder.is_dir() else []


def read_all(out_dir: Path, key: bytes) -> dict[str, dict[str, VaultValue]]:
    """Every vault entry of the matter: doc_id -> placeholder -> value."""
    return {doc_id: read_vault_entry(out_dir, doc_id, key) for doc_id in vault_doc_ids(out_dir)}


def restore_spans(text: str, entries: Sequence[RedactionEntry], spans: Sequence[str]) -> str:
    """``text`` (a packet's redacted text) with each logged placeholder span set back exactly."""
    out, pos = [], 0
    for entry, original in sorted(
        zip(entries, spans, strict=True), key=lambda p: p[0].redacted_start
    ):
        out += [text[pos : entry.redacted_start], original]
        pos = entry.redacted_end
    return "".join(out) + text[pos:]


def reidentify(text: str, values: dict[str, VaultValue]) -> tuple[str, int]:
    """Replace the placeholders in ``text`` found in ``values``; return the text and the count."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        found = values.get(match.group(0))
        if found is None:
            return match.group(0)
        count += 1
        return found.value

    return PLACEHOLDER.sub(swap, text), count
