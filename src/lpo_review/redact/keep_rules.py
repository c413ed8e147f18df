"""Detections a profile leaves in the text although their entity type is masked.

* Places at least as large as a state under ``hipaa`` (Safe Harbor removes smaller ones only).
* Public institutions (organisations or places) named by generic words only ("the Court of
  Appeal", "the Ministry of Justice", "The Polish Government"): they tell neither who a person
  is nor where.
* Texts of law detected as organisations ("the Military Service Act").
* Date expressions that are no date: frequencies ("monthly"), phrases without a number, month,
  weekday or unit of time ("now"), numbers that cannot be years ("3713").
"""

from __future__ import annotations

import re

from lpo_review.redact.recognizers.zip_code import US_STATE_NAMES

_STATE_LEVEL = frozenset(
    {name.casefold() for name in US_STATE_NAMES}
    | {"united states", "united states of america", "usa", "us", "america", "the united states"}
)
_INSTITUTION_HEADS = frozenset(
    "court courts tribunal government ministry commission council chamber parliament assembly "
    "prosecutor prosecutors department directorate authority authorities office agency section "
    "board treasury senate congress committee registry registrar division bench cabinet "
    "presidency inspectorate convention".split()
)
#: Words that name no particular place or person inside an institution's name.
_GENERIC_WORDS = _INSTITUTION_HEADS | frozenset(
    "the of and for on in to supreme administrative military constitutional district regional "
    "high federal state appeal appeals cassation first second third fourth fifth instance civil "
    "criminal public principal chief social insurance labour labor european human rights "
    "international law foreign affairs justice interior defence defense national general grand "
    "security assize magistrates family youth tax finance health education immigration "
    "economic economy employment internal home legal central local county municipal city "
    "provincial judicial disciplinary audit registration land property".split()
)
#: A state named as a party: "the Republic of Poland", "Federal Republic of Germany".
_STATE_AS_PARTY = re.compile(
    r"(?:the )?(?:(?:federal|socialist|people's|democratic|islamic|united) )*"
    r"(?:republic|kingdom|principality|grand duchy|commonwealth|state) of(?: the)? [\w\- ]{3,30}"
)
_NOT_NAMES = frozenset({"facts", "law", "state", "inter alia", "the facts", "the law"})
_HAS_DATE_PART = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"year|month|week|day|hour|minute|decade|centur|night|morning|evening|spring|summer|autumn|"
    r"fall|winter)",
    re.IGNORECASE,
)
_LEGISLATION_HEADS = frozenset(
    "act acts code treaty law laws regulation regulations rules rule protocol statute statutes "
    "directive constitution ordinance decree bill charter".split()
)
_FREQUENCY = re.compile(
    r"(?:bi-?)?(?:hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually|annual)",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"\d+")
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)


def _plain(value: str) -> str:
    value = re.sub(r"['\u2019]s$", "", value.strip())
    return " ".join(value.replace(".", "").split()).casefold()


def is_public_institution(value: str) -> bool:
    """A public body named by generic words only: "the Court of Cassation", "Chamber",
    "The Polish Government", "the Republic of Turkey" (a state as a party; but not "the Kayseri
    Administrative Court", which tells a place)."""
    plain = _plain(value)
    if plain in _NOT_NAMES or _STATE_AS_PARTY.fullmatch(plain):
        return True
    head = _OF.split(plain, maxsplit=1)[0].split()
    if not head or head[-1] not in _INSTITUTION_HEADS:
        return False
    words = plain.split()
    if len(words) <= 3 and words[-1] == "government":
        return True  # "The Polish Government": a state as a party
    return all(w in _GENERIC_WORDS for w in words)


def is_state_level(value: str) -> bool:
    """A US state or the country: "Delaware", "the United States"."""
    return _plain(value) in _STATE_LEVEL


def is_legislation(value: str) -> bool:
    """ "the Military Service Act", "the Civil Code": a text of law, not a body or a place."""
    head = _OF.split(_plain(value), maxsplit=1)[0].split()
    return bool(head) and head[-1] in _LEGISLATION_HEADS


def is_not_a_date(value: str) -> bool:
    """A frequency ("monthly"), a phrase with no date part, or a number that is no year."""
    plain = value.strip()
    if _FREQUENCY.fullmatch(plain) or not _HAS_DATE_PART.search(plain):
        return True
    return bool(_BARE_NUMBER.fullmatch(plain)) and not 1800 <= int(plain) <= 2099


#: A lower-case word in running text (not part of an e-mail address, domain or path).
_LOWER_WORD = re.compile(r"(?<![\w\-@./])[a-z][a-z'\-]+(?![\w\-@/]|\.\w)")


def lowercase_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case: proper names are not among them."""
    return frozenset(_LOWER_WORD.findall(text))


def keeps_value(profile: str, entity_type: str, value: str) -> bool:
    """Whether ``profile`` leaves this detected value in the text despite its type."""
    if entity_type == "LOCATION" and profile in ("hipaa", "date-shifted") and \
            is_state_level(value):
        return True
    if entity_type in {"ORGANIZATION", "LOCATION"}:
        return is_public_institution(value) or is_legislation(value)
    if entity_type == "DATE_TIME":
        return is_not_a_date(value)
    return False
