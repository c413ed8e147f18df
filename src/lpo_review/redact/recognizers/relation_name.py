"""A person named by a relation or asked about by name: "my brother Deuce", "her friend Grant",
"Who is Skip?", "What's Kenzie's full name?", "Dez, they call him", "goes by Effie", "I called
Skip", "Everyone at work calls me Sasha", a chart's "Husband Art noticed".

Testimony names family, friends and co-workers by a first name or a nickname alone, often a
word the NER does not take for a name ("Deuce", "Boots", "Skip").  A capitalised word right
after a possessive and a relation ("my brother", "his supervisor") or asked about with "Who
is ...?" is a person; the word is then masked wherever it stands alone (the name's aliases).
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_RELATION = (
    r"(?:brother|sister|son|daughter|wife|husband|mother|father|mom|dad|cousin|uncle|aunt|"
    r"nephew|niece|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|stepson|"
    r"stepdaughter|stepfather|stepmother|friend|buddy|roommate|neighbou?r|girlfriend|"
    r"boyfriend|fianc[eé]e?|partner|boss|supervisor|manager|co-?worker|colleague|foreman|"
    r"landlord|tenant|caregiver)(?:-in-law)?"
)
_NAME = r"\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?"
#: Words that may follow a relation without naming anyone ("my brother And I", "my son The").
_NOT_NAMES = frozenset(
    "and or but the a an i he she they we it that this then there when who what at in on of to "
    "for with from by is was were had has have did does do said says told monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december 911 him her them".split())


class RelationNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.84
    FLAGS = 0
    PATTERNS = (
        r"\b(?i:my|his|her|their|your|our)\s+(?i:(?:older|younger|little|big|late|ex-?|"
        r"best|former)\s+)?(?i:" + _RELATION + r"),?\s+(?P<value>" + _NAME + r")\b",
        # a chart's social history: "Husband Art noticed ...", "Daughter Ama shut the water off"
        r"(?:(?<![^\n])|(?<=[.;:]\s{1,3}))(?:Husband|Wife|Son|Daughter|Mother|Father|Brother|Sister|"
        r"Partner|Spouse|Grandson|Granddaughter|Caregiver)\s+(?P<value>\p{Lu}\p{Ll}+)\b",
        r"\b(?i:who)[ \t]+(?i:is|was|'s)[ \t]+(?P<value>" + _NAME + r")[ \t]*\?",
        # "What's Kenzie's full name?", "Dez, they call him", "goes by Effie", "I called Skip"
        r"\b(?i:what(?:'s|\s+is|\s+was))\s+(?P<value>" + _NAME + r")['\u2019]s\s+"
        r"(?i:full|last|first|middle|legal|real)\s+name\b",
        r"\b(?P<value>\p{Lu}\p{Ll}+),\s+(?i:they|people|everybody|everyone|we)\s+call(?:ed)?\s+"
        r"(?i:him|her|them)\b",
        r"\b(?i:goes\s+by|went\s+by|nicknamed|(?:I|we|she|he|they)\s+called|"
        r"call(?:s|ed)?\s+(?:me|him|her))[:\s]+[\"\u201c]?(?P<value>\p{Lu}\p{Ll}+)\b",
    )
    LINES = r"\b(?:my|his|her|their|your|our|who|what|call|called|by|nicknamed)\b"

    def validate(self, value: str) -> bool:
        return value.split()[0].lower() not in _NOT_NAMES
