"""Clause segmentation for EDGAR-style contracts.

A contract is cut into *segments*: sentences, or list items / ``;``-separated sub-clauses of a
long sentence.  Segments are the candidate clause spans the classifier scores; adjacent segments
predicted for the same category are merged into one clause.  Headings (numbered sections, lines
in capitals) are recognised and attached to the segments that follow them as context.  Page
debris (bare page numbers, ``Page 3 of 9``, EDGAR ``Source:`` footers) never becomes a segment.

Offsets always index the text as given: nothing is rewritten, typographic spaces are simply
whitespace to the regular expressions.  Runs in time linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Lines that are page furniture, not contract language.
_DEBRIS = re.compile(
    r"^\s*(?:-?\s*\d{1,4}\s*-?|page\s+\d+(?:\s+of\s+\d+)?|\[?\*+\]?|source:.*|"
    r"table of contents|[ivxlc]{1,6}\.?)\s*$",
    re.IGNORECASE,
)
#: A line that starts a new unit even without a blank line before it (hard-wrapped text).
_ITEM_START = re.compile(
    r"^\s*(?:\(?[a-z]{1,3}\)|\(?\d{1,3}(?:\.\d{1,3})*\.?\)?\s|(?:article|section|exhibit|schedule)\s"
    r"|[A-Z][A-Z0-9 ,;:&'\-]{3,}$|[\u2022\u25cf\-\*]\s)",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.:;!?][\"')\]\u201d]*\s*$")
#: Candidate sentence boundaries: terminal punctuation, closing quotes/brackets, whitespace.
_SENT_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+(?=[\"(\[\u201c]?[A-Z0-9<])")
#: Sub-clause boundaries inside a long sentence: ``;`` (optionally followed by and/or) or ``:``
#: before an enumerator.
_SUB_END = re.compile(r"(?:;(?:\s+(?:and|or))?|:)\s+(?=\(?(?:[a-z]{1,3}|\d{1,2}|[A-Z])\)|[A-Z\"\u201c(])")
_ABBREV = {
    "inc", "co", "corp", "ltd", "llc", "no", "nos", "sec", "secs", "mr", "mrs", "ms", "dr", "st",
    "jr", "sr", "u.s", "e.g", "i.e", "etc", "vs", "v", "art", "para", "fig", "approx", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "n.a",
    "l.p", "l.l.c", "s.a", "n.v", "b.v", "p.c", "u.k", "ave", "blvd", "ste", "cf", "al", "pty",
    "plc", "gmbh", "ag", "bros", "assoc", "int'l", "intl", "p", "pp", "ex", "ref", "sch",
}
_NUMBERING = re.compile(r"^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*\)?|\(?[a-zA-Z]\)?|\(?[ivxlcIVXLC]{1,6}\)?)$")
_WORD_BEFORE = re.compile(r"(\S+)$")
_LETTERS = re.compile(r"[A-Za-z]")
_MIN_WORDS = 3
_SUB_SPLIT_CHARS = 400


@dataclass(frozen=True)
class Segment:
    """One candidate clause span ``text[start:end]`` with its layout context."""

    start: int
    end: int
    heading: str
    """Text of the nearest heading before the segment ('' if none)."""
    para_index: int
    """Index of the paragraph the segment belongs to."""
    is_heading: bool = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines separate; so do lines starting a list item or heading."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    prev_line = ""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped or _DEBRIS.match(line):
            if start is not None:
                spans.append((start, end))
                start = None
        else:
            lead = pos + (len(line) - len(line.lstrip()))
            trail = pos + len(line.rstrip())
            breaks = start is not None and (
                _ITEM_START.match(line) is not None
                or _is_heading(prev_line.strip())
                or (_ENDS_SENTENCE.search(prev_line) is not None and len(prev_line.strip()) < 60)
            )
            if breaks:
                spans.append((start, end))  # type: ignore[arg-type]
                start = None
            if start is None:
                start = lead
            end = trail
            prev_line = line
        pos = line_end + 1
    if start is not None:
        spans.append((start, end))
    return spans


def _is_heading(s: str) -> bool:
    """A short line in capitals, or ``ARTICLE 5`` / ``Section 3. Term`` style."""
    if not s or len(s) > 120:
        return False
    letters = _LETTERS.findall(s)
    if len(letters) < 3:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    if upper / len(letters) > 0.8 and len(s.split()) <= 14:
        return True
    return bool(re.match(r"^(?:article|section)\s+[\divxlc]+\.?(?:\s+[^.]{0,60})?$", s, re.IGNORECASE))


def _is_abbrev(text: str, dot: int, floor: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or a section number."""
    m = _WORD_BEFORE.search(text, max(floor, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lstrip("(\"'\u201c").lower()
    return word in _ABBREV or bool(_NUMBERING.match(word)) or (len(word) == 1 and word.isalpha())


def _split(text: str, start: int, end: int, pattern: re.Pattern[str], abbrev: bool) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cur = start
    for m in pattern.finditer(text, start, end):
        if abbrev and text[m.start()] == "." and _is_abbrev(text, m.start(), start):
            continue
        cut = m.start() + len(m.group(0).rstrip())
        pieces.append((cur, cut))
        cur = m.end()
    pieces.append((cur, end))
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and len(text[merged[-1][0]:merged[-1][1]].split()) < _MIN_WORDS:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if len(merged) > 1 and len(text[merged[-1][0]:merged[-1][1]].split()) < _MIN_WORDS:
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return merged


def segment(text: str) -> list[Segment]:
    """Cut ``text`` into clause candidates (sentences and sub-clauses) in document order."""
    out: list[Segment] = []
    heading = ""
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        para = text[p_start:p_end]
        if _is_heading(para.strip()):
            heading = " ".join(para.split())
            out.append(Segment(p_start, p_end, heading, p_index, True))
            continue
        for s, e in _split(text, p_start, p_end, _SENT_END, abbrev=True):
            if e - s > _SUB_SPLIT_CHARS:
                subs = _split(text, s, e, _SUB_END, abbrev=False)
            else:
                subs = [(s, e)]
            for ss, se in subs:
                if se > ss:
                    out.append(Segment(ss, se, heading, p_index))
    return out
