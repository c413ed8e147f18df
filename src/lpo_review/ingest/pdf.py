"""PDF reader (pypdf): the text layer page by page, with honest errors for damaged,
encrypted and scanned files."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import cast

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.ingest import ocr
from lpo_review.ingest.common import check_chars, sha256_file
from lpo_review.ingest.sniff import Content, sniff
from lpo_review.ingest.txt import normalise_newlines
from lpo_review.model import Document, LineMap

_TAIL_BYTES = 2048
#: What pypdf raises on damaged files (it is lenient, so damage surfaces as any of these).
_PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
               RecursionError)
_MAX_WARNINGS = 20
#: pypdf log messages that mean a page's content could not be read (not a benign repair).
_DAMAGE = re.compile(
    r"decompress|Elementary Object|endstream|not defined|not a dictionary|"
    r"ended unexpectedly|PdfReadError|PdfStreamError",
    re.IGNORECASE,
)


class _PypdfLog(logging.Handler):
    """Collects what pypdf logs (repairs, damage) while this thread reads one file."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []  # distinct messages, for meta["warnings"]
        self.current: list[str] = []  # everything logged since the last reset

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        message = record.getMessage()
        self.current.append(message)
        if len(self.messages) < _MAX_WARNINGS and message not in self.messages:
            self.messages.append(message)


def _has_eof_marker(path: Path) -> bool:
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - _TAIL_BYTES))
        return b"%%EOF" in fh.read()


def _open(path: Path) -> tuple[PdfReader, list[str]]:
    """Open and, if needed, decrypt with the empty user password; return reader and notes."""
    name = path.name
    if not _has_eof_marker(path):
        raise IngestError(
            "corrupt_pdf",
            f"{name} is truncated (no %%EOF end marker): the download or copy was cut short; "
            "supply a complete copy",
        )
    try:
        reader = PdfReader(path, strict=False)
    except _PDF_ERRORS as exc:
        raise IngestError(
            "corrupt_pdf",
            f"{name} is damaged and cannot be opened ({exc}); supply a good copy",
        ) from exc
    notes: list[str] = []
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            raise IngestError(
                "encrypted_pdf",
                f"{name} uses encryption that cannot be opened here ({exc})",
            ) from exc
        if not opened:
            raise IngestError(
                "encrypted_pdf",
                f"{name} is password-protected; supply an unencrypted copy",
            )
        notes.append("encrypted PDF opened without a password (no user password set)")
    return reader, notes


def extract(path: Path, max_chars: int = 20_000_000, max_page_chars: int = 500_000
            ) -> tuple[str, list[int], dict[str, object]]:
    """Text (pages separated by newlines), page starts and meta of a PDF file; ``too_large``
    as soon as a page or the pages so far extract to more than the limits."""
    name = path.name
    collector = _PypdfLog()
    logger = logging.getLogger("pypdf")
    logger.addHandler(collector)
    try:
        reader, notes = _open(path)
        try:
            pages = reader.pages
            count = len(pages)
        except _PDF_ERRORS as exc:
            raise IngestError(
                "corrupt_pdf",
                f"{name} is damaged: its page list cannot be read ({exc})",
            ) from exc
        texts: list[str] = []
        total = 0
        for number in range(1, count + 1):
            collector.current = []
            try:
                texts.append(normalise_newlines(pages[number - 1].extract_text() or ""))
            # pypdf raises many exception types on damaged content streams.
            except Exception as exc:
                raise _damaged_page(
                    name, number, count, f"{type(exc).__name__}: {exc}"
                ) from exc
            damage = [m for m in collector.current if _DAMAGE.search(m)]
            if damage:
                raise _damaged_page(name, number, count, damage[0])
            check_chars(name, len(texts[-1]), max_page_chars, f", page {number},",
                        "max_page_chars")
            total += len(texts[-1])
            check_chars(name, total, max_chars, f" (pages 1-{number} of {count})")
    finally:
        logger.removeHandler(collector)
    if count == 0:
        raise IngestError("corrupt_pdf", f"{name} has no pages")
    blank = [n for n, t in enumerate(texts, 1) if not t.strip()]
    if len(blank) == count and (hint := ocr.missing()):
        raise IngestError(
            "needs_ocr",
            f"{name}: PDF has no text layer on any of its {count} page(s) (scanned image?); "
            f"{hint}",
        )
    parts: list[str] = []
    page_starts: list[int] = []
    offset = 0
    for text in texts:
        page_starts.append(offset)
        text = text if text.endswith("\n") else text + "\n"
        parts.append(text)
        offset += len(text)
    warnings = notes + [f"pypdf: {m}" for m in collector.messages]
    if blank:
        warnings.append(
            f"no text on page(s) {_ranges(blank)} of {count} (blank, or scanned: may need OCR)"
        )
    meta: dict[str, object] = {"pages": count, "warnings": warnings, "blank_pages": blank}
    return "".join(parts), page_starts, meta


def _damaged_page(name: str, number: int, count: int, detail: str) -> IngestError:
    return IngestError(
        "corrupt_pdf",
        f"{name} is damaged: page {number} of {count} cannot be read ({detail[:200]}); "
        "supply a good copy",
    )


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    """Read a ``.pdf`` file; PDF pages are the document's pages."""
    path = Path(path)
    if path.suffix.lower() != ".pdf" or sniff(head) is not Content.PDF:
        return None
    text, page_starts, meta = extract(path, config.limits.max_chars, config.limits.max_page_chars)
    blank = cast(list[int], meta.pop("blank_pages"))
    if blank and ocr.missing() is None:  # pages without a text layer are read by OCR
        ends = [*page_starts[1:], len(text)]
        pages = [(text[a:b], ocr.ocr_image(ocr.pdf_page_image(path, n - 1)) if n in blank
                  else None) for n, (a, b) in enumerate(zip(page_starts, ends, strict=True), 1)]
        return ocr.document_of_pages(pages, str(path), sha256_file(path), "pdf", meta)
    return Document(
        source=str(path),
        sha256=sha256_file(path),
        text=text,
        lines=LineMap.from_text(text, page_starts),
        fmt="pdf",
        meta=meta,
    )
