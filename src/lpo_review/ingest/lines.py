"""Page:line maps: physical pages for ordinary documents, the transcript's own numbering for
depositions.

The text is not changed here, but for a condensed transcript (see :func:`finalize_lines`);
only the map from offsets to ``page:line`` is built.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from lpo_review.ingest.condensed import unfold_condensed
from lpo_review.model import Document, LineMap

#: Highest line number a transcript page is taken to have (most have 25, some up to 34).
MAX_TRANSCRIPT_LINE = 34

# Optional video timestamp, the line number (bare, "[12]", "12:", "12|" or "12 |", or in a drawn box's
# gutter: "│ 12 │"), then the line's text (possibly glued: "1Q.").
_NUMBERED = re.compile(
    r"[ \t]*(?:[\u2502\u2503\u2551][ \t]*)?(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?"
    r"(?:\[(\d{1,2})\]|(\d{1,2})(?:[ \t]*[\u2502\u2503\u2551|]|:)?)"
    r"(?:[ \t]+(\S.*)|(?=[A-Z])(.*)|[ \t]*)$"
)
_PAGE_WORD = re.compile(r"\bPage[ \t]+(\d{1,5})\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"[ \t\f]*\[?(\d{1,5})\]?[ \t]*$")


@dataclass
class _Block:
    """A run of transcript lines numbered 1, 2, 3 ... on one transcript page."""

    first: int  # index of its first physical line
    last: int  # index of its last numbered physical line
    page: int | None = None


def transcript_line_map(text: str) -> LineMap | None:
    """Map a deposition transcript to its own page and line numbers ("12:4").

    Recognises line numbers at the start of lines (1..25 or so, restarting on each page,
    possibly in brackets, "[12]", or followed by a colon or a rule: "12:", "12|"), separated
    from the text by any spaces, glued to it ("1Q."), alone on a line (a blank numbered
    line), or after a video timestamp; page numbers as "Page 12", "Page 12 of 80" or a bare
    number ("12", "[12]") on its own line above or below the numbered lines.  Also a page and
    line before every line ("0006:14  Q  Who ..."), and line numbers at the end of each line,
    after the text (a page then headed "PAGE 6").  Returns ``None`` when the text is not
    numbered that way.
    """
    numbering = _numbering(text)
    if numbering is None:
        return None
    starts, lines, numbered, blocks, _ = numbering
    if any(b.page is None for b in blocks):
        _assign_pages(lines, blocks)
    pages: list[int] = []
    numbers: list[int] = []
    first_page = blocks[0].page or 1
    prefix_page = max(first_page - 1, 1)
    prefix_count = 0
    block_firsts = [b.first for b in blocks]
    current = (prefix_page, 0)
    for i in range(len(lines)):
        b = bisect_right(block_firsts, i) - 1
        if b < 0:
            prefix_count += 1
            current = (prefix_page, prefix_count)
        elif i in numbered and i <= blocks[b].last:
            current = (blocks[b].page or 1, numbered[i])
        pages.append(current[0])
        numbers.append(current[1])
    return LineMap(tuple(starts), tuple(pages), tuple(numbers))


def numbered_line_bodies(text: str) -> dict[int, tuple[int, int]]:
    """Offset where each transcript-numbered line begins -> the offsets of its text without
    the number (start, end).

    Empty when ``text`` is not numbered as a transcript (see :func:`transcript_line_map`).
    A line number may be followed by one space, several, a tab, or glued text ("1Q."), or
    stand at the end of the line.
    """
    numbering = _numbering(text)
    if numbering is None:
        return {}
    starts, _, numbered, _, bodies = numbering
    return {starts[i]: (starts[i] + bodies[i][0], starts[i] + bodies[i][1]) for i in numbered}


Numbering = tuple[list[int], list[str], dict[int, int], list["_Block"], dict[int, tuple[int, int]]]
"""Physical line starts and contents; line index -> transcript line number; the numbered runs
(pages); line index -> the (start, end) of its text without the number, within the line."""

#: A page and line before every line: "0006:14  Q  Who maintained the furnaces?".
_PAGE_LINE = re.compile(r"[ \t]*(\d{1,5}):(\d{1,2})(?:[ \t]+(\S.*)|[ \t]*)$")
#: A line number after the text, at the end of the line: "   Q.  What is your position?   18".
_TRAILING = re.compile(r"(?:(?P<body>.*\S)[ \t]{2,}|[ \t]*)(?P<n>\d{1,2})[ \t]*$")


def _numbering(text: str) -> Numbering | None:
    """How the text is numbered as a transcript (numbers before the text, page:line before it,
    or numbers after it); ``None`` if it is not."""
    starts = list(LineMap.from_text(text).starts)
    ends = starts[1:] + [len(text)]
    lines = [text[s:e].rstrip("\n\f\r") for s, e in zip(starts, ends, strict=True)]
    for style in (_leading_numbers, _page_line_numbers, _trailing_numbers, _every_fifth_number):
        found = style(lines)
        if found is not None:
            numbered, blocks, bodies = found
            return starts, lines, numbered, blocks, bodies
    return None


_Found = tuple[dict[int, int], list["_Block"], dict[int, tuple[int, int]]]


def _leading_numbers(lines: list[str]) -> _Found | None:
    candidates = []
    for i, line in enumerate(lines):
        m = _NUMBERED.match(line)
        if m and 1 <= (n := int(m.group(1) or m.group(2))) <= MAX_TRANSCRIPT_LINE:
            body = m.start(3) if m.group(3) else m.start(4) if m.group(4) else len(line)
            candidates.append((i, n, bool(m.group(3) or m.group(4)), (body, len(line))))
    return _runs(lines, candidates)


def _trailing_numbers(lines: list[str]) -> _Found | None:
    candidates = []
    for i, line in enumerate(lines):
        m = _TRAILING.fullmatch(line)
        if m and 1 <= (n := int(m.group("n"))) <= MAX_TRANSCRIPT_LINE:
            body = (m.start("body"), m.end("body")) if m.group("body") else (len(line),) * 2
            candidates.append((i, n, bool(m.group("body")), body))
    return _runs(lines, candidates)


def _page_line_numbers(lines: list[str]) -> _Found | None:
    numbered: dict[int, int] = {}
    pages: dict[int, int] = {}
    bodies: dict[int, tuple[int, int]] = {}
    for i, line in enumerate(lines):
        m = _PAGE_LINE.match(line)
        if m and 1 <= int(m[2]) <= MAX_TRANSCRIPT_LINE:
            numbered[i], pages[i] = int(m[2]), int(m[1])
            bodies[i] = (m.start(3), len(line)) if m.group(3) else (len(line), len(line))
    blocks = _blocks(numbered)
    if not _is_transcript(lines, numbered, blocks):
        return None
    for block in blocks:
        block.page = pages[block.first]
    return numbered, blocks, bodies


#: A page's header line: "Page 3 of 9", or a running header ending in it.
_PAGE_HEADER_LINE = re.compile(r"[ \t]*(?:\S.*[ \t]{2,})?Page[ \t]+(\d{1,5})(?:[ \t]+of[ \t]+\d{1,5})?"
                               r"[ \t]*", re.IGNORECASE)
#: A line the reporter numbered although only every fifth line is: "15         Ms. Lindgren".
_FIFTH = re.compile(r"[ \t]*(5|10|15|20|25|30)(?:[ \t]{2,}(\S.*)|[ \t]*)$")


def _every_fifth_number(lines: list[str]) -> _Found | None:
    """A transcript whose reporter printed only every fifth line number (5, 10, 15 ...): each
    page is the run of non-blank lines after its "Page N" header, numbered by counting, and a
    page counts only if its printed numbers fall where the count puts them."""
    numbered: dict[int, int] = {}
    bodies: dict[int, tuple[int, int]] = {}
    blocks: list[_Block] = []
    checked = agreed = 0
    i = 0
    while i < len(lines):
        header = _PAGE_HEADER_LINE.fullmatch(lines[i])
        page = int(header[1]) if header else None
        if page is None:
            i += 1
            continue
        k, j, run = 0, i + 1, {}
        while j < len(lines) and lines[j].strip() and not _PAGE_HEADER_LINE.fullmatch(lines[j]):
            k += 1
            run[j] = k
            j += 1
        printed = {j: int(m[1]) for j in run if (m := _FIFTH.fullmatch(lines[j]))}
        checked += len(printed)
        if len(run) >= 10 and printed and all(run[j] == n for j, n in printed.items()):
            agreed += len(printed)
            numbered.update(run)
            blocks.append(_Block(first=i + 1, last=j - 1, page=page))
            for line_index in run:
                m = _FIFTH.fullmatch(lines[line_index])
                text = lines[line_index]
                start = m.start(2) if m and m.group(2) else len(text) - len(text.lstrip())
                bodies[line_index] = (start, len(text))
        i = j
    if len(blocks) < 2 or agreed < 0.8 * checked:
        return None
    return numbered, blocks, bodies


def _runs(lines: list[str], candidates: list[tuple[int, int, bool, tuple[int, int]]]
          ) -> _Found | None:
    """The candidates that form runs of 1, 2, 3 ... per page, if the text is numbered so."""
    numbered = _numbered_lines([(i, n, has_text) for i, n, has_text, _ in candidates])
    blocks = _blocks(numbered)
    if not _is_transcript(lines, numbered, blocks):
        return None
    bodies = {i: body for i, _, _, body in candidates if i in numbered}
    return numbered, blocks, bodies


def _numbered_lines(candidates: list[tuple[int, int, bool]]) -> dict[int, int]:
    """Physical line index -> transcript line number, for candidates ``(index, number, has
    text)`` that continue a 1, 2, 3 run.

    A first pass learns how many lines a page has (the usual last number); the second
    accepts numbers up to that, so a bare number after a full page is a page number, and a
    bare "1" just before a numbered line 1 is a page number too.
    """
    first = _follow_runs(candidates, MAX_TRANSCRIPT_LINE)
    blocks = _blocks(first)
    if not blocks:
        return first
    full_pages = blocks[:-1] or blocks  # the last page is often short
    lines_per_page = Counter(first[b.last] for b in full_pages).most_common(1)[0][0]
    return _follow_runs(candidates, lines_per_page)


def _follow_runs(candidates: list[tuple[int, int, bool]], cap: int) -> dict[int, int]:
    """Accept candidates that continue the current run (up to ``cap``) or start a new one."""
    result: dict[int, int] = {}
    last = 0
    for k, (i, n, has_text) in enumerate(candidates):
        following = candidates[k + 1][1] if k + 1 < len(candidates) else None
        after = candidates[k + 2][1] if k + 2 < len(candidates) else None
        if (n == last + 1 and 1 < n <= cap) or (
            n == 1 and (has_text or following != 1)
        ) or (1 < n <= cap and n < last and following == n + 1 and after == n + 2):
            # The last case: a page whose first lines lost their numbers (a redacted phone
            # number took "1 (503) ..." in), picked up where the numbers resume.
            result[i] = n
            last = n
    return result


def _blocks(numbered: dict[int, int]) -> list[_Block]:
    blocks: list[_Block] = []
    for i in sorted(numbered):
        if numbered[i] == 1 or not blocks:
            blocks.append(_Block(first=i, last=i))
        else:
            blocks[-1].last = i
    return blocks


def _is_transcript(
    lines: list[str], numbered: dict[int, int], blocks: list[_Block]
) -> bool:
    """Most non-blank lines are numbered, in runs of at least ten lines per page."""
    if not blocks or max(numbered.values()) < 10:
        return False
    nonblank = sum(1 for line in lines if line.strip())
    return len(numbered) >= 0.6 * nonblank


def _assign_pages(lines: list[str], blocks: list[_Block]) -> None:
    """Give each block its page number from markers above (headers) or below (footers) it."""
    gaps: list[int | None] = []  # gaps[g]: page marker between block g-1 and block g
    previous_end = -1
    for block in blocks + [_Block(first=len(lines), last=len(lines))]:
        gaps.append(_marker(lines[previous_end + 1 : block.first]))
        previous_end = block.last
    headers = [gaps[g] for g in range(len(blocks))]
    footers = [gaps[g + 1] for g in range(len(blocks))]
    chosen = headers if _consistent(headers) >= _consistent(footers) else footers
    for block, page in zip(blocks, chosen, strict=True):
        block.page = page
    # Fill blocks without a marker from their neighbours.
    for k, block in enumerate(blocks):
        if block.page is None:
            previous = blocks[k - 1].page if k else None
            block.page = previous + 1 if previous is not None else None
    for k in range(len(blocks) - 1, -1, -1):
        if blocks[k].page is None:
            after = blocks[k + 1].page if k + 1 < len(blocks) else None
            blocks[k].page = max(after - 1, 1) if after is not None else k + 1


def _marker(gap: list[str]) -> int | None:
    """The page number among the lines between two numbered runs: "Page N" anywhere in a
    line (a running header or footer), else a line holding just a number."""
    for line in gap:
        if m := _PAGE_WORD.search(line):
            return int(m.group(1))
    for line in gap:
        if m := _BARE_NUMBER.match(line):
            return int(m.group(1))
    return None


def _consistent(pages: list[int | None]) -> int:
    """How many consecutive markers increase by exactly one (a page-number sequence)."""
    score = sum(1 for p in pages if p is not None)
    score += sum(1 for a, b in pairwise(pages) if a is not None and b == a + 1)
    return score


def finalize_lines(document: Document) -> Document:
    """Once the kind is known, give a deposition its transcript's own page:line numbers.

    A condensed transcript (pages side by side) is first laid out one page after another
    (:func:`lpo_review.ingest.condensed.unfold_condensed`, noted in ``meta["layout"]``): the
    only change this module makes to a text.

    Replaces ``document.lines`` (in place) when the text carries transcript numbering and
    records ``meta["line_numbers"] = "transcript"``; other documents keep their physical
    page:line map.  Returns the same document.
    """
    if document.kind == "deposition":
        unfolded = unfold_condensed(document.text)
        if unfolded is not None:
            document.text = unfolded.text
            document.lines = LineMap.from_text(unfolded.text)
            document.meta["layout"] = (f"condensed ({unfolded.pages_per_row} pages side by side); "
                                       "laid out one page after another")
        transcript = transcript_line_map(document.text)
        if transcript is not None:
            document.lines = transcript
            document.meta["line_numbers"] = "transcript"
    return document
