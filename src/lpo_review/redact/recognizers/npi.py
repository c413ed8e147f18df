"""US National Provider Identifiers: 10 digits whose Luhn check (with the 80840 prefix) holds."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer


def npi_checksum_ok(digits: str) -> bool:
    """Luhn check of ``80840`` + the 10-digit NPI, as CMS defines it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed("80840" + digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class NpiRecognizer(LabelledValueRecognizer):
    """A 10-digit number starting 1 or 2 with a valid NPI check digit (label optional)."""

    ENTITY = "NPI"
    SCORE = 0.6
    PATTERNS = (r"(?<![\d\-/.])(?P<value>[12]\d{9})(?![\d\-/])",)

    def validate(self, value: str) -> bool:
        return npi_checksum_ok(value)
