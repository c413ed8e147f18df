"""Person names written after a label that says a person follows.

Forms and records name people in fields: "Name: Priya Raghunathan", "Patient: RAGHUNATHAN,
PRIYA", "Emergency Contact: Ana Ruiz", "Witness: Jan de Vries", "Signed by Karl Strobel";
transcripts in their captions: "DEPOSITION OF MAARTEN BROUWER"; filed contracts in their conformed
signatures: "/s/ Assaf Gold".
The statistical NER often misses them (no sentence around them, capitals, names rare in its
training data); the label is a strong signal.  A value that reads as an organisation or a
facility ("Provider: Valley Medical Center", "Name: Acme Holdings, Inc.") is not reported.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import NAME_PARTICLE, LabelledValueRecognizer

#: Roles that label a person's name in a field ("Therapist: R. Mbeki"): the role word alone
#: names no one.
PERSON_ROLE = (
    r"patient|pt|client|claimant|insured|subscriber|guarantor|member|employee|applicant|"
    r"witness|deponent|decedent|plaintiff|defendant|physician|provider|clinician|doctor|"
    r"attending(?:[ \t]+physician)?|referring[ \t]+(?:physician|provider|doctor)|"
    r"primary[ \t]+care[ \t]+(?:physician|provider)|pcp|nurse|therapist|surgeon|"
    r"emergency[ \t]+contact|next[ \t]+of[ \t]+kin|spouse|parent|guardian|mother|father|"
    r"husband|wife|son|daughter|sister|brother|prescriber|ordering[ \t]+(?:physician|provider)|"
    r"complainant|respondent|supervisor|driver|passenger|tenant|landlord|"
    r"signature|signatory|attention|attn|contact[ \t]+person|custodian|reporter|by|"
    r"(?:legal|authori[sz]ed|personal)[ \t]+representative|"
    r"(?:billing|technical|shipping|business|legal|primary|secondary|notice|project|account|"
    r"sales)[ \t]+contact|"
    r"referring|technologist|technician|interpreter|translator|scribe|chaperone|videographer|"
    r"adjuster|appraiser|inspector|investigator|contractor|plumber|electrician|handler|"
    r"notary|paramedic|officer|deputy|trooper|author"
)
#: A field starts a line or a column (after a tab, "|" or a run of spaces).
_FIELD_START = r"(?:^|(?<=[\t|;])|(?<=[ \t]{2}))[ \t\-*\u2022]*"
_SIGNED_BY = r"(?:signed|dictated|reviewed|prepared|examined|seen)[ \t]+by"
#: (A statement only in capitals, "STATEMENT OF": "the Statement of Additional Information" of a
#: fund is no one's statement.)
_RECORD_OF = (r"(?:deposition|testimony|examination|affidavit|declaration|(?-i:STATEMENT))"
              r"[ \t]+of")
#: The label: a role with an optional "name", or "name" alone, then a colon, as a field (the
#: order of the parts may stand between: "Name (last, first, mi):"); or "signed by" anywhere.
_LABEL = (
    r"(?i:" + _FIELD_START + r"(?:(?:" + PERSON_ROLE + r")(?:'s)?(?:[ \t]+(?:full[ \t]+)?name)?"
    r"|(?:full[ \t]+|legal[ \t]+)?name)[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:\.{2,}[ \t]*)?:"
    r"|(?<![\w])(?:electronically[ \t]+)?" + _SIGNED_BY + r":?)"
    r"[ \t]*(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+)?"
)
#: "DEPOSITION OF", "testimony of"...: the name may follow on the next (numbered) line.
_OF_LABEL = (
    r"(?i:(?<![\w])" + _RECORD_OF + r")"
    r"(?:[ \t]+|[ \t]*\n(?:[ \t]*\d{1,3})?[ \t]+)"
    r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+)?"
)
#: A conformed signature of a filed copy: "/s/ Assaf Gold".
_CONFORMED = r"(?<![\w/])/s/[ \t]*"
_TITLE_WORD = r"\p{Lu}[\p{L}'\u2019\-]*\p{Ll}"  # "Ruiz", "O'Neill", "McKenna"
_CAPS_WORD = r"\p{Lu}[\p{Lu}'\u2019\-]*\p{Lu}"
_INITIAL = r"\p{Lu}\."


#: Between the words of one name: a space or two, never a column gap ("WITNESS: GRETCHEN A.
#: MALLORY                 PAGE" is a name, then an index's column heading).
_BETWEEN = r"[ ]{1,2}"


def _name(word: str) -> str:
    """First [initial/particle/middle]* last, on one line, in one case style."""
    return (word + r"(?:" + _BETWEEN + r"(?:" + _INITIAL + r"|" + NAME_PARTICLE + r"|" + word
            + r")){0,3}" + _BETWEEN + word)


#: An office after a name and a comma: "Thomas Whitcombe, Vice President" is no "LAST, FIRST".
OFFICE = (
    r"(?i:vice|president|chief|senior|executive|general|director|manager|secretary|treasurer|"
    r"partner|esq|attorney|counsel|officer|chairman|chair|head|principal|managing|associate|"
    r"assistant|founder|owner|member|trustee|agent)\b"
)


def _surname_first(word: str) -> str:
    """LAST, FIRST [MIDDLE|M.|M] [MIDDLE|M.] (FIRST no office: "Whitcombe, Vice" is not a name);
    the given names are one space apart, so a column gap after them ends the name
    ("NGUYEN, LAN T  MRN: ...")."""
    middle = r"(?:" + _INITIAL + r"|" + word + r"|\p{Lu}(?![\p{L}.]))"
    return (word + r"(?:[ \t\-]" + word + r")?,[ \t]*(?!" + OFFICE + r")" + word
            + r"(?:[ ]" + middle + r"){0,2}")


#: Initials before a surname: "/s/ R.J.R. Betham", "By: J. A. SMITH".
_INITIALS_FIRST = r"(?:" + _INITIAL + r"[ ]?){1,3}(?:" + _TITLE_WORD + r"|" + _CAPS_WORD + r")"

_VALUE = (
    r"(?P<value>" + _surname_first(_CAPS_WORD) + r"|" + _surname_first(_TITLE_WORD) + r"|"
    + _name(_CAPS_WORD) + r"|" + _name(_TITLE_WORD) + r"|" + _INITIALS_FIRST + r")"
    + r"(?![\p{L}\d])"
)
ORGANISATION = regex.compile(
    r"\b(?:inc|llc|l\.l\.c|corp|corporation|ltd|limited|lp|l\.p|llp|plc|gmbh|company|co|"
    r"hospital|clinic|center|centre|medical|health|healthcare|care|group|associates|partners|"
    r"university|college|school|department|dept|services|systems|solutions|bank|insurance|"
    r"pharmacy|laboratory|laboratories|labs|court|county|state|city|town|township|village|"
    r"borough|municipality|agreement|office|"
    r"institute|foundation|trust|agency|authority|unit|ward|emergency|urgent)\b",
    regex.IGNORECASE,
)


_NOT_A_NAME = regex.compile(
    r"\b(?:the|witness|deponent|record|plaintiffs?|defendants?|counsel|parties|party|united|"
    r"states|custodian|records|corporate|representative|team|support|desk|helpdesk|hotline|"
    r"customer|service)\b",
    regex.IGNORECASE,
)


#: An office or a department after "Attn:" ("Executive Vice President", "Chief Financial
#: Officer", "Accounts Payable"), or a business named after its owner ("Rubio's Fresh Mexican
#: Grill"): no one's name.
#: Nouns that end the name of an office ("Town Clerk", "Chief Financial Officer").
OFFICE_NOUNS = frozenset(
    "clerk officer president director manager counsel secretary treasurer chairman chairperson "
    "administrator supervisor coordinator superintendent commissioner controller comptroller "
    "registrar paralegal".split())
NOT_A_PERSON = regex.compile(
    r"\b(?:" + "|".join(sorted(OFFICE_NOUNS)) + r"|administration|payable|receivable|legal|"
    r"accounting|finance|notices)\b|\p{L}['\u2019]s[ \t]+\p{Lu}",
    regex.IGNORECASE,
)


class LabelledNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.88
    FLAGS = regex.MULTILINE
    PATTERNS = (_LABEL + _VALUE, _OF_LABEL + _VALUE, _CONFORMED + _VALUE,
                # a contact list's name, then its phone or e-mail in the next column:
                # "East Coast Sales - Elsa Neves      Phone:   877-286-3879"
                r"(?:^|(?<=[ \t]{2})|(?<=[ \t][-\u2013\u2014][ \t]))(?P<value>" + _name(_CAPS_WORD)
                + r"|" + _name(_TITLE_WORD) + r")(?=[ \t]{2,}(?i:phone|tel|telephone|e-?mail|fax|"
                r"mobile|cell)\.?[ \t]*:)")
    LINES = ":|/s/|" + _SIGNED_BY + "|" + _RECORD_OF

    def validate(self, value: str) -> bool:
        return not (ORGANISATION.search(value) or _NOT_A_NAME.search(value)
                    or NOT_A_PERSON.search(value))
