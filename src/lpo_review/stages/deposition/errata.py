"""The witness's errata sheet: each correction's page and line, and what it changes.

An errata sheet lists its changes under a "PAGE  LINE  CHANGE  REASON" heading, one per entry,
a change's words wrapped onto the lines below its first ("28   3   "Two." should read
"Three."" / "Reason: On review of Exhibit 21, ..."); the witness's signature or declaration
ends the list.  A digest marks the rows whose lines a correction changes, so that the attorney
reads the answer as the witness corrected it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lpo_review.stages.deposition.transcript import Transcript


@dataclass
class Erratum:
    """A correction on the errata sheet: the page and line it changes, and how."""

    page: int
    line: int
    change: str
    start: int
    end: int


#: The sheet's heading: "ERRATA SHEET", "ERRATA".
_HEADING = re.compile(r"^[\W_]*errata(?:[ \t]+sheet)?[\W_]*$", re.I)
#: A table's rule or border left around a cell: "|", "│".
_BORDER = re.compile(r"[|\u2502]")
#: An entry: its page, its line, then the change ("28   3     "Two." should read ...").
_ENTRY = re.compile(r"^[ \t]*(?P<page>\d{1,4})[ \t]+(?P<line>\d{1,2})[ \t]+(?P<change>\S.*)$")
#: What ends the list: the witness's signature or declaration, a date, a note in brackets.
_END = re.compile(r"^[ \t]*(?:signed|signature|date[d:]?\b|i[ ,]|/s/|subscribed|sworn|\(|_{3,}|"
                  r"witness\b|deponent\b|notary\b)", re.I)


def find_errata(text: str, transcript: Transcript) -> list[Erratum]:
    """The corrections on the transcript's errata sheet, in its order (none if it has none).

    Where the sheet's heading row names its columns ("CHANGE   REASON", "NOW READS   SHOULD
    READ   REASON"), each entry's words are read column by column, so that a reason wrapped
    beside its change does not run into it."""
    found: list[Erratum] = []
    inside = False
    columns: list[tuple[str, int]] = []
    cells: dict[str, list[str]] = {}
    for turn in transcript.turns[transcript.testimony_end:]:
        for line in turn.lines:
            content = _BORDER.sub(" ", line.content)
            at = line.start - (text.rfind("\n", 0, line.start) + 1)  # the content's column
            if _HEADING.match(content):
                inside, cells = True, {}
            elif not inside:
                continue
            elif _COLUMNS.search(content):
                columns = [(m.group().upper(), at + m.start()) for m in _COLUMN.finditer(content)]
            elif entry := _ENTRY.match(content):
                cells = {}
                found.append(Erratum(int(entry["page"]), int(entry["line"]), "", line.start,
                                     line.end))
                _read_cells(cells, columns, entry["change"], at + entry.start("change"))
                found[-1].change = _change(cells)
            elif _END.match(content):
                inside, cells = not found, {}
            elif cells and found:
                _read_cells(cells, columns, content, at)
                found[-1].change, found[-1].end = _change(cells), line.end
    return found


#: The sheet's heading row: "PAGE  LINE  CHANGE  REASON".
_COLUMNS = re.compile(r"\bpage\b[ \t]+\bline\b", re.I)
#: The columns after the page and the line.
_COLUMN = re.compile(r"\b(?:now[ \t]+reads|should[ \t]+read|change(?:[ \t]+and[ \t]+reason)?|"
                     r"reason)\b", re.I)


def _read_cells(cells: dict[str, list[str]], columns: list[tuple[str, int]], words: str,
                at: int) -> None:
    """Add ``words`` (starting at column ``at``) to the cells of the columns they stand in:
    each run of words (two spaces part runs) to the last column that starts before it, give or
    take a few characters."""
    for run in re.finditer(r"\S+(?:[ \t]\S+)*", words):
        column = at + run.start()
        name = next((n for n, start in reversed(columns) if start <= column + _SLACK),
                    columns[0][0] if columns else "CHANGE")
        cells.setdefault(name, []).append(run.group())


#: How far a cell's words may start left of their column's heading.
_SLACK = 3


def _change(cells: dict[str, list[str]]) -> str:
    """One line for an entry: "X should read Y (reason: ...)" or the change as written."""
    text = {name: " ".join(" ".join(parts).split()) for name, parts in cells.items()}
    change = text.get("CHANGE") or text.get("CHANGE AND REASON") or ""
    if text.get("NOW READS") or text.get("SHOULD READ"):
        change = f"{text.get('NOW READS', '')} should read {text.get('SHOULD READ', '')}".strip()
    reason = text.get("REASON")
    return f"{change} (reason: {reason})" if reason else change


def changes(errata: list[Erratum], first: tuple[int, int], last: tuple[int, int]
            ) -> list[Erratum]:
    """The corrections to the lines from ``first`` to ``last`` (``(page, line)``, inclusive)."""
    return [e for e in errata if first <= (e.page, e.line) <= last]
