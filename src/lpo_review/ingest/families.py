"""E-mail families: a mailbox, a message and its attachments, each reviewed as its own document.

A folder review expands every ``.eml``, ``.msg`` and ``.mbox`` file before reading anything:
each message becomes an ``.eml`` member and each attachment a member of its own (under its own
file name, read by its own reader), with its family: the top-level message's document ID (the
family ID), its parent message's, its attachment index, and its depth.  An attached message
and a ZIP attachment are expanded in turn, to :data:`MAX_DEPTH` levels.  Members are written to
a private temporary folder for the run and removed after it; their document IDs come from their
bytes, so a resumed run finds them done, and an attachment sent twice is reviewed once (the
folder review reports the second as a duplicate).

Refused with a reason, as an outcome of their own: a ``.msg`` that cannot be read
(``corrupt_msg``), a ZIP attachment that would unpack beyond :data:`MAX_ZIP_BYTES` or
:data:`MAX_ZIP_RATIO` times its size (``zip_bomb``), an encrypted one (``encrypted``).
"""

from __future__ import annotations

import hashlib
import mailbox
import re
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

from lpo_review.errors import IngestError
from lpo_review.ingest.email import message_of
from lpo_review.ingest.msg import msg_to_eml
from lpo_review.model import doc_id_for

CONTAINERS = (".eml", ".msg", ".mbox")
MAX_DEPTH = 3
MAX_ZIP_BYTES = 256 * 2**20
MAX_ZIP_RATIO = 100
MAX_MEMBERS = 5000
_SAFE = re.compile(r"[^A-Za-z0-9._ -]+")


@dataclass(frozen=True)
class Family:
    """Where a member sits in its family (load files call these BEGATTACH/ENDATTACH, PARENT)."""

    family_id: str
    parent: str | None
    attachment: int | None
    depth: int
    container: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Member:
    """One expanded file: its path in the run's folder, its name in the report, its family."""

    path: Path
    rel: str
    family: Family | None
    error: IngestError | None = None


def doc_id_of(data: bytes) -> str:
    """The document ID a member's bytes will have (the folder review's)."""
    return doc_id_for(hashlib.sha256(data).hexdigest())


def expand(path: Path, rel: str, work: Path) -> Iterator[Member]:
    """The members of container ``path`` (a message, a mailbox), written under ``work``."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            try:
                for n, key in enumerate(box.iterkeys(), start=1):
                    yield from _message(box.get_bytes(key), f"{rel}#{n}", work, None, None, 0,
                                        rel)
            finally:
                box.close()
        else:
            data = path.read_bytes()
            if suffix == ".msg":
                data = msg_to_eml(data, path.name)
            yield from _message(data, rel, work, None, None, 0, rel)
    except IngestError as exc:
        yield Member(path, rel, None, exc)


def _write(work: Path, data: bytes, name: str) -> Path:
    folder = work / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (_SAFE.sub("_", name).strip(" .") or "attachment")
    target.write_bytes(data)
    return target


def _message(data: bytes, rel: str, work: Path, family_id: str | None, parent: str | None,
             depth: int, container: str, index: int | None = None) -> Iterator[Member]:
    message = message_of(data, rel)
    me = doc_id_of(data)
    family = Family(family_id or me, parent, index, depth, container)
    yield Member(_write(work, data, "message.eml"), rel, family)
    for k, part in enumerate(message.iter_attachments(), start=1):
        assert isinstance(part, EmailMessage)
        name = part.get_filename() or f"attachment-{k}"
        where = f"{rel}/{k}-{name}"
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            raw = inner.as_bytes() if hasattr(inner, "as_bytes") else bytes(inner)
            if depth + 1 <= MAX_DEPTH:
                yield from _message(raw, where, work, family.family_id, me, depth + 1, container,
                                    k)
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            continue
        child = Family(family.family_id, me, k, depth + 1, container)
        if name.lower().endswith(".zip") and depth + 1 <= MAX_DEPTH:
            yield from _zip(payload, where, work, child)
        else:
            yield Member(_write(work, payload, name), where, child)


def _zip(data: bytes, rel: str, work: Path, family: Family) -> Iterator[Member]:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile:
        yield Member(Path(rel), rel, family, IngestError("corrupt_zip", f"{rel}: not a readable "
                                                                        "ZIP archive"))
        return
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_ZIP_BYTES or unpacked > MAX_ZIP_RATIO * max(len(data), 1) \
            or len(infos) > MAX_MEMBERS:
        yield Member(Path(rel), rel, family, IngestError(
            "zip_bomb", f"{rel} would unpack to {unpacked / 2**20:.0f} MB from "
                        f"{len(data) / 2**10:.0f} KB ({len(infos)} files): refused as a ZIP bomb"))
        return
    if any(i.flag_bits & 0x1 for i in infos):
        yield Member(Path(rel), rel, family, IngestError(
            "encrypted", f"{rel} is password-protected; supply the files unencrypted"))
        return
    for i in infos:
        yield Member(_write(work, archive.read(i), Path(i.filename).name), f"{rel}/{i.filename}",
                     family)
