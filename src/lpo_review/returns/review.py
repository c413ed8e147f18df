"""The firm's look at returned work: what the vendor changed, the guard over the vendor's own
words, and the attorney's signed decision on it.

The guard uses the same rules (and learned guard) as the engine's drafts, collected through the
same hook (``lpo_review_guard_rules``), so a firm's own rules apply to vendors' words too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from lpo_review.confidential.signoff import make_signoff, signoff_problem
from lpo_review.confidential.vendors import Matter
from lpo_review.config import Config
from lpo_review.errors import GuardRefusal
from lpo_review.guard.language import scan_text, split_sentences
from lpo_review.guard.rules import GuardRule, guard_rules
from lpo_review.model import Draft
from lpo_review.packets.view import cell_text
from lpo_review.plugins import build_plugin_manager
from lpo_review.returns.model import Change, CodingSheet, DraftRows, WorkFinding, WorkProduct

#: Columns that only locate a row; a vendor's edit there is a change but not its own words.
_LOCATORS = frozenset({"cite", "start", "end"})


def diff_drafts(exported: Sequence[Draft], returned: Sequence[DraftRows]) -> list[Change]:
    """Cell by cell, row by row (by position), what the vendor's version of each exported
    draft changed, added or removed.  Drafts the vendor did not return are not compared."""
    changes: list[Change] = []
    by_kind = {d.kind: d for d in exported}
    for mine in returned:
        theirs = by_kind.get(mine.kind)
        if theirs is None:
            continue
        columns = [c for c in theirs.columns if c not in ("start", "end")]
        for i in range(max(len(theirs.rows), len(mine.rows))):
            if i >= len(mine.rows):
                changes.append(Change(draft=mine.kind, row=i, change="removed",
                                      before=" | ".join(cell_text(theirs.rows[i].get(c))
                                                        for c in columns)))
            elif i >= len(theirs.rows):
                changes.append(Change(draft=mine.kind, row=i, change="added",
                                      after=" | ".join(mine.rows[i].get(c, "") for c in columns)))
            else:
                for c in columns:
                    before, after = cell_text(theirs.rows[i].get(c)).strip(), mine.rows[i].get(c, "")
                    if " ".join(before.split()) != " ".join(after.split()):
                        changes.append(Change(draft=mine.kind, row=i, change="changed",
                                              column=c, before=before, after=after))
    return changes


def vendor_words(changes: Iterable[Change], coding: CodingSheet | None
                 ) -> list[tuple[str, str, str]]:
    """``(where, text, text it replaced)`` for everything the vendor wrote: changed and added
    cells (not the locating columns), and the coding sheet's summary and comments."""
    out = []
    for c in changes:
        if c.change == "changed" and c.column not in _LOCATORS:
            out.append((f"{c.draft} row {c.row} {c.column}", c.after, c.before))
        elif c.change == "added":
            out.append((f"{c.draft} row {c.row} (added)", c.after, ""))
    if coding is not None:
        if coding.summary:
            out.append(("coding summary", coding.summary, ""))
        out += [(f"coding comment {i}", text, "") for i, text in enumerate(coding.comments)]
    return out


def vendor_rules(config: Config) -> list[GuardRule]:
    """The text rules the guard applies to drafts: built-in, learned and every plugin's."""
    return [r for r in guard_rules(build_plugin_manager(config), config) if r.applies("text")]


def guard_vendor_words(words: Iterable[tuple[str, str, str]], rules: Sequence[GuardRule]
                       ) -> list[WorkFinding]:
    """Every sentence the vendor wrote (one not already in the text it replaced) that a rule
    flags, numbered ``W0``, ``W1``... for the attorney to acknowledge."""
    findings: list[WorkFinding] = []
    for where, text, replaced in words:
        kept = {" ".join(s.text.split()) for s in split_sentences(replaced)}
        for flag in scan_text(text, rules):
            if " ".join(flag.sentence.text.split()) in kept:
                continue
            hit = flag.hits[0]
            findings.append(WorkFinding(ref=f"W{len(findings)}", where=where,
                                        text=flag.sentence.text, category=hit.category,
                                        reason=hit.reason, rules=[h.rule for h in flag.hits]))
    return findings


def work_content_sha256(work: WorkProduct) -> str:
    """SHA-256 of the work product as the attorney signs it (all but status and sign-off)."""
    data = work.model_dump(mode="json", exclude={"status", "signoff"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":"),
                                     ensure_ascii=False).encode("utf-8")).hexdigest()


def sign_work(work: WorkProduct, *, attorney: str, bar_number: str, key: Ed25519PrivateKey,
              decision: Literal["approved", "returned"], reasons: list[str] | None = None,
              acknowledged: list[str] | None = None, matter: Matter | None = None,
              now: datetime | None = None) -> WorkProduct:
    """The work product with the attorney's signed decision: approving needs each guard finding
    (``W<n>``) acknowledged; returning needs a reason, which goes back to the vendor."""
    if work.status != "pending_attorney_review" or work.signoff is not None:
        raise GuardRefusal(f"{work.work_id}: already {work.status}")
    flagged = {f.ref: f.category for f in work.findings}
    signed = make_signoff(work.work_id, work_content_sha256(work), flagged, attorney=attorney,
                          bar_number=bar_number, key=key, decision=decision, reasons=reasons,
                          acknowledged=acknowledged, matter=matter, now=now)
    return work.model_copy(update={"signoff": signed, "status": decision})


def work_problem(work: WorkProduct, matter: Matter | None = None) -> str:
    """Why the work product's sign-off does not hold (empty when it does, or is pending)."""
    if work.signoff is None:
        return "" if work.status == "pending_attorney_review" else "status without a sign-off"
    return signoff_problem(work.signoff, work_content_sha256(work), work.status, "work product",
                           matter)
