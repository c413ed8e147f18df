"""The attorney's readable packet: DOCX that Word/LibreOffice open, HTML with marked redactions."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from lpo_review.packets.docx_render import DocxRenderer
from lpo_review.packets.html_render import HtmlRenderer

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def deposition_packet(engine):
    return engine.review_file(SAMPLES / "depositions" / "deposition_hr_director_employment.txt"
                              ).packet


def test_docx_has_digest_table_log_summary_and_signoff_block(deposition_packet):
    doc = open_docx(io.BytesIO(DocxRenderer().render(deposition_packet)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Redaction log summary" in headings and "Attorney sign-off" in headings
    digest = next(d for d in deposition_packet.drafts if d.kind == "deposition_digest")
    assert digest.title in headings
    table = doc.tables[headings.index(digest.title)]  # info table first, then one per heading
    cites = [row.cells[0].text for row in table.rows[1:]]
    assert cites == [r["cite"] for r in digest.rows]
    sign = doc.tables[-1]
    assert [r.cells[0].text for r in sign.rows] == ["Attorney", "Bar number", "Date", "Decision"]
    props = doc.core_properties
    assert props.author == "lpo-review" and deposition_packet.source_name not in props.title


def test_docx_and_html_mark_every_redaction(deposition_packet):
    doc = open_docx(io.BytesIO(DocxRenderer().render(deposition_packet)))
    marked = {r.text for p in doc.paragraphs for r in p.runs if r.style.name == "Redaction"}
    assert doc.styles["Redaction"].font.highlight_color is not None
    assert marked == {r.placeholder for r in deposition_packet.redactions}
    html = HtmlRenderer().render(deposition_packet).decode()
    assert html.count("<mark") == len(deposition_packet.redactions)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_opens_cleanly_in_libreoffice(deposition_packet, tmp_path):
    path = tmp_path / f"{deposition_packet.doc_id}.docx"
    path.write_bytes(DocxRenderer().render(deposition_packet))
    done = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                           str(tmp_path), str(path)], capture_output=True, text=True, timeout=180,
                          env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = path.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3
    assert "Attorney sign-off" in text and deposition_packet.doc_id in text
    assert "<PERSON_1>" in text


def test_docx_keeps_tabs_and_line_breaks_and_drops_characters_xml_cannot_hold(engine):
    text = ("MEMO\nThe claim was\tfiled on time.\x0b It was\x01 paid.\nSecond line.\f"
            "Page two of the memo.\n")
    packet = engine.review_text(text, kind="other").packet
    data = DocxRenderer().render(packet)
    assert data == DocxRenderer().render(packet)  # deterministic bytes
    doc = open_docx(io.BytesIO(data))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "The claim was\tfiled on time. It was paid.\nSecond line." in body
    pages = [p for p in doc.paragraphs if p.style.name == "Redacted Text"]
    assert len(pages) == 2 and pages[1].paragraph_format.page_break_before
    assert pages[1].text.startswith("Page two of the memo.")
