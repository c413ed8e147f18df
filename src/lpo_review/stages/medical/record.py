"""Split a medical record into encounters: date of service, provider, facility, what was found
and decided.

An encounter starts at

* a labelled date of service (``Date of Service:``, ``Visit date``, ``Admit Date``,
  ``Arrival:``, ``Date of surgery:``, ``Intake date ......``, ``DOS``, ``Date:``);
* a note's heading that carries a date (``CALLBACK (07/23/2024 14:20)``, ``POSTOPERATIVE DAY 1
  PROGRESS NOTE   12-Jan-2025``, ``ADDENDUM 04/23/2024``);
* a line that opens with a date and goes on in words (a table row: ``11-Feb-2021  Seen by ...``).

A later start on the same date continues the encounter unless it is a new note's heading.
Dates of birth, signature, dictation and print dates, dates of injury, last menstrual period,
future appointments and result-table rows (a date followed by numbers only) never start one.

Inside an encounter, sections (``ASSESSMENT``, ``Plan:``, SOAP ``S:``/``O:``/``A:``/``P:``,
``Recommendation:``, ``Plan of care:``...) are sorted into the chronology's fields; lines
without a heading continue the section above.  Past history sections go to the record's
history, not to a visit.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from lpo_review.tables import pipe_cells
from lpo_review.textdates import FoundDate, find_dates, safe_date
from lpo_review.textnorm import read_ocr_capitals

#: Section headings -> the chronology field they fill (``history``: the record's past
#: history; ``skip``: not part of a chronology).
SECTIONS: dict[str, tuple[str, ...]] = {
    "complaints": ("chief complaint", "cc", "reason for visit", "reason for consultation",
                   "reason for referral", "reason for referral / chief concern", "chief concern",
                   "presenting complaint", "presenting problem", "subjective", "s", "hpi",
                   "history of present illness", "history of present concern", "complaint",
                   "complaints", "symptoms", "interval history", "indications", "indication", "reason"),
    "findings": ("exam", "examination", "physical exam", "physical examination", "objective",
                 "o", "findings", "vitals", "vital signs", "imaging", "radiology",
                 "radiology report", "x-ray", "x-rays", "xray", "mri", "ct", "labs", "lab",
                 "laboratory", "results", "lab results", "pertinent labs", "studies", "data",
                 "ed course", "hospital course", "course", "mental status examination",
                 "mental status exam", "standardized measures", "measurements", "test results",
                 "test result", "observations",
                 "operative findings", "intraoperative findings", "discharge vitals",
                 "medical decision making", "mdm", "functional status", "range of motion"),
    "diagnoses": ("assessment", "a", "impression", "diagnosis", "diagnoses", "dx",
                  "discharge diagnoses", "discharge diagnosis", "final diagnosis",
                  "admitting diagnosis", "working diagnosis", "postoperative diagnosis",
                  "post-operative diagnosis", "preoperative diagnosis", "pre-operative diagnosis",
                  "clinical impression", "problem list", "problem", "problems"),
    "assessment_plan": ("assessment and plan", "assessment & plan", "a/p", "a&p",
                        "impression and plan"),
    "procedures": ("procedure", "procedures", "operation", "surgery", "procedure performed",
                   "procedures performed", "operative procedure", "treatment",
                   "treatment provided", "treatment today", "intervention", "interventions",
                   "injection", "therapy", "anesthesia", "description of procedure"),
    "medications": ("medications", "medication", "meds", "rx", "prescription", "prescriptions",
                    "prescribed", "medications prescribed", "discharge medications",
                    "new medications", "medications given", "medication changes"),
    "plan": ("plan", "p", "disposition", "recommendation", "recommendations", "plan of care",
             "follow-up", "follow up", "followup", "discharge instructions", "orders",
             "treatment plan", "treatment plan / recommendations", "postoperative plan",
             "post-operative plan", "home health", "patient instructions", "instructions",
             "return", "referral", "referrals", "goals", "next steps", "advised", "advice",
             "advice given", "care advice"),
    "work_status": ("work status", "work restrictions", "restrictions", "activity",
                    "return to work", "work", "fit note", "fitness for work", "med3"),
    "history": ("past medical history", "pmh", "past surgical history", "psh",
                "medical history", "surgical history", "past history", "psychiatric history",
                "prior history", "history", "past medical/surgical history"),
    "skip": ("social history", "social", "family history", "family", "allergies", "ros",
             "review of systems", "diet", "code status", "consultants", "releases of information",
             "substance use", "social / developmental history", "risk assessment",
             "immunizations", "insurance", "emergency contact", "pcp", "primary care",
             "referring physician", "referring provider", "patient", "name", "mrn", "sex",
             "age", "address", "phone", "caller", "member id", "chart", "chart #", "dob",
             "mode", "acuity", "language", "subscriber", "guarantor", "preferred pharmacy",
             "e-mail", "email", "fin", "account", "encounter #", "room", "bed", "unit"),
}
_SECTION_OF = {name: section for section, names in SECTIONS.items() for name in names}
#: Labels naming who saw the patient at an encounter.
_PROVIDER_LABELS = frozenset((
    "provider", "physician", "attending", "attending physician", "seen by", "treating physician",
    "clinician", "doctor", "surgeon", "therapist", "author", "rendering provider", "examiner",
    "consultant", "consulting physician", "radiologist", "interpreting physician", "evaluator",
    "nurse practitioner", "physician assistant", "app", "performed by", "signed by",
    "taken by", "provider name", "treating provider", "nurse", "therapist name", "read by",
    "interpreted by", "reported by", "dictated by", "completed by", "assessed by", "evaluated by",
    "documented by", "entered by", "note by", "recorded by", "treating therapist",
    "sign information", "signature information", "verified by"))
#: A label naming the provider by role, whatever its qualifier ("ED physician", "Treating
#: clinician", "Reading radiologist", "Rehab physician of record", "Call taken by"), not one
#: naming another doctor ("Referring physician", "Ordering provider", "PCP").
_PROVIDER_ROLE_LABEL = re.compile(
    r"(?!(?:referring|ordering|requesting|primary|usual|family|cc|copy|copies|pcp|supervising)\b)"
    r"(?:[a-z&/.\-]+ ){0,2}(?:physician|clinician|radiologist|surgeon|provider|therapist|"
    r"proceduralist|practitioner|examiner|psychologist|doctor)(?: of record)?"
    r"|(?:call )?(?:taken|seen|performed|documented|written|authored|dictated|treated) by")


#: A provider field's value that names someone (letters or a placeholder), not a time.
_NAMES_SOMEONE = re.compile(r"[A-Za-z<]{2}")


def _provider_label(label: str) -> bool:
    """Whether a field's label (lower case, one space) names who saw the patient."""
    return label in _PROVIDER_LABELS or _PROVIDER_ROLE_LABEL.fullmatch(label) is not None


#: A message of a patient portal's thread, its sender and when it was sent ("> Caius Morrow,
#: RN | Dec 3, 2024 8:22 AM", "> Imelda Vantassel | Dec 2, 2024 9:18 PM").
_MESSAGE_HEAD = re.compile(r"^[ \t]*>[ \t]*(?P<who>[^|\n]{2,80}?)[ \t]*\|[ \t]*\S")
#: A thread's subject line ("Conversation: "Refill request: methotrexate"", "Subject: ...").
_THREAD = re.compile(r"^[ \t]*(?:conversation|subject|thread)[ \t]*:[ \t]*(?P<title>.+)$", re.I)
#: A thread about an errand, not care: refills, appointments, reminders, bills, forms.
_ERRAND = re.compile(r"\b(?:refill|renew\w*|appointment|reminder|reschedul\w*|missed|bill\w*|"
                     r"payment|prescription[ \t]+sent|form|records?[ \t]+request|insurance)\b", re.I)

#: Labels of a note's title: "Document: Progress Note - Hospitalist", "DOC TYPE......: ...".
_TITLE_LABELS = frozenset(("document", "document type", "doc type", "note title", "report type",
                           "local title", "standard title"))
#: The kind of note in a column after its date: "Type: Physician/NP Visit - Routine (60 day)".
_TYPE_CELL = re.compile(r"(?:note[ \t]+|visit[ \t]+|encounter[ \t]+)?type:[ \t]*(?P<kind>\S.{2,80})",
                        re.I)
#: Who filed a paper, not who wrote it: "Scanned by ...", "Indexed by ...".
_FILED_BY = re.compile(r"(?:scanned|indexed|uploaded|imported|received|filed)[ \t]+by\b", re.I)
_FACILITY_LABELS = frozenset(("facility", "location", "clinic", "hospital", "site",
                              "department", "practice", "place", "place of service",
                              "place of examination"))

_LABELLED = re.compile(r"^[ \t]*(?P<label>[A-Za-z][A-Za-z /()&'\-]{0,48}?)[ \t]*(?:\.{3,}:?|:)"
                       r"[ \t]*(?P<value>.*)$")
_HEADING = re.compile(r"^[ \t]*(?P<label>[A-Z][A-Z /()&'.,\-]{1,60}?)[ \t]*:?[ \t]*$")
#: A date-of-service label, right before its date ("Date of Service:", "Intake date .....",
#: "Arrival Date/Time:", "7. Date of first examination or treatment (this office):" of a form).
_SERVICE_LABEL = re.compile(
    r"(?:^|[ \t]{2,}|\t|\|)[ \t]*(?:\d{1,2}[a-z]?\.[ \t]+)?(?:(?:ED|ER|OR|UC|ICU|PT|OT)[ \t]+)?"
    r"(?P<label>(?:date[ \t]+of[ \t]+first[ \t]+(?:examination|exam|visit|treatment)"
    r"(?:[ \t]+or[ \t]+treatment)?(?:[ \t]*\([^)]{0,30}\))?|"
    r"arrival[ \t]+date(?:[ \t]*/[ \t]*time)?|attendance[ \t]+date|date[ \t]+of[ \t]+attendance|"
    r"date[ \t]+of[ \t]+(?:(?:initial|final|last|follow[- ]?up|this|re-?)[ \t]*)?"
    r"(?:service|visit|admission|"
    r"discharge|procedure|surgery|operation|exam(?:ination)?|consult(?:ation)?|encounter|evaluation|"
    r"intake|delivery|"
    r"call|contact|session|treatment|note)|dos|"
    r"service[ \t]+date|visit[ \t]+date|encounter[ \t]+date|admission[ \t]+date|admit[ \t]+date|"
    r"(?:session|treatment|therapy|appointment|appt\.?|call|contact|telephone|phone|effective)"
    r"[ \t]+date|"
    r"discharge[ \t]+date|procedure[ \t]+date|surgery[ \t]+date|operation[ \t]+date|"
    r"exam(?:ination)?[ \t]+date|intake[ \t]+date|test(?:ing)?[ \t]+date|"
    r"arrival|admitted|arrived|evaluation[ \t]+date|note[ \t]+date|seen[ \t]+on|date[ \t]+seen|"
    r"clinic[ \t]+(?:date|visit)|office[ \t]+visit(?:[ \t]+date)?|consult(?:ation)?[ \t]+date|"
    r"study[ \t]+date|date[ \t]+of[ \t]+(?:study|examination|test(?:ing)?)|"
    r"date(?:[ \t]*/[ \t]*time)?|(?:surgery|operation|procedure|discharged?|admission|visit|"
    r"consult(?:ation)?|exam|re-?exam(?:ination)?|examination)(?=[ \t]*:)))"
    r"(?:[ \t]*/[ \t]*time)?[ \t]*(?:\.{2,}:?|[:#\-])?[ \t]*"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]*)?(?:the[ \t]+)?$", re.I)
#: What a labelled date of service says about the visit.
_VISIT_OF_LABEL = (("admi", "Admission"), ("discharge", "Discharge"), ("surgery", "Surgery"),
                   ("operation", "Surgery"), ("procedure", "Procedure"),
                   ("consult", "Consultation"), ("intake", "Intake"), ("arriv", "Arrival"),
                   ("evaluation", "Evaluation"), ("call", "Telephone call"),
                   ("phone", "Telephone call"))
_NOT_TREATMENT = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born|signed|signature|"
    r"e-?signed|printed|print[ \t]+date|generated|dictated|transcribed|faxed|received|produced|"
    r"subpoena|"
    r"date[ \t]+of[ \t]+injury|DOI|injury[ \t]+date|next[ \t]+appointment|scheduled|"
    r"follow[- ]?up[ \t]+(?:on|appointment)|return[ \t]+(?:on|visit)|LMP|last[ \t]+menstrual|"
    r"due|expires?|on[ \t]+file|effective|through|reviewed[ \t]+on)\b", re.I)
#: An account's entry, not a visit: a payment, an adjustment or a balance with its amount
#: ("2023-12-08  -----  Insurer payment (Sun Harbour Life)   -1,500.00").
_ACCOUNT_ENTRY = re.compile(r"\b(?:payments?|pmt|adjustments?|write[- ]?off|refund|balance[ \t]+"
                            r"(?:due|forward)|credit[ \t]+(?:applied|balance))\b", re.I)
#: A ledger's charge: a procedure code, with its modifier, right after the date ("2023-03-03
#: 32222  Replantation ... 420.00", "03/14/24  99204  25  New patient E/M ... 325.00",
#: "11/04/2024  90791-95 feedback").
_CHARGE_CODE = re.compile(r"[ \t|]*(?:(?:\d{5}|D\d{4}|[A-Z]\d{4})(?:-[0-9A-Z]{2})?|-{3,})(?=[ \t])")
_AMOUNT = re.compile(r"-?\$?\d{1,3}(?:,\d{3})*\.\d{2}\b")
#: The label of a grid's row of visit dates ("| Date | 3/18/24 | 3/21/24 |") and a rule between
#: its rows ("+------+------+").
_GRID_DATE_LABEL = re.compile(r"(?i:dates?(?:[ \t]+of[ \t]+(?:service|visit))?|dos|visit[ \t]+dates?|"
                              r"service[ \t]+dates?)")
_GRID_RULE = re.compile(r"[+|=\-][+|=\- ]*")
#: An appointment not kept, right after its date: "4/8/24   Pt cancelled - child ill.",
#: "4/15/24  NO SHOW."
_NOT_KEPT = re.compile(
    r"[ \t:|\-\u2013\u2014]*(?:\d{1,2}:\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t:|\-\u2013\u2014]*)?"
    r"(?:(?:pt\.?|patient)[ \t]+)?(?:cancel+ed|no[- ]?show|did[ \t]+not[ \t]+(?:show|attend|come|"
    r"keep)|failed[ \t]+to[ \t]+(?:show|attend|keep)|missed[ \t]+(?:appointment|appt|visit)|"
    r"rescheduled|DNKA)\b", re.I)
#: A dated addendum to a note ("10/24/2024 ADDENDUM   STATUS: COMPLETED"): a correction of an
#: earlier note, no visit of its own.
_ADDENDUM_AFTER = re.compile(r"[ \t]*[-:]?[ \t]*addendum\b", re.I)
#: A dated log row the front office wrote: "2/9/2024  FO   Claim for 2/7/2024 services
#: submitted", "07/30/2024  Billing  Statement mailed".
_ADMIN_ROW = re.compile(r"^[ \t]*\d{1,2}/\d{1,2}/\d{2,4}[ \t]+(?:\d{1,2}:\d{2}[ \t]+)?(?:FO|F/O|FD|"
                        r"(?i:front[ \t]+(?:office|desk)|billing|scheduling|scheduler|reception|"
                        r"registration|clerk))\b[ \t]")
#: A flowsheet's row for a visit not kept: "05/07/24 | - | - | - |CX - patient cancelled", or a
#: ledger's with its columns empty but the clerk's initials: "07/15/19  --   FD  --    NO SHOW".
_ROW_NOT_KEPT = re.compile(r"^[ \t]*\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]*\|(?:[ \t]*-[ \t]*\|){2,}|"
                           r"(?:[ \t]+(?:-{1,2}|[A-Z]{2,3}))*[ \t]+-{1,2}(?:[ \t]+(?:-{1,2}|[A-Z]{2,3}))*)"
                           r"[ \t]*(?:CX|NS|(?i:cancel\w*|no[- ]?show|(?:clinic|office)[ \t]+closed|"
                           r"did[ \t]+not[ \t]+attend))\b")
#: A visit log's row whose last column says the visit did not happen ("11/27/2024  PT
#: Treatment   R. Tennant-Vale, PT   --   --   MISSED", "...   Status: DNA").
_STATUS_NOT_KEPT = re.compile(r"[ \t]{2,}(?:status[ \t]*:[ \t]*)?(?:missed|no[- ]?show|cancel+ed"
                              r"(?:[ \t]+by[ \t]+\w+|[ \t]*-[ \t]*(?:no[ \t]+)?[a-z][\w ]{0,24})?|"
                              r"not[ \t]+seen|dnka|dna|did[ \t]+not[ \t]+attend)"
                              r"[ \t.]*$", re.I)
#: Words of a note's heading: a heading with one of them and a date starts a new encounter.
_NOTE_WORDS = re.compile(
    r"\b(?:note|visit|encounter|report|consult\w*|evaluation|re-?evaluation|callback|call|"
    r"telephone|phone|review|session|procedure|operative|operation|surgery|admission|"
    r"discharge|summary|follow-?up|intake|assessment|H&P|progress|treatment|therapy|"
    r"emergency|ED|clinic|contact|conference|rounds|exam|examination|physical|check-?up|"
    # a program's session record: "DAILY LOG #1   MON SEP 09 2024"
    r"daily[ \t]+(?:log|note))\b", re.I)
#: Credentials of those who write notes, after a name ("K. Odom, PA-C") or in a column of
#: their own ("1430  LPN  Dana Whitfield").
_CREDENTIALS = (r"(?:MD|M\.D\.|DO|D\.O\.|PA-C|PA|NP|FNP|APRN|RN|LPN|LVN|CNA|PT|DPT|PTA|OT|OTR|OTA|"
                r"SLP|RT|RD|MSW|LCSW|LMFT|PhD|PsyD|DC|CNM|CRNA|MBBS|FRCSC|FRCPC|DMD|DDS|LPC|LPCC|"
                r"LMHC|LCPC|LICSW|LLMSW|LMSW|PMHNP(?:-BC)?|CRNP|FRCS|MRCP|MRCGP|CCC-SLP)")
_CREDENTIAL = re.compile(r",?[ \t]+" + _CREDENTIALS + r"(?!\w)")
_SIGNED = re.compile(r"\b(?:electronically[ \t]+)?signed(?:[ \t]+electronically)?(?:[ \t]+by)?"
                     r"[ \t]*:?[ \t]*(?P<who>.+?)(?:[ \t]+on\b|[ \t]{2,}|[ \t]+\d|$)", re.I)
#: Kinds of facility that come before the name abroad ("Klinikum Westrich", "Hôpital Saint-Louis").
_KINDS_ABROAD = (r"klinikum|klinik|krankenhaus|spital|h[oô]pital|ospedale|radiologie|praxis|"
                 r"clinique|cl[ií]nica")
_FACILITY_WORDS = re.compile(
    r"\b(?:hospital|medical[ \t]+cent(?:er|re)|clinic|health|healthcare|medicine|"
    r"orthop(?:a)?edics|physical[ \t]+therapy|physiotherapy|chiropractic|rehab\w*|associates|"
    r"center|centre|practice|(?:tele)?radiology|laboratory|pharmacy|institute|counsel(?:l)?ing|psychiatry|"
    r"psychology|pllc|"
    r"urgent[ \t]*care|infirmary|surgery[ \t]+center|imaging|group|physicians|specialists|"
    # an English GP practice, its name then "Surgery" at the line's end: "ORCHARD MEAD SURGERY"
    r"(?<=[A-Za-z][ \t])surgery(?=[ \t]*$)|"
    # a professional corporation's form after its name: "WICOMB RIDGE SPINE & PAIN, P.A."
    r"(?<=,[ \t])p\.?[ac](?=\.?[ \t]*$)|"
    r"nursing[ \t]+home|home[ \t]+health|hospice|surgical[ \t]+associates|"
    r"fire[ \t]+(?:district|department|rescue)|ems|ambulance(?:[ \t]+service)?|"
    # records from abroad: "KLINIKUM WESTRICH", "Krankenhaus", "Hôpital", "Ospedale"
    r"hospitalet|ziekenhuis|dental|dentistry|oral[ \t]+(?:&|and)[ \t]+maxillofacial[ \t]+surgery|"
    + _KINDS_ABROAD + r")\b", re.I)
#: A facility named kind first, as abroad: "KLINIKUM WESTRICH", "RADIOLOGIE AM SCHLOSSBERG".
_KIND_FIRST = re.compile(r"(?:" + _KINDS_ABROAD + r")[ \t]+\w", re.I)
#: Words of a note's title, which is no facility's name.
_NOTE_TITLE = re.compile(r"\b(?:consultation|consult|note|report|assessment|intake|summary|"
                         r"visit|encounter|evaluation|examination|record|history|instructions|"
                         r"plan|letter|correspondence|request|e-?fax|addendum|message)\b", re.I)
_PAIN = re.compile(r"\b(?:pain|vas|nrs)\b[^\n.;]{0,40}?\b(?P<score>\d{1,2}(?:-\d{1,2})?)[ \t]*/[ \t]*10\b"
                   r"|\b(?P<score2>\d{1,2})[ \t]*/[ \t]*10\b[^\n.;]{0,12}\bpain\b", re.I)
_WORK = re.compile(
    r"\b(?:off[ \t]+work|no[ \t]+work|modified[ \t]+duty|light[ \t]+duty|restricted[ \t]+duty|"
    r"full[ \t]+duty|return(?:ed)?[ \t]+to[ \t]+(?:full[ \t]+|regular[ \t]+)?work|"
    r"out[ \t]+of[ \t]+work|excused[ \t]+from[ \t]+(?:work|school)|unable[ \t]+to[ \t]+work|"
    r"may[ \t]+return[ \t]+to[ \t]+(?:work|school))[^\n.;]*", re.I)
#: A note signed off with a dash and a name: "    - R. Mehta", "- <PERSON_3>".
_DASH_SIGNATURE = re.compile(r"^[ \t]*[-\u2013\u2014]+[ \t]*(?:<PERSON_\d+>|(?:Dr\.?[ \t]+)?"
                             r"(?:[A-Z]\.[ \t]*)?[A-Z][A-Za-z'\-]+(?:[ \t]+[A-Z][A-Za-z'\-]+)?)"
                             r"(?:,?[ \t]+[A-Z]{2,5})?[ \t]*$")
#: One word after a dash is a list's item ("    - Hypertension"), no signature.
_DASH_ITEM = re.compile(r"^[ \t]*[-\u2013\u2014]+[ \t]*[A-Z][a-z'\-]+[ \t]*$")
#: What may come before a date that opens an entry: nothing, or its weekday ("Mon 3/4/24").
_WEEKDAY_WORD = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_WEEKDAY = re.compile(f"(?:{_WEEKDAY_WORD})?", re.I)
_TRAILING_WEEKDAY = re.compile(rf"(?<![\w<])(?:{_WEEKDAY_WORD})[ \t]*$", re.I)
#: A signature at the end of a note's last line: "Notified NP. -- Hyun-woo Cho, RD, LD".
_TRAILING_SIGNATURE = re.compile(r"[ \t][-\u2013\u2014]{2}[ \t]*(?P<who>(?:<PERSON_\d+>|[A-Z][\w'\-]+"
                                 r"(?:[ \t]+[A-Z][\w'\-]+){0,2}),[ \t]*[A-Z]{2,5}\b.*)$")
_MONTH_DAY_ENTRY = re.compile(
    rf"^[ \t]*(?:{_WEEKDAY_WORD}[ \t]+)?"
    r"(?P<md>(?P<a>\d{1,2})/(?P<b>\d{1,2}))[ \t]+\d{1,2}:\d{2}[ \t]+(?=[A-Z]{4,})"
    # an inpatient stay's notes: "Arrival: 12/01 1432", "HD#2 (12/02) PROGRESS NOTE"
    r"|^[ \t]*(?i:arrival|admi(?:tted|ssion)|discharged?|date)[ \t]*:[ \t]*"
    r"(?P<md2>(?P<a2>\d{1,2})/(?P<b2>\d{1,2}))(?![/\d])"
    r"|^[ \t]*(?:HD|POD|Hospital[ \t]+Day)[ \t]*#?[ \t]*\d{1,3}[ \t]*\("
    r"(?P<md3>(?P<a3>\d{1,2})/(?P<b3>\d{1,2}))\)"
    # a titled note's date column: "[MSW] PSYCHOSOCIAL ASSESSMENT      Date: 4/3   Time 10:00"
    r"|^[ \t]*(?:\[[A-Z]{1,5}\][ \t]+)?[A-Z][A-Z /&\-]{3,60}[ \t]{2,}(?i:date)[ \t]*:[ \t]*"
    r"(?P<md4>(?P<a4>\d{1,2})/(?P<b4>\d{1,2}))(?![/\d])")
#: A provider named in a line of a visit log: "DC Petrosyan", "PT Whitfield", "Dr. <PERSON_3>",
#: "<PERSON_2>, RN".
_PROVIDER_PIECE = re.compile(
    r"(?:(?:Dr\.?|Mrs?\.?|Ms\.?|Prof\.?|DC|D\.C\.|PT|DPT|PA|NP|RN|MD|DO|OT|LCSW)[ \t]+"
    r"(?:[A-Z]\.[ \t]*){0,2}(?:<PERSON_\d+>|[A-Z][\w'\-]+"
    r"(?:[ \t]+[A-Z][\w'\-]+)?)|(?:<PERSON_\d+>|[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+)?),[ \t]*"
    r"(?:MD|DO|PA-C|NP|RN|PT|DPT|DC|D\.C\.|OT|LCSW|PharmD|RPh|APRN|FNP|LPN|OD))")
_END_OF_RECORDS = re.compile(r"^(?:end of (?:the )?(?:records?|report|document)|i (?:hereby )?"
                             r"certify|certification of records)\b", re.I)
#: Page furniture of a production, not the record: a fax machine's header ("01/22/2025 14:03
#: FAX 5550134  RIVERBEND ORTHO  @004/017"), a printout's running line ("Printed 03/04/2025 -
#: Page 2 of 2"), a Bates stamp alone on its line ("RIVERBEND 000004").
_PAGE_FURNITURE = re.compile(
    r"\b(?:fax|from:?|to:?)\b.*(?:\bpage[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?\b|"
    r"[@#pP]?\d{3}[ \t]*/[ \t]*\d{3}\b)"
    r"|\bpage[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}\b"
    # a fax machine's line: "Oct 15 2024 10:42AM   TRI-COUNTY ORTHO ...   P. 2/5"
    r"|\d{1,2}:\d{2}.*[ \t](?:p\.|pg\.?)[ \t]*\d{1,3}[ \t]*(?:/|of)[ \t]*\d{1,3}[ \t]*$"
    r"|(?-i:^[ \t]*[A-Z][A-Z&.\-]*(?:[ _][A-Z][A-Z&.\-]*){0,3}[ _-]?\d{4,9}[ \t]*$)", re.I)
#: A rule drawn across the page: "=====", "------", "* * * *".
_RULE = re.compile(r"[=\-_*~#+ \t]{4,}")
#: A report's reference number beside its title: "Accession: XR-24-0312-0877", "Case #: 4471".
_REFERENCE_CELL = re.compile(r"(?i:accession|order|case|report|study|exam|requisition|encounter|"
                             r"specimen|lab)[ \t]*(?:no\.?|number|#|id)?[ \t]*[:#][ \t]*"
                             r"[A-Z0-9][\w\-/.]*")
#: A list of orders or of doses given, whose dated rows are no visits: a nursing home's
#: "PHYSICIAN ORDER SHEET", a "MEDICATION ADMINISTRATION RECORD".
_ORDER_LISTING = re.compile(r"\b(?:order[ \t]+sheet|physician(?:'s)?[ \t]+orders|telephone[ \t]+"
                            r"orders|order[ \t]+log|medication[ \t]+administration[ \t]+record)\b",
                            re.I)
#: The heading of a list whose dated rows are no visits: a chart's contents, a problem list, an
#: immunization or dispensing history ("CHART CONTENTS (all entries 03/11/2025 - ...)",
#: "Active problems", "PHARMACY DISPENSING HISTORY (external claims feed)").  The list runs to
#: the next blank line or rule.
_LISTING = re.compile(
    r"(?:chart[ \t]+|table[ \t]+of[ \t]+)?contents|(?:[\w'&]+[ \t]+){0,2}index|summary|"
    r"(?:adjuster(?:'s)?|claims?)[ \t]+(?:diary|notes|log)|diary|growth(?:[ \t]+and[ \t]+vitals)?|"
    r"(?:vitals?|vital[ \t]+signs)[ \t]+(?:flowsheet|history|trend)|(?:scheduling|appointment)[ \t]+"
    r"(?:log|history)|"
    # an inpatient print's nursing flowsheets: "FLOWSHEET: ADULT BRADEN / SKIN ASSESSMENT"
    r"flowsheet[ \t]*:.*|"
    r"(?:active|past|resolved|inactive|chronic|current)?[ \t]*problems?(?:[ \t]+list)?|"
    # a production's index: "INDEX OF RECORDS PRODUCED"
    r"index[ \t]+of[ \t]+(?:the[ \t]+)?(?:records|documents|exhibits)(?:[ \t]+produced)?|"
    # an examiner's summary of other providers' records: "RECORDS REVIEWED", "Review of records"
    r"(?:(?:medical|prior|outside)[ \t]+)?(?:records?|documents?)[ \t]+(?:reviewed|review(?:ed)?[ \t]+"
    r"for[ \t]+this[ \t]+(?:report|evaluation))|(?:records?|documents?)[ \t]+review|review[ \t]+of[ \t]+"
    r"(?:the[ \t]+|available[ \t]+|prior[ \t]+)?(?:medical[ \t]+)?records|"
    r"(?:assessment|mds|document|forms?)[ \t]+(?:history|log|list)|"
    # the minutes of one resuscitation, recorded by a nurse: "TIME LOG", "EVENT LOG"; calls and
    # messages: "PATIENT CONTACT LOG", "Telephone log"
    r"(?:time|event|activation|resuscitation)[ \t]+log|(?:patient[ \t]+|follow[- ]?up[ \t]+)?(?:contact|"
    r"telephone|phone|call|message)[ \t]+log|"
    # letters and releases of the chart: "CORRESPONDENCE / ROI LOG"; a tooth chart's state
    r"(?:correspondence|roi|release[ \t]+of[ \t]+information|disclosure)(?:[ \t]*/[ \t]*(?:roi|"
    r"release[ \t]+of[ \t]+information))?[ \t]+(?:log|history|tracking)|"
    r"(?:tooth|dental|periodontal|odontogram)[ \t]+chart(?:[ \t]+summary)?|"
    # what went out and was billed, not care: "OPTICAL, CORRESPONDENCE AND BILLING"
    r"(?:optical|correspondence|billing|payments|letters)(?:(?:,|[ \t]+and|[ \t]*&|[ \t]*/)[ \t]*"
    r"(?:optical|correspondence|billing|payments|letters))+|correspondence|"
    # what was billed, not what was done: "BILLING SUMMARY (account 40-11873)", "LEDGER"
    r"(?:billing|charge|account)[ \t]+(?:summary|history|ledger|statement|detail)|(?:patient[ \t]+)?"
    r"ledger|itemi[sz]ed[ \t]+(?:bill|statement)|statement[ \t]+of[ \t]+account|"
    r"(?:billing|charges)(?:[ \t]*[-\u2013\u2014:][ \t]*[\w&/ ,.'-]{1,60})?|"
    # authorisations and bookings: "AUTHORIZATION AND SCHEDULING LOG"
    r"(?:[\w'&]+[ \t]+){0,3}(?:scheduling|authori[sz]ations?|referrals?)[ \t]+(?:log|history)|"
    # a calendar of visits whose notes follow: "VISIT CALENDAR (summary; see notes ...)"; the
    # orders sent to and signed by the physician: "PHYSICIAN ORDERS / PLAN OF CARE LOG"
    r"(?:(?:visit|appointment|therapy|treatment|schedule)[ \t]+)?calendar|(?:physician[ \t]+)?"
    r"orders?(?:[ \t]*/[ \t]*plan[ \t]+of[ \t]+care)?[ \t]+log|plan[ \t]+of[ \t]+care[ \t]+log|"
    # a portal's list of booked visits, kept or not: "APPOINTMENTS (past and upcoming)"
    r"(?:past[ \t]+)?appointments(?:[ \t]+(?:list|history))?|"
    r"(?:immuni[sz]ations?|vaccinations?)(?:[ \t]+(?:administered|given|recorded|on[ \t]+file)\b.*)?|"
    r"(?:current|repeat|active|home)[ \t]+medications?|"
    # a GP print's issues: "MEDICATION - ACUTE (past)", "MEDICATION - REPEAT TEMPLATES"
    r"medications?[ \t]*[-\u2013\u2014:][ \t]*(?:acute|repeat|current|past|active|discontinued)"
    r"(?:[ \t]+[\w'&]+){0,2}|"
    r"medication[ \t]+list|(?:[\w'&]+[ \t]+){0,3}(?:pharmacy|prescription|dispensing|fill|refill|rx)"
    r"(?:[ \t]+[\w'&\-]+){0,3}[ \t]+history|(?:upcoming|future|scheduled)[ \t]+appointments",
    re.I)
#: A heading that says its dated rows are no visits: "... LOG (not visits)".
_NOT_VISITS = re.compile(r"\([^()]*\bnot[ \t]+(?:visits?|encounters?)\b[^()]*\)$", re.I)
#: A table's heading row of a dispensing history ("Fill Date  Rx#  Drug / Strength  Qty") or of
#: a production's index.
_LISTING_COLUMNS = re.compile(r"(?:^|[ \t]{2,})(?:fill(?:ed)?[ \t]+date|date[ \t]+(?:filled|"
                              r"dispensed)|rx[ \t]*#|ndc|days[ \t]+supply|"
                              # a production's index of its sources: "Provider  Dates of service
                              # Received"
                              r"(?:date[ \t]+)?received|bates(?:[ \t]+(?:range|no\.?|number|#))?|"
                              # an EHR print's index of the encounters its notes tell: "Date
                              # Type   Department   Provider / Description"
                              r"type(?=[ \t]{2,}department\b))(?=[ \t]{2,}|$)", re.I)
#: The letter or number of a production's part before its heading: "SECTION C -- ", "Part 2: ".
_PART_PREFIX = re.compile(r"^[ \t]*(?:(?i:section|part|tab)[ \t]+(?:[A-Z]|\d{1,2}|[IVX]{1,4})[ \t]*"
                          r"(?:--|[-\u2013\u2014:.])[ \t]*(?=[A-Z])|[A-Z][.)][ \t]+(?=[A-Z]{3,}))")
#: When a list was run, after its heading: "ACCOUNT SUMMARY (professional fees)   run 05/27/2025".
_LISTING_RUN = re.compile(r"[ \t]+(?:run|printed|as[ \t]+of)[ \t]+[\d/.\-]+$", re.I)
#: A letter's words for the visit it reports: "whom I saw in consultation on", "was seen".
_SEEN_ON = re.compile(r"\b(?:(?:I|we)[ \t]+(?:saw|examined|evaluated)|(?:was|were)[ \t]+seen|(?:seen|"
                      r"(?:I|we)[ \t]+reviewed[ \t]+\S+(?:[ \t]+\S+)?)[ \t]+(?:by[ \t]+me[ \t]+)?in[ \t]+"
                      r"(?:clinic|consultation|(?:the[ \t]+)?office))\b", re.I)
#: A letter's salutation: "Dear Dr. Okafor-Lind:".
_DEAR = re.compile(r"^Dear[ \t]+(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?(?P<name>[^:,]+)[:,]")
#: The longest line that may be a date alone ("Wednesday, September 24, 2024").
_DATE_LINE_CHARS = 32
#: How many lines into a letter its visit's date is looked for.
_LETTER_REACH = 16
#: An ambulance's run report, whose incident date is the day of the care it records.
_EMS = re.compile(r"\b(?:EMS|ambulance|patient[ \t]+care[ \t]+report|run[ \t]+report|prehospital|"
                  r"paramedic|fire[ \t]+(?:district|department|rescue))\b", re.I)
_INCIDENT_LABEL = re.compile(r"(?:^|[ \t]{2,}|\t|\|)[ \t]*(?P<label>incident[ \t]+date|date[ \t]+of"
                             r"[ \t]+(?:incident|call|run)|(?:call|run|dispatch)[ \t]+date)[ \t]*"
                             r"(?:\.{2,}:?|[:#\-])?[ \t]*$", re.I)
#: How many lines after a line that names an ambulance service its incident date is still the
#: run's ("Agency: Port Sellwood Fire Department - EMS Division" ... "Incident Date ....").
_EMS_REACH = 8
#: Papers about care that record no visit: a utilization review's determination, a denial or
#: an authorization, an explanation of benefits; a no-show's note, a result released to the
#: patient, an administrative note, a VA note filing outside ("non-VA") care.
_NOT_A_VISIT = re.compile(r"\butilization[ \t]+review\b|\bno[- ]?show[ \t]+note\b|\bresults?[ \t]+"
                          r"release\b|\badministrative[ \t]+note\b|\bnon-va[ \t]+care\b|"
                          r"\b(?:notice|letter)[ \t]+of[ \t]+(?:adverse[ \t]+)?determination\b|"
                          r"\bexplanation[ \t]+of[ \t]+benefits\b|\bdenial[ \t]+(?:letter|notice)\b|"
                          r"\bprior[ \t]+authori[sz]ation\b|\bscheduling[ \t]+only\b|"
                          # a GP system's entries that are no consultation
                          r"^test[ \t]+results?$|"
                          r"^letter(?:[ \t]*/[ \t]*document)?[ \t]*(?:-[ \t]*)?(?:in|out)\b|"
                          r"\bdid[ \t]+not[ \t]+attend\b|"
                          # a call between professionals about the patient; a physician's
                          # certificate that a visit happened ("Face-to-Face Attestation")
                          r"\bno[ \t]+patient[ \t]+contact\b|\battestation\b|"
                          # a physician reading papers sent to them, no patient seen
                          r"\brecords?[ \t]+review(?:[ \t]+only)?\b|"
                          # a clerk's entry: a letter filed, a repeat prescription issued
                          r"^(?:document|scanned[ \t]+document|letter[ \t]+received|"
                          r"administrative[ \t]+note|admin(?:istration|istrative)?(?:[ \t]+note)?|"
                          r"medication[ \t]+issue\b.*|repeat[ \t]+(?:prescription|medication)\b.*|"
                          r"refill(?:[ \t]+(?:request|only|authori[sz]ation))?|.*[(-][ \t]*"
                          r"administrative\)?)$",
                          re.I)
#: An account or record number in a patient's banner line.
_BANNER = re.compile(r"\b(?:account|acct|mrn|mr[ \t]*#|fin|hospital[ \t]+no)\b", re.I)
#: A slip a visit hands out, part of that visit: "WORK STATUS REPORT   Date: 1-8-24".
_SLIP = re.compile(r"\b(?:work|duty|school|return[ \t]+to[ \t]+work|disability|excuse|restrictions?|"
                   r"certificate|fit[ \t]+note)\b", re.I)
#: An entry by the front office, not care: "REFERRAL STATUS  05/28/2025  (front desk)".
_CLERK = re.compile(r"\bfront[ \t]+desk\b|\bscheduling[ \t]+(?:note|entry)\b|\breferral[ \t]+"
                    r"(?:status|coordinator)\b|\bregistration\b|\breception(?:ist)?\b|\bmedical[ \t]+"
                    r"secretary\b|\brecords?[ \t]+clerk\b|\b(?:surgical|surgery)[ \t]+scheduling\b|"
                    # a fax's cover sheet, a form the patient filled in
                    r"\bincluding[ \t]+(?:this[ \t]+|the[ \t]+)?cover\b|\bcover[ \t]+sheet\b|"
                    r"\bfax[ \t]+(?:transmittal|cover)\b|\bquestionnaire\b|"
                    r"\bintake[ \t]+form\b", re.I)
#: A note's author in columns after its date and time: a credential, then the name
#: ("03/01/2025 1430  LPN  Dana Whitfield  (Day)").
_CREDENTIAL_COLUMN = re.compile(
    r"(?:^|[ \t]{2,})(?P<credential>" + _CREDENTIALS + r")[ \t]{2,}"
    r"(?P<name><PERSON_\d+>|[A-Z][\w.'\-]*(?:[ \t][A-Z][\w.'\-]*){0,3})(?=[ \t]{2,}|[ \t]*$)")
#: A note's time and its author's credential after its date: the shift's next note, another
#: entry even on the same day ("03/02/2025 2245  RN  Jolene Marsh  (Evening)").
_TIMED_AUTHOR = re.compile(r"[ \t]+(?:[01]?\d|2[0-3]):?[0-5]\d[ \t]{2,}" + _CREDENTIALS
                           + r"\b")
#: A name with its credentials after it: "Leah Tomczak, PT, DPT", "<PERSON_3>, MD, FACS".
_CREDENTIAL_AFTER = re.compile(r"(?:<PERSON_\d+>|[A-Z](?:[\w'\-]+|\.)(?:[ \t]+[A-Z][\w.'\-]+){0,2}),"
                               r"[ \t]*"
                               + _CREDENTIALS + r"(?:,[ \t]*[A-Z][A-Za-z\-]{1,6})*")
#: The gap between two columns of a line (two spaces or more).
_COLUMN_GAP = re.compile(r"[ \t]{2,}")
#: A column cell of a line: text up to a tab, a column gap or the line's end.
_CELL = re.compile(r"[^\t]+?(?=\t|[ ]{2,}|$)")
#: A place inside a hospital, which is no facility: "Burn Unit, Bed 4", "Room 312", "4 West".
_WARD = re.compile(r"\b(?:unit|bed|room|rm|floor|ward|bay|pod|icu|pacu|or)\b", re.I)
#: A line that stops at a preposition: the next line's date finishes its sentence.
_OPEN_PREPOSITION = re.compile(r"\b(?:on|of|from|since|until|till|to|at|by|in|and|the|dated|"
                               r"scheduled|rescheduled|booked|due)$", re.I)
#: A dash between the parts of a note's heading.
_DASHED = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+")
#: An EHR print's encounter heading after its date: "10/8/2024 - ED in CFCH EMERGENCY DEPT",
#: "10/15/2024 - Telephone in KVMC BURN CLINIC": the kind of encounter, then its department.
_EHR_HEAD = re.compile(r"[ \t]*[-\u2013\u2014][ \t]+(?P<kind>[A-Z][\w /()&'\-]{1,40}?)[ \t]+in[ \t]+"
                       r"(?P<dept>[A-Z][A-Z0-9 &/'.\-]{2,60}?)[ \t]*$")
#: A note an EHR print heads with its kind, its author and the time, before the date: "Progress
#: Notes by Rafael Quintanilla-Ebner, MD at 10/9/2024 4:10 PM", "Reply by B. Coulthard, NP at".
_AUTHORED_NOTE = re.compile(r"[ \t]*(?P<kind>[A-Z][A-Za-z&/ \-]{1,40}?)[ \t]+by[ \t]+"
                            r"(?P<who>(?:[A-Z]|<PERSON)[^\n]{2,60}?)[ \t]+(?:at|on)[ \t]*")
#: The kinds of such notes (not "Electronically signed by", "Addendum by", "Scanned by").
_AUTHORED_KIND = re.compile(r"\b(?:notes?|consults?|procedures?|summary|h&p|encounter|reply|"
                            r"resulted|report|evaluation|assessment)\b", re.I)
#: An author named with a role in brackets ("Dr Ffion Treharne (GP Partner)", "<PERSON_4>
#: (Clinical Pharmacist)"), and the roles of those who see patients.
_ROLE_IN_BRACKETS = re.compile(r"(?P<name>(?:Dr\.?[ \t]+)?(?:<PERSON_\d+>|[A-Z][\w'\-]+"
                               r"(?:[ \t]+[A-Z][\w'\-]+){1,2}))[ \t]*\((?P<role>[^)]{2,40})\)")
_CLINICAL_ROLE = re.compile(r"\b(?:GP|doctor|physician|nurse|pharmacist|physio\w*|therapist|"
                            r"consultant|practitioner|partner|locum|registrar|midwife|surgeon|"
                            r"dentist|psychologist|paramedic|clinician)\b", re.I)
#: A note saying who saw the patient ("21:58  Seen by ED physician <PERSON_4>, MD.").
_SEEN_BY = re.compile(r"\b(?:seen|evaluated|examined|assessed)[ \t]+by[ \t]+(?:[A-Za-z]+[ \t]+){0,3}?"
                      r"(?P<who>(?:Dr\.?[ \t]+)?<PERSON_\d+>)", re.I)
_NURSE = re.compile(r",?[ \t]+(?:RN|LPN|LVN|CNA|EMT|MA)\b")
#: A physician in a table's source column: "Dr. P. Gauthier", a redacted name "<PERSON_3>".
_DOCTOR = re.compile(r"\bDr\.?[ \t]+(?:[A-Z]\.[ \t]*)*(?:<PERSON_\d+>|[A-Z][\w'\-]+)|<PERSON_\d+>")
#: A table row's own label before its date cell: "R1", "12", "A".
_ROW_LABEL = re.compile(r"[A-Z]{0,3}\d{0,3}")
_TABLE_ROW = re.compile(r"^[\s\d.,:%/<>()\-+|]*$")
#: A time of day alone, or nothing: "9:31 AM", "1645".
_CLOCK = re.compile(r"(?:(?:at[ \t]+)?\d{1,2}:?\d{2}(?::\d{2})?(?:[ \t]*[AP]\.?M\.?)?(?:[ \t]+[A-Z]{2,4})?)?",
                    re.I)
#: An encounter's type before its date on a line of their own: "Office Visit - ", "ED - ".
_TYPE_THEN_DATE = re.compile(r"[ \t]*[A-Z][\w/&]*(?:[ \t]+[A-Z][\w/&]*){0,3}[ \t]+[-\u2013\u2014][ \t]+")
#: A session's number in its own column before the row's date: "3     01/04/24".
_SESSION_NUMBER = re.compile(r"[ \t]*\d{1,3}[ \t]{2,}")
#: An account's or a visit's number leading a list's row: "2311190412", "V00024113870".
_ROW_NUMBER = re.compile(r"[A-Z]{0,3}\d{6,}")
#: An open period's start before its date: "(consultations shown from 01/01/2019)".
_SINCE_BEFORE = re.compile(r"\b(?:from|since|starting|beginning)[ \t]+$", re.I)
#: A period's second date after its first: "8/1/2024 - 3/2/2025", "01-Jan-2024 to 30-Jun-2024".
_RANGE_AFTER = re.compile(r"[ \t]*(?:[-\u2013\u2014]|to|through|thru)[ \t]*\d", re.I)


@dataclass
class Entry:
    """Text recorded under one field of an encounter, and where it is."""

    field: str
    text: str
    start: int
    end: int


@dataclass
class Encounter:
    """A date of service and what was recorded under it."""

    date: FoundDate
    visit: str = ""
    provider: str = ""
    facility: str = ""
    entries: list[Entry] = field(default_factory=list)
    end: int = 0
    facility_stated: bool = False
    """Whether the facility was stated for this visit (not carried over from the last one)."""
    row_end: int = 0
    """Where the line ends if the visit opened as one row of a table of visits (its date, then
    its columns); 0 if not."""

    def text_of(self, name: str) -> str:
        return " ".join(e.text for e in self.entries if e.field == name and e.text)


@dataclass
class Record:
    """Encounters in document order, the record's past history, dates set aside, and dates
    whose year was inferred from the notes around them."""

    encounters: list[Encounter]
    history: list[Entry]
    excluded: list[FoundDate]
    inferred: list[FoundDate] = field(default_factory=list)


def _section(label: str) -> str | None:
    """The field a heading names: the heading itself or its last words ("DSM-5-TR DIAGNOSTIC
    IMPRESSION" is an impression)."""
    key = " ".join(label.lower().replace("_", " ").split()).strip(" -")
    key = re.sub(r"\s*\(.*\)$", "", key)
    if key in _SECTION_OF:
        return _SECTION_OF[key]
    # (a SOAP letter alone is a section only as the whole heading: "S:", not the "s" of "/s/")
    parts = [p.strip() for p in re.split(r"\s*(?:/|&|\band\b)\s*", key) if len(p.strip()) > 1]
    if len(parts) > 1 and any(p in _SECTION_OF for p in parts):  # "Disposition/Plan"
        return next(_SECTION_OF[p] for p in reversed(parts) if p in _SECTION_OF)
    words = key.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if len(tail) > 1 and tail in _SECTION_OF:
            return _SECTION_OF[tail]
    return None


def _name(value: str) -> str:
    """A provider's name without trailing dates, numbers and role notes."""
    value = re.split(r"[ \t]{2,}|\t|[ \t]+(?:NPI|on|at)\b|[ \t]+\d|[ \t]*\(", value.strip())[0]
    return value.strip(" -,;")


def _is_facility_line(line: str) -> bool:
    """A line naming an institution ("MERCY CROSSING MEDICAL CENTER - EMERGENCY DEPARTMENT"),
    not a note's title ("ORTHOPAEDIC SURGERY CONSULTATION")."""
    s = line.strip()
    return (0 < len(s) <= 70 and bool(_FACILITY_WORDS.search(s)) and not _LABELLED.match(s)
            and not _ROLE_TITLE.match(s)
            and not _DEPARTMENT.fullmatch(re.sub(r"[ \t]*\(.*\)$", "", s))
            and (s.isupper() or s.istitle() or _CAPITALISED.fullmatch(s) is not None)
            and not find_dates(s) and not _NOTE_TITLE.search(s))


#: A clinician's post under a signature: "RESIDENT, INTERNAL MEDICINE", "STAFF SURGEON, GENERAL
#: SURGERY" (no place, though "medicine" is a facility's word).
_ROLE_TITLE = re.compile(r"(?i:(?:staff|chief|attending|resident|fellow|intern|consulting|"
                         r"supervising|senior|junior|associate)\b[\w ]{0,24},)")
#: Every word capitalised, abbreviations and masked words too: "MFH Family Medicine - Lindell
#: Street", "MFH Imaging - <PERSON_8>".
_CAPITALISED_WORD = r"(?:[A-Z][\w'&.]*|<[A-Z_]+\d*>|&|[-\u2013\u2014]|of|and|the|at|for)"
_CAPITALISED = re.compile(rf"{_CAPITALISED_WORD}(?:[ \t]+{_CAPITALISED_WORD})*")


#: How many lines after a page's break its running header may take.
_HEADER_LINES = 3


def _running_headers(lines: list[str]) -> set[str]:
    """Lines a printout repeats at the top of its pages (a chart print's title and the
    patient's banner), found as the lines that follow two or more page breaks (a "Page N of M"
    or fax line, a form feed) word for word; a letterhead naming the practice is kept (it says
    where the visits after it took place)."""
    tops: set[int] = set()  # lines at the top of a page
    breaks = 0
    for n, line in enumerate(lines):
        if _PAGE_FURNITURE.search(line):
            breaks += 1
            tops.update(k for k in range(n + 1, min(n + 1 + _HEADER_LINES, len(lines)))
                        if lines[k].strip())
    seen = Counter(lines[k].strip() for k in tops)
    # (a note's title at the top of some pages is notes of a kind, no header: a header that
    # names a note tops every page)
    return {text for text, count in seen.items()
            if count >= 2 and not _is_facility_line(text) and not re.fullmatch(r"[-=_*\s]+", text)
            and len(text) > 3 and (count >= breaks or not _NOTE_WORDS.search(text))}


def _custodian(lines: list[str], headers: set[str]) -> tuple[str, int]:
    """The institution whose print this is, named in the running header of its pages
    ("ST. ALDRIC REGIONAL MEDICAL CENTER - LEGAL MEDICAL RECORD    Page 1 of 4", or one of the
    ``headers`` repeated at their tops: its first column, up to a dash, on two pages or more),
    and the number of the last line naming it; ("", -1) if none."""
    seen: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        if _PAGE_FURNITURE.search(line) or line.strip() in headers:
            name = _DASHED.split(_COLUMN_GAP.split(line.strip())[0], maxsplit=1)[0]
            if _is_practice_name(name):
                seen.setdefault(name, []).append(n)
    name, at = max(seen.items(), key=lambda item: len(item[1]), default=("", [-1]))
    return (name, at[-1]) if len(at) >= 2 else ("", -1)


#: A mainframe print's author, surname first, then the credential without a comma
#: ("QUAYE,MARISOL RN", "<PERSON_5> RN" once masked).
_SURNAME_FIRST_CREDENTIAL = re.compile(r"(?:<PERSON_\d+>|[A-Z][\w'\-]+,[ \t]?[A-Z][\w'\-]+"
                                       r"(?:[ \t][A-Z]\.?)?)[ \t]+" + _CREDENTIALS)


def _author_in(after: str) -> str:
    """The author a dated line names in a column after its date ("Vell, DC", "Leah Tomczak,
    PT, DPT", "<PERSON_3>, MD"), if any."""
    for cell in _CELL.finditer(after):
        whole = cell.group().strip(" -\t|")
        piece = re.sub(r"[ \t]*\([^)]*\)$", "", whole)  # "Dr Imogen PASCOE (GP Partner)"
        if _PROVIDER_PIECE.fullmatch(piece) or _CREDENTIAL_AFTER.fullmatch(piece) or \
                _SURNAME_FIRST_CREDENTIAL.fullmatch(piece):
            return piece
        # the credential in brackets: "T. Halloran (RN, Practice Nurse)"
        bracketed = re.fullmatch(r"(?P<name>[A-Z](?:[\w'\-]+|\.)(?:[ \t]+[A-Z][\w.'\-]+){1,2})[ \t]*"
                                 r"\((?P<credential>" + _CREDENTIALS + r")\b[^)]*\)", whole)
        if bracketed:
            return f"{bracketed['name']}, {bracketed['credential']}"
    return ""


def _author_line(line: str) -> tuple[str, str] | None:
    """The author and the practice a line names right under an entry's dated heading, as a GP
    system prints them ("Dr Saoirse Nwachukwu (Locum GP)        Severnside Medical Practice");
    None if its first column names no clinician."""
    cells = [c.strip() for c in _COLUMN_GAP.split(line.strip()) if c.strip()]
    if not cells:
        return None
    role = _ROLE_IN_BRACKETS.fullmatch(cells[0])
    if not (role and _CLINICAL_ROLE.search(role["role"])) and not _PROVIDER_PIECE.fullmatch(cells[0]):
        return None
    return (role["name"] if role else cells[0]), next(
        (c for c in cells[1:] if _is_practice_name(c)), "")


def _log_cells(after: str) -> list[str]:
    """The columns of a log's dated line after its date, without its weekday and rules."""
    cells = [c.strip(" -\t=#") for c in re.split(r"[ \t]{2,}|[ \t]*\|[ \t]*", after.strip())]
    cells = [c for c in cells if c]
    if cells and re.fullmatch(r"\(?" + _WEEKDAY_WORD + r"\)?", cells[0], re.I):
        cells = cells[1:]
    return cells


def _entry_kind(after: str) -> str:
    """The kind of entry a dated line of a chart's log names in its first column after the
    date and time ("09:10   Surgery consultation   Dr Imogen PASCOE" -> "Surgery consultation"),
    if that column is a few words and not the author; "" otherwise.  Columns are set apart by
    spaces or bars ("=== 08/26/2024 (Mon) | DAILY NOTE | Visit 18 | DF ===")."""
    cells = _log_cells(after)
    if cells and re.fullmatch(r"\d{1,2}:?\d{2}(?:[ \t]*[ap]\.?m\.?)?", cells[0], re.I):
        cells = cells[1:]
    if len(cells) < 2 or not re.fullmatch(r"[A-Za-z][A-Za-z()/&'\- ]{2,40}", cells[0]) or \
            _author_in(cells[0]):
        return ""
    return cells[0]


#: Who wrote a log's entry, in the column after its kind: a name the redaction replaced, an
#: initial and a surname, a name with its role in brackets ("<PERSON_19>", "F. Lindqvist",
#: "Fergus Lindqvist (APAM, Physiotherapist)").
_LOG_AUTHOR = re.compile(r"(?:<PERSON_\d+>|[A-Z]\.[ \t]*[A-Z][\w'\-]+|[A-Z][\w'\-]+[ \t]+"
                         r"[A-Z][\w'\-]+(?=[ \t]*\())(?:[ \t]*\([^)]*\))?")


def _entry_author(after: str) -> str:
    """The author a log's dated line names in the column after the entry's kind ("08.03.24
    Treatment   F. Lindqvist"), if its kind is there (see :func:`_entry_kind`)."""
    cells = _log_cells(after)
    if not _entry_kind(after) or not (m := _LOG_AUTHOR.fullmatch(cells[-1])):
        return ""
    return re.sub(r"[ \t]*\([^)]*\)$", "", m.group())


def _is_practice_name(text: str) -> bool:
    """A practice's name before its kind ("Lakeside Family Medicine", "RIVERBEND PHYSICAL
    THERAPY"), not a department, a section or a note ("LABORATORY", "PHYSICAL THERAPY --
    SCREEN", "INITIAL CHIROPRACTIC EXAMINATION")."""
    kind = _FACILITY_WORDS.search(text)
    return kind is not None and (kind.start() > 0 or _KIND_FIRST.match(text) is not None) and \
        _is_facility_line(text)


#: A department named by its field alone, inside a hospital's print: "HYPERBARIC MEDICINE",
#: "DIAGNOSTIC IMAGING", "Emergency Medicine", "ORTHOPAEDIC SURGERY", "BURN SURGERY".
_DEPARTMENT = re.compile(
    r"(?:hyperbaric|diagnostic|emergency|internal|nuclear|interventional|behaviou?ral|wound|sleep|"
    r"critical|intensive|vascular|pain)(?:[ \t]+(?:&|and)[ \t]+\w+)?[ \t]+(?:medicine|imaging|"
    r"radiology|care|health|surgery|management)"
    r"|(?:general|orthop\w*|plastic|cardiac|cardiothoracic|oral|day|spine|hand|foot|eye|neuro\w*|"
    r"ambulatory|outpatient|inpatient|minor|p(?:a)?ediatric|colorectal|bariatric|trauma|burn|thoracic|"
    r"urologic\w*|ent|breast|transplant|hepatobiliary|endocrine|dental|maxillofacial|podiatric|"
    r"robotic|spinal|joint|sports)[ \t]+surgery",
    re.I)


#: A compilation's mark of the source a part comes from: "(B) ", "(B, continued) ".
_SOURCE_MARK = re.compile(r"^\((?:[A-Z]|\d{1,2})(?:,[^)]{0,20})?\)[ \t]+")


def _letterhead_name(line: str) -> str | None:
    """The practice a letterhead line in capitals names before the rest of the line: a note's
    title, a service, its parent in brackets, its address ("RIVERBEND PHYSICAL THERAPY - DAILY
    NOTE FLOWSHEET", "CORDILLA ORTHOPAEDIC ASSOCIATES - Foot & Ankle / Hand Service", "VALLE
    CENTRAL OCCUPATIONAL MEDICINE, 402 Almond Row, ...", after a compilation's mark of its
    source: "(B) HALLERBERG ARMY HEALTH CLINIC - OUTPATIENT RECORD"); None for any other line."""
    marked = _SOURCE_MARK.match(line.strip())
    line = line.strip()[marked.end():] if marked else line.strip()
    pieces = re.split(r"[ \t]*\(|[ \t]{2,}|,[ \t]+(?=\d|A[ \t]+(?:PROFESSIONAL|MEDICAL|DENTAL)\b)|"
                      r"[ \t]+~[ \t]+|" + _DASHED.pattern, line, maxsplit=1)
    head = pieces[0]
    if (len(pieces) < 2 and not marked) or not head.isupper() or not _is_practice_name(head):
        return None
    dashed = _DASHED.split(line.strip(), maxsplit=1)
    if len(dashed) == 2 and dashed[0] == head and dashed[1].isupper() and \
            not _NOTE_TITLE.search(dashed[1]) and _FACILITY_WORDS.search(dashed[1]):
        return line.strip()  # the practice and its service: "CALDER VALLEY ORTHOPAEDICS -
    return head              # SHOULDER AND ELBOW CLINIC"


class _Parser:
    """One pass over the lines of a record."""

    def __init__(self, text: str, order: str | None):
        self.text = text
        self.order = order
        self.encounters: list[Encounter] = []
        self.history: list[Entry] = []
        self.excluded: list[FoundDate] = []
        self.current: Encounter | None = None
        self.entry: Entry | None = None
        self.field: str | None = None
        self.facility = ""
        self.heading = ""
        self.heading_at = -10
        self.pending_provider = ""
        self.new_letterhead = False
        self.facility_of_kind: dict[str, str] = {}
        """A note heading's kind ("OFFICE VISIT") -> the facility it was first met under."""
        self.inferred: list[FoundDate] = []
        """Dates whose year was taken from the notes around them (see :meth:`_month_day_entry`)."""
        self.table: list[Entry] = []
        """The columns of the pipe-table row being read (empty: not in a table)."""
        self.grid: list[Encounter | None] = []
        """The visits of a grid with one column per visit, column by column (empty: none)."""
        self.grid_label = ""
        """The label of the grid row being read (a wrapped row's cells go on under it)."""
        self.started_at = -10
        """Line number where the current encounter began."""
        self.previous = ""
        """The last non-blank line read (a line opening with a date may continue it)."""
        self.recent: list[str] = []
        """The last three non-blank lines read (a report's title above its first date)."""
        self.banner_provider = ""
        """The provider a print's banner named, given to its first visit until the note names
        its own."""
        self.thread = ""
        """The subject of the portal thread being read."""
        self.no_visit_at = -10
        """Line of the last dated entry found to be no visit (a clerk's note)."""
        self.outside_note_of = ""
        """The facility of the chart a note headed by another facility's name was filed in
        (see :meth:`_note_letterhead`); "" if the last heading named none."""
        self.custodian, self.custodian_until = "", -1
        """The institution the pages' running header names, and the last line naming it (see
        :func:`_custodian`): the facility of a part of its print with no letterhead."""
        self.furniture: set[str] = set()
        """Running header lines of the pages (see :func:`_running_headers`)."""
        self.listing = False
        """Inside a list whose dated rows are no visits (see :data:`_LISTING`)."""
        self.listing_at = -2
        """Line of the last list's heading."""
        self.stay_discharge: Encounter | None = None
        """The discharge dated under the admission in a letter's heading: its sections
        ("Discharge medications", "Recommendations at discharge") are filed there."""
        self.ehr_head: Encounter | None = None
        """The visit an EHR print's encounter heading opened (see :data:`_EHR_HEAD`), until the
        first note under it (see :data:`_AUTHORED_NOTE`) gives it its kind and author."""
        self.provider_label_at = -10
        """Line of a provider's label with its name on the next line ("Evaluated by:")."""
        self.letter_date: FoundDate | None = None
        """The date of a letter, on a line of its own (see :meth:`_letter_redated`)."""
        self.letter_at = -_LETTER_REACH - 1
        self.ems_at = -_EMS_REACH - 1
        """Last line that names an ambulance service or its run report."""

    def run(self) -> Record:
        lines = list(re.finditer(r"[^\n\f]+", self.text))
        self.furniture = _running_headers([m.group() for m in lines])
        self.custodian, self.custodian_until = _custodian([m.group() for m in lines],
                                                          self.furniture)
        self.facility = self.custodian
        last_end = 0
        for n, m in enumerate(lines):
            if not m.group().strip() or self.text.count("\n", last_end, m.start()) >= 2:
                self.listing = False  # a blank line ends a list
            last_end = m.end()
            if m.group().strip() in self.furniture:
                self.excluded.extend(find_dates(m.group(), self.order, m.start()))
            elif m.group().strip():
                self._line(n, m.group().rstrip("\r"), m.start())
                self._column_fields(m.group())
                self.previous = m.group().strip()
                self.recent = [*self.recent[-2:], self.previous]
        return Record(self.encounters, self.history, self.excluded, self.inferred)

    # -- one line ---------------------------------------------------------------------------

    def _line(self, n: int, line: str, at: int) -> None:
        # a production's part letter is no part of the heading: "SECTION C -- HYPERBARIC MEDICINE"
        line = _PART_PREFIX.sub(lambda m: " " * len(m.group()), line)
        stripped = line.strip()
        if len(stripped) <= _DATE_LINE_CHARS and (alone := find_dates(stripped, self.order)) and \
                alone[0].raw == stripped:
            # a date on a line of its own: a letter's, if a salutation follows
            self.letter_date, self.letter_at = find_dates(line, self.order, at)[0], n
        if (dear := _DEAR.match(stripped)) and self.current is not None and \
                self.current.provider and dear["name"].split()[-1] in self.current.provider:
            self.current.provider = ""  # the letter's addressee, not its author
        if _EMS.search(stripped):
            self.ems_at = n
        if thread := _THREAD.match(line):
            self.thread = thread["title"]
        if n == self.provider_label_at + 1 and self.current is not None and \
                not self.current.provider and (_CREDENTIAL_AFTER.match(stripped)
                                               or _PROVIDER_PIECE.match(stripped)):
            self.current.provider = _name(stripped)  # the name under "Evaluated by:"
            return
        if self.current is not None and n == self.started_at + 1 and not self.current.provider \
                and (author := _author_line(stripped)):
            self.current.provider = author[0]  # the line under the entry's heading
            if author[1]:
                self._facility(author[1], stated=True)
            return
        if self.current is not None and n == self.started_at + 1 and \
                not self.current.facility_stated and _is_practice_name(stripped):
            # the department under an encounter's heading ("Office Visit - 5/16/2023" over "MFH
            # Family Medicine - Lindell Street")
            self._facility(stripped, stated=True)
            return
        if _PAGE_FURNITURE.search(stripped):
            self.excluded.extend(find_dates(line, self.order, at))
            return
        if self.grid and (stripped.startswith("|") or _GRID_RULE.fullmatch(stripped)):
            self._grid_row(line, at)
            return
        self.grid = []
        if stripped.startswith("|") and self._grid_dates(line, at, n):
            return
        if self.table and stripped.startswith("|") and not pipe_cells(line)[0][0]:
            self._table_row(line, at)  # a table row's wrapped continuation
            return
        self.table = []
        if _RULE.fullmatch(stripped):
            self.field, self.entry = None, None  # a rule between parts ends the open section
            # (but the dashes under a list's column headings open its rows, and a rule right
            # under a list's heading closes the heading's box: "SECTION G -- PATIENT CONTACT LOG")
            self.listing = self.listing and (
                re.fullmatch(r"-{2,}(?:[ \t]+-{2,})+", stripped) is not None
                or n == self.listing_at + 1)
            if n < self.custodian_until and not self.new_letterhead:
                # inside the institution's print the next part is its own, unless it has a
                # letterhead (an outside practice's note filed in the hospital's chart)
                self.facility = self.custodian
            return
        if _LISTING.fullmatch(re.sub(r"[ \t]*\(.*\)$", "", _LISTING_RUN.sub("", stripped)).strip(" :-")) or \
                _LISTING_COLUMNS.search(line) or _NOT_VISITS.search(stripped):
            # "CHART CONTENTS (all entries ...)", "Immunizations", "Fill Date  Rx#  Drug"
            self.listing, self.listing_at = True, n
            self.excluded.extend(find_dates(line, self.order, at))
            self.entry = None
            self.field = _section(stripped.rstrip(":")) or "skip"
            return
        if (message := _MESSAGE_HEAD.match(line)) and self._message(message, line, at, n):
            return
        if self._letter_redated(n, line, at):
            return
        if _ADMIN_ROW.match(line) or _ROW_NOT_KEPT.match(line):
            self.excluded.extend(find_dates(line, self.order, at))
            self.field, self.entry = "skip", None  # (its wrapped lines too)
            return
        dates = self._service_dates(line, at)
        if dates and self._starts_encounter(line, at, dates, n):
            return
        if not dates and _STATUS_NOT_KEPT.search(line) and find_dates(line[:24], self.order):
            return  # a log's row of a visit that did not happen: no part of the row above
        if _NOT_TREATMENT.search(line) and self._signature(line):
            return
        if _END_OF_RECORDS.match(stripped):
            self.field, self.entry = "skip", None  # a custodian's certification, not a visit
            return
        if (name := _letterhead_name(stripped)) is not None:
            # "RIVERBEND PHYSICAL THERAPY - DAILY NOTE FLOWSHEET", "RIVERBEND PHYSICAL THERAPY
            # (Riverbend Orthopaedics & Sports Medicine, P.C.)": the practice, then the note
            title = _DASHED.split(stripped[stripped.index(name) + len(name):], maxsplit=1)[1:]
            # the column that names the note ("KELLER ROAD   DIAGNOSTIC RADIOLOGY REPORT",
            # "EMERGENCY DEPARTMENT RECORD   Pg 1 of 2")
            cells = [c for c in _COLUMN_GAP.split(title[0].strip()) if _NOTE_WORDS.search(c)] \
                if title else []
            if cells:
                self._note_letterhead(name, cells[0], n)
            else:
                self._letterhead(name)
            return
        titled = re.split(_DASHED.pattern + r"|[ \t]{2,}", stripped, maxsplit=1)
        if len(titled) == 2 and titled[0].isupper() and _NOTE_WORDS.search(titled[0]) and \
                _is_practice_name(place := re.split(r",[ \t]*|[ \t]{2,}",
                                                    titled[1])[0]):
            # the note, then where it was written: "OPERATIVE REPORT - ST. ALDRIC REGIONAL
            # MEDICAL CENTER, MAIN OR", "RADIOLOGY REPORT      Summit Teleradiology Partners, LLC"
            self._note_letterhead(place, titled[0], n)
            return
        if len(titled) == 2 and titled[0].isupper() and _NOTE_WORDS.search(titled[0]) and \
                _REFERENCE_CELL.fullmatch(titled[1]):
            # the note's title, then its reference: "RADIOLOGY REPORT      Accession: XR-24-0877"
            self.heading, self.heading_at = titled[0], n
            self.field, self.entry = None, None
            return
        if (title_field := _LABELLED.match(line)) and title_field["value"].strip() and \
                " ".join(title_field["label"].lower().split()) in _TITLE_LABELS:
            self._labelled(title_field, at, n)  # "DOC TYPE......: ED PROVIDER NOTE"
            return
        if stripped.isupper() and _ORDER_LISTING.search(stripped):
            self.heading, self.heading_at = stripped, n  # "SECTION 3 - PHYSICIAN ORDER SHEET"
            self.field, self.entry = None, None
            return
        place_field = (field := _LABELLED.match(line)) is not None and \
            " ".join(field["label"].lower().split()) in _FACILITY_LABELS
        if stripped.isupper() and len(stripped) <= 80 and not _is_facility_line(line) and \
                not place_field and (  # "LOCATION: KETTLE BAR VA CLINIC" is the visit's place
                (":" in stripped.rstrip(":") and _NOTE_WORDS.search(stripped.split(":")[0]))
                or (_NOTE_WORDS.search(stripped)
                    and _section(_DASHED.split(stripped)[0].rstrip(":")) is None)):
            self.heading, self.heading_at = stripped, n  # "ENCOUNTER 4: OFFICE VISIT"
            self.field, self.entry = None, None
            if self.outside_note_of and not self.new_letterhead:
                # the next note after one an outside facility wrote is the chart's own again
                self.facility, self.outside_note_of = self.outside_note_of, ""
            return
        heading = _HEADING.match(line)
        facility_words = _FACILITY_WORDS.search(stripped)
        if heading and _is_facility_line(line) and not _DEPARTMENT.fullmatch(stripped) and (
                _section(heading.group("label")) is None
                or (facility_words is not None and facility_words.start() > 0)):
            # "HARBOR POINT PHYSICAL THERAPY" names a practice, "PHYSICAL THERAPY" a section
            # ("HYPERBARIC MEDICINE" a department of the hospital whose print this is)
            self._letterhead(stripped)
            return
        if ":" not in stripped.rstrip(":") and len(stripped) <= 60 and \
                _section(stripped.rstrip(":")) is not None:  # "Assessment", "Plan:", "PLAN"
            self._open(stripped.rstrip(":"), "", at + line.index(stripped), n)
            return
        if heading:
            self._open(heading.group("label"), "", at + line.index(stripped), n)
            return
        labelled = _LABELLED.match(line)
        if labelled and self._labelled(labelled, at, n):
            return
        dated_section = re.match(r"[ \t]*([A-Za-z][A-Za-z /&\-]{1,40}?)[ \t]*[(\[]", line)
        if dated_section and _section(dated_section.group(1)) is not None and find_dates(line):
            self._open(dated_section.group(1), "", at, n)  # "LABS (01/10/2025 05:00): ..."
            return
        if self.current is None and _is_facility_line(line):
            if not self.facility:  # a letterhead's first line names it; the next ones describe
                self._facility(stripped)
            return
        if self._signature(line):
            return
        if (signed := _TRAILING_SIGNATURE.search(line)) and self.current is not None:
            self.current.provider = self.current.provider or _name(signed.group("who"))
        elif (seen := _SEEN_BY.search(line)) and self.current is not None and (
                not self.current.provider or _NURSE.search(self.current.provider)):
            self.current.provider = _name(seen.group("who"))  # the physician over triage
        self._continue(stripped, at + line.index(stripped))

    def _message(self, head: re.Match[str], line: str, at: int, n: int) -> bool:
        """A portal thread's message: a clinician's, on a thread about care, is a visit by
        message (its replies that day are the same visit); the patient's, a pharmacy's, the
        front desk's or an automated one is none, and neither is a thread about an errand
        (a refill, an appointment)."""
        dates = find_dates(line[head.end() - 1:], self.order, at + head.end() - 1)
        if not dates:
            return False
        date = dates[0]
        who = re.split(r"[ \t]+for[ \t]+", head["who"])[0].strip()
        if not _CREDENTIAL.search(who) or _CLERK.search(who) or _ERRAND.search(self.thread):
            self.excluded.extend(dates)
            self.field, self.entry = "skip", None
            return True
        current = self.current
        if current is None or current.visit != "Portal message" or \
                current.date.value != date.value:
            current = Encounter(date, visit="Portal message", facility=self._facility_of_note(n),
                                end=at + len(line), provider=_name(who))
            self.encounters.append(current)
        self.current, self.started_at, self.stay_discharge = current, n, None
        self.field, self.entry = None, None
        return True

    def _column_fields(self, line: str) -> None:
        """A provider's or a facility's field in a later column of a line ("Caller: patient.
        Documented by: Odette Varga, RN", "DOS: 01/15/25     Provider: Imani Stroud, DO", a
        portal's banner "Name: ...    DOB: ...    Clinic: Bayfront Rheumatology Associates")
        names the visit's provider, or the facility of what follows, if nothing else has."""
        cells = _COLUMN_GAP.split(line.strip())
        if not self.encounters and not self.facility and len(cells) >= 3 and \
                (place := next((c for c in cells[1:-1] if _is_practice_name(c)), None)):
            self._facility(place)  # a print's banner: "RUN DATE: ...   FENWICK HARBOR ...   PAGE 1"
        for cell in cells[1:]:
            field = _LABELLED.match(cell)
            label = " ".join(field["label"].lower().split()) if field else ""
            if field is None or _FILED_BY.match(field["value"]):
                continue
            name = _name(field["value"])
            if _provider_label(label) and self.current is not None and \
                    not self.current.provider and _NAMES_SOMEONE.search(name):
                self.current.provider = name
            elif label in _FACILITY_LABELS and _is_practice_name(name) and not self.facility and \
                    (self.current is None or not self.current.facility):
                self._facility(name, stated=self.current is not None)

    def _continues_sentence(self, line: str) -> bool:
        """An indented line after one that stops mid-sentence ("... Leaving for the US" /
        "  25MAR2024 on emergency leave"), or any line after one that stops at a preposition
        ("Discharged from PT on" / "10/14/2024. Wears the brace daily."): its date is a
        mention, not a new entry."""
        first = line.lstrip()
        dates = find_dates(first[:40], self.order)
        after = first[dates[0].end:] if dates and dates[0].start == 0 else ""
        return bool(self.previous) and not self.previous.isupper() and (
            (line[:1] in " \t" and re.search(r"[A-Za-z,]$", self.previous) is not None)
            or _OPEN_PREPOSITION.search(self.previous) is not None
            # "... respiratory failure" / "03/12/2025 requiring intubation"
            # (or its aside: "... reminder calls placed" / "02.20.24 (lisinopril) and ...")
            or (re.search(r"[a-z,)]$", self.previous) is not None
                and re.match(r"[ \t]*[a-z(]", after) is not None)
            # "... since dog bite" / "04/26/2025. No prior treatment."
            or re.match(r"[.,;][ \t]", after) is not None)

    def _service_dates(self, line: str, at: int) -> list[FoundDate]:
        """Dates of ``line`` that may be dates of service (the others, such as an appointment
        cancelled or not kept, are set aside)."""
        out = []
        previous = at
        found = find_dates(line, self.order, at)
        if not found and (short := self._month_day_entry(line, at)):
            return [short]
        for d in found:
            before = line[previous - at:d.start - at]
            previous = d.end
            after = line[d.end - at:]
            # (a note's "Effective Date: 2023-10-24 10:15" is when it was written, with its time;
            # a policy's is no visit)
            timed_note = re.search(r"effective[ \t]+date[ \t]*:[ \t]*$", before, re.I) and \
                re.match(r"[ \t]+\d{1,2}:\d{2}", after)
            if _NOT_TREATMENT.search(before) and not timed_note or _NOT_KEPT.match(after) or \
                    _STATUS_NOT_KEPT.search(after) or _ADDENDUM_AFTER.match(after) or (
                    (_ACCOUNT_ENTRY.search(after[:60]) or _CHARGE_CODE.match(after))
                    and _AMOUNT.search(after)) or (self.listing and _CHARGE_CODE.match(after)):
                # (in a billing list a code alone says the line is a charge: "DOS 10/15/2024
                # 96116 neurobehavioral status exam   1 unit")
                self.excluded.append(d)
            else:
                out.append(d)
        return out

    def _month_day_entry(self, line: str, at: int) -> FoundDate | None:
        """A note opened by a month and day without a year, a time and a title in capitals
        ("3/5 11:30  SOCIAL SERVICES"), in a record whose notes run in order: the year is the
        previous note's (the next one's if the day would fall before it).  Noted in
        :attr:`inferred`."""
        m = _MONTH_DAY_ENTRY.match(line)
        if m is None or self.current is None or self.current.date.status != "ok":
            return None
        group = next(g for g in ("md", "md2", "md3", "md4") if m[g])
        a, b = (int(x) for x in m[group].split("/"))
        if self.order == "DMY" or a > 12:
            readings = [(b, a)]
        elif self.order == "MDY" or b > 12:
            readings = [(a, b)]
        else:
            readings = [(a, b), (b, a)]  # the nearer day after the last note settles it
        last = self.current.date.value
        assert last is not None
        after = sorted(value for year in (last.year, last.year + 1) for month, day in readings
                       if (value := safe_date(year, month, day)) is not None and value >= last)
        if not after or (after[0] - last).days > 366:
            return None
        found = FoundDate(m[group], at + m.start(group), at + m.end(group), "ok", after[0])
        self.inferred.append(found)
        return found

    def _letter_redated(self, n: int, line: str, at: int) -> bool:
        """A letter dated on its own line tells the visit's date in its first lines ("whom I
        saw in orthopaedic consultation on / 2 April 2024", "I reviewed Mr. M in clinic on
        Tuesday, 23rd July 2024"): the visit takes that date, not the letter's, and a letter
        no label opened opens its visit there."""
        letter = self.letter_date
        if letter is None or letter.value is None or n - self.letter_at > _LETTER_REACH or \
                not _SEEN_ON.search(" ".join([*self.recent[-1:], line])):
            return False
        seen = [d for d in find_dates(line, self.order, at)
                if d.value and 0 <= (letter.value - d.value).days <= 60]
        if not seen:
            return False
        self.letter_date = None
        current = self.current
        if current is not None and current.date.start == letter.start:
            self.excluded.append(letter)
            current.date = seen[0]
        elif current is None or current.date.start < letter.start:
            encounter = Encounter(seen[0], visit="Letter", facility=self._facility_of_note(n),
                                  end=at + len(line))
            self.encounters.append(encounter)
            self.current, self.started_at = encounter, n
        else:
            return False
        return True

    def _starts_encounter(self, line: str, at: int, dates: list[FoundDate], n: int) -> bool:
        """Start (or continue) an encounter at a dated line that names a date of service."""
        started = opened = authored_head = False
        previous = at
        for k, d in enumerate(dates):
            before = line[previous - at:d.start - at]
            previous = d.end
            signer = _COLUMN_GAP.split(before.strip())[-1]
            if k == 0 and _PROVIDER_PIECE.fullmatch(signer) and \
                    _CLOCK.fullmatch(line[d.end - at:].strip()):
                # a note's signature, its author and when: "Kari Nystrom, RN  11/6/2023 9:31 AM"
                self.excluded.append(d)
                if self.current is not None and not self.current.provider:
                    self.current.provider = _name(signer)
                return True
            # an EHR print's encounter heading, its type then its date: "Office Visit - 5/16/2023"
            type_heading = k == 0 and not line[d.end - at:].strip() and \
                _TYPE_THEN_DATE.fullmatch(before) is not None
            label = None if type_heading else _SERVICE_LABEL.search(before) or (
                (n - self.ems_at <= _EMS_REACH or _EMS.search(self.heading))
                and _INCIDENT_LABEL.search(before))
            # (a weekday is part of the date: "SESSION NOTE     Tue Jan 28, 2025")
            head = re.split(r"[(\[]", _TRAILING_WEEKDAY.sub("", before))[0].strip(
                " \t:-|\u2013\u2014")
            title = _DASHED.split(head)[0]  # "PROGRESS NOTE — Hospital Day 2 — 07/19/2024"
            first_cell = _COLUMN_GAP.split(head)[0]  # "Burn Surgery Progress Note   HD#3"
            heading = type_heading or (k == 0 and label is None and head != "" and len(head) <= 70
                       # (a section's name as a log's entry: "ANNUAL PREVENTIVE EXAM  |  27 Feb")
                       and (_section(head) is None or title.isupper() and title != head
                            or head.isupper() and "|" in before)
                       and (title.isupper() or head.istitle() or first_cell.istitle())
                       and (any(_NOTE_WORDS.search(piece) for piece in _DASHED.split(head))
                            or (head.isupper() and bool(re.search(r"[ \t]{2,}$", before)))))
            after = line[d.end - at:]
            # an EHR's encounter line: its type, date, department and provider in columns
            # ("Patient Message    2/6/2025    Lakeside Family Medicine    Provider: R. Abernathy")
            heading = heading or (k == 0 and label is None and first_cell == head.strip()
                                  and head.istitle() and len(head) <= 40
                                  and re.search(r"[ \t]{2,}$", before) is not None
                                  and any(self._place_or_provider(c.group())
                                          for c in _CELL.finditer(after)))
            authored = _AUTHORED_NOTE.fullmatch(before) if k == 0 and label is None else None
            if authored and not _AUTHORED_KIND.search(authored["kind"]):
                authored = None
            authored_head = authored_head or authored is not None
            if authored and self.ehr_head is not None and self.ehr_head is self.current and \
                    self.current.date.value == d.value:
                # the first note under the print's encounter heading is that visit's
                self.current.visit = " ".join(authored["kind"].split()).capitalize()
                self.current.provider = _name(authored["who"])
                self.ehr_head, started = None, True
                continue
            heading = heading or authored is not None
            row_label = ("|" in before and _ROW_LABEL.fullmatch(before.strip(" \t|")) is not None) \
                or _SESSION_NUMBER.fullmatch(before) is not None  # "3     01/04/24  JP    Vectogram"
            opens = (k == 0 and (_WEEKDAY.fullmatch(before.strip(" \t|=#")) is not None
                                 or row_label)  # "R1  | 13/09/2023 | Red Willow ... | ED visit"
                     and not _TABLE_ROW.match(after) and not self._continues_sentence(line)
                     and (len(re.findall(r"[A-Za-z]{2,}", after)) >= 2
                          or bool(re.search(r"\b[A-Z]{4,}\b", after))))
            alone = (k == 0 and not before.strip() and not after.strip(" \t.,") and not
                     self.encounters and d.status == "ok")  # a letter's or report's own date
            inferred = any(d is x for x in self.inferred)  # "HD#2 (12/02) PROGRESS NOTE"
            if not (label or heading or opens or alone or inferred):
                continue
            if not label and (self.listing or _RANGE_AFTER.match(after)
                              or _SINCE_BEFORE.search(before)):
                # a list's row ("03/11/2025  Comprehensive Diagnostic Assessment"), a period
                # ("ENCOUNTERS  8/1/2024 - 3/2/2025", "consultations shown from 01/01/2019"):
                # no visit
                self.excluded.append(d)
                continue
            self.listing = False
            started = True
            opened |= opens or heading
            titled = opens and (bool(re.search(r"\b[A-Z]{4,}\b", after[:60]))  # "NP VISIT"
                                or _TIMED_AUTHOR.match(after) is not None)
            # the same day again is the same visit, unless a new note or a new source's
            # letterhead stands between ("SOURCE 2 OF 4: ST. BRENDAN ..." / "EMERGENCY
            # PHYSICIAN RECORD" / "Date of visit: Jan 14th 2024": the ED after the ambulance)
            new_note = self.new_letterhead or self.started_at < self.heading_at < n
            # another author the same day: the PT's note after the chiropractor's
            author = _author_in(after) or (_entry_author(after) if opens else "")
            other_author = bool(author and self.current is not None and self.current.provider
                                and author != self.current.provider)
            # a note's title before the label on its line: "EMERGENCY DEPARTMENT RECORD   ED
            # Encounter Date: 01/31/2025", "NICU TRANSFER NOTE   Date/Time: 03/08/2025 04:05"
            note_title = before[:label.start()].strip() if label else ""
            titled_note = note_title.isupper() and bool(_NOTE_WORDS.search(note_title)) and \
                not _SLIP.search(note_title)
            if self.current is not None and self.current.date.label == d.label and not (
                    heading or titled or new_note or other_author or titled_note):
                continue
            ehr = _EHR_HEAD.match(after) if opens else None
            if authored:
                visit, author = authored["kind"], _name(authored["who"])
            elif ehr:
                visit = ehr["kind"]
            elif heading:
                visit = head
            elif titled_note:
                visit = note_title
            elif opens and (kind := _entry_kind(after)):
                visit = kind  # "22-Jan-2024 09:10   Surgery consultation   Dr Imogen PASCOE"
            else:
                visit = self._visit(label.group("label") if label else "", n)
            if label and visit in ("Admission", "Discharge") and self._restates_stay(n):
                self.excluded.append(d)
                continue
            # (also what the line above a labelled date calls it: "PRESCRIBER CONTACT (no
            # patient contact)" over "Date/time: 03.05.24")
            titled_above = label is not None and len(self.previous) <= 80 and \
                re.match(r"[A-Z]{3,}", self.previous) is not None
            if _NOT_A_VISIT.search(visit) or _ORDER_LISTING.search(self.heading) or \
                    (titled_above and _NOT_A_VISIT.search(self.previous)) or \
                    _CLERK.search(f"{visit} {after[:80]}") or (
                        label and _BANNER.search(line[:d.start - at])
                        and visit in ("Admission", "Discharge")):
                # also a stay's dates in the patient's banner: "Account: 7720-118836   Admit:"
                # an insurer's paper about care, not care: "NOTICE OF ADVERSE DETERMINATION"
                self.excluded.append(d)
                self.current, self.field, self.entry = None, "skip", None
                self.no_visit_at = n
                return True
            encounter = Encounter(d, visit=" ".join(visit.split()).capitalize(),
                                  facility=self._facility_of_note(n, head if heading else ""),
                                  end=at + len(line),
                                  # (also a list's row led by its account or visit number:
                                  # "2311190412  ED  11/19/23 19:52  11/19/23 22:40  SOB  Home")
                                  row_end=at + len(line) if (opens or (
                                      heading and _ROW_NUMBER.fullmatch(first_cell.strip())))
                                  and len(_COLUMN_GAP.split(line.strip())) >= 4 else 0)
            if self.pending_provider:
                encounter.provider, self.pending_provider = self.pending_provider, ""
                # named before any visit: the print's banner ("ATTENDING....: ..."), which the
                # note's own author overrides
                self.banner_provider = encounter.provider if not self.encounters else ""
            elif author:
                encounter.provider = author  # "Fri 3/14/25   Tomczak, DPT   PT Visit 2"
            self.new_letterhead = False
            self.encounters.append(encounter)
            self.ehr_head = encounter if ehr else None
            if ehr:
                # the print names each encounter's department: that is its place, over the
                # institution of the print's running header
                encounter.facility = self.facility = ehr["dept"]
                encounter.facility_stated = True
                self.custodian_until = min(self.custodian_until, n)
            if (encounter.visit == "Discharge" and self.current is not None
                    and self.current.visit == "Admission" and n - self.started_at <= 2
                    and not self.current.entries):
                # "Admission: 14.02.2024" / "Discharge: 17.02.2024" heading a discharge letter:
                # its sections are the admission's, but for those about the discharge; the
                # discharge takes the letter's author and place (see :func:`parse_record`); a
                # discharge summary's sections are the discharge's
                if "DISCHARGE" in self.heading.upper() and n - self.heading_at <= 3:
                    self.current, self.started_at = encounter, n
                else:
                    self.stay_discharge = encounter
                continue
            self.current, self.started_at, self.stay_discharge = encounter, n, None
        if started:
            self.entry, self.field = None, None
            if self.current is not None and (self.current is self.ehr_head or (
                    authored_head and re.fullmatch(r"[ \t]*(?:\d{1,2}:\d{2}(?:[ \t]*[AP]M)?)?[ \t]*",
                                                   line[dates[0].end - at:], re.I))):
                return True  # the heading says no more than its kind, place, author and time
            placed = False
            cell_before = ""
            for cell in _CELL.finditer(line[dates[-1].end - at:]):
                value_of_label = cell_before.endswith(":")  # "From:  St. Odile Hospital"
                cell_before = cell.group().strip()
                if (typed := _TYPE_CELL.fullmatch(cell_before)) and self.current is not None:
                    self._visit_type(typed["kind"])  # "Type: Physician/NP Visit - Routine"
                    continue
                if value_of_label or not self._place_or_provider(cell.group()):
                    continue
                placed = True
                if labelled := _LABELLED.match(cell.group()):  # "DOS: ...  Therapist: R. Mehta"
                    self._labelled(labelled, dates[-1].end + cell.start(), n)
                else:  # "Office Visit    1/14/2025    Lakeside Family Medicine"
                    self._facility(cell.group().strip(), stated=True)
            if placed:
                return True
            if opened and "|" in line[:dates[0].start - at]:
                self._table_row(line, at)
                return True
            rest = line[dates[0].end - at:].strip(" \t-:|()")
            if opened and rest:
                self._rest_of_entry(rest, at + line.index(rest))
        return started

    @staticmethod
    def _place_or_provider(cell: str) -> bool:
        """Whether a column cell names the provider or the facility ("Therapist: R. Mehta",
        "Lakeside Family Medicine")."""
        labelled = _LABELLED.match(cell)
        if labelled:
            label = " ".join(labelled.group("label").lower().split())
            return _provider_label(label) or label in _FACILITY_LABELS
        return "|" not in cell and _is_practice_name(cell)

    def _rest_of_entry(self, rest: str, at: int) -> None:
        """What a dated entry's line says after its date: "DC Petrosyan - CMT C/T/L, EMS -
        Pain 7/10" gives the provider and the findings."""
        findings = []
        if self.current is not None and not self.current.provider and (
                who := _CREDENTIAL_COLUMN.search(rest)):  # "1430  LPN  Dana Whitfield  (Day)"
            self.current.provider = f"{who['name']}, {who['credential']}"
        for m in re.finditer(r"[^\u2013\u2014]+?(?=\s+[-\u2013\u2014]\s+|$)", rest):
            piece = m.group().strip(" -\t")
            if self.current is not None and not self.current.provider and \
                    _PROVIDER_PIECE.fullmatch(piece):
                self.current.provider = piece
            elif piece:
                findings.append((piece, at + m.start() + m.group().index(piece)))
        if findings:
            start, end = findings[0][1], findings[-1][1] + len(findings[-1][0])
            self._add("findings", " - ".join(p for p, _ in findings), start, end)

    def _grid_dates(self, line: str, at: int, n: int) -> bool:
        """A grid's row of dates, one visit per column ("| Date | 3/18/24 | 3/21/24 | ..."):
        each date opens a visit, and the rows under it fill each visit from its own column."""
        cells = pipe_cells(line)
        if len(cells) < 3 or not _GRID_DATE_LABEL.fullmatch(cells[0][0]):
            return False
        dates = [find_dates(text, self.order, at + start) if text else [] for text, start in cells[1:]]
        if sum(1 for d in dates if len(d) == 1) < 2 or any(len(d) > 1 for d in dates):
            return False
        self.grid, self.grid_label = [], ""
        for found in dates:
            if not found or _NOT_KEPT.match(line, found[0].end - at):
                self.grid.append(None)
                continue
            encounter = Encounter(found[0], visit="Visit", facility=self.facility,
                                  end=at + len(line))
            self.encounters.append(encounter)
            self.grid.append(encounter)
        self.current, self.started_at = next(
            (e for e in reversed(self.grid) if e is not None), self.current), n
        self.entry, self.field = None, None
        return True

    def _grid_row(self, line: str, at: int) -> None:
        """A row of a grid of visits: each column's cell goes to its own visit, under the row's
        label (the provider's row names the provider; a section's row its field)."""
        if not line.strip().startswith("|"):
            return  # a rule between rows
        cells = pipe_cells(line)
        label = cells[0][0] or self.grid_label
        self.grid_label = label
        low = " ".join(label.lower().split())
        for (text, start), encounter in zip(cells[1:], self.grid, strict=False):
            if not text or encounter is None:
                continue
            if _provider_label(low):
                encounter.provider = f"{encounter.provider} {text}".strip()
                continue
            name = _section(label) or "findings"
            shown = text if _section(label) else f"{label}: {text}"
            last = encounter.entries[-1] if encounter.entries else None
            if last is not None and last.field == name and not cells[0][0]:
                last.text, last.end = f"{last.text} {text}", at + start + len(text)
            else:
                encounter.entries.append(Entry(name, shown, at + start, at + start + len(text)))
            encounter.end = max(encounter.end, at + len(line))

    def _table_row(self, line: str, at: int) -> None:
        """A row of a pipe table of visits (``| date | event | provider | findings |``), or its
        continuation: each column is kept apart, the provider's column (a name with a
        credential) as the provider, the first as the visit, the rest as findings."""
        cells = pipe_cells(line)
        if cells[0][0]:  # a new row: its date opened the encounter
            self.table = [Entry("findings", "", s + at, s + at) for _, s in cells[1:]]
        for (text, start), column in zip(cells[1:], self.table, strict=False):
            if text:
                column.text = f"{column.text} {text}".strip()
                column.start = column.start if column.end > column.start else at + start
                column.end = at + start + len(text)
        if self.current is None or not self.table:
            return
        named = [c for c in self.table if _CREDENTIAL.search(c.text)]
        if named:
            self.current.provider = _name(named[0].text.split(";")[0])
        elif doctor := _DOCTOR.search(self.table[0].text):
            # a source column "Red Willow General Hospital, ED  Dr. P. Gauthier": the
            # physician, and the place before the name
            self.current.provider = doctor.group().strip()
            place = self.table[0].text[:doctor.start()].strip(" ,;:-")
            if place and _FACILITY_WORDS.search(place) and not self.current.facility_stated:
                self.current.facility = place
        self.current.visit = self.table[0].text.capitalize()
        self.current.entries = [c for c in self.table[1:] if c.text and c not in named]
        self._extend(at + len(line))

    def _visit(self, label: str, n: int) -> str:
        """What kind of visit a labelled date opens: said by its label ("Admit Date"), else by
        the note's heading just above ("TELEPHONE ENCOUNTER")."""
        low = label.lower()
        for key, visit in _VISIT_OF_LABEL:
            if key in low:
                return visit
        return self.heading if self.heading and n - self.heading_at <= 15 else "Visit"

    def _facility_of_note(self, n: int, title: str = "") -> str:
        """The facility of a visit opening at line ``n`` (under its heading, or with its
        ``title`` on its own line: "VISIT 5-6-24  Follow-up"): the last letterhead's, unless the
        note's kind was first met under another letterhead and no letterhead came since the
        last visit (an "OFFICE VISIT" of the practice's chart after the imaging center's report
        filed in it)."""
        heading = title or (self.heading if n - self.heading_at <= 3 else "")
        kind = _DASHED.split(heading)[0].strip().upper()
        if kind and _is_practice_name(kind):  # "CORDILLA ORTHOPAEDIC ASSOCIATES - Follow-up"
            return kind
        if kind and not self.new_letterhead and kind in self.facility_of_kind:
            return self.facility_of_kind[kind]
        if kind and self.facility:
            self.facility_of_kind.setdefault(kind, self.facility)
        return self.facility

    def _letterhead(self, name: str) -> None:
        """A letterhead: what follows, up to its date, is the next visit's, at this facility
        (the visit before keeps its own, or none)."""
        if self.current is not None and not self.current.facility:
            self.current.facility = self.facility  # "" or the one it was filed under
        self.facility, self.new_letterhead, self.outside_note_of = name, True, ""

    def _restates_stay(self, n: int) -> bool:
        """Whether a stay's admission or discharge date at line ``n`` restates the stay in a
        dated discharge summary's first lines ("DATE/TIME: 01/11/2024 1350" ... "Admit Date:
        01/06/2024   Discharge Date: 01/11/2024")."""
        current = self.current
        return current is not None and n - self.started_at <= 8 and \
            "discharge" in current.visit.lower() and current.visit not in ("Admission", "Discharge")

    def _note_letterhead(self, name: str, title: str, n: int) -> None:
        """A note's heading that names its facility and its title ("QUARRY BEND SURGERY CENTER
        - OPERATIVE REPORT"): the note is that facility's, the next untitled one the chart's."""
        before = self.facility
        self._letterhead(name)
        self.heading, self.heading_at = title, n
        self.outside_note_of = before if before != name else ""

    def _facility(self, name: str, stated: bool = False) -> None:
        """A facility named for the visit being read (``stated``: by its own field, "Location:
        FSA Clinic") or for what follows.  A visit's own field names its place within the
        letterhead's practice ("FALLOWMERE SURGICAL ASSOCIATES, PSC (FSA Clinic, ...)"), and
        the next visits are the letterhead's again."""
        current = self.current
        if not (stated and current is not None and self.facility):
            self.facility = name
        if current is None or (current.facility and (current.facility_stated or not stated)):
            return
        # a place of another name inside it; a name sharing its first word is its own, in full
        # ("Lakeside Family Medicine" of "Lakeside Health")
        inside = current.facility and current.facility.split()[0].casefold() != \
            name.split()[0].casefold() and current.facility.casefold() not in name.casefold()
        current.facility = f"{current.facility} ({name})" if inside else name
        current.facility_stated = stated

    def _visit_type(self, value: str) -> None:
        """The kind the current visit's own field gives it ("Visit Type: Follow-up", a column's
        "Type: Physician/NP Visit - Routine"); a clerk's kind ("Encounter Type: Refill") makes it
        no visit after all."""
        assert self.current is not None
        if _NOT_A_VISIT.search(value) or _CLERK.search(value):
            self.encounters.remove(self.current)
            self.excluded.append(self.current.date)
            self.current, self.field, self.entry = None, "skip", None
        else:
            self.current.visit = value

    def _labelled(self, m: re.Match[str], at: int, n: int) -> bool:
        label = " ".join(m.group("label").lower().split())
        if label.endswith(" by") and " and " in label:
            label = label.split(" and ")[-1]  # "Performed and documented by:"
        value = m.group("value").strip()
        if label in ("visit type", "type of visit", "encounter type", "note type",
                     "document subject") and \
                self.current is not None and value:
            self._visit_type(value)
            return True
        if label == "standard title" and self.heading_at == n - 1:
            return True  # a VA note's national title under its own, more telling local one
        if label in _TITLE_LABELS and value:
            # "Document: Progress Note - Hospitalist   Status: Signed": the next note's title
            self.heading, self.heading_at = _COLUMN_GAP.split(value)[0], n
            self.field, self.entry = None, None
            return True
        value_at = at + m.start("value") + (len(m.group("value")) - len(m.group("value").lstrip()))
        if _provider_label(label):
            if _FILED_BY.match(value):
                return True  # "Sign Information: Scanned by Okonjo,Adaeze HIM Tech": a clerk
            name = _name(value)
            if not name:
                self.provider_label_at = n  # "Evaluated by:" and the name on the next line
                return True
            if not _NAMES_SOMEONE.search(name):
                return True  # "Seen by clinician: 20:41": when, not who
            if self.current is None and n - self.no_visit_at <= 3:
                return True  # the author of an entry that is no visit (a scheduler's note)
            if self.current is None or self.new_letterhead:
                self.pending_provider = self.pending_provider or name
            elif not self.current.provider or self.current.provider == self.banner_provider:
                self.current.provider, self.banner_provider = name, ""
            return True
        if label == "printed at":
            # the institution a print came from names the place of its notes that name none
            if not self.facility and _is_practice_name(name := _name(value)):
                self._facility(name)
            return True
        if label in _FACILITY_LABELS:
            # not a place inside it ("Location: Burn Unit, Bed 4"), nor an ambulance's scene
            # ("Location: Cordell Freight Services, 2250 Mission Ridge Rd")
            vague = label in ("location", "site") or _WARD.search(value)
            if value and not (vague and not _FACILITY_WORDS.search(value)):
                self._facility(_name(value), stated=True)
            return True
        if _section(label) is None:
            return False
        self._open(m.group("label"), value, value_at, n)
        return True

    def _open(self, label: str, value: str, value_at: int, n: int) -> None:
        if self.stay_discharge is not None and "discharge" in label.lower():
            self.current, self.stay_discharge = self.stay_discharge, None
        section = _section(label)
        if section is None:
            self.heading, self.heading_at = label.strip(), n  # a note's title, not a section
            self.field = None
            self.entry = None
            return
        self.field = section
        self.entry = None
        if value:
            self._continue(value, value_at)

    def _continue(self, text: str, at: int) -> None:
        """Add a line to the open section; text under no known heading is the visit's
        details (a free-text note), under a section the chronology leaves out nothing."""
        if self.field == "skip":
            return
        if self.field is None:
            self.field = "details"
        if self.entry is not None and self.entry.field == self.field:
            self.entry.text = f"{self.entry.text} {text}".strip()
            self.entry.end = at + len(text)
            self._extend(at + len(text))
            return
        self._add(self.field, text, at, at + len(text))

    def _add(self, name: str, text: str, start: int, end: int) -> None:
        entry = Entry(name, text, start, end)
        if name == "history":
            self.history.append(entry)
        elif self.current is None:
            return
        else:
            self.current.entries.append(entry)
            self._extend(end)
        self.entry = entry

    def _extend(self, end: int) -> None:
        if self.current is not None:
            self.current.end = max(self.current.end, end)

    def _signature(self, line: str) -> bool:
        """A signature line names the encounter's provider if nothing else has."""
        m = _SIGNED.search(line)
        credential = _CREDENTIAL.search(line)
        labelled = _LABELLED.match(line)
        if labelled and _provider_label(" ".join(labelled["label"].lower().split())):
            # "Interpreted by: F. Marchetti-Ross, MD     Signed: 05Mar24 10:41"
            who = _COLUMN_GAP.split(labelled["value"].strip())[0]
        elif m is None and len(line.strip()) <= 60 and (
                (credential and line.strip().startswith(("-", "<", "Dr", "/s/"))
                 # a name's titles after it ("- J. Ortiz, PT, DPT, Orthopaedics"), not a plan's
                 # words ("- Resume PT 2x/week x 6 weeks")
                 and not re.search(r"\b[a-z]{3,}", line[credential.end():]))
                or (_DASH_SIGNATURE.match(line) and not _DASH_ITEM.match(line))):
            who = re.sub(r"^/s/[ \t]*", "", line.strip(" -\t"))  # "/s/ C. O. Marwick-Adebayo, M.D."
        elif m is not None and re.match(r"[A-Z<]", m.group("who")) and \
                not line[:m.start()].endswith("co-"):
            # "Signed: K. Odom, PA-C"; not "Consent signed today.", nor the supervisor's
            # "Sessions reviewed and co-signed by OF within 48 hours"
            who = m.group("who")
        else:
            return False
        if self.current is not None and not self.current.provider and \
                re.search(r"[A-Za-z]{2}", who) and not find_dates(who):
            self.current.provider = _name(who)  # "Signed 05/22/2024 18:31" names no one
        return True


def parse_record(text: str, order: str | None) -> Record:
    """Encounters of a record; ``order`` settles numeric dates (``"MDY"``/``"DMY"``/``None``).

    A discharge dated in a letter's heading right under its admission keeps the letter's
    discharge sections and shares the stay's provider and facility (the letter's author and
    hospital)."""
    record = _Parser(read_ocr_capitals(text), order).run()
    _drop_restated(record)
    for before, after in itertools.pairwise(record.encounters):
        if before.visit == "Admission" and after.visit == "Discharge":
            after.provider = after.provider or before.provider
            after.facility = after.facility or before.facility
    key = provider_key(text)
    for encounter in record.encounters:
        if not encounter.provider and (masked := next(
                (c.strip() for e in encounter.entries[:1] for c in e.text.split("|")
                 if _PLACEHOLDER_CELL.fullmatch(c.strip())), "")):
            encounter.provider = masked  # a flowsheet's therapist column, its initials masked
        if not key:
            continue
        # the provider written as initials, or a table column of nothing but initials
        cells = [e for e in encounter.entries if _keyed(e.text, key)] if not encounter.provider \
            else []
        if cells:
            encounter.provider = cells[0].text
            encounter.entries.remove(cells[0])
        elif not encounter.provider and _keyed(encounter.visit.upper(), key):
            encounter.provider, encounter.visit = encounter.visit.upper(), "Visit"
        elif not encounter.provider and (initials := next(
                (c for e in encounter.entries[:1] for c in _COLUMN_GAP.split(e.text)
                 if _keyed(c, key)), "")):
            encounter.provider = initials  # a flowsheet row's column: "2   MB   5/10   Ther ex"
        if _keyed(encounter.provider, key):
            encounter.provider = " / ".join(key[i.strip()] for i in encounter.provider.split("/"))
    return record


#: A table cell that is one masked person: "|<PERSON_6> |".
_PLACEHOLDER_CELL = re.compile(r"<PERSON_\d+>")


#: Fields that tell care, not just its paperwork.
_CLINICAL_FIELDS = frozenset(("complaints", "findings", "diagnoses", "procedures", "plan",
                             "assessment_plan"))
#: A note that says it was written without seeing or speaking to the patient.
_NO_CONTACT = re.compile(r"(?:^|[.;][ \t]*)no[ \t]+patient[ \t]+contact\.?[ \t]*$", re.I | re.M)


def _drop_restated(record: Record) -> None:
    """Drop what only restates a visit written out elsewhere in the record: a table's row of a
    day that has its own note ("02/14/25  36w0d  118/72 ... RP" beside "36-WEEK VISIT
    02/14/2025"), and a stay's admission or discharge date when that day has its own notes;
    and notes that say there was no patient contact (a renewal mailed, a letter of results)."""
    def row_only(e: Encounter) -> bool:  # a row with nothing written under it
        return bool(e.row_end) and e.end <= e.row_end

    record.encounters[:] = [  # "Renewed ... Mailed. No patient contact.", and nothing clinical
        e for e in record.encounters
        if not (any(_NO_CONTACT.search(x.text) for x in e.entries)
                and not any(x.field in _CLINICAL_FIELDS for x in e.entries))]
    noted = Counter(e.date.label for e in record.encounters if not row_only(e) and e.entries)
    first = min(record.encounters, key=lambda e: e.date.start, default=None)
    record.encounters[:] = [
        e for e in record.encounters
        if not ((row_only(e) and noted[e.date.label])
                or (e.visit in ("Admission", "Discharge") and not e.entries and noted[e.date.label])
                # a print's banner opening with the stay over a day its own notes tell
                # ("ADMIT DATE....: 01/06/2024" above the ED note and the H&P)
                or (e is first and e.visit == "Admission" and noted[e.date.label] >= 3))]


def _keyed(text: str, key: dict[str, str]) -> bool:
    """Whether ``text`` is nothing but initials of the record's key ("TK", "TK / RH")."""
    return bool(text.strip()) and all(i.strip() in key for i in text.split("/"))


#: A record's key to the initials it writes for its providers: "Providers: TK = Dr. Tomasz
#: Keane, DDS     RH = Rhian Hollis, RDH", or in columns, one a line: "   RQL  Rafael
#: Quevedo-Lund, DC (treating chiropractor)".
_KEY_INITIALS = r"(?P<initials>[A-Z]{2,4}|<PERSON_\d+>)"
_KEY_NAME = (r"(?P<name>(?:Dr\.?[ \t]+)?(?:<PERSON_\d+>|[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){1,3})"
             r"(?P<credential>,[ \t]*[A-Z][A-Za-z.\-]{0,6}[A-Z.])?)")
_PROVIDER_KEY = re.compile(r"(?<![\w])" + _KEY_INITIALS + r"[ \t]*=[ \t]*" + _KEY_NAME)
_PROVIDER_KEY_COLUMNS = re.compile(r"(?m)^[ \t]*" + _KEY_INITIALS + r"[ \t]{2,}" + _KEY_NAME)


def provider_key(text: str) -> dict[str, str]:
    """Initials -> the provider's name, from the record's own key: a name with a title or a
    credential after it ("AOP = Adaeze Okonjo-Price, D.C.", "RQL  Rafael Quevedo-Lund, DC";
    not "FDI (11 = upper right ...)")."""
    return {m["initials"]: m["name"].strip()
            for key in (_PROVIDER_KEY, _PROVIDER_KEY_COLUMNS) for m in key.finditer(text)
            if m["credential"] or m["name"].startswith(("Dr", "<PERSON_"))}


def pain_score(text: str) -> str:
    """The pain score(s) an encounter records (``"8/10"``), as written."""
    scores = []
    for m in _PAIN.finditer(text):
        score = f"{m.group('score') or m.group('score2')}/10"
        if score not in scores:
            scores.append(score)
    return ", ".join(scores)


def work_status(text: str) -> str:
    """Work status as the record states it ("Off work 3 days", "modified duty")."""
    found: list[str] = []
    for m in _WORK.finditer(text):
        phrase = " ".join(m.group().split())[:80]
        if phrase.lower() not in (f.lower() for f in found):
            found.append(phrase)
    return "; ".join(found)
