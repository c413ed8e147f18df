"""The matter's counsel, as the configuration lists them (``[privilege] counsel_names``,
``counsel_domains``): their names and their e-mail addresses are redacted as ``COUNSEL``.

They stay redacted like any personal data, but the placeholder's type tells every later stage,
the privilege screen first, that a lawyer of the matter wrote, received or is named in a passage
(``From: <COUNSEL_1>``), which the redacted text could not otherwise say.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

ENTITY = "COUNSEL"
#: As high as any recognizer; a detection of the same span gives way to it (redact.spans).
SCORE = 1.0
_TITLES = r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Attorney|Atty|Counsel|Counselor)\.?[ \t]+"
_PARTICLES = {"de", "la", "van", "von", "der", "del", "da", "di", "le"}


def _name_patterns(name: str) -> list[str]:
    """The spellings of one lawyer's name: in full (the middle name or initial optional),
    first initial and surname, "Surname, First", a title before the surname, the first name
    standing alone (not beside another capitalised word: "Helen Park" is someone else), and
    initials of three letters or more ("PRC" for Priya Raman-Castell, as in a draft's
    comments)."""
    words = [w for w in regex.split(r"[\s,]+", name.strip()) if w]
    words = [w for w in words if w.rstrip(".").lower() not in {"esq", "jr", "sr", "ii", "iii"}]
    if len(words) < 2:
        return [regex.escape(words[0])] if words and len(words[0]) > 3 else []
    first, last = words[0], words[-1]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    last = " ".join(words[i:])
    middle = words[1:i]
    sep = r"[ \t]+"
    f, s = regex.escape(first), regex.escape(last).replace(r"\ ", sep)
    mid = "".join(rf"(?:{regex.escape(m[0])}\.?|{regex.escape(m)}){sep}" for m in middle)
    initials = "".join(part[0] for w in words for part in w.split("-") if part[:1].isalpha())
    patterns = [
        rf"{f}{sep}(?:{mid})?{s}" if mid else rf"{f}{sep}(?:[A-Z]\.?{sep})?{s}",
        rf"{regex.escape(first[0])}\.{sep}(?:[A-Z]\.{sep})?{s}",
        rf"{s},{sep}{f}",
        rf"(?<={_TITLES}){s}",
        rf"(?<![A-Z][\w.'-]*[ \t]+){f}(?![ \t]+[A-Z])",
    ]
    if len(initials) >= 3:
        patterns.append(regex.escape(initials.upper()))
    return patterns


class CounselRecognizer(LabelledValueRecognizer):
    """Finds the listed counsel's names and any address at a counsel domain."""

    ENTITY = ENTITY
    SCORE = SCORE
    FLAGS = regex.MULTILINE  # names as written; addresses in any case (inline flag)

    def __init__(self, names: Iterable[str], domains: Iterable[str]) -> None:
        patterns = [p for n in names for p in _name_patterns(n)]
        hosts = [regex.escape(d.strip().lstrip("@").lower()) for d in domains if d.strip()]
        self.PATTERNS = tuple(  # type: ignore[misc]  # this matter's counsel, not a class's
            [rf"\b(?P<value>{'|'.join(patterns)})\b"] * bool(patterns)
            + [rf"(?i:\b(?P<value>[\w.+'-]+@(?:[\w-]+\.)*(?:{'|'.join(hosts)}))\b)"] * bool(hosts))
        super().__init__()
