"""Scans: page images and PDF pages without a text layer are read by OCR, line by line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from lpo_review.engine import Engine
from lpo_review.errors import IngestError
from lpo_review.ingest import ocr

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
from samplegen.scans import scan, scan_document, scanned_pdf  # noqa: E402

pytestmark = pytest.mark.skipif(ocr.missing() is not None, reason="OCR not installed here")

RECORD = """RIVERBEND FAMILY MEDICINE
Progress notes

Date of Service: 03/16/2023
Provider: Dr. Okafor
Assessment: Type 2 diabetes mellitus with hyperglycemia. HbA1c 9.2 %.
Plan: Start metformin 500 mg twice daily. Follow up in 3 months.

Date of Service: 06/22/2023
Provider: Dr. Okafor
Assessment: Type 2 diabetes, improving. HbA1c 7.8 %.
Plan: Continue metformin. Recheck in 3 months.
"""


@pytest.fixture(scope="module")
def scanned_record(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "record.pdf"
    path.write_bytes(scanned_pdf(scan_document(RECORD, "skew-2deg")))
    return path


def test_a_scanned_medical_record_gives_a_chronology(scanned_record):
    review = Engine().review_file(scanned_record)
    packet = review.packet
    assert packet.kind == "medical"
    [chronology] = [d for d in packet.drafts if d.kind == "medical_chronology"]
    rows = [r for r in chronology.rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2023-03-16", "2023-06-22"]
    assert "metformin" in rows[0]["plan"].lower()
    assert rows[0]["cite"].startswith("1:")  # page:line from the OCR's own lines
    assert packet.meta["ocr"]["pages"] and not packet.meta["ocr"]["low_confidence_pages"]


def test_a_mixed_pdf_reads_only_its_pages_without_text_by_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Page one has a text layer.")
    pdf.add_page()
    image = scan(["Page two was scanned: HbA1c 9.2 % on 03/06/2023."], "clean-300dpi")
    pdf.image(image, x=0, y=0, w=pdf.w)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(bytes(pdf.output()))
    document = Engine().read(path)
    assert "Page one has a text layer." in document.text
    assert "Page two was scanned" in document.text
    assert list(document.meta["ocr"]["pages"]) == [2]


def test_an_image_without_writing_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "blank.png"
    Image.new("L", (800, 600), 255).save(path)
    with pytest.raises(IngestError) as info:
        Engine().read(path)
    assert info.value.reason == "no_text" and "no text" in str(info.value)


def test_a_multi_page_tiff_is_read_page_by_page(tmp_path):
    pages = scan_document(RECORD, "clean-300dpi", per_page=8)
    path = tmp_path / "record.tiff"
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate")
    document = Engine().read(path)
    assert document.lines.page_count == len(pages) >= 2
    assert "06/22/2023" in document.text


def test_without_ocr_a_scan_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL_HINT)
    path = tmp_path / "page.png"
    scan(["Some words"], "clean-300dpi").save(path)
    with pytest.raises(IngestError) as info:
        Engine().read(path)
    assert info.value.reason == "needs_ocr" and "tesseract-ocr" in str(info.value)
