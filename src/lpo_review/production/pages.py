"""Production pages: each source page rebuilt as an image with the redaction boxes burned in and
the Bates number stamped, plus an invisible text layer made only of the words left visible.

Why images: a box drawn over a PDF's text hides nothing (the words stay selectable under it;
court orders and bar guidance record the failures).  Rendering the page and rebuilding the PDF
from the picture drops every original text operator, font, image, annotation, attachment,
layer and metadata entry by construction; the searchable text put back is only the page's
words outside the boxes, each box's label and the stamp, so the text layer can hold nothing the
picture does not show.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from lpo_review.production.pdf_text import Box, PageText, overlaps
from lpo_review.production.text_pages import bare_canvas, printable

#: Height of the footer zone the Bates number goes in (points); content is never under it.
FOOTER = 30.0
#: A pixel darker than this is ink.
INK = 200
_LAYER_FONT = "Helvetica"


@dataclass(frozen=True)
class BoxedSpan:
    """A redaction to burn on page ``page`` (0-based): its box in points and its label."""

    page: int
    box: Box
    label: str


@dataclass
class ProducedPage:
    """One finished page: its picture, its size in points and its text layer."""

    bates: str
    image: Image.Image
    width: float
    height: float
    words: list[tuple[str, Box]] = field(default_factory=list)


def _font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(6, round(size)))


def _burn(draw: ImageDraw.ImageDraw, box: Box, label: str, scale: float, height: float) -> None:
    """A black box over ``box`` (points) with ``label`` in white, shrunk to fit."""
    pad = 1.5
    left, top = (box[0] - pad) * scale, (height - box[3] - pad) * scale
    right, bottom = (box[2] + pad) * scale, (height - box[1] + pad) * scale
    draw.rectangle((left, top, right, bottom), fill=0)
    size = (bottom - top) * 0.72
    text = label
    while size >= 6:
        font = _font(size)
        if draw.textlength(text, font=font) <= right - left - 2:
            draw.text((left + 1, top + (bottom - top - size) / 2 - 1), text, fill=255, font=font)
            return
        size -= 1
    if text != "REDACTED" and right - left > 20:
        _burn(draw, box, "REDACTED", scale, height)


def _has_ink(image: Image.Image, top: int) -> bool:
    band = image.crop((0, top, image.width, image.height))
    return band.point(lambda v: 255 if v < INK else 0).getbbox() is not None


def _make_room(image: Image.Image, words: list[tuple[str, Box]], width: float, height: float,
               scale: float) -> tuple[Image.Image, list[tuple[str, Box]]]:
    """Shrink the page's content above the footer zone if anything is drawn inside it."""
    zone = round(FOOTER * scale)
    if not _has_ink(image, image.height - zone):
        return image, words
    factor = (image.height - zone) / image.height
    small = image.resize((round(image.width * factor), image.height - zone), Image.Resampling.LANCZOS)
    canvas = Image.new("L", image.size, 255)
    offset = (image.width - small.width) // 2
    canvas.paste(small, (offset, 0))
    dx = offset / scale
    moved = [(t, (b[0] * factor + dx, FOOTER + b[1] * factor, b[2] * factor + dx,
                  FOOTER + b[3] * factor)) for t, b in words]
    return canvas, moved


def _stamp(page: ProducedPage, legend: str, scale: float) -> None:
    """The Bates number at the bottom right, the legend at the bottom left, both in the zone."""
    draw = ImageDraw.Draw(page.image)
    size = 9.0
    font = _font(size * scale)
    y_pt = 10.0
    for text, right_aligned in ((page.bates, True), (legend, False)):
        if not text:
            continue
        w_pt = draw.textlength(text, font=font) / scale
        x_pt = page.width - 36 - w_pt if right_aligned else 36.0
        draw.text((x_pt * scale, (page.height - y_pt - size) * scale), text, fill=0, font=font)
        page.words.append((text, (x_pt, y_pt, x_pt + w_pt, y_pt + size)))


def build_pages(source: bytes, boxes: list[BoxedSpan], bates: list[str], *, dpi: int,
                legend: str = "") -> Iterator[ProducedPage]:
    """Render each page of the PDF ``source``, burn ``boxes`` in, stamp ``bates[i]``; the text
    layer holds the page's words outside the boxes, the boxes' labels and the stamps."""
    pdf = pdfium.PdfDocument(source)
    scale = dpi / 72
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = PageText.of(page)
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
            page.close()
            mine = [b for b in boxes if b.page == index]
            draw = ImageDraw.Draw(image)
            for b in mine:
                _burn(draw, b.box, b.label, scale, text.height)
            hidden = [b.box for b in mine]
            words = [(w, box) for w, box in text.words() if not overlaps(box, hidden)]
            words += [(b.label, b.box) for b in mine]
            image, words = _make_room(image, words, text.width, text.height, scale)
            produced = ProducedPage(bates[index], image, text.width, text.height, words)
            _stamp(produced, legend, scale)
            yield produced
    finally:
        pdf.close()


def page_count(source: bytes) -> int:
    pdf = pdfium.PdfDocument(source)
    try:
        return len(pdf)
    finally:
        pdf.close()


def write_pdf(pages: list[ProducedPage]) -> bytes:
    """The production PDF: each page its picture plus the invisible text layer; no metadata
    but the producer.  Streams are binary (no ASCII85), so a picture's data cannot read as
    words to a byte scan."""
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _pdf(pages)
    finally:
        rl_config.useA85 = use_a85


def _pdf(pages: list[ProducedPage]) -> bytes:
    out = io.BytesIO()
    canvas = bare_canvas(out)
    for page in pages:
        canvas.setPageSize((page.width, page.height))
        canvas.drawImage(ImageReader(page.image), 0, 0, page.width, page.height)
        layer = canvas.beginText()
        layer.setTextRenderMode(3)
        for word, (left, bottom, right, top) in page.words:
            word = printable(word)
            size = max(1.0, top - bottom)
            natural = stringWidth(word, _LAYER_FONT, size)
            layer.setFont(_LAYER_FONT, size)
            layer.setHorizScale(100.0 * (right - left) / natural if natural else 100.0)
            layer.setTextOrigin(left, bottom + 0.15 * size)
            layer.textOut(word)
        canvas.drawText(layer)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_tiff(page: ProducedPage, dpi: int) -> bytes:
    """A single-page black-and-white Group 4 TIFF of the page (what review platforms load)."""
    out = io.BytesIO()
    page.image.point(lambda v: 255 if v > 160 else 0, "1").save(
        out, format="TIFF", compression="group4", dpi=(dpi, dpi))
    return out.getvalue()
