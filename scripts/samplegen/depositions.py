"""Deposition transcripts in the classic layout: 25 numbered lines a page, page number on top.

A transcript is built as *turns* (question, answer, colloquy, parenthetical...) which are then
wrapped into 60-column lines and cut into pages.  Front matter (caption, appearances, index) is
laid out page by page; the index is filled in after the body is paginated so its page numbers
are right.  The gold (exhibits with page:line, objections, examinations, recesses) is read off
the same layout that is rendered.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .doc import PiiLog
from .people import Address, Faker, Person
from .text import KEEP, keep, long_date, us_date, wrap

LINES_PER_PAGE = 25
WIDTH = 60
FRONT_PAGES = 3  # caption, appearances, index
CAPTION_WIDTH = 34  # left column of the caption, up to the ")" separators

MULTI_DISTRICT = {"TX", "OH", "IL", "CA", "GA", "WA", "NC", "NY"}
PLAINTIFF_FIRMS = ["Riverside Trial Counsel LLP", "Lakeshore Injury Law, P.C.",
                   "Summit Employment Law LLP"]
DEFENSE_FIRMS = ["Beacon Hill Defense Group LLP", "Northstar Litigation Group, PLLC",
                 "Granite Law Partners LLP"]
ROADS = [
    ("Preston Road", "Belt Line Road"), ("Main Street", "Fifth Avenue"),
    ("Route 9", "Old Orchard Road"), ("Lakeview Drive", "Industrial Boulevard"),
]


@dataclass(frozen=True)
class Attorney:
    person: Person
    firm: str
    address: Address
    phone: str
    email: str

    @property
    def label(self) -> str:
        """Speaker label as the reporter types it: ``MR. ACHTERBERG``."""
        return f"{self.person.honorific} {self.person.last}".upper()


@dataclass
class Case:
    """One lawsuit; several witnesses can be deposed in it and share its exhibit numbering."""

    theme: str
    court: str
    case_no: str
    plaintiff: Person
    defendant: str
    defendant_short: str
    pl_counsel: Attorney
    def_counsel: Attorney
    reporter: Person
    csr: str
    state_name: str
    city: str
    incident: dt.date
    people: dict[str, Person]
    """Other people in the story by role: driver and doctor, or manager and HR director."""
    exhibit_numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))


def make_case(fk: Faker, theme: str) -> Case:
    """A collision (personal injury) or employment case with counsel and a reporter."""
    rng = fk.rng
    plaintiff = fk.person()
    business = "Logistics" if theme == "collision" else "Medical Group"
    defendant, short = fk.organisation(business)
    while len(defendant) > CAPTION_WIDTH - 3:  # the caption's left column must hold the name
        defendant, short = fk.organisation(business)
    venue = fk.business_address()
    counsel = []
    for firm in (rng.choice(PLAINTIFF_FIRMS), rng.choice(DEFENSE_FIRMS)):
        person = fk.person()
        addr = fk.business_address(venue.city)
        domain = "".join(w for w in firm.split()[:2]).lower().replace(",", "") + ".example"
        counsel.append(Attorney(person, firm, addr, fk.phone(addr), fk.email(person, domain)))
    district = (f"{rng.choice(['NORTHERN', 'SOUTHERN', 'EASTERN'])} DISTRICT OF "
                if venue.state in MULTI_DISTRICT else "DISTRICT OF ")
    year = rng.randint(2022, 2024)
    case_no = f"{rng.randint(1, 4)}:{year % 100}-cv-{rng.randint(100, 9999):05d}"
    month = rng.randint(1, 12)  # a day of 12 or less: MM/DD/YY in the records reads two ways
    incident = dt.date(year - 1, month, rng.choice([d for d in range(1, 13) if d != month]))
    return Case(
        theme=theme, court=district + venue.state_name.upper(), case_no=case_no,
        plaintiff=plaintiff, defendant=defendant, defendant_short=short,
        pl_counsel=counsel[0], def_counsel=counsel[1], reporter=fk.person(),
        csr=f"{rng.randint(1000, 12999)}", state_name=venue.state_name, city=venue.city,
        incident=incident,
        people={role: fk.person() for role in
                (("driver", "doctor") if theme == "collision" else ("manager", "hr"))},
    )


@dataclass(frozen=True)
class Turn:
    """``style``: Q, A, col (colloquy), paren, by (``BY MR. X:``), center."""

    style: str
    text: str = ""
    speaker: str = ""


@dataclass
class Transcript:
    """A paginated transcript: ``pages[i]`` holds the 25 line texts of page ``i + 1``."""

    title: str
    pages: list[list[str]]
    pii: PiiLog
    gold: dict[str, Any]
    kind: str = "deposition"

    def text(self) -> str:
        """Plain text: page number on top, numbered lines, a form feed between pages."""
        return "\f".join(page_text(n, lines) for n, lines in enumerate(self.pages, 1))


def page_header(n: int) -> str:
    return f"{n:>{WIDTH + 4}}"


def numbered(i: int, line: str) -> str:
    return f"{i:>2}  {line}".rstrip()


def page_text(n: int, lines: list[str]) -> str:
    return "\n".join([page_header(n)] + [numbered(i, ln) for i, ln in enumerate(lines, 1)]) + "\n"


def layout(turn: Turn) -> list[str]:
    """Wrap one turn into transcript lines (without line numbers).

    Questions and answers start indented after ``Q.``/``A.`` and continue at the margin, as
    colloquy does after its speaker label; parentheticals stay indented.
    """
    if turn.style in ("Q", "A"):
        return wrap(turn.text, WIDTH, f"     {turn.style}.   ")
    if turn.style == "col":
        return wrap(turn.text, WIDTH, f"{' ' * 15}{turn.speaker}:  ")
    if turn.style == "paren":
        return wrap(turn.text, WIDTH, " " * 15, " " * 15)
    if turn.style == "by":
        return [f"BY {turn.speaker}:".replace(KEEP, " ")]
    return [ln.center(WIDTH).rstrip() for ln in wrap(turn.text, WIDTH)]


class DepositionWriter:
    """Writes one witness's deposition in a case, recording personal data as it goes."""

    def __init__(self, fk: Faker, case: Case, witness: Person, examiner: Attorney,
                 defender: Attorney, when: dt.date):
        self.fk, self.rng, self.case = fk, fk.rng, case
        self.w, self.examiner, self.defender, self.when = witness, examiner, defender, when
        self.pii = PiiLog()
        self.turns: list[Turn] = []
        self.exhibits: list[tuple[int, str, int]] = []  # number, description, turn index
        self.exams: list[tuple[str, int]] = []
        self.recess_turns: list[int] = []
        self.objections = 0
        self.clock = dt.datetime.combine(when, dt.time(9, self.rng.randint(0, 35)))
        profile = fk.profile(witness)
        self.address, self.dob = profile.address, profile.dob
        self.phone, self.email = profile.phone, profile.email

    # --- recording helpers ----------------------------------------------------------------
    def name(self, p: Person, form: str = "full") -> str:
        """A recorded, wrap-protected name form: full, plain, caps, last, lastcaps."""
        value = {"full": p.full, "plain": p.plain, "caps": p.full.upper(), "last": p.last,
                 "lastcaps": p.last.upper()}[form]
        return keep(self.pii.add(value, "PERSON"))

    def val(self, value: str, entity_type: str, identifier: str | None = None) -> str:
        return keep(self.pii.add(value, entity_type, identifier))

    def hon(self, p: Person) -> str:
        return f"{p.honorific} {self.name(p, 'last')}"

    # --- turns ----------------------------------------------------------------------------
    def qa(self, *texts: str, first: str = "Q") -> None:
        """Alternating question and answer texts, starting with ``first`` (Q or A)."""
        styles = ("Q", "A") if first == "Q" else ("A", "Q")
        for i, text in enumerate(texts):
            self.turns.append(Turn(styles[i % 2], text))

    def col(self, who: Attorney | str, text: str) -> None:
        speaker = who if isinstance(who, str) else self.label(who)
        if text.startswith("Objection"):
            self.objections += 1
        self.turns.append(Turn("col", text, speaker))

    def label(self, a: Attorney) -> str:
        self.pii.add(a.person.last.upper(), "PERSON")
        return keep(a.label)

    def objection(self, text: str = "Objection. Form.") -> None:
        self.col(self.defender, text)

    def witness_asks(self) -> None:
        """The witness, unsure after an objection, asks whether to answer."""
        self.col("THE WITNESS", "Am I supposed to answer that?")
        self.col(self.examiner, "Yes. Unless your attorney instructs you not to answer, you can "
                                "answer.")

    def by(self, a: Attorney) -> None:
        self.turns.append(Turn("by", speaker=self.label(a)))

    def examination(self, a: Attorney) -> None:
        self.turns.append(Turn("center", "EXAMINATION"))
        self.exams.append((a.label, len(self.turns)))
        self.by(a)

    def exhibit(self, description: str) -> int:
        """Mark a new exhibit (or return the number of one already marked in this deposition)."""
        for n, marked, _ in self.exhibits:
            if marked == description:
                return n
        n = next(self.case.exhibit_numbers)
        self.exhibits.append((n, description, len(self.turns)))
        self.turns.append(Turn("paren", f"(Exhibit {n} was marked for identification.)"))
        return n

    def recess(self) -> None:
        start = self.clock + dt.timedelta(minutes=len(self.turns) // 2)
        end = start + dt.timedelta(minutes=self.rng.choice([8, 11, 13, 17]))
        self.col(self.examiner, "Let's take a short break.")
        self.recess_turns.append(len(self.turns))
        self.turns.append(Turn("paren", f"(Recess taken from {clock(start)} to {clock(end)})"))
        self.clock += end - start
        self.by(self.examiner)

    # --- content --------------------------------------------------------------------------
    def opening(self) -> None:
        self.turns.append(Turn("center", f"{self.name(self.w, 'caps')},"))
        self.turns.append(Turn("center", "having been first duly sworn, testified as follows:"))
        self.examination(self.examiner)

    def background(self, employer: str, job: str) -> None:
        w, a = self.w, self.examiner
        self.qa(
            "Good morning. Would you please state your full name for the record?",
            f"{self.name(w)}.",
            f"{self.hon(w)}, my name is {self.name(a.person, 'plain')}, and I represent "
            f"{'the plaintiff' if a is self.case.pl_counsel else self.org_short()} in this "
            f"lawsuit. Have you ever had your deposition taken before?",
            "No, this is my first time.",
            "Let me go over a few ground rules. I will ask questions, you will answer them, and "
            "the court reporter will take down everything we say, so please answer out loud "
            "rather than nodding or shaking your head. Do you understand?",
            "Yes.",
            "If you do not understand a question, tell me and I will rephrase it. If you answer, "
            "I will assume you understood the question. Is that fair?",
            "That's fair.",
            "Is there any reason, such as medication or illness, that you cannot give complete "
            "and truthful testimony today?",
            "No.",
            "What is your current home address?",
            f"{self.val(self.address.line(), 'ADDRESS', 'direct')}.",
            "How long have you lived there?",
            f"About {self.rng.choice(['three', 'six', 'eleven', 'two'])} years.",
            "And what is your date of birth?",
            f"{self.val(long_date(self.dob), 'DATE_OF_BIRTH')}.",
            "What is the best telephone number to reach you?",
            f"My cell phone, {self.val(self.phone, 'PHONE_NUMBER')}.",
            "Do you have a personal e-mail address?",
            f"Yes, {self.val(self.email, 'EMAIL_ADDRESS')}.",
            "Who is your current employer?",
            sentence(self.val(employer, "ORGANIZATION")),
            "What is your position there?",
            f"{job}.",
            "What is the highest level of education you have completed?",
            self.rng.choice(["I have a high school diploma and some community college.",
                             "A bachelor's degree in business administration.",
                             "I finished high school and then trade school."]),
            "What did you do to prepare for your deposition today?",
        )
        self.col(self.defender, "I'll caution the witness not to disclose the substance of any "
                                "communications with counsel. You can answer as to what you did.")
        self.qa("I met with my attorney yesterday afternoon for about two hours and looked at "
                "some documents.", first="A")
        self.val(self.address.zip, "ZIP")

    def org_short(self) -> str:
        return self.val(self.case.defendant_short, "ORGANIZATION")

    def closing(self) -> None:
        self.col("THE REPORTER", "Counsel, will you be ordering a copy of the transcript?")
        self.col(self.examiner, "Yes, the usual, please.")
        self.col(self.defender, "Electronic copy for us. The witness will read and sign.")
        end = self.clock + dt.timedelta(minutes=len(self.turns) // 2)
        self.turns.append(Turn("paren", f"(Deposition concluded at {clock(end)})"))

    # --- assembly -------------------------------------------------------------------------
    def transcript(self, title: str) -> Transcript:
        body: list[str] = []
        starts: list[int] = []
        for t in self.turns:
            starts.append(len(body))
            body.extend(layout(t))
        body_pages = [body[i:i + LINES_PER_PAGE] for i in range(0, len(body), LINES_PER_PAGE)]

        def cite(turn_index: int) -> tuple[int, int]:
            i = starts[turn_index]
            return FRONT_PAGES + 1 + i // LINES_PER_PAGE, i % LINES_PER_PAGE + 1

        cert_page = FRONT_PAGES + len(body_pages) + 1
        exams = [(label, cite(i)) for label, i in self.exams]
        exhibits = [(n, desc, cite(i)) for n, desc, i in self.exhibits]
        pages = [self.caption_page(), self.appearances_page(),
                 self.index_page(exams, exhibits, cert_page)]
        pages += body_pages + [self.certificate_page()]
        pages = [(p + [""] * LINES_PER_PAGE)[:LINES_PER_PAGE] for p in pages]
        gold = {
            "pages": len(pages),
            "witness": self.w.full,
            "exhibits": [{"number": n, "description": desc.replace(KEEP, " "),
                          "cite": f"{p}:{ln}"} for n, desc, (p, ln) in exhibits],
            "objections": self.objections,
            "examinations": [{"by": label, "cite": f"{p}:{ln}"} for label, (p, ln) in exams],
            "recesses": [f"{p}:{ln}" for p, ln in map(cite, self.recess_turns)],
        }
        return Transcript(title, pages, self.pii, gold)

    def caption_page(self) -> list[str]:
        case, pii = self.case, self.pii
        pl = pii.add(case.plaintiff.full.upper(), "PERSON")
        de = pii.add(case.defendant.upper(), "ORGANIZATION")
        rows = [f"{pl},", "", "          Plaintiff,", "",
                "     v.", "", f"{de},", "", "          Defendant."]
        cno = f"Case No. {pii.add(case.case_no, 'CASE_NUMBER')}"
        lines = ["UNITED STATES DISTRICT COURT".center(WIDTH),
                 f"FOR THE {case.court}".center(WIDTH), ""]
        lines += [f"{r:<{CAPTION_WIDTH}})" + (f"   {cno}" if i == 4 else "")
                  for i, r in enumerate(rows)]
        noticing = "Defendant" if self.examiner is case.def_counsel else "Plaintiff"
        lines += ["", "ORAL AND VIDEOTAPED DEPOSITION OF".center(WIDTH),
                  pii.add(self.w.full.upper(), "PERSON").center(WIDTH),
                  pii.add(long_date(self.when), "DATE").center(WIDTH), ""]
        para = (f"ORAL AND VIDEOTAPED DEPOSITION OF {keep(self.w.full.upper())}, produced as a "
                f"witness at the instance of the {noticing}, was taken in the above-styled and "
                f"numbered cause on "
                f"{keep(long_date(self.when))}, before "
                f"{keep(pii.add(case.reporter.full, 'PERSON'))}, CSR, at the offices of "
                f"{keep(pii.add(self.examiner.firm, 'ORGANIZATION'))}, "
                f"{case.city}, {case.state_name}, pursuant to the Federal Rules of Civil "
                f"Procedure.")
        return [ln.rstrip() for ln in lines] + wrap(para, WIDTH)

    def appearances_page(self) -> list[str]:
        case, pii = self.case, self.pii
        lines = ["APPEARANCES".center(WIDTH).rstrip(), ""]
        for heading, a in (("FOR THE PLAINTIFF:", case.pl_counsel),
                           (f"FOR THE DEFENDANT {case.defendant.upper()}:", case.def_counsel)):
            lines += [heading,
                      (f"     {a.person.honorific.upper()} "
                      f"{pii.add(a.person.full.upper(), 'PERSON')}"),
                      f"     {pii.add(a.firm, 'ORGANIZATION')}",
                      f"     {pii.add(a.address.line(), 'ADDRESS', 'quasi')}",
                      f"     Telephone: {pii.add(a.phone, 'PHONE_NUMBER')}",
                      f"     E-mail: {pii.add(a.email, 'EMAIL_ADDRESS')}", ""]
        lines += ["THE COURT REPORTER:",
                  f"     {pii.add(case.reporter.full, 'PERSON')}, CSR No. {case.csr}"]
        return lines

    def index_page(self, exams: list[tuple[str, tuple[int, int]]],
                   exhibits: list[tuple[int, str, tuple[int, int]]], cert_page: int) -> list[str]:
        lines = ["INDEX".center(WIDTH).rstrip(), "", f"{'PAGE':>{WIDTH}}",
                 f"{'Appearances':<{WIDTH - 4}}{2:>4}"]
        for label, (page, _) in exams:
            hon, last = label.split(" ", 1)
            entry = f"Examination by {hon.title()} {self.pii.add(last.title(), 'PERSON')}"
            lines.append(f"{entry:<{WIDTH - 4}}{page:>4}")
        certificate = "Reporter's Certificate"
        lines += [f"{certificate:<{WIDTH - 4}}{cert_page:>4}", "",
                  "EXHIBITS".center(WIDTH).rstrip(), "",
                  f"{'NO.':<6}{'DESCRIPTION':<{WIDTH - 10}}{'PAGE':>4}"]
        for n, desc, (page, _) in exhibits:
            rows = wrap(desc, WIDTH - 12)
            lines.append(f"{n:<6}{rows[0]:<{WIDTH - 10}}{page:>4}")
            lines += [" " * 6 + row for row in rows[1:]]
        return lines

    def certificate_page(self) -> list[str]:
        case, pii = self.case, self.pii
        rep = case.reporter.full
        signed = self.when + dt.timedelta(days=self.rng.randint(5, 20))
        para1 = (f"I, {keep(rep)}, Certified Shorthand Reporter No. {case.csr} in and for the "
                 f"State of {case.state_name}, certify that the witness, "
                 f"{keep(self.w.full.upper())}, was duly sworn by me; that the deposition was "
                 f"taken at the time and place stated; and that the foregoing transcript is a "
                 f"true record of the testimony given, reported by me stenographically and "
                 f"transcribed under my direction.")
        para2 = ("I further certify that I am neither counsel for, related to, nor employed by "
                 "any of the parties, and that I am not financially interested in the action.")
        return (["REPORTER'S CERTIFICATE".center(WIDTH).rstrip(), ""] + wrap(para1, WIDTH)
                + [""] + wrap(para2, WIDTH)
                + ["", f"Dated: {pii.add(long_date(signed), 'DATE')}", "",
                   f"/s/ {rep}", f"{rep}, CSR No. {case.csr}",
                   f"Expiration Date: 12/31/{signed.year + 1}"])


def sentence(text: str) -> str:
    """End ``text`` with exactly one full stop (names like ``Acme L.P.`` already have one)."""
    return text if text.endswith(".") else text + "."


def clock(t: dt.datetime) -> str:
    """``10:42 a.m.`` (the abbreviation's full stop also ends a sentence)."""
    return f"{(t.hour - 1) % 12 + 1}:{t.minute:02d} {'a.m.' if t.hour < 12 else 'p.m.'}"


# ------------------------------------------------------------------------------------------
# Case themes
# ------------------------------------------------------------------------------------------

def collision_plaintiff(d: DepositionWriter, rounds: int = 1) -> None:
    """The injured driver, examined by defence counsel, then briefly by their own counsel."""
    case, w = d.case, d.w
    road1, road2 = d.rng.choice(ROADS)
    hospital = d.val(f"{d.address.city} General Hospital", "ORGANIZATION")
    doctor, driver = case.people["doctor"], case.people["driver"]
    d.opening()
    d.background(d.fk.organisation()[0], d.rng.choice(["Warehouse supervisor",
                                                        "Dental hygienist",
                                                        "Accounts payable specialist"]))
    incident = d.val(long_date(case.incident), "DATE")
    for r in range(rounds):
        if r:
            d.qa("Let me go back over a few points about the collision itself.", "Okay.")
        d.qa(
            "Let's turn to the collision. Do you recall the date?",
            f"Yes. It was {incident}.",
            "About what time of day?",
            "Around 7:15 in the morning. I was on my way to work.",
            "What vehicle were you driving?",
            "My 2017 Honda Accord.",
            "Where did the collision happen?",
            f"At the intersection of {road1} and {road2} in {case.city}.",
            "Describe the intersection for me.",
            f"It's a four-way intersection with traffic lights, two lanes each direction, and a "
            f"left-turn lane on {road1}.",
            "Which direction were you traveling?",
            f"Northbound on {road1}.",
            "What was the weather like?",
            "It was clear. The road was dry.",
            "What color was the light when you entered the intersection?",
            "Green. It had been green for a while.",
            "How do you know it had been green for a while?",
        )
        d.objection()
        d.witness_asks()
        d.qa(
            "I could see it from about a block back, and it never changed.",
            "How fast were you going?",
            "About thirty-five. The limit there is forty.",
            "When did you first see the truck?",
            f"Right before it hit me. It came from my right, from the {road2} side.",
            "Did you brake?",
            "I tried. I don't think I had time.",
            "What part of your car did the truck strike?",
            "The passenger side, toward the back door.",
            "What happened after the impact?",
            "My car spun around and ended up facing the other way. The airbags went off.",
            "Did you lose consciousness?",
            "I don't think so, but I was dazed.",
            "Did you speak with the truck driver at the scene?",
            f"Briefly. {driver.pronoun.capitalize()} came over and asked if I was okay.",
            first="A",
        )
        n = d.exhibit("Crash report")
        d.qa(
            f"{d.hon(w)}, I am handing you what has been marked as Exhibit {n}. Do you "
            f"recognize it?",
            "Yes. That's the crash report.",
            "On the second page, the officer wrote that you said you did not see the truck "
            "until the last second. Did you say that?",
        )
        d.objection("Objection. Form. Mischaracterizes the document.")
        d.qa(
            "I said I didn't see it until right before it hit me. That's true.",
            "Were you using your cell phone at any time in the five minutes before the "
            "collision?",
            "No. My phone was in my bag on the back seat.",
            "Were you wearing your seat belt?",
            "Yes.",
            first="A",
        )
    d.qa(
        "Let's talk about your injuries. Did you go to the hospital that day?",
        f"Yes. An ambulance took me to {hospital}.",
        "What did you complain of at the emergency room?",
        "My neck, a bad headache, and my right shoulder.",
        "What treatment did you receive there?",
        "They did X-rays and a CT scan, gave me a neck brace and pain medication, and sent me "
        "home that night.",
        "Who did you see next?",
        f"Dr. {d.name(doctor, 'last')}, about a week later. {doctor.pronoun.capitalize()} is "
        f"an orthopedist.",
        f"Did Dr. {d.name(doctor, 'last')} refer you to physical therapy?",
        "Yes. I went twice a week for about three months.",
        "Did you stop going to physical therapy at any point?",
        "There was a stretch when I stopped for several weeks.",
        "Why did you stop?",
        "My insurance was slow approving more visits, and I had to work extra shifts.",
        "Before this collision, had you ever had neck or shoulder problems?",
    )
    d.objection()
    d.qa("No. Nothing like this.", first="A")
    n = d.exhibit("List of medical providers")
    d.qa(
        f"Exhibit {n} is a list of your medical providers that your attorney produced. Is it "
        f"complete?",
        "I believe so.",
        "Are you currently working?",
        "Yes, but I'm on light duty.",
        "How much work did you miss because of the collision?",
        "About six weeks in total.",
        "Are you claiming lost wages in this case?",
    )
    d.objection("Objection. Calls for a legal conclusion.")
    d.qa("I know we're asking for the time I missed.", first="A")
    d.recess()
    n = d.exhibit("Photographs of the plaintiff's vehicle")
    d.qa(
        f"{d.hon(w)}, Exhibit {n} is a set of photographs. Do they fairly and accurately show "
        f"your car after the collision?",
        "Yes. That's my car at the body shop.",
        "Do you have any ongoing limitations you attribute to the collision?",
        "I can't lift my daughter the way I used to, I can't sleep on my right side, and I get "
        "headaches a few times a week.",
        "Have you posted anything on social media about the collision?",
        "I don't think so. Maybe that I was okay.",
        "I have no further questions at this time. I'll pass the witness.",
    )
    d.examination(d.defender)
    d.qa(
        f"{d.hon(w)}, just a few follow-up questions. Before {incident}, did you have any "
        f"trouble lifting your daughter?",
        "No.",
        "Counsel asked about the gap in your physical therapy. Did your neck improve during "
        "that time?",
    )
    d.col(d.examiner, "Objection. Leading.")
    d.qa("No. It got worse.", "Thank you. Nothing further.", first="A")
    d.closing()


def collision_driver(d: DepositionWriter, rounds: int = 1) -> None:
    """The defendant's truck driver, examined by plaintiff's counsel."""
    case = d.case
    road1, road2 = d.rng.choice(ROADS)
    org = d.val(case.defendant, "ORGANIZATION")
    d.opening()
    d.background(case.defendant, "Regional delivery driver")
    incident = d.val(long_date(case.incident), "DATE")
    pl = case.plaintiff
    for r in range(rounds):
        if r:
            d.qa("I want to go back to the morning of the collision.", "Okay.")
        d.qa(
            "Do you hold a commercial driver's license?",
            "Yes, a Class A CDL.",
            f"Were you driving for {org} on {incident}?",
            "Yes.",
            "What vehicle were you driving?",
            "A 2020 Freightliner Cascadia, tractor number 4471, pulling a fifty-three-foot dry "
            "van.",
            "Was the trailer loaded?",
            "Yes, about thirty-eight thousand pounds of paper goods.",
            "What time did your shift begin that day?",
            f"I started at 4:30 a.m. from the {case.city} terminal.",
        )
        n = d.exhibit("Electronic logging device report")
        d.qa(
            f"I am showing you Exhibit {n}, the electronic logging device report for that day. "
            f"Do you recognize it?",
            "Yes, those are my logs.",
            "Tell me in your own words how the collision happened.",
        )
        d.objection()
        d.witness_asks()
        d.qa(
            f"I was heading east on {road2}, approaching {road1}. The light turned yellow, and "
            f"with the load I had I judged I couldn't stop safely, so I continued through. A car "
            f"came into the intersection from my left and we collided.",
            "Could the light have been red when you entered the intersection?",
            first="A",
        )
        d.objection("Objection. Calls for speculation.")
        d.qa("I don't believe it was red.", "How fast were you going?",
             "About forty, maybe a little under.", "Does your truck have a dash camera?",
             "Yes, a forward-facing camera.", "Have you seen the video from that morning?",
             first="A")
        d.objection("Objection. To the extent the question calls for communications with "
                    "counsel, I instruct the witness not to answer. You may answer whether you "
                    "have seen a video.")
        d.qa("I've seen it, yes.", first="A")
        n = d.exhibit("Still frames from the dash camera")
        d.qa(f"Exhibit {n} contains still frames printed from that camera. Can you tell the "
             f"color of the light from these frames?")
        d.objection("Objection. The document speaks for itself.")
        d.qa("Not really. The sun was shining into the camera.", first="A")
    d.qa(
        "After the collision, did you speak with the driver of the car?",
        f"I went to check on {pl.objective}. {pl.pronoun.capitalize()} was holding "
        f"{pl.possessive} neck.",
        f"You are referring to {d.hon(pl)}?",
        "Yes.",
        f"Did you tell {d.hon(pl)} that you did not see the light change?",
        f"No. I told {pl.objective} I was sorry and asked if {pl.pronoun} was hurt.",
        "Were you on your phone at the time?",
        "No. Company policy is hands-free only, and I was not on a call.",
    )
    d.recess()
    n = d.exhibit(f"{case.defendant_short} Driver Safety Policy")
    d.qa(
        f"Exhibit {n} is the company's Driver Safety Policy. Were you trained on it?",
        "Yes, when I was hired and every year after that.",
        "Were you disciplined after the collision?",
    )
    d.objection("Objection. Relevance.")
    d.qa("I got a written warning, and I had to take a defensive-driving refresher.",
         "Were you drug tested after the collision?", "Yes. It was negative.",
         "Any moving violations in the last five years?", "One speeding ticket in 2021.",
         "That's all I have for now. Pass the witness.", first="A")
    d.examination(d.defender)
    d.qa("When you entered the intersection, what color was the light?", "Yellow.",
         "Had you been trained on what to do at a yellow light with a loaded trailer?")
    d.col(d.examiner, "Objection. Leading.")
    d.qa("Yes. If you can't stop safely, you proceed with caution.", "Nothing further.",
         first="A")
    d.closing()


def employment_hr(d: DepositionWriter, rounds: int = 1) -> None:
    """The employer's HR director in a wrongful-termination (FMLA) case."""
    case, pl, mgr = d.case, d.case.plaintiff, d.case.people["manager"]
    org = d.val(case.defendant, "ORGANIZATION")
    d.opening()
    d.background(case.defendant, "Director of Human Resources")
    fired = case.incident
    fired_s = d.val(long_date(fired), "DATE")
    email_date = d.val(us_date(fired - dt.timedelta(days=d.rng.randint(12, 20))), "DATE")
    pl_email = d.val(d.fk.email(pl), "EMAIL_ADDRESS")
    d.qa(
        f"How long have you worked for {org}?",
        "Almost nine years, the last four as director.",
        "What are your responsibilities?",
        "Employee relations, investigations, leave administration and benefits.",
        f"Do you know the plaintiff, {d.name(pl)}?",
        "Yes.",
        f"How do you know {d.hon(pl)}?",
        f"{pl.pronoun.capitalize()} was a registered nurse in our cardiac unit.",
        f"Were you involved in the decision to terminate {d.hon(pl)}'s employment?",
    )
    d.objection()
    d.witness_asks()
    d.qa(f"I was consulted. The decision was made by {pl.possessive} director, "
         f"{d.name(mgr)}.", first="A")
    for r in range(rounds):
        if r:
            d.qa("Let me return to the termination itself.", "All right.")
        n = d.exhibit(f"Termination letter dated {fired_s}")
        d.qa(
            f"Exhibit {n} is a letter dated {fired_s}. Who signed it?",
            "I did, on behalf of the company.",
            "What reason does the letter give for the termination?",
            "Violation of the attendance policy.",
            f"How many attendance points did {d.hon(pl)} have?",
            "Nine, I believe. Termination occurs at eight.",
        )
        n = d.exhibit("Attendance records")
        d.qa(
            f"Exhibit {n} is {pl.possessive} attendance record. Several absences are marked in "
            f"the two weeks before the termination. Were you aware {pl.pronoun} had asked for "
            f"medical leave at that time?",
        )
        d.objection("Objection. Assumes facts not in evidence.")
        d.qa(f"I was aware {pl.pronoun} had asked about FMLA paperwork.", first="A")
        n = d.exhibit(f"E-mail from {d.name(pl, 'last')} to Human Resources dated {email_date}")
        d.qa(
            f"Exhibit {n} is an e-mail from {pl_email} to your department dated {email_date}. "
            f"Do you recognize it?",
            f"Yes. It's from {d.name(pl, 'last')} to our HR inbox.",
            f"{d.hon(pl)} asks for leave paperwork for a surgery. Did anyone respond?",
            "I don't see a response attached.",
            "Are attendance points assessed for absences covered by FMLA?",
            "No. Protected absences are excluded.",
            "So if those absences had been covered, the total would have been under eight "
            "points?",
        )
        d.objection("Objection. Calls for speculation. Incomplete hypothetical.")
        d.qa("If they were covered, yes, the total would have been under the threshold.",
             first="A")
    d.qa(
        f"Did you discuss the termination with {d.hon(mgr)} before it happened?",
        "Yes, we had a call.",
        f"What did {d.hon(mgr)} say?",
        "That the absences were putting a strain on the unit's staffing.",
        f"Did {d.name(mgr, 'last')} mention the surgery?",
        "Possibly that there was a medical issue. I don't remember exactly.",
    )
    d.recess()
    n = d.exhibit("Employee Handbook, attendance policy")
    d.qa(
        f"Exhibit {n} is the attendance section of the handbook. Does it require a warning "
        f"before termination?",
        "It says a final written warning is given at six points.",
        f"Did {d.hon(pl)} receive a final written warning?",
        "I don't believe one is in the file.",
        "Why not?",
    )
    d.objection("Objection. Calls for speculation.")
    d.qa("I don't know.", "I'll pass the witness.", first="A")
    d.examination(d.defender)
    d.qa("Was the termination decision based on anything other than attendance?", "No.",
         "Before the termination, did you know the details of the surgery?")
    d.col(d.examiner, "Objection. Leading.")
    d.qa("I knew a leave request had been mentioned. I didn't know the details.",
         "Nothing further.", first="A")
    d.closing()


THEMES = {
    "collision_plaintiff": ("collision", collision_plaintiff),
    "collision_driver": ("collision", collision_driver),
    "employment_hr": ("employment", employment_hr),
}


def deposition(fk: Faker, case: Case, role: str, rounds: int = 1) -> Transcript:
    """Depose the witness that ``role`` names in ``case``."""
    _, write = THEMES[role]
    rng = fk.rng
    when = case.incident + dt.timedelta(days=rng.randint(200, 420))
    if role == "collision_plaintiff":
        witness, examiner, defender = case.plaintiff, case.def_counsel, case.pl_counsel
    else:
        witness = case.people["driver" if role == "collision_driver" else "hr"]
        examiner, defender = case.pl_counsel, case.def_counsel
    d = DepositionWriter(fk, case, witness, examiner, defender, when)
    d.name(witness, "caps")
    write(d, rounds)
    for a in (case.pl_counsel, case.def_counsel):
        d.pii.add(a.person.last.upper(), "PERSON")
    return d.transcript("Deposition transcript")  # no names in file metadata


def random_deposition(rng: random.Random, rounds: int = 1) -> Transcript:
    """A deposition in a new case of a random theme; ``rounds`` repeats the core examination."""
    fk = Faker(rng)
    role = rng.choice(sorted(THEMES))
    case = make_case(fk, THEMES[role][0])
    return deposition(fk, case, role, rounds)


def rounds_for_pages(pages: int) -> int:
    """Rounds of examination that give a transcript of about ``pages`` pages."""
    return max(1, round((pages - 8) / 3))
