"""Generators for ingest test inputs: good and bad files, all built in code."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` as bytes in ``encoding`` (no newline translation)."""
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------------------- DOCX


def _tracked_paragraph(kept: str, deleted: str, inserted: str) -> object:
    """A ``w:p`` with a tracked deletion and a tracked insertion."""
    return parse_xml(
        f'<w:p xmlns:w="{W_NS}"><w:r><w:t xml:space="preserve">{kept} </w:t></w:r>'
        f'<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{deleted} </w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
        f"<w:t>{inserted}</w:t></w:r></w:ins></w:p>"
    )


def add_note(
    document: docx.document.Document,
    paragraph: object,
    text: str,
    kind: str = "footnote",
) -> None:
    """Add a footnotes or endnotes part (python-docx has no API for them) holding one note,
    and reference it from ``paragraph``."""
    plural = f"{kind}s"
    xml = (
        f'<w:{plural} xmlns:w="{W_NS}">'
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:{kind}>"
        f'<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}></w:{plural}>'
    )
    content_type = (
        f"application/vnd.openxmlformats-officedocument.wordprocessingml.{plural}+xml"
    )
    package = document.part.package
    part = Part(PackURI(f"/word/{plural}.xml"), content_type, xml.encode(), package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    ref = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:{kind}Reference w:id="1"/></w:r>')
    paragraph._p.append(ref)  # type: ignore[attr-defined]


def make_docx(path: Path) -> Path:
    """A Word file exercising everything the reader must handle.

    Page 1: title, a paragraph with a footnote, a table, a paragraph with an endnote, a
    tracked change, a commented
    paragraph; explicit page break; page 2: text; section break (new page); page 3: text.
    Header "CONFIDENTIAL HEADER", footer "Footer Text".  Author metadata "Secret Author".
    """
    document = docx.Document()
    document.core_properties.author = "Secret Author"
    document.core_properties.title = "Secret Title"
    document.add_paragraph("MASTER SERVICES AGREEMENT")
    noted = document.add_paragraph("The Supplier shall deliver the goods.")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("Item", "Price"), ("Widgets", "€500"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    after = document.add_paragraph("After the table.")
    after._p.addnext(_tracked_paragraph("Payment is due", "in 90 days", "in 30 days"))
    commented = document.add_paragraph("Commented clause.")
    document.add_comment(
        commented.runs, text="Reviewer remark not for the text", author="R"
    )
    document.add_page_break()
    document.add_paragraph("Second page text.")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Third page text.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL HEADER"
    section.footer.paragraphs[0].text = "Footer Text"
    add_note(document, noted, "Footnote about delivery terms.")
    add_note(document, after, "Endnote on the table.", kind="endnote")
    document.save(str(path))
    return path


def make_docx_from_paragraphs(
    path: Path, paragraphs: list[str], continuous_section_after: int | None = None
) -> Path:
    """A plain Word file; optionally a continuous section break after paragraph N."""
    document = docx.Document()
    for n, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if n == continuous_section_after:
            document.add_section(WD_SECTION.CONTINUOUS)
    document.save(str(path))
    return path


def make_xlsx(path: Path) -> Path:
    """A minimal OOXML spreadsheet package (content irrelevant: it must be refused)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def make_png(path: Path) -> Path:
    """A tiny PNG image."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def make_ole(path: Path, stream: str = "WordDocument") -> Path:
    """Bytes that look like an OLE compound file holding ``stream``: "WordDocument" for a
    Word 97-2003 .doc, "EncryptedPackage" for a password-protected .docx."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + stream.encode("utf-16-le") + b"\x00" * 512)
    return path


# ---------------------------------------------------------------------------- PDF


def make_pdf(path: Path, pages: list[list[str]], image_only: bool = False) -> Path:
    """A PDF with one page per entry of ``pages`` (lines of text; an empty list: blank page).

    ``image_only`` draws each page as an image instead of text, like a scan.
    """
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        if image_only:
            from PIL import Image

            pdf.image(Image.new("L", (200, 100), 200), x=10, y=10, w=100)
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))
    return path


def make_transcript_pdf(path: Path, first_page: int, pages: int) -> Path:
    """A deposition transcript: page number top right, numbered lines 1-25, a reporter footer.

    Line numbers and text are separate text objects, as in real transcripts; every fifth
    line is blank apart from its number.
    """
    pdf = FPDF()
    pdf.set_font("Courier", size=10)
    for page in range(first_page, first_page + pages):
        pdf.add_page()
        pdf.set_xy(170, 10)
        pdf.cell(20, 6, str(page))
        for line in range(1, 26):
            y = 20 + line * 9
            pdf.set_xy(12, y)
            pdf.cell(10, 6, str(line), align="R")
            if line % 5:
                pdf.set_xy(30, y)
                speaker = "Q." if line % 2 else "A."
                pdf.cell(150, 6, f"{speaker}  Testimony on page {page} line {line}.")
        pdf.set_xy(30, 275)
        pdf.cell(150, 6, "ACME COURT REPORTING  (555) 010-2000")
    path.write_bytes(bytes(pdf.output()))
    return path


def encrypt_pdf(
    src: Path, dst: Path, user_password: str, owner_password: str = "owner"
) -> Path:
    """Copy ``src`` encrypted (AES-256); an empty user password opens without asking."""
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt(
        user_password=user_password, owner_password=owner_password, algorithm="AES-256"
    )
    with dst.open("wb") as fh:
        writer.write(fh)
    return dst


def truncate(src: Path, dst: Path, fraction: float) -> Path:
    """Copy the first ``fraction`` of ``src``'s bytes, like an interrupted download."""
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


# ---------------------------------------------------------------------------- text


def transcript_text(first_page: int, pages: int, header: str = "bare") -> str:
    """A plain-text transcript with numbered lines under a page header: a bare number,
    ``Page N``, or a running caption ending in ``Page N of 90``."""
    out: list[str] = []
    for page in range(first_page, first_page + pages):
        headers = {
            "bare": f"{'':60}{page}",
            "page": f"{'':50}Page {page}",
            "caption": f"JOHN SMITH - March 3, 2024{'':20}Page {page} of 90",
        }
        out.append(headers[header])
        for line in range(1, 26):
            speaker = "Q." if line % 2 else "A."
            gap = " " * (2 + line % 4)
            out.append(
                f"{line:>2}{gap}{speaker}  Testimony on page {page} line {line}."
            )
        out.append("")
    return "\n".join(out)


def gibberish_bytes(size: int = 3000, seed: int = 3) -> bytes:
    """High-bit bytes with no control characters: passes sniffing, reads as no language."""
    import random

    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(size))


def damage_first_stream(src: Path, dst: Path) -> Path:
    """Copy ``src`` with bytes inside its first (compressed) content stream zeroed."""
    data = bytearray(src.read_bytes())
    start = data.index(b"stream\n") + len(b"stream\n")
    data[start + 2 : start + 40] = bytes(38)
    dst.write_bytes(bytes(data))
    return dst


_DOCUMENT_OPEN = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                  'main"><w:body>')


def _package(archive: zipfile.ZipFile) -> None:
    """The parts a .docx needs besides word/document.xml."""
    archive.writestr("[Content_Types].xml", (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/></Types>'))
    archive.writestr("_rels/.rels", (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'))


def make_docx_bomb(path: Path, chars: int, chunk: int = 1 << 20) -> Path:
    """A small .docx whose document.xml unpacks to ``chars`` characters of text (a zip bomb),
    written in chunks so that making it needs no more memory than one chunk."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _package(archive)
        with archive.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                      + _DOCUMENT_OPEN).encode())
            left = chars
            while left > 0:
                n = min(chunk, left)
                fh.write(b"<w:p><w:r><w:t>" + b"A" * n + b"</w:t></w:r></w:p>")
                left -= n
            fh.write(b"</w:body></w:document>")
    return path


def make_docx_with_entity(path: Path, before: str, entity: str, after: str) -> Path:
    """A .docx whose text has a reference to an entity its DOCTYPE declares, with text after
    it (a reader that drops the entity's tail loses ``after``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _package(archive)
        archive.writestr("word/document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY {entity} '
            f'"expanded">]>{_DOCUMENT_OPEN}<w:p><w:r><w:t xml:space="preserve">{before}'
            f'&{entity};{after}</w:t></w:r></w:p></w:body></w:document>'))
    return path


def make_pdf_shared_stream_bomb(path: Path, pages: int, page_chars: int) -> Path:
    """A small PDF of ``pages`` pages that all draw one compressed content stream showing
    ``page_chars`` characters."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(text="x")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(pdf.output()))))
    page = writer.pages[0]
    font = next(iter(page["/Resources"]["/Font"]))
    shown = "\n".join(f"({'A' * 100}) Tj T*" for _ in range(page_chars // 100))
    stream = ContentStream(None, writer)
    stream.set_data(f"BT {font} 8 Tf 10 TL 10 800 Td\n{shown}\nET".encode())
    page.replace_contents(stream)
    page.compress_content_streams()
    for _ in range(pages - 1):
        writer.add_page(page)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path
