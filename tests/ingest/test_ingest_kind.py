"""Kind detection from textual cues."""

from __future__ import annotations

from make_inputs import transcript_text

from lpo_review.ingest.kind import PREFIX_CHARS, detect_kind, sample

CONTRACT = """MASTER SERVICES AGREEMENT
This Agreement is made by and between Acme Corp. and Beta LLC (the "Parties").
WHEREAS, Acme wishes to engage Beta; NOW, THEREFORE, the parties agree:
1.1 Services. Beta shall perform the Services.
1.2 Fees. Acme shall pay the fees within 30 days.
9.1 Governing Law. This Agreement shall be governed by the laws of New York.
IN WITNESS WHEREOF, the parties hereto have executed this Agreement.
"""

MEDICAL = """DISCHARGE SUMMARY   MRN: 00123456
Chief Complaint: chest pain.
History of Present Illness: 54-year-old patient with two days of chest pain.
Medications: aspirin 81 mg daily; atorvastatin 40 mg nightly.
Diagnosis: unstable angina.
Assessment and Plan: admit, serial troponins, cardiology consult.
"""

DEPOSITION = """DEPOSITION OF JOHN SMITH
The witness, having been duly sworn, testified as follows:
EXAMINATION
BY MR. JONES:
Q. Please state your name.
A. John Smith.
Q. Where do you work?
A. At the plant.
THE WITNESS: May I take a break?
"""


def test_short_documents_of_each_kind():
    assert detect_kind(CONTRACT) == "contract"
    assert detect_kind(MEDICAL) == "medical"
    assert detect_kind(DEPOSITION) == "deposition"
    assert detect_kind(transcript_text(1, 2)) == "deposition"


def test_text_without_cues_is_other():
    assert (
        detect_kind("Grocery list: apples, bread, milk.\nCall mum on Sunday.\n")
        == "other"
    )


def test_long_texts_are_judged_on_a_bounded_sample():
    long_text = CONTRACT + "filler text without cues\n" * 200_000
    assert len(sample(long_text)) < PREFIX_CHARS * 2
    assert detect_kind(long_text) == "contract"
