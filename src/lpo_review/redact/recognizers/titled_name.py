"""Names after a courtesy title: "Mr Karl Strobel", "Mrs. Nazlı Pamuk", "Dr. Ana de la Cruz".

The statistical NER misses many names that are rare in its training data (non-English names
above all); a title followed by capitalised words is a strong, language-neutral signal.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import NAME_PARTICLE, LabelledValueRecognizer

_TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Mme|Mlle|Herr|Frau|Sra|Srta)\.?"
_WORD = r"(?:\p{Lu}[\p{Ll}'\u2019\-]*\p{Ll}|\p{Lu}\.)"



class TitledNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87
    FLAGS = regex.MULTILINE
    PATTERNS = (
        _TITLE
        + r"[ \t]+(?P<value>"
        + _WORD
        + r"(?:[ \t]+(?:"
        + NAME_PARTICLE
        + r"[ \t]+)?"
        + _WORD
        + r"){0,4})",
    )
