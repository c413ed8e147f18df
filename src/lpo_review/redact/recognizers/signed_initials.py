"""A party's initials where a form asks for them: "BUYER'S Initials (FJK)(ALK)", "Initials: RM",
"Tenant initials ____ JDW".  Initials someone wrote by hand on each page name that person as
surely as a signature."""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer


class SignedInitialsRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.8
    PATTERNS = (
        # (in brackets, or after a colon or the blank: not a table's headings after "INITIALS")
        r"\binitials?[ \t]*(?::[ \t]*_*[ \t]*|_+[ \t]*|(?=\())"
        r"(?P<value>(?:\(?(?-i:[A-Z]{2,4})\)?[ \t]*){1,4})(?![\w(])",
    )
    ITEM = r"(?-i:[A-Z]{2,4})"
    LINES = r"initial"
