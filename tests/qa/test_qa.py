"""QA sampling audits: plan size, reproducible draws, recorded findings, the report."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from scipy.stats import binomtest

from lpo_review.confidential.audit import AuditLog
from lpo_review.errors import GuardRefusal
from lpo_review.qa.cli import qa
from lpo_review.qa.plan import CATEGORIES, sample_size
from lpo_review.qa.record import record_result
from lpo_review.qa.report import build_report, decide, write_report
from lpo_review.qa.sample import (
    QADefect,
    QAItem,
    QASample,
    draw_sample,
    read_sample,
    write_sample,
)
from lpo_review.returns.model import WorkProduct
from lpo_review.returns.store import work_id, write_work


def _work(out: Path, n: int, vendor: str = "Acme LPO", status: str = "approved",
          ret: str = "RET-1", received: datetime | None = None) -> list[str]:
    """Write ``n`` work products of ``vendor``; their work IDs."""
    ids = []
    for i in range(n):
        doc = f"DOC-{vendor[:4].upper().replace(' ', '')}{status[:2].upper()}{i:06d}"
        write_work(out, WorkProduct(
            work_id=f"{ret}:{doc}", return_id=ret, export_id="EXP-1", vendor=vendor,
            doc_id=doc, export_doc=f"X-{i:06d}",
            received_at=received or datetime(2024, 3, 5, 12, tzinfo=UTC),
            status=status,  # type: ignore[arg-type]
        ))
        ids.append(work_id(doc, ret))
    return ids


def _sample(out: Path, sid: str, vendor: str, drawn: datetime, results: Sequence[list[str] | None],
            rate: float = 0.05) -> QASample:
    """A stored sample whose items are checked (list of categories) or not (None)."""
    items = []
    for i, cats in enumerate(results):
        item = QAItem(work_id=f"DOC-{sid[-6:]}{i:04d}@RET-1", doc_id=f"DOC-{sid[-6:]}{i:04d}")
        if cats is not None:
            item.checked = True
            item.defects = [QADefect(category=c, note="", recorded_at=drawn,  # type: ignore[arg-type]
                                     reviewer="Q") for c in cats]
        items.append(item)
    sample = QASample(sample_id=sid, vendor=vendor, drawn_at=drawn, seed=1, defect_rate=rate,
                      confidence=0.95, plan_size=len(items), population=len(items),
                      items=items)
    write_sample(out, sample)
    return sample


# --- plan -----------------------------------------------------------------------------------


def test_sample_size_known_values() -> None:
    assert sample_size(0.05, 0.95) == 59
    assert sample_size(0.01, 0.95) == 299
    assert sample_size(0.10, 0.90) == 22
    for p, c in [(0.05, 0.95), (0.01, 0.99), (0.2, 0.5), (0.5, 0.75)]:
        n = sample_size(p, c)
        assert 1 - (1 - p) ** n >= c > 1 - (1 - p) ** (n - 1)
    assert sample_size(0.5, 0.5) == 1
    for p, c in [(0, 0.95), (1, 0.95), (0.05, 0), (0.05, 1), (-0.1, 0.9), (float("nan"), 0.9)]:
        with pytest.raises(ValueError):
            sample_size(p, c)
    assert CATEGORIES == ("missed_fact", "wrong_cite", "advice_language", "redaction_failure",
                          "wrong_coding")


# --- sample ---------------------------------------------------------------------------------


def test_same_seed_same_sample_different_seed_different(tmp_path: Path) -> None:
    _work(tmp_path, 200)
    a = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=42)
    b = draw_sample(tmp_path, "acme lpo", 0.05, 0.95, seed=42)
    c = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=43)
    ids = [[i.work_id for i in s.items] for s in (a, b, c)]
    assert len(ids[0]) == 59 and len(set(ids[0])) == 59
    assert ids[0] == ids[1] and ids[0] != ids[2]
    assert a.sample_id != b.sample_id
    assert (a.seed, a.plan_size, a.population, a.vendor) == (42, 59, 200, "Acme LPO")
    stored = read_sample(tmp_path, a.sample_id)
    assert stored == a
    assert (tmp_path / "qa" / "samples" / f"{a.sample_id}.json").is_file()
    assert a.sample_id.startswith(f"QA-{a.drawn_at:%Y%m%d}-") and len(a.sample_id) == 18


def test_random_seed_is_recorded_and_reproduces(tmp_path: Path) -> None:
    _work(tmp_path, 100)
    a = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95)
    again = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=a.seed)
    assert [i.work_id for i in again.items] == [i.work_id for i in a.items]
    entry = AuditLog.for_matter(tmp_path).entries()[0]
    assert entry.action == "qa_sample" and entry.details["seed"] == a.seed


def test_only_approved_work_of_the_vendor(tmp_path: Path) -> None:
    approved = _work(tmp_path, 10)
    _work(tmp_path, 10, status="pending_attorney_review")
    _work(tmp_path, 10, status="returned")
    _work(tmp_path, 10, vendor="Other LPO")
    s = draw_sample(tmp_path, "ACME LPO", 0.05, 0.95, seed=1)
    assert s.population == 10 and s.plan_size == 59
    assert sorted(i.work_id for i in s.items) == sorted(approved)
    with pytest.raises(GuardRefusal, match="no approved work"):
        draw_sample(tmp_path, "Nobody LPO", 0.05, 0.95, seed=1)


def test_period_limits_the_population(tmp_path: Path) -> None:
    march = _work(tmp_path, 5, received=datetime(2024, 3, 9, tzinfo=UTC))
    _work(tmp_path, 5, ret="RET-2", received=datetime(2024, 4, 2, tzinfo=UTC))
    s = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=3, period="2024-03")
    assert s.period == "2024-03" and sorted(i.work_id for i in s.items) == sorted(march)
    with pytest.raises(GuardRefusal, match="received in 2024-05"):
        draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=3, period="2024-05")
    with pytest.raises(ValueError):
        draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=3, period="2024-13")


# --- record ---------------------------------------------------------------------------------


def test_record_results_and_refusals(tmp_path: Path) -> None:
    ids = _work(tmp_path, 80)
    s = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=7, reviewer="QA Two", actor="pm")
    first, second = s.items[0].work_id, s.items[1].work_id
    item = record_result(tmp_path, s.sample_id, first,
                         categories=["wrong_cite", "missed_fact", "wrong_cite"],
                         note="cite to p. 12 should be p. 21", reviewer="QA Two")
    assert item.checked and [d.category for d in item.defects] == ["wrong_cite", "missed_fact"]
    record_result(tmp_path, s.sample_id, second, categories=[], reviewer="QA Two")
    stored = read_sample(tmp_path, s.sample_id)
    by_id = {i.work_id: i for i in stored.items}
    assert by_id[first].defects[0].note == "cite to p. 12 should be p. 21"
    assert by_id[second].checked and by_id[second].defects == []
    assert not any(i.checked for i in stored.items[2:])

    with pytest.raises(GuardRefusal, match="allowed: missed_fact, wrong_cite"):
        record_result(tmp_path, s.sample_id, first, categories=["typo"], reviewer="QA Two")
    outside = next(w for w in ids if w not in by_id)
    with pytest.raises(GuardRefusal, match="not in QA sample"):
        record_result(tmp_path, s.sample_id, outside, categories=[], reviewer="QA Two")
    with pytest.raises(GuardRefusal, match="no QA sample"):
        record_result(tmp_path, "QA-20240101-abcdef", first, categories=[], reviewer="QA Two")
    with pytest.raises(GuardRefusal, match="not a QA sample ID"):
        record_result(tmp_path, "../../etc", first, categories=[], reviewer="QA Two")
    assert read_sample(tmp_path, s.sample_id) == stored  # refusals change nothing

    log = AuditLog.for_matter(tmp_path)
    assert log.verify() == []
    actions = [e.action for e in log.entries()]
    assert actions == ["qa_sample", "qa_result", "qa_result"]
    sampled, result = log.entries()[0], log.entries()[1]
    assert sampled.actor == "pm" and len(sampled.documents) == 59
    assert sampled.details["n"] == 59 and sampled.details["population"] == 80
    assert result.details["categories"] == ["wrong_cite", "missed_fact"]
    assert "cite to p. 12" not in json.dumps(result.details)  # the note stays in the sample


# --- report ---------------------------------------------------------------------------------


def test_report_interval_matches_scipy(tmp_path: Path) -> None:
    results: list[list[str] | None] = [["missed_fact"]] * 3 + [["wrong_cite", "wrong_coding"]] \
        + [[]] * 36 + [None] * 10
    _sample(tmp_path, "QA-20240310-aaaaaa", "Acme LPO", datetime(2024, 3, 10, tzinfo=UTC),
            results)
    v = build_report(tmp_path).vendors[0]
    assert (v.items_drawn, v.items_checked, v.items_defective) == (50, 40, 4)
    assert v.defect_rate == pytest.approx(0.1)
    wilson = binomtest(4, 40).proportion_ci(confidence_level=0.95, method="wilson")
    exact = binomtest(4, 40).proportion_ci(confidence_level=0.95, method="exact")
    assert v.wilson is not None and v.exact is not None
    assert (v.wilson.low, v.wilson.high) == pytest.approx((wilson.low, wilson.high))
    assert (v.exact.low, v.exact.high) == pytest.approx((exact.low, exact.high))
    assert v.wilson.low == pytest.approx(0.0396, abs=1e-4)  # sanity against published values
    assert v.wilson.high == pytest.approx(0.2305, abs=1e-4)
    assert v.by_category == {"missed_fact": 3, "wrong_cite": 1, "advice_language": 0,
                             "redaction_failure": 0, "wrong_coding": 1}


@pytest.mark.parametrize(("defective", "checked", "rate", "expected"), [
    (0, 100, 0.05, "accept"),          # Wilson upper ~3.7% <= 5%
    (20, 100, 0.05, "reject"),         # Wilson lower ~13.3% > 5%
    (3, 59, 0.05, "continue sampling"),
    (0, 59, 0.05, "continue sampling"),  # a clean discovery sample: upper ~6.1% > 5%
    (0, 100, None, "accept"),          # default: the sample's planned rate (5%)
])
def test_report_decision(tmp_path: Path, defective: int, checked: int, rate: float | None,
                         expected: str) -> None:
    results = [["advice_language"]] * defective + [[]] * (checked - defective)
    _sample(tmp_path, "QA-20240310-bbbbbb", "Acme LPO", datetime(2024, 3, 10, tzinfo=UTC),
            results)
    v = build_report(tmp_path, acceptable_rate=rate).vendors[0]
    assert v.decision == expected
    assert v.acceptable_rate == (rate or 0.05)
    assert decide(v.wilson, v.acceptable_rate) == expected


def test_report_default_rate_is_largest_planned_and_nothing_checked(tmp_path: Path) -> None:
    _sample(tmp_path, "QA-20240310-cccccc", "Acme LPO", datetime(2024, 3, 10, tzinfo=UTC),
            [None] * 5, rate=0.02)
    _sample(tmp_path, "QA-20240311-dddddd", "acme lpo", datetime(2024, 3, 11, tzinfo=UTC),
            [None] * 5, rate=0.08)
    report = build_report(tmp_path)
    [v] = report.vendors
    assert v.acceptable_rate == 0.08 and v.samples == ["QA-20240310-cccccc", "QA-20240311-dddddd"]
    assert v.items_checked == 0 and v.wilson is None and v.decision == "continue sampling"
    with pytest.raises(GuardRefusal, match="no QA samples of vendor 'Other'"):
        build_report(tmp_path, vendor="Other")
    with pytest.raises(ValueError):
        build_report(tmp_path, acceptable_rate=1.5)


def test_report_trend_by_period_and_vendors(tmp_path: Path) -> None:
    _sample(tmp_path, "QA-20240310-eeeeee", "Acme LPO", datetime(2024, 3, 10, tzinfo=UTC),
            [["missed_fact"]] + [[]] * 9)
    _sample(tmp_path, "QA-20240402-ffffff", "Acme LPO", datetime(2024, 4, 2, tzinfo=UTC),
            [["wrong_cite"]] * 3 + [[]] * 17)
    _sample(tmp_path, "QA-20240402-121212", "Beta Review", datetime(2024, 4, 2, tzinfo=UTC),
            [[]] * 4)
    report = build_report(tmp_path)
    assert [v.vendor for v in report.vendors] == ["Acme LPO", "Beta Review"]
    trend = report.vendors[0].trend
    assert [(p.period, p.checked, p.defective) for p in trend] == \
        [("2024-03", 10, 1), ("2024-04", 20, 3)]
    assert trend[0].defect_rate == pytest.approx(0.1) and trend[1].defect_rate == 0.15
    assert report.vendors[0].items_checked == 30
    only = build_report(tmp_path, vendor="beta review")
    assert [v.vendor for v in only.vendors] == ["Beta Review"]


def test_item_in_two_samples_counts_once(tmp_path: Path) -> None:
    _work(tmp_path, 5)
    a = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=1)
    b = draw_sample(tmp_path, "Acme LPO", 0.05, 0.95, seed=2)
    wid = a.items[0].work_id
    record_result(tmp_path, a.sample_id, wid, categories=[], reviewer="Q")
    record_result(tmp_path, b.sample_id, wid, categories=["missed_fact"], reviewer="Q")
    v = build_report(tmp_path).vendors[0]
    assert (v.items_drawn, v.items_checked, v.items_defective) == (5, 1, 1)


def test_report_files_and_html_escaping(tmp_path: Path) -> None:
    out = tmp_path / "matter"
    _work(out, 30)
    s = draw_sample(out, "Acme LPO", 0.1, 0.9, seed=5)
    record_result(out, s.sample_id, s.items[0].work_id, categories=["advice_language"],
                  note='says "you should settle" <script>alert(1)</script>',
                  reviewer="Quinn Reviewer")
    record_result(out, s.sample_id, s.items[1].work_id, categories=[],
                  reviewer="Quinn Reviewer")
    paths = write_report(build_report(out), tmp_path / "report")
    assert [p.name for p in paths] == ["qa-report.json", "qa-report.html", "qa-report.docx"]

    data = json.loads(paths[0].read_text(encoding="utf-8"))
    assert data["format"] == "lpo-review-qa-report/1"
    assert data["vendors"][0]["decision"] in ("accept", "reject", "continue sampling")
    assert data["vendors"][0]["findings"][0]["note"].endswith("<script>alert(1)</script>")
    assert "Wilson" in data["decision_rule"]
    assert not any(b"Quinn" in p.read_bytes() for p in paths[:2])  # no reviewer names

    page = paths[1].read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;you should settle&quot;" in page
    assert "Decision rule" in page and "continue sampling" in page

    with zipfile.ZipFile(paths[2]) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "QA sampling report" in body and "Decision rule" in body
    assert "Acme LPO" in body and "advice language" in body
    assert "&lt;script&gt;" in body and "Quinn" not in body
    assert AuditLog.for_matter(out).verify() == []


# --- command line ---------------------------------------------------------------------------


def test_cli_sample_record_report(tmp_path: Path) -> None:
    out = tmp_path / "matter"
    ids = _work(out, 70)
    runner = CliRunner()
    res = runner.invoke(qa, ["sample", str(out), "--vendor", "Acme LPO", "--defect-rate", "0.05",
                             "--seed", "11", "--reviewer", "QA Two", "--actor", "pm"])
    assert res.exit_code == 0, res.output
    assert "59 of 70" in res.output and "seed 11" in res.output
    sample_id = res.output.split(":")[0]
    drawn = [line.strip() for line in res.output.splitlines() if line.startswith("  ")]
    assert len(drawn) == 59 and set(drawn) <= set(ids)

    res = runner.invoke(qa, ["record", str(out), sample_id, drawn[0], "--category", "wrong_cite",
                             "--note", "wrong page", "--reviewer", "QA Two"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(qa, ["record", str(out), sample_id, drawn[1], "--category", "typo",
                             "--reviewer", "QA Two"])
    assert res.exit_code == 1 and "refused:" in res.output and "allowed:" in res.output
    res = runner.invoke(qa, ["sample", str(out), "--vendor", "Acme LPO", "--defect-rate", "1.5"])
    assert res.exit_code == 2
    res = runner.invoke(qa, ["sample", str(out), "--vendor", "Acme LPO", "--defect-rate", "0.05",
                             "--period", "March"])
    assert res.exit_code == 2
    res = runner.invoke(qa, ["sample", str(out), "--vendor", "Nobody", "--defect-rate", "0.05"])
    assert res.exit_code == 1 and "no approved work" in res.output

    res = runner.invoke(qa, ["report", str(out), "--to", str(tmp_path / "rep"),
                             "--acceptable-rate", "0.5"])
    assert res.exit_code == 0, res.output
    assert "1 of 1 checked with a defect" in res.output
    assert (tmp_path / "rep" / "qa-report.docx").is_file()
    assert AuditLog.for_matter(out).verify() == []
