"""The ``privilege`` stage: screens every document and, when it looks privileged, records each
piece of evidence as a ``possible_privilege`` finding with its page:line.

Such a document is withheld from every vendor export and every production until an attorney
records a privilege decision (:mod:`lpo_review.privilege.decision`).
"""

from __future__ import annotations

from lpo_review.model import Packet
from lpo_review.privilege.screen import screen
from lpo_review.stages.base import ORDER_ANALYSE, Stage, StageInput, StageResult

STAGE_NAME = "privilege"
LABEL = "possible_privilege"
#: Evidence kept per document: enough to find every passage, not every repeated word.
MAX_EVIDENCE = 12


class PrivilegeStage(Stage):
    """Flags documents that look like attorney-client communications or work product.

    It reads correspondence and papers (kinds ``email`` and ``other``: letters, memos, notes);
    a deposition transcript is a record of the proceedings, a medical record is the provider's,
    and a contract's "Work Product" and indemnities are its subject, not privilege.
    """

    name = STAGE_NAME
    order = ORDER_ANALYSE - 50
    kinds = ("email", "other")

    def __init__(self, extra_markers: list[str] | None = None):
        self.extra_markers = list(extra_markers or [])

    def run(self, doc: StageInput) -> StageResult:
        found = screen(doc.text, self.extra_markers)
        if not found.flagged:
            return StageResult()
        evidence = sorted(found.evidence, key=lambda e: (e.basis != "marker", e.start))
        findings = [
            doc.finding(STAGE_NAME, LABEL, e.start, e.end,
                        data={"basis": e.basis, "types": list(found.types)})
            for e in evidence[:MAX_EVIDENCE]
        ]
        findings.sort(key=lambda f: f.start)
        return StageResult(findings=findings, notes=[
            f"possibly privileged ({', '.join(found.types)}): withheld from exports and "
            "productions until an attorney decides"])


def is_flagged(packet: Packet) -> bool:
    """Whether the privilege screen flagged the packet's document."""
    return any(f.label == LABEL for f in packet.findings)
