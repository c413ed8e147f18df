"""The clauses stage and the contract abstract: what a reviewing lawyer relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from lpo_review.config import Config
from lpo_review.model import LineMap, RedactionEntry
from lpo_review.stages.base import StageInput
from lpo_review.stages.clauses import plugin
from lpo_review.stages.clauses.abstract import ContractAbstract
from lpo_review.stages.clauses.cuad_data import load_contracts, split_contracts
from lpo_review.stages.clauses.evaluation import finds
from lpo_review.stages.clauses.segment import segment
from lpo_review.stages.clauses.stage import ClauseStage, load_model

ROOT = Path(__file__).resolve().parents[2]
CUAD = ROOT / ".." / "shared" / "data" / "cuad"

GOVERNING_LAW = ("This Agreement shall be governed by and construed in accordance with the laws "
                 "of the State of New York, without regard to its conflict of laws principles.")
ASSIGNMENT = ("Neither party may assign this Agreement or any of its rights hereunder without "
              "the prior written consent of the other party, which shall not be unreasonably withheld.")
TERM = ("The term of this Agreement shall commence on the Effective Date and continue for a "
        "period of three (3) years, unless earlier terminated as provided herein.")
CAP = ("IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY ARISING OUT OF THIS AGREEMENT "
       "EXCEED THE TOTAL FEES PAID BY DISTRIBUTOR IN THE TWELVE (12) MONTHS PRECEDING THE CLAIM.")
FILLER = ("Distributor shall use commercially reasonable efforts to market the Products in the "
          "Territory and shall keep Supplier reasonably informed of its activities.")


def contract_text(*, governing_law: bool = True, filler_sections: int = 4,
                  parties: tuple[str, str] = ("Acme Widgets, Inc.", "Globex Trading LLC")) -> str:
    """An EDGAR-like distribution agreement: title, preamble, numbered sections, page debris."""
    body = [
        "                         DISTRIBUTION AGREEMENT",
        "",
        (f'This Distribution Agreement is entered into as of March 3, 2015 by and between '
         f'{parties[0]}, a Delaware corporation ("Supplier"), and {parties[1]}, a New York '
         f'limited liability company ("Distributor").'),
        "",
        "NOW, THEREFORE, the parties agree as follows:",
        "",
        "1. TERM",
        "",
        f"1.1 Term.\u2003{TERM}",
        "",
    ]
    for k in range(filler_sections):
        body += [f"{k + 2}. OBLIGATIONS {k + 2}", "", f"{k + 2}.1 {FILLER}", "", "-7-", "", "\f"]
    n = filler_sections + 2
    body += [f"{n}. LIMITATION OF LIABILITY", "", f"{n}.1 {CAP}", "",
             f"{n + 1}. MISCELLANEOUS", "", f"{n + 1}.1 Assignment. {ASSIGNMENT}", ""]
    if governing_law:
        body += [f"{n + 1}.2 Governing Law. {GOVERNING_LAW}", ""]
    return "\n".join(body)


def stage_input(text: str, redactions: list[RedactionEntry] | None = None,
                original: str | None = None, **options: object) -> StageInput:
    return StageInput(doc_id="DOC-TEST", kind="contract", text=text, is_original=redactions is None,
                      lines=LineMap.from_text(original if original is not None else text),
                      redactions=redactions or [], options=dict(options))


def labels_at(result, needle_text: str, text: str) -> set[str]:
    start = text.index(needle_text)
    gold = (start, start + len(needle_text))
    return {f.label for f in result.findings if finds((f.start, f.end), gold)}


@pytest.fixture(scope="module")
def sample():
    text = contract_text()
    return text, ClauseStage().run(stage_input(text))


def test_finds_the_clauses_a_lawyer_marks(sample):
    text, result = sample
    assert "Governing Law" in labels_at(result, GOVERNING_LAW, text)
    assert "Anti-Assignment" in labels_at(result, ASSIGNMENT, text)
    assert "Cap On Liability" in labels_at(result, CAP, text)
    assert "Expiration Date" in labels_at(result, TERM, text)
    phrases = {(f.label, f.text) for f in result.findings}
    assert ("Parties", "Acme Widgets, Inc.") in phrases
    assert ("Parties", "Globex Trading LLC") in phrases
    assert ("Agreement Date", "March 3, 2015") in phrases
    assert ("Document Name", "DISTRIBUTION AGREEMENT") in phrases


def test_findings_cite_page_and_line_and_carry_scores(sample):
    text, result = sample
    law = next(f for f in result.findings if f.label == "Governing Law")
    lines = LineMap.from_text(text)
    assert law.cite == lines.cite(law.start, law.end)
    assert law.cite.startswith("5:")  # four filler sections, each ending in a form feed
    assert all(f.stage == "clauses" and 0.0 <= (f.score or -1) <= 1.0 for f in result.findings)
    assert all(text[f.start:f.end] == f.text for f in result.findings)


def test_missing_governing_law_is_reported():
    text = contract_text(governing_law=False)
    doc = stage_input(text)
    result = ClauseStage().run(doc)
    assert "Governing Law" not in {f.label for f in result.findings}
    assert "No Governing Law clause found" in result.notes
    doc.findings = result.findings
    rows = {r["item"]: r for r in ContractAbstract().draft(doc)[0].rows}
    assert rows["Governing law"]["summary"] == "No Governing Law clause found"
    assert rows["Governing law"]["cite"] == ""


def test_abstract_lines_cite_their_clauses(sample):
    text, result = sample
    doc = stage_input(text)
    doc.findings = result.findings
    (draft,) = ContractAbstract().draft(doc)
    assert draft.kind == "contract_abstract" and draft.columns == ["item", "summary", "cite"]
    rows = {r["item"]: r for r in draft.rows}
    assert rows["Governing law"]["summary"].startswith("New York")
    law = next(f for f in result.findings if f.label == "Governing Law")
    assert rows["Governing law"]["cite"] == law.cite
    assert "Acme Widgets, Inc." in rows["Parties"]["summary"]
    assert rows["Agreement date"]["summary"] == "March 3, 2015"
    for item in ("Term", "Liability cap", "Assignment"):
        assert rows[item]["cite"], item


def test_redacted_contract_keeps_clauses_and_original_citations():
    original = contract_text()
    name = "Acme Widgets, Inc."
    placeholder = "<ORGANIZATION_1>"
    redacted = original.replace(name, placeholder)
    starts, red_starts, delta = [], [], 0
    pos = original.find(name)
    while pos != -1:
        starts.append(pos)
        red_starts.append(pos + delta)
        delta += len(placeholder) - len(name)
        pos = original.find(name, pos + 1)
    lines = LineMap.from_text(original)
    entries = [RedactionEntry(entity_type="ORGANIZATION", start=s, end=s + len(name),
                              redacted_start=r, redacted_end=r + len(placeholder),
                              cite=lines.cite(s), recognizer="test", score=1.0,
                              placeholder=placeholder) for s, r in zip(starts, red_starts, strict=True)]
    result = ClauseStage().run(stage_input(redacted, entries, original))
    law = next(f for f in result.findings if f.label == "Governing Law")
    o_start = original.index(GOVERNING_LAW)
    assert law.cite == lines.cite(o_start, o_start + len(GOVERNING_LAW)) or law.cite.startswith(
        lines.cite(o_start))
    assert ("Parties", placeholder) in {(f.label, f.text) for f in result.findings}
    assert name not in " ".join(f.text for f in result.findings)


def test_a_very_long_contract_keeps_its_clauses():
    """(Its time is measured by benchmarks/bounded_time.py.)"""
    text = contract_text(filler_sections=1600)
    assert len(text) > 300_000
    result = ClauseStage().run(stage_input(text))
    assert "Governing Law" in labels_at(result, GOVERNING_LAW, text)


def test_segmenter_handles_edgar_layout():
    text = contract_text()
    segments = segment(text)
    pieces = [text[s.start:s.end] for s in segments]
    assert "-7-" not in pieces  # page numbers are debris, not clauses
    law = next(s for s in segments if "governed by" in text[s.start:s.end])
    assert law.heading.endswith("MISCELLANEOUS")
    assert text[law.start:law.end].endswith("principles.")
    assert any(p == TERM or p.endswith(TERM) for p in pieces)  # after a typographic em space


def test_threshold_option_is_validated(sample):
    text, _ = sample
    from lpo_review.errors import StageError
    with pytest.raises(StageError, match="threshold"):
        ClauseStage().run(stage_input(text, threshold=2))
    everything = ClauseStage().run(stage_input(text, threshold=0.05))
    assert len(everything.findings) > len(ClauseStage().run(stage_input(text)).findings)


def test_plugin_registers_stage_and_abstract():
    config = Config()
    (stage,) = plugin.lpo_review_stages(config)
    (summarizer,) = plugin.lpo_review_summarizers(config)
    assert stage.name == "clauses" and stage.applies_to("contract") and not stage.applies_to("medical")
    assert summarizer.name == "contract_abstract" and not stage.needs_original


def test_model_is_small_and_plain():
    """(Its load time is measured by benchmarks/bounded_time.py.)"""
    load_model.cache_clear()
    model = load_model()
    assert len(model.categories) == 41
    size = sum(p.stat().st_size for p in (ROOT / "models" / "clauses").iterdir())
    assert size < 40e6


@pytest.mark.skipif(not (CUAD / "train.jsonl").is_file(), reason="CUAD data not available")
def test_held_out_cuad_contracts_governing_law_found():
    model = load_model()
    cfg = model.meta["config"]
    _, _, test = split_contracts(load_contracts(CUAD.resolve()), cfg["seed"],
                                 cfg["test_fraction"], cfg["valid_fraction"])
    gold = [(c, (s, e)) for c in test[:20] for cat, s, e in c.spans if cat == "Governing Law"]
    found = 0
    for contract, span in gold:
        clauses = model.extract(contract.text)
        found += any(k.accepted and k.category == "Governing Law" and finds((k.start, k.end), span)
                     for k in clauses)
    assert found >= 0.75 * len(gold)
