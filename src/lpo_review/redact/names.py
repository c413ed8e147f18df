"""Document-level name handling: one person, one key, every mention.

A full name found anywhere ("Jan Achterberg") makes its parts aliases of that person, so a later
"Achterberg", "ACHTERBERG" or "Mr. Achterberg" is masked too and keyed to the full name (and so
gets the same placeholder).  Aliases live in an :class:`AliasBook`, which the redactor keeps per
pseudonym table, so documents sharing a table share the people they know.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import regex
from presidio_analyzer import AnalysisExplanation, RecognizerResult

from lpo_review.redact.countries import before_country
from lpo_review.redact.name_evidence import (
    RARE_ZIPF,
    NameEvidence,
    common_plural,
    is_common_english,
    is_given_name,
    zipf,
)
from lpo_review.redact.recognizers.base import NAME_PARTICLE, NAME_PARTICLES
from lpo_review.redact.recognizers.credential_name import CREDENTIAL_ONLY
from lpo_review.redact.recognizers.labelled_name import OFFICE_NOUNS, PERSON_ROLE
from lpo_review.redact.recognizers.zip_code import STATE_AND_ZIP
from lpo_review.redact.spans import is_section_heading
from lpo_review.textnorm import read_ocr_capitals

PERSON = "PERSON"
PROPAGATION = "NameRepeatPropagation"

_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor judge justice hon sir dame lord lady madam rev "
    "father sister brother juror senator rep det officer sgt capt captain sra srta mme mlle herr "
    "frau chief pastor rabbi reverend deacon bishop mayor governor sheriff".split()
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?[ \t]+$", re.IGNORECASE)

_SUFFIXES = frozenset("jr sr ii iii iv md do rn np pa phd esq".split())


def name_parts(surface: str) -> list[str]:
    """Case-folded name words without honorifics, initials, credentials or a possessive ending.

    "RAGHUNATHAN, PRIYA" is read in the usual order ("priya raghunathan"); a suffix after a
    comma ("John Smith, Jr.") is dropped, not taken for a first name, and so is a credential
    ("YAZZIE, FRANK PA-C").
    """
    last, comma, first = surface.partition(",")
    if comma and "," not in first and first.strip():
        suffix = {w.casefold().rstrip(".") for w in first.split()} <= _SUFFIXES
        surface = last if suffix else f"{first} {last}"
    parts = []
    for word in _WORD.findall(surface):
        w = re.sub(r"['\u2019]s$", "", word).casefold()
        if w in _HONORIFICS or len(w) < 2 or CREDENTIAL_ONLY.fullmatch(word):
            continue
        parts.append(w)
    return parts


def name_key(parts: list[str]) -> str:
    """Key of a full name: first and last word (middle names and initials vary)."""
    return parts[0] if len(parts) == 1 else f"{parts[0]} {parts[-1]}"


@dataclass
class AliasBook:
    """Name words known to belong to a person: word -> key of the full name."""

    aliases: dict[str, str] = field(default_factory=dict)
    full_names: dict[tuple[str, str], str] = field(default_factory=dict)
    """Given name and surname of each full name -> its key: the pair is the person wherever it
    stands together ("Bell, Austin" after "Austin J. Bell"), even if either word alone is also a
    firm's or an ordinary word."""
    short_forms: dict[str, str] = field(default_factory=dict)
    """The beginnings of known given names -> the full name's key ("raj" of "Rajesh
    Subramanian", "art" of "Arthur Boyd"): the short form a person signs or is greeted by."""

    def learn(self, parts: list[str], alias_parts: list[str], alone: bool = False) -> None:
        """Remember ``alias_parts`` as aliases of the full name ``parts`` (two words or more, or
        a hyphenated surname, whose halves are its aliases: "Okafor" of "Ms. Okafor-Brandt"; or
        a name found ``alone`` by what is said of it: "my brother Deuce")."""
        if not parts or (len(parts) < 2 and "-" not in parts[0] and not alone):
            return
        key = name_key(parts)
        if len(parts) >= 2 and all(p.isalpha() for p in (parts[0], parts[-1])):
            self.full_names.setdefault((parts[0], parts[-1]), key)
        for part in alias_parts:
            self.aliases.setdefault(part, key)
        given = parts[0]
        if len(parts) >= 2 and given in alias_parts and given.isalpha():
            for k in range(_SHORT_FORM, len(given) - 1):
                self.short_forms.setdefault(given[:k], key)

    def key_for(self, surface: str) -> str:
        """The key a mention is pseudonymised under."""
        parts = name_parts(surface)
        if not parts:
            return " ".join(surface.casefold().split())
        if len(parts) == 1:
            return self.aliases.get(parts[0], parts[0])
        return name_key(parts)


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|such|each|any)\s+$",
                             re.IGNORECASE)
#: Recognizers whose PERSON spans are guesses that need the document's evidence: the NER's, a
#: name-shaped answer to a question about a person, a name before a credential, a signature
#: block's cell.
NEEDS_EVIDENCE = frozenset({"SpacyRecognizer", "AnswerValueRecognizer",
                             "CredentialNameRecognizer", "SurnameFirstRecognizer",
                             "SignatureNameRecognizer"})


#: Recognizers that find a person named by one word alone on what the text says of it ("my
#: brother Deuce", "Who is Skip?"): the word is masked wherever it stands capitalised.
NAMED_ALONE = frozenset({"RelationNameRecognizer"})


def recognizer_name(result: RecognizerResult) -> str:
    """The name of the recognizer that found ``result`` ("unknown" if it does not say)."""
    meta = result.recognition_metadata or {}
    return str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown"))


def plausible_person(text: str, result: RecognizerResult, evidence: NameEvidence) -> bool:
    """Reject PERSON detections that cannot be a name: only stop words ("Q. Did"), digits
    ("PM-88231-X"), a Roman number, a field's label ("Title:", "Facsimile Number:"), one word
    after an article ("the Supplier", a defined term), or, for an NER
    guess without a courtesy title, a span the document's evidence says is no name
    ("Applicable Law", "Accuray": see :mod:`lpo_review.redact.name_evidence`)."""
    surface = read_ocr_capitals(text[result.start : result.end])  # "MART1NEZ" as scanned
    recognizer = recognizer_name(result)
    if recognizer == "TableColumnRecognizer":
        return True  # initials under an "Init" or "RPh" heading ("J.O."): the heading says so
    if recognizer == "AttentionNameRecognizer":  # "Attention: Antonella Penta Indorama ... LP"
        words = _WORD.findall(surface)
        if _TITLE_BEFORE.search(text, max(0, result.start - 8), result.start) or \
                _TITLE_START.match(surface) or _ESQUIRE_AFTER.match(text, result.end):
            return True  # "Attn: Ms. Ainsley Moss", "Attention: Lee Edwards, Esq."
        if (email := _EMAIL_AFTER.match(text, result.end)) and \
                all(w.casefold() in email["local"].casefold() for w in words):
            return True  # "Attention: David Watson Email: David.Watson@..."
        return is_given_name(words[0]) and not all(zipf(w.casefold()) >= 4.0 for w in words)
    parts = name_parts(surface)
    if not any(p not in evidence.stopwords for p in parts) or any(ch.isdigit() for ch in surface):
        return False
    if all(p.casefold().rstrip(".") in _CALENDAR_WORDS for p in parts) and (
            len(parts) >= 2 or _DAY_AFTER.match(text, result.end)):
        return False  # "Thu Oct" of "Thu Oct 24, 2024", "Oct" of "Oct 25"
    if _ROMAN_NUMERAL.fullmatch(surface) or (
            _FIELD_LABEL.fullmatch(surface) and _LABEL_COLON.match(text, result.end)):
        return False  # "Article XVIII"; "Name: Randall J. Scott  Title: President"
    if _DOCUMENT_PART.match(surface):
        return False  # "Exhibit C - Fee" of "Exhibit C - Fee Schedule": a part and its title
    if _TOWN_BEFORE_STATE.search(text[result.start:result.end + 8]):
        return False  # "E. Dorothy Lane Dayton OH" of "... OH 45420": a street and its town
    if _DRIVE_BEFORE.search(text[max(0, result.start - 60):result.start]
                            + surface[:4 if surface.startswith("Dr. ") else 0]):
        return False  # "Johnson City" of "601-635 Harry L Dr. Johnson City NY": after a drive
    before = text[max(0, result.start - 12) : result.start]
    if len(parts) == 1 and _ARTICLE_BEFORE.search(before):
        return False
    if _TITLE_BEFORE.search(text, max(0, result.start - 8), result.start) or \
            _TITLE_START.match(surface):
        return True
    if _ABBREVIATION_AFTER.match(text, result.end) or \
            evidence.inside_organisation(result.start, result.end):
        return False  # "ARCA U." of "ARCA U.S.", "Lipton" of "Wachtell, Lipton, ... LLP"
    if len(parts) >= 2 and all(p in evidence.organisation_words for p in parts) and \
            not is_given_name(parts[0].capitalize()):
        return False  # "By: International Business" over "... Machines Corporation" in a column
    words = _WORD.findall(surface)
    if len(words) >= 2 and words[-1].casefold() in OFFICE_NOUNS:
        return False  # "Town Clerk", "Contracting Officer": an office, not its holder
    if _FIELD_VALUE_OF_OFFICE.match(surface):
        return False  # the NER's "Title: Managing" of "Title: Managing Member"
    if recognizer not in NEEDS_EVIDENCE:
        return True
    if _QUANTITY_BEFORE.search(before):
        return False  # "one (1) Mbps": a unit after its number
    if _ROLE_WORD.fullmatch(surface):
        return False  # "Therapist" heading a column or labelling a field: the role, no one
    if len(parts) == 1 and surface.isupper() and _SCORE_AFTER.match(text, result.end):
        return False  # "LEFS 44/80", "NDI 42%": a scale's abbreviation before its score
    if _TRADEMARK_BEFORE.search(before) or _TRADEMARK_AFTER.match(text, result.end):
        return False  # "Snotarator\u2122 Nasal Aspirator", "OncoCEE-LU\u2122": a product's name
    if _SECTION_TITLE_BEFORE.search(text, max(0, result.start - 40), result.start):
        return False  # "Section 6.1.1 (BLI Standstill)": the title of the section it cites
    if _PAGE_AFTER.match(text, result.end) and surface.split()[-1].casefold() == "page":
        return False  # "Ginkgo Page" of "... by Ginkgo Page 55 of 85": a page's footer
    if _VERSION_AFTER.match(text, result.end) or _VERSION_BEFORE.search(before):
        return False  # "Flix Pro 4 for Windows": a product and its version
    if len(parts) >= 2 and _DEFINITE_BEFORE.search(before):
        return False  # "The Load Balancer analyzes": a thing the text points at, no person
    if len(parts) == 1 and _WORD_USE_AFTER.match(text, result.end) and \
            is_common_english(parts[0]):
        return False  # the NER's "Mark" of "Mark it down"
    if _COUNTIES_AFTER.match(text, result.end):
        return False  # "Rio Arriba, Sandoval, and McKinley counties": places
    if _TOWN_BEFORE_STATE.match(text, result.end) or before_country(text, result.end):
        return False  # "Suite 925, Aurora, Colorado 80014", "51429 Bergisch Gladbach  Germany"
    if _in_capitals(text, result.start, result.end) and \
            not is_given_name(parts[0].capitalize()):
        return False  # "THE KNOWING, VOLUNTARY AND BARGAINED FOR AGREEMENT"
    return evidence.is_name(surface)


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` stands in a sentence written in capitals: three words in
    capitals before it and three after, on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _WORD.findall(text[max(line_start, start - 80):start])[-3:]
    after = _WORD.findall(text[end:min(end + 80, line_end if line_end >= 0 else len(text))])[:3]
    return len(before) == len(after) == 3 and all(w.isupper() for w in before + after)


_TOWN_BEFORE_STATE = re.compile(STATE_AND_ZIP)
#: A house number and a street's name before "Dr.": the street's type, no doctor's title.
#: (one space after the number, words without a full stop: not a transcript's "20   A.   Dr. X")
_DRIVE_BEFORE = re.compile(r"\b\d{1,6}(?:-\d{1,6})? [A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*){0,2}[ \t]+Dr\.?"
                           r"[ \t]+$")
#: A part of a document by its letter or number: "Exhibit C", "Schedule 2.1", "Annex B".
_DOCUMENT_PART = re.compile(r"(?i:exhibit|schedule|annex|appendix|attachment|addendum|section|"
                            r"article|clause|rider|tab)[ \t]+(?:[A-Z]{1,2}|\d[\w.\-]*)\b")
#: A section's Roman number, 2 to 39 ("XV", "XVIII").
_ROMAN_NUMERAL = re.compile(r"(?=\w{2})X{0,3}(?:IX|IV|V?I{0,3})")
#: A signature block's or letterhead's field label, before its colon.
_FIELD_LABEL = re.compile(r"(?:name|title|dated?|signature|(?:tele)?phone|tel|fax|facsimile|"
                          r"e-?mail|address|attention|attn|by|its|witness|dob|dos|mrn|ssn|acct)",
                          re.IGNORECASE)
_LABEL_COLON = re.compile(r"[ \t]*(?:(?:no\.?|number|#)[ \t]*)?(?::|_{2,})", re.IGNORECASE)
#: A field whose value is an office, not a person ("Title: Managing Member").
_FIELD_VALUE_OF_OFFICE = re.compile(r"(?:title|position|capacity|office)[ \t]*:", re.IGNORECASE)
#: A number written out and then in figures, right before: "one (1) Mbps", "ten (10) Seats".
_QUANTITY_BEFORE = re.compile(r"\b[a-z]+[ \t]+\(\d+\)[ \t]*$")
#: "the" right before: a name of two words or more does not take it ("The Load Balancer").
_DEFINITE_BEFORE = re.compile(r"\bthe[ \t]+$", re.IGNORECASE)
#: An initial and a surname ("F. Lindqvist"): the surname alone is the person's too ("Fergus
#: Lindqvist" elsewhere in the same chart).
_INITIAL_THEN_SURNAME = re.compile(r"[A-Z]\.[ \t]*[A-Z][a-z'\-]{2,}")
#: A person's role alone ("Therapist", "Driver"), as a field's label or a column's heading.
_ROLE_WORD = re.compile(f"(?i:{PERSON_ROLE})")
#: A score or a measurement right after: "44/80", "42%".
#: Names of days and months, whole or cut short: "Thu Oct 24, 2024" is a date, not "Thu Oct".
_CALENDAR_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday jan feb mar apr may jun jul aug sep sept oct nov dec january february "
    "march april june july august september october november december".split())
_DAY_AFTER = re.compile(r"\.?,?[ \t]+\d{1,2}(?:st|nd|rd|th)?\b")
#: A lawyer's title after a name: "Lee Edwards, Esq.", "Lee Edwards, Esquire".
_ESQUIRE_AFTER = re.compile(r",?[ \t]*Esq(?:\.|uire\b)")
#: The rest of a list of counties or parishes after one of its names.
_COUNTIES_AFTER = re.compile(r"(?:,?[ \t]+(?:and[ \t]+)?[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)?){0,5}"
                             r",?[ \t]+(?:count(?:y|ies)|parish(?:es)?|boroughs?)\b")
#: A product's version and platform after it: "Flix Pro 4 for Windows", "Flix Engine 3.5 for".
_VERSION_AFTER = re.compile(r"[ \t]+(?:v(?:ersion)?\.?[ \t]*)?\d+(?:\.\d+)*[ \t]+for[ \t]+[A-Z]")
#: ... or the platform after a product's version: "Flix Pro 3 for Mac Demo".
_VERSION_BEFORE = re.compile(r"\b\d+(?:\.\d+)*[ \t]+for[ \t]+$")
#: An e-mail address soon after, on the same line: "  Email: David.Watson@reynolds...".
_EMAIL_AFTER = re.compile(r"[^\n@]{0,40}?\b(?P<local>[\w.\-]+)@")
#: A trade mark's sign right after the words: "OncoCEE-LU\u2122 (and ...)".
_TRADEMARK_AFTER = re.compile(r"[ \t]?[\u2122\u00ae]")
#: A cited section's number and the parenthesis that opens its title: "Section 6.1.1 (BLI ".
_SECTION_TITLE_BEFORE = re.compile(r"\b(?:sections?|articles?|clauses?|paragraphs?|\u00a7)[ \t]*"
                                   r"\d+(?:\.\d+)*[a-z]?(?:\([a-z0-9]{1,4}\))*[ \t]*\([^()\n]{0,30}$",
                                   re.IGNORECASE)
#: A page's number in a footer after the word "Page": "Page 55 of 85".
_PAGE_AFTER = re.compile(r"[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}\b")
#: A trade mark's sign right before the words: a product's name follows.
_TRADEMARK_BEFORE = re.compile(r"[\u2122\u00ae\u00a9][ \t]*$")
_SCORE_AFTER = re.compile(r"[ \t]+\d+(?:\.\d+)?[ \t]*(?:/[ \t]*\d+|%)")
_ABBREVIATION_AFTER = re.compile(r"(?<=\b[A-Z]\.)[^\W\d_]\.")
_TITLE_START = re.compile(r"(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?\s", re.IGNORECASE)


def _result(start: int, end: int, recognizer: str, why: str) -> RecognizerResult:
    return RecognizerResult(
        PERSON, start, end, 0.85,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer, original_score=0.85, textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer},
    )


def propagate_names(
    text: str, results: list[RecognizerResult], book: AliasBook, evidence: NameEvidence
) -> list[RecognizerResult]:
    """Learn the document's full names into ``book`` and add results for uncovered repeats.

    Implausible PERSON results are dropped first (:func:`plausible_person`); full names the
    recognizers missed are added by their shape (:func:`name_shaped`); only the parts of a full
    name that the document does not also use as ordinary words become aliases, and their
    mentions (spelled out too: "C-A-S-T-E-L-L-A-N-O") are added; names are completed over their
    initials and middle names (:func:`complete_names`); a courtesy title right before a name is
    included in its span.

    A repeat must start with a capital letter ("Brown" the person, not "brown" the colour).
    """
    results = [
        r for r in results if r.entity_type != PERSON or plausible_person(text, r, evidence)
    ]
    covered = [(r.start, r.end) for r in results]
    results += [_result(start, end, NAME_SHAPE, "a given name and a rare surname")
                for start, end in name_shaped(text, evidence, covered)]
    _learn(text, results, book, evidence)
    if book.aliases or book.full_names:
        covered = [(r.start, r.end) for r in results]
        results += [_result(start, end, PROPAGATION, "part of a full name found elsewhere")
                    for start, end, _key in alias_mentions(text, book, covered)]
    spans = {id(r): (r.start, r.end) for r in results}
    completed = complete_names(text, results, evidence)  # (widens spans in place)
    # a surname found alone and completed over its given name ("Fergus Lindqvist") names the
    # person wherever else the surname stands ("F. Lindqvist" in a column above)
    grown = [r for r in completed if r.entity_type == PERSON and
             spans.get(id(r)) != (r.start, r.end) and
             len(parts := name_parts(text[r.start:r.end])) >= 2 and
             all(p.isalpha() for p in parts) and text[r.start:r.end].istitle() and
             zipf(parts[-1]) < RARE_ZIPF and evidence.lone_name(parts[0])]
    if grown and _learn(text, grown, book, evidence):
        covered = [(r.start, r.end) for r in completed]
        completed += [_result(start, end, PROPAGATION, "part of a full name found elsewhere")
                      for start, end, _key in alias_mentions(text, book, covered)]
    return [_with_title(text, r) for r in completed]


def _learn(text: str, results: list[RecognizerResult], book: AliasBook,
           evidence: NameEvidence) -> bool:
    """Learn the names among ``results`` into ``book``; whether it learned a new alias."""
    known = len(book.aliases)
    for r in results:
        if r.entity_type == PERSON:
            parts = name_parts(text[r.start : r.end])
            surface = text[r.start : r.end]
            book.learn(parts, evidence.alias_parts(parts),
                       alone=recognizer_name(r) in NAMED_ALONE
                       or _INITIAL_THEN_SURNAME.fullmatch(surface) is not None)
            if initials := initials_beside(text, r.start, r.end):
                book.aliases.setdefault(initials.casefold(), name_key(parts))
    for short in [s for s in book.short_forms if s in evidence.organisation_words]:
        del book.short_forms[short]  # "Pey" of "PEY DIRT, INC.", not of "Peyton Manning"
    return len(book.aliases) > known


#: Initials written right before a name or in parentheses after it (and its credential): a
#: claim file's "PRC Priya Ramaswamy-Clarke", a legend's "LM = Lisa Marchetti", a chart's
#: "Willem van Rensburg, DMD (WVR)".
_KEY_INITIALS_BEFORE = re.compile(
    r"(?:^|(?<=[\s(;,]))(?P<initials>[A-Z]{2,4})(?:[ \t]+|[ \t]*[=:\u2013][ \t]*|[ \t]+-[ \t]+)$")
_KEY_INITIALS_AFTER = re.compile(
    r"(?:,[ \t]*[A-Z][A-Za-z.\-]{1,7})*[ \t]*\((?P<initials>[A-Z]{2,4})\)")


def initials_beside(text: str, start: int, end: int) -> str:
    """The initials a text writes for the name at ``[start, end)``, right before it or in
    parentheses after it, if they are that name's ("PRC" of "Priya Ramaswamy-Clarke", "WVR" of
    "Willem van Rensburg"); "" if none.  Those initials then stand for the person wherever they
    stand (the flowsheet's or claim log's "By" column)."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    # (one letter for the particles of a surname: "IVB" of "Ines van den Broek")
    particled = [w for i, w in enumerate(words)
                 if not (i and w.casefold() in NAME_PARTICLES
                         and words[i - 1].casefold() in NAME_PARTICLES)]
    spaced = re.findall(r"[^\W\d_][\w'\u2019\-]*", text[start:end])  # "Villalobos-Tran" is one
    forms = {"".join(w[0] for w in words).upper(),
             "".join(w[0] for w in words if w[0].isupper()).upper(),
             "".join(w[0] for w in particled).upper(),
             "".join(w[0] for w in spaced).upper(),
             (words[0][0] + words[-1][0]).upper() if len(words) > 1 else ""} - {""}
    for m in (_KEY_INITIALS_BEFORE.search(text, max(0, start - 24), start),
              _KEY_INITIALS_AFTER.match(text, end)):
        if m and m["initials"] in forms:
            return m["initials"]
    return ""


#: Recognizer name of a full name found by its shape alone.
NAME_SHAPE = "NameShape"
_NAME_SHAPED = regex.compile(
    r"(?<![\w.\-])(\p{Lu}\p{Ll}+)(?: (\p{Lu}\.|\p{Lu}\p{Ll}+))?"
    # particles before the surname: "Anouk de Vries", "Ines van den Broek"
    r"(?: (?!(?:e|y) )" + NAME_PARTICLE + r"){0,2}"  # (not "e" or "y": "Tecnologia e Informacao")
    r" (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\w\-])"
)


def name_shaped(text: str, evidence: NameEvidence, covered: list[tuple[int, int]]
                ) -> list[tuple[int, int]]:
    """Spans outside ``covered`` that have a full name's shape: a given name, optionally a
    middle name or initial, and a rare surname ("Constantine Petrakis", "Anita Dombrowski"), no
    word twice ("Licensor Licensor" in a signature table), every word a name word on the
    document's evidence, not a section's heading ("15.3 Partial Invalidity. If") nor a town
    before its country ("Bergisch Gladbach, Germany"); or a given name,
    a middle initial and a surname, whatever the words ("Hope A. Rivers"); particles may stand
    before the surname ("Anouk de Vries")."""
    taken = sorted(covered)
    starts = [c[0] for c in taken]
    found = []
    for m in _NAME_SHAPED.finditer(text):
        first, middle, last = m.group(1), m.group(2), m.group(3)
        i = bisect.bisect_right(starts, m.end()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue
        words = [w.casefold() for w in (first, middle, last) if w and len(w) > 2]
        shaped = (all(evidence.name_word(w) for w in words)
                  and not evidence.plural_of_ordinary(last)  # "Additional Insureds"
                  and not common_plural(last)  # "Massage Parlors"
                  and evidence.is_person_shaped(first, last))
        # a given name, a middle initial and a surname, however common the words: "Hope A.
        # Rivers", "Will T. Young"
        initialled = (bool(middle) and middle.endswith(".") and is_given_name(first)
                      and last.casefold() not in evidence.stopwords
                      and first.casefold() not in evidence.defined)
        if len(set(words)) == len(words) and (shaped or initialled) and \
                not evidence.inside_organisation(*m.span()) and \
                not (shaped and before_country(text, m.end())) and \
                not is_section_heading(text, text.rfind("\n", 0, m.start()) + 1, *m.span()):
            found.append(m.span())
    return found


_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,2}[ \t]?$")
_LINE_OPENING = re.compile(r"[ \t]*(?:\d{1,2}[ \t:]*)?")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w.\-])([A-Z][^\W\d_A-Z]+|[A-Z]{2,})[ \t]$")
#: What may stand between two parts of one name on a line: initials or one name word.
_BETWEEN = re.compile(r"[ \t]+(?:(?:[A-Z]\.[ \t]*){1,2}|([A-Z][^\W\d_A-Z]+|[A-Z]{2,})[ \t]+)?")


#: Particles between two parts of one name ("Steven van der Velden"), or at the end of the
#: first part the NER took ("Steven van" before "der Velden").
_PARTICLES_BETWEEN = re.compile(r"(?:[ \t]+(?:van|von|der|den|de|du|la|le|da|di|del|dos|das|"
                                r"ten|ter|bin|ibn|al))+[ \t]+")
_PARTICLE_END = re.compile(r"[ \t](?:van|von|de|du|da|di|del|dos|das|ten|ter|bin|ibn)$")


def complete_names(text: str, results: list[RecognizerResult], evidence: NameEvidence
                   ) -> list[RecognizerResult]:
    """Widen PERSON spans over initials before them ("B. Szabo") and a name word before them
    ("Chiamaka Grace Brandt"), and join two one-word PERSON spans of one line separated only by
    initials or a name word ("Dennis R. Yarborough", "Lan Thi Nguyen", "RAMON ANTONIO VIGIL");
    two whole names side by side stay two."""
    persons = sorted((r for r in results if r.entity_type == PERSON), key=lambda r: r.start)
    others = [r for r in results if r.entity_type != PERSON]
    joined: list[RecognizerResult] = []
    for r in persons:
        prev = joined[-1] if joined else None
        if prev is not None and prev.end <= r.start:
            m = _BETWEEN.fullmatch(text, prev.end, r.start)
            single = not any(ch.isspace() for ch in text[prev.start:prev.end] + text[r.start:r.end])
            if m and single and (m.group(1) is None or evidence.name_word(m.group(1).casefold())) \
                    or _PARTICLES_BETWEEN.fullmatch(text, prev.end, r.start) \
                    or (_PARTICLE_END.search(text, prev.start, prev.end)
                        and _PARTICLES_BETWEEN.fullmatch(" " + text[prev.end:r.start])):
                prev.end = max(prev.end, r.end)  # "Steven van" + "der" + "Velden"
                continue
        if prev is not None and r.start < prev.end:
            prev.end = max(prev.end, r.end)
            continue
        initials = _INITIALS_BEFORE.search(text, max(0, r.start - 8), r.start)
        if initials and initials.group().rstrip() in ("A.", "Q.") and _LINE_OPENING.fullmatch(
                text, text.rfind("\n", 0, initials.start()) + 1, initials.start()):
            initials = None  # "A.  Margaret ...": a transcript's answer mark, not an initial
        floor = prev.end if prev is not None else 0  # never reach into the name before
        if initials and initials.start() >= floor:
            r.start = initials.start()
        elif not initials:
            word = _NAME_WORD_BEFORE.search(text, max(0, r.start - 40), r.start)
            if word and word.start() >= floor and evidence.lone_name(word.group(1)):
                r.start = word.start()
        joined.append(r)
    return others + joined


_CAPITALISED = re.compile(r"(?<![\w\-'\u2019])[^\W\d_][\w'\u2019\-]*")
#: What follows a common word used as a word, not as the name it also is: "Mark it down",
#: "Will you ...", "Hope this helps", "Grace period", "Bill the client".
_WORD_USE_AFTER = re.compile(r"[ \t]+(?:it|this|that|these|those|them|me|you|your|we|us|down|up|"
                             r"out|the|a|an|period|all|everyone|everybody)\b")
#: The shortest beginning of a given name taken for its short form ("Raj", "Art").
_SHORT_FORM = 3
#: A word that opens its line ("Hi Art,", "Art - can you ..."), and what follows a name there:
#: the line's end, a comma, a dash or a colon.
_GREETING_PLACE = re.compile(r"[ \t>]*(?:(?:hi|hello|dear|hey|thanks|thank you|cheers|best|"
                             r"regards),?[ \t]+)?", re.IGNORECASE)
_SIGN_OFF_AFTER = re.compile(r"[ \t]*(?:$|,|[-\u2013\u2014:][ \t])", re.MULTILINE)
#: A page marker's number after the word: "Page 3 of 13".
_PAGE_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}\b")


def alias_mentions(
    text: str, book: AliasBook, covered: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of capitalised words of ``text`` that are known name parts and lie
    outside every ``covered`` span ("Achterberg" or "Achterberg's" after "Jan Achterberg"), and
    of known name parts spelled out letter by letter ("A-C-H-T-E-R-B-E-R-G").

    Linear in the text: each word is looked up in the book, however many names it holds.
    """
    if not book.aliases and not book.full_names:
        return []
    spans = sorted(covered)
    starts = [c[0] for c in spans]
    found = []
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        start, end = m.span()
        if word[-2:] in ("'s", "\u2019s"):
            word, end = word[:-2], end - 2
        key = book.aliases.get(word.casefold()) or book.aliases.get(_ocr_read(word))
        if key is None and word.istitle() and (short := book.short_forms.get(word.casefold())) and (
                not is_common_english(word) or _GREETING_PLACE.fullmatch(
                    text, text.rfind("\n", 0, start) + 1, start)
                and _SIGN_OFF_AFTER.match(text, end)):
            key = short  # "Raj" signing an e-mail of Rajesh Subramanian's, "Art - can you"
        if key is None or (_WORD_USE_AFTER.match(text, end) and is_common_english(word)) or \
                _PAGE_NUMBER_AFTER.match(text, end):
            continue  # "Mark it down", "Will you read it back", "Hope this helps", "Page 3 of 13"
        if _covered(spans, starts, start, end):
            continue
        found.append((start, end, key))
    if book.full_names:
        # the full name again, also surname first: "Austin Bell", "Bell, Austin", "BELL, AUSTIN
        # J": one pass for any known given name and surname, then the pair is looked up
        givens = "|".join(sorted({re.escape(f) for f, _ in book.full_names}, key=len, reverse=True))
        surnames = "|".join(sorted({re.escape(la) for _, la in book.full_names}, key=len,
                                   reverse=True))
        pair = re.compile(rf"(?<![\w\-])(?:(?P<f1>{givens})(?:[ \t]+[a-z]\.?)?[ \t]+(?P<l1>{surnames})"
                          rf"|(?P<l2>{surnames}),[ \t]*(?P<f2>{givens})(?:[ \t]+[a-z]\.?)?)"
                          r"(?![\w\-])", re.IGNORECASE)
        for m in pair.finditer(text):
            first, last = (m["f1"] or m["f2"]).casefold(), (m["l1"] or m["l2"]).casefold()
            key = book.full_names.get((first, last))
            if key is not None and m.group()[0].isupper() and \
                    not _covered(spans, starts, m.start(), m.end()):
                found.append((m.start(), m.end(), key))
    for m in _SPELLED.finditer(text):  # "C-A-S-T-E-L-L-A-N-O" after "Siobhan Castellano"
        key = book.aliases.get(m.group().replace("-", "").casefold())
        i = bisect.bisect_right(starts, m.start()) - 1
        if key is not None and not (i >= 0 and spans[i][1] > m.start()):
            found.append((m.start(), m.end(), key))
    return found


def _ocr_read(word: str) -> str:
    """A scanned word in capitals as its letters, case folded ("ACHES0N" -> "acheson"; see
    :func:`lpo_review.textnorm.read_ocr_capitals`); "" for a word with nothing to read so."""
    read = read_ocr_capitals(word)
    return read.casefold() if read != word else ""


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted ``spans`` (``starts``: their starts)."""
    i = bisect.bisect_right(starts, start) - 1
    return (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end)


_SPELLED = re.compile(r"(?<![\w\-])(?:[^\W\d_]-){2,}[^\W\d_](?![\w\-])")


def _with_title(text: str, result: RecognizerResult) -> RecognizerResult:
    """Widen a PERSON span over the courtesy title right before it ("Mr", "Dr."): the title is
    part of the mention and tells the person's gender."""
    if result.entity_type == PERSON:
        m = _TITLE_BEFORE.search(text, max(0, result.start - 8), result.start)
        if m:
            result.start = m.start()
    return result


def run_person_key(book: AliasBook, key: str) -> str:
    """The run-wide key of a document's PERSON key (for numbering placeholders across a run).

    A full name teaches ``book`` its parts and stays as it is; a one-word key becomes the full
    name it is part of, if one was seen before ("achterberg" -> "jan achterberg").  Call it in
    document order with one book per run table.  The book only numbers: it never redacts a word
    the document's own redaction left, so a document reads the same whatever else is in the run.
    """
    parts = key.split()
    if len(parts) > 1:
        book.learn(parts, [p for p in parts if len(p) >= 3])
        return key
    return book.aliases.get(key, key)
