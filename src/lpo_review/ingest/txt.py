"""Plain-text reader: detects the encoding (BOM, UTF-8, else legacy code pages) honestly."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import charset_normalizer
from charset_normalizer.md import mess_ratio

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.ingest.sniff import HEAD_BYTES, Content, sniff, utf16_without_bom
from lpo_review.model import Document, LineMap

_BOM_ENCODINGS = (  # UTF-32 before UTF-16: their BOMs share a prefix.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The code page most legacy Western (US/UK/EU) text is in; preferred when it reads as well as
#: the detector's guess, because detectors often pick Central European cp1250 for it.
WESTERN = "cp1252"
_WESTERN_TOLERANCE = 0.02
_MAX_MESS = 0.2
_SAMPLE_CHARS = 200_000
_NEWLINES = re.compile(r"\r\n?")
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
#: ``meta["encoding"]`` of a UTF-8 file with some cp1252 bytes mixed in.
MIXED = "utf-8+cp1252"
_CONTROLS = frozenset(chr(c) for c in (*range(32), *range(0x7F, 0xA0))) - set(
    "\t\n\r\f\v"
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    A byte-order mark decides (``utf-8-sig``, ``utf-16-le`` ...); else UTF-16 by its NUL
    pattern; else UTF-8 (mostly-UTF-8 with stray cp1252 bytes: ``utf-8+cp1252``); else the
    legacy code page that reads credibly.  Raise ``undecodable_text`` if none does (stray
    control characters or mojibake).
    """
    for bom, encoding in _BOM_ENCODINGS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(
                    "undecodable_text",
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(bad bytes at offset {exc.start + len(bom)})",
                ) from exc
    utf16 = utf16_without_bom(data[:HEAD_BYTES])
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mixed = _utf8_with_western_bytes(data)
        if mixed is not None and _few_controls(mixed):
            return mixed, MIXED
    else:
        if _few_controls(text):
            return text, "utf-8"
    for encoding in _legacy_candidates(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _credible(text):
            return text, encoding
    raise IngestError(
        "undecodable_text",
        "is not UTF-8 and no other text encoding reads it credibly; "
        "save it as UTF-8 text and try again",
    )


def _western_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode(WESTERN, errors="replace"), error.end


codecs.register_error("lpo-review-western", _western_bytes)


def _utf8_with_western_bytes(data: bytes) -> str | None:
    """Mostly UTF-8 with a few cp1252 bytes pasted in (a common mix): decode each part in
    its own encoding.  ``None`` unless the valid UTF-8 characters outnumber the bad bytes."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    valid = len(_NON_ASCII.findall(replaced))
    if valid < 3 * bad:
        return None
    return data.decode("utf-8", errors="lpo-review-western")


def _legacy_candidates(data: bytes) -> list[str]:
    """Encodings to try, best first: cp1252 when it reads as cleanly as the detector's guess."""
    matches = charset_normalizer.from_bytes(data)
    guesses = [m.encoding for m in matches if m.percent_chaos / 100 <= _MAX_MESS]
    best = matches.best()
    best_mess = best.percent_chaos / 100 if best is not None else _MAX_MESS
    try:
        western = data.decode(WESTERN)
    except UnicodeDecodeError:
        return guesses
    if mess_ratio(western[:_SAMPLE_CHARS], 1.0) <= best_mess + _WESTERN_TOLERANCE:
        return [WESTERN, *guesses]
    return [*guesses, WESTERN]


def _few_controls(text: str) -> bool:
    """At most one control character (other than whitespace) per thousand in a sample."""
    part = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in part if ch in _CONTROLS)
    return controls <= len(part) / 1000


def _credible(text: str) -> bool:
    """Few control characters and little mojibake in a sample of ``text``."""
    return _few_controls(text) and mess_ratio(text[:_SAMPLE_CHARS], 1.0) <= _MAX_MESS


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    """Read a ``.txt`` file; form feeds start new pages."""
    path = Path(path)
    if path.suffix.lower() != ".txt" or sniff(head) is not Content.TEXT:
        return None
    data = path.read_bytes()
    try:
        text, encoding = decode_text(data)
    except IngestError as exc:
        raise IngestError(exc.reason, f"{path.name} {exc}") from None
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError("empty", f"{path.name} contains only whitespace")
    lines = LineMap.from_text(text)
    return Document(
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        lines=lines,
        fmt="txt",
        meta={"encoding": encoding, "pages": lines.page_count},
    )
