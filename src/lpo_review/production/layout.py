"""Placing a document's redactions on its original PDF pages, or saying it cannot be done.

Each redacted span's original text (from the vault) is looked for on the page its citation
names, then anywhere in the document; every occurrence found is boxed.  The original layout is
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
from lpo_review.production.pdf_text import PageText, overlaps
from lpo_review.production.text_pages import placeholder_label

#: A page with fewer characters than this in its text layer is taken for a scan.
MIN_PAGE_CHARS = 20


def _cited_page(cite: str) -> int | None:
    head = cite.split("-")[0].split(":")[0]
    return int(head) - 1 if head.isdigit() else None


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
        cited = _cited_page(entry.cite)
        order = ([cited] if cited is not None and cited < len(pages) else []) + [
            i for i in range(len(pages)) if i != cited]
        placed = None
        for index in order:
            found = pages[index].find(original)
            if found:
                placed = index
                label = placeholder_label(entry.placeholder)
                for start, end in found:
                    boxes += [BoxedSpan(index, b, label)
                              for b in pages[index].span_boxes(start, end)]
                break
        if placed is None:
            return f"a redacted value cited at {entry.cite} is not in the PDF's text layer"
        entry_pages.append(placed)
    for number, page in enumerate(pages):
        hidden = [b.box for b in boxes if b.page == number]
        visible = " ".join(w for w, box in page.words() if not overlaps(box, hidden))
        if checker.found_in(visible):
            return f"page {number + 1} would still show a redacted value"
    return boxes, entry_pages
