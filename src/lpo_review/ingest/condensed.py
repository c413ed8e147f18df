"""Condensed transcripts ("four pages per sheet") laid out again one page after another.

A court reporter's condensed copy prints two or four transcript pages on one sheet: a header
row ``Page 1 ... Page 3`` over two columns, each column a page with its own line numbers, so
one line of text holds line 7 of page 1 and line 7 of page 3.  Read as it stands, every
answer would be cut in half and cited to the wrong page.  :func:`unfold_condensed` finds the
column where the second page's line number stands on each row (the same number as the
first's, after a gap), cuts each row there and writes the pages out in page order, each under
its ``Page N`` header, with the sheet's running header before them and its footer after, so
the usual transcript numbering (:func:`lpo_review.ingest.lines.transcript_line_map`) reads it.
No word is dropped or changed; only rows are cut and reordered.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: A sheet's header row: two or more "Page N" over the columns, and nothing else.
_HEADER = re.compile(r"[ \t]*Page[ \t]+\d{1,5}(?:[ \t]{2,}Page[ \t]+\d{1,5})+[ \t]*")
_PAGE = re.compile(r"Page[ \t]+(\d{1,5})")
_ROW = re.compile(r"[ \t]*(\d{1,2})(?=[ \t]|$)")
_NUMBER = re.compile(r"[ \t]*(\d{1,2})(.*)")
#: Fewest numbered lines a page of a condensed transcript has (most have 25).
MIN_PAGE_LINES = 10


@dataclass
class Unfolded:
    """The condensed text laid out page after page, and how many pages a row of it held."""

    text: str
    pages_per_row: int


@dataclass
class _Panel:
    """A header row and the numbered rows under it: one column per page."""

    pages: list[int]
    rows: list[str] = field(default_factory=list)


def _split_column(rows: list[str]) -> int | None:
    """Where the next page's line numbers end on the rows (numbers are right-aligned): the
    column most rows repeat their own line number at, after a gap of two or more spaces."""
    votes: Counter[int] = Counter()
    for row in rows:
        m = _ROW.match(row)
        if m:
            again = re.compile(r"(?<=[ \t]{2})" + m.group(1) + r"(?=[ \t]|$)")
            votes.update({a.end() for a in again.finditer(row, m.end())})
    if not votes:
        return None
    column, count = votes.most_common(1)[0]
    return column if count >= max(2, len(rows) // 2) else None


def _cut(row: str, column: int) -> list[str]:
    """``row`` cut before the number that ends at ``column``."""
    start = min(column, len(row))
    while start > 0 and row[start - 1:start].isdigit():
        start -= 1
    return [row[:start].rstrip(), row[start:]]


def _numbered(part: str) -> str:
    m = _NUMBER.match(part)
    return f"{int(m.group(1)):>2}{m.group(2).rstrip()}" if m else part.strip()


def _panel_pages(panel: _Panel) -> dict[int, list[str]] | None:
    """Page number -> its numbered lines, or ``None`` if the panel's rows do not split into
    as many columns as it has pages."""
    if len(panel.pages) != 2:
        return None
    column = _split_column(panel.rows)
    if column is None:
        return None
    left, right = panel.pages
    out: dict[int, list[str]] = {left: [], right: []}
    for row in panel.rows:
        first, second = _cut(row, column)
        if first.strip():
            out[left].append(_numbered(first))
        if second.strip():
            out[right].append(_numbered(second))
    return out


def unfold_condensed(text: str) -> Unfolded | None:
    """``text`` laid out one page after another if it is a condensed transcript; else ``None``.

    Pages are written in order once a sheet is complete: at a line that is neither blank nor
    part of a page (a footer, the next sheet's running header) or at a header row whose pages
    all come after the pages waiting.  Every page must be found once, with at least
    :data:`MIN_PAGE_LINES` numbered lines, and the pages must run on without a gap.
    """
    lines = text.split("\n")
    if sum(1 for line in lines if _HEADER.fullmatch(line.rstrip("\r"))) < 2:
        return None
    out: list[str] = []
    pending: dict[int, list[str]] = {}
    seen: list[int] = []
    panel: _Panel | None = None

    def close_panel() -> bool:
        nonlocal panel
        if panel is None:
            return True
        pages = _panel_pages(panel)
        panel = None
        if pages is None or any(p in pending or p in seen for p in pages):
            return False
        pending.update(pages)
        return True

    def flush() -> None:
        for page in sorted(pending):
            out.append(f"{'Page ' + str(page):>60}")
            out.extend(pending[page])
            out.append("")
            seen.append(page)
        pending.clear()

    for raw in lines:
        line = raw.rstrip("\r")
        if _HEADER.fullmatch(line):
            if not close_panel():
                return None
            pages = [int(p) for p in _PAGE.findall(line)]
            if pending and min(pages) > max(pending):
                flush()
            panel = _Panel(pages)
        elif panel is not None and _ROW.match(line):
            panel.rows.append(line)
        else:
            if not close_panel():
                return None
            if line.strip() and pending:
                flush()
            out.append(line)
    if not close_panel():
        return None
    flush()
    if not seen or sorted(seen) != list(range(min(seen), max(seen) + 1)):
        return None
    counts = Counter(_NUMBER.match(row) is not None for row in out)
    if counts[True] < MIN_PAGE_LINES * len(seen):
        return None
    return Unfolded("\n".join(out), 2)
