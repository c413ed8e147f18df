"""Sealed files: encrypted to a vendor's X25519 public key, readable only with its private key.

An anonymous sealed box built from standard parts: a fresh ephemeral X25519 key agreement with
the recipient's key, HKDF-SHA256 to derive a one-time key, ChaCha20-Poly1305 to encrypt and
authenticate.  Layout: ``MAGIC | ephemeral public key (32) | nonce (12) | ciphertext+tag``.
The inner file name travels inside the ciphertext.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lpo_review.confidential.keys import raw_public
from lpo_review.errors import LpoReviewError

MAGIC = b"LPOSEAL1"
SUFFIX = ".sealed"
_INFO = b"lpo-review sealed file v1"


class SealError(LpoReviewError):
    """A sealed file cannot be opened: wrong key, not a sealed file, or altered in transit."""


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO
    ).derive(shared)


def seal(name: str, data: bytes, recipient: X25519PublicKey) -> bytes:
    """Encrypt file ``name`` with content ``data`` to ``recipient``."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub, rcpt = raw_public(ephemeral.public_key()), raw_public(recipient)
    key = _key(ephemeral.exchange(recipient), eph_pub, rcpt)
    nonce = secrets.token_bytes(12)
    encoded = name.encode("utf-8")
    plaintext = len(encoded).to_bytes(2, "big") + encoded + data
    return MAGIC + eph_pub + nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, MAGIC + rcpt)


def open_sealed(blob: bytes, private: X25519PrivateKey) -> tuple[str, bytes]:
    """Decrypt a sealed file: ``(inner file name, content)``."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 32 + 12 + 16:
        raise SealError("not an lpo-review sealed file")
    eph_pub = blob[len(MAGIC) : len(MAGIC) + 32]
    nonce = blob[len(MAGIC) + 32 : len(MAGIC) + 44]
    rcpt = raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _key(shared, eph_pub, rcpt)
        plaintext = ChaCha20Poly1305(key).decrypt(nonce, blob[len(MAGIC) + 44 :], MAGIC + rcpt)
    except (InvalidTag, ValueError):
        raise SealError("cannot open: sealed to a different key, or altered in transit") from None
    size = int.from_bytes(plaintext[:2], "big")
    name = plaintext[2 : 2 + size].decode("utf-8")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise SealError(f"sealed file carries an unsafe file name {name!r}")
    return name, plaintext[2 + size :]
