"""The leak check finds original values in any spelling variant, on token boundaries only."""

from __future__ import annotations

import io

import docx
import pytest

from lpo_review.confidential.leakcheck import LeakChecker

CHECKER = LeakChecker(
    [
        ("Jane Whitfield", "PERSON"),
        ("218-555-0143", "PHONE_NUMBER"),
        ("Al", "PERSON"),
        ("José Núñez", "PERSON"),
        ("jw@whitfield.example", "EMAIL_ADDRESS"),
    ]
)


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("Witness: JANE   WHITFIELD.", {"PERSON"}),
        ("Witness: Jane\nWhitfield", {"PERSON"}),
        ("Whitfield, Jane testified", {"PERSON"}),
        ("Jane-Whitfield's deposition", {"PERSON"}),
        ("call (218) 555 0143 or 2185550143", {"PHONE_NUMBER"}),
        ("jose nunez signed", {"PERSON"}),
        ("mail JW@Whitfield.Example today", {"EMAIL_ADDRESS"}),
        ("Al said so", {"PERSON"}),
    ],
)
def test_variants_are_found(text: str, kinds: set[str]) -> None:
    assert CHECKER.kinds_in(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Alabama and Albany",
        "Janet Whitfielder",
        "12185550143",
        "<PERSON_1> testified",
        "Whitfield alone is a common word here",
    ],
)
def test_no_false_hits_inside_tokens_or_placeholders(text: str) -> None:
    assert CHECKER.kinds_in(text) == set()


def test_docx_metadata_and_split_runs_are_scanned() -> None:
    document = docx.Document()
    document.core_properties.author = "Jane Whitfield"
    paragraph = document.add_paragraph()
    paragraph.add_run("Jo")
    paragraph.add_run("sé Núñez")
    buffer = io.BytesIO()
    document.save(buffer)
    leaks = CHECKER.scan_file("DOC-000001", "DOC-000001.docx", buffer.getvalue())
    where = {leak.location for leak in leaks}
    assert "DOC-000001.docx:docProps/core.xml" in where
    assert "DOC-000001.docx:word/document.xml" in where
    assert all("Whitfield" not in str(leak) and "Núñez" not in str(leak) for leak in leaks)


def test_numbers_in_neighbouring_table_cells_are_no_leak() -> None:
    """A clause table row "1:6 | 0.69 | 2.1" is no ZIP code 60692; a ZIP split over two runs
    of one paragraph still is."""
    checker = LeakChecker([("60692", "ZIP_CODE")])
    document = docx.Document()
    row = document.add_table(rows=1, cols=3).rows[0]
    for cell, text in zip(row.cells, ("1:6", "0.69", "2.1"), strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    assert checker.scan_file("DOC-000001", "DOC-000001.docx", buffer.getvalue()) == []
    paragraph = document.add_paragraph("Chicago, IL ")
    paragraph.add_run("606")
    paragraph.add_run("92")
    buffer = io.BytesIO()
    document.save(buffer)
    leaks = checker.scan_file("DOC-000001", "DOC-000001.docx", buffer.getvalue())
    assert {leak.location for leak in leaks} == {"DOC-000001.docx:word/document.xml"}


def test_json_escapes_do_not_hide_values() -> None:
    data = b'{"text": "line one\\nJos\\u00e9 N\\u00fa\\u00f1ez"}'
    assert [leak.kind for leak in CHECKER.scan_file("D", "D.json", data)] == ["PERSON"]


def test_file_names_are_scanned() -> None:
    leaks = CHECKER.scan_file("D", "jane_whitfield.json", b"{}")
    assert [str(leak) for leak in leaks] == [
        "D: an original PERSON value appears in file name jane_whitfield.json"
    ]
