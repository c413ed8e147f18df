"""Recognise what a file really is from its first bytes, whatever its extension claims."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

HEAD_BYTES = 8192
"""How many leading bytes the engine reads for sniffing (``check_file`` returns this many)."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # UTF-8, UTF-16/32 LE, UTF-16 BE
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a\x1b")
_OLE_SCAN_LIMIT = 64 * 1024 * 1024


class Content(StrEnum):
    """A content type recognised by :func:`sniff`."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    ODF = "odf"
    ZIP = "zip"
    DOC = "doc"
    ENCRYPTED_OFFICE = "encrypted_office"
    OLE = "ole"
    RTF = "rtf"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"
    GIF = "gif"
    TEXT = "text"
    BINARY = "binary"

    @property
    def description(self) -> str:
        """What the content is, for messages: ``"a Word document (DOCX)"``."""
        return _DESCRIPTIONS[self]

    @property
    def hint(self) -> str:
        """What the user can do to get such a file read (empty when nothing specific)."""
        return _HINTS.get(self, "")


_DESCRIPTIONS = {
    Content.PDF: "a PDF document",
    Content.DOCX: "a Word document (DOCX)",
    Content.XLSX: "an Excel workbook (XLSX)",
    Content.PPTX: "a PowerPoint presentation (PPTX)",
    Content.ODF: "an OpenDocument file (ODT/ODS)",
    Content.ZIP: "a ZIP archive",
    Content.DOC: "a legacy Word 97-2003 document (.doc)",
    Content.ENCRYPTED_OFFICE: "a password-protected Office document",
    Content.OLE: "a legacy Office file (OLE compound document)",
    Content.RTF: "a Rich Text Format document (RTF)",
    Content.PNG: "an image (PNG)",
    Content.JPEG: "an image (JPEG)",
    Content.TIFF: "an image (TIFF)",
    Content.GIF: "an image (GIF)",
    Content.TEXT: "plain text",
    Content.BINARY: "binary data",
}

_IMAGE_HINT = "it needs OCR: run OCR and supply the searchable PDF or text"
_HINTS = {
    Content.DOC: "open it in Word and save it as .docx",
    Content.RTF: "open it in Word and save it as .docx",
    Content.ODF: "save it as .docx or PDF",
    Content.ENCRYPTED_OFFICE: "supply an unencrypted copy",
    Content.PNG: _IMAGE_HINT,
    Content.JPEG: _IMAGE_HINT,
    Content.TIFF: _IMAGE_HINT,
    Content.GIF: _IMAGE_HINT,
}


def sniff(head: bytes, path: Path | None = None) -> Content:
    """Return the real content type of a file from its first bytes.

    With ``path``, ZIP and OLE containers are opened to tell a Word document from a workbook
    or an encrypted package; without it, only ``head`` is inspected.
    """
    if _is_pdf(head):
        return Content.PDF
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(head, path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(head, path)
    if head.startswith(b"{\\rtf"):
        return Content.RTF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Content.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Content.JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Content.TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Content.GIF
    return Content.TEXT if looks_like_text(head) else Content.BINARY


def _is_pdf(head: bytes) -> bool:
    """``%PDF-`` at the start, or within the first KiB after a binary (non-text) preamble."""
    at = head.find(b"%PDF-", 0, 1024)
    return at == 0 or (at > 0 and not looks_like_text(head[:at]))


def looks_like_text(head: bytes) -> bool:
    """True if ``head`` is plausibly text in some encoding (byte-order mark, few control bytes)."""
    if head.startswith(_BOMS):
        return True
    if b"\x00" in head:
        return utf16_without_bom(head) is not None
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls <= len(head) // 100


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if nearly every other byte is NUL (UTF-16 text
    without a byte-order mark, mostly Latin script); else ``None``."""
    odd, even = head[1::2], head[0::2]
    if odd and odd.count(0) >= 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) >= 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _sniff_zip(head: bytes, path: Path | None) -> Content:
    names: list[str] = []
    if path is not None:
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            names = []
    if names:
        if "mimetype" in names and not any(n.startswith("word/") for n in names):
            return Content.ODF
        return _ooxml_kind(lambda prefix: any(n.startswith(prefix) for n in names))
    # Unreadable archive: local file headers at the start still carry the part names.
    if head[30:38] == b"mimetype":
        return Content.ODF
    return _ooxml_kind(lambda prefix: prefix.encode() in head)


def _ooxml_kind(has: Callable[[str], bool]) -> Content:
    if has("word/"):
        return Content.DOCX
    if has("xl/"):
        return Content.XLSX
    if has("ppt/"):
        return Content.PPTX
    return Content.ZIP


def _sniff_ole(head: bytes, path: Path | None) -> Content:
    """Tell a .doc from an encrypted OOXML package by the stream names in the directory."""
    data = head
    if path is not None:
        try:
            with path.open("rb") as fh:
                data = fh.read(_OLE_SCAN_LIMIT)
        except OSError:
            data = head
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Content.ENCRYPTED_OFFICE
    if "WordDocument".encode("utf-16-le") in data:
        return Content.DOC
    return Content.OLE
