"""A phone's and its SIM card's own numbers, as a forensic extraction report lists them
("IMEI: 35 391811 447210 9", "ICCID: 8901 2604 1187 4429 6613", "IMSI: 310260418827713").
Each leads to one subscriber as surely as the phone number does, so they are direct
identifiers, not only the device identifiers of HIPAA's list."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, OPT_NUMBER_WORD, LabelledValueRecognizer


class PhoneIdentifierRecognizer(LabelledValueRecognizer):
    ENTITY = "ID_NUMBER"
    SCORE = 0.86
    PATTERNS = (
        r"\b(?:IMEI|ICCID|IMSI|MEID|ESN)\b" + OPT_NUMBER_WORD
        + r"(?P<value>\d{2,8}(?:[ ]\d{1,8}){1,5}(?!\d)|" + ID_VALUE + r")",
    )
    LINES = r"imei|iccid|imsi|meid|esn"
