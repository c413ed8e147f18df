"""Medical records: a certified copy of one patient's chart, encounter by encounter.

Each record has patient demographics (name, DOB, MRN, SSN, plan and member ID, address,
phone, e-mail), then encounters on different dates, each with facility, provider (and NPI),
chief complaint, HPI, ICD-10 diagnoses, CPT procedures, medications and disposition.  Dates come
in several formats; the first visit's date is written ``MM/DD/YY`` with a day of 12 or less (so
it reads two ways), one HPI gives a vague date ("early June"), the DOB is printed on every
encounter banner, and every record has at least one gap in treatment of 30 days or more.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from .doc import ProseDoc
from .people import Faker, Person
from .text import dmy_abbrev, long_date, us_date


@dataclass(frozen=True)
class Visit:
    """A template encounter: ``day`` after the first visit, at ``facility`` with ``provider``."""

    day: int
    title: str
    facility: int
    provider: int
    complaint: str
    hpi: str
    diagnoses: tuple[tuple[str, str], ...]
    procedures: tuple[tuple[str, str], ...]
    medications: tuple[str, ...]
    disposition: str


@dataclass(frozen=True)
class Theme:
    facilities: tuple[str, ...]
    credentials: tuple[str, ...]
    """Credentials of each provider (``MD``, ``DPT``...)."""
    visits: tuple[Visit, ...]


THEMES: dict[str, Theme] = {
    "mva_neck": Theme(
        facilities=("{city} General Hospital Emergency Department",
                    "{org} Orthopedic & Spine Associates", "{org} Physical Therapy",
                    "{city} Imaging Center"),
        credentials=("MD", "MD", "DPT", "MD"),
        visits=(
            Visit(0, "EMERGENCY DEPARTMENT VISIT", 0, 0,
                  "Neck pain and headache after motor vehicle collision.",
                  "{pt} is a {age}-year-old {sex} who presents by ambulance after a motor "
                  "vehicle collision earlier today. {He} was the restrained driver of a sedan "
                  "struck on the passenger side by a tractor-trailer. Airbags deployed. {He} "
                  "reports neck pain radiating to the right shoulder and a frontal headache. "
                  "No loss of consciousness reported.",
                  (("S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter"),
                   ("S43.401A", "Unspecified sprain of right shoulder joint, initial encounter"),
                   ("R51.9", "Headache, unspecified")),
                  (("72125", "CT cervical spine without contrast"),
                   ("73030", "X-ray right shoulder, 2 views")),
                  ("cyclobenzaprine 5 mg PO three times daily as needed for spasm",
                   "ibuprofen 600 mg PO every 6 hours as needed for pain"),
                  "Discharged home in stable condition with soft cervical collar. Follow up "
                  "with orthopedics in one week."),
            Visit(8, "ORTHOPEDIC CONSULTATION", 1, 1,
                  "Persistent neck and right shoulder pain.",
                  "{pt} returns one week after the collision of {first_visit}. Pain is 7/10, "
                  "worse with rotation to the left. CT was negative for fracture. Reports "
                  "difficulty sleeping on the right side.",
                  (("S13.4XXD", "Sprain of ligaments of cervical spine, subsequent encounter"),
                   ("M54.2", "Cervicalgia")),
                  (("99204", "New patient office visit, moderate complexity"),),
                  ("meloxicam 15 mg PO once daily", "cyclobenzaprine 5 mg PO at bedtime"),
                  "Referred to physical therapy twice weekly for 8 weeks. Return in 6 weeks."),
            Visit(13, "PHYSICAL THERAPY INITIAL EVALUATION", 2, 2,
                  "Neck stiffness, right shoulder pain.",
                  "{pt} is referred for cervical strain. Cervical rotation limited to 45 degrees "
                  "bilaterally. Neck Disability Index 38%.",
                  (("M54.2", "Cervicalgia"),),
                  (("97161", "Physical therapy evaluation, low complexity"),
                   ("97110", "Therapeutic exercise, each 15 minutes")),
                  (),
                  "Plan: 2 visits per week for 8 weeks; home exercise program issued."),
            Visit(61, "PHYSICAL THERAPY RE-EVALUATION", 2, 2,
                  "Return to therapy after interruption.",
                  "{pt} returns after a {gap}-day interruption in therapy; {he} reports that "
                  "insurance authorization for further visits was delayed. Symptoms worsened in "
                  "{fuzzy} after returning to full duty at work. Neck Disability Index 44%.",
                  (("M54.2", "Cervicalgia"),
                   ("S13.4XXD", "Sprain of ligaments of cervical spine, subsequent encounter")),
                  (("97164", "Physical therapy re-evaluation"),
                   ("97140", "Manual therapy, each 15 minutes")),
                  (),
                  "Resume therapy 2 visits per week for 6 weeks."),
            Visit(76, "ORTHOPEDIC FOLLOW-UP", 1, 1,
                  "Ongoing neck pain with numbness in the right hand.",
                  "{pt} reports intermittent numbness of the right thumb and index finger since "
                  "{fuzzy}. Spurling test positive on the right.",
                  (("M50.121", "Cervical disc disorder at C5-C6 level with radiculopathy"),),
                  (("99214", "Established patient office visit, moderate complexity"),),
                  ("gabapentin 300 mg PO at bedtime", "meloxicam 15 mg PO once daily"),
                  "MRI of the cervical spine ordered. Continue therapy."),
            Visit(84, "MRI CERVICAL SPINE", 3, 3,
                  "Cervical radiculopathy, rule out disc herniation.",
                  "Ordered by orthopedics for right C6 radicular symptoms following motor "
                  "vehicle collision of {first_visit}.",
                  (("M50.121", "Cervical disc disorder at C5-C6 level with radiculopathy"),),
                  (("72141", "MRI cervical spine without contrast"),),
                  (),
                  "Impression: right paracentral disc protrusion at C5-C6 with mild foraminal "
                  "narrowing. Report sent to ordering physician."),
        ),
    ),
    "work_knee": Theme(
        facilities=("{org} Urgent Care", "{org} Sports Medicine & Orthopedics",
                    "{city} Ambulatory Surgery Center", "{org} Physical Therapy"),
        credentials=("PA-C", "MD", "MD", "DPT"),
        visits=(
            Visit(0, "URGENT CARE VISIT", 0, 0,
                  "Right knee pain after twisting injury at work.",
                  "{pt} is a {age}-year-old {sex} warehouse worker who twisted the right knee "
                  "stepping off a loading dock this morning. Immediate swelling; unable to bear "
                  "full weight.",
                  (("S83.91XA", "Sprain of unspecified site of right knee, initial encounter"),
                   ("M25.561", "Pain in right knee")),
                  (("73562", "X-ray right knee, 3 views"),),
                  ("naproxen 500 mg PO twice daily with food",),
                  "Knee immobilizer and crutches. Off work 3 days. Orthopedic referral."),
            Visit(9, "ORTHOPEDIC CONSULTATION", 1, 1,
                  "Right knee locking and medial pain.",
                  "{pt} reports mechanical locking since the work injury of {first_visit}. "
                  "McMurray test positive medially. Effusion present.",
                  (("S83.241A", ("Other tear of medial meniscus, current injury, right knee, "
                                "initial encounter")),),
                  (("73721", "MRI right knee without contrast"),),
                  ("naproxen 500 mg PO twice daily with food",),
                  "MRI ordered. Modified duty, no kneeling or ladders."),
            Visit(24, "ARTHROSCOPIC SURGERY", 2, 2,
                  "Medial meniscus tear, right knee.",
                  "MRI confirmed a complex tear of the posterior horn of the medial meniscus. "
                  "{pt} elected arthroscopic treatment after discussion of risks and benefits.",
                  (("S83.241A", ("Other tear of medial meniscus, current injury, right knee, "
                                "initial encounter")),),
                  (("29881", "Arthroscopy, knee, with medial meniscectomy"),),
                  ("oxycodone-acetaminophen 5-325 mg PO every 6 hours as needed, 12 tablets",
                   "cephalexin 500 mg PO four times daily for 5 days"),
                  "Discharged home the same day. Weight bearing as tolerated."),
            Visit(31, "POST-OPERATIVE VISIT", 1, 1,
                  "Post-operative check.",
                  "{pt} is one week after right knee arthroscopy. Incisions clean and dry.",
                  (("S83.241D", ("Other tear of medial meniscus, current injury, right knee, "
                                "subsequent encounter")),),
                  (("99024", "Post-operative follow-up visit"),),
                  (),
                  "Sutures removed. Start physical therapy."),
            Visit(70, "PHYSICAL THERAPY INITIAL EVALUATION", 3, 3,
                  "Right knee weakness after arthroscopy.",
                  "{pt} starts therapy {gap} days after the post-operative visit; {he} states "
                  "the workers' compensation carrier did not approve therapy until {fuzzy}. "
                  "Quadriceps lag noted.",
                  (("S83.241D", ("Other tear of medial meniscus, current injury, right knee, "
                                "subsequent encounter")),),
                  (("97161", "Physical therapy evaluation, low complexity"),
                   ("97110", "Therapeutic exercise, each 15 minutes")),
                  (),
                  "Therapy 3 times per week for 4 weeks."),
        ),
    ),
    "diabetes": Theme(
        facilities=("{org} Family Medicine", "{city} Community Hospital"),
        credentials=("MD", "NP", "MD"),
        visits=(
            Visit(0, "OFFICE VISIT", 0, 0,
                  "Follow-up of diabetes and blood pressure.",
                  "{pt} is a {age}-year-old {sex} with type 2 diabetes and hypertension seen "
                  "for routine follow-up. Reports increased thirst. Home glucose readings "
                  "180-240 mg/dL.",
                  (("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
                   ("I10", "Essential (primary) hypertension"),
                   ("E78.5", "Hyperlipidemia, unspecified")),
                  (("83036", "Hemoglobin A1c"), ("80053", "Comprehensive metabolic panel")),
                  ("metformin 1000 mg PO twice daily", "lisinopril 10 mg PO once daily",
                   "atorvastatin 20 mg PO at bedtime"),
                  "Hemoglobin A1c 9.2%. Diabetes education referral. Return in 3 months."),
            Visit(97, "OFFICE VISIT", 0, 1,
                  "Missed follow-up; diabetes recheck.",
                  "{pt} returns later than planned; {he} missed the scheduled visit and ran out "
                  "of metformin in {fuzzy}. Reports fatigue and blurred vision.",
                  (("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
                   ("Z91.14", "Patient's other noncompliance with medication regimen")),
                  (("83036", "Hemoglobin A1c"),),
                  ("metformin 1000 mg PO twice daily",
                   "empagliflozin 10 mg PO once daily (new)"),
                  "Hemoglobin A1c 10.1%. Medication refilled. Return in 4 weeks."),
            Visit(104, "EMERGENCY DEPARTMENT VISIT", 1, 2,
                  "Dizziness and high blood sugar.",
                  "{pt} presents with dizziness and a fingerstick glucose of 412 mg/dL. No "
                  "ketones. Symptoms began two days ago.",
                  (("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
                   ("E86.0", "Dehydration")),
                  (("96360", "IV infusion, hydration, initial hour"),),
                  ("sodium chloride 0.9% 1,000 mL IV bolus", ("insulin glargine 10 units SC at "
                                                             "bedtime (new)")),
                  "Discharged home after glucose improved to 198 mg/dL. Follow up with primary "
                  "care in 3 days."),
            Visit(108, "OFFICE VISIT", 0, 0,
                  "Emergency department follow-up.",
                  "{pt} seen after emergency visit for hyperglycemia. Tolerating insulin. "
                  "Fasting glucose 150-170 mg/dL.",
                  (("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
                   ("Z79.4", "Long term (current) use of insulin")),
                  (("99214", "Established patient office visit, moderate complexity"),),
                  ("insulin glargine 12 units SC at bedtime", "metformin 1000 mg PO twice daily",
                   "lisinopril 10 mg PO once daily"),
                  "Continue current regimen. Return in 6 weeks."),
        ),
    ),
    "fall_wrist": Theme(
        facilities=("{city} Regional Medical Center Emergency Department",
                    "{org} Hand & Upper Extremity Clinic", "{org} Occupational Therapy"),
        credentials=("DO", "MD", "OTR/L"),
        visits=(
            Visit(0, "EMERGENCY DEPARTMENT VISIT", 0, 0,
                  "Left wrist pain after a fall.",
                  "{pt} is a {age}-year-old {sex} who slipped on a wet floor in a grocery store "
                  "and fell onto an outstretched left hand. Deformity of the distal forearm.",
                  (("S52.532A", ("Colles' fracture of left radius, initial encounter for closed "
                                "fracture")),),
                  (("25600", "Closed treatment of distal radial fracture with manipulation"),
                   ("73110", "X-ray left wrist, 3 views")),
                  ("hydrocodone-acetaminophen 5-325 mg PO every 6 hours as needed, 10 tablets",),
                  "Closed reduction under hematoma block; sugar-tong splint. Hand clinic in one "
                  "week."),
            Visit(7, "HAND CLINIC VISIT", 1, 1,
                  "Left wrist fracture follow-up.",
                  "{pt} seen one week after the fall of {first_visit}. Alignment maintained on "
                  "repeat films.",
                  (("S52.532D", ("Colles' fracture of left radius, subsequent encounter for "
                                "closed fracture with routine healing")),),
                  (("73110", "X-ray left wrist, 3 views"),),
                  ("acetaminophen 1,000 mg PO every 8 hours as needed",),
                  "Short-arm cast applied. Return in 4 weeks."),
            Visit(49, "HAND CLINIC VISIT", 1, 1,
                  "Cast removal.",
                  "{pt} returns for cast removal. Fracture healing. Stiffness of the wrist and "
                  "fingers.",
                  (("S52.532D", ("Colles' fracture of left radius, subsequent encounter for "
                                "closed fracture with routine healing")),),
                  (("29705", "Removal of full arm or short arm cast"),),
                  (),
                  "Removable splint. Occupational therapy referral."),
            Visit(55, "OCCUPATIONAL THERAPY EVALUATION", 2, 2,
                  "Left wrist stiffness.",
                  "{pt} reports difficulty with grip since cast removal; symptoms of numbness "
                  "began in {fuzzy}. Grip strength 12 kg left, 28 kg right.",
                  (("M25.632", "Stiffness of left wrist, not elsewhere classified"),),
                  (("97165", "Occupational therapy evaluation, low complexity"),),
                  (),
                  "Therapy twice weekly for 6 weeks."),
        ),
    ),
}


def vitals(rng: random.Random) -> str:
    """A plausible vital-signs line."""
    return (f"Vitals: BP {rng.randint(112, 152)}/{rng.randint(68, 96)}, HR {rng.randint(62, 104)}, "
            f"Temp {rng.choice(['97.9', '98.2', '98.6', '99.1'])} F, RR {rng.randint(14, 20)}, "
            f"SpO2 {rng.randint(95, 100)}%, Pain {rng.randint(0, 8)}/10")


def _date_text(d: dt.date, i: int) -> str:
    """Encounter dates in rotating formats; the first one is the ambiguous MM/DD/YY."""
    formats = (lambda x: us_date(x, 2), long_date, dt.date.isoformat, dmy_abbrev,
               lambda x: us_date(x, 4, pad=False))
    return formats[i % len(formats)](d)


def medical_record(fk: Faker, theme_name: str, patient: Person | None = None,
                   start: dt.date | None = None,
                   providers: dict[int, Person] | None = None) -> ProseDoc:
    """The chart of ``patient`` (a new person if None) for one clinical story.

    ``start`` is the first visit's date; ``providers`` puts known people (by index into the
    theme's providers) in place of new ones, e.g. a doctor named in a deposition.
    """
    rng: random.Random = fk.rng
    theme = THEMES[theme_name]
    pt = patient or fk.person()
    if start is None:  # a first-visit day of 12 or less that differs from the month: ambiguous
        month = rng.randint(1, 12)
        start = dt.date(rng.randint(2021, 2024), month,
                        rng.choice([d for d in range(1, 13) if d != month]))
    profile = fk.profile(pt)
    dob, home = profile.dob, profile.address
    age = start.year - dob.year - ((start.month, start.day) < (dob.month, dob.day))
    _, org = fk.organisation()
    system = f"{org} Health System"
    facilities = [f.format(city=home.city, org=org) for f in theme.facilities]
    staff = [((providers or {}).get(i) or fk.person(), cred, fk.npi())
             for i, cred in enumerate(theme.credentials)]
    mrn, ssn, member = fk.mrn(), fk.ssn(), fk.member_id()
    plan = rng.choice(["Lone Star Health PPO", "Cardinal Health Plan HMO",
                       "Prairie Mutual Choice POS", "Harbor State Employees Plan"])
    contact = fk.person()

    doc = ProseDoc(kind="medical", title="Medical records")  # no names in file metadata
    p = doc.pii.add
    banner = (f"Patient: {p(pt.last_first, 'PERSON')}    DOB: {p(us_date(dob), 'DATE_OF_BIRTH')}"
              f"    MRN: {p(mrn, 'MEDICAL_RECORD_NUMBER')}")
    custodian = fk.business_address(home.city)
    doc.add("title", p(system.upper(), "ORGANIZATION"))
    doc.add("line", "Health Information Management - Release of Information")
    doc.add("line", p(custodian.line(), "ADDRESS", "quasi"))
    doc.add("heading", "CERTIFIED COPY OF MEDICAL RECORDS")
    doc.add("heading", "PATIENT DEMOGRAPHICS")
    for line in (
        f"Name: {p(pt.full, 'PERSON')}",
        (f"Date of Birth: {p(long_date(dob), 'DATE_OF_BIRTH')}    Sex: "
        f"{'Male' if pt.gender == 'M' else 'Female'}"),
        f"MRN: {mrn}    SSN: {p(ssn, 'US_SSN')}",
        f"Address: {p(home.line(), 'ADDRESS', 'direct')}",
        (f"Phone: {p(profile.phone, 'PHONE_NUMBER')}    E-mail: "
        f"{p(profile.email, 'EMAIL_ADDRESS')}"),
        (f"Health Plan: {p(plan, 'ORGANIZATION')}    Member ID: {p(member, 'MEMBER_ID')}    "
        f"Group: {fk.digits(5)}"),
        (f"Emergency Contact: {p(contact.full, 'PERSON')} "
         f"({rng.choice(['spouse', 'sibling', 'adult child'])}), "
        f"{p(fk.phone(home), 'PHONE_NUMBER')}"),
    ):
        doc.add("line", line)
    p(home.zip, "ZIP")

    visits = theme.visits
    dates = [start + dt.timedelta(days=v.day) for v in visits]
    date_texts = [p(_date_text(d, i), "DATE") for i, d in enumerate(dates)]
    gaps = [(dates[i], dates[i + 1]) for i in range(len(dates) - 1)
            if (dates[i + 1] - dates[i]).days >= 30]
    first_gap = gaps[0]
    fuzzy_day = first_gap[0] + (first_gap[1] - first_gap[0]) / 2
    fuzzy = p(f"early {fuzzy_day:%B}", "DATE")
    ctx = {
        "age": age, "sex": "man" if pt.gender == "M" else "woman",
        "He": pt.pronoun.capitalize(), "he": pt.pronoun, "fuzzy": fuzzy,
        "first_visit": date_texts[0], "gap": (first_gap[1] - first_gap[0]).days,
    }
    encounters: list[dict[str, Any]] = []
    for i, (v, d, when) in enumerate(zip(visits, dates, date_texts, strict=True), 1):
        person, cred, npi = staff[v.provider]
        facility = p(facilities[v.facility], "ORGANIZATION")
        ctx["pt"] = f"{pt.honorific} {p(pt.last, 'PERSON')}"
        doc.add("heading", f"ENCOUNTER {i}: {v.title}")
        doc.add("line", banner)
        doc.add("line", f"Date of Service: {when}")
        doc.add("line", f"Facility: {facility}")
        doc.add("line", f"Provider: {p(person.full, 'PERSON')}, {cred} (NPI {p(npi, 'NPI')})")
        doc.add("line", vitals(rng))
        doc.add("para", f"Chief Complaint: {v.complaint}")
        doc.add("para", "History of Present Illness: " + v.hpi.format(**ctx))
        doc.add("para", "Diagnoses: " + "; ".join(f"{code} {desc}" for code, desc in v.diagnoses))
        if v.procedures:
            doc.add("para", "Procedures: "
                    + "; ".join(f"CPT {code} {desc}" for code, desc in v.procedures))
        if v.medications:
            doc.add("para", "Medications: " + "; ".join(v.medications))
        doc.add("para", f"Disposition/Plan: {v.disposition}")
        stamp = p(d.isoformat(), "DATE")
        title = "Dr." if cred in ("MD", "DO") else person.honorific
        doc.add("line", f"Electronically signed by {title} {p(person.last, 'PERSON')}, {cred} "
                        f"on {stamp} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}")
        encounters.append({"date": d.isoformat(), "date_text": when,
                           "provider": person.full, "facility": facility})
    doc.add("para", "End of records. I certify that the foregoing is a true and complete copy "
                    "of the records maintained by this facility.")
    ambiguous = [fuzzy]
    if start.day <= 12 and start.day != start.month:  # MM/DD/YY also reads as DD/MM/YY
        ambiguous.insert(0, date_texts[0])
    doc.gold = {
        "patient": pt.full,
        "dob": dob.isoformat(),
        "encounters": encounters,
        "gaps": [{"from": a.isoformat(), "to": b.isoformat(), "days": (b - a).days}
                 for a, b in gaps],
        "ambiguous_dates": ambiguous,
    }
    return doc
