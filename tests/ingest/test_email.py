"""E-mail: messages, mailboxes and their attachments reviewed as families, and bad input."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from lpo_review.engine import Engine
from lpo_review.ingest.email import email_document, html_to_text
from lpo_review.run import review_dir

MEMO = b"Memo: the dock 4 mat was torn on March 3 and replaced on March 9.\n"


def message(subject: str, *, msg_id: str, replies_to: str = "", body: str = "",
            attachments: list[tuple[str, bytes]] = ()) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "Harriet Quenneville <hquenneville@example.com>"
    m["To"] = "Desmond Okonkwo-Hart <dokonkwo@example.org>"
    m["Date"] = "Tue, 05 Mar 2024 10:14:00 -0500"
    m["Subject"] = subject
    m["Message-ID"] = msg_id
    if replies_to:
        m["In-Reply-To"] = replies_to
    m.set_content(body or "Desmond,\n\nPlease see the memo about dock 4.\n\nHarriet\n")
    for name, data in attachments:
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return m


def zipped(files: dict[str, bytes], encrypted: bool = False) -> bytes:
    """A ZIP of ``files``; ``encrypted`` sets the encryption flag of every entry (its local and
    central headers), as a password-protected archive has it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    data = bytearray(out.getvalue())
    if encrypted:
        for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(signature)
            while at >= 0:
                data[at + flag_at] |= 0x1
                at = data.find(signature, at + 4)
    return bytes(data)


@pytest.fixture(scope="module")
def mail_run(tmp_path_factory):
    src = tmp_path_factory.mktemp("mail")
    first = message("Dock 4 mat", msg_id="<1@mail.example.com>", attachments=[("memo.txt", MEMO)])
    reply = message("Re: Dock 4 mat", msg_id="<2@mail.example.com>",
                    replies_to="<1@mail.example.com>",
                    attachments=[("memo.txt", MEMO)])  # the same file again: a duplicate
    (src / "box.mbox").write_bytes(b"From MAILER-DAEMON Tue Mar  5 10:14:00 2024\n" +
                                   first.as_bytes() + b"\n" +
                                   b"From MAILER-DAEMON Tue Mar  5 11:00:00 2024\n" +
                                   reply.as_bytes() + b"\n")
    (src / "zipped.eml").write_bytes(message(
        "Logs", msg_id="<3@mail.example.com>",
        attachments=[("logs.zip", zipped({"log.txt": b"Sweep log: aisle 4 mopped at 11:15.\n"}))]
    ).as_bytes())
    (src / "bomb.eml").write_bytes(message(
        "Big", msg_id="<4@mail.example.com>",
        attachments=[("bomb.zip", zipped({"zeros.txt": b"0" * 5_000_000}))]).as_bytes())
    (src / "locked.eml").write_bytes(message(
        "Locked", msg_id="<5@mail.example.com>",
        attachments=[("locked.zip", zipped({"a.txt": b"secret"}, encrypted=True))]).as_bytes())
    whole = message("Cut", msg_id="<6@mail.example.com>",
                    attachments=[("memo.txt", MEMO * 50)]).as_bytes()
    (src / "truncated.eml").write_bytes(whole[: len(whole) - 400])
    (src / "broken.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    out = tmp_path_factory.mktemp("out")
    report = review_dir(Engine(), src, out)
    return report, out


def _outcome(report, source: str):
    return next(d for d in report.documents if d.source == source)


def test_each_message_and_attachment_is_its_own_document_with_family_links(mail_run):
    report, out = mail_run
    first, memo = _outcome(report, "box.mbox#1"), _outcome(report, "box.mbox#1/1-memo.txt")
    assert first.status == "ok" and first.kind == "email" and memo.status == "ok"
    assert memo.family["parent"] == first.doc_id == memo.family["family_id"]
    assert memo.family["attachment"] == 1 and memo.family["depth"] == 1
    packet = json.loads((out / "packets" / f"{memo.doc_id}.json").read_text(encoding="utf-8"))
    assert packet["meta"]["family"]["parent"] == first.doc_id
    again = _outcome(report, "box.mbox#2/1-memo.txt")
    assert again.status == "skipped" and again.reason == "duplicate"
    log = _outcome(report, "zipped.eml/1-logs.zip/log.txt")
    assert log.status == "ok" and log.family["parent"] == _outcome(report, "zipped.eml").doc_id


def test_a_reply_is_threaded_with_the_message_it_answers(mail_run):
    report, out = mail_run
    first, reply = _outcome(report, "box.mbox#1").doc_id, _outcome(report, "box.mbox#2").doc_id
    assert [first, reply] in report.threads
    [conversation] = json.loads((out / "conversations.json").read_text(encoding="utf-8"))
    assert [m["doc_id"] for m in conversation["messages"]] == [first, reply]
    assert [m["subject"] for m in conversation["messages"]] == ["Dock 4 mat", "Re: Dock 4 mat"]
    assert all(m["from"].startswith("<PERSON_") for m in conversation["messages"])


def test_header_fields_are_cited_and_redacted_like_the_body(mail_run):
    report, out = mail_run
    packet = json.loads((out / "packets" / f"{_outcome(report, 'box.mbox#1').doc_id}.json")
                        .read_text(encoding="utf-8"))
    assert "Quenneville" not in packet["redacted_text"]
    assert "hquenneville" not in packet["redacted_text"]
    cites = {r["cite"] for r in packet["redactions"]}
    assert {"hdr:from", "hdr:to"} <= cites
    [summary] = [d for d in packet["drafts"] if d["kind"] == "email_summary"]
    assert summary["rows"][0]["subject"] == "Dock 4 mat"
    assert summary["rows"][0]["from"].startswith("<PERSON_")


@pytest.mark.parametrize("source, reason", [
    ("bomb.eml/1-bomb.zip", "zip_bomb"),
    ("locked.eml/1-locked.zip", "encrypted"),
    ("broken.msg", "corrupt_msg"),
])
def test_bad_attachments_and_files_are_refused_with_a_reason(mail_run, source, reason):
    outcome = _outcome(mail_run[0], source)
    assert outcome.status == "failed" and outcome.reason == reason and outcome.message


def test_a_truncated_message_is_reviewed_with_a_warning(mail_run):
    report, out = mail_run
    cut = _outcome(report, "truncated.eml")
    assert cut.status == "ok"
    packet = json.loads((out / "packets" / f"{cut.doc_id}.json").read_text(encoding="utf-8"))
    assert "cut off" in " ".join(packet["meta"]["warnings"])


def test_html_bodies_are_read_by_a_parser_and_quotes_are_marked():
    html = ("<html><head><style>p{color:red}</style></head><body><p>See you <b>Monday</b>."
            "</p><blockquote><p>Can we meet?</p></blockquote><script>alert(1)</script></body>")
    assert html_to_text(html).splitlines() == ["See you Monday.", "", "> Can we meet?"]


def test_a_file_that_is_no_message_is_refused():
    from lpo_review.errors import IngestError

    with pytest.raises(IngestError, match="no e-mail header block"):
        email_document(b"just some words\n", "note.eml")


def test_a_single_message_reviews_alone_too(tmp_path: Path):
    path = tmp_path / "one.eml"
    path.write_bytes(message("Dock 4 mat", msg_id="<9@x.example>").as_bytes())
    review = Engine().review_file(path)
    assert review.packet.kind == "email" and "<PERSON_" in review.packet.redacted_text


def test_a_printed_message_is_an_email_with_its_sent_date():
    text = ("From: Dana Whitlock <dwhitlock@harrowgate-law.example>\n"
            "Sent: Tuesday, March 5, 2024 4:12 PM\nTo: Mark Baker <mbaker@example.com>\n"
            "Subject: Deposition schedule\n\nMark,\n\nThe deposition is set for April 2.\n")
    packet = Engine().review_text(text, "printed.txt").packet
    [summary] = packet.drafts
    assert packet.kind == "email" and summary.rows[0]["date"].startswith("Tuesday, March 5")
    assert "Whitlock" not in packet.redacted_text and "mbaker" not in packet.redacted_text
