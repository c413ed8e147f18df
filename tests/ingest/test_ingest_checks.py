"""Bad input is refused before reading, with a reason and a message a user can act on."""

from __future__ import annotations

import hashlib

from make_inputs import (
    make_docx,
    make_ole,
    make_pdf,
    make_xlsx,
    write_text,
)

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.ingest.common import check_file, sha256_file
from lpo_review.ingest.sniff import Content, sniff


def test_missing_file_and_directory_are_unreadable(tmp_path, failure):
    assert failure(tmp_path / "nope.txt")[0] == "unreadable"
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    reason, message = failure(folder)
    assert reason == "unreadable" and "directory" in message


def test_zero_bytes_and_whitespace_only_are_empty(tmp_path, failure):
    (tmp_path / "zero.pdf").write_bytes(b"")
    assert failure(tmp_path / "zero.pdf") == ("empty", "zero.pdf is empty (0 bytes)")
    write_text(tmp_path / "blank.txt", " \r\n\t\f " * 3000)
    assert failure(tmp_path / "blank.txt")[0] == "empty"
    write_text(tmp_path / "blank16.txt", "  \n \n", "utf-16")
    assert failure(tmp_path / "blank16.txt")[0] == "empty"


def test_file_over_the_configured_limit_is_too_large(tmp_path):
    path = write_text(tmp_path / "big.txt", "x" * 3_000_000)
    try:
        check_file(path, Config.from_dict({"limits": {"max_file_mb": 2}}))
    except IngestError as exc:
        assert exc.reason == "too_large"
        assert "2.9 MB" in str(exc) and "limits.max_file_mb" in str(exc)
    else:
        raise AssertionError("no error")


def test_unsupported_types_name_what_they_are_and_what_is_supported(tmp_path, failure):
    reason, message = failure(make_xlsx(tmp_path / "sheet.xlsx"))
    assert reason == "unsupported_type"
    assert "Excel workbook" in message and ".txt, .docx, .pdf, .eml" in message
    reason, message = failure(make_ole(tmp_path / "old.doc"))
    assert reason == "unsupported_type" and "save it as .docx" in message
    reason, message = failure(write_text(tmp_path / "notes.md", "# Notes"))
    assert reason == "unsupported_type" and ".md files are not supported" in message


def test_extension_that_lies_about_content_is_a_mismatch(tmp_path, failure):
    docx_bytes = make_docx(tmp_path / "real.docx").read_bytes()
    (tmp_path / "report.pdf").write_bytes(docx_bytes)
    reason, message = failure(tmp_path / "report.pdf")
    assert reason == "extension_mismatch"
    assert message.startswith("report.pdf is actually a Word document (DOCX)")
    assert "rename it to .docx" in message

    pdf_bytes = make_pdf(tmp_path / "real.pdf", [["text"]]).read_bytes()
    (tmp_path / "memo.txt").write_bytes(pdf_bytes)
    assert failure(tmp_path / "memo.txt")[0] == "extension_mismatch"

    (tmp_path / "data.docx").write_bytes(make_xlsx(tmp_path / "s.xlsx").read_bytes())
    reason, message = failure(tmp_path / "data.docx")
    assert reason == "extension_mismatch" and "Excel" in message

    (tmp_path / "legacy.docx").write_bytes(make_ole(tmp_path / "o.doc").read_bytes())
    reason, message = failure(tmp_path / "legacy.docx")
    assert reason == "extension_mismatch" and "save it as .docx" in message


def test_password_protected_word_file(tmp_path, failure):
    reason, message = failure(make_ole(tmp_path / "locked.docx", "EncryptedPackage"))
    assert reason == "unsupported_type"
    assert "password-protected" in message and "unencrypted copy" in message


def test_binary_data_named_txt_is_undecodable(tmp_path, failure):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    reason, message = failure(tmp_path / "blob.txt")
    assert reason == "undecodable_text" and "binary" in message


def test_sniff_recognises_a_damaged_docx_from_its_head(tmp_path):
    data = make_docx(tmp_path / "a.docx").read_bytes()
    assert sniff(data[:8192]) is Content.DOCX
    assert sniff(data[:8192], tmp_path / "a.docx") is Content.DOCX
    assert sniff(b"\xef\xbb\xbfplain") is Content.TEXT
    assert sniff("plain".encode("utf-16-le")) is Content.TEXT


def test_sha256_file_streams_the_same_digest(tmp_path):
    path = write_text(tmp_path / "a.txt", "abc" * 1_000_000)
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_readers_decline_files_that_are_not_theirs(tmp_path, plugin_manager, config):
    path = write_text(tmp_path / "letter.rtf", "{\\rtf1 hello}")
    head = path.read_bytes()
    assert (
        plugin_manager.hook.lpo_review_read(path=path, head=head, config=config) is None
    )


def test_plugin_extensions_can_pass_the_checks(tmp_path, config):
    path = write_text(tmp_path / "letter.rtf", "{\\rtf1 hello}")
    assert check_file(path, config, extra_extensions={".RTF"}) == path.read_bytes()
