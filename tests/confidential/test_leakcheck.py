"""The leak check finds original values in the forms people write them, on token boundaries
only, and leaves ordinary words alone."""

from __future__ import annotations

import io

import docx
import pytest

from lpo_review.confidential.identifying import english_dictionary
from lpo_review.confidential.leakcheck import LeakChecker
from lpo_review.config import DEFAULT_MODEL

CHECKER = LeakChecker(
    [
        ("Jane Whitfield", "PERSON"),
        ("218-555-0143", "PHONE_NUMBER"),
        ("Alva", "PERSON"),
        ("José Núñez", "PERSON"),
        ("jw@whitfield.example", "EMAIL_ADDRESS"),
        ("Ms. Okonkwo-Reyes (orthopedics)", "PERSON"),
        ("RAGHUNATHAN, PRIYA    DOB", "PERSON"),
        ("Harriet Young", "PERSON"),
        ("19  A. March 9, 1979", "DATE_OF_BIRTH"),
        ("88 Larkspur Road, Apt 3C", "STREET_ADDRESS"),
        ("Tel. +1 (312) 555-0177", "PHONE_NUMBER"),
        ("Employee No. 448-2190", "EMPLOYEE_ID"),
        ("Mercy General Hospital", "ORGANIZATION"),
        ("Agreement", "ORGANIZATION"),
        ("General Counsel", "ORGANIZATION"),
        ("16", "DATE"),
        ("Electronically", "PERSON"),
        ("Delaware", "LOCATION"),
        ("Disposition/Plan", "ORGANIZATION"),
        ("MRN", "DATE_TIME"),
        ("Moelis Holdings", "PERSON"),
    ],
    english_dictionary(DEFAULT_MODEL),
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
        ("mail JW@Whitfield.Example today", {"EMAIL_ADDRESS", "PERSON"}),
        ("Alva said so", {"PERSON"}),
        # the identifier inside a sloppy vault span, re-spelled
        ("Witness: WHITFIELD.", {"PERSON"}),
        ("A. Okonkwo-Reyes, I think.", {"PERSON"}),
        ("Priya Raghunathan was there", {"PERSON"}),
        ("P. Raghunathan and Raghunathan, P.", {"PERSON"}),
        ("asked Ms. Young", {"PERSON"}),
        ("born 03/09/1979", {"DATE_OF_BIRTH"}),
        ("born 9 March 1979", {"DATE_OF_BIRTH"}),
        ("born 1979-03-09", {"DATE_OF_BIRTH"}),
        ("lives at 88 Larkspur Rd.", {"STREET_ADDRESS"}),
        ("call 312.555.0177", {"PHONE_NUMBER"}),
        ("badge 4482190", {"EMPLOYEE_ID"}),
        ("admitted to Mercy General Hospital", {"ORGANIZATION"}),
    ],
)
def test_variants_are_found(text: str, kinds: set[str]) -> None:
    assert CHECKER.kinds_in(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Alvarado and Albany",
        "Janet Whitfielder",
        "12185550143",
        "<PERSON_1> testified",
        "Whitfielder is another word",
        "a young witness",
        "Young people, Purchase Price",
        "under this Agreement the General Counsel may, on the 16th",
        "the general hospital of the county",
        "born March 10, 1979",
        "Electronically signed in Delaware; Disposition/Plan; MRN",
        "MOELIS & COMPANY HOLDINGS LP",  # a redactor's guess: nothing derived from it
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


def test_a_records_date_is_found_by_its_month_and_day_alone() -> None:
    """HIPAA removes every date element but the year: "2/10" of a visit on 02/10/2024 leaks it;
    a pain score or a blood pressure is no date of the record."""
    checker = LeakChecker([("02/10/2024", "DATE"), ("March 9, 1979", "DATE_OF_BIRTH")])
    assert checker.kinds_in("Seen again 2/10, stable.") == {"DATE"}
    assert checker.kinds_in("Pain 8/10, BP 120/80, on 2/10/2023, born 3/9") == set()


def test_a_surname_inside_a_firms_name_is_no_leak_of_the_person() -> None:
    checker = LeakChecker([("Steve Wolosky", "PERSON")], english_dictionary(DEFAULT_MODEL))
    assert checker.kinds_in("With copies to Olshan Frome Wolosky LLP, New York") == set()
    assert checker.kinds_in("Notices to Mr. Wolosky at the firm") == {"PERSON"}
    assert checker.kinds_in("Wolosky signed for the firm") == {"PERSON"}
