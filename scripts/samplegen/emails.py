"""A sample e-mail with attachments: a store manager's reply to a claims adjuster about a fall,
quoting the adjuster's message, with an incident report (.txt) and a witness statement (.docx)
attached.  Written as RFC 5322 bytes; every personal value goes through the PII log."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from docx import Document as DocxDocument

from lpo_review.packets.docx_render import fixed_zip_times

from .doc import PiiLog
from .people import Faker


@dataclass
class EmailDoc:
    """A generated message: its bytes and the personal data in its header and body."""

    kind: str
    title: str
    message: EmailMessage
    pii: PiiLog = field(default_factory=PiiLog)
    gold: dict[str, Any] = field(default_factory=dict)

    def eml(self) -> bytes:
        return self.message.as_bytes()

    def text(self) -> str:
        return self.eml().decode("utf-8")


def _statement_docx(text: str) -> bytes:
    d = DocxDocument()
    props = d.core_properties
    props.author, props.last_modified_by, props.comments = "", "", ""
    props.created = props.modified = dt.datetime(2025, 1, 2, 9, 0, 0)
    for para in text.split("\n\n"):
        d.add_paragraph(para)
    out = io.BytesIO()
    d.save(out)
    return fixed_zip_times(out.getvalue())


def incident_email(fk: Faker) -> EmailDoc:
    doc = EmailDoc("email", "Re: Fall at the Riverside store", EmailMessage())
    log = doc.pii
    manager, adjuster, hr, customer = fk.people(4)
    store, _short = fk.organisation("Markets")
    m_mail, a_mail, h_mail = (fk.email(p, "example.com") for p in (manager, adjuster, hr))
    phone = fk.phone()
    when = dt.datetime(2024, 3, 5, 16, 42, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    msg = doc.message
    msg["From"] = f"{log.add(manager.plain, 'PERSON')} <{log.add(m_mail, 'EMAIL_ADDRESS')}>"
    msg["To"] = f"{log.add(adjuster.plain, 'PERSON')} <{log.add(a_mail, 'EMAIL_ADDRESS')}>"
    msg["Cc"] = f"{log.add(hr.plain, 'PERSON')} <{log.add(h_mail, 'EMAIL_ADDRESS')}>"
    msg["Date"] = format_datetime(when)
    msg["Subject"] = doc.title
    msg["Message-ID"] = "<20240305164200.4411@mail.example.com>"
    msg["In-Reply-To"] = "<20240305091500.1187@claims.example.com>"
    msg["References"] = "<20240305091500.1187@claims.example.com>"
    name = log.add(customer.plain, "PERSON")
    body = (
        f"{adjuster.first},\n\n"
        f"The customer who fell on March 2 was {name}. She slipped near the produce misters "
        "in aisle 4 at about 11:40 a.m. The floor had been mopped at 11:15 and the wet-floor "
        "sign was in the back room, not in the aisle.\n\n"
        f"She can be reached at {log.add(phone, 'PHONE_NUMBER')}. Our incident report and the "
        "cashier's statement are attached. The camera over aisle 4 was not recording that "
        "morning; we have asked the vendor why.\n\n"
        f"{manager.first}\n\n"
        f"On Tue, Mar 5, 2024 at 9:15 AM {adjuster.plain} wrote:\n"
        "> Please send the incident report, any photographs and the names of the\n"
        "> employees on shift. Was the area marked?\n")
    log.add(adjuster.first, "PERSON")
    log.add(manager.first, "PERSON")
    msg.set_content(body, cte="8bit")
    report = (f"INCIDENT REPORT - {store}\nDate of incident: 03/02/2024  Time: 11:40 a.m.\n"
              f"Injured person: {customer.plain}\nLocation: aisle 4, produce\n"
              "Description: customer slipped on a wet floor after mopping; no sign posted.\n"
              f"Reported by: {manager.plain}, store manager\n")
    msg.add_attachment(report.encode("utf-8"), maintype="text", subtype="plain",
                       filename="incident_report.txt")
    statement = (f"Statement of {fk.person().plain}, cashier\n\nOn March 2, 2024 I was at "
                 "register 3. I heard a fall in aisle 4 and saw a customer on the floor near "
                 "the misters. The floor was wet. I did not see a wet-floor sign.")
    msg.add_attachment(_statement_docx(statement), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="cashier_statement.docx")
    doc.gold = {"attachments": ["incident_report.txt", "cashier_statement.docx"],
                "date": "2024-03-05"}
    return doc
