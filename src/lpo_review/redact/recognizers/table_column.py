"""Names and numbers in the columns of a table, known by the column's heading.

A flowsheet signs every row with the nurse's initials ("| 3/8 | 03:00 | 36.6 | ... | KLM |"), a
pharmacy profile names the prescriber and the pharmacist in their own columns
("QUAYE-RODRIGUEZ A", "BNR") and numbers each prescription ("Rx #  6630481"): no word of the row
says what the cell is, the heading does.  In a table drawn with ``|`` between its cells, or
aligned by spaces under headings underlined with dashes ("Time  BP  ...  By" over "-----  ---
...  ---"), every cell under a heading that names a person's role ("Init", "RN", "RPh",
"Prescriber", "Signed by") is a ``PERSON`` and every cell with a digit under a heading that
names an identifier ("Rx #", "Acct #", "MRN", "Crew ID", "Cert #") is an ``ID_NUMBER``.
"""

from __future__ import annotations

import itertools

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from lpo_review.tables import pipe_cells

#: A heading naming who did or ordered what.
_PERSON_HEADING = regex.compile(
    r"(?i:init(?:ials?|\.)?|inits?|rn|lpn|rph|pharmacist|prescriber|prescribing\s+(?:md|physician|"
    r"provider)|provider|physician|doctor|clinician|nurse|therapist|tech(?:nician)?|staff|"
    r"sig(?:nature|ned)?(?:\s+by)?|by|entered\s+by|verified\s+by|given\s+by|"
    r"administered\s+by|performed\s+by|recorded\s+by|adjuster|adj|examiner|attending|"
    # who a claim or a policy is about ("Claimant", "Insured" in a claims log)
    r"(?:clmt\s+)?claimant|insured|policy\s*holder|beneficiary|subscriber|patient(?:\s+name)?)")
#: A heading naming an identifier.
_ID_HEADING = regex.compile(
    r"(?i:rx\s*(?:#|no\.?|number)|acct\.?\s*(?:#|no\.?)|account\s*(?:#|no\.?|number)|mrn|"
    r"claim\s*(?:#|no\.?|number)|policy\s*(?:#|no\.?|number)|member\s*(?:id|#)|"
    r"order\s*(?:#|no\.?)|accession\s*(?:#|no\.?)|crew\s*id|employee\s*(?:id|#)|badge(?:\s*(?:#|no\.?))?|"
    r"ee\s*#|emp\.?\s*(?:id|#|no\.?)|"
    r"(?:state\s+)?cert(?:ification)?\s*(?:#|no\.?)|lic(?:ense)?\s*(?:#|no\.?)|"
    r"(?:\p{L}+\s+)?(?:ssn|dob|date\s+of\s+birth|birth\s*date))")
#: A cell of a row of headings: a short label, of letters but for a digit in a word ("401K/DUES").
_HEADING_CELL = regex.compile(r"(?=(?:\P{L}*\p{L}){2})[\p{L}\d][\p{L}\d #./()\-]{0,24}")
#: A column of names, a person's beside a column about people ("Name  Role  EE#"), or when
#: the heading gives a person's name's order ("NAME (LAST, FIRST MI)").
_NAME_HEADING = regex.compile(r"(?i:(?:full\s+|employee\s+|witness\s+)?name(?P<order>[ \t]*\("
                              r"(?:last|surname)\b[^)]*\))?|employee|witness|interviewee)")
#: The dashes under a table's headings, one run per column ("-----  -------  ---").
_UNDERLINE = regex.compile(r"[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*")
#: A rule between rows: "+-----+------+".
_RULE = regex.compile(r"[ \t]*[+|][-=+| ]*")
#: A cell that names a person: letters, with initials, hyphens, apostrophes or a comma.
_NAME_CELL = regex.compile(r"\p{L}[\p{L}.,'\u2019\- ]{0,40}")
#: A person's user name in a system's column ("jcook2", "d.ames01").
_USER_NAME = regex.compile(r"(?=\S*\d)[A-Za-z][A-Za-z0-9._\-]{2,24}")
#: Cells that name no one.
_NOBODY = frozenset({"n/a", "na", "none", "self", "patient", "pt", "unknown", "--", "-", "same"})
_ID_CELL = regex.compile(r"(?=[^ ]*\d)[A-Za-z0-9][A-Za-z0-9\-/.: ]{2,24}")
#: A company's legal form or kind, or a practice's: "Strike Zone Lanes LLC" under "Insured",
#: "Stride Physical Therapy" under "Provider" are no persons.
_ORGANISATION = regex.compile(r"(?i:\b(?:llc|l\.l\.c|inc|corp|co|company|assn|association|ltd|"
                              r"llp|pllc|lp|group|bank|trust|hospital|clinic|church|city|county|"
                              r"associates|practice|medicine|medical|health|therapy|physiotherapy|"
                              r"imaging|radiology|orthop(?:a)?edics|urgent\s*care|center|centre|"
                              r"laboratory|pharmacy)\b)")


def _name_column(heading: str, beside_people: bool) -> str:
    """"PERSON" for a column of persons' names: "Name" beside a column about people, or a
    heading that gives a name's order ("NAME (LAST, FIRST MIDDLE)")."""
    m = _NAME_HEADING.fullmatch(heading)
    return "PERSON" if m and (beside_people or m["order"]) else ""


def _table_ends(row: str, first_column_end: int) -> bool:
    """Whether ``row`` ends a table aligned by spaces: a blank line, a rule, or a sentence (no
    columns); a cell's wrapped second line under a blank first column does not
    ("                     36-018842217" under the row it belongs to)."""
    if not row.strip() or _UNDERLINE.fullmatch(row):
        return True
    return not regex.search(r"\S[ ]{2,}\S", row) and not row[:first_column_end].isspace()


class TableColumnRecognizer(LocalRecognizer):
    """Reports the cells under a person's or an identifier's column heading."""

    name: str  # set by Presidio's EntityRecognizer.__init__

    SCORE = 0.85

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON", "ID_NUMBER"], supported_language="en",
                         name="TableColumnRecognizer")

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        lines = text.split("\n")
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        found = self._aligned(lines, starts, entities) if "--" in text else []
        found += self._headed(lines, starts, entities)
        if "\t" in text:
            found += self._tabbed(lines, starts, entities)
        if "|" not in text:
            return found
        columns: dict[int, str] = {}
        for line, at in zip(lines, starts, strict=True):
            if not line.lstrip().startswith("|"):
                if not _RULE.fullmatch(line) or not line.strip():
                    columns = {}
                continue
            if _RULE.fullmatch(line):
                continue
            cells = [(cell, at + offset) for cell, offset in pipe_cells(line)]
            heading = {j: self._kind(cell) for j, (cell, _) in enumerate(cells)}
            if not columns and any(heading.values()) and all(
                    not any(ch.isdigit() for ch in cell) or heading[j]
                    for j, (cell, _) in enumerate(cells)):
                columns = {j: kind for j, kind in heading.items() if kind}
                continue
            for j, kind in columns.items():
                if j >= len(cells) or kind not in entities:
                    continue
                cell, start = cells[j]
                if self._fits(kind, cell):
                    found.append(self._result(kind, start, start + len(cell)))
        return found

    def _aligned(self, lines: list[str], starts: list[int], entities: list[str]
                 ) -> list[RecognizerResult]:
        """Cells of tables aligned by spaces, the headings underlined by runs of dashes:
        each column spans its run of dashes, to the start of the next (``starts``: where each
        of ``lines`` begins in the text)."""
        found: list[RecognizerResult] = []
        for i, line in enumerate(lines):
            if i == 0 or not _UNDERLINE.fullmatch(line):
                continue
            runs = [m.span() for m in regex.finditer(r"-{2,}", line)]
            bounds = [(a, runs[k + 1][0] if k + 1 < len(runs) else 10_000)
                      for k, (a, _) in enumerate(runs)]
            header = lines[i - 1]
            kinds = {k: self._kind(header[a:b].strip()) for k, (a, b) in enumerate(bounds)}
            kinds = {k: kind or _name_column(header[a:b].strip(), any(kinds.values()))
                     for k, ((a, b), kind) in enumerate(zip(bounds, kinds.values(), strict=True))}
            if not any(kinds.values()):
                continue
            for row_index in range(i + 1, len(lines)):
                row = lines[row_index]
                if _table_ends(row, bounds[0][1]):
                    break
                for k, kind in kinds.items():
                    a, b = bounds[k]
                    cell = row[a:b]
                    value = cell.strip()
                    if kind and kind in entities and self._fits(kind, value):
                        start = starts[row_index] + a + cell.index(value)
                        found.append(self._result(kind, start, start + len(value)))
        return found

    def _headed(self, lines: list[str], starts: list[int], entities: list[str]
                ) -> list[RecognizerResult]:
        """Cells of tables aligned by spaces under a row of headings with no dashes ("Name
        Role   EE#   Interviewed"): each column runs from its heading to the next one's, for
        the rows up to a blank line.  A "Name" column is a person's only beside another
        column about people (a role, an employee number)."""
        found: list[RecognizerResult] = []
        for i, line in enumerate(lines[:-2]):
            cells = [(m.group(), m.start()) for m in regex.finditer(r"\S+(?: \S+)*", line)]
            if len(cells) < 3 or not all(_HEADING_CELL.fullmatch(c) for c, _ in cells) or \
                    any(regex.search(r"[ ]{2,}", line[a:a + len(c)]) for c, a in cells):
                continue
            kinds = [self._kind(c) for c, _ in cells]
            if not any(kinds):
                continue
            kinds = [kind or _name_column(c, True) for kind, (c, _) in zip(kinds, cells, strict=True)]
            bounds = [(a, cells[k + 1][1] if k + 1 < len(cells) else 10_000)
                      for k, (_, a) in enumerate(cells)]
            for row_index in range(i + 1, len(lines)):
                row = lines[row_index]
                if _table_ends(row, bounds[0][1]):
                    break
                for kind, (a, b) in zip(kinds, bounds, strict=True):
                    cell = row[a:b]
                    value = cell.strip()
                    if kind and kind in entities and value and self._fits(kind, value) and \
                            (a == 0 or row[a - 1] == " "):
                        start = starts[row_index] + a + cell.index(value)
                        found.append(self._result(kind, start, start + len(value)))
        return found

    def _tabbed(self, lines: list[str], starts: list[int], entities: list[str]
                ) -> list[RecognizerResult]:
        """Cells of a tab-separated export (a spreadsheet saved as text: "ClaimNo<TAB>PolicyNo
        <TAB>Insured<TAB>Claimant<TAB>Clmt DOB ..."): each cell under its heading's column, for
        the rows up to a blank line (a cell's own line breaks are passed over)."""
        found: list[RecognizerResult] = []
        kinds: list[str] = []
        for line, at in zip(lines, starts, strict=True):
            row = line.rstrip("\r")
            if not row.strip():
                kinds = []
                continue
            cells = row.split("\t")
            if len(cells) < 3:
                continue
            if all(not c.strip() or _HEADING_CELL.fullmatch(c.strip()) for c in cells):
                heading = [self._kind(c.strip()) for c in cells]
                if any(heading):
                    kinds = heading
                    continue
            offset = at
            for kind, cell in zip(kinds, cells, strict=False):
                value = cell.strip()
                if kind and kind in entities and value and self._fits(kind, value):
                    start = offset + cell.index(value)
                    found.append(self._result(kind, start, start + len(value)))
                offset += len(cell) + 1
        return found

    @staticmethod
    def _kind(cell: str) -> str:
        if _ID_HEADING.fullmatch(cell):
            return "ID_NUMBER"
        if _PERSON_HEADING.fullmatch(cell):
            return "PERSON"
        return ""

    @staticmethod
    def _fits(kind: str, cell: str) -> bool:
        if kind == "PERSON":
            return (bool(_NAME_CELL.fullmatch(cell)) or bool(_USER_NAME.fullmatch(cell))) and \
                cell.lower() not in _NOBODY and not _ORGANISATION.search(cell)
        return bool(_ID_CELL.fullmatch(cell))

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        why = f"a cell under a {'person' if kind == 'PERSON' else 'number'}'s column heading"
        return RecognizerResult(
            entity_type=kind, start=start, end=end, score=self.SCORE,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=self.SCORE, textual_explanation=why),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
