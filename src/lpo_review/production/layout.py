"""Placing a document's redactions on its original PDF pages, or saying it cannot be done.

Each redacted span's original text (from the vault) is boxed wherever it occurs in the document
(a page break in a converted DOCX need not be where the engine's page count put it); the page
its citation names is the one the redaction log gives, where the value is found there.  The original layout is
used only when every span is placed, every page has a text layer (no scanned page, whose words
the picture would show unseen), and no vault value is left readable outside the boxes; otherwise
the document's pages are drawn from its redacted text (:mod:`~lpo_review.production.text_pages`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pypdfium2 as pdfium

from lpo_review.confidential.leakcheck import LeakChecker
from lpo_review.model import RedactionEntry
from lpo_review.production.pages import BoxedSpan
from lpo_review.production.pdf_text import PageText, overlaps, union
from lpo_review.production.text_pages import placeholder_label

#: A page with fewer characters than this in its text layer is taken for a scan.
MIN_PAGE_CHARS = 20


def _cited_page(cite: str) -> int | None:
    head = cite.split("-")[0].split(":")[0]
    return int(head) - 1 if head.isdigit() else None


def _merged(boxes: list[BoxedSpan]) -> list[BoxedSpan]:
    """One box where boxes of a line overlap or touch (a full name and its surname both
    found), labelled with the first; duplicates dropped."""
    out: list[BoxedSpan] = []
    for b in sorted(set(boxes), key=lambda b: (b.page, -round((b.box[1] + b.box[3]) / 6),
                                                 b.box[0])):
        last = out[-1] if out else None
        if (last is not None and last.page == b.page
                and last.box[0] - 5 <= b.box[0] <= last.box[2] + 5
                and abs((b.box[1] + b.box[3]) - (last.box[1] + last.box[3])) / 2 < 3):
            out[-1] = BoxedSpan(b.page, union([last.box, b.box]), last.label)
        else:
            out.append(b)
    return out


def plan_boxes(source: bytes, entries: Sequence[RedactionEntry], spans: Sequence[str],
               checker: LeakChecker) -> tuple[list[BoxedSpan], list[int]] | str:
    """The boxes to burn on ``source`` and, per entry, the page (0-based) it is on; or why the
    original layout cannot be used."""
    pdf = pdfium.PdfDocument(source)
    try:
        pages = [PageText.of(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    for number, page in enumerate(pages, 1):
        if len(page.text.strip()) < MIN_PAGE_CHARS:
            return f"page {number} has no text layer (a scan)"
    boxes: list[BoxedSpan] = []
    entry_pages: list[int] = []
    for entry, original in zip(entries, spans, strict=True):
        label = placeholder_label(entry.placeholder)
        found_on = []
        for index, page in enumerate(pages):
            for start, end in page.find(original):
                boxes += [BoxedSpan(index, b, label) for b in page.span_boxes(start, end)]
                found_on.append(index)
        if not found_on:
            return f"a redacted value cited at {entry.cite} is not in the PDF's text layer"
        cited = _cited_page(entry.cite)
        entry_pages.append(cited if cited in found_on else found_on[0])
    boxes = _merged(boxes)
    for number, page in enumerate(pages):
        hidden = [b.box for b in boxes if b.page == number]
        visible = " ".join(w for w, box in page.words() if not overlaps(box, hidden))
        if checker.found_in(visible):
            return f"page {number + 1} would still show a redacted value"
    return boxes, entry_pages
