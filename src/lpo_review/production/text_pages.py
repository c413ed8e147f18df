"""Pages drawn from a packet's redacted text, for documents whose original layout cannot be
used (plain text, e-mail, attachments, scans, a DOCX without LibreOffice, a PDF whose redacted
values cannot all be placed on the page).

The text drawn is the redacted text itself: every placeholder becomes a black box carrying its
reason (``PII - PERSON``), so no original value is ever in the drawing.  A form feed starts a new
page; long lines wrap; the font is Courier, so a transcript keeps its columns.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lpo_review.redact.redactor import PLACEHOLDER

FONT, SIZE, LEADING = "Courier", 9.5, 12.5
MARGIN = 54.0
#: Bottom margin: the Bates footer zone stays empty.
FOOTER = 72.0
BOX_PAD = 1.5


#: The placeholder type of a passage an attorney withheld as privileged.
PRIVILEGED = "PRIVILEGED"


def placeholder_type(placeholder: str) -> str:
    return placeholder.strip("<>").rsplit("_", 1)[0]


def placeholder_label(placeholder: str) -> str:
    """``<PERSON_3>`` -> ``PII - PERSON``, ``<PRIVILEGED_1>`` -> ``PRIVILEGED`` (the reason
    shown on the box)."""
    kind = placeholder_type(placeholder)
    return PRIVILEGED if kind == PRIVILEGED else f"PII - {kind}"


def printable(text: str) -> str:
    """What the standard PDF fonts can show (WinAnsi); anything else becomes ``?``."""
    return text.encode("cp1252", "replace").decode("cp1252")


def bare_canvas(out: io.BytesIO, **options: Any) -> Canvas:
    """A reportlab canvas whose PDF says nothing of where it came from: the producer and
    creator are lpo-review, author, title and subject empty, dates fixed (``invariant``)."""
    canvas = Canvas(out, invariant=True, pageCompression=1, **options)
    canvas.setCreator("lpo-review")
    canvas.setProducer("lpo-review")
    for blank in (canvas.setAuthor, canvas.setTitle, canvas.setSubject):
        blank("")
    return canvas


Piece = tuple[str, bool]
"""A run of text and whether it is a redaction box's label."""


def _pieces(line: str, boxed: Callable[[str], str]) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in PLACEHOLDER.finditer(line):
        if m.start() > pos:
            out.append((line[pos : m.start()], False))
        out.append((boxed(m.group()), True))
        pos = m.end()
    if pos < len(line) or not out:
        out.append((line[pos:], False))
    return out


def _wrap(pieces: list[Piece], width: float) -> Iterator[list[Piece]]:
    """Lines of pieces no wider than ``width``; plain text breaks at spaces where it can."""
    line: list[Piece] = []
    used = 0.0
    for text, is_box in pieces:
        chunks = [text] if is_box else re.findall(r"\S+\s*|\s+", text)
        for chunk in chunks:
            w = stringWidth(chunk, FONT, SIZE) + (2 * BOX_PAD if is_box else 0)
            if used + w > width and line:
                yield line
                line, used = [], 0.0
                chunk = chunk if is_box else chunk.lstrip()
                w = stringWidth(chunk, FONT, SIZE) + (2 * BOX_PAD if is_box else 0)
            while not is_box and w > width:  # one word wider than the page
                cut = max(1, int(len(chunk) * width / w))
                yield [(chunk[:cut], False)]
                chunk = chunk[cut:]
                w = stringWidth(chunk, FONT, SIZE)
            line.append((chunk, is_box))
            used += w
    yield line


def text_pdf(text: str, boxed: Callable[[str], str] = placeholder_label
             ) -> tuple[bytes, list[int]]:
    """A letter-size PDF of ``text`` with each placeholder drawn as a labelled black box, and
    the page (0-based) each placeholder landed on, in text order."""
    out = io.BytesIO()
    canvas = bare_canvas(out, pagesize=LETTER)
    width, height = LETTER
    y, page, box_pages = height - MARGIN, 0, []
    started = False

    def new_page() -> None:
        nonlocal y, page
        canvas.showPage()
        y, page = height - MARGIN, page + 1

    for source_line in printable(text).split("\n"):
        for n, part in enumerate(source_line.split("\f")):
            if n > 0 or (started and y < FOOTER + LEADING):
                new_page()
            started = True
            pieces = _pieces(part, boxed)
            for row in _wrap(pieces, width - 2 * MARGIN):
                if y < FOOTER + LEADING:
                    new_page()
                x = MARGIN
                for chunk, is_box in row:
                    w = stringWidth(chunk, FONT, SIZE)
                    canvas.setFont(FONT, SIZE)
                    if is_box:
                        box_pages.append(page)
                        canvas.setFillGray(0)
                        canvas.rect(x, y - 3, w + 2 * BOX_PAD, LEADING - 1, stroke=0, fill=1)
                        canvas.setFillGray(1)
                        canvas.drawString(x + BOX_PAD, y, chunk)
                        canvas.setFillGray(0)
                        w += 2 * BOX_PAD
                    else:
                        canvas.drawString(x, y, chunk)
                    x += w
                y -= LEADING
    canvas.showPage()
    canvas.save()
    return out.getvalue(), box_pages
