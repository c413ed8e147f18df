"""A masked name of several words is masked wherever the document repeats it.

The NER sees each mention in its own context and sometimes passes over a repeat; a transcript
also wraps a mention over its line number ("Belt Line\\n 9  Road").  Once a value of two or more
words is masked anywhere in a document, every other capitalised occurrence of the same words is
masked with the same entity type, also when a line break (and a transcript's line number) falls
between two of its words: then each line's piece is its own span, the line number stays.

Persons are linked by :mod:`lpo_review.redact.names` (which knows aliases); this covers the
other named things: places, organisations, streets.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, RecognizerResult

#: Recognizer name of a repeat found this way.
VALUE_REPEAT = "ValueRepeat"
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*")
#: Between two words of a repeat: spaces, or a line break with a transcript's line number.
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*(?:\d{1,2}[ \t]+)?)"
_ARTICLES = frozenset({"the", "a", "an"})
_LINE_BREAK = regex.compile(r"[ \t]*\r?\n[ \t]*(?:\d{1,2}[ \t]+)?")


def repeat_values(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """``results`` plus a result for every uncovered repeat of a masked multi-word value."""
    covered = [(r.start, r.end) for r in results]
    added: list[RecognizerResult] = []
    seen: set[tuple[str, ...]] = set()
    for r in results:
        if r.entity_type == "PERSON":
            continue
        words = tuple(_WORD.findall(text[r.start : r.end]))
        while words and words[0].casefold() in _ARTICLES:
            words = words[1:]
        if len(words) < 2 or words in seen or not words[0][0].isupper():
            continue
        seen.add(words)
        pattern = regex.compile(
            r"(?<![\w\-])" + _GAP.join(regex.escape(w) for w in words) + r"(?![\w\-])"
        )
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in covered):
                continue
            covered.append((m.start(), m.end()))
            added += [_copy(r, s, e) for s, e in _line_pieces(text, m.start(), m.end())]
    return results + added


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, at = [], start
    for gap in _LINE_BREAK.finditer(text, start, end):
        pieces.append((at, gap.start()))
        at = gap.end()
    pieces.append((at, end))
    return [(s, e) for s, e in pieces if e > s]


def _copy(r: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(
        r.entity_type, start, end, r.score,
        analysis_explanation=AnalysisExplanation(
            recognizer=VALUE_REPEAT, original_score=r.score,
            textual_explanation="repeats a value masked elsewhere in the document"),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: VALUE_REPEAT,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: VALUE_REPEAT},
    )
