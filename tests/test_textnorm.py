"""Reading a scanned page's words in capitals back from what the OCR made of them."""

from __future__ import annotations

import pytest

from lpo_review.textnorm import read_ocr_capitals


@pytest.mark.parametrize(("scanned", "read"), [
    ("TRI-C0UNTY 0RTH0PAEDIC & SP0RTS MEDlClNE", "TRI-COUNTY ORTHOPAEDIC & SPORTS MEDICINE"),
    ("Pt: ACHES0N, R0SALIND M", "Pt: ACHESON, ROSALIND M"),
    ("H0SPITAL REC0RD CEDR0", "HOSPITAL RECORD CEDRO"),
])
def test_a_misread_word_in_capitals_is_read_as_its_letters(scanned, read):
    assert read_ocr_capitals(scanned) == read
    assert len(read_ocr_capitals(scanned)) == len(scanned)  # every offset holds


@pytest.mark.parametrize("kept", [
    "A1C 9.2% on T1DM", "BRCA1 and ICD10 codes", "COVID19 at 10:41AM, P. 1/5",
    "L5-S1 at 0800", "Oct 15 2024", "ll/l2/2O24", "Williams",
])
def test_codes_times_dates_and_ordinary_words_are_left_alone(kept):
    assert read_ocr_capitals(kept) == kept
