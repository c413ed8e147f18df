"""The firm's deliverable: approved work product with the originals put back from the vault.

Written only inside the matter folder (``OUT_DIR/deliverables/``), audited, and never eligible
for export: the export reads packets only, and the deliverable holds the very values its leak
check looks for.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.vault import VaultValue, read_vault_entry, reidentify
from lpo_review.confidential.vendors import Matter
from lpo_review.errors import GuardRefusal
from lpo_review.packets.atomic import atomic_write
from lpo_review.packets.docx_render import fixed_zip_times
from lpo_review.returns.model import WorkProduct
from lpo_review.returns.review import work_content_sha256, work_problem
from lpo_review.returns.store import read_work

DELIVERABLES_DIR = "deliverables"


def deliverable_docx(work: WorkProduct, values: dict[str, VaultValue]) -> bytes:
    """The deliverable's DOCX: the approved drafts and coding, placeholders replaced by the
    originals in ``values`` (the document's vault entry)."""
    def put_back(text: str) -> str:
        return reidentify(text, values)[0]

    document = docx.Document()
    document.add_heading(f"{work.doc_id}: work product", level=1)
    so = work.signoff
    assert so is not None
    document.add_paragraph(f"Prepared by {work.vendor} (return {work.return_id}); approved by "
                           f"{so.attorney} ({so.bar_number}) on {so.signed_at}.")
    if work.coding is not None:
        c = work.coding
        document.add_heading("Coding", level=2)
        for label, value in (("Responsive", "" if c.responsive is None else
                              ("yes" if c.responsive else "no")),
                             ("Issues", "; ".join(c.issues)), ("Privilege call", c.privilege or ""),
                             ("Summary", c.summary), ("Comments", " ".join(c.comments))):
            if value:
                document.add_paragraph(f"{label}: {put_back(value)}")
    for draft in work.drafts:
        if not draft.rows:
            continue
        columns = [c for c in draft.rows[0] if c not in ("start", "end")]
        document.add_heading(draft.kind.replace("_", " ").capitalize(), level=2)
        table = document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, columns, strict=True):
            cell.text = name.replace("_", " ").capitalize()
        for row in draft.rows:
            for cell, name in zip(table.add_row().cells, columns, strict=True):
                cell.text = put_back(row.get(name, ""))
    out = io.BytesIO()
    document.save(out)
    return fixed_zip_times(out.getvalue())


def deliver(out_dir: Path, wid: str, *, vault_key: bytes, matter: Matter | None = None,
            actor: str | None = None) -> Path:
    """Write the re-identified deliverable of approved work product ``wid``; refused (and
    audited) unless its sign-off holds and says approved."""
    out_dir, actor = Path(out_dir), actor or default_actor()
    audit = AuditLog.for_matter(out_dir)
    work = read_work(out_dir, wid)
    documents = [{"doc_id": work.doc_id, "sha256": work_content_sha256(work)}]
    problem = work_problem(work, matter)
    if not problem and work.status != "approved":
        problem = f"{wid} is {work.status}, not approved by an attorney"
    if problem:
        audit.append(actor, "deliver_refused", documents, {"work": wid, "reason": problem})
        raise GuardRefusal(f"{wid}: {problem}")
    values = read_vault_entry(out_dir, work.doc_id, vault_key)
    data = deliverable_docx(work, values)
    restored = sum(reidentify(cell, values)[1] for d in work.drafts for r in d.rows
                   for cell in r.values())
    path = atomic_write(out_dir / DELIVERABLES_DIR / f"{work.doc_id}.{work.return_id}.docx", data)
    audit.append(actor, "deliver", documents, {"work": wid, "file": path.name,
                                               "placeholders_restored": restored})
    return path
