"""The privilege screen on redacted text, and the counsel recognizer that feeds it."""

from __future__ import annotations

import pytest

from lpo_review.privilege.screen import ATTORNEY_CLIENT, WORK_PRODUCT, screen
from lpo_review.redact.recognizers.counsel import CounselRecognizer


def _found(recognizer: CounselRecognizer, text: str) -> list[str]:
    return [text[a:b] for a, b in recognizer.spans(text)]


def test_counsel_recognizer_finds_the_spellings_of_listed_counsel_only():
    r = CounselRecognizer(["Priya Raman-Castell", "Oren Feld"], ["whitfieldgreene.com"])
    text = ("Oren: keep the RCA out of it. [PRC: delete 'defective'.] Ms. Raman-Castell and "
            "O. Feld wrote to pat.lee@whitfieldgreene.com and to Oren Walsh; Feld, Oren agreed.")
    assert _found(r, text) == ["Oren", "PRC", "Raman-Castell", "O. Feld",
                               "pat.lee@whitfieldgreene.com", "Feld, Oren"]


def test_listed_counsel_are_redacted_as_counsel_not_person():
    from lpo_review.config import Config
    from lpo_review.engine import Engine

    config = Config.from_dict({"privilege": {"counsel_names": ["Dana Whitfield"],
                                             "counsel_domains": ["whitfieldgreene.com"]}})
    review = Engine(config).review_text(
        "From: Dana Whitfield <dwhitfield@whitfieldgreene.com>\nTo: John Carter "
        "<jcarter@acme.com>\nSubject: Termination\n\nJohn, our advice is not to terminate "
        "Peter Lowe before we review the file.\n", name="m.eml")
    text = review.packet.redacted_text
    assert text.startswith("From: <COUNSEL_1> <<COUNSEL_2>>")
    assert "Whitfield" not in text and "Lowe" not in text and "<PERSON_" in text
    assert any(f.label == "possible_privilege" for f in review.packet.findings)


@pytest.mark.parametrize("text, types", [
    ("PRIVILEGED & CONFIDENTIAL\nATTORNEY-CLIENT COMMUNICATION\n\nSee my notes below.",
     (ATTORNEY_CLIENT,)),
    ("Prepared at the direction of counsel in anticipation of litigation.\n\nTimeline of the "
     "shipments.", (WORK_PRODUCT,)),
    ("From: <PERSON_1>\nTo: <COUNSEL_1>\nSubject: Lot 44\n\nCan we stop shipping to them\nwithout "
     "breaching the supply contract? I need to know by Friday.", (ATTORNEY_CLIENT,)),
    ("From: <PERSON_2>\nTo: <PERSON_3>\nSubject: fwd\n\nPer <COUNSEL_2>'s advice we will not sign "
     "the release.", (ATTORNEY_CLIENT,)),
    ("Notes of call, 3 May\n- <COUNSEL_1>: do not admit fault in the notice; liability is "
     "disputed.", (ATTORNEY_CLIENT,)),
])
def test_flags_privileged_documents(text, types):
    found = screen(text)
    assert found.flagged and found.types == types and found.evidence


@pytest.mark.parametrize("text", [
    # a disclaimer footer on a sales e-mail
    "From: <PERSON_1>\nTo: <PERSON_2>\n\nAttached is the price list.\n\nThis e-mail may contain "
    "privileged and confidential information. If you are not the intended recipient...",
    # counsel on lunch plans
    "From: <COUNSEL_1>\nTo: <PERSON_1>\nSubject: Thursday\n\nLunch at noon still works? I booked "
    "the conference room for after.",
    # the other side's lawyer, even with a privilege legend
    "PRIVILEGED & CONFIDENTIAL - FOR SETTLEMENT PURPOSES ONLY\n\nDear Ms. <COUNSEL_1>:\nOur "
    "client is prepared to resolve all claims against your client for $40,000.",
    # our counsel writing to opposing counsel
    "From: <COUNSEL_1>\nTo: <PERSON_4>\n\nI write to meet and confer about plaintiffs' responses "
    "before we move to compel. We may subpoena the records.",
    # a law firm's client alert to a mailing list
    "From: <COUNSEL_3>\nTo: undisclosed-recipients:;\n\nCLIENT ALERT\nThe court held the product "
    "liability claim failed. This alert is not legal advice. Unsubscribe.",
    # a business e-mail about a lawsuit in the news, no lawyer
    "From: <PERSON_1>\nTo: <PERSON_2>\n\nSaw this article about the lawsuit against our "
    "competitor. Interesting read.",
])
def test_leaves_ordinary_documents_alone(text):
    assert not screen(text).flagged
