"""A condensed transcript (four pages per sheet) is read page after page, cited to its pages."""

from __future__ import annotations

import re
from collections import Counter

from lpo_review.ingest.condensed import unfold_condensed

COLUMN = 62


def _page(number: int) -> list[str]:
    """25 lines of testimony; each answer says which page and line it stands on."""
    lines = []
    for n in range(1, 26):
        if n % 2:
            lines.append(f"   Q. Where were you at {number * 100 + n} hours?")
        else:
            lines.append(f"   A. Page{number}line{n} at the Lakeview depot.")
    return lines


def condensed(pages: int = 8) -> str:
    """Sheets of four pages: 1 and 3 side by side on top, 2 and 4 under them, as a court
    reporter's condensed copy prints them, with a running header and a footer per sheet."""
    out = []
    for sheet, first in enumerate(range(1, pages + 1, 4), 1):
        out += ["Harlan v. Lakeview Transit Co.                          Deposition of R. Osei", ""]
        for left, right in ((first, first + 2), (first + 1, first + 3)):
            out.append(f"{'Page ' + str(left):>50}{'Page ' + str(right):>60}")
            for n, (a, b) in enumerate(zip(_page(left), _page(right), strict=True), 1):
                out.append(f"{n:>2}{a}".ljust(COLUMN) + f"{n:>2}{b}")
            out.append("")
        out += [f"Lakeview Court Reporting                       ({sheet}) Pages {first} - "
                f"{first + 3}", "", ""]
    return "\n".join(out)


def test_a_condensed_transcript_is_laid_out_page_after_page_without_losing_a_word():
    text = condensed()
    unfolded = unfold_condensed(text)
    assert unfolded is not None
    assert Counter(text.split()) == Counter(unfolded.text.split())
    order = [int(p) for p in re.findall(r"Page[ \t]+(\d+)\n", unfolded.text)]
    assert order == list(range(1, 9))
    page3 = unfolded.text.split("Page 3\n")[1].split("Page 4\n")[0]
    assert page3.splitlines()[1] == " 2   A. Page3line2 at the Lakeview depot."


def test_a_condensed_deposition_cites_each_answer_to_its_own_page_and_line(engine):
    packet = engine.review_text(condensed(), kind="deposition").packet
    [digest] = [d for d in packet.drafts if d.kind == "deposition_digest"]
    cited = {}
    for row in digest.rows:
        for m in re.finditer(r"Page(\d)line(\d+)", row["summary"]):
            cited[m.group()] = row["cite"]
    assert cited, "no answer was digested"
    for said, cite in cited.items():
        page, line = re.fullmatch(r"Page(\d)line(\d+)", said).groups()
        assert cite.startswith(f"{page}:"), (said, cite)
        first, _, last = cite.partition("-")
        lines = range(int(first.split(":")[1]), int((last or first).split(":")[-1]) + 1)
        assert int(line) in lines, (said, cite)


def test_an_ordinary_transcript_is_left_as_it_is():
    text = "\n".join(f"{n:>2}{line}" for n, line in enumerate(_page(1), 1))
    assert unfold_condensed(text) is None


def test_a_transcript_drawn_in_boxes_is_numbered_by_its_gutter(engine):
    """Each page a box: the line numbers in a gutter cell ("\u2502 12 \u2502"), the text
    between the gutter and the box's right edge."""
    top = "\u250c" + "\u2500" * 4 + "\u252c" + "\u2500" * 50 + "\u2510"
    rows = [f"\u2502    \u2502 {'Page 3':>48} \u2502"]
    body = ["            EXAMINATION", "BY MS. <PERSON_2>:",
            "     Q.  Who retained you in this case, and when?",
            "     A.  Counsel for the plaintiff, in January of this year.",
            "     Q.  Did you inspect the elevator?", "     A.  Yes, twice, in February.",
            "     Q.  What did you find?", "     A.  The leveling sensor was out of",
            "adjustment by about two inches.", "     Q.  Anything else?",
            "     A.  The door restrictor was missing.", "     Q.  Did you test the brake?",
            "     A.  No. The building would not shut the car down."]
    rows += [f"\u2502 {n:>2} \u2502 {line:<48} \u2502" for n, line in enumerate(body, 1)]
    text = "\n".join([top, *rows, "\u2514" + "\u2500" * 55 + "\u2518"]) + "\n"
    packet = engine.review_text(text, kind="deposition").packet
    [digest] = [d for d in packet.drafts if d.kind == "deposition_digest"]
    rows_by_cite = {r["cite"]: r["summary"] for r in digest.rows}
    assert any(c.startswith("3:5") and "inspect" in s for c, s in rows_by_cite.items()), \
        rows_by_cite
    assert not any("\u2502" in s for s in rows_by_cite.values())


def test_a_transcript_numbered_every_fifth_line_is_cited_by_counting():
    """Some reporters print only 5, 10, 15, 20, 25: the lines between are counted."""
    from lpo_review.ingest.lines import transcript_line_map

    pages = []
    for page in (3, 4):
        rows = [f"{'Page ' + str(page) + ' of 9':>40}"]
        for n in range(1, 26):
            text = f"Q.  Line {n} of page {page}?" if n % 2 else f"A.  Answer on line {n}."
            rows.append(f"{n:>2}    {text}" if n % 5 == 0 else f"      {text}")
        pages.append("\n".join(rows))
    text = "\n\n".join(pages) + "\n"
    lines = transcript_line_map(text)
    assert lines is not None
    at = text.index("Answer on line 12.")
    assert lines.cite(at, at + 5) == "3:12"
    at = text.index("Line 25 of page 4?")
    assert lines.cite(at, at + 5) == "4:25"
