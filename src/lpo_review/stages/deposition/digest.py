"""The deposition digest: cover summary, page-line summary, key admissions, exhibits,
objections, recesses and a topical index of legal issues.

Extractive and rule-based.  Every substantive answer gets a row of its own, citing the exact
lines from its question to its answer and restating the testimony in the third person
(:mod:`~lpo_review.stages.deposition.restate`); procedural exchanges (ground rules, "can you
hear me") are left out.  Each row is labelled with the legal issues it bears on
(:mod:`~lpo_review.stages.deposition.issues`), which also make the topical index; answers that
concede a point on liability, causation, damages, credibility or prior incidents are listed
again as key admissions.  Caption, appearances, index and the reporter's certificate are not
digested; the cover summary reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lpo_review.model import Draft
from lpo_review.stages.base import StageInput, Summarizer
from lpo_review.stages.deposition.cover import cover_items
from lpo_review.stages.deposition.errata import Erratum, changes, find_errata
from lpo_review.stages.deposition.events import (
    EXHIBIT_REF,
    Exhibit,
    Objection,
    find_exhibits,
    is_recess,
    objection_in,
)
from lpo_review.stages.deposition.issues import OTHER, admission_category, issues_of
from lpo_review.stages.deposition.restate import (
    PRONOUNS,
    Pronouns,
    Statement,
    restate,
    restate_more,
)
from lpo_review.stages.deposition.transcript import Transcript, Turn, parse_transcript

STAGE = "deposition_digest"


@dataclass
class Pair:
    """A question, the answers to it, and the objections made before the next question."""

    question: Turn
    answers: list[Turn] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)

    @property
    def end(self) -> int:
        return max([self.question.end] + [t.end for t in self.answers])


@dataclass
class Testimony:
    """Testimony turns sorted into question-and-answer pairs and procedural events."""

    pairs: list[Pair]
    objections: list[Objection]
    recesses: list[Turn]


def organise(transcript: Transcript) -> Testimony:
    """Pair each question with its answers and collect objections and recesses."""
    pairs: list[Pair] = []
    objections: list[Objection] = []
    recesses: list[Turn] = []
    pair: Pair | None = None
    for turn in transcript.testimony:
        if turn.kind == "exam":
            pair = None
        elif turn.kind == "Q":
            pair = Pair(turn)
            pairs.append(pair)
        elif turn.kind == "A" and pair is not None:
            if not (turn.speaker and turn.text.rstrip().endswith("?")):
                pair.answers.append(turn)  # not "THE WITNESS: Am I supposed to answer that?"
        elif objection := objection_in(turn, pair.question if pair else None):
            if objections and _REPEATED.search(turn.text):
                # "Same objection." repeats the speaker's own last one (another counsel may have
                # objected or moved to strike since), "Same objection, and calls for
                # speculation." adds to it; "Join." the one just made
                own = next((o for o in reversed(objections) if o.by == turn.speaker), None)
                earlier = own if own is not None and not re.search(r"\bjoin", turn.text, re.I) \
                    else objections[-1]
                objection.grounds = list(dict.fromkeys([*earlier.grounds, *objection.grounds]))
            objections.append(objection)
            if pair is not None:
                pair.objections.append(objection)
        elif is_recess(turn):
            recesses.append(turn)
            pair = None
    return Testimony(pairs, objections, recesses)


#: An objection that repeats the one before it: its grounds are that one's.
_REPEATED = re.compile(r"\bsame\s+(?:objection|instruction)\b|\bjoin(?:ed|s)?\b", re.I)
_GREETING = re.compile(r"\b(?:good (?:morning|afternoon|evening)|hello|hi)\W+(mr|ms|mrs|miss)\b"
                       r"|^(mr|ms|mrs|miss)\.?\s+\S+\s*,", re.I)


def infer_pronouns(transcript: Transcript, configured: str | None) -> Pronouns:
    """The witness's pronouns: configured, or from how the examiner first greets or addresses
    the witness ("Good morning, Ms. ...", "Mr. ..., my name is ...")."""
    if configured in PRONOUNS:
        return PRONOUNS[configured]
    for turn in transcript.testimony[:8]:
        if turn.kind == "Q" and (m := _GREETING.search(turn.text)):
            return PRONOUNS["he" if (m.group(1) or m.group(2)).lower() == "mr" else "she"]
    return PRONOUNS["witness"]


def _name_exhibit(pair: Pair, statement: Statement, described: dict[str, str]) -> Statement:
    """Replace a vague "it" or "this" with the exhibit the question shows the witness, and its
    description ("has not seen Exhibit 31 (the incident investigation report) before")."""
    m = EXHIBIT_REF.search(pair.question.text)
    if (m and not statement.quoted and re.search(r"\b(?:it|this)\b", statement.clause)
            and m.group(0).strip().lower() not in statement.clause.lower()):
        desc = described.get(m.group("num"), "")
        name = m.group(0).strip() + (f" ({desc})" if desc and len(desc) <= 80 else "")
        clause = re.sub(r"\b(?:it|this)\b", lambda _: name, statement.clause, count=1)
        return Statement(clause, statement.score + 1, statement.quoted)
    return statement


@dataclass
class Row:
    """One digest row: a question and answer restated, its issues and any admission."""

    pair: Pair
    statement: Statement
    issues: list[str]
    admission: str | None
    objection_note: str
    start: int
    """Where the cited lines begin: the question, or the part of a long answer restated."""
    end: int
    further: bool = False
    """A later part of a long answer ("Testified further that ...")."""

    @property
    def summary(self) -> str:
        st = self.statement
        frame = "Testified further that" if self.further else "Testified that"
        said = st.clause if st.quoted else f"{frame} {st.clause.rstrip(' .;,')}."
        return f"{said} {self.objection_note}".strip()


#: An answer running over more lines than this is digested in parts, each citing its lines.
LONG_ANSWER_LINES = 6


def _answer_parts(pair: Pair) -> list[tuple[str, int, int]]:
    """A long answer split between sentences into parts spanning three or more lines:
    (text, start, end) of each, the first part starting at the question; a short answer is
    one part."""
    lines = [(line, text) for turn in pair.answers
             for line, text in zip(turn.lines, _line_texts(turn), strict=True)]
    if len(lines) <= LONG_ANSWER_LINES:
        return [(" ".join(a.text for a in pair.answers), pair.question.start, pair.end)]
    joined = " ".join(text for _, text in lines)
    on: list[int] = []  # the index of the line each character of ``joined`` is on
    for k, (_, text) in enumerate(lines):
        on.extend([k] * (len(text) + 1))
    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in _SENTENCE_END.finditer(joined):
        if on[m.start()] - on[begin] >= 2:
            bounds.append((begin, m.start()))
            begin = m.end()
    bounds.append((begin, len(joined)))
    if len(bounds) > 1 and on[bounds[-1][0]] == on[len(joined) - 1]:
        last = bounds.pop()  # a last part on one line goes with the part before
        bounds[-1] = (bounds[-1][0], last[1])
    return [(joined[a:b].strip(), pair.question.start if k == 0 else lines[on[a]][0].start,
             lines[on[b - 1]][0].end) for k, (a, b) in enumerate(bounds)]


#: Where one sentence of an answer ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]?\s+(?=[A-Z\"<])")


def _line_texts(turn: Turn) -> list[str]:
    """The text of each line of a turn, its label ("A.", "THE WITNESS:") left off the first."""
    tail = [line.content for line in turn.lines[1:]]
    if not tail:
        return [turn.text]
    return [turn.text[:len(turn.text) - len(" ".join(tail))].strip(), *tail]


def digest_rows(testimony: Testimony, pron: Pronouns,
                described: dict[str, str] | None = None) -> list[Row]:
    """A row for every substantive answer (procedural exchanges score nothing and are left
    out); ``described``: exhibit number -> description, to name the exhibit a row is about."""
    rows = []
    for pair in testimony.pairs:
        if not pair.answers:
            continue
        question = pair.question.text
        note = ""
        if pair.objections:
            grounds = sorted({g for o in pair.objections for g in o.grounds}) \
                or ["grounds not stated"]
            note = f"Objection ({', '.join(grounds)})."
        for k, (answer, start, end) in enumerate(_answer_parts(pair)):
            statement = restate(question, answer, pron) if k == 0 else restate_more(answer, pron)
            if statement is None or statement.score <= 0:
                break
            issues = issues_of(question, answer)
            rows.append(Row(pair, _name_exhibit(pair, statement, described or {}),
                            [i.label for i in issues],
                            admission_category(question, answer, issues), note if k == 0 else "",
                            start, end, further=k > 0))
    return rows


class DepositionDigest(Summarizer):
    """Page-line digest of a deposition transcript (rule-based, extractive)."""

    name = STAGE
    kinds = ("deposition",)

    def __init__(self, pronoun: str | None = None):
        self.pronoun = pronoun

    def draft(self, doc: StageInput) -> list[Draft]:
        """Cover, digest, key admissions, exhibits, objections, recesses and topical index."""
        transcript = parse_transcript(doc.text)
        testimony = organise(transcript)
        pron = infer_pronouns(transcript, doc.options.get("witness_pronoun", self.pronoun))
        exhibits = find_exhibits(transcript.testimony, transcript.exhibit_index)
        rows = digest_rows(testimony, pron, {ex.number: ex.description for ex in exhibits})
        return [
            self._cover(doc, transcript, testimony),
            self._digest(doc, transcript, rows, testimony, pron, find_errata(doc.text, transcript)),
            self._admissions(doc, rows),
            self._exhibits(doc, exhibits),
            self._objections(doc, testimony.objections),
            self._recesses(doc, testimony.recesses),
            self._index(doc, rows, exhibits),
        ]

    def _cover(self, doc: StageInput, transcript: Transcript, testimony: Testimony) -> Draft:
        items = [{"item": c.item, "detail": c.detail, "cite": doc.cite(c.start, c.end),
                  "start": c.start, "end": c.end} for c in cover_items(transcript)]
        if transcript.testimony:
            first, last = transcript.testimony[0], transcript.testimony[-1]
            items.append({"item": "Testimony", "detail": f"{len(testimony.pairs)} questions",
                          "cite": doc.cite(first.start, last.end), "start": first.start,
                          "end": last.end})
        return Draft(stage=STAGE, kind="deposition_cover", title="Cover summary",
                     columns=["item", "detail", "cite"], rows=items, label_columns=["item"],
                     quoted_columns=["detail"])  # the front matter's own words

    def _digest(self, doc: StageInput, transcript: Transcript, rows: list[Row],
                testimony: Testimony, pron: Pronouns, errata: list[Erratum]) -> Draft:
        out = []
        for r in rows:
            cite = doc.cite(r.start, r.end)
            # the witness's corrections to these lines, in the sheet's words
            lines = (doc.locate(r.start), doc.locate(max(r.end - 1, r.start)))
            corrected = "".join(f" [Errata, {e.page}:{e.line}: {e.change}]"
                                for e in changes(errata, *lines))
            out.append({"cite": cite, "topic": "; ".join(r.issues) or OTHER,
                        "summary": r.summary + corrected, "start": r.start, "end": r.end})
        notes = self._notes(doc, transcript, rows, testimony, pron)
        if errata:
            notes.append(f"The witness's errata sheet ({doc.cite(errata[0].start, errata[-1].end)}) "
                         f"makes {len(errata)} correction(s): "
                         + "; ".join(f"{e.page}:{e.line} {e.change}" for e in errata)
                         + ". Rows citing those lines are marked.")
        return Draft(stage=STAGE, kind="deposition_digest", title="Deposition page-line summary",
                     columns=["cite", "topic", "summary"], rows=out, label_columns=["topic"],
                     notes=notes)

    def _notes(self, doc: StageInput, transcript: Transcript, rows: list[Row],
               testimony: Testimony, pron: Pronouns) -> list[str]:
        testimony_turns = transcript.testimony
        if not testimony_turns:
            return ["No question-and-answer testimony was found in this document."]
        answered = sum(1 for p in testimony.pairs if p.answers)
        notes = [
            f"Covers the testimony at "
            f"{doc.cite(testimony_turns[0].start, testimony_turns[-1].end)}; caption, "
            "appearances, index and certificate are not summarised.",
            f"{len(rows)} rows for {answered} answered questions; the other "
            f"{answered - len(rows)} are procedural (ground rules, identification of the "
            "record).",
            "Rule-based extractive summary: each row restates the answer in the cited lines; "
            "the transcript governs where they differ.",
        ]
        if pron.subj == "the witness":
            notes.append("The transcript does not show how the witness is addressed; rows "
                         "say 'the witness'.")
        return notes

    def _admissions(self, doc: StageInput, rows: list[Row]) -> Draft:
        out = [{"cite": doc.cite(r.start, r.end), "issue": r.admission, "summary": r.summary,
                "start": r.start, "end": r.end} for r in rows if r.admission]
        return Draft(stage=STAGE, kind="deposition_key_admissions", title="Key admissions",
                     columns=["cite", "issue", "summary"], rows=out, label_columns=["issue"],
                     notes=["Answers that concede a point (agreement with a leading question, "
                            "an apology, something not done, a prior incident), by issue; "
                            "selected by rule, for the attorney to confirm."])

    def _exhibits(self, doc: StageInput, exhibits: list[Exhibit]) -> Draft:
        rows = []
        for ex in exhibits:
            anchor = ex.marked or ex.mentions[0]
            rows.append({
                "exhibit": ex.number,
                "description": ex.description or "(no description in the transcript)",
                "marked_at": doc.cite(ex.marked.start, ex.marked.end) if ex.marked
                else "not shown as marked",
                "mentioned_at": "; ".join(doc.cite(t.start, t.end) for t in ex.mentions),
                "start": anchor.start, "end": anchor.end,
            })
        return Draft(stage=STAGE, kind="deposition_exhibits", title="Exhibits",
                     columns=["exhibit", "description", "marked_at", "mentioned_at"], rows=rows)

    def _objections(self, doc: StageInput, objections: list[Objection]) -> Draft:
        rows = []
        for o in objections:
            rows.append({
                "cite": doc.cite(o.turn.start, o.turn.end),
                "by": o.by,
                "grounds": ", ".join(o.grounds) or "not stated",
                "stated": o.stated,
                "instruction_not_to_answer": o.instructed_not_to_answer,
                "question_cite": doc.cite(o.question.start, o.question.end) if o.question else "",
                "start": o.turn.start, "end": o.turn.end,
            })
        instructions = [r for r in rows if r["instruction_not_to_answer"]]
        notes = [f"{len(instructions)} instruction(s) not to answer: "
                 + "; ".join(f"{r['cite']} ({r['grounds']})" for r in instructions)
                 ] if instructions else []
        return Draft(stage=STAGE, kind="deposition_objections", title="Objections",
                     columns=["cite", "by", "grounds", "stated", "instruction_not_to_answer",
                              "question_cite"], rows=rows, label_columns=["grounds", "stated"],
                     notes=notes)

    def _recesses(self, doc: StageInput, recesses: list[Turn]) -> Draft:
        rows = []
        for t in recesses:
            said = f"{t.speaker}: {t.text}" if t.speaker else t.text
            rows.append({"cite": doc.cite(t.start, t.end), "event": " ".join(said.split()),
                         "start": t.start, "end": t.end})
        return Draft(stage=STAGE, kind="deposition_recesses", title="Recesses and record",
                     columns=["cite", "event"], rows=rows)

    def _index(self, doc: StageInput, rows: list[Row], exhibits: list[Exhibit]) -> Draft:
        entries: dict[str, list[tuple[int, int]]] = {}
        for r in rows:
            for label in r.issues:
                entries.setdefault(label, []).append((r.start, r.end))
        for ex in exhibits:
            entries.setdefault(f"Exhibit {ex.number}", []).extend(
                (t.start, t.end) for t in ex.mentions)
        index_rows = []
        for label in sorted(entries, key=_index_order):
            spans = entries[label]
            index_rows.append({"topic": label,
                               "cites": "; ".join(doc.cite(s, e) for s, e in spans),
                               "start": spans[0][0], "end": spans[0][1]})
        return Draft(stage=STAGE, kind="deposition_topic_index", title="Topical index",
                     columns=["topic", "cites"], rows=index_rows, label_columns=["topic"])


def _index_order(label: str) -> tuple[int, str]:
    """Issues first (alphabetically), then exhibits in number order."""
    if label.startswith("Exhibit "):
        number = label.split(" ", 1)[1]
        return 1, re.sub(r"\d+", lambda m: m.group().zfill(6), number)
    return 0, label.casefold()
