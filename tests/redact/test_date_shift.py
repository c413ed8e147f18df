"""Date shifting: one secret offset a document, every readable date moved by it, none onto a
real date of the document."""

from __future__ import annotations

from datetime import date, timedelta

from lpo_review.redact.date_shift import OFFSET_RANGE, shift_dates


def test_every_readable_date_moves_by_one_offset_and_none_lands_on_a_real_date():
    originals = {"<DATE_1>": ["03/14/2024"], "<DATE_2>": ["14-Mar-2025"],
                 "<DATE_3>": ["June 2023"], "<DATE_OF_BIRTH_1>": ["1977-11-02"],
                 "<PERSON_1>": ["Ann Lee"]}
    types = {ph: ph.strip("<>").rsplit("_", 1)[0] for ph in originals}
    real = {date(2024, 3, 14), date(2025, 3, 14), date(1977, 11, 2)}
    offsets = set()
    for _ in range(20):
        shift = shift_dates(originals, types, "MDY")
        assert OFFSET_RANGE[0] <= shift.days < OFFSET_RANGE[1]
        assert set(shift.dates) == {"<DATE_1>", "<DATE_2>", "<DATE_OF_BIRTH_1>"}  # no day in June 2023
        assert shift.dates["<DATE_2>"] - shift.dates["<DATE_1>"] == timedelta(days=365)
        assert not real & set(shift.dates.values())
        offsets.add(shift.days)
    assert len(offsets) > 1  # fresh and secret, not derived from the dates


def test_a_numeric_date_is_read_in_the_records_own_order_or_not_at_all():
    originals = {"<DATE_1>": ["03/04/22"]}
    types = {"<DATE_1>": "DATE"}
    assert shift_dates(originals, types, None).dates == {}
    day_first = shift_dates(originals, types, "DMY")
    assert day_first.dates["<DATE_1>"] - timedelta(days=day_first.days) == date(2022, 4, 3)


def test_two_dates_in_two_columns_or_a_range_are_two_masks_each_shifted(lpo_engine):
    text = ("Provider                          Dates of service       Received\n"
            "Millbrook Imaging Associates      01-MAR-2025            06/02/2025\n"
            "Admitted 03/11/2025 - 03/14/2025.\n")
    review = lpo_engine(profile="date-shifted").review_text(text, name="r.txt", kind="medical")
    dates = [e for e in review.packet.redactions if e.entity_type == "DATE"]
    assert [text[e.start:e.end] for e in dates] == ["01-MAR-2025", "06/02/2025", "03/11/2025",
                                                   "03/14/2025"]
