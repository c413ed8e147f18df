"""Span clean-up before replacement: one mention, one span.

* Mentions the NER splits are joined: "1 March and 31 December 1998", "Lublin, Poland",
  "between 5 May and 24 October" (same entity type, separated only by a connector).
* A name is widened over the parenthetical right after it that glosses or abbreviates it:
  "Moers District Court (Amtsgericht)", "Acme Corp. (“Acme”)", "5,699 euros (EUR)"; a role in
  parentheses ("(“the applicant”)") is not part of the name.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

#: Entity types whose neighbouring pieces form one mention.
JOINABLE = frozenset({"DATE_TIME", "DATE", "LOCATION", "MONEY"})
#: Entity types a following parenthetical gloss belongs to.
GLOSSABLE = frozenset({"ORGANIZATION", "LOCATION", "PERSON", "MONEY"})

_CONNECTOR = re.compile(
    r"[ \t]*(?:,|and|to|or|until|till|-|–|—|/|&)?[ \t]*(?:on[ \t]+)?", re.IGNORECASE
)
_GLOSS = re.compile(r"[ \t]?\((?![“\"'‘]?(?:the|a|an|hereinafter)\b)[^()\n]{1,80}\)")


def tidy_spans(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Join split mentions and widen names over their glosses (results sorted by start)."""
    ordered = sorted(results, key=lambda r: (r.start, -r.end))
    joined: list[RecognizerResult] = []
    last_by_type: dict[str, RecognizerResult] = {}
    for r in ordered:
        prev = last_by_type.get(r.entity_type)
        if (
            r.entity_type in JOINABLE
            and prev is not None
            and prev.end <= r.start
            and _CONNECTOR.fullmatch(text, prev.end, r.start)
        ):
            prev.end = max(prev.end, r.end)
            prev.score = max(prev.score, r.score)
            continue
        joined.append(r)
        last_by_type[r.entity_type] = r
    for r in joined:
        if r.entity_type in GLOSSABLE:
            m = _GLOSS.match(text, r.end)
            if m:
                r.end = m.end()
    return joined
