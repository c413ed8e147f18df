"""Small files that expand without bound are refused while they are read (limits.max_chars,
limits.max_page_chars), with the figures, not after filling memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from make_inputs import make_docx_bomb, make_pdf_shared_stream_bomb

from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.errors import IngestError


def test_a_docx_unpacking_to_200m_characters_is_refused_before_parsing(tmp_path, failure):
    bomb = make_docx_bomb(tmp_path / "bomb.docx", 200_000_000)
    assert bomb.stat().st_size < 1_000_000
    reason, message = failure(bomb)
    assert reason == "too_large"
    assert "MB of XML" in message and "limits.max_chars" in message


def test_a_pdf_whose_pages_share_a_1mb_stream_is_refused_at_its_first_page(tmp_path, failure):
    bomb = make_pdf_shared_stream_bomb(tmp_path / "bomb.pdf", pages=300, page_chars=1_000_000)
    assert bomb.stat().st_size < 50_000
    reason, message = failure(bomb)
    assert reason == "too_large"
    assert "page 1," in message and "limits.max_page_chars" in message


def test_the_document_limit_counts_every_page_read_so_far(tmp_path):
    pdf = make_pdf_shared_stream_bomb(tmp_path / "long.pdf", pages=10, page_chars=20_000)
    engine = Engine(Config(limits={"max_chars": 100_000}))
    with pytest.raises(IngestError) as info:
        engine.read(pdf)
    assert info.value.reason == "too_large"
    assert "(pages 1-5 of 10)" in str(info.value) and "limits.max_chars" in str(info.value)
    assert Engine().read(pdf).lines.page_count == 10  # within the default limits it is read


def test_every_reader_is_held_to_the_character_limit(tmp_path: Path):
    text = tmp_path / "long.txt"
    text.write_text("Ordinary words of a long letter. " * 4_000)
    with pytest.raises(IngestError) as info:
        Engine(Config(limits={"max_chars": 100_000})).read(text)
    assert info.value.reason == "too_large" and "limits.max_chars" in str(info.value)
