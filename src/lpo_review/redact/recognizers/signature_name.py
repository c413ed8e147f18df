"""Persons named in the cells of a flattened signature block.

A filed contract's signature page often reaches us as one line per row of its columns, the
cells a run of spaces apart: the signature rules, then both signatories' names, then their
titles ("-----------   -----------   Thomas R. Berner   Thomas Cancro   Key Account Manager").
The NER reads such a row word by word without the sentence around it and misses names whose
surname is also a word ("Frank Moody").  Here a cell of a line that holds a signature mark (a
rule of underscores, "By:", "/s/", or a rule of dashes within a few lines after "IN WITNESS
WHEREOF" or a signature's label: elsewhere dashes rule a table) or of the line right after one
is a person when it reads as a full name: a given name first, an optional middle initial, a
surname, an optional generational suffix, and no word of an office ("Managing Director"), a
company or a field label.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.redact.recognizers.labelled_name import NOT_A_PERSON, OFFICE, ORGANISATION

#: What marks a signature row: a rule to sign on, "By:", "/s/".
_SIGNATURE_MARK = regex.compile(r"_{5,}|(?<![\w])by[ \t]*:|/s/", regex.IGNORECASE)
#: A rule of dashes, a signature row only a few lines after the signing words.
_DASH_RULE = regex.compile(r"-{5,}")
_SIGNING = regex.compile(r"in[ \t]+witness[ \t]+whereof|(?<![\w])(?:by|signature)[ \t]*:|/s/",
                         regex.IGNORECASE)
#: How many lines after the signing words a rule of dashes is still a signature's.
_SIGNING_REACH = 6
#: The longest line read as a signature block's row (a whole table flattened into one line
#: is no signature block).
_ROW_CHARS = 400
#: A column gap: the cells of a flattened row stand three or more spaces apart.
_CELL = regex.compile(r"[^ \t\n](?:[^\t\n]*?[^ \t\n])?(?=[ \t]{3,}|[ \t]*$)", regex.MULTILINE)
_WORD = r"\p{Lu}[\p{Ll}'\u2019\-]+"
#: A cell that is one full name, after a cell's own "By:", "Name:" or "/s/".
_FULL_NAME = regex.compile(
    r"(?:(?i:by|name)[ \t]*:[ \t]*)?(?:/s/[ \t]*)?"
    r"(?P<value>" + _WORD + r"(?:[ \t](?:\p{Lu}\.|" + _WORD + r")){1,2}"
    r"(?:,?[ \t](?:Jr\.|Sr\.|II|III|IV))?)"
)


class SignatureNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.84

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every cell of a signature row (or of the row after one) that reads as a full name."""
        found = []
        after_mark = False
        since_signing = _SIGNING_REACH + 1  # lines since the last line with signing words
        for line in regex.finditer(r"[^\n]*", text):
            if _SIGNING.search(line.group()):
                since_signing = 0
            marked = _SIGNATURE_MARK.search(line.group()) is not None or (
                since_signing <= _SIGNING_REACH and _DASH_RULE.search(line.group()) is not None)
            if (marked or after_mark) and len(line.group()) <= _ROW_CHARS:
                for cell in _CELL.finditer(text, line.start(), line.end()):
                    name = _FULL_NAME.fullmatch(cell.group())
                    if name and self.validate(name["value"]):
                        start = cell.start() + name.start("value")
                        found.append((start, start + len(name["value"])))
            if line.group().strip():
                after_mark = marked
                since_signing += 1
        return found

    def validate(self, value: str) -> bool:
        """A given name first; no office, company or field label ("Key Account Manager")."""
        # imported here: name_evidence reads the keep rules, which read this package
        from lpo_review.redact.name_evidence import is_given_name

        return is_given_name(value.split()[0]) and not (
            ORGANISATION.search(value) or NOT_A_PERSON.search(value)
            or regex.search(OFFICE, value))
