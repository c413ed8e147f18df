"""Generators of deposition transcripts and medical records for the drafting-stage tests.

Transcripts are laid out like certified transcripts: a page number at the top of each page and
25 numbered lines, with caption, appearances and an exhibit index in front and a reporter's
certificate at the back.  The line map returned with each transcript uses the transcript's own
page:line numbering, as the ingest layer provides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lpo_review.model import LineMap
from lpo_review.stages.base import StageInput

LINES_PER_PAGE = 25

#: Topics of the generated testimony: (thing, place, time, condition, person).
TOPICS = [
    ("forklift", "loading dock", "7:15 in the morning", "parked with the forks raised",
     "<PERSON_3>"),
    ("pallet jack", "north aisle", "9:40", "missing a wheel guard", "<PERSON_4>"),
    ("safety training", "break room", "the first week of March", "a video and a quiz",
     "<PERSON_5>"),
    ("incident report", "shift office", "the end of the shift", "two pages long",
     "<PERSON_6>"),
    ("warehouse lighting", "east wall", "6:30", "half of the fixtures out", "<PERSON_7>"),
    ("ladder", "storage mezzanine", "noon", "leaning against the rack", "<PERSON_8>"),
]


def turn(label: str, text: str, width: int = 56) -> list[str]:
    """A Q./A. turn wrapped onto transcript lines (continuations indented)."""
    words, lines, line = text.split(), [], f"{label}   "
    for word in words:
        if len(line) + len(word) > width and line.strip() != label:
            lines.append(line.rstrip())
            line = "     "
        line += word + " "
    return lines + [line.rstrip()]


def topic_exchange(thing: str, place: str, time: str, condition: str, person: str) -> list[str]:
    """Question-and-answer lines about one topic."""
    pairs = [
        (f"Did you inspect the {thing} on the day of the accident, before the shift started?",
         "Yes."),
        (f"When did you first see the {thing} that morning?",
         f"Around {time}, when I clocked in at the time clock by the main entrance."),
        (f"Where was the {thing} when you first saw it?", f"Near the {place}."),
        (f"Who else was near the {thing} at that time?",
         f"{person} was there with me, and a couple of temporary workers whose names I never"
         " learned."),
        (f"Had you reported any problem with the {thing} to anyone before that day?", "No."),
        (f"Tell me what you noticed about the {thing} when you walked up to it.",
         f"I noticed that the {thing} was {condition}, and I told my supervisor about it right"
         " away because that is what we were trained to do in that situation."),
        (f"Did you write anything down about the {thing} that day, in a log or a note?",
         "I don't recall."),
    ]
    return [line for q, a in pairs for line in turn("Q.", q) + turn("A.", a)]


@dataclass
class Transcript:
    """A generated transcript and the facts tests check against."""

    text: str
    lines: LineMap
    pages: dict[tuple[int, int], str]
    """(page, line) -> content of that numbered line."""

    def stage_input(self, kind: str = "deposition") -> StageInput:
        return StageInput(doc_id="DOC-1", kind=kind, text=self.text, is_original=True,
                          lines=self.lines, redactions=[])

    def cited_text(self, cite: str) -> str:
        """Content of the numbered lines a ``page:line[-page:line]`` citation covers."""
        first, _, last = cite.partition("-")
        p1, l1 = (int(x) for x in first.split(":"))
        p2, l2 = (int(x) for x in (last or first).split(":"))
        return " ".join(v for (p, n), v in sorted(self.pages.items())
                        if (p1, l1) <= (p, n) <= (p2, l2))


def paginate(content: list[str], first_page: int = 1) -> Transcript:
    """Lay ``content`` lines out on numbered pages of 25 lines, with page-number headers."""
    out: list[str] = []
    starts: list[int] = []
    pages: list[int] = []
    numbers: list[int] = []
    contents: dict[tuple[int, int], str] = {}
    offset = 0
    for i in range(0, max(len(content), 1), LINES_PER_PAGE):
        page = first_page + i // LINES_PER_PAGE
        chunk = content[i:i + LINES_PER_PAGE]
        rows = [(0, f"{page:>60}")] + [(n, f"{n:>2}   {c}".rstrip())
                                       for n, c in enumerate(chunk, 1)]
        for number, row in rows:
            starts.append(offset)
            pages.append(page)
            numbers.append(number)
            if number:
                contents[(page, number)] = content[i + number - 1]
            out.append(row)
            offset += len(row) + 1
    return Transcript("\n".join(out) + "\n", LineMap(tuple(starts), tuple(pages), tuple(numbers)),
                      contents)


def deposition(topics: int = len(TOPICS), witness_title: str = "MR.") -> Transcript:
    """A deposition: front matter, an examination over ``topics`` topics, a certificate.

    Fixed landmarks (page:line), used by the tests, are on page 4: the greeting at 4:3, an
    objection by ``MR. <PERSON_1>`` at 4:9-4:10, the marking of Exhibit 12 at 4:13 and a recess
    at 4:18.
    """
    front = [
        "UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF ILLINOIS", "",
        "<PERSON_9>, Plaintiff,", "v.                        Case No. <CASE_1>",
        "ACME LOGISTICS, INC., Defendant.", "",
        "DEPOSITION OF <PERSON_2>", "Taken on <DATE_TIME_1>",
    ] + [""] * 16 + [
        "APPEARANCES:", "For the Plaintiff:  MS. <PERSON_10>", "For the Defendant:  MR. <PERSON_1>",
    ] + [""] * 22 + [
        "INDEX", "EXAMINATION BY MS. <PERSON_10>          4", "",
        "EXHIBITS", "12     Photograph of the loading dock     4",
        "13     Shift schedule for March     6",
    ] + [""] * 19
    body = [
        "EXAMINATION", "BY MS. <PERSON_10>:",
        f"Q.   Good morning, {witness_title} <PERSON_2>.  Did you work at the warehouse in",
        "     March?",
        "A.   Yes, I worked there as a shift lead.",
        "Q.   What was your job title?",
        "A.   Shift lead.",
        "Q.   And you were responsible for the dock crew, correct?",
        "     MR. <PERSON_1>:  Objection.  Form.  Foundation.",
        "     Go ahead.",
        "A.   Yes, I supervised the dock crew.",
        "Q.   I'm showing you a photograph.",
        "          (Exhibit 12 was marked for identification.)",
        "Q.   Do you recognize Exhibit 12?",
        "A.   Yes.  It shows the loading dock where the accident happened.",
        "     MS. <PERSON_10>:  Let's take a short break.",
        "     MR. <PERSON_1>:  Sure.",
        "          (Recess taken from 10:15 a.m. to 10:27 a.m.)",
        "BY MS. <PERSON_10>:",
        "Q.   Do you have the shift schedule in front of you?",
        "A.   No.",
    ]
    for spec in TOPICS[:topics]:
        body += topic_exchange(*spec)
    body += [
        "Q.   Were you shown Exhibit 13, the shift schedule?",
        "A.   Yes.",
        "          (Exhibit 13 was marked for identification.)",
        "     MS. <PERSON_10>:  I have nothing further.",
        "          (Whereupon, the deposition concluded at 4:12 p.m.)",
    ]
    body += [""] * (-len(body) % LINES_PER_PAGE)
    back = ["REPORTER'S CERTIFICATE", "I, <PERSON_11>, certify that the witness was duly sworn",
            "and that the foregoing is a true record of the testimony given."]
    return paginate(front + body + back)


#: A witness volunteering opinions and advice: the digest must attribute these words to the
#: witness ("Testified that ...") and never say them in its own voice.
OPINIONS = [
    ("What did you tell your supervisor about the brakes?",
     "I told him the truck should be taken out of service until the brakes were fixed."),
    ("Did you recommend a repair?",
     "Yes, I recommended that the company replace the brake pads right away."),
    ("In your opinion, was the driver at fault?",
     "I think the driver was negligent. He should have stopped."),
    ("Was the other driver lying about the light?", "Yes, he lied. The light was red."),
    ("Is the company liable for this?", "I believe they are liable, yes."),
]


def opinion_deposition() -> Transcript:
    """A short examination in which the witness gives opinions and advice (see ``OPINIONS``)."""
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   Good morning, Mr. <PERSON_2>.  Were you the fleet manager in March?",
            "A.   Yes, I managed the fleet of twelve trucks."]
    for q, a in OPINIONS:
        body += turn("Q.", q) + turn("A.", a)
    return paginate(body)


def long_deposition(rounds: int) -> Transcript:
    """A long examination: ``rounds`` passes over the topics, each with its own times and people
    (so no two passes say exactly the same thing)."""
    body = ["EXAMINATION", "BY MS. <PERSON_10>:",
            "Q.   Good morning, Mr. <PERSON_2>.  Did you work at the warehouse in March?",
            "A.   Yes, I worked there as a shift lead."]
    for r in range(rounds):
        for i, (thing, place, _, condition, _) in enumerate(TOPICS):
            clock = f"{6 + (r + i) % 6}:{(7 * r + 5 * i) % 60:02d}"
            body += topic_exchange(thing, f"{place} {r + 1}", clock, condition,
                                   f"<PERSON_{20 + (r * len(TOPICS) + i) % 500}>")
    return paginate(body)


def visit(when: str, provider: str, complaint: str, diagnosis: str, plan: str,
          medication: str = "") -> list[str]:
    """Lines of one clinic visit note."""
    lines = [f"Date of Service: {when}", f"Provider: Dr. {provider}",
             "Facility: Lakeside Orthopedic Clinic", f"Chief Complaint: {complaint}",
             f"Assessment: {diagnosis}"]
    if medication:
        lines.append(f"Medications: {medication}")
    return lines + [f"Plan: {plan}", f"Electronically signed by Dr. {provider} on {when}", ""]


def medical_record(dates: list[str], patient: str = "<PERSON_1>") -> str:
    """A record with a header (incl. date of birth) and one visit note per date in ``dates``."""
    lines = ["PATIENT RECORD", f"Patient: {patient}", "DOB: 04/17/1980",
             "Date of injury: 01/05/2023", ""]
    notes = [
        ("low back pain after lifting at work", "lumbar strain", "physical therapy twice weekly",
         "ibuprofen 600 mg three times daily"),
        ("back pain radiating to the left leg", "lumbar radiculopathy", "MRI of the lumbar spine",
         ""),
        ("persistent numbness in the left foot", "L5-S1 disc herniation",
         "epidural steroid injection", "gabapentin 300 mg at night"),
        ("follow-up after injection", "improving radiculopathy", "return to light duty", ""),
    ]
    for i, when in enumerate(dates):
        complaint, diagnosis, plan, med = notes[i % len(notes)]
        lines += visit(when, f"<PERSON_{i % 2 + 2}>", complaint, diagnosis, plan, med)
    lines.append("Printed: 02/01/2024")
    return "\n".join(lines) + "\n"


def medical_input(text: str) -> StageInput:
    """A medical record as the chronology stage sees it (physical line numbering)."""
    return StageInput(doc_id="DOC-2", kind="medical", text=text, is_original=True,
                      lines=LineMap.from_text(text), redactions=[])
