"""What one document says about its capitalised words: a person's name, or an ordinary word?

spaCy's small model tags many capitalised words of legal text as PERSON ("Applicable Law",
"Distributor", "Accuray"), and a name spreads to every other mention of its parts, so a wrong
seed becomes hundreds of redactions.  A PERSON seed found by the NER is kept, and its parts
spread, only on the evidence of the document itself:

* an **ordinary word** is an English stop word ("The", "AND"), a term the document defines
  (``(the "Distributor")``, ``"Licensed Product" means``), or a word the document also writes
  in lower case in running text ("Agreement" beside "any agreement", "Date" beside "the date
  of"; e-mail addresses and URLs do not count);
* an **organisation's word** stands in a name the document gives with a legal form or a
  facility head ("Accuray" of "Accuray Incorporated", "Ono" of "Ono Pharmaceutical Co., Ltd.").

A seed is a name only if it starts each word with a capital (name particles such as "van" or
"de" aside), joins no clauses ("Term of this Agreement"), and has a word that is neither ordinary
nor an organisation's.  A seed of one word needs more: an initial before it ("W. Strauss"),
rarity in English (by `wordfreq <https://pypi.org/project/wordfreq/>`_: "Mateo", not
"Schedule"), or a given name's form by `probablepeople
<https://pypi.org/project/probablepeople/>`_, a name parser trained on people and companies
("Priscilla", "Ray"); a common surname alone is found as an alias of the full name, or by its
courtesy title.  A seed of common English words only is dropped when probablepeople reads it as
a company's name ("Main Elements", "Applicable Law"; but "Mark Green" is a person, and "Abbas
Sertkaya", which it calls a company, has a rare word), and a seed of everyday words whose first
is no given name ("DAILY NOTE"; but "Rich Moss").  A word may stand alone as an alias of a
person only if it is neither ordinary nor an organisation's.
Names with a courtesy title, a label ("Name:") or a caption role are found by their own
recognizers and need no such evidence.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import probablepeople
import regex
from wordfreq import zipf_frequency

from lpo_review.redact.keep_rules import lowercase_words
from lpo_review.redact.recognizers.base import NAME_PARTICLES, is_acronym
from lpo_review.redact.recognizers.organization import (
    DEFINED_IN_PARENTHESES,
    LEGAL_FORM,
    OrganizationRecognizer,
)

#: Zipf frequency (log10 of uses per billion words) from which a word is common English:
#: "licensee" 3.0, "agreement" 4.9; rare surnames such as "Vandermeer" are below 2.
COMMON_ZIPF = 3.0
#: Below this, one word alone the NER calls a person is rare enough to be a name ("Mateo" 3.2,
#: "Strauss" 3.5); above it, a lone word needs more evidence ("Schedule" 4.7, "Irvine" 3.6).
RARE_ZIPF = 3.5
#: Words at least this common are everyday words ("daily" 5.07, "note" 5.04; not "Daniel" 4.6
#: or "Moss" 3.9).
EVERYDAY_ZIPF = 5.0
#: A given name that starts a name-shaped phrase is at most this common ("Anita" 3.6, "Ron" 4.2;
#: "Partial" 4.2 and "Japan" 4.9 are words first).
GIVEN_NAME_ZIPF = 4.0
#: Words that join clauses or phrases and never stand inside a person's name.
CONNECTORS = frozenset(
    "of and or the this that these those for to in on by with any such each all from under "
    "per its their our your is are be hereof herein thereof hereunder".split()
)
#: Words of legal drafting, rare in general English, that name a party's role or a part of a
#: contract, never a person: "Licensee", "Indemnitor", "RECITALS", "WITNESSETH".
LEGAL_WORDS = frozenset(
    "licensee licensees licensor licensors sublicensee sublicensees lessee lessees lessor lessors "
    "sublessee sublessor franchisee franchisees franchisor franchisors grantee grantees grantor "
    "grantors assignee assignees assignor assignors indemnitee indemnitees indemnitor indemnitors "
    "mortgagee mortgagor obligee obligor obligors guarantor guarantors consignee consignor "
    "transferee transferor optionee optionor pledgee pledgor bailee bailor payee payor licencee "
    "licencor distributee vendee vendor vendors subcontractor subcontractors sublicense "
    "recitals recital whereas witnesseth hereinafter hereunder thereunder herein thereof hereof "
    "hereto indemnification indemnity sublicensing escrowee promisor promisee whereof whereby "
    "background preamble witness designee designees affiant declarant complainant complainants "
    "respondent respondents claimant claimants petitioner petitioners appellant appellee "
    "notwithstanding subsection subsections subparagraph "
    # currencies a contract pays in: "Japanese Yen", "Swiss Francs"
    "yen euro euros dollar dollars peso pesos francs yuan renminbi rupee rupees rupiah ringgit "
    "baht krona kronor krone kroner shekel shekels rubles roubles".split()
)
#: Medical specialties that end a practice's name ("Larchmont Pulmonary"), never a person's.
MEDICAL_SPECIALTIES = frozenset(
    "pulmonary pulmonology cardiology cardiovascular orthopedics orthopaedics orthopedic "
    "orthopaedic radiology dermatology neurology neurosurgery oncology urology gastroenterology "
    "nephrology rheumatology endocrinology ophthalmology otolaryngology pediatrics paediatrics "
    "psychiatry obstetrics gynecology podiatry chiropractic physiotherapy anesthesiology "
    "pathology hematology".split())
#: A chemical compound's last word ("Oxide", "Chloride", "Sulfate"): no surname ends so.
_COMPOUND = regex.compile(r"(?:di|tri|per|hydr)?(?:ox|chlor|fluor|brom|iod|sulf|sulph|nitr|"
                          r"phosph|carbon|acet|hydrox|silic|carb|cyan)(?:ide|ate|ite)s?")
#: Entity types whose NER guesses are screened like names (see :meth:`NameEvidence.names_nothing`).
_NAMED_THINGS = frozenset({"ORGANIZATION", "LOCATION", "NRP"})
_DETERMINERS = frozenset("the a an this that these those such each any said".split())
_INITIAL_BEFORE_NAME = regex.compile(r"(?<![\p{L}.])\p{Lu}\.[ \t]*\p{Lu}\p{Ll}")
#: Section numbers in Roman numerals, or a range of them ("Articles VIII-XVIII"): no name's part.
_ROMAN_NUMBERS = regex.compile(r"[IVXL]{2,7}(?:-[IVXL]{1,7})?")
_POSSESSIVE = regex.compile(r"['\u2019]s?$")
_NAME_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019\-]*")
#: A quoted capitalised term with a definition's cue next to it: ``"Licensed Product" means``,
#: ``hereinafter the "Licensee"``, ``Switzerland "Licensor" / "NLS"``, ``as the "Company"``,
#: ``"Purchase Price Variance" or "PPV" means``
#: (a nickname, ``called him "Bernie"``, has no such cue).
_DEFINED_BY_CUE = regex.compile(
    r"[\"\u201c](?P<value>\p{Lu}[\p{L}&'\u2019\- ]{1,40}?)[\"\u201d]"
    r"(?P<after>(?:\s+or\s+[\"\u201c][^\"\u201d\n]{1,40}[\"\u201d])?"
    r"\s+(?:shall\s+)?(?:means?|has\s+the\s+meanings?|have\s+the\s+meanings?|"
    r"shall\s+have\s+the\s+meaning|includes?|refers?\s+to)\b|\s*[/)])?"
)
#: A party's role defined without quotes right after its name: "Great Lakes Gas Transmission
#: Limited Partnership (Transporter)", "ANR PIPELINE COMPANY (Shipper)".
_DEFINED_BARE = regex.compile(
    r"(?:" + LEGAL_FORM + r"|[Pp]artnership|PARTNERSHIP),?[ \t]*\((?P<value>\p{Lu}[\p{L}\-]+"
    r"(?:[ \t]\p{Lu}[\p{L}\-]+)?)\)")
#: A term defined without quotes at the head of a sentence or clause: "Kiosk Location means
#: each Pharmacy where ...", "1.4 Net Sales shall mean ...".
_DEFINED_UNQUOTED = regex.compile(
    r"(?:^|(?<=[.;:]\s{1,4})|(?<=\n[ \t]*))(?:\(?[\dA-Za-z]{1,3}(?:\.\d+)*[.)]\s+)?"
    r"(?P<value>\p{Lu}[\p{L}&'\u2019\-]+(?:[ \t]+\p{Lu}[\p{L}&'\u2019\-]+){0,4})"
    r"[ \t]+(?:shall[ \t]+)?means\b")
_DEFINITION_BEFORE = regex.compile(r"(?:\b(?:hereinafter|hereafter|the|a|an|each|as|collectively|"
                                   r"individually|together|jointly)|/|\(|\bi\.e\.)[,\s]*$",
                                   regex.IGNORECASE)
#: A definition's cue after the quoted term ("means", "has the meaning"), not only the ")"
#: closing a parenthesis: ``(display name "Corinne Achterberg")`` defines nothing (the "/" of
#: ``"Licensor" / "NLS"`` does).
_CUE_AFTER = regex.compile(r"\b(?:means?|meanings?|meaning|includes?|refers?)\b", regex.IGNORECASE)
_KNOWN_AS = regex.compile(r"\b(?:known|also|aka|called|nicknamed|named)\s+as\s*$|\b(?:called|"
                          r"nicknamed|named)\s*$", regex.IGNORECASE)
#: The capitalised name right before a definition: "John A. Smith (" or "Acme Corp., (".
_NAME_BEFORE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}.'\u2019\-]*[ \t]+){0,5}\p{Lu}[\p{L}.'\u2019\-]*)[,\s]*$"
)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of the case-folded ``word`` in English, from its small list
    (words used at least about once per million: 20 MiB in memory instead of 70); a rarer word
    reads 0."""
    return zipf_frequency(word, "en", wordlist="small")


def is_common_english(word: str) -> bool:
    """Whether the case-folded ``word`` is a common English word (by wordfreq)."""
    return zipf(word) >= COMMON_ZIPF


@lru_cache(maxsize=16384)
def is_given_name(word: str) -> bool:
    """Whether probablepeople's name parser reads one word as a given name ("Priscilla")."""
    try:
        return "GivenName" in probablepeople.tag(word)[0]
    except probablepeople.RepeatedLabelError:
        return False


@lru_cache(maxsize=16384)
def _reads_as_company(surface: str) -> bool:
    """Whether probablepeople's name parser reads ``surface`` as a corporation's name."""
    try:
        return probablepeople.tag(surface)[1] == "Corporation"
    except probablepeople.RepeatedLabelError:
        return False


def common_plural(word: str) -> bool:
    """Whether ``word`` is the plural of a common English word and much rarer than it
    ("Parlors", "Handhelds", "Pizzas"): a thing counted, never a surname.  A surname of that
    form is about as common as its singular ("Banks", "Roberts"), or its singular is a given
    name ("Peters")."""
    folded = word.casefold()
    plural = zipf(folded)
    return any(zipf(s) >= COMMON_ZIPF and zipf(s) - plural >= 1.0
               and (plural == 0 or not is_given_name(s.capitalize())) for s in singulars(folded))


def singulars(folded: str) -> list[str]:
    """The singulars a case-folded plural may have ("parlors" -> "parlor", "bodies" -> "body",
    "boxes" -> "box", and the Latin and Greek plurals of drafting: "addenda" -> "addendum",
    "criteria" -> "criterion"); none if it reads as no plural (short, no "s" or "a", "-ss")."""
    if len(folded) >= 6 and folded.endswith("a"):
        return [folded[:-1] + "um", folded[:-1] + "on"]
    if len(folded) < 5 or not folded.endswith("s") or folded.endswith("ss"):
        return []
    out = [folded[:-1]]
    if folded.endswith("ies"):
        out.append(folded[:-3] + "y")
    elif folded.endswith("es"):
        out.append(folded[:-2])
    return out


def _words(value: str) -> list[str]:
    """The case-folded words of ``value``, without a possessive ending ("PAPA JOHN'S")."""
    return [_POSSESSIVE.sub("", w).casefold() for w in _NAME_WORD.findall(value)]


def _names_a_person_before(text: str, pos: int, words: list[str]) -> bool:
    """Whether the quoted ``words`` at ``pos`` repeat a person-like name right before them:
    ``John Smith ("Smith")`` defines a person's short name, not a term."""
    before = _NAME_BEFORE.search(text, max(0, pos - 80), pos)
    name = _words(before["name"]) if before else []
    return 2 <= len(name) <= 4 and not set(name) & CONNECTORS and (
        set(words) <= set(name)
        # or a short form of the given name: 'Esperanza Ibarra-Wood ("Espie")'
        or (len(words) == 1 and len(words[0]) >= 3 and words[0][:3] == name[0][:3]))


#: A person's name right after a definition's cue: ``"Klein" means Mr. Mark C. Klein``.
_PERSON_AFTER = regex.compile(
    r"\s*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?P<name>\p{Lu}[\p{L}'\u2019\-]*(?:[ \t]+"
    r"(?:\p{Lu}\.|\p{Lu}[\p{L}'\u2019\-]*)){1,3})")


def _names_a_person_after(text: str, pos: int, words: list[str]) -> bool:
    """Whether the quoted ``words`` are defined as meaning a person named right after ``pos``
    (``"Klein" means Mr. Mark C. Klein``), as probablepeople's name parser reads it."""
    after = _PERSON_AFTER.match(text, pos)
    if after is None or not set(words) <= set(_words(after["name"])):
        return False
    try:
        return probablepeople.tag(after["name"])[1] == "Person"
    except probablepeople.RepeatedLabelError:
        return False


def _person_before(text: str, pos: int) -> bool:
    """Whether the capitalised name right before ``pos`` reads as a person's to probablepeople's
    name parser ("Peyton Manning (", not "Master Trust Indenture (")."""
    before = _NAME_BEFORE.search(text, max(0, pos - 80), pos)
    try:
        return before is not None and probablepeople.tag(before["name"])[1] == "Person"
    except probablepeople.RepeatedLabelError:
        return False


def _defined_terms(text: str) -> tuple[set[str], set[str]]:
    """Words of the terms ``text`` defines, and the persons' short names it defines.

    Terms are quoted in parentheses (``(the "Distributor")``) or with a definition's cue
    (``"Territory" means``, ``hereinafter the "Licensee"``), or unquoted before "means" at the
    head of a sentence (``Kiosk Location means``) or in parentheses after a company's name
    (``... Limited Partnership (Transporter)``).  A person's short name
    (:func:`_names_a_person_before`, ``"Klein" means Mr. Mark C. Klein``) is no term's word,
    also where a longer term holds it (``Peyton Manning ("Manning")`` and ``"Manning
    Identification" means``)."""
    found: set[str] = set()
    persons: set[str] = set()  # a person's short name stays a name in a longer term too
    for m in DEFINED_IN_PARENTHESES.finditer(text):
        for term in m.captures("value"):
            if not _names_a_person_before(text, m.start(), words := _words(term)):
                found.update(words)
            elif _person_before(text, m.start()):
                persons.update(words)
    for m in _DEFINED_BY_CUE.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        words = _words(m["value"])
        name_end = m.start() - 1 if before.endswith("(") else m.start()
        cue = bool(m["after"]) and (_CUE_AFTER.search(m["after"]) is not None
                                    or m["after"].strip() == "/")
        if (cue or _DEFINITION_BEFORE.search(before)) and not _KNOWN_AS.search(before):
            if cue and _names_a_person_after(text, m.end(), words):
                persons.update(words)
            elif not _names_a_person_before(text, name_end, words):
                found.update(words)
            elif _person_before(text, name_end):
                persons.update(words)
    for m in (*_DEFINED_UNQUOTED.finditer(text), *_DEFINED_BARE.finditer(text)):
        found.update(_words(m["value"]))
    # "Manning" of ``"Manning Identification" means`` after Manning's
    return found - persons, persons


#: A party named by one word in a caption: "Carpenter v. Mason & Rowe Builders, Inc.", a
#: transcript's "2  Carpenter versus ...", "Re: Holloway v. ...".
_CAPTION_PARTY = regex.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?(?:re:[ \t]*)?(?P<party>\p{Lu}[\p{L}'\u2019\-]+)[ \t]+"
    r"(?:v\.|vs\.?|versus)[ \t]+\p{Lu}", regex.MULTILINE | regex.IGNORECASE)

#: The last word of a place's name, never of a person's.
_PLACE_NOUNS = frozenset("city county town township village province prefecture district mall plaza "
                          "campus".split())


class NameEvidence:
    """The evidence one document gives about its capitalised words (see the module docstring).

    Built once per document; every question is a set look-up or a cached frequency.
    """

    def __init__(self, text: str, stopwords: frozenset[str]):
        self.stopwords = stopwords
        self.lower = lowercase_words(text)
        self.defined, persons = _defined_terms(text)
        self.caption_parties = {m["party"].casefold() for m in _CAPTION_PARTY.finditer(text)}
        self.organisations = sorted(OrganizationRecognizer.named(text))
        self._organisation_starts = [start for start, _ in self.organisations]
        # (a person's short name the text defines stays a name beside the company named after
        # the person: ``David Duval ("Duval")`` and "David Duval Enterprises, Inc.")
        self.organisation_words = {
            w for start, end in self.organisations for w in _words(text[start:end])} - persons
        self._organisation_names = [f" {' '.join(_words(text[start:end]))} "
                                    for start, end in self.organisations]

    def inside_organisation(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside an organisation's name ("Lipton" of "Wachtell,
        Lipton, Rosen & Katz LLP", "LUX S." of "... OFFSHORE LUX S.À R.L")."""
        i = bisect.bisect_right(self._organisation_starts, start) - 1
        return i >= 0 and self.organisations[i][1] >= end

    def ordinary(self, word: str) -> bool:
        """A stop word, a defined term's word, a word the text also writes in lower case, or a
        word of legal drafting that is rare elsewhere ("Licensee", "RECITALS")."""
        return (word in self.stopwords or word in self.defined or word in self.lower
                or word in LEGAL_WORDS)

    def names_nothing(self, entity_type: str, surface: str) -> bool:
        """Whether an NER guess of an organisation, place or group is ordinary words only:
        "Closing Date" or "Confidential Information" (defined terms), "ARTHROSCOPIC" in a
        heading beside "arthroscopic" in the note; or no word at all ("03/04/2023" read as a
        place).  (A recognizer's own find, such as the short name a contract defines for a
        company, has its own evidence.)"""
        words = _words(surface)
        return entity_type in _NAMED_THINGS and all(map(self.ordinary, words))

    def name_word(self, word: str) -> bool:
        """A word that may be (part of) a person's name: neither ordinary nor an organisation's,
        nor an abbreviation (see :func:`is_acronym`; ``word`` may be case-folded), nor a
        medical specialty ("Rheumatology" of "Bayfront Rheumatology Associates"), nor two
        organisations' words joined ("Biotec-Bellicum" of a running title "Miltenyi
        Biotec-Bellicum Supply Agreement")."""
        return not self.ordinary(word) and word not in self.organisation_words and \
            not self._joined_organisations(word) \
            and not is_acronym(word.upper()) and word.casefold() not in MEDICAL_SPECIALTIES

    def _joined_organisations(self, word: str) -> bool:
        """Whether a hyphenated word joins words of different organisations ("Biotec-Bellicum");
        not a surname its owner's firm carries ("Mejía-Holt" of "Mejía Holt Injury Attorneys")."""
        pieces = word.casefold().split("-")
        return len(pieces) > 1 and all(p in self.organisation_words for p in pieces) and \
            not any(f" {' '.join(pieces)} " in name for name in self._organisation_names)

    def is_name(self, surface: str) -> bool:
        """Whether an NER PERSON span can be a person's name on this document's evidence."""
        words = [_POSSESSIVE.sub("", w) for w in _NAME_WORD.findall(surface)]
        while words and words[0].casefold() in _DETERMINERS:
            words = words[1:]
        if not words:
            return False
        for word in words:
            folded = word.casefold()
            if folded in CONNECTORS or (word[0].islower() and folded not in NAME_PARTICLES
                                        and folded.split("-")[0] not in NAME_PARTICLES):
                return False  # (a particle joined by a hyphen is a name's: "al-Harthy")
        content = [w.casefold() for w in words if w.casefold() not in NAME_PARTICLES
                   and len(w) >= 2 and not _ROMAN_NUMBERS.fullmatch(w)]
        if not content:
            return False
        if len(content) == 1 and len(content[0]) <= 3 and surface.strip().isupper() and \
                len(words) == 1:
            return False  # an abbreviation in capitals: "ED", "OT"
        if content[-1] in MEDICAL_SPECIALTIES:
            return False  # a practice: "Larchmont Pulmonary", "Harbor Orthopedics"
        if _COMPOUND.fullmatch(content[-1]):
            return False  # a chemical: "Aluminum Oxide", "Sodium Chloride"
        if len(content) >= 2 and content[-1] in _PLACE_NOUNS:
            return False  # a place: "Tou-Liu City", "Orange County"
        if len(content) == 1:  # one word: a name, or a heading or term the NER guessed
            return bool(_INITIAL_BEFORE_NAME.search(surface)) and self.name_word(content[0]) \
                or self.lone_name(content[0])
        names = [w for w in content if self.name_word(w) and not self.plural_of_ordinary(w)]
        if not names or (common_plural(content[-1]) and not _INITIAL_BEFORE_NAME.search(surface)
                         and not self._given_name_first(content[0])):
            return False  # "Massage Parlors", "Total Resers Burritos": no name ends so
        if all(zipf(w) >= EVERYDAY_ZIPF for w in content) and \
                not is_given_name(content[0].capitalize()):
            return False  # everyday words after no given name: "DAILY NOTE" ("Rich Moss" is)
        if len(content) >= 3 and not is_given_name(content[0].capitalize()) and sum(
                zipf(w) >= GIVEN_NAME_ZIPF and not is_given_name(w.capitalize())
                for w in content[1:]) >= 2:
            return False  # a brand before common words: "Duesey Coffee Intellectual Property"
        return not (all(is_common_english(w) for w in content) and _reads_as_company(surface))

    @staticmethod
    def _given_name_first(word: str) -> bool:
        """A given name that is not first a common English word ("Preston" of "Preston Pitts",
        not "Massage" of "Massage Parlors")."""
        return zipf(word) < GIVEN_NAME_ZIPF and is_given_name(word.capitalize())

    def plural_of_ordinary(self, word: str) -> bool:
        """Whether ``word`` is the plural of an ordinary word ("Affiliates" where the text
        defines "Affiliate", "Subcontractors" beside "an IAC subcontractor").  Only a seed is
        screened so: a surname such as "Banks" still stands alone as the alias of a full name."""
        return any(self.ordinary(s) for s in singulars(word.casefold()))

    def lone_name(self, word: str) -> bool:
        """Whether one word alone can be a name: a name word that is rare in English or has a
        given name's form ("Mateo", "Priscilla"; not "Schedule")."""
        folded = word.casefold()
        return self.name_word(folded) and not self.plural_of_ordinary(folded) and \
            not self.ordinary(folded + "s") and not common_plural(folded) and (
                zipf(folded) < RARE_ZIPF or is_given_name(word.capitalize()))

    def is_person_shaped(self, first: str, last: str) -> bool:
        """Whether "``first`` ... ``last``" has a person's shape: a surname rare in English after
        a given name that is not a common English word, or after another rare word, or a surname
        that is no common English word at all after any given name ("Constantine Petrakis", "Tomasz
        Wieczorek", "John Thievon"; not "Grant Date", "Partial Invalidity" or "Japan Attn")."""
        first_zipf, last_zipf = zipf(first.casefold()), zipf(last.casefold())
        return last_zipf < RARE_ZIPF and (
            (first_zipf < GIVEN_NAME_ZIPF and is_given_name(first.capitalize()))
            or max(first_zipf, last_zipf) < COMMON_ZIPF
            or (last_zipf == 0 and is_given_name(first.capitalize())))

    def alias_parts(self, parts: list[str]) -> list[str]:
        """The parts of a full name that may stand alone as the person's alias; each half of a
        hyphenated surname too ("Okafor" and "Brandt" of "Okafor-Brandt"); a surname the caption
        names as a party even if the text also uses it as a word ("Carpenter v. ...", beside a
        carpenter's work)."""
        pieces = [q for p in parts for q in ([p, *p.split("-")] if "-" in p else [p])]
        return [p for p in pieces if len(p) >= 3 and p not in NAME_PARTICLES and (
            self.name_word(p) or (p == pieces[-1] and p in self.caption_parties))]
