"""A readable DOCX of a vendor packet, built fresh so no original metadata can travel.

Core properties are neutral (author ``lpo-review``, title = the export ID, fixed dates), there
are no comments or tracked changes, and the ZIP entries carry fixed timestamps, so equal input
gives equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import docx

NEUTRAL_AUTHOR = "lpo-review"
_FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def render_vendor_docx(packet: dict[str, Any]) -> bytes:
    """DOCX bytes of a vendor packet built by :func:`lpo_review.packets.export.vendor_packet`."""
    document = docx.Document()
    _neutral_properties(document, packet["id"])
    document.add_heading(f"{packet['id']} ({packet['kind']})", level=1)
    document.add_paragraph(
        f"Redaction profile: {packet['profile']}. Pages: {packet['pages']}. "
        f"Words: {packet['words']}. Approved by the supervising attorney."
    )
    for draft in packet["drafts"]:
        document.add_heading(draft["title"], level=2)
        _table(
            document,
            draft["columns"],
            [[row.get(c, "") for c in draft["columns"]] for row in draft["rows"]],
        )
        for note in draft["notes"]:
            document.add_paragraph(note, style="List Bullet")
    if packet["findings"]:
        document.add_heading("Findings", level=2)
        _table(
            document,
            ["Cite", "Label", "Excerpt"],
            [[f["cite"], f["label"], f["text"]] for f in packet["findings"]],
        )
    document.add_heading("Redacted text", level=2)
    for line in packet["text"].splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _neutral_properties(document: Any, doc_id: str) -> None:
    props = document.core_properties
    props.author = NEUTRAL_AUTHOR
    props.last_modified_by = NEUTRAL_AUTHOR
    props.title = doc_id
    for name in (
        "subject",
        "keywords",
        "comments",
        "category",
        "content_status",
        "identifier",
        "language",
        "version",
    ):
        setattr(props, name, "")
    props.created = props.modified = _FIXED_TIME
    props.last_printed = _FIXED_TIME
    props.revision = 1


def _table(document: Any, columns: list[str], rows: list[list[Any]]) -> None:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = str(name)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _fixed_zip_times(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()
