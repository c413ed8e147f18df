"""Word rendering of a packet: what the reviewing attorney (or a vendor) opens."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from lpo_review.hookspecs import hookimpl
from lpo_review.model import Packet
from lpo_review.packets.render import Audience, Renderer
from lpo_review.packets.view import PacketView, Table, build_view

#: Fixed timestamp for core properties: output is deterministic and carries no client metadata.
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


class _Styles:
    """The styles a packet uses, looked up once (python-docx finds a style by name slowly).

    "Redacted Text" (the document's text, monospaced) and "Redaction" (a placeholder: bold,
    highlighted) are named styles, so an attorney can restyle them in Word in one place.
    """

    def __init__(self, doc) -> None:  # noqa: ANN001 (python-docx Document)
        styles = doc.styles
        self.heading1, self.heading2 = styles["Heading 1"], styles["Heading 2"]
        self.grid, self.bullet = styles["Table Grid"], styles["List Bullet"]
        self.text = styles.add_style("Redacted Text", WD_STYLE_TYPE.PARAGRAPH)
        self.text.base_style = styles["Normal"]
        self.text.font.name = "Courier New"
        self.text.font.size = Pt(9)
        self.text.paragraph_format.space_after = Pt(0)
        self.mark = styles.add_style("Redaction", WD_STYLE_TYPE.CHARACTER)
        self.mark.font.bold = True
        self.mark.font.highlight_color = WD_COLOR_INDEX.YELLOW
        self.mark.font.color.rgb = RGBColor(0x80, 0, 0)


def _para(doc, text: str, style) -> None:  # noqa: ANN001
    """A paragraph in ``style``.  The style id is set on the XML directly: python-docx would
    scan every style of the document to find the default on each assignment."""
    doc.add_paragraph(text)._p.style = style.style_id


def _grid(doc, styles: _Styles, rows: list[list[str]], header: list[str] | None = None) -> None:
    """A bordered table; ``header`` cells in bold."""
    cols = len(header) if header else len(rows[0])
    t = doc.add_table(rows=len(rows) + bool(header), cols=cols)
    t._tbl.tblPr.style = styles.grid.style_id  # as _para: no style scan
    cells = iter(t._cells)  # python-docx's flat cell list: one pass, not one grid scan per row
    if header:
        for name in header:
            next(cells).paragraphs[0].add_run(name.replace("_", " ").capitalize()).bold = True
    for row in rows:
        for value in row:
            next(cells).text = value


def _table(doc, styles: _Styles, table: Table) -> None:
    _para(doc, table.title, styles.heading2)
    if table.rows:
        _grid(doc, styles, table.rows, table.columns)
    else:
        doc.add_paragraph("None.")
    for note in table.notes:
        _para(doc, note, styles.bullet)


def _text(doc, styles: _Styles, view: PacketView) -> None:
    """The redacted text: one paragraph per page, one run per segment, placeholders marked."""
    _para(doc, "Redacted text", styles.heading2)
    doc.add_paragraph("Redactions are shown as highlighted placeholders, e.g. <PERSON_1>.")
    para = doc.add_paragraph()
    para._p.style = styles.text.style_id
    for seg in view.segments:
        for k, part in enumerate(seg.text.split("\f")):
            if k:
                para = doc.add_paragraph()
                para._p.style = styles.text.style_id
                para.paragraph_format.page_break_before = True
            if part:  # python-docx turns "\n" into line breaks
                run = para.add_run(part)
                if seg.entity_type:
                    run._r.style = styles.mark.style_id  # as _para: no style scan


def render_docx(view: PacketView) -> bytes:
    doc = new_docx()
    styles = _Styles(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = "lpo-review"
    props.title = view.title
    props.comments = props.keywords = props.subject = props.category = ""
    props.created = props.modified = _EPOCH
    props.revision = 1
    _para(doc, view.title, styles.heading1)
    _grid(doc, styles, [[k, v] for k, v in view.info])
    doc.add_paragraph(
        "Draft work product pending attorney review. Nothing in this packet is legal advice "
        "or final until an attorney signs it off."
    )
    for table in view.tables:
        _table(doc, styles, table)
    _text(doc, styles, view)
    if view.signoff:
        _para(doc, "Attorney sign-off", styles.heading2)
        _grid(doc, styles, [[k, v or "_" * 30] for k, v in view.signoff])
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
