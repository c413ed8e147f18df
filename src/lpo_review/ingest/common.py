"""Checks every file passes before a reader sees it, and helpers the readers share."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.ingest.sniff import HEAD_BYTES, Content, sniff

#: Extensions the built-in readers handle, and the content each must really hold.
SUPPORTED: dict[str, Content] = {
    ".txt": Content.TEXT,
    ".docx": Content.DOCX,
    ".pdf": Content.PDF,
    ".eml": Content.TEXT,
    ".msg": Content.OLE,
    ".png": Content.PNG,
    ".jpg": Content.JPEG,
    ".jpeg": Content.JPEG,
    ".tif": Content.TIFF,
    ".tiff": Content.TIFF,
}
SUPPORTED_LIST = ", ".join(SUPPORTED)

_CHUNK = 1 << 20
_WHITESPACE = frozenset(b" \t\r\n\f\v\x00")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def check_file(
    path: Path, config: Config, *, extra_extensions: Iterable[str] = ()
) -> bytes:
    """Refuse files no reader should try; return the file's first bytes (up to 8 KiB).

    Raises :class:`IngestError` with reason ``unreadable``, ``too_large``, ``empty``,
    ``unsupported_type``, ``extension_mismatch`` or ``undecodable_text``.
    ``extra_extensions`` (e.g. ``{".rtf"}``) are accepted unchecked for plugin readers.
    """
    path = Path(path)
    name = path.name
    try:
        if not path.is_file():
            what = "is a directory" if path.is_dir() else "not found"
            raise IngestError("unreadable", f"{name}: {what}")
        size = path.stat().st_size
        limit = config.limits.max_file_mb * 1024 * 1024
        if size > limit:
            raise IngestError(
                "too_large",
                f"{name} is {size / 2**20:.1f} MB, over the limit of "
                f"{config.limits.max_file_mb:g} MB (limits.max_file_mb)",
            )
        if size == 0:
            raise IngestError("empty", f"{name} is empty (0 bytes)")
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise IngestError(
            "unreadable", f"{name}: cannot be read ({exc.strerror or exc})"
        ) from exc

    ext = path.suffix.lower()
    extras = {e.lower() for e in extra_extensions}
    if ext in extras:
        return head
    content = sniff(head, path)
    if ext not in SUPPORTED:
        raise IngestError("unsupported_type", _unsupported_message(name, ext, content))
    if content is Content.ENCRYPTED_OFFICE:
        raise IngestError(
            "unsupported_type",
            f"{name} is password-protected (an encrypted Office file); "
            "supply an unencrypted copy",
        )
    expected = SUPPORTED[ext]
    if content is Content.BINARY and expected is Content.TEXT:
        raise IngestError(
            "undecodable_text",
            f"{name} does not contain text: it looks like binary data",
        )
    # A damaged DOCX may no longer look like a Word package: its reader reports corrupt_docx.
    if content is not expected and not (
        expected is Content.DOCX and content is Content.ZIP
    ):
        raise IngestError(
            "extension_mismatch",
            f"{name} is actually {content.description}, not what its {ext} extension says"
            + _mismatch_hint(content),
        )
    if content is Content.TEXT and _blank(path, head):
        raise IngestError("empty", f"{name} contains only whitespace")
    return head


def _mismatch_hint(content: Content) -> str:
    if content.hint:
        return f"; {content.hint}"
    right = [ext for ext, expected in SUPPORTED.items() if expected is content]
    return f"; rename it to {right[0]}" if right else ""


def _unsupported_message(name: str, ext: str, content: Content) -> str:
    shown = f"{ext} files are" if ext else "files without an extension are"
    what = f"{name} is {content.description}"
    if content.hint:
        what += f"; {content.hint}"
    if content in (Content.TEXT, Content.BINARY):
        what = f"{name}: {shown} not supported"
    return f"{what}. Supported types: {SUPPORTED_LIST}"


def _blank(path: Path, head: bytes) -> bool:
    """True if the whole text file is whitespace (and BOMs); reads only while it stays so."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if not _WHITESPACE.issuperset(head):
        return False
    with path.open("rb") as fh:
        fh.read(HEAD_BYTES)
        while chunk := fh.read(_CHUNK):
            if not _WHITESPACE.issuperset(chunk):
                return False
    return True


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes (hex), read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_chars(name: str, chars: int, limit: int, where: str = "", key: str = "max_chars"
                ) -> None:
    """Refuse (``too_large``) text that expands past ``limit`` characters: a small file whose
    content is compressed or repeated (a 48 KB PDF whose 300 pages share one 1 MB content
    stream) must be stopped while it is read, not after."""
    if chars > limit:
        raise IngestError(
            "too_large",
            f"{name}{where} extracts to at least {chars:,} characters, more than the limit of "
            f"{limit:,} (limits.{key})",
        )
