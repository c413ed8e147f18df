"""Exhibits, objections and recesses found in the testimony turns of a transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lpo_review.stages.deposition.transcript import Turn

EXHIBIT_REF = re.compile(
    r"\b(?:(?:Plaintiffs?|Defendants?|Deposition|Def|Pl)(?:'s|s'|\.)?\s+)?[Ee]xhibit\s+"
    r"(?:[Nn]o\.\s*|[Nn]umber\s+)?(?P<num>\d{1,4}[A-Z]?\b|[A-Z]{1,2}\b(?![a-z']))"
)
_MARKED = re.compile(r"\bmarked\b", re.I)
_DESCRIPTION = re.compile(
    r"[Ee]xhibit\s+(?:[Nn]o\.\s*|[Nn]umber\s+)?\S+?,?\s+(?P<desc>(?:an?|the)\s+[^.()]*?|[^.()]*?)"
    r"(?:,?\s+(?:was|were|is)\s+marked|[.)]|$)"
)
_OBJECTION = re.compile(r"\b(?:objection|object|objections)\b|\bmove to strike\b", re.I)
_GROUNDS = {
    "form": r"\bform\b",
    "foundation": r"\bfoundation\b",
    "leading": r"\bleading\b",
    "calls for speculation": r"\bspeculat",
    "asked and answered": r"\basked and answered\b",
    "compound": r"\bcompound\b",
    "vague": r"\bvague\b|\bambiguous\b",
    "assumes facts not in evidence": r"\bassumes facts\b",
    "privilege": r"\bprivilege|\battorney[- ]client\b|\bwork product\b",
    "relevance": r"\brelevan",
    "argumentative": r"\bargumentative\b",
    "calls for a legal conclusion": r"\blegal conclusion\b",
    "hearsay": r"\bhearsay\b",
    "calls for a narrative": r"\bnarrative\b",
    "nonresponsive (motion to strike)": r"\bnon-?responsive\b|\bmove to strike\b",
    "the document speaks for itself": r"\bspeaks for itself\b",
}
#: "mischaracterizes the document" is no objection to how testimony is put: the ground names
#: what is mischaracterized ("testimony" when the objection does not say).
_MISCHARACTERIZES = re.compile(
    r"\bmischaracteri[sz]\w*(?:\s+(?:the|his|her|their|my|your|prior|earlier|previous)\b)*"
    r"(?:\s+(?P<what>document|exhibit|record|evidence|report|testimony|statement|question|"
    r"answer|deposition|facts?|letter|e-?mail))?", re.I)
_INSTRUCTION = re.compile(
    r"\b(?:instruct|direct)\w*\s+(?:the witness|you|him|her|them|my client)\s+not to answer"
    r"|\b(?:don'?t|do not)\s+answer\b", re.I)
_RECESS = re.compile(
    r"\b(?:recess|break|off the record|back on the record|on the record|lunch|adjourn\w*|"
    r"concluded|resumed|reconvened)\b", re.I
)


@dataclass
class Exhibit:
    """An exhibit: where it was marked, its description, and every mention."""

    number: str
    description: str = ""
    marked: Turn | None = None
    mentions: list[Turn] = field(default_factory=list)


def _clean_description(text: str) -> str:
    desc = " ".join(text.split()).strip(" ,;:")
    if not desc or re.match(r"^(?:was|were|is|has|had|for|and|marked)\b", desc, re.I):
        return ""
    return desc


def find_exhibits(turns: list[Turn], index: dict[str, str]) -> list[Exhibit]:
    """Exhibits in order of first mention, with where each was marked for identification."""
    found: dict[str, Exhibit] = {}
    for turn in turns:
        for m in EXHIBIT_REF.finditer(turn.text):
            ex = found.setdefault(m.group("num"), Exhibit(m.group("num")))
            if not ex.mentions or ex.mentions[-1] is not turn:
                ex.mentions.append(turn)
            is_marking = turn.kind == "paren" and _MARKED.search(turn.text)
            if is_marking and ex.marked is None:
                ex.marked = turn
            if is_marking and (d := _DESCRIPTION.match(turn.text, m.start())):
                ex.description = ex.description or _clean_description(d.group("desc"))
    for ex in found.values():
        ex.description = ex.description or index.get(ex.number, "") or _appositive(ex)
        if ex.marked is None:
            ex.marked = next((t for t in ex.mentions if _MARKED.search(t.text)), None)
    return list(found.values())


def _appositive(ex: Exhibit) -> str:
    """A description given in passing: "Exhibit 13, the shift schedule"."""
    for turn in ex.mentions:
        for m in EXHIBIT_REF.finditer(turn.text):
            if m.group("num") == ex.number and (d := _DESCRIPTION.match(turn.text, m.start())):
                desc = d.group("desc").rstrip("?!")
                if desc.lower().startswith(("a ", "an ", "the ")):
                    return _clean_description(desc)
    return ""


@dataclass
class Objection:
    """An objection in colloquy: who made it, on what grounds, to which question."""

    turn: Turn
    by: str
    grounds: list[str]
    instructed_not_to_answer: bool
    question: Turn | None


def objection_in(turn: Turn, question: Turn | None) -> Objection | None:
    """The objection a colloquy turn makes, if it makes one; an instruction not to answer
    ("I'm directing you not to answer that, it's privileged") is one even without the word."""
    instructed = bool(_INSTRUCTION.search(turn.text))
    if turn.kind != "colloquy" or not (_OBJECTION.search(turn.text) or instructed):
        return None
    grounds = [name for name, pattern in _GROUNDS.items() if re.search(pattern, turn.text, re.I)]
    if m := _MISCHARACTERIZES.search(turn.text):
        what = (m["what"] or "testimony").lower()
        grounds.append("mischaracterizes " + (what if what == "testimony" else f"the {what}"))
    return Objection(turn, turn.speaker, grounds, instructed, question)


def is_recess(turn: Turn) -> bool:
    """A parenthetical or colloquy remark that takes the deposition off or back on the record."""
    return turn.kind in ("paren", "colloquy") and bool(_RECESS.search(turn.text)) and not (
        turn.kind == "colloquy" and _OBJECTION.search(turn.text))
