"""Citations read as the source does: physical pages, or a transcript's own page:line."""

from __future__ import annotations

import pytest
from make_inputs import make_transcript_pdf, transcript_text, write_text

from lpo_review.ingest.lines import finalize_lines, transcript_line_map
from lpo_review.model import Document, LineMap


@pytest.mark.parametrize("header", ["bare", "page", "caption"])
def test_transcript_text_cites_its_own_numbers(header):
    text = transcript_text(first_page=12, pages=3, header=header)
    lines = transcript_line_map(text)
    assert lines is not None
    assert lines.cite(text.index("page 13 line 4.")) == "13:4"
    assert lines.cite(text.index("page 12 line 1.")) == "12:1"
    start = text.index("page 14 line 24.")
    assert lines.cite(start, text.index("page 14 line 25.") + 5) == "14:24-14:25"


def test_transcript_pdf_cites_transcript_pages_not_pdf_pages(tmp_path, ingest):
    document = ingest(
        make_transcript_pdf(tmp_path / "depo.pdf", first_page=41, pages=3)
    )
    assert document.kind == "deposition"
    assert document.meta["line_numbers"] == "transcript"
    cite = document.lines.cite
    assert cite(document.text.index("page 42 line 7.")) == "42:7"
    assert cite(document.text.index("page 43 line 1.")) == "43:1"


def test_transcript_with_page_numbers_below_the_lines():
    pages = []
    for page in (5, 6):
        numbered = [f"{n:>2}   Q.  Line {n} of page {page}." for n in range(1, 26)]
        pages.append("\n".join([*numbered, f"{'':40}Page {page}", "Reporter footer"]))
    text = "\n".join(pages)
    lines = transcript_line_map(text)
    assert lines is not None
    assert lines.cite(text.index("Line 3 of page 6.")) == "6:3"


def test_plain_numbered_documents_are_not_transcripts(tmp_path, ingest):
    contract = "\n".join(f"{n}. Clause {n} shall apply." for n in range(1, 30))
    assert transcript_line_map(contract) is None
    assert transcript_line_map("Hello\nworld\n") is None
    document = ingest(write_text(tmp_path / "c.txt", contract))
    assert "line_numbers" not in document.meta


def test_finalize_lines_leaves_other_kinds_alone():
    text = transcript_text(first_page=3, pages=1)
    document = Document("t", "0", text, LineMap.from_text(text), "txt", kind="contract")
    assert finalize_lines(document).lines == LineMap.from_text(text)
    document.kind = "deposition"
    assert finalize_lines(document).lines.cite(text.index("page 3 line 2.")) == "3:2"


def test_line_numbers_set_off_by_a_bar_after_a_space_are_the_transcript_s_own():
    pages = []
    for page in (7, 8):
        numbered = [f"{n:<2} |  Q.  Line {n} of page {page}." for n in range(1, 26)]
        pages.append("\n".join([f"Ledbetter, Corinne A.  -  August 14, 2025{'':20}Page {page}",
                                "-" * 60, *numbered, "-" * 60, "  Reporting, LLC"]))
    text = "\n\n".join(pages)
    lines = transcript_line_map(text)
    assert lines is not None
    assert lines.cite(text.index("Line 12 of page 8.")) == "8:12"
