"""The contract abstract: one line per key term, built from the ``clauses`` stage findings.

Each row quotes (shortened) the clause it rests on and cites its page:line; a term with no
clause says so, so an empty cell is never mistaken for an oversight.
"""

from __future__ import annotations

import re

from lpo_review.model import Draft, Finding
from lpo_review.stages.base import StageInput, Summarizer
from lpo_review.stages.clauses.stage import STAGE_NAME

#: (abstract item, CUAD categories it draws on, how many clauses to quote)
ITEMS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("Document", ("Document Name",), 1),
    ("Parties", ("Parties",), 8),
    ("Agreement date", ("Agreement Date",), 1),
    ("Effective date", ("Effective Date",), 1),
    ("Term", ("Expiration Date",), 2),
    ("Renewal", ("Renewal Term", "Notice Period To Terminate Renewal"), 2),
    ("Governing law", ("Governing Law",), 1),
    ("Termination rights", ("Termination For Convenience",), 2),
    ("Liability cap", ("Cap On Liability", "Uncapped Liability"), 2),
    ("Assignment", ("Anti-Assignment", "Change Of Control"), 2),
)
_MAX_QUOTE = 300
_DATE_PHRASE = 60
_LAW = re.compile(r"laws?\s+of\s+(?:the\s+)?((?:State|Commonwealth|Province|Republic)\s+of\s+)?"
                  r"([A-Z<][\w<>]*(?:\s+[A-Z][\w]*){0,3})")


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_QUOTE else flat[:_MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


def _summary(item: str, chosen: list[Finding]) -> str:
    if item == "Parties":
        names: list[str] = []
        for f in chosen:
            name = " ".join(f.text.split())
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
        return "; ".join(names)
    if item == "Governing law":
        m = _LAW.search(chosen[0].text)
        if m:
            return f"{m.group(2)} — " + _quote(chosen[0].text)
    return " / ".join(_quote(f.text) for f in chosen)


def _choose(item: str, hits: list[Finding], limit: int) -> list[Finding]:
    """The findings a row quotes: parties in order of appearance; otherwise the best scored
    (a short phrase first for dates), skipping spans that overlap one already chosen."""
    if item == "Parties":
        ranked = sorted(hits, key=lambda f: f.start)
    elif item.endswith("date"):
        ranked = sorted(hits, key=lambda f: (len(f.text) > _DATE_PHRASE, -(f.score or 0.0)))
    else:
        ranked = sorted(hits, key=lambda f: -(f.score or 0.0))
    chosen: list[Finding] = []
    for f in ranked:
        if len(chosen) < limit and not any(f.start < c.end and c.start < f.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


class ContractAbstract(Summarizer):
    """Drafts the ``contract_abstract`` table from the clause findings."""

    name = "contract_abstract"
    kinds = ("contract",)

    def draft(self, doc: StageInput) -> list[Draft]:
        clauses = [f for f in doc.findings if f.stage == STAGE_NAME]
        rows: list[dict[str, str]] = []
        notes: list[str] = []
        for item, categories, limit in ITEMS:
            hits = [f for f in clauses if f.label in categories]
            chosen = _choose(item, hits, limit)
            if not chosen:
                rows.append({"item": item, "summary": f"No {' or '.join(categories)} clause found",
                             "cite": ""})
                notes.append(f"{item}: no clause found")
                continue
            rows.append({"item": item, "summary": _summary(item, chosen),
                         "cite": ", ".join(dict.fromkeys(f.cite for f in chosen))})
        if not clauses:
            notes.append("The clauses stage produced no findings (disabled, or nothing found).")
        return [Draft(stage=self.name, kind="contract_abstract", title="Contract abstract",
                      columns=["item", "summary", "cite"], rows=rows, notes=notes,
                      label_columns=["item"], quoted_columns=["summary"])]
