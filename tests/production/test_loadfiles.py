"""Load-file writers against the format rules, with the matter's field mapping."""

from __future__ import annotations

import pytest

from lpo_review.production.bates import BatesCounter
from lpo_review.production.loadfiles import ImagePage, dat_file, mapped_fields, opt_file


def test_field_mapping_renames_and_drops_and_refuses_unknown_fields():
    fields = mapped_fields({"BEGBATES": "BegDoc", "DOCID": "", "MD5HASH": "MD5"})
    names = [name for _, name in fields]
    assert names[0] == "BegDoc" and "MD5" in names and "DOCID" not in names
    with pytest.raises(ValueError, match="BEGDOC"):
        mapped_fields({"BEGDOC": "x"})


def test_dat_values_keep_their_line_breaks_as_the_concordance_newline():
    fields = mapped_fields({})
    data = dat_file([{"BEGBATES": "ABC000001", "FILENAME": "a\r\nb\nc þ\x14d"}], fields)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == "" and len(lines) == 3  # header, one row, final CRLF
    row = [f.strip("þ") for f in lines[1].split("\x14")]
    assert row[[n for _, n in fields].index("FILENAME")] == "a®b®c  d"


def test_opt_lines_and_bates_numbers():
    counter = BatesCounter("ABC", 98, 6)
    numbers = counter.take(3)
    assert numbers == ["ABC000098", "ABC000099", "ABC000100"] and counter.next_number == 101
    pages = [ImagePage(n, f"IMAGES\\001\\{n}.tif", i == 0, 3) for i, n in enumerate(numbers)]
    assert opt_file(pages, "VOL001").decode("cp1252").split("\r\n")[:2] == [
        "ABC000098,VOL001,IMAGES\\001\\ABC000098.tif,Y,,,3",
        "ABC000099,VOL001,IMAGES\\001\\ABC000099.tif,,,,"]
    with pytest.raises(ValueError, match="does not fit"):
        BatesCounter("ABC", 999, 3).take(2)
