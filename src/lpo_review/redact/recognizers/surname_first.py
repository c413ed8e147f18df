"""Names written surname first, as rosters, claim files and crew lists print them:
"Quincannon, Theresa", "Cole, Mark T.", "VANDERSLICE, Tobias J.", "DE LA HAYE, WINIFRED O",
"Abernathy-Kaye, Lucius T.", "Hollis,Pradeep".

The NER reads "Quincannon," as a word and "Theresa" as a name of its own, if at all.  A
capitalised surname (with particles and hyphens), a comma, then a given name and optionally a
middle name or initial, is one name when its given name is one (probablepeople, and not a common
English word first) and its surname is rare or a middle given name follows, or when a middle
initial follows a given name that is one or is rare in English ("Quincannon, Theresa",
"OKONJO-BARRETT, Felicity A."; not "Paris, France", "Fenmoor, PA", "In Houston, Mary said", "ALL
NOTES, OLDEST FIRST", "Calgary, Alberta"); a place before its region or ZIP is left out.  The
document's own evidence then screens it like an NER guess
(:data:`lpo_review.redact.names.NEEDS_EVIDENCE`: "Franchisor, Franchisee" are defined terms).
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import NAME_PARTICLE, LabelledValueRecognizer
from lpo_review.redact.recognizers.credential_name import CREDENTIAL_ONLY
from lpo_review.redact.recognizers.zip_code import US_STATE_NAMES

_CAP = r"(?:Mc|Mac|O['\u2019]|D['\u2019])?\p{Lu}[\p{L}'\u2019]*(?:-\p{Lu}[\p{L}'\u2019]*)?"
_SURNAME = (r"(?:(?:" + NAME_PARTICLE + r"|(?i:" + NAME_PARTICLE + r"))[ ])*" + _CAP
            + r"(?:[ ]" + _CAP + r")?")
_GIVEN = r"\p{Lu}[\p{L}'\u2019]+(?:-\p{Lu}[\p{L}'\u2019]+)?"
#: A given name after a rare surname may be a common word, up to this ("Dawn" 4.2, "Ray" 4.6;
#: not "Will" 6.5 or "The").
COMMON_GIVEN_ZIPF = 5.0
#: Regions whose names are also given names ("Calgary, Alberta", "Melbourne, Victoria").
_STATES = frozenset(name.casefold() for name in US_STATE_NAMES) | frozenset(
    "alberta ontario quebec manitoba saskatchewan yukon victoria queensland tasmania "
    "florida georgia carolina virginia louisiana".split())
#: A place is followed by its region or country: "Zapopan, Jalisco, Mexico", "Dunmore, OH 43001".
_NO_REGION = (r"(?!,?[ \t]*(?:\d{5}|[A-Z]{2}\b|Mexico|Canada|USA|U\.S\.A\.|United[ \t]+"
              r"(?:States|Kingdom)|England|Scotland|Wales|Ireland|Australia|New[ \t]+Zealand|India|"
              r"China|Japan|Germany|France|Spain|Italy|Brazil|Netherlands))")


class SurnameFirstRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.83
    FLAGS = 0
    PATTERNS = (
        # (no space after the comma in some systems' prints: "Hollis,Pradeep MD")
        r"(?<![\p{L},])(?P<value>" + _SURNAME + r",[ \t]*(?P<given>" + _GIVEN + r")"
        r"(?P<middle>[ \t]+(?:\p{Lu}\.?(?![\p{L}])|" + _GIVEN + r"))?)(?![\p{L}])"
        + _NO_REGION,
    )

    def validate(self, value: str) -> bool:
        # imported here: name_evidence reads the keep rules, which read this package
        from lpo_review.redact.name_evidence import (
            GIVEN_NAME_ZIPF,
            LEGAL_WORDS,
            RARE_ZIPF,
            is_common_english,
            is_given_name,
            zipf,
        )

        surname, _, rest = value.partition(",")
        words = rest.split()
        given = words[0]
        if given.casefold() in _STATES or len(given) < 3 or CREDENTIAL_ONLY.fullmatch(given):
            return False  # "Fenmoor, PA"; "Tomczak, DPT" is a name and its credential
        if any(w.casefold() in LEGAL_WORDS for w in surname.split()):
            return False  # "IN WITNESS WHEREOF, STAAR and Distributor have ..."

        def given_name(word: str) -> bool:
            return is_given_name(word.capitalize()) and zipf(word.casefold()) < GIVEN_NAME_ZIPF

        rare_surname = not is_common_english(surname.split()[-1].split("-")[-1].casefold())
        if len(words) > 1 and len(words[1].rstrip(".")) == 1:  # a middle initial
            # "BLACK, MARK J", "REYES, DAWN M": a roster's name, however common its words
            return is_given_name(given.capitalize()) or rare_surname \
                or zipf(given.casefold()) < RARE_ZIPF
        if value.isupper() and rare_surname and is_given_name(given.capitalize()) and \
                zipf(given.casefold()) < COMMON_GIVEN_ZIPF:
            return True  # a roster's "OKAFOR, DAWN", "WHITFIELD, RAY" (not "Rehovot, Israel")
        # (or, in a roster's capitals, a middle name that is no English word at all: "DODGE,
        # BRIANNA LASHAE"; not the list "Carlos G. Torres, Sara Shipman Myers")
        return given_name(given) and (rare_surname or (len(words) > 1 and (
            given_name(words[1]) or (value.isupper() and zipf(words[1].casefold()) == 0))))
