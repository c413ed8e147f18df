"""Span clean-up before replacement: one mention, one span.

* A leading article and a possessive ending stay outside the span: "the <ORGANIZATION_1>'s".
* A detection around a higher-scoring one of another type gives way to it.
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
_LEADING_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['\u2019]s?$")
_GLOSS = re.compile(
    r"[ \t]?\((?![“\"'‘]?(?:the|a|an|hereinafter)\b)(?=[^()\n]*[^\W\d_])[^()\n]{1,80}\)"
)


def drop_outranked(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Drop a detection that contains a higher-scoring one of another type ("IL 62704" read as an
    organisation around the ZIP code "62704"): Presidio's anonymizer would keep the outer one."""
    ordered = sorted(results, key=lambda r: (r.start, -r.end))
    dropped: set[int] = set()
    for i, outer in enumerate(ordered):
        for inner in ordered[i + 1 :]:
            if inner.start >= outer.end:
                break
            if (
                inner.entity_type != outer.entity_type
                and inner.end <= outer.end
                and inner.score > outer.score
            ):
                dropped.add(i)
                break
    return [r for i, r in enumerate(ordered) if i not in dropped]


def tidy_spans(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Trim articles and possessive endings, join split mentions and widen names over their
    glosses (results sorted by start)."""
    for r in results:
        article = _LEADING_ARTICLE.match(text, r.start, r.end)
        if article and article.end() < r.end:
            r.start = article.end()
        possessive = _TRAILING_POSSESSIVE.search(text, r.start, r.end)
        if possessive and possessive.start() > r.start:
            r.end = possessive.start()
    ordered = drop_outranked(results)
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
