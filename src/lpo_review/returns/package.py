"""The return package: a vendor's work on one export, signed by the vendor, sealed to the firm.

Layout: a ZIP holding ``return.json`` and the returned files (:mod:`~lpo_review.returns.formats`),
sealed (:mod:`~lpo_review.confidential.sealed`) to the firm's X25519 key as
``RET-....zip.sealed``.  ``return.json`` names the return (a fresh ``RET-`` ID), the export it
answers, the vendor, the time, every file with its SHA-256 and the vendor's Ed25519 public key,
and carries the vendor's signature over all of that: a changed, added or removed byte, or
another key, fails the check at the firm.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from lpo_review.confidential.keys import raw_public
from lpo_review.confidential.sealed import SUFFIX, seal
from lpo_review.errors import GuardRefusal
from lpo_review.packets.docx_render import write_package
from lpo_review.returns.formats import answered_document
from lpo_review.returns.model import RETURN_FORMAT

MANIFEST = "return.json"
_STATEMENT = b"lpo-review return v1\n"
#: Bounds on an untrusted package, checked before anything in it is read.
MAX_FILES = 2000
MAX_UNPACKED = 512 * 2**20


@dataclass(frozen=True)
class ReturnPackage:
    """A return package opened and its signature checked against ``signer``."""

    return_id: str
    export_id: str
    vendor: str
    created_at: str
    signer: bytes
    files: dict[str, bytes]


def _canonical(manifest: dict[str, Any]) -> bytes:
    return _STATEMENT + json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                                   ensure_ascii=False).encode("utf-8")


def build_return(opened_dir: Path, work_files: list[Path], *, vendor: str,
                 signing_key: Ed25519PrivateKey, firm_key: X25519PublicKey,
                 now: dt.datetime | None = None) -> tuple[str, bytes]:
    """``(file name, sealed bytes)`` of a return of ``work_files`` answering the export opened
    into ``opened_dir``; refused when a file answers no document of that export."""
    try:
        manifest = json.loads((Path(opened_dir) / "manifest.json").read_text(encoding="utf-8"))
        export_id = manifest["export"]
        exported = {answered_document(n) or n.rsplit(".", 1)[0] for n in manifest["files"]}
    except (OSError, ValueError, KeyError, AttributeError):
        raise GuardRefusal(f"{opened_dir}: no readable manifest.json of an opened export") from None
    files: dict[str, bytes] = {}
    for path in work_files:
        doc = answered_document(path.name)
        if doc is None:
            raise GuardRefusal(f"{path.name}: return a packet's .docx, a .coding.json or a "
                               ".coding.csv named after its export ID")
        if doc not in exported:
            raise GuardRefusal(f"{path.name}: {doc} is not a document of export {export_id}")
        if path.name in files:
            raise GuardRefusal(f"{path.name}: given twice")
        files[path.name] = path.read_bytes()
    if not files:
        raise GuardRefusal("nothing to return")
    at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    return_id = "RET-" + at[:10].replace("-", "") + "-" + secrets.token_hex(4)
    body = {"format": RETURN_FORMAT, "return": return_id, "export": export_id, "vendor": vendor,
            "created_at": at, "signer": base64.b64encode(raw_public(signing_key.public_key())
                                                         ).decode(),
            "files": {n: hashlib.sha256(d).hexdigest() for n, d in sorted(files.items())}}
    signed = {**body, "signature": base64.b64encode(signing_key.sign(_canonical(body))).decode()}
    package = write_package([(MANIFEST, json.dumps(signed, indent=1).encode("utf-8")),
                             *sorted(files.items())])
    name = f"{return_id}.zip"
    return name + SUFFIX, seal(name, package, firm_key)


def read_return(name: str, package: bytes) -> ReturnPackage:
    """Unpack a (decrypted) return package and check it is whole and signed by its ``signer``.

    Whose key ``signer`` is, is for the caller to check against the registered vendor.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(package))
        infos = archive.infolist()
        if len(infos) > MAX_FILES or sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise GuardRefusal(f"{name}: more than {MAX_FILES} files or "
                               f"{MAX_UNPACKED // 2**20} MB unpacked")
        names = [i.filename for i in infos]
        unsafe = [n for n in names if "/" in n or "\\" in n or n.startswith(".")]
        if unsafe or len(set(names)) != len(names):
            raise GuardRefusal(f"{name}: unsafe or repeated file names {unsafe[:3]}")
        contents = {n: archive.read(n) for n in names}
        signed = json.loads(contents.pop(MANIFEST).decode("utf-8"))
        signature = base64.b64decode(signed.pop("signature"), validate=True)
        signer = base64.b64decode(signed["signer"], validate=True)
        if signed.get("format") != RETURN_FORMAT:
            raise GuardRefusal(f"{name}: not a {RETURN_FORMAT} package")
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, _canonical(signed))
        listed = signed["files"]
        return_id, export_id, vendor = signed["return"], signed["export"], signed["vendor"]
        created = signed["created_at"]
    except GuardRefusal:
        raise
    except InvalidSignature:
        raise GuardRefusal(f"{name}: the signature does not match its content (altered after "
                           "signing, or signed with another key)") from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise GuardRefusal(f"{name}: not a readable return package ({exc.__class__.__name__})"
                           ) from None
    if set(listed) != set(contents):
        raise GuardRefusal(f"{name}: files differ from the signed list (added or removed after "
                           "signing)")
    altered = [n for n, d in contents.items() if hashlib.sha256(d).hexdigest() != listed[n]]
    if altered:
        raise GuardRefusal(f"{name}: {', '.join(sorted(altered))} altered after signing")
    return ReturnPackage(return_id, export_id, vendor, created, signer, contents)
