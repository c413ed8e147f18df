"""Sample e-mails with attachments.

- A store manager's reply to a claims adjuster about a fall, quoting the adjuster's message, with
  an incident report (.txt) and a witness statement (.docx) attached: RFC 5322 bytes (.eml).
- A hospital records custodian's reply to a defence paralegal in the collision case, quoting the
  paralegal's records request, with a release-of-information letter (.docx) attached: an Outlook
  message (.msg, written with msgforge).

Every personal value goes through a PII log: the message's own (header and body) in ``pii``,
the attachment's in ``gold["attachment_pii"]``."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from docx import Document as DocxDocument

from lpo_review.packets.docx_render import fixed_zip_times

from .depositions import Case
from .doc import PiiLog, ProseDoc
from .people import Faker
from .text import long_date, us_date


@dataclass
class EmailDoc:
    """A generated message: its bytes and the personal data in its header and body."""

    kind: str
    title: str
    message: EmailMessage
    pii: PiiLog = field(default_factory=PiiLog)
    gold: dict[str, Any] = field(default_factory=dict)

    def eml(self) -> bytes:
        """The message's bytes; multipart boundaries are fixed (the library draws random ones),
        so the sample is the same file on every run."""
        for n, part in enumerate(p for p in self.message.walk() if p.is_multipart()):
            part.set_boundary(f"lpo-review-sample-{n}")
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


#: An e-mail recipient as msgforge takes it: (address, display name).
Mailbox = tuple[str, str]


@dataclass
class MsgDoc:
    """A generated Outlook message: its fields, its attachments (file name, bytes) and the
    personal data in its header and body."""

    kind: str
    title: str
    sender: Mailbox
    to: list[Mailbox]
    cc: list[Mailbox]
    sent: dt.datetime
    body: str
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    pii: PiiLog = field(default_factory=PiiLog)
    gold: dict[str, Any] = field(default_factory=dict)

    def msg(self) -> bytes:
        """The .msg bytes (msgforge writes the same bytes for the same message)."""
        from msgforge import Message  # a test extra: only the generator needs it

        message = Message(subject=self.title, text_body=self.body, to=self.to, cc=self.cc,
                          sender=self.sender, sent=self.sent)
        for name, data in self.attachments:
            message.attach_bytes(name, data)
        return message.as_bytes()

    def text(self) -> str:
        """The header block and body as a reader shows them."""
        def who(boxes: list[Mailbox]) -> str:
            return "; ".join(f"{name} <{addr}>" for addr, name in boxes)

        head = [f"From: {who([self.sender])}", f"To: {who(self.to)}", f"Cc: {who(self.cc)}",
                f"Subject: {self.title}",
                "Attachments: " + "; ".join(name for name, _ in self.attachments)]
        return "\n".join(head) + "\n\n" + self.body


def _weekday(d: dt.date) -> dt.date:
    """``d``, or the Monday after it if it falls on a weekend."""
    return d + dt.timedelta(days=(7 - d.weekday()) % 7 if d.weekday() >= 5 else 0)


def records_reply_msg(fk: Faker, case: Case, records: ProseDoc) -> MsgDoc:
    """The custodian of the collision plaintiff's chart answers the defence firm's records
    request: the authorization is undated, so nothing is released yet.  Patient, MRN, hospital
    and visits are those of ``records`` (the plaintiff's chart); the firm and attorney are the
    defence counsel of ``case``."""
    chart = {i["type"]: i["value"] for i in reversed(records.pii.items())}  # first of each type
    system = chart["ORGANIZATION"].title()  # "WESTMARK HEALTH SYSTEM" as the banner prints it
    his_address, mrn = chart["ADDRESS"], chart["MEDICAL_RECORD_NUMBER"]
    visits = records.gold["encounters"]
    patient, counsel = case.plaintiff, case.def_counsel
    home = fk.profile(patient)  # drawn with the chart: the same address and date of birth
    custodian, paralegal = fk.later_person(), fk.later_person()  # NAMES is used up
    hospital_domain = system.split()[0].lower() + "health.example"
    firm_domain = counsel.email.split("@")[1]
    c_mail = fk.email(custodian, hospital_domain)
    p_mail = fk.email(paralegal, firm_domain)
    phone, fax = fk.phone(home.address, 1), fk.phone(home.address, 1)
    claim = f"PL-{case.incident.year % 100}-{fk.digits(7)}"
    last_visit = dt.date.fromisoformat(visits[-1]["date"])
    sent_on = _weekday(last_visit + dt.timedelta(days=120))
    asked_on = _weekday(sent_on - dt.timedelta(days=6))
    first_visit = dt.date.fromisoformat(visits[0]["date"])

    log = PiiLog()
    sender = (log.add(c_mail, "EMAIL_ADDRESS"),
              log.add(f"{custodian.last}, {custodian.first}", "PERSON"))  # as the GAL lists it
    to = [(log.add(p_mail, "EMAIL_ADDRESS"), log.add(paralegal.plain, "PERSON"))]
    cc = [(log.add(counsel.email, "EMAIL_ADDRESS"), log.add(counsel.person.plain, "PERSON"))]
    name = log.add(patient.plain, "PERSON")
    title = f"RE: Records request - {name}"
    dob = log.add(us_date(home.dob), "DATE_OF_BIRTH")
    hospital = log.add(system, "ORGANIZATION")
    firm = log.add(counsel.firm, "ORGANIZATION")
    body = (
        f"{paralegal.honorific} {log.add(paralegal.last, 'PERSON')},\n\n"
        f"Thank you for your request of {long_date(asked_on)} for the records of {name} (DOB "
        f"{dob}, MRN {log.add(mrn, 'MEDICAL_RECORD_NUMBER')}). We have located "
        f"{patient.possessive} emergency department visit of "
        f"{log.add(long_date(first_visit), 'DATE')}, the orthopedic and physical therapy "
        f"notes, and the imaging report of {log.add(long_date(last_visit), 'DATE')}.\n\n"
        "We cannot release them yet. The authorization enclosed with your request is signed by "
        f"{patient.honorific} {log.add(patient.last, 'PERSON')} but not dated, and we cannot "
        f"accept an undated HIPAA authorization. Please send one that {patient.pronoun} has "
        "signed and dated, or a subpoena with proof of notice to the patient. Our letter "
        "listing the records and the copy fees is attached.\n\n"
        f"You can reach me at {log.add(phone, 'PHONE_NUMBER')}, ext. 4417, Monday to "
        "Friday.\n\n"
        f"{log.add(custodian.plain, 'PERSON')}\n"
        "Release of Information Specialist\n"
        f"Health Information Management, {hospital}\n\n"
        "-----Original Message-----\n"
        f"From: {paralegal.plain} <{p_mail}>\n"
        f"Sent: {asked_on:%A}, {long_date(asked_on)} 10:02 AM\n"
        f"To: Release of Information <roi@{hospital_domain}>\n"
        f"Cc: {counsel.person.plain} <{counsel.email}>\n"
        f"Subject: Records request - {name}\n\n"
        "Good morning,\n\n"
        f"Our firm represents {log.add(case.defendant, 'ORGANIZATION')} in {name} v. "
        f"{log.add(case.defendant_short, 'ORGANIZATION')}, Case No. "
        f"{log.add(case.case_no, 'CASE_NUMBER')}. Please send a certified copy of all records "
        f"of {name} (DOB {dob}) from {log.add(long_date(case.incident), 'DATE')} to date, "
        "including imaging, to my attention. The signed authorization is attached. Our "
        f"carrier's reference is Claim No. {log.add(claim, 'CASE_NUMBER')}.\n\n"
        "Thank you,\n"
        f"{paralegal.plain}\n"
        f"Paralegal to {log.add(counsel.person.full, 'PERSON')}\n"
        f"{firm}\n"
        f"{log.add(counsel.phone, 'PHONE_NUMBER')}\n")

    att = PiiLog()  # the letter's own personal data
    a = att.add
    by_facility: dict[str, list[str]] = {}
    for visit in visits:
        when = long_date(dt.date.fromisoformat(visit["date"]))
        by_facility.setdefault(visit["facility"], []).append(a(when, "DATE"))
    listed = "\n\n".join(f"{a(facility, 'ORGANIZATION')}: {', '.join(dates)}"
                          for facility, dates in by_facility.items())
    letter = (
        f"{a(system.upper(), 'ORGANIZATION')}\n"
        f"Health Information Management - Release of Information\n"
        f"{a(his_address, 'ADDRESS', 'quasi')}\n\n"
        f"{long_date(sent_on)}\n\n"
        f"{a(paralegal.plain, 'PERSON')}\n{a(counsel.firm, 'ORGANIZATION')}\n"
        f"{a(counsel.address.line(), 'ADDRESS', 'quasi')}\n\n"
        f"Re: Records of {a(patient.full, 'PERSON')}, DOB {a(long_date(home.dob), 'DATE_OF_BIRTH')}"
        f", MRN {a(mrn, 'MEDICAL_RECORD_NUMBER')}; your Claim No. {a(claim, 'CASE_NUMBER')}\n\n"
        f"Dear {paralegal.honorific} {a(paralegal.last, 'PERSON')}:\n\n"
        f"We received your request of {long_date(asked_on)}. The authorization signed by "
        f"{a(patient.plain, 'PERSON')} is not dated, so we cannot release the records until we "
        "receive a dated authorization or a subpoena with proof of notice to the patient. We "
        "located the following records for this patient:\n\n"
        f"{listed}\n\n"
        f"As the authorization requires, a copy of this letter goes to the patient at "
        f"{a(home.address.line(), 'ADDRESS', 'direct')}.\n\n"
        "Copy fees: 86 pages at $0.25 a page ($21.50) and a certification fee of $15.00, "
        "payable before release.\n\n"
        "Sincerely,\n\n"
        f"{a(custodian.plain, 'PERSON')}\nRelease of Information Specialist\n"
        f"Telephone {a(phone, 'PHONE_NUMBER')}, ext. 4417; fax {a(fax, 'PHONE_NUMBER')}")
    missing = [i["value"] for i in att.items() if i["value"] not in letter]
    assert not missing, f"attachment values not in its text: {missing}"
    attachment = "release_of_information_letter.docx"
    doc = MsgDoc("email", title, sender, to, cc,
                 dt.datetime.combine(sent_on, dt.time(14, 26),
                                     tzinfo=dt.timezone(dt.timedelta(hours=-5))),
                 body, [(attachment, _statement_docx(letter))], log)
    doc.gold = {"attachments": [attachment], "date": sent_on.isoformat(),
                "attachment_pii": [{"file": attachment, "pii": att.items()}]}
    return doc
