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

    @property
    def lines(self) -> int:
        return len(self.question.lines) + sum(len(t.lines) for t in self.answers)


@dataclass
class Block:
    pairs: list[Pair] = field(default_factory=list)

    @property
    def lines(self) -> int:
        return sum(p.lines for p in self.pairs)


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
            block_words |= words
        elif turn.kind == "A" and pair is not None:
            pair.answers.append(turn)
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


_GREETING = re.compile(r"\b(?:good (?:morning|afternoon|evening)|hello|hi)\W+(mr|ms|mrs|miss)\b",
                       re.I)


def infer_pronouns(transcript: Transcript, configured: str | None) -> Pronouns:
    """The witness's pronouns: configured, or from how the examiner first greets the witness."""
    if configured in PRONOUNS:
        return PRONOUNS[configured]
    for turn in transcript.testimony[:8]:
        if turn.kind == "Q" and (m := _GREETING.search(turn.text)):
            return PRONOUNS["he" if m.group(1).lower() == "mr" else "she"]
    return PRONOUNS["they"]


def _sentence(st: Statement, first: bool) -> str:
    if st.quoted:
        return st.clause
    clause = st.clause.rstrip(" .;,")
    if first:
        return f"The witness testified that {clause}."
    return f"{clause[:1].upper()}{clause[1:]}."


def _name_exhibit(pair: Pair, statement: Statement) -> Statement:
    """Replace a vague "it" with the exhibit the question shows the witness."""
    m = EXHIBIT_REF.search(pair.question.text)
    if m and not statement.quoted and re.search(r"\bit\b", statement.clause):
        clause = re.sub(r"\bit\b", m.group(0).strip(), statement.clause, count=1)
        return Statement(clause, statement.score + 1, statement.quoted)
    return statement


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
        ratio = float(opts.get("ratio", self.ratio))
        rows = [self._row(doc, block, pron, ratio) for block in testimony.blocks]
        exhibits = find_exhibits(transcript.testimony, transcript.exhibit_index)
        notes = self._notes(doc, transcript, rows, pron)
        return [
            Draft(stage=STAGE, kind="deposition_digest", title="Deposition page-line summary",
                  columns=["cite", "topic", "summary"], rows=rows, notes=notes),
            self._exhibits(doc, exhibits),
            self._objections(doc, testimony.objections),
            self._recesses(doc, testimony.recesses),
            self._index(rows, exhibits, doc),
        ]

    # -- rows ------------------------------------------------------------------------------

    def _row(self, doc: StageInput, block: Block, pron: Pronouns, ratio: float) -> dict[str, Any]:
        start, end = block.pairs[0].question.start, max(p.end for p in block.pairs)
        cite = doc.cite(start, end)
        label = topic([p.question.text for p in block.pairs])
        scored: list[tuple[int, Statement]] = []
        for i, pair in enumerate(block.pairs):
            if not pair.answers:
                continue
            st = restate(pair.question.text, " ".join(a.text for a in pair.answers), pron)
            if st is not None:
                scored.append((i, _name_exhibit(pair, st)))
        budget = max(60.0, (end - start) / ratio - len(cite) - len(label))
        chosen: list[tuple[int, Statement]] = []
        used = 0
        for i, st in sorted(scored, key=lambda x: (-x[1].score, x[0])):
            if chosen and (used + len(st.clause) > budget or st.score <= 0):
                continue
            chosen.append((i, st))
            used += len(st.clause) + 2
        chosen.sort(key=lambda x: x[0])
        parts: list[str] = []
        for _, st in chosen:
            parts.append(_sentence(st, first=not any(not c.quoted for _, c in chosen[:len(parts)])))
        if not parts:
            parts = ["No answer was given to the questions in these lines."]
        objections = [o for p in block.pairs for o in p.objections]
        if objections:
            grounds = sorted({g for o in objections for g in o.grounds}) or ["grounds not stated"]
            parts.append(f"Objection noted ({', '.join(grounds)}).")
        return {"cite": cite, "topic": label, "summary": " ".join(parts), "start": start,
                "end": end}

    def _notes(self, doc: StageInput, transcript: Transcript, rows: list[dict[str, Any]],
               pron: Pronouns) -> list[str]:
        testimony = transcript.testimony
        if not testimony:
            return ["No question-and-answer testimony was found in this document."]
        span = testimony[-1].end - testimony[0].start
        digest = sum(len(r["cite"]) + len(r["topic"]) + len(r["summary"]) for r in rows)
        notes = [
            f"Covers the testimony at {doc.cite(testimony[0].start, testimony[-1].end)}; "
            "caption, appearances, index and certificate are not summarised.",
            f"Length: {digest} characters for {span} characters of testimony "
            f"(1/{span / max(digest, 1):.1f}); {len(doc.text)} characters in the whole transcript.",
            "Rule-based extractive summary: each row restates answers in the cited lines; "
            "check against the transcript before relying on it.",
        ]
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

    def _index(self, rows: list[dict[str, Any]], exhibits: list[Exhibit],
               doc: StageInput) -> Draft:
        entries: dict[str, list[tuple[int, int, str]]] = {}
        for row in rows:
            for label in row["topic"].split("; "):
                if label != "general":
                    entries.setdefault(label, []).append((row["start"], row["end"], row["cite"]))
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
