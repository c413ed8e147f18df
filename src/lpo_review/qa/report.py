"""The QA report: each vendor's defect rate with 95% intervals, its trend and the decision.

Decision rule (stated in every report): with acceptable defect rate ``a`` (given, else the
largest defect rate the vendor's samples were planned for), **accept** when the upper bound of
the 95% Wilson interval of the defect rate is at or below ``a``; **reject** when its lower bound
is above ``a``; otherwise **continue sampling** (also when nothing has been checked yet).

Intervals come from :func:`scipy.stats.binomtest` (``proportion_ci``, Wilson and exact
Clopper-Pearson).  A work product drawn into several samples of the same vendor counts once:
checked if any sample checked it, defective if any found a defect, in the month (of
``drawn_at``) of the earliest sample that checked it.

The report holds IDs, counts, categories and the QA reviewers' notes as written; no names of
people and no document content.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field
from scipy.stats import binomtest

from lpo_review.errors import GuardRefusal
from lpo_review.packets.atomic import atomic_write
from lpo_review.qa.plan import CATEGORIES, category_label
from lpo_review.qa.sample import QAItem, QASample, list_samples

REPORT_FORMAT: Final = "lpo-review-qa-report/1"
CONFIDENCE_LEVEL = 0.95
DECISION_RULE = (
    "Accept when the upper bound of the 95% Wilson interval of the defect rate is at or below "
    "the acceptable rate; reject when its lower bound is above the acceptable rate; otherwise "
    "continue sampling. The acceptable rate is the one stated for the report, else the largest "
    "defect rate the vendor's samples were planned for."
)
REPORT_FILES = ("qa-report.json", "qa-report.html", "qa-report.docx")

Decision = Literal["accept", "reject", "continue sampling"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Interval(_Strict):
    """A 95% confidence interval of a defect rate."""

    low: float
    high: float


class PeriodQA(_Strict):
    """One month of a vendor's trend (month of the sample's ``drawn_at``)."""

    period: str = Field(description="YYYY-MM.")
    checked: int
    defective: int
    defect_rate: float | None = Field(description="defective / checked; None if none checked.")


class Finding(_Strict):
    """A defect as the QA reviewer recorded it (the reviewer's name is left out)."""

    sample_id: str
    work_id: str
    category: str
    note: str


class VendorQA(_Strict):
    """One vendor's QA result over every sample."""

    vendor: str
    samples: list[str]
    items_drawn: int
    items_checked: int
    items_defective: int = Field(description="Checked items with at least one defect.")
    defect_rate: float | None
    wilson: Interval | None = Field(description="95% Wilson score interval.")
    exact: Interval | None = Field(description="95% exact (Clopper-Pearson) interval.")
    acceptable_rate: float
    decision: Decision
    by_category: dict[str, int] = Field(description="Defects recorded, by category.")
    trend: list[PeriodQA]
    findings: list[Finding]


class QAReport(_Strict):
    """The QA report over a matter's samples."""

    format: Literal["lpo-review-qa-report/1"] = REPORT_FORMAT
    generated_at: datetime
    confidence_level: float = CONFIDENCE_LEVEL
    decision_rule: str = DECISION_RULE
    vendors: list[VendorQA]


# --------------------------------------------------------------------------------------------
# building
# --------------------------------------------------------------------------------------------


def interval(k: int, n: int, method: Literal["wilson", "exact"]) -> Interval | None:
    """The 95% interval of ``k`` defective out of ``n`` checked (None when ``n`` is 0)."""
    if n == 0:
        return None
    ci = binomtest(k, n).proportion_ci(confidence_level=CONFIDENCE_LEVEL, method=method)
    return Interval(low=float(ci.low), high=float(ci.high))


def decide(wilson: Interval | None, acceptable_rate: float) -> Decision:
    """The decision rule (see the module docstring) on a Wilson interval."""
    if wilson is None:
        return "continue sampling"
    if wilson.high <= acceptable_rate:
        return "accept"
    if wilson.low > acceptable_rate:
        return "reject"
    return "continue sampling"


@dataclass
class _Merged:
    """One work product over every sample of a vendor that drew it."""

    checked: bool = False
    defective: bool = False
    period: str | None = None


@dataclass
class _Vendor:
    name: str
    samples: list[QASample] = field(default_factory=list)


def _vendor_result(group: _Vendor, acceptable_rate: float | None) -> VendorQA:
    merged: dict[str, _Merged] = {}
    categories: Counter[str] = Counter({c: 0 for c in CATEGORIES})
    findings: list[Finding] = []
    for sample in group.samples:  # oldest draw first
        month = f"{sample.drawn_at:%Y-%m}"
        for item in sample.items:
            entry = merged.setdefault(item.work_id, _Merged())
            if item.checked and not entry.checked:
                entry.checked, entry.period = True, month
            entry.defective = entry.defective or _defective(item)
            for defect in item.defects:
                categories[defect.category] += 1
                findings.append(Finding(sample_id=sample.sample_id, work_id=item.work_id,
                                        category=defect.category, note=defect.note))
    checked = [m for m in merged.values() if m.checked]
    n, k = len(checked), sum(m.defective for m in checked)
    periods: dict[str, list[_Merged]] = {}
    for entry in checked:
        periods.setdefault(entry.period or "", []).append(entry)
    trend = [PeriodQA(period=p, checked=len(v), defective=sum(m.defective for m in v),
                      defect_rate=sum(m.defective for m in v) / len(v))
             for p, v in sorted(periods.items())]
    rate = acceptable_rate if acceptable_rate is not None else \
        max(s.defect_rate for s in group.samples)
    wilson = interval(k, n, "wilson")
    return VendorQA(
        vendor=group.name,
        samples=[s.sample_id for s in group.samples],
        items_drawn=len(merged),
        items_checked=n,
        items_defective=k,
        defect_rate=k / n if n else None,
        wilson=wilson,
        exact=interval(k, n, "exact"),
        acceptable_rate=rate,
        decision=decide(wilson, rate),
        by_category=dict(categories),
        trend=trend,
        findings=findings,
    )


def _defective(item: QAItem) -> bool:
    return item.checked and bool(item.defects)


def build_report(
    out_dir: Path, vendor: str | None = None, acceptable_rate: float | None = None
) -> QAReport:
    """The QA report over every sample of the matter (of ``vendor`` only, if given).

    Per vendor: items checked, items with at least one defect, the defect rate, its 95% Wilson
    and exact (Clopper-Pearson) intervals from :func:`scipy.stats.binomtest`, defects by
    category, the trend by month of draw, and the decision: with acceptable rate ``a``
    (``acceptable_rate``, else the largest ``defect_rate`` of the vendor's samples), "accept"
    if the Wilson upper bound <= ``a``, "reject" if the Wilson lower bound > ``a``, else
    "continue sampling".

    :raises ValueError: an acceptable rate outside (0, 1).
    :raises GuardRefusal: no QA samples (of that vendor).
    """
    if acceptable_rate is not None and not 0.0 < acceptable_rate < 1.0:
        raise ValueError(
            f"acceptable rate must be between 0 and 1 (exclusive), got {acceptable_rate!r}")
    groups: dict[str, _Vendor] = {}
    wanted = vendor.strip().casefold() if vendor is not None else None
    for sample in list_samples(out_dir):
        key = sample.vendor.strip().casefold()
        if wanted is None or key == wanted:
            groups.setdefault(key, _Vendor(sample.vendor)).samples.append(sample)
    if not groups:
        of = f" of vendor {vendor!r}" if vendor is not None else ""
        raise GuardRefusal(f"no QA samples{of} in {Path(out_dir) / 'qa' / 'samples'}")
    return QAReport(
        generated_at=datetime.now(UTC),
        vendors=[_vendor_result(groups[k], acceptable_rate) for k in sorted(groups)],
    )


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _ci(value: Interval | None) -> str:
    return "—" if value is None else f"{_pct(value.low)} – {_pct(value.high)}"


def _summary_rows(v: VendorQA) -> list[tuple[str, str]]:
    return [
        ("Samples", ", ".join(v.samples)),
        ("Items drawn", str(v.items_drawn)),
        ("Items checked", str(v.items_checked)),
        ("Items with a defect", str(v.items_defective)),
        ("Defect rate", _pct(v.defect_rate)),
        ("95% Wilson interval", _ci(v.wilson)),
        ("95% exact (Clopper-Pearson) interval", _ci(v.exact)),
        ("Acceptable rate", _pct(v.acceptable_rate)),
        ("Decision", v.decision),
    ]


_CSS = (
    "body{font-family:sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #999;padding:.25em .6em;text-align:left;vertical-align:top}"
    "th{background:#eee}.accept{color:#060}.reject{color:#a00}.rule{max-width:50em}"
)


def render_html(report: QAReport) -> str:
    """The report as a self-contained HTML page (no JavaScript; every value escaped)."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>QA sampling report</title>',
        f"<style>{_CSS}</style></head><body>",
        "<h1>QA sampling report</h1>",
        f"<p>Generated {e(report.generated_at.isoformat(timespec='seconds'))}.</p>",
        f'<p class="rule"><strong>Decision rule.</strong> {e(report.decision_rule)}</p>',
    ]
    for v in report.vendors:
        cls = {"accept": "accept", "reject": "reject"}.get(v.decision, "continue")
        out.append(f"<h2>{e(v.vendor)} — <span class=\"{cls}\">{e(v.decision)}</span></h2>")
        out.append("<table>")
        out += [f"<tr><th>{e(k)}</th><td>{e(val)}</td></tr>" for k, val in _summary_rows(v)]
        out.append("</table><h3>Trend by month drawn</h3><table>")
        out.append("<tr><th>Month</th><th>Checked</th><th>With a defect</th><th>Rate</th></tr>")
        out += [f"<tr><td>{e(p.period)}</td><td>{p.checked}</td><td>{p.defective}</td>"
                f"<td>{e(_pct(p.defect_rate))}</td></tr>" for p in v.trend]
        out.append("</table><h3>Defects by category</h3><table>")
        out += [f"<tr><th>{e(category_label(c))}</th><td>{count}</td></tr>"
                for c, count in v.by_category.items()]
        out.append("</table>")
        if v.findings:
            out.append("<h3>Findings</h3><table>")
            out.append("<tr><th>Sample</th><th>Work</th><th>Category</th><th>Note</th></tr>")
            out += [f"<tr><td>{e(f.sample_id)}</td><td>{e(f.work_id)}</td>"
                    f"<td>{e(category_label(f.category))}</td>"
                    f"<td>{e(f.note)}</td></tr>" for f in v.findings]
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_docx(report: QAReport) -> bytes:
    """The report as a Word document: a heading, the decision rule, a table per vendor."""
    from docx import Document

    def clean(text: str) -> str:
        return _NOT_XML.sub("", text)

    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = "lpo-review"
    props.title = "QA sampling report"
    props.comments = props.keywords = props.subject = props.category = ""
    doc.add_heading("QA sampling report", level=1)
    doc.add_paragraph(f"Generated {report.generated_at.isoformat(timespec='seconds')}.")
    rule = doc.add_paragraph()
    rule.add_run("Decision rule. ").bold = True
    rule.add_run(report.decision_rule)
    for v in report.vendors:
        doc.add_heading(clean(f"{v.vendor} — {v.decision}"), level=2)
        rows = _summary_rows(v)
        rows += [(f"Month {p.period}", f"{p.defective} of {p.checked} ({_pct(p.defect_rate)})")
                 for p in v.trend]
        rows += [(f"Defects: {category_label(c)}", str(n))
                 for c, n in v.by_category.items()]
        table = doc.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, (name, value) in zip(table.rows, rows, strict=True):
            row.cells[0].text = clean(name)
            row.cells[1].text = clean(value)
        if v.findings:
            doc.add_paragraph("Findings", style="Heading 3")
            for f in v.findings:
                label = category_label(f.category)
                note = f": {f.note}" if f.note else ""
                doc.add_paragraph(clean(f"{f.sample_id} {f.work_id} — {label}{note}"),
                                  style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_report(report: QAReport, to_dir: Path) -> list[Path]:
    """Write ``qa-report.json``, ``qa-report.html`` and ``qa-report.docx`` into ``to_dir``."""
    to_dir = Path(to_dir)
    json_name, html_name, docx_name = REPORT_FILES
    return [
        atomic_write(to_dir / json_name, report.model_dump_json(indent=1).encode("utf-8")),
        atomic_write(to_dir / html_name, render_html(report).encode("utf-8")),
        atomic_write(to_dir / docx_name, render_docx(report)),
    ]
