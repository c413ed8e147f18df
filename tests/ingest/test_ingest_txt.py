"""Plain text: encodings come through exactly, newlines are normalised, form feeds are pages."""

from __future__ import annotations

import pytest
from make_inputs import gibberish_bytes, write_text

from lpo_review.errors import IngestError
from lpo_review.ingest.txt import decode_text

SAMPLE = "The parties’ “Agreement”: fee €500, café in Straße—see § 4.\n"


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [
        ("cp1252", "cp1252"),
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    ],
)
def test_encodings_are_detected_and_text_is_not_mangled(
    tmp_path, ingest, encoding, recorded
):
    document = ingest(write_text(tmp_path / "letter.txt", SAMPLE * 3, encoding))
    assert document.text == SAMPLE * 3
    assert document.meta["encoding"] == recorded
    assert document.fmt == "txt"


def test_utf16_big_endian_with_bom(tmp_path, ingest):
    path = tmp_path / "be.txt"
    path.write_bytes(b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    document = ingest(path)
    assert document.text == SAMPLE and document.meta["encoding"] == "utf-16-be"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, ingest, encoding):
    document = ingest(write_text(tmp_path / "nobom.txt", SAMPLE * 4, encoding))
    assert document.text == SAMPLE * 4
    assert document.meta["encoding"] == encoding


def test_latin1_and_western_text_decode_as_written(tmp_path, ingest):
    french = "Le contrat signé à Paris est très clair; Müller & Söhne, größer.\n" * 2
    document = ingest(write_text(tmp_path / "fr.txt", french, "latin-1"))
    assert document.text == french


def test_non_western_code_page_is_not_forced_to_cp1252(tmp_path, ingest):
    russian = "Договор заключен в Москве между сторонами, которые обязуются.\n" * 3
    document = ingest(write_text(tmp_path / "ru.txt", russian, "cp1251"))
    assert document.text == russian


def test_utf8_with_pasted_cp1252_bytes_reads_each_part_right(tmp_path, ingest):
    utf8_part = "Le café à Paris — très élégant; Straße größer. " * 5
    cp1252_part = "He said “hello” for €5."
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8_part.encode() + cp1252_part.encode("cp1252") + b"\n")
    document = ingest(path)
    assert document.text == utf8_part + cp1252_part + "\n"
    assert document.meta["encoding"] == "utf-8+cp1252"


def test_gibberish_is_undecodable_rather_than_mangled(tmp_path, failure):
    (tmp_path / "noise.txt").write_bytes(gibberish_bytes())
    reason, message = failure(tmp_path / "noise.txt")
    assert reason == "undecodable_text" and "noise.txt" in message


def test_bad_utf16_after_bom_is_undecodable():
    with pytest.raises(IngestError) as info:
        decode_text(b"\xff\xfe" + b"a\x00\x00\xd8")  # lone surrogate
    assert info.value.reason == "undecodable_text"


def test_crlf_and_cr_become_lf_and_form_feeds_start_pages(tmp_path, ingest):
    document = ingest(
        write_text(tmp_path / "pages.txt", "one\r\ntwo\rthree\fpage two\r\n")
    )
    assert document.text == "one\ntwo\nthree\fpage two\n"
    assert document.lines.cite(document.text.index("three")) == "1:3"
    assert document.lines.cite(document.text.index("page two")) == "2:1"
    assert document.meta["pages"] == 2
