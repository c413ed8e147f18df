"""Records of the return leg: the coding sheet a vendor fills in and the work product the firm
stores for each returned document."""

from __future__ import annotations

from datetime import datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from lpo_review.model import SignOff

#: The format tag of a coding sheet (JSON) and of a return package's manifest.
CODING_FORMAT: Final = "lpo-review-coding-sheet/1"
RETURN_FORMAT: Final = "lpo-review-vendor-return/1"
#: Privilege calls a vendor may suggest on a coding sheet (the attorney decides).
PRIVILEGE_CALLS = ("none", "attorney_client", "work_product", "unsure")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftRows(_Strict):
    """One draft as the vendor returns it: its kind and every row, column -> text."""

    kind: str = Field(description="The draft's kind as exported, e.g. deposition_digest.")
    rows: list[dict[str, str]] = Field(default_factory=list)


class CodingSheet(_Strict):
    """A vendor's coding of one exported document (``DOC-000001.coding.json``).

    Every field but ``format`` and ``document`` is optional; what the vendor leaves out is
    not coded.  Drafts given here replace the exported drafts of the same kind as the vendor's
    version (for a diff against the engine's).
    """

    format: Literal["lpo-review-coding-sheet/1"] = CODING_FORMAT
    document: str = Field(description="The export ID the sheet codes, e.g. ACME-000001.")
    responsive: bool | None = None
    issues: list[str] = Field(default_factory=list, description="Issue tags of the matter.")
    privilege: Literal["none", "attorney_client", "work_product", "unsure"] | None = Field(
        default=None, description="A privilege call for the attorney to decide.")
    summary: str = Field(default="", description="The vendor's summary of the document.")
    comments: list[str] = Field(default_factory=list)
    drafts: list[DraftRows] = Field(default_factory=list)


class Change(_Strict):
    """One difference between the engine's draft and the vendor's version of it."""

    draft: str
    row: int = Field(description="Row index (0-based) in the vendor's version; in the engine's "
                                 "for a removed row.")
    change: Literal["changed", "added", "removed"]
    column: str = ""
    before: str = ""
    after: str = ""


class WorkFinding(_Strict):
    """A sentence the vendor wrote or changed that the guard flags."""

    ref: str = Field(description="W0, W1, ... (acknowledged by this reference).")
    where: str = Field(description="e.g. 'deposition_digest row 3 summary', 'coding summary'.")
    text: str
    category: str
    reason: str
    rules: list[str] = Field(default_factory=list)


class WorkProduct(_Strict):
    """A vendor's returned work on one document, stored beside its packet, never over it."""

    schema_version: int = 1
    work_id: str = Field(description="RET-...:DOC-... (return and document).")
    return_id: str
    export_id: str
    vendor: str
    doc_id: str
    export_doc: str
    received_at: datetime
    files: dict[str, str] = Field(default_factory=dict, description="stored name -> sha256.")
    coding: CodingSheet | None = None
    drafts: list[DraftRows] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    findings: list[WorkFinding] = Field(default_factory=list)
    status: Literal["pending_attorney_review", "approved", "returned"] = \
        "pending_attorney_review"
    signoff: SignOff | None = None
