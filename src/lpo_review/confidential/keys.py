"""Key files: the vault key, attorneys' Ed25519 signing keys and vendors' X25519 key pairs.

Who holds what:

* the **vault key** (32 random bytes, base64 in a key file or in ``LPO_REVIEW_VAULT_KEY``) stays
  with the firm's review team; it is never written into a matter folder;
* each **attorney** holds an Ed25519 private key and signs packets with it; the public key is
  stored in every signature (and may be pinned in the matter configuration);
* each **vendor** holds an X25519 private key; the firm keeps only the public key and seals
  exports to it.  A vendor that returns work also holds an Ed25519 **signing key** (the firm
  registers its public key) and seals its returns to the **firm's** X25519 key.

Private keys are written with mode 0600 and refused when other users can read them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import TypeVar

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)

from lpo_review.errors import ConfigError
from lpo_review.packets.atomic import atomic_write

VAULT_KEY_ENV = "LPO_REVIEW_VAULT_KEY"
VAULT_KEY_BYTES = 32
#: Files and folders that mark a matter (review output) folder; keys are never written inside one.
MATTER_MARKERS = ("packets", "vault", "audit.sqlite", "run-report.json")


_Key = TypeVar("_Key")


class KeyFileError(ConfigError):
    """A key is missing, malformed, of the wrong kind, or stored unsafely (a usage error)."""


# --------------------------------------------------------------------------------------------
# Vault key
# --------------------------------------------------------------------------------------------


def generate_vault_key() -> bytes:
    """A fresh random 256-bit vault key."""
    return secrets.token_bytes(VAULT_KEY_BYTES)


def encode_vault_key(key: bytes) -> str:
    """Text form of a vault key (URL-safe base64), as stored in a key file or the env var."""
    return base64.urlsafe_b64encode(key).decode("ascii")


def decode_vault_key(text: str, source: str) -> bytes:
    """Parse the text form of a vault key; ``source`` names where it came from in errors."""
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise KeyFileError(f"{source}: not a vault key (expected base64 text)") from None
    if len(key) != VAULT_KEY_BYTES:
        raise KeyFileError(
            f"{source}: not a vault key ({len(key)} bytes, expected {VAULT_KEY_BYTES}); "
            "make one with `lpo-review keygen vault PATH`"
        )
    return key


def load_vault_key(key_file: Path | None, *beside: Path) -> bytes | None:
    """The vault key from ``key_file``, else from ``$LPO_REVIEW_VAULT_KEY``, else None.

    A key file inside a matter folder, or inside any of the folders ``beside`` (the source
    and matter folders of a review), is refused: a key kept with the data protects nothing."""
    if key_file is not None:
        path = Path(key_file)
        matter = _inside_matter_folder(path) or next(
            (f for f in beside if path.resolve().is_relative_to(Path(f).resolve())), None)
        if matter is not None:
            raise KeyFileError(
                f"{path}: inside {matter}; keep the vault key outside the documents and the "
                "matter folder"
            )
        check_private_file(path)
        return decode_vault_key(path.read_text(encoding="ascii", errors="replace"), str(path))
    text = os.environ.get(VAULT_KEY_ENV)
    if text:
        return decode_vault_key(text, f"${VAULT_KEY_ENV}")
    return None


def key_id(key: bytes) -> str:
    """Short public identifier of a vault key (an HMAC of a constant: reveals nothing)."""
    return hmac.new(key, b"lpo-review key id", hashlib.sha256).hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _inside_matter_folder(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if any((folder / marker).exists() for marker in MATTER_MARKERS):
            return folder
    return None


def inside_matter_folder(path: Path) -> Path | None:
    """The matter folder ``path`` lies in (a parent holding ``packets/``, ``vault/``, an audit
    log or a run report), or None."""
    return _inside_matter_folder(Path(path))


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a private key file (mode 0600), refusing to overwrite or to write into a matter."""
    path = Path(path)
    if path.exists():
        raise KeyFileError(f"{path}: already exists; refusing to overwrite a key")
    matter = _inside_matter_folder(path)
    if matter is not None:
        raise KeyFileError(
            f"{path}: inside the matter folder {matter}; keys are never stored beside the data"
        )
    return atomic_write(path, data, mode=0o600)


def write_public(path: Path, data: bytes | str) -> Path:
    """Write a public key file (mode 0644), refusing to overwrite."""
    path = Path(path)
    if path.exists():
        raise KeyFileError(f"{path}: already exists; refusing to overwrite a key")
    return atomic_write(path, data, mode=0o644)


def check_private_file(path: Path) -> None:
    """Refuse a private key file that is missing or readable by group/others."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(f"{path}: key file not found") from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(
            f"{path}: private key is accessible by other users (mode {stat.S_IMODE(mode):04o}); "
            f"run `chmod 600 {path}`"
        )


def _pem_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _pem_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_path(private_path: Path) -> Path:
    """Where the public half of a key pair is written: ``NAME.pub`` beside ``NAME``."""
    return private_path.with_name(private_path.name + ".pub")


#: Key kinds: who holds the private half and what it does.
KEY_KINDS = {
    "attorney": "Ed25519: an attorney signs packets and work product",
    "vendor": "X25519: a vendor opens the exports sealed to it",
    "vendor-signing": "Ed25519: a vendor signs the work it returns",
    "firm": "X25519: the firm opens the returns sealed to it",
}


def generate_key_pair(private_path: Path, kind: str) -> tuple[Path, Path]:
    """Write a new key pair of a :data:`KEY_KINDS` kind."""
    private: Ed25519PrivateKey | X25519PrivateKey
    if kind in ("attorney", "vendor-signing"):
        private = Ed25519PrivateKey.generate()
    elif kind in ("vendor", "firm"):
        private = X25519PrivateKey.generate()
    else:
        raise ValueError(f"unknown key kind {kind!r}")
    pub = public_path(private_path)
    if pub.exists():
        raise KeyFileError(f"{pub}: already exists; refusing to overwrite a key")
    write_private(private_path, _pem_private(private))
    write_public(pub, _pem_public(private.public_key()))
    return private_path, pub


def _load_private(path: Path, cls: type[_Key], what: str) -> _Key:
    path = Path(path)
    check_private_file(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise KeyFileError(f"{path}: not a PEM private key") from None
    if not isinstance(key, cls):
        raise KeyFileError(f"{path}: not {what} private key")
    return key


def _load_public(path: Path, cls: type[_Key], what: str) -> _Key:
    path = Path(path)
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except FileNotFoundError:
        raise KeyFileError(f"{path}: key file not found") from None
    except (ValueError, TypeError):
        raise KeyFileError(f"{path}: not a PEM public key") from None
    if not isinstance(key, cls):
        raise KeyFileError(f"{path}: not {what} public key")
    return key


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """An Ed25519 signing key (an attorney's, or a vendor's for its returns)."""
    return _load_private(path, Ed25519PrivateKey, "an Ed25519 signing")  # type: ignore[type-abstract]


def load_verify_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key (an attorney's, or a vendor's signing key)."""
    return _load_public(path, Ed25519PublicKey, "an Ed25519 signing")  # type: ignore[type-abstract]


def load_vendor_private(path: Path) -> X25519PrivateKey:
    """A vendor's X25519 private key (to open sealed exports)."""
    return _load_private(path, X25519PrivateKey, "an X25519 sealing")  # type: ignore[type-abstract]


def load_vendor_public(path: Path) -> X25519PublicKey:
    """A vendor's X25519 public key (to seal exports to); also the firm's (to seal returns to)."""
    return _load_public(path, X25519PublicKey, "an X25519 sealing")  # type: ignore[type-abstract]


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key."""
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
