"""The redaction log and the privilege log, as CSV and DOCX, for the attorney to sign off.

The redaction log never holds a redacted value: Bates number, page, reason and entity type.
The privilege log describes each privileged document the way a court expects (date, author,
recipients, privilege type, a description that does not reveal the privileged content, and its
Bates number or withheld ID); its author and recipients are the real names, as a log served on
the other side must give them, so it is for the firm and the court, never for a vendor.
"""

from __future__ import annotations

import csv
import io

import docx

from lpo_review.packets.docx_render import fixed_zip_times

REDACTION_COLUMNS = ("BEGBATES", "PAGE_BATES", "PAGE", "REASON", "TYPE")
PRIVILEGE_COLUMNS = ("ENTRY", "BATES", "DATE", "AUTHOR", "RECIPIENTS", "PRIVILEGE_TYPE",
                     "TREATMENT", "DESCRIPTION")


def csv_log(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def docx_log(title: str, intro: str, columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    """A landscape-friendly table with a signature block for the reviewing attorney."""
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(intro)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = name.replace("_", " ").title()
    for row in rows:
        for cell, name in zip(table.add_row().cells, columns, strict=True):
            cell.text = str(row.get(name, ""))
    if not rows:
        document.add_paragraph("No entries.")
    document.add_paragraph("\nReviewed and approved: ______________________________  "
                           "Date: ____________\n(attorney name and bar number)")
    out = io.BytesIO()
    document.save(out)
    return fixed_zip_times(out.getvalue())
