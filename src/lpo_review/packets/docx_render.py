"""Word rendering of a packet: what the reviewing attorney (or a vendor) opens."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx import Document as new_docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from lpo_review.hookspecs import hookimpl
from lpo_review.model import Packet
from lpo_review.packets.render import Audience, Renderer
from lpo_review.packets.view import PacketView, Table, build_view

#: Fixed timestamp for core properties: output is deterministic and carries no client metadata.
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _table(doc, table: Table) -> None:
    doc.add_heading(table.title, level=2)
    if not table.rows:
        doc.add_paragraph("None.")
    else:
        t = doc.add_table(rows=1, cols=len(table.columns))
        t.style = "Table Grid"
        for cell, name in zip(t.rows[0].cells, table.columns):
            cell.text = ""
            cell.paragraphs[0].add_run(name.replace("_", " ").capitalize()).bold = True
        for row in table.rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = value
    for note in table.notes:
        doc.add_paragraph(note, style="List Bullet")


def _text(doc, view: PacketView) -> None:
    """The redacted text: one paragraph per page, one run per segment, placeholders marked."""
    doc.add_heading("Redacted text", level=2)
    doc.add_paragraph("Redactions are shown as highlighted placeholders, e.g. <PERSON_1>.")
    para = doc.add_paragraph()
    for seg in view.segments:
        for k, part in enumerate(seg.text.split("\f")):
            if k:
                para = doc.add_paragraph()
                para.paragraph_format.page_break_before = True
            if not part:
                continue
            run = para.add_run(part)  # python-docx turns "\n" into line breaks
            run.font.name = "Courier New"
            run.font.size = Pt(9)
            if seg.entity_type:
                run.bold = True
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                run.font.color.rgb = RGBColor(0x80, 0, 0)


def render_docx(view: PacketView) -> bytes:
    doc = new_docx()
    props = doc.core_properties
    props.author = props.last_modified_by = "lpo-review"
    props.title = view.title
    props.comments = props.keywords = props.subject = props.category = ""
    props.created = props.modified = _EPOCH
    props.revision = 1
    doc.add_heading(view.title, level=1)
    info = doc.add_table(rows=0, cols=2)
    info.style = "Table Grid"
    for key, value in view.info:
        cells = info.add_row().cells
        cells[0].text, cells[1].text = key, value
    doc.add_paragraph(
        "Draft work product pending attorney review. Nothing in this packet is legal advice "
        "or final until an attorney signs it off."
    )
    for table in view.tables:
        _table(doc, table)
    _text(doc, view)
    if view.signoff:
        doc.add_heading("Attorney sign-off", level=2)
        block = doc.add_table(rows=0, cols=2)
        block.style = "Table Grid"
        for key, value in view.signoff:
            cells = block.add_row().cells
            cells[0].text, cells[1].text = key, value or "_" * 30
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip_times(buf.getvalue())


def fixed_zip_times(data: bytes, date_time: tuple[int, ...] = (2000, 1, 1, 0, 0, 0)) -> bytes:
    """Rewrite a DOCX (ZIP) package with fixed entry times: equal input gives equal bytes.

    python-docx stamps every entry with the current time.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


class DocxRenderer(Renderer):
    name = "docx"
    suffix = ".docx"

    def render(self, packet: Packet, audience: Audience = "attorney") -> bytes:
        return render_docx(build_view(packet, audience))


@hookimpl
def lpo_review_renderers(config):
    return [DocxRenderer()]
