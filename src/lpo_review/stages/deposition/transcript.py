"""Parse a deposition transcript into turns: questions, answers, colloquy, parentheticals.

The parser works on the (redacted) text a stage sees and keeps character offsets into it, so
every turn can be cited with :meth:`lpo_review.stages.base.StageInput.cite`.  It tolerates
transcripts with or without the printed line numbers, page headers and form feeds, and speaker
labels whose names were replaced by pseudonyms (``MR. <PERSON_1>:`` or ``<PERSON_1>:``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from lpo_review.ingest.lines import numbered_line_bodies

TurnKind = Literal["Q", "A", "colloquy", "paren", "exam", "other"]

#: A printed line number at the start of a line, followed by a wide gap or nothing.
_LINE_NO = re.compile(r"^[ \t]*\d{1,2}(?:[ \t]{2,}|\t|[ \t]*$)")
#: The vertical edges of a page drawn as a box ("│ 12 │ Q.  What ...  │").
_BOX_EDGE = "\u2502\u2503\u2551|"
_PAGE_HEADER = re.compile(r"^[ \t]*(?:Page[ \t]+)?\d{1,4}[ \t]*$")
_Q = re.compile(r"^(?:Q|QUESTION)(?:[.:]|\t|[ \t]{2,}|$)[ \t]*")
_A = re.compile(r"^(?:A|ANSWER)(?:[.:]|\t|[ \t]{2,}|$)[ \t]*")
_NAME = r"(?:<[A-Z_]+_\d+>|[A-Z][A-Za-z'\-]+)"
_SPEAKER = re.compile(
    r"^(?P<speaker>(?:MR|MS|MRS|MISS|DR|ATTORNEY|ATTY|COUNSEL|ARBITRATOR|JUDGE|EXAMINER|"
    r"HEARING[ \t]+OFFICER|CHAIR)\.?[ \t]+" + _NAME
    + r"(?:[ \t]+" + _NAME + r")?"
    r"|THE[ \t]+(?:WITNESS|REPORTER|VIDEOGRAPHER|COURT[ \t]+REPORTER|COURT|INTERPRETER|"
    r"ARBITRATOR|EXAMINER|HEARING[ \t]+OFFICER)"
    r"|<[A-Z_]+_\d+>)[ \t]*:[ \t]*(?P<rest>.*)$"
)
_EXAM = re.compile(
    r"^(?:(?:RE-?)?(?:DIRECT|CROSS|FURTHER|RECROSS|REDIRECT)[- \t]*)*EXAMINATION\b"
    r"(?:[ \t]+BY[ \t]+(?P<by1>.+?))?[ \t]*:?[ \t]*$"
)
_BY = re.compile(r"^BY[ \t]+(?P<by2>(?:(?:MR|MS|MRS|MISS|DR)\.?[ \t]+)?\S.*?)[ \t]*:[ \t]*$")
_END_MATTER = re.compile(
    r"^(?:(?:COURT[ \t]+)?REPORTER'?S'?[ \t]+CERTIFICATE|CERTIFICATE(?:[ \t]+OF[ \t]+.*)?"
    r"|ACKNOWLEDG(?:E)?MENT[ \t]+OF[ \t]+DEPONENT|ERRATA(?:[ \t]+SHEET)?|SIGNATURE[ \t]+OF[ \t]+WITNESS"
    r"|DECLARATION[ \t]+UNDER[ \t]+PENALTY.*)[ \t]*$"
)
#: The exhibit index's heading: "EXHIBITS", "INDEX OF PLAINTIFF'S EXHIBITS", "HALVORSEN EXHIBITS
#: MARKED" (a series named after the witness).
_EXHIBIT_HEADER = re.compile(r"^(?:INDEX[ \t]+(?:OF|TO)[ \t]+)?"
                             r"(?:(?:[A-Z][A-Z.\-]*|<[A-Z_]+_\d+>)['\u2019]?S?[ \t]+){0,2}"
                             r"EXHIBITS?\b(?:[^a-z(]|\([^)]*\))*$")
_INDEX_EXHIBIT = re.compile(
    r"^(?:(?:[A-Z][a-z]+'?s?|Deposition|(?:Depo|Dep|Pl|Pltf|Def|Deft|Jt)\.(?=[ \t]+Exh?\.))[ \t]+)?"
    r"(?:(?:Exhibit|Exh?\.)[ \t]+)?(?:No\.[ \t]*)?"
    r"(?P<number>[A-Z]{1,3}-\d{1,4}[A-Z]?|(?:Pl|Def|Ex)\.[ \t]?\d{1,4}[A-Z]?|[A-Z]?\d{1,4}[A-Z]?|"
    r"[A-Z]{1,2})[ \t]{2,}(?P<desc>\S.*?)"
    r"(?:[ \t]{2,}(?P<page>\d{1,4}))?$"
)
#: The wrapped rest of an index description, with or without the page number after it.
_INDEX_CONTINUATION = re.compile(r"^(?P<desc>\S.*?)(?:[ \t]{2,}\d{1,4})?$")
_INDEX_COLUMNS = re.compile(r"^(?:NO\.?|NUMBER|EXHIBIT|EX\.?)?[ \t]*DESCRIPTION\b", re.I)
#: A reporter's parenthetical, which ends an index's description ("(Exhibit 4 marked.)"); a
#: wrapped description may open a bracket of its own ("(deponent's camera, 4 min 12 s)").
_PARENTHETICAL = re.compile(r"\((?=[^)]*\b(?:marked|record|recess|witness|exhibits?|off|"
                            r"proceedings|deposition|adjourn\w*|lunch)\b)", re.I)
#: A heading after the exhibit index (its end).
_SECTION_WORD = re.compile(r"^(?:[A-Z][A-Z ]{3,}|(?:Page|PAGE)\b.*)$")


@dataclass
class Line:
    """One physical line's content (printed line number removed) and its offsets in the text."""

    start: int
    end: int
    content: str


@dataclass
class Turn:
    """A question, answer, colloquy remark, parenthetical or examination header."""

    kind: TurnKind
    start: int
    end: int
    text: str
    speaker: str = ""
    lines: list[Line] = field(default_factory=list)


@dataclass
class Transcript:
    """Turns of the transcript, and which of them are testimony."""

    turns: list[Turn]
    testimony_start: int
    """Index of the first testimony turn (the examination header or first question)."""
    testimony_end: int
    """Index one past the last testimony turn (before the reporter's certificate)."""
    exhibit_index: dict[str, Turn]
    """Exhibit number -> its entry in the transcript's own exhibit index (text: description)."""

    @property
    def testimony(self) -> list[Turn]:
        return self.turns[self.testimony_start:self.testimony_end]


def split_lines(text: str) -> list[Line]:
    """Content of each non-empty line, without printed line numbers and page headers.

    In a numbered transcript the numbers are those :func:`numbered_line_bodies` finds (one
    space after the number is enough there, and a number may also end the line) and
    unnumbered lines (running headers, the reporter's footer) are left out; elsewhere a number
    needs a wide gap after it.
    """
    bodies = numbered_line_bodies(text)
    out: list[Line] = []
    for m in re.finditer(r"[^\n\f]*", text):
        raw = m.group()
        if not raw.strip() or _PAGE_HEADER.match(raw):
            continue
        if m.start() in bodies:
            body_start, body_end = bodies[m.start()]
            body_at, body = body_start - m.start(), text[body_start:body_end]
        elif bodies:
            continue
        else:
            lead = _LINE_NO.match(raw)
            body_at = lead.end() if lead else 0
            body = raw[body_at:]
        stripped = body.strip().rstrip(_BOX_EDGE).rstrip()  # a drawn box's right edge
        if not stripped:
            continue
        start = m.start() + body_at + (len(body) - len(body.lstrip()))
        out.append(Line(start, start + len(stripped), stripped))
    return out


#: A question's number before its label, and a margin note of an undertaking or a refusal
#: (an Ontario examination for discovery: "U/T   10.  Q.  Will you produce ...").
_QUESTION_NUMBER = re.compile(r"^(?:(?:U/?T|R/?F|U/?A|T/?A)[ \t]+)?\d{1,4}\.[ \t]+(?=(?:Q|QUESTION)\b)")


def _unnumbered(content: str) -> str:
    """``content`` without a question's number before its "Q." label."""
    m = _QUESTION_NUMBER.match(content)
    return content[m.end():] if m else content


def _classify(content: str, labels: tuple[re.Pattern[str], re.Pattern[str]] = (_Q, _A)
              ) -> tuple[TurnKind, str, str]:
    """Kind of turn a line opens, its speaker, and the text after the label."""
    if m := labels[0].match(content):
        return "Q", "", content[m.end():]
    if m := labels[1].match(content):
        return "A", "", content[m.end():]
    if m := _EXAM.match(content):
        return "exam", (m.group("by1") or "").strip(), content
    if m := _BY.match(content):
        return "exam", m.group("by2").strip(), content
    if content.startswith("("):
        return "paren", "", content
    if m := _SPEAKER.match(content):
        speaker, rest = " ".join(m.group("speaker").split()), m.group("rest")
        # "MS. FERRANTE: Q.  Doctor, ..." / "THE WITNESS: A.  Yes.": a label after the speaker
        if q := _Q.match(rest):
            return "Q", speaker, rest[q.end():]
        if a := _A.match(rest):
            return "A", speaker, rest[a.end():]
        if speaker == "THE WITNESS":
            return "A", speaker, rest
        return "colloquy", speaker, rest
    return "other", "", content


def parse_transcript(text: str) -> Transcript:
    """Split ``text`` into turns and find where the testimony begins and ends."""
    turns: list[Turn] = []
    current: Turn | None = None
    paren_depth = 0
    lines = split_lines(text)
    labels = _labels(lines)
    for line in lines:
        content = _unnumbered(line.content)
        if current is not None and current.kind == "paren" and paren_depth > 0:
            kind: TurnKind = "paren"
            continuing = True
        else:
            kind, speaker, rest = _classify(content, labels)
            continuing = kind == "other" and current is not None and current.kind in (
                "Q", "A", "colloquy") and not _END_MATTER.match(content)
        if continuing:
            assert current is not None
            current.text = f"{current.text} {content}".strip()
            current.end = line.end
            current.lines.append(line)
        else:
            current = Turn(kind, line.start, line.end, rest if kind != "paren" else content,
                           speaker if kind != "paren" else "", [line])
            turns.append(current)
            paren_depth = 0
        if current.kind == "paren":
            paren_depth += content.count("(") - content.count(")")
            paren_depth = max(paren_depth, 0)
    if not any(t.kind in ("Q", "A") for t in turns):
        _examination_by_name(turns)
    start, end = _testimony_bounds(turns)
    return Transcript(turns, start, end, _exhibit_index(text, turns[:start]))


#: Fewest answers to questions that make a speaker the witness of a transcript without labels.
_MIN_ANSWERS = 3


def _examination_by_name(turns: list[Turn]) -> None:
    """Questions and answers of a transcript that names every speaker instead of "Q."/"A."
    (an arbitration hearing: "MR. TREMAINE:  Did you see a signal?" / "MS. SOLVANG:  No."),
    relabelled in place: the witness is the speaker who most often speaks right after another
    speaker's question; each of the witness's turns is an answer, and the last turn before it
    by a speaker who asked the witness questions is the question (objections and rulings in
    between stay colloquy)."""
    talk = [t for t in turns if t.kind == "colloquy"]
    answers: Counter[str] = Counter()
    for asked, said in zip(talk, talk[1:], strict=False):
        if asked.text.rstrip().endswith("?") and said.speaker != asked.speaker:
            answers[said.speaker] += 1
    if not answers or answers.most_common(1)[0][1] < _MIN_ANSWERS:
        return
    witness = answers.most_common(1)[0][0]
    examiners = {asked.speaker for asked, said in zip(talk, talk[1:], strict=False)
                 if said.speaker == witness and asked.text.rstrip().endswith("?")}
    question: Turn | None = None
    for turn in turns:
        if turn.kind != "colloquy":
            continue
        if turn.speaker == witness:
            turn.kind = "A"
            if question is not None:
                question.kind, question = "Q", None
        elif turn.speaker in examiners:
            question = turn


#: "Q Did you ..." / "A Yes.": a label with one space, read only in a transcript that has no
#: other Q/A labels (elsewhere a line may open with the article "A").
_Q_SPACED = re.compile(r"^Q[ ](?=\S)")
_A_SPACED = re.compile(r"^A[ ](?=\S)")


def _labels(lines: list[Line]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The question and answer labels of this transcript."""
    if any(_Q.match(line.content) for line in lines):
        return _Q, _A
    spaced = sum(1 for line in lines if _Q_SPACED.match(line.content))
    return (_Q_SPACED, _A_SPACED) if spaced >= 3 else (_Q, _A)


def _testimony_bounds(turns: list[Turn]) -> tuple[int, int]:
    first_q = next((i for i, t in enumerate(turns) if t.kind == "Q"), None)
    if first_q is None:
        return len(turns), len(turns)
    start = first_q
    for i in range(first_q - 1, -1, -1):
        if turns[i].kind == "exam":
            start = i
            break
        if turns[i].kind in ("Q", "A"):
            break
    end = len(turns)
    for i in range(first_q, len(turns)):
        if turns[i].kind == "other" and _END_MATTER.match(turns[i].text):
            end = i
            break
    return start, end


#: An index entry's mark that it goes on from the page before: "(continued)", "cont'd".
_CONTINUED = re.compile(r"\(?(?:continued|cont'?d\.?)\)?[ \t:-]*", re.I)


def _exhibit_index(text: str, front: list[Turn]) -> dict[str, Turn]:
    """Exhibits listed in the front-matter index (``12   Photograph ...   14``), as turns whose
    text is the description; a description wrapped onto the next line (the next but one in a
    double-spaced transcript) is joined to it."""
    found: dict[str, Turn] = {}
    in_exhibits = False
    last: Turn | None = None
    before: Line | None = None  # the numbered line before ``line``
    for turn in front:
        for line in turn.lines:
            compact = re.sub(r"(?<=\b[A-Z]) (?=[A-Z]\b)", "", line.content)  # E X H I B I T S
            if _EXHIBIT_HEADER.match(compact):
                in_exhibits, last = True, None
                continue
            if in_exhibits and _INDEX_COLUMNS.search(line.content):
                continue  # "NUMBER   DESCRIPTION   MARKED"
            m = _INDEX_EXHIBIT.match(line.content)
            if m and not re.search(r"[^\W\d_]", m.group("desc")):
                m = None  # "14   3     15   4": numbers and pages, no description
            if m and (in_exhibits or "Exhibit" in line.content):
                number, desc = m.group("number"), m.group("desc").strip()
                if number in found and (continued := _CONTINUED.match(desc)):
                    # the entry carried onto the index's next page: "D-5 (continued) (...)"
                    found[number].text = f"{found[number].text} {desc[continued.end():]}"
                last = found.setdefault(number, Turn("other", line.start, line.end, desc,
                                                     lines=[line]))
            elif in_exhibits and last is not None and not _PARENTHETICAL.match(line.content) \
                    and not _SECTION_WORD.match(line.content) \
                    and ((before is last.lines[-1]  # the next numbered line, over a page break
                          and not _HEADING_LINE.fullmatch(line.content.strip()))
                         or text.count("\n", last.end, line.start) <= 2
                         and not re.search(r"[^\W\d_]", text[last.end:line.start])):  # blank between
                more = _INDEX_CONTINUATION.match(line.content)
                if more:
                    last.text = f"{last.text} {more.group('desc').strip()}"
                    last.end = line.end
                    last.lines.append(line)
            else:
                last = None
                if _SECTION_WORD.match(line.content):
                    in_exhibits = False
            before = line
    return found


#: A heading of the transcript's next part: "EXAMINATION (continued)", "STIPULATIONS".
_HEADING_LINE = re.compile(r"[A-Z]{4,}(?:[ \t]+[A-Z]{2,})*(?:[ \t]*\(.*\))?")
