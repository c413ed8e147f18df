"""Users of the web workspace: roles, argon2 password hashes, and each attorney's Ed25519
signing key sealed under a key derived from the attorney's passphrase.

The signing key is never stored in clear: its 32 raw bytes are encrypted with AES-256-GCM under
a key derived by Argon2id from the passphrase (a random salt each time), the user's name as
associated data.  The passphrase is asked again for every signature, and the key lives in memory
only while signing.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lpo_review.confidential.keys import raw_public
from lpo_review.errors import LpoReviewError
from lpo_review.web.db import WebDB

Role = Literal["attorney", "reviewer", "qa", "vendor"]
ROLES: tuple[str, ...] = ("attorney", "reviewer", "qa", "vendor")
#: Roles of the firm (may see firm packets; attorney and reviewer may also reveal).
FIRM_ROLES = frozenset({"attorney", "reviewer", "qa"})
REVEAL_ROLES = frozenset({"attorney", "reviewer"})
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_SEAL_FORMAT = "lpo-review-sealed-signing-key/1"
#: Argon2id cost of the passphrase key (RFC 9106's second recommendation, 64 MiB).
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 2
MIN_PASSWORD = 10

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class UserError(LpoReviewError):
    """A user cannot be added, found or authenticated; the message says why."""


@dataclass(frozen=True)
class User:
    """A row of the users table (without the password hash)."""

    name: str
    role: Role
    vendor: str | None = None
    attorney_name: str | None = None
    bar_number: str | None = None
    public_key: str | None = None
    """The attorney's Ed25519 public key, base64 (raw 32 bytes)."""

    @property
    def is_firm(self) -> bool:
        return self.role in FIRM_ROLES

    @property
    def label(self) -> str:
        return f"{self.name} (vendor {self.vendor})" if self.role == "vendor" else \
            f"{self.name} ({self.role})"


def parse_role(text: str) -> tuple[Role, str | None]:
    """``attorney``, ``reviewer``, ``qa`` or ``vendor:NAME`` -> (role, vendor name)."""
    role, _, vendor = text.partition(":")
    role = role.strip().lower()
    if role not in ROLES:
        raise UserError(f"role {text!r}: use attorney, reviewer, qa or vendor:NAME")
    if role == "vendor":
        if not vendor.strip():
            raise UserError("a vendor user needs its vendor: --role 'vendor:Acme LPO'")
        return "vendor", vendor.strip()
    if vendor:
        raise UserError(f"role {text!r}: only vendor takes a name")
    return role, None  # type: ignore[return-value]


def _kdf(passphrase: str, salt: bytes) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=KDF_TIME_COST,
                           memory_cost=KDF_MEMORY_KIB, parallelism=KDF_PARALLELISM, hash_len=32,
                           type=Type.ID)


def _aad(name: str) -> bytes:
    return f"{_SEAL_FORMAT}\n{name}".encode()


def seal_signing_key(key: Ed25519PrivateKey, passphrase: str, name: str) -> str:
    """The key's raw bytes encrypted under the passphrase (JSON text to store)."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    sealed = AESGCM(_kdf(passphrase, salt)).encrypt(nonce, raw, _aad(name))
    b64 = base64.b64encode
    return json.dumps({"format": _SEAL_FORMAT, "kdf": "argon2id", "t": KDF_TIME_COST,
                       "m": KDF_MEMORY_KIB, "p": KDF_PARALLELISM, "salt": b64(salt).decode(),
                       "nonce": b64(nonce).decode(), "sealed": b64(sealed).decode()})


def open_signing_key(sealed: str, passphrase: str, name: str) -> Ed25519PrivateKey:
    """The attorney's signing key; :class:`UserError` for a wrong passphrase."""
    data = json.loads(sealed)
    salt, nonce, blob = (base64.b64decode(data[k]) for k in ("salt", "nonce", "sealed"))
    key = hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=int(data["t"]),
                          memory_cost=int(data["m"]), parallelism=int(data["p"]), hash_len=32,
                          type=Type.ID)
    try:
        raw = AESGCM(key).decrypt(nonce, blob, _aad(name))
    except InvalidTag:
        raise UserError("wrong signing passphrase") from None
    return Ed25519PrivateKey.from_private_bytes(raw)


def add_user(db: WebDB, name: str, role_text: str, password: str, *,
             signing_key: Ed25519PrivateKey | None = None, passphrase: str | None = None,
             attorney_name: str | None = None, bar_number: str | None = None) -> User:
    """Add a user; an attorney needs a signing key, its passphrase, a name and a bar number."""
    if not _NAME.match(name):
        raise UserError(f"user name {name!r}: 1-64 letters, digits, '.', '_', '@' or '-'")
    role, vendor = parse_role(role_text)
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password needs at least {MIN_PASSWORD} characters")
    sealed = public = None
    if role == "attorney":
        if signing_key is None or not passphrase or not attorney_name or not bar_number:
            raise UserError("an attorney needs a signing key (--key or --new-key), a signing "
                            "passphrase, --attorney-name and --bar-number")
        if len(passphrase) < MIN_PASSWORD:
            raise UserError(f"the signing passphrase needs at least {MIN_PASSWORD} characters")
        if passphrase == password:
            raise UserError("the signing passphrase must differ from the login password")
        sealed = seal_signing_key(signing_key, passphrase, name)
        public = base64.b64encode(raw_public(signing_key.public_key())).decode()
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise UserError(f"user {name!r} already exists")
        conn.execute(
            "INSERT INTO users (name, role, vendor, password_hash, attorney_name, bar_number, "
            "public_key, sealed_key, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, role, vendor, _hasher.hash(password), attorney_name, bar_number, public,
             sealed, datetime.now(UTC).isoformat(timespec="seconds")))
    return User(name, role, vendor, attorney_name, bar_number, public)


def remove_user(db: WebDB, name: str) -> None:
    """Remove a user and end its sessions."""
    with db.transaction() as conn:
        if conn.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 0:
            raise UserError(f"no user {name!r}")
        conn.execute("DELETE FROM sessions WHERE user = ?", (name,))


def _user(row: object) -> User:
    r = dict(row)  # type: ignore[call-overload]
    return User(r["name"], r["role"], r["vendor"], r["attorney_name"], r["bar_number"],
                r["public_key"])


def get_user(db: WebDB, name: str) -> User | None:
    with db.connect() as conn:
        row = conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    return _user(row) if row else None


def list_users(db: WebDB) -> list[User]:
    with db.connect() as conn:
        return [_user(r) for r in conn.execute("SELECT * FROM users ORDER BY name")]


def authenticate(db: WebDB, name: str, password: str) -> User | None:
    """The user if the password is right, else None (same work whether the user exists)."""
    with db.connect() as conn:
        row = conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    stored = row["password_hash"] if row else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(stored):
        with db.connect() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE name = ?",
                         (_hasher.hash(password), name))
    return _user(row)


def signing_key_of(db: WebDB, user: User, passphrase: str) -> Ed25519PrivateKey:
    """Open the attorney's sealed signing key with the passphrase (in memory only)."""
    with db.connect() as conn:
        row = conn.execute("SELECT sealed_key FROM users WHERE name = ? AND role = 'attorney'",
                           (user.name,)).fetchone()
    if row is None or not row["sealed_key"]:
        raise UserError(f"{user.name} has no signing key")
    return open_signing_key(row["sealed_key"], passphrase, user.name)
