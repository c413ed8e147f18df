"""PDFs: text per page, honest errors for encrypted, damaged and scanned files."""

from __future__ import annotations

import pytest
from make_inputs import damage_first_stream, encrypt_pdf, make_pdf, truncate

from lpo_review.ingest import ocr


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    pages = [
        ["Page one opening line", "Second line of page one"],
        [],
        ["Third page text here"],
    ]
    return make_pdf(tmp_path_factory.mktemp("pdf") / "brief.pdf", pages)


def test_offsets_map_to_pdf_pages_and_blank_pages_are_noted(three_pages, ingest):
    document = ingest(three_pages)
    cite = document.lines.cite
    assert cite(document.text.index("Second line")) == "1:2"
    assert cite(document.text.index("Third page")) == "3:1"
    assert document.meta["pages"] == 3 and document.lines.page_count == 3
    assert any("page(s) 2 of 3" in w for w in document.meta["warnings"])  # with or without OCR


def test_password_protected_pdf(three_pages, tmp_path, failure):
    reason, message = failure(
        encrypt_pdf(three_pages, tmp_path / "locked.pdf", "s3cret")
    )
    assert reason == "encrypted_pdf"
    assert "password-protected; supply an unencrypted copy" in message


def test_pdf_encrypted_without_user_password_is_read(three_pages, tmp_path, ingest):
    document = ingest(encrypt_pdf(three_pages, tmp_path / "owner_only.pdf", ""))
    assert "Third page text here" in document.text
    assert any("without a password" in w for w in document.meta["warnings"])


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.98])
def test_truncated_pdf_is_corrupt(three_pages, tmp_path, failure, fraction):
    reason, message = failure(truncate(three_pages, tmp_path / "cut.pdf", fraction))
    assert reason == "corrupt_pdf" and "truncated" in message


def test_garbage_after_pdf_header_is_corrupt(tmp_path, failure):
    (tmp_path / "junk.pdf").write_bytes(
        b"%PDF-1.7\n" + b"garbage " * 200 + b"\n%%EOF\n"
    )
    assert failure(tmp_path / "junk.pdf")[0] == "corrupt_pdf"


def test_damaged_page_content_is_corrupt_not_blank(three_pages, tmp_path, failure):
    reason, message = failure(damage_first_stream(three_pages, tmp_path / "bad.pdf"))
    assert reason == "corrupt_pdf" and "page 1 of 3 cannot be read" in message


def test_scanned_pdf_needs_ocr_instead_of_an_empty_document(tmp_path, failure, monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL_HINT)  # a machine without OCR
    reason, message = failure(
        make_pdf(tmp_path / "scan.pdf", [[], []], image_only=True)
    )
    assert reason == "needs_ocr"
    assert "no text layer" in message and "pip install 'lpo-review[ocr]'" in message
