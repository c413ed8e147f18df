"""A word spelled out letter by letter for the record: "I-N-E-S", "O-apostrophe-N-E-I-L-L",
"M-C-O-L-E, all one word".

Witnesses spell names, e-mail users and street names so the reporter gets them right; the
spelling is the identifier itself, written so no recognizer of names or addresses sees it.  Three
or more capital letters joined by hyphens (a spoken "apostrophe", "hyphen" or "space" between
them too), after "spell" on the same line or the line before, is masked as a person's name, the
usual thing spelled.  (A spelled name already known is also found as that name's alias:
:func:`lpo_review.redact.names.alias_mentions`.)
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_SPELLED = (r"(?<![\w\-])(?P<value>(?:\p{Lu}(?:-(?i:apostrophe|hyphen|space|dash)-|-)){2,}\p{Lu})"
            r"(?![\w\-])")


class SpelledNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.82
    FLAGS = 0
    PATTERNS = (r"(?i:spell\w*)[^\n]{0,120}?(?:\n[^\n]{0,160}?)?" + _SPELLED,)
    LINES = r"\bspell"
