"""A person named after "Attention:" or "Attn:" inside a line of a notice clause.

Filed contracts often reach us with their notice blocks flattened into one line ("... E-mail:
apenta@loop.example Attention: Antonella Penta Indorama Ventures Holdings LP 4235 ..."), where a
label recognizer that wants its field at the start of a line or column finds nothing.  Here the
label may stand anywhere, and the name after it is read narrowly: a given name, an optional
middle initial and one surname ("Avi Levin", "Terrance L. Bessey"); an office ("Attn: Chief
Financial Officer"), a department ("Attention: Legal Department") or a company is no one's
name.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.redact.recognizers.labelled_name import NOT_A_PERSON, OFFICE, ORGANISATION

_WORD = r"\p{Lu}[\p{Ll}'\u2019\-]+"


class AttentionNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"(?i:(?<![\w])(?:attention|attn)\.?[ \t]*:?)[ \t]+"
        r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+)?"
        r"(?P<value>" + _WORD + r"(?:[ \t]+\p{Lu}\.)?[ \t]{1,2}" + _WORD + r")"
        r"(?![\p{L}\d&])(?![ \t]+\p{Lu}[\p{L}'\u2019\-]*[ \t]*&)"  # "Wilson Sonsini Goodrich &"
        # (nor a department: "Attention: Order Fulfillment Services")
        r"(?![ \t]+(?i:services|department|dept|division|team|group|unit|desk|office|center)\b)",
    )
    LINES = r"attention|attn"

    def validate(self, value: str) -> bool:
        """No office and no company; whether the first word is a given name is for
        :func:`lpo_review.redact.names.plausible_person` to say."""
        return not (ORGANISATION.search(value) or NOT_A_PERSON.search(value)
                    or regex.search(OFFICE, value))
