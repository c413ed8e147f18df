"""Scanned pages: text typeset as a PDF (fpdf2 core fonts), rasterised (pypdfium2) and degraded
the way scans are: lower resolution, a skew, speckle noise; and a page holding a table.

Used for the OCR benchmark's generated set and for the scanned sample record.  Deterministic
for a given seed.
"""

from __future__ import annotations

import io
import random
import textwrap
from collections.abc import Sequence

import pypdfium2
from fpdf import FPDF
from PIL import Image

#: Degradations of the generated set: name -> (dpi, skew in degrees, share of speckled pixels).
DEGRADATIONS: dict[str, tuple[int, float, float]] = {
    "clean-300dpi": (300, 0.0, 0.0),
    "200dpi": (200, 0.0, 0.0),
    "skew-2deg": (300, 2.0, 0.0),
    "noise-1pct": (300, 0.0, 0.01),
}


def typeset(lines: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A one-page PDF of ``lines`` (Helvetica 11 pt) and, below them, ``table`` with borders."""
    pdf = FPDF(format="Letter")
    pdf.set_creator("lpo-review sample generator")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 1, 2))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if table:
        pdf.ln(4)
        width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(table[0])
        for row in table:
            for cell in row:
                pdf.cell(width, 8, cell, border=1)
            pdf.ln(8)
    return bytes(pdf.output())


def rasterise(pdf: bytes, dpi: int) -> Image.Image:
    """The PDF's first page as a greyscale image at ``dpi``."""
    page = pypdfium2.PdfDocument(pdf)[0]
    return page.render(scale=dpi / 72).to_pil().convert("L")


def degrade(image: Image.Image, skew: float, noise: float, seed: int) -> Image.Image:
    """``image`` rotated by ``skew`` degrees (white corners) with ``noise`` of its pixels
    flipped to black or white."""
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        width, height = image.size
        for _ in range(int(width * height * noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return image


def scan(lines: Sequence[str], degradation: str, seed: int = 0,
         table: Sequence[Sequence[str]] = ()) -> Image.Image:
    """A page of ``lines`` (and ``table``) as a scanner with ``degradation`` would give it."""
    dpi, skew, noise = DEGRADATIONS[degradation]
    return degrade(rasterise(typeset(lines, table), dpi), skew, noise, seed)


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def scanned_pdf(images: Sequence[Image.Image], dpi: int = 200) -> bytes:
    """A PDF of page images only (no text layer), as a scanner writes it."""
    out = io.BytesIO()
    first, *rest = [im.convert("L") for im in images]
    first.save(out, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return out.getvalue()


def scan_document(text: str, degradation: str = "200dpi", seed: int = 0,
                  width: int = 95, per_page: int = 40) -> list[Image.Image]:
    """The pages of ``text`` as scanned images: lines wrapped at ``width`` characters,
    ``per_page`` lines a page (Latin-1 text, as the core fonts hold it)."""
    lines = [part for line in text.splitlines()
             for part in (textwrap.wrap(line, width) or [""])]
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return [scan(chunk, degradation, seed + k) for k, chunk in enumerate(chunks)]
