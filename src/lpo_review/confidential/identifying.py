"""The identifying parts of a vault value, in the forms people write them.

A vault keeps each original value as the redactor cut it (``Ms. Okafor``, ``Dr. Lin
(orthopedics)``, ``88 Elm Road, Apt 3C``).  What must never reach a vendor is the identifier
inside, however it is re-spelled, so the leak check looks for:

* **people**: the name without courtesy title, credentials or a parenthetical, in the usual and
  the ``SURNAME, First`` order, first name + surname without middle names, initial + surname
  (``D. Okonkwo``, ``Okonkwo, D.``), a courtesy title + surname (``Ms. Young``), and the
  surname alone: in any case when it is distinctive (below), capitalised when it is a noun
  the text never writes in lower case (``Vigil``, ``Strauss``), not at all when it is very
  common (``Young``, :data:`TOO_COMMON_ALONE_ZIPF`) or also a verb, adjective or adverb
  (``Crane``, ``Electronically``), nor when the vault holds that one word alone and it is no
  distinctive word (``Therapist``: a redactor's guess, not a surname); the given name alone
  when it is distinctive (``Ileana``, not ``John``); nothing is derived from a value with
  neither a given name first nor a distinctive surname (``Moelis Holdings``, a redactor's
  guess, is checked only as written);
* **dates**: the day itself (:func:`value_dates`), matched in every spelling by
  :func:`lpo_review.textdates.possible_dates`;
* **numbers** (phones, IDs, accounts): the run of tokens holding the digits, with any
  separators (compaction ignores them) and without a ``+1`` country code;
* **street addresses**: with and without the unit, with the street type spelled out or
  abbreviated (``Road``/``Rd``);
* anything else (organisations, places, e-mail addresses, URLs): the value as written.

Whether a form is too ordinary to check is decided by evidence: a *distinctive* word is one of
four letters or more that is neither an English dictionary word (the word index of the spaCy
model's lemmatizer) nor common in English (wordfreq, :data:`COMMON_ZIPF`): ``Okonkwo``,
``Whitfield``, ``Springfield``, not ``Young``, ``Electronically``, ``MRN``.  A form with a
distinctive word, or with five digits or more, is matched in any case.  A form of two or more
ordinary words is matched only where the text capitalises it (``Ms. Young``, ``Mercy General
Hospital``), and only when it names a person, an address, a place or an institution (a hospital,
clinic, school, bank...); otherwise (``General Counsel``, ``Disposition/Plan``, ``16``) and for
one ordinary word alone (``Vice``, ``Trademarks``) it is not checked.  States and the country,
and public institutions named by generic words, identify no one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id

from lpo_review.redact.keep_rules import is_public_institution, is_state_level
from lpo_review.redact.name_evidence import is_given_name, zipf
from lpo_review.redact.names import name_parts
from lpo_review.textdates import possible_dates
from lpo_review.textnorm import tokens

#: Words at least this common in English (Zipf) are ordinary, dictionary word or not.
COMMON_ZIPF = 4.0
#: Shorter words are ordinary (``MRN``, ``CPT``, ``Li``): a short surname is checked in the
#: person's other forms (``Ms. Li``, ``Li, Wei``), not alone.
MIN_DISTINCTIVE_LETTERS = 4
#: A surname this common in English (``Young``, ``Price``, ``Will``) is not checked alone.
TOO_COMMON_ALONE_ZIPF = 5.0
#: A number with at most this many digits and no letters identifies no one (``16``, ``2021``).
MAX_GENERIC_DIGITS = 4
DATE_KINDS = frozenset({"DATE", "DATE_OF_BIRTH", "DATE_TIME"})
#: Kinds whose forms of ordinary words are still checked (capitalised).
NAMED_KINDS = frozenset({"PERSON", "STREET_ADDRESS", "LOCATION", "SOURCE_FILE_NAME",
                         "MATTER_NAME"})
#: Words that make an organisation an institution (a facility, a plan), never generic.
_INSTITUTION = frozenset(
    "hospital hospitals clinic clinics pharmacy hospice infirmary healthcare insurance "
    "assurance school university college academy church bank".split()
)
_NAMED_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december", "monday",
                          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_GAP = re.compile(r"[ \t]{2,}|\t|\n")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_UNIT = re.compile(
    r",?\s+(?:(?:suite|ste\.?|apt\.?|apartment|unit|floor|fl\.?|room|rm\.?|#)\s*[A-Z0-9\-]+"
    r"|\d+(?:st|nd|rd|th)\s+(?:floor|fl\.?))\s*$",
    re.IGNORECASE,
)
_STREET_TYPES = {
    "street": "st", "avenue": "ave", "road": "rd", "boulevard": "blvd", "lane": "ln",
    "drive": "dr", "court": "ct", "place": "pl", "terrace": "ter", "parkway": "pkwy",
    "highway": "hwy", "circle": "cir", "square": "sq", "trail": "trl",
}
_DIRECTIONS = {"north": "n", "south": "s", "east": "e", "west": "w"}
for _swap in (_STREET_TYPES, _DIRECTIONS):
    _swap.update({short: long for long, short in list(_swap.items())})
_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
#: Credentials and generational suffixes written after a name without a comma.
_AFTER_NAME = frozenset((w,) for w in (
    "md do rn np pa pac phd esq dpt pt lpn cnp fnp aprn crna dds dmd od lcsw psyd mph facs cpa "
    "jd ms ma msn bsn jr sr ii iii iv".split()))


@dataclass(frozen=True)
class Form:
    """One spelling to look for: compacted tokens, and whether only capitalised text counts."""

    tokens: tuple[str, ...]
    cased: bool = False
    alone: bool = False
    """An ordinary word alone (a surname such as ``Crane``): it counts only capitalised, and
    only where the text never writes it in lower case (there it is a word, not a name)."""
    part: bool = False
    """One word of a person's name alone (a surname, a given name): it does not count inside
    an organisation's name ("Olshan Frome Wolosky LLP" is a firm, not Steve Wolosky)."""

    @property
    def compacted(self) -> str:
        return "".join(self.tokens)


class EnglishWords(frozenset[str]):
    """English dictionary words (WordNet's, which has some surnames too: ``Strauss``)."""

    non_nouns: frozenset[str] = frozenset()
    """Those also used as a verb, an adjective or an adverb (``electronically``, ``crane``):
    ordinary words, whatever else they are."""


@functools.lru_cache(maxsize=4)
def english_dictionary(model: str) -> EnglishWords:
    """English words known to the lemmatizer of spaCy model ``model`` (empty if unavailable)."""
    try:
        import spacy

        nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                         "ner", "senter", "morphologizer"])
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError, ImportError):
        return EnglishWords()
    words = EnglishWords(word for pos_words in index.values() for word in pos_words)
    noun = get_string_id("noun")  # the table is keyed by the hash of the part of speech
    words.non_nouns = frozenset(
        word for pos, pos_words in index.items() if pos != noun for word in pos_words
    )
    return words


def identifying_forms(value: str, kind: str, dictionary: Collection[str]) -> list[Form]:
    """The forms of ``value`` (an original of entity type ``kind``) the leak check looks for;
    an empty list when ``value`` identifies no one.  ``dictionary``: English words
    (:func:`english_dictionary`).  A ``COUNSEL`` value is a name or an address."""
    if kind == "COUNSEL":
        kind = "EMAIL_ADDRESS" if "@" in value else "PERSON"
    if kind in ("LOCATION", "ORGANIZATION") and (
        is_state_level(value) or is_public_institution(value)
    ):
        return []
    if kind == "PERSON":
        candidates = _person_forms(value, dictionary)
    elif kind == "STREET_ADDRESS":
        candidates = _address_forms(value)
    elif kind in DATE_KINDS:
        candidates = [] if value_dates(value) else [tuple(tokens(value))]
    elif any(ch.isdigit() for ch in value) and kind not in ("EMAIL_ADDRESS", "URL"):
        candidates = _number_forms(value)
    else:
        candidates = [tuple(tokens(_identifier_part(value)))]
    forms: dict[tuple[str, ...], Form] = {}
    for toks in candidates:
        form = _judge(toks, kind, dictionary)
        if form is not None and kind == "PERSON" and len(toks) == 1:
            form = replace(form, part=True)
        if form is not None and (toks not in forms or forms[toks].cased):
            forms[toks] = form
    return list(forms.values())


def value_dates(value: str) -> frozenset[dt.date]:
    """The day a date value names, in every reading it allows (empty: no full date)."""
    days: frozenset[dt.date] = frozenset()
    for _start, _end, found in possible_dates(value):
        days |= found
    return days


def _identifier_part(value: str, words: bool = True) -> str:
    """The value up to a column gap (before a field label); a name or an address (``words``)
    also without a parenthetical (``Dr. Lin (orthopedics)``)."""
    if words:
        value = _PARENTHETICAL.sub(" ", value)
    parts = [p for p in _GAP.split(value) if p.strip()]
    return parts[0] if parts else value


def _person_forms(value: str, dictionary: Collection[str]) -> list[tuple[str, ...]]:
    words = [tuple(tokens(p)) for p in name_parts(_identifier_part(value)) if not p.isdigit()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in _AFTER_NAME:
        words.pop()  # "Yolanda Marsh RN", "John Smith Jr"
    if not words:
        return []
    surname = words[-1]
    titled = [(title, *surname) for title in _TITLES]
    if len(words) == 1:  # a lone word of no evidence ("Therapist") only after a title
        distinctive = any(is_distinctive(t, dictionary) for t in surname)
        return [surname, *titled] if distinctive else titled
    first, given = words[0], [t for w in words[:-1] for t in w]
    if not (is_given_name(first[0].capitalize())
            or any(is_distinctive(t, dictionary) for t in surname)):
        # "Moelis Holdings", "FOB Seller": no person's name, so nothing is derived from it
        return [(*given, *surname), (*surname, *given)]
    distinctive_first = [first] if any(is_distinctive(t, dictionary) for t in first) else []
    return [
        *distinctive_first,
        *titled,
        (*given, *surname),
        (*surname, *given),
        (*first, *surname),
        (*surname, *first),
        (first[0][0], *surname),
        (*surname, first[0][0]),
        surname,
    ]


def _address_forms(value: str) -> list[tuple[str, ...]]:
    """With and without the unit; street types and directions as written, spelled out or
    abbreviated (``88 West Corliss St.`` = ``88 W. Corliss Street``)."""
    full = _identifier_part(value).strip()
    forms = []
    for base in {full, _UNIT.sub("", full)}:
        toks = tuple(tokens(base))
        for swap in ({}, _STREET_TYPES, _DIRECTIONS, {**_STREET_TYPES, **_DIRECTIONS}):
            forms.append(tuple(swap.get(t, t) for t in toks))
    return forms


def _number_forms(value: str) -> list[tuple[str, ...]]:
    """The tokens from the first to the last one holding a digit; a North American phone number
    also without its ``+1``."""
    toks = tokens(_identifier_part(value, words=False))
    digits = [i for i, t in enumerate(toks) if any(ch.isdigit() for ch in t)]
    if not digits:
        return [tuple(toks)]
    core = tuple(toks[digits[0] : digits[-1] + 1])
    forms = [core, tuple(toks)]
    if core[0] == "1" and len("".join(core)) == 11 and "".join(core).isdigit():
        forms.append(core[1:])
    return forms


def is_distinctive(token: str, dictionary: Collection[str]) -> bool:
    """Whether a folded word is distinctive: four letters or more, no English dictionary word,
    not common in English (see the module docstring)."""
    if len(token) < MIN_DISTINCTIVE_LETTERS or token in STOP_WORDS or token in _NAMED_WORDS:
        return False
    if any(stem in dictionary for stem in _stems(token)):
        return False
    return zipf(token) < COMMON_ZIPF


def _stems(token: str) -> list[str]:
    """``token`` and what it is without a plural ending."""
    stems = [token]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if token.endswith(suffix):
            stems.append(token[: -len(suffix)] + replacement)
    return stems


def _judge(toks: tuple[str, ...], kind: str, dictionary: Collection[str]) -> Form | None:
    """Check ``toks`` in any case, only capitalised, or not at all (see the module docstring)."""
    if not toks:
        return None
    digits = sum(ch.isdigit() for t in toks for ch in t)
    letters = [t for t in toks if not t.isdigit()]
    if digits > MAX_GENERIC_DIGITS or any(is_distinctive(t, dictionary) for t in letters):
        return Form(toks)
    if all(t in STOP_WORDS or t in _NAMED_WORDS for t in letters):
        return None
    if len(toks) == 1:
        non_nouns = getattr(dictionary, "non_nouns", ())
        alone = (kind == "PERSON" and len(toks[0]) >= MIN_DISTINCTIVE_LETTERS
                 and zipf(toks[0]) < TOO_COMMON_ALONE_ZIPF
                 and not any(stem in non_nouns for stem in _stems(toks[0])))
        return Form(toks, cased=True, alone=True) if alone else None
    if kind in NAMED_KINDS or (kind == "ORGANIZATION" and _INSTITUTION & set(letters)):
        return Form(toks, cased=True)
    return None
