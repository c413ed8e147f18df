"""What a vendor may return for an exported document, and how the firm reads each.

Accepted files, named after the export ID they answer (``ACME-000001``):

* ``ACME-000001.docx`` — the packet's DOCX as exported, edited in Word: the draft tables
  (digest, chronology, abstract ...) are read back row by row under their headings; the rest
  of the document is ignored;
* ``ACME-000001.coding.json`` — a coding sheet (:class:`~lpo_review.returns.model.CodingSheet`;
  its JSON Schema is ``lpo-review schema --coding-sheet``);
* ``ACME-000001.coding.csv`` — the same coding as one CSV row under the header
  :data:`CSV_COLUMNS` (lists separated by ``;``).

Every file is size-checked before it is parsed (a return is untrusted input).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from pydantic import ValidationError

from lpo_review.errors import GuardRefusal
from lpo_review.model import Draft
from lpo_review.returns.model import CodingSheet, DraftRows

#: The largest returned DOCX, unpacked (a ZIP bomb is refused before it is parsed).
MAX_DOCX_UNPACKED = 64 * 2**20
#: The largest coding sheet.
MAX_SHEET_BYTES = 4 * 2**20
SUFFIXES = (".docx", ".coding.json", ".coding.csv")
CSV_COLUMNS = ("document", "responsive", "issues", "privilege", "summary", "comments")


def answered_document(name: str) -> str | None:
    """The export ID a returned file answers (``ACME-000001.docx`` -> ``ACME-000001``)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def read_docx_drafts(name: str, data: bytes, exported: Sequence[Draft]) -> list[DraftRows]:
    """The vendor's version of each ``exported`` draft found in a returned DOCX.

    A draft's table is the first table after a paragraph reading the draft's title; its first
    row is the header, each further row one draft row (cells by column order).  A draft whose
    table the vendor deleted is not returned (so not diffed); a title that appears twice is
    read at its first table.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
        if unpacked > MAX_DOCX_UNPACKED:
            raise GuardRefusal(f"{name}: unpacks to {unpacked / 2**20:.0f} MB, over "
                               f"{MAX_DOCX_UNPACKED // 2**20} MB")
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise GuardRefusal(f"{name}: not a readable Word document ({exc.__class__.__name__})"
                           ) from None
    by_title = {d.title.strip(): d for d in exported}
    found: dict[str, DraftRows] = {}
    heading: Draft | None = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                heading = by_title.get(text)
        elif isinstance(block, Table) and heading is not None:
            if heading.kind not in found:
                found[heading.kind] = _table_rows(block, heading)
            heading = None
    return [found[d.kind] for d in exported if d.kind in found]


def _table_rows(table: Table, draft: Draft) -> DraftRows:
    rows = []
    for row in list(table.rows)[1:]:
        cells = [c.text.strip() for c in row.cells]
        rows.append({col: (cells[i] if i < len(cells) else "")
                     for i, col in enumerate(draft.columns)})
    return DraftRows(kind=draft.kind, rows=rows)


def read_coding_json(name: str, data: bytes) -> CodingSheet:
    """A coding sheet from JSON; refused with the first problem when it does not validate."""
    _check_size(name, data)
    try:
        return CodingSheet.model_validate(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GuardRefusal(f"{name}: not JSON ({exc.__class__.__name__})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise GuardRefusal(f"{name}: not a coding sheet ({where}: {first['msg']})") from None


def read_coding_csv(name: str, data: bytes) -> CodingSheet:
    """A coding sheet from one CSV row under the :data:`CSV_COLUMNS` header."""
    _check_size(name, data)
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GuardRefusal(f"{name}: not a UTF-8 CSV file ({exc.__class__.__name__})") from None
    if len(rows) != 1 or set(rows[0]) != set(CSV_COLUMNS):
        raise GuardRefusal(f"{name}: expected the header {','.join(CSV_COLUMNS)} and one row")
    row = rows[0]
    responsive = {"yes": True, "true": True, "no": False, "false": False, "": None}.get(
        row["responsive"].strip().lower(), "bad")
    if responsive == "bad":
        raise GuardRefusal(f"{name}: responsive must be yes, no or empty")
    sheet = {"document": row["document"].strip(), "responsive": responsive,
             "issues": _list(row["issues"]), "privilege": row["privilege"].strip() or None,
             "summary": row["summary"].strip(), "comments": _list(row["comments"])}
    return read_coding_json(name, json.dumps(sheet).encode("utf-8"))


def _list(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(";") if v.strip()]


def _check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_SHEET_BYTES:
        raise GuardRefusal(f"{name}: {len(data) / 2**20:.1f} MB, over the coding sheet limit of "
                           f"{MAX_SHEET_BYTES // 2**20} MB")
