"""Write generated documents as .txt, .docx (python-docx) or .pdf (fpdf2), reproducibly.

Metadata is neutral and fixed: empty author, a fixed creation date, a fixed producer, and (for
DOCX) fixed ZIP entry timestamps, so re-running the generator gives byte-identical files.
PDFs use core fonts (Latin-1 text) and draw every line as real text, so they keep a text layer.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Inches, Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lpo_review.packets.docx_render import fixed_zip_times

from .depositions import Transcript, numbered, page_header
from .doc import ProseDoc
from .emails import EmailDoc, MsgDoc

FIXED_TIME = dt.datetime(2025, 1, 2, 9, 0, 0, tzinfo=dt.UTC)
PRODUCER = "lpo-review sample generator"

Renderable = ProseDoc | Transcript | EmailDoc | MsgDoc


def write(doc: Renderable, path: Path) -> None:
    """Write ``doc`` in the format named by ``path``'s suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = path.suffix.lower()
    if isinstance(doc, EmailDoc):
        if fmt != ".eml":
            raise ValueError(f"an e-mail sample is written as .eml, not {path.suffix}")
        path.write_bytes(doc.eml())
    elif isinstance(doc, MsgDoc):
        if fmt != ".msg":
            raise ValueError(f"an Outlook sample is written as .msg, not {path.suffix}")
        path.write_bytes(doc.msg())
    elif fmt == ".txt":
        path.write_bytes(doc.text().encode("utf-8"))
    elif fmt == ".docx":
        path.write_bytes(_docx_bytes(doc))
    elif fmt == ".pdf":
        path.write_bytes(_pdf_bytes(doc))
    else:
        raise ValueError(f"unsupported sample format: {path.suffix}")


# --- DOCX ---------------------------------------------------------------------------------

def _docx_bytes(doc: Renderable) -> bytes:
    d = DocxDocument()
    props = d.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = doc.title
    props.comments = ""
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    if isinstance(doc, Transcript):
        _docx_transcript(d, doc)
    else:
        _docx_prose(d, doc)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue())


def _docx_prose(d: DocxDocument, doc: ProseDoc) -> None:
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    for block in doc.blocks:
        para = d.add_paragraph()
        run = para.add_run(block.text)
        if block.style in ("title", "heading"):
            run.bold = True
        if block.style == "title":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(0 if block.style == "line" else 8)


def _docx_transcript(d: DocxDocument, doc: Transcript) -> None:
    section = d.sections[0]  # room for 70 Courier characters and 26 lines a page
    section.left_margin, section.right_margin = Inches(0.9), Inches(0.5)
    section.top_margin, section.bottom_margin = Inches(0.75), Inches(0.75)
    style = d.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(12)
    fmt = style.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(24)
    for n, lines in enumerate(doc.pages, 1):
        header = d.add_paragraph(str(n))
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.paragraph_format.page_break_before = n > 1
        for i, line in enumerate(lines, 1):
            d.add_paragraph(numbered(i, line))


def _fixed_zip(data: bytes) -> bytes:
    """The DOCX with fixed entry timestamps (python-docx stamps the current time)."""
    return fixed_zip_times(data, (2025, 1, 2, 9, 0, 0))


# --- PDF ----------------------------------------------------------------------------------

class _Pdf(FPDF):
    def __init__(self, numbered_footer: bool):
        super().__init__(orientation="portrait", unit="pt", format="Letter")
        self._footer = numbered_footer

    def footer(self) -> None:
        if self._footer:
            self.set_y(-48)
            self.set_font("Times", size=9)
            self.cell(0, 12, f"Page {self.page_no()}", align="C")


def _pdf_bytes(doc: Renderable) -> bytes:
    pdf = _Pdf(numbered_footer=isinstance(doc, ProseDoc))
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author("")
    pdf.set_creator(PRODUCER)
    pdf.set_producer(PRODUCER)
    pdf.set_title(doc.title)
    pdf.set_margins(72, 72, 72)
    if isinstance(doc, Transcript):
        _pdf_transcript(pdf, doc)
    else:
        _pdf_prose(pdf, doc)
    return bytes(pdf.output())


def _pdf_prose(pdf: _Pdf, doc: ProseDoc) -> None:
    pdf.set_auto_page_break(True, margin=72)
    pdf.add_page()
    for block in doc.blocks:
        bold = block.style in ("title", "heading")
        pdf.set_font("Times", style="B" if bold else "", size=13 if block.style == "title" else 11)
        if block.style != "line":
            pdf.ln(6)
        with pdf.unbreakable() as page:  # a clause never straddles a page break and footer
            page.multi_cell(0, 14, block.text, align="C" if block.style == "title" else "L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_transcript(pdf: _Pdf, doc: Transcript) -> None:
    pdf.set_auto_page_break(False)
    pdf.set_font("Courier", size=12)
    for n, lines in enumerate(doc.pages, 1):
        pdf.add_page()
        pdf.set_xy(54, 54)
        pdf.cell(0, 22, page_header(n).strip(), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for i, line in enumerate(lines, 1):
            pdf.set_x(54)
            pdf.cell(0, 25, numbered(i, line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
