"""Word documents: everything a reader of the document sees, nothing it does not."""

from __future__ import annotations

import zipfile

import pytest
from make_inputs import make_docx, make_docx_from_paragraphs, make_docx_with_entity, truncate

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.ingest import docx as docx_reader


@pytest.fixture(scope="module")
def rich_docx(tmp_path_factory):
    return make_docx(tmp_path_factory.mktemp("docx") / "agreement.docx")


def test_body_tables_notes_headers_and_footers_in_order(rich_docx, ingest):
    document = ingest(rich_docx)
    text = document.text
    order = [
        "MASTER SERVICES AGREEMENT",
        "The Supplier shall deliver the goods.[1]",
        "Item\tPrice",
        "Widgets\t€500",
        "After the table.[i]",
        "Second page text.",
        "Third page text.",
        "[1] Footnote about delivery terms.",
        "[i] Endnote on the table.",
        "CONFIDENTIAL HEADER",
        "Footer Text",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert document.fmt == "docx"
    assert document.meta["footnotes"] == 1 and document.meta["endnotes"] == 1


def test_tracked_changes_and_comments(rich_docx, ingest):
    text = ingest(rich_docx).text
    assert "Payment is due in 30 days" in text  # insertion kept
    assert "90 days" not in text  # deletion dropped
    assert "Commented clause." in text
    assert "Reviewer remark" not in text  # comment text is not document text


def test_client_metadata_does_not_travel(rich_docx, ingest):
    document = ingest(rich_docx)
    assert "Secret" not in document.text
    assert "Secret" not in repr(document.meta)


def test_page_and_section_breaks_start_pages(rich_docx, ingest):
    document = ingest(rich_docx)
    cite = document.lines.cite
    assert cite(document.text.index("MASTER")) == "1:1"
    assert cite(document.text.index("Second page text.")) == "2:1"
    assert cite(document.text.index("Third page text.")) == "3:1"
    assert document.meta["pages"] == 3


def test_continuous_section_break_stays_on_the_page(tmp_path, ingest):
    path = make_docx_from_paragraphs(tmp_path / "s.docx", ["One.", "Two."], 0)
    document = ingest(path)
    assert document.lines.cite(document.text.index("Two.")) == "1:3"
    assert document.meta["pages"] == 1


def test_truncated_docx_is_corrupt(rich_docx, tmp_path, failure):
    reason, message = failure(truncate(rich_docx, tmp_path / "cut.docx", 0.6))
    assert reason == "corrupt_docx" and "cut.docx" in message


def test_zip_without_a_word_document_is_corrupt(tmp_path, failure):
    with zipfile.ZipFile(tmp_path / "odd.docx", "w") as archive:
        archive.writestr("readme.txt", "not a Word package")
    reason, message = failure(tmp_path / "odd.docx")
    assert reason == "corrupt_docx" and "not a valid Word document" in message


def test_docx_without_text_is_empty(tmp_path, failure):
    reason, _ = failure(make_docx_from_paragraphs(tmp_path / "blank.docx", ["", "  "]))
    assert reason == "empty"


def test_docx_that_expands_enormously_is_too_large(rich_docx, tmp_path):
    config = Config.from_dict({"limits": {"max_file_mb": 0.001}})
    head = rich_docx.read_bytes()[:8192]
    with pytest.raises(IngestError) as info:
        docx_reader.lpo_review_read(rich_docx, head, config)
    assert info.value.reason == "too_large" and "unpacked" in str(info.value)


def test_text_after_an_entity_reference_is_not_lost(tmp_path, ingest):
    """A DOCTYPE entity is never expanded (no XXE), but the text after its reference is read:
    a phone number hidden behind "&ref;" would otherwise escape redaction and review."""
    path = make_docx_with_entity(tmp_path / "entity.docx", "Call ", "ref", " Dana at 555-0143.")
    text = ingest(path).text
    assert "Dana at 555-0143." in text and "expanded" not in text
