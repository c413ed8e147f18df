"""OCR for scans: page images and PDF pages without a text layer, read by Tesseract.

Optional: ``pip install 'lpo-review[ocr]'`` (pytesseract, pypdfium2, Pillow) and the system
package ``tesseract-ocr`` (Debian; its English model is in ``tesseract-ocr-eng``).  Without
them a scan stays ``needs_ocr`` with this install hint.  Tesseract was chosen over RapidOCR by
``benchmarks/ocr_engines.py`` (README, "OCR").  Everything runs locally.

Each OCR line is a line of the document (page:line provenance from the OCR's own lines); each
page's confidence (the mean of its words') is kept in ``meta["ocr"]`` and a page under
:data:`LOW_CONFIDENCE` is named in ``meta["warnings"]`` for a human to check.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.model import Document, LineMap

INSTALL_HINT = ("install OCR: pip install 'lpo-review[ocr]' and the system package "
                "tesseract-ocr (apt-get install tesseract-ocr)")
#: Resolution PDF pages are rendered at for OCR.
DPI = 300
#: A page whose words average less confidence than this (0-100) is flagged for a human check.
LOW_CONFIDENCE = 80.0
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
#: The largest image OCR accepts (pixels): a decompression bomb is refused before decoding.
MAX_PIXELS = 200_000_000


@dataclass
class OcrLine:
    text: str
    confidence: float


@dataclass
class OcrPage:
    lines: list[OcrLine] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """Mean confidence of the page's lines (0 for a page with no text)."""
        return sum(x.confidence for x in self.lines) / len(self.lines) if self.lines else 0.0


def missing() -> str | None:
    """Why OCR cannot run here (``None`` when it can)."""
    try:
        import PIL  # noqa: F401
        import pytesseract  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    if shutil.which("tesseract") is None:
        return INSTALL_HINT
    return None


def _runs(mask: np.ndarray, length: int) -> np.ndarray:
    """The pixels of ``mask`` (2-D, along its last axis) in runs of at least ``length``."""
    rows, width = mask.shape
    if width < length:
        return np.zeros_like(mask)
    sums = np.zeros((rows, width + 1), dtype=np.int32)
    sums[:, 1:] = np.cumsum(mask, axis=1)
    starts = (sums[:, length:] - sums[:, :-length]) == length  # a full run starts at s
    cover = np.zeros((rows, starts.shape[1] + 1), dtype=np.int32)
    cover[:, 1:] = np.cumsum(starts, axis=1)
    j = np.arange(width)
    hi = np.minimum(j + 1, starts.shape[1])
    lo = np.maximum(j - length + 1, 0)
    return (cover[:, hi] - cover[:, lo]) > 0  # pixel j lies in a run starting in [j-L+1, j]


def without_rules(image: Any, dpi: int = DPI) -> Any:
    """``image`` (greyscale) cleaned for OCR: speckle noise removed (a 3x3 median) and the
    ruling lines of tables and forms whitened (black runs longer than a quarter inch, across or
    down, which no letter has and which make Tesseract misread the text in the cells)."""
    from PIL import Image, ImageFilter

    pixels = np.asarray(image.convert("L").filter(ImageFilter.MedianFilter(3)))  # speckles
    black = pixels < 128
    length = max(20, dpi // 4)
    rules = _runs(black, length) | _runs(black.T, length).T
    cleaned = np.where(rules, 255, pixels).astype(np.uint8)
    return Image.fromarray(cleaned)


#: "|" read for a capital I before a word ("| believe"), Tesseract's commonest confusion.
_BAR_FOR_I = re.compile(r"(?<![^\s(\"'])\|(?=\s+[a-z])")


def ocr_image(image: Any, dpi: int = DPI) -> OcrPage:
    """Tesseract's lines of one page image (its ruling lines removed first), each with its
    words' mean confidence; the page is read as one block of text (``--psm 6``), so a table's
    cells come row by row."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # 3x faster on few cores; workers run many
    data = pytesseract.image_to_data(without_rules(image, dpi), lang="eng", config="--psm 6",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if word.strip() and conf >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append((word, conf))
    return OcrPage([OcrLine(_BAR_FOR_I.sub("I", " ".join(w for w, _ in words)),
                            sum(c for _, c in words) / len(words))
                    for _, words in sorted(lines.items())])


def image_pages(path: Path) -> Iterator[Any]:
    """The pages of an image file (every frame of a multi-page TIFF)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as image:
            for frame in ImageSequence.Iterator(image):
                yield frame.copy()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise IngestError("corrupt_image", f"{path.name}: not a readable image "
                                           f"({exc.__class__.__name__})") from None


def pdf_page_image(path: Path, index: int) -> Any:
    """Page ``index`` (0-based) of a PDF rendered at :data:`DPI`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return document[index].render(scale=DPI / 72).to_pil()
    finally:
        document.close()


def document_of_pages(pages: list[tuple[str, OcrPage | None]], source: str, sha256: str,
                      fmt: str, meta: dict[str, Any]) -> Document:
    """A document whose page ``n`` is ``pages[n]``: a text layer's text (``None``) or OCR."""
    parts, starts, confidence = [], [], {}
    offset = 0
    for number, (text, ocr) in enumerate(pages, start=1):
        if ocr is not None:
            text = "\n".join(line.text for line in ocr.lines)
            confidence[number] = round(ocr.confidence, 1)
        text = text if text.endswith("\n") else text + "\n"
        starts.append(offset)
        parts.append(text)
        offset += len(text)
    text = "".join(parts)
    if not text.strip():
        raise IngestError("no_text", f"{Path(source).name}: OCR found no text on any page "
                                     "(blank, or a picture without writing)")
    empty = [n for n, (_, page) in enumerate(pages, start=1) if page is not None and
             not page.lines]
    low = [n for n, c in confidence.items() if c < LOW_CONFIDENCE and n not in empty]
    warnings = [w for w in meta.get("warnings", []) if "may need OCR" not in w]
    if empty:
        warnings.append(f"no text on page(s) {', '.join(map(str, empty))} of {len(pages)}, "
                        "even by OCR (blank, or a picture without writing)")
    if low:
        warnings.append(f"OCR confidence under {LOW_CONFIDENCE:.0f} on page(s) "
                        f"{', '.join(map(str, low))}: check them against the scan")
    meta = {**meta, "warnings": warnings,
            "ocr": {"engine": "tesseract", "pages": confidence, "low_confidence_pages": low}}
    return Document(source=source, sha256=sha256, text=text,
                    lines=LineMap.from_text(text, starts), fmt=fmt, meta=meta)


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    """Read a page image (``.png``, ``.jpg``, ``.tif`` and multi-page ``.tiff``) by OCR."""
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    problem = missing()
    if problem:
        raise IngestError("needs_ocr", f"{path.name}: an image needs OCR; {problem}")
    from lpo_review.ingest.common import sha256_file

    pages = [("", ocr_image(image)) for image in image_pages(path)]
    return document_of_pages(pages, str(path), sha256_file(path), "image",  # type: ignore[arg-type]
                             {"pages": len(pages)})
