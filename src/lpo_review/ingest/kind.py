"""Guess what a document is (contract, deposition, medical record) from scored textual cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lpo_review.config import Config
from lpo_review.hookspecs import hookimpl
from lpo_review.ingest.lines import transcript_line_map

#: Characters looked at: the start of the document and a slice from its middle.
PREFIX_CHARS = 60_000
MIDDLE_CHARS = 20_000
#: A kind must score at least this much to be chosen over ``other``.
MIN_SCORE = 4.0


@dataclass(frozen=True)
class Cue:
    """A pattern that hints at a kind: each match adds ``weight``, up to ``cap`` matches.

    ``within`` limits the search to the first characters (e.g. a document's title).
    """

    kind: str
    pattern: re.Pattern[str]
    weight: float
    cap: int
    within: int | None = None


def _cue(
    kind: str,
    pattern: str,
    weight: float,
    cap: int = 1,
    flags: int = re.IGNORECASE,
    within: int | None = None,
) -> Cue:
    return Cue(kind, re.compile(pattern, flags | re.MULTILINE), weight, cap, within)


CUES: tuple[Cue, ...] = (
    # Depositions: question/answer turns, caption, reporter.
    _cue("deposition", r"^[ \t]*(?:\d{1,2}[ \t]+)?[QA]\.?[ \t]+\S", 0.5, 30, flags=0),
    _cue("deposition", r"\bDEPOSITION\s+OF\b", 4.0),
    _cue("deposition", r"\bTHE\s+WITNESS\b", 1.5, 4, flags=0),
    _cue(
        "deposition", r"\b(?:court|certified\s+shorthand|official)\s+reporter\b", 2.0, 2
    ),
    _cue(
        "deposition",
        r"\b(?:BY\s+(?:MR|MS|MRS)\.\s+[A-Z]+|EXAMINATION)\b",
        1.0,
        3,
        flags=0,
    ),
    _cue("deposition", r"\b(?:was\s+)?duly\s+sworn\b", 1.5),
    _cue("deposition", r"\b(?:videotaped|oral)\s+deposition\b|\bdeponent\b", 1.5, 2),
    # Medical records.
    _cue("medical", r"\bchief\s+complaint\b", 3.0),
    _cue("medical", r"\bhistory\s+of\s+present\s+illness\b|\bHPI\b", 3.0),
    _cue("medical", r"\bassessment\s+and\s+plan\b|\bassessment/plan\b", 3.0),
    _cue("medical", r"\b(?:diagnosis|diagnoses)\b", 1.0, 3),
    _cue("medical", r"\bMRN\b|\bmedical\s+record\s+(?:number|no)\b", 2.5),
    _cue("medical", r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|mL)\b", 0.5, 8),
    _cue("medical", r"\bdischarge(?:d)?\b", 1.0, 2),
    _cue(
        "medical",
        r"\b(?:vital\s+signs|blood\s+pressure|physical\s+exam(?:ination)?)\b",
        1.0,
        3,
    ),
    _cue("medical", r"\b(?:patient|prescribed|medications?|allergies)\b", 0.5, 6),
    # Visit notes: a date of service, SOAP headings, a diagnosis or a lab value.
    _cue("medical", r"^\s*(?:date\s+of\s+service|DOS|visit\s+date)\s*:", 2.0, 2),
    _cue("medical", r"^\s*(?:assessment|plan|subjective|objective|impression)\s*:", 1.0, 4),
    _cue("medical", r"\b(?:diabetes|hypertension|fracture|sprain|strain|hyperlipidemia|"
                    r"HbA1c|A1c|mellitus|radiculopathy|concussion)\b", 0.5, 4),
    # Contracts.
    _cue("contract", r"\bAGREEMENT\b", 1.5, 2, flags=0),
    _cue(
        "contract",
        r"\b(?:AGREEMENT|Agreement|CONTRACT|Contract|ADDENDUM|Addendum|LEASE|Lease)\b",
        3.0,
        flags=0,
        within=400,
    ),
    _cue("contract", r"\b(?:hereby|undersigned)\s+(?:agree|acknowledge|certif)", 1.5),
    _cue("contract", r"\bWHEREAS\b", 2.0, 2),
    _cue("contract", r"\bIN\s+WITNESS\s+WHEREOF\b", 4.0),
    _cue("contract", r"\bshall\b", 0.3, 20),
    _cue(
        "contract",
        r"^[ \t]*(?:Section|Article|ARTICLE)?[ \t]*\d+(?:\.\d+)+\.?[ \t]+\S",
        0.3,
        10,
    ),
    _cue("contract", r"\bgoverning\s+law\b", 2.0),
    _cue(
        "contract",
        r"\b(?:hereinafter|hereto|hereunder|indemnif\w+|termination)\b",
        0.5,
        6,
    ),
    _cue(
        "contract", r"\b(?:the\s+parties|party\s+hereto|by\s+and\s+between)\b", 1.0, 3
    ),
)


def sample(text: str) -> str:
    """The part of ``text`` kind detection looks at: its start and a slice of its middle."""
    if len(text) <= PREFIX_CHARS + MIDDLE_CHARS:
        return text
    middle = len(text) // 2
    return text[:PREFIX_CHARS] + "\n" + text[middle : middle + MIDDLE_CHARS]


def kind_scores(text: str) -> dict[str, float]:
    """Score of each kind on a bounded sample of ``text`` (higher means more likely)."""
    part = sample(text)
    scores = {"contract": 0.0, "deposition": 0.0, "medical": 0.0}
    for cue in CUES:
        count = 0
        for _ in cue.pattern.finditer(part, 0, cue.within or len(part)):
            count += 1
            if count >= cue.cap:
                break
        scores[cue.kind] += cue.weight * count
    if transcript_line_map(part) is not None:
        scores["deposition"] += 5.0
    return scores


#: A message's header block at the very top: From, then To/Sent/Date, then Subject.
_EMAIL_HEADERS = re.compile(r"\AFrom: [^\n]+\n(?:[A-Z][\w-]*: [^\n]*\n){0,6}?(?:To|Sent|Date): "
                            r"[^\n]*\n(?:[A-Z][\w-]*: [^\n]*\n){0,6}?Subject:")


def detect_kind(text: str) -> str:
    """``email`` for a message (its header block first), else ``contract``, ``deposition``,
    ``medical`` or ``other``: the best-scoring kind, if strong."""
    if _EMAIL_HEADERS.match(text.lstrip("\ufeff")):
        return "email"
    scores = kind_scores(text)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= MIN_SCORE else "other"


@hookimpl(trylast=True)
def lpo_review_detect_kind(text: str, config: Config) -> str | None:
    """Built-in kind detector; runs after any plugin's."""
    return detect_kind(text)
