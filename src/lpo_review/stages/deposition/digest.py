"""The deposition digest: page-line summary, exhibits, objections, recesses and a topical index.

Extractive and rule-based.  Questions and answers are grouped into blocks (one examination, no
recess in between, about a page at most, one topic while the questions share key words); each
block becomes one row citing the exact lines from its first question to its last answer, and
its summary restates the block's most informative answers in the third person.  Only testimony
is digested: caption, appearances, index and the reporter's certificate are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lpo_review.model import Draft
from lpo_review.stages.base import StageInput, Summarizer
from lpo_review.stages.deposition.events import (
    EXHIBIT_REF,
    Exhibit,
    Objection,
    find_exhibits,
    is_recess,
    objection_in,
)
from lpo_review.stages.deposition.restate import PRONOUNS, Pronouns, Statement, restate
from lpo_review.stages.deposition.topics import phrases, topic
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
        return max([self.question.end] + [t.end for t in self.answers]
                   + [o.turn.end for o in self.objections])


@dataclass
class Block:
    pairs: list[Pair] = field(default_factory=list)
    lines: int = 0
    """Question and answer lines of the pairs added so far (kept as they are added)."""


@dataclass
class Testimony:
    """Testimony turns sorted into Q/A blocks and procedural events."""

    blocks: list[Block]
    objections: list[Objection]
    recesses: list[Turn]


def _words(text: str) -> set[str]:
    return {w for p in phrases(text) for w in p.split()}


def organise(transcript: Transcript, max_lines: int, min_pairs: int) -> Testimony:
    """Group the testimony into blocks of Q/A pairs and collect objections and recesses."""
    blocks: list[Block] = []
    objections: list[Objection] = []
    recesses: list[Turn] = []
    block = Block()
    block_words: set[str] = set()
    pair: Pair | None = None

    def close() -> None:
        nonlocal block, block_words
        if block.pairs:
            blocks.append(block)
        block, block_words = Block(), set()

    for turn in transcript.testimony:
        if turn.kind == "exam":
            close()
            pair = None
        elif turn.kind == "Q":
            words = _words(turn.text)
            shifted = len(block.pairs) >= min_pairs and not (words & block_words)
            if block.lines >= max_lines or (shifted and block.lines >= 2 * max_lines // 3):
                close()
            pair = Pair(turn)
            block.pairs.append(pair)
            block.lines += len(turn.lines)
            block_words |= words
        elif turn.kind == "A" and pair is not None:
            if not (turn.speaker and turn.text.rstrip().endswith("?")):
                pair.answers.append(turn)  # not "THE WITNESS: Am I supposed to answer that?"
                block.lines += len(turn.lines)
        elif objection := objection_in(turn, pair.question if pair else None):
            objections.append(objection)
            if pair is not None:
                pair.objections.append(objection)
        elif is_recess(turn):
            recesses.append(turn)
            close()
            pair = None
    close()
    return Testimony(blocks, objections, recesses)


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
    return PRONOUNS["they"]


def _name_exhibit(pair: Pair, statement: Statement) -> Statement:
    """Replace a vague "it" with the exhibit the question shows the witness."""
    m = EXHIBIT_REF.search(pair.question.text)
    if (m and not statement.quoted and re.search(r"\bit\b", statement.clause)
            and m.group(0).strip().lower() not in statement.clause.lower()):
        clause = re.sub(r"\bit\b", m.group(0).strip(), statement.clause, count=1)
        return Statement(clause, statement.score + 1, statement.quoted)
    return statement


#: A row is written only if its best statement scores this much; blocks below it (ground rules,
#: "I don't recall" runs, bare confirmations) appear in the topical index only.
MIN_ROW_SCORE = 2.0
#: How far unused length may carry over to later rows, in multiples of a row's own allowance.
MAX_CARRY = 1.5
_FRAME = "Testified that ."


@dataclass
class RowPlan:
    """One block of testimony, its citation and topic, and its candidate statements."""

    start: int
    end: int
    cite: str
    topic: str
    statements: list[tuple[int, Statement]]
    objection_note: str

    @property
    def best(self) -> float:
        return max((st.score for _, st in self.statements), default=0.0)


def _key(statement: Statement) -> str:
    return " ".join(re.findall(r"[a-z0-9<>_]+", statement.clause.lower()))


@dataclass
class Summary:
    """A row's summary, or (``repeats``) the earlier rows whose testimony it only repeats."""

    text: str = ""
    repeats: list[str] = field(default_factory=list)


def compose(plan: RowPlan, allowance: float, seen: dict[str, str]) -> Summary | None:
    """The summary of one row within ``allowance`` characters, or None if it is not worth a row.

    The best statement is always kept; others follow by score while they fit.  Plain clauses
    share one "Testified that a; b; c." sentence (in transcript order), so the reporting frame
    covers every clause; quoted exchanges follow as their own sentences.  A statement already
    made in an earlier row (``seen``: key -> cite) is not repeated; a row of nothing but repeats
    points to where the testimony was first given.
    """
    fresh = [(i, st) for i, st in plan.statements if st.score > 0 and _key(st) not in seen]
    # Once the digest has overspent, only a row with a substantial statement is written.
    threshold = MIN_ROW_SCORE * (2 if allowance < 0 else 1)
    if max((st.score for _, st in fresh), default=0.0) < threshold:
        earlier = sorted({seen[_key(st)] for _, st in plan.statements
                          if st.score >= MIN_ROW_SCORE and _key(st) in seen}, key=_cite_order)
        return Summary(repeats=earlier) if earlier else None
    room = allowance - len(plan.cite) - len(plan.topic) - len(plan.objection_note) - len(_FRAME)
    chosen: list[tuple[int, Statement]] = []
    used = 0
    ranked = sorted(fresh, key=lambda x: (-x[1].score, x[0]))
    fits = [c for c in ranked if c[1].score >= MIN_ROW_SCORE and len(c[1].clause) + 2 <= room]
    shortest = min((c for c in ranked if c[1].score >= MIN_ROW_SCORE),
                   key=lambda c: len(c[1].clause))
    # Lead with the best statement that fits; if none fits, the shortest worth a row.
    lead = fits[0] if fits else shortest
    for i, st in [lead] + [c for c in ranked if c is not lead]:
        cost = len(st.clause) + 2
        if chosen and used + cost > room:
            continue
        chosen.append((i, st))
        used += cost
    chosen.sort(key=lambda x: x[0])
    for _, st in chosen:
        seen.setdefault(_key(st), plan.cite)
    clauses = [st.clause if st.clause.endswith("...") else st.clause.rstrip(" .;,")
               for _, st in chosen if not st.quoted]
    testified = f"Testified that {'; '.join(clauses)}." if clauses else ""
    return Summary(_join([testified, *(st.clause for _, st in chosen if st.quoted),
                          plan.objection_note]))


def _length(rows: list[dict[str, Any]]) -> int:
    """Characters of digest text in ``rows`` (citation, topic and summary)."""
    return sum(len(r["cite"]) + len(r["topic"]) + len(r["summary"]) for r in rows)


def _join(parts: list[str]) -> str:
    return " ".join(p for p in parts if p)


def _cite_order(cite: str) -> tuple[int, int]:
    page, _, line = cite.split("-")[0].partition(":")
    return int(page), int(line)


class DepositionDigest(Summarizer):
    """Page-line digest of a deposition transcript (rule-based, extractive)."""

    name = STAGE
    kinds = ("deposition",)

    def __init__(self, ratio: float = 10.0, max_block_lines: int = 25, min_pairs: int = 3,
                 pronoun: str | None = None):
        self.ratio = ratio
        self.max_block_lines = max_block_lines
        self.min_pairs = min_pairs
        self.pronoun = pronoun

    def draft(self, doc: StageInput) -> list[Draft]:
        """Digest, exhibit list, objections, recesses and topical index of one transcript."""
        opts = doc.options
        transcript = parse_transcript(doc.text)
        testimony = organise(transcript, int(opts.get("max_block_lines", self.max_block_lines)),
                             int(opts.get("min_pairs", self.min_pairs)))
        pron = infer_pronouns(transcript, opts.get("witness_pronoun", self.pronoun))
        plans = [self._plan(doc, block, pron) for block in testimony.blocks]
        rows = self._rows(doc, transcript, plans, float(opts.get("ratio", self.ratio)))
        exhibits = find_exhibits(transcript.testimony, transcript.exhibit_index)
        notes = self._notes(doc, transcript, rows, len(plans), pron)
        return [
            Draft(stage=STAGE, kind="deposition_digest", title="Deposition page-line summary",
                  columns=["cite", "topic", "summary"], rows=rows, notes=notes),
            self._exhibits(doc, exhibits),
            self._objections(doc, testimony.objections),
            self._recesses(doc, testimony.recesses),
            self._index(plans, exhibits, doc),
        ]

    # -- rows ------------------------------------------------------------------------------

    def _plan(self, doc: StageInput, block: Block, pron: Pronouns) -> RowPlan:
        start, end = block.pairs[0].question.start, max(p.end for p in block.pairs)
        statements: list[tuple[int, Statement]] = []
        for i, pair in enumerate(block.pairs):
            if pair.answers:
                st = restate(pair.question.text, " ".join(a.text for a in pair.answers), pron)
                if st is not None:
                    statements.append((i, _name_exhibit(pair, st)))
        objections = [o for p in block.pairs for o in p.objections]
        note = ""
        if objections:
            grounds = sorted({g for o in objections for g in o.grounds}) or ["grounds not stated"]
            note = f"Objection ({', '.join(grounds)})."
        return RowPlan(start, end, doc.cite(start, end),
                       topic([p.question.text for p in block.pairs]), statements, note)

    def _rows(self, doc: StageInput, transcript: Transcript, plans: list[RowPlan],
              ratio: float) -> list[dict[str, Any]]:
        """Rows of the digest, about ``1/ratio`` of the whole transcript's length.

        The whole transcript's budget is spread over the testimony in proportion to the text
        each row covers; what a row leaves unused (or overspends) carries to the next rows.
        """
        testimony = transcript.testimony
        if not plans:
            return []
        per_char = len(doc.text) / max(testimony[-1].end - testimony[0].start, 1) / ratio
        rows: list[dict[str, Any]] = []
        seen: dict[str, str] = {}
        carry, previous_end = 0.0, testimony[0].start
        for plan in plans:
            own = (plan.end - previous_end) * per_char
            previous_end = plan.end
            allowance = own + carry
            summary = compose(plan, allowance, seen)
            before = _length(rows[-1:])
            if summary is None:
                pass
            elif summary.repeats and rows and rows[-1].get("repeats"):
                self._repeat(doc, rows[-1], plan, summary.repeats)
            else:
                rows.append({"cite": plan.cite, "topic": plan.topic, "summary": summary.text,
                             "start": plan.start, "end": plan.end})
                before = 0
                if summary.repeats:
                    self._repeat(doc, rows[-1], plan, summary.repeats)
            spent = _length(rows[-1:]) - before if summary is not None else 0
            carry = min(allowance - spent, MAX_CARRY * own)
        for row in rows:
            row.pop("repeats", None)
        return rows

    @staticmethod
    def _repeat(doc: StageInput, row: dict[str, Any], plan: RowPlan, earlier: list[str]) -> None:
        """Make ``row`` (extended over ``plan``) say that it repeats earlier testimony."""
        cites = sorted(set(row.get("repeats", [])) | set(earlier), key=_cite_order)
        row.update(repeats=cites, end=plan.end, cite=doc.cite(row["start"], plan.end),
                   summary=f"Repeated the testimony at {'; '.join(cites[:4])}"
                           f"{' and elsewhere' if len(cites) > 4 else ''}.")

    def _notes(self, doc: StageInput, transcript: Transcript, rows: list[dict[str, Any]],
               blocks: int, pron: Pronouns) -> list[str]:
        testimony = transcript.testimony
        if not testimony:
            return ["No question-and-answer testimony was found in this document."]
        digest = _length(rows)
        notes = [
            f"Covers the testimony at {doc.cite(testimony[0].start, testimony[-1].end)}; "
            "caption, appearances, index and certificate are not summarised.",
            f"Length: {digest} characters for a transcript of {len(doc.text)} characters "
            f"(1/{len(doc.text) / max(digest, 1):.1f}).",
            "Rule-based extractive summary: each row restates answers in the cited lines; "
            "check against the transcript before relying on it.",
        ]
        if blocks > len(rows):
            notes.append(f"{blocks - len(rows)} passages of preliminaries, ground rules or "
                         "answers without a recollection are in the topical index only.")
        if pron.subj == "they":
            notes.append("The witness's pronouns were not evident; 'they' is used.")
        return notes

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
                "instruction_not_to_answer": o.instructed_not_to_answer,
                "question_cite": doc.cite(o.question.start, o.question.end) if o.question else "",
                "start": o.turn.start, "end": o.turn.end,
            })
        return Draft(stage=STAGE, kind="deposition_objections", title="Objections",
                     columns=["cite", "by", "grounds", "question_cite"], rows=rows)

    def _recesses(self, doc: StageInput, recesses: list[Turn]) -> Draft:
        rows = []
        for t in recesses:
            said = f"{t.speaker}: {t.text}" if t.speaker else t.text
            rows.append({"cite": doc.cite(t.start, t.end), "event": " ".join(said.split()),
                         "start": t.start, "end": t.end})
        return Draft(stage=STAGE, kind="deposition_recesses", title="Recesses and record",
                     columns=["cite", "event"], rows=rows)

    def _index(self, plans: list[RowPlan], exhibits: list[Exhibit], doc: StageInput) -> Draft:
        entries: dict[str, list[tuple[int, int, str]]] = {}
        for plan in plans:
            for label in plan.topic.split("; "):
                if label != "general":
                    entries.setdefault(label, []).append((plan.start, plan.end, plan.cite))
        for ex in exhibits:
            entries.setdefault(f"Exhibit {ex.number}", []).extend(
                (t.start, t.end, doc.cite(t.start, t.end)) for t in ex.mentions)
        index_rows = []
        for label in sorted(entries, key=str.casefold):
            spans = entries[label]
            index_rows.append({"topic": label, "cites": "; ".join(c for _, _, c in spans),
                               "start": spans[0][0], "end": spans[0][1]})
        return Draft(stage=STAGE, kind="deposition_topic_index", title="Topical index",
                     columns=["topic", "cites"], rows=index_rows)
