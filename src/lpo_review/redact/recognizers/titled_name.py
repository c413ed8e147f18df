"""Names after a courtesy title: "Mr Karl Strobel", "Mrs. Nazlı Pamuk", "Dr. Ana de la Cruz".

The statistical NER misses many names that are rare in its training data (non-English names
above all); a title followed by capitalised words is a strong, language-neutral signal.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import NAME_PARTICLE, LabelledValueRecognizer
from lpo_review.redact.recognizers.labelled_name import OFFICE_NOUNS

_TITLE = (r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Mme|Mlle|Herr|Frau|Sra|Srta|"
          # an officer's rank: "Ofc. Marcus Cook", "Sgt. Ray Olmos", "Deputy Lane" ("Officer" is
          # also a job's title: "Escrow Officer License No.")
          r"Ofc|Sgt|Sergeant|Det|Detective|Cpl|Corporal|Lt|Lieutenant|Capt|Captain|Trooper|Tpr|"
          r"Deputy)\.?")
#: Words after a rank that name an office or a unit, not a person ("Deputy Clerk", "Detective
#: Bureau", "Officer Safety").
_NOT_A_NAME_AFTER_RANK = regex.compile(
    r"(?i:" + "|".join(sorted(OFFICE_NOUNS)) + r"|bureau|division|department|dept|unit|general|"
    r"chief|major|sheriff|county|city|state|safety|report|on|in|of|and)")
_WORD = r"(?:\p{Lu}[\p{Ll}'\u2019\-]*\p{Ll}|\p{Lu}\.)"
#: An office after the name ends it: "Ms. Chen Weijie Coordinator/Lead Developer".
_NOT_AN_OFFICE = r"(?!(?i:" + "|".join(sorted(OFFICE_NOUNS)) + r")\b)"


class TitledNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87
    FLAGS = regex.MULTILINE
    PATTERNS = (
        _TITLE
        + r"[ \t]+(?P<value>"
        + _WORD
        + r"(?:[ ](?:"  # one space between a name's words: a column gap ends it
        + NAME_PARTICLE
        + r"[ ])?"
        + _NOT_AN_OFFICE
        + _WORD
        + r"){0,4})",
    )

    def validate(self, value: str) -> bool:
        return not _NOT_A_NAME_AFTER_RANK.fullmatch(value.split()[0].rstrip("."))
