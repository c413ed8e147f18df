"""A full name with a nickname inside it: 'Dominique "Nikki" Thibodeaux', 'Richard ("Rich")
Donnelly', 'Aloysius “Sully” Sullivan', or after it, a short form of the given name: 'Esperanza
Ibarra-Wood ("Espie")' (a contract's 'John Smith ("Executive")' defines a term instead).

The NER reads the quotation marks as the end of a name, so it finds the given name alone, or
nothing, and the surname after the nickname stays readable.  The whole is one mention; the
nickname, a part of it, is then masked wherever it stands alone (the name's aliases).  Reported
only where the first or the quoted word is a given name (probablepeople) or the first word is
rare in English ("Aloysius"), and the last is no company's word, so a contract's 'Seller
("Acme") Parent' is no person.
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_WORD = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
#: A nickname is quoted, in parentheses or not; parentheses alone are a gloss ("Technology
#: (Beijing) Limited").
_OPEN = r"\(?[\"“'‘]"
_CLOSE = r"[\"”'’]\)?"
_COMPANY_WORDS = frozenset(
    "parent company corporation holdings group partners trust bank fund capital".split())


class NicknameNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.86
    FLAGS = 0
    PATTERNS = (
        r"(?<![\p{L}])(?P<value>" + _WORD + r"(?:[ \t]+\p{Lu}\.)?[ \t]+" + _OPEN + r"(?P<nick>"
        + _WORD + r")" + _CLOSE + r"[ \t]+(?:\p{Lu}\.[ \t]+)?" + _WORD + r")(?![\p{L}])",
        # after the full name, a short form of the given name: 'Esperanza Ibarra-Wood ("Espie")'
        r"(?<![\p{L}])(?P<value>" + _WORD + r"(?:[ \t]+(?:\p{Lu}\.|" + _WORD + r")){1,2}[ \t]+\("
        r"[\"“](?P<nick>" + _WORD + r")[\"”]\))",
    )
    LINES = r"[\"“'‘(]"

    def validate(self, value: str) -> bool:
        # imported here: name_evidence reads the keep rules, which read this package
        from lpo_review.redact.name_evidence import is_given_name, zipf

        words = [w.strip("\"“”'‘’()") for w in value.split()]
        if words[-1].lower() in _COMPANY_WORDS:
            return False
        if value.endswith(")"):  # the short form shares its given name's start ("Espie")
            return words[-1][:3].lower() == words[0][:3].lower() and is_given_name(words[0])
        return (is_given_name(words[0]) or is_given_name(words[1].rstrip("."))
                or zipf(words[0].lower()) < 2.5)
