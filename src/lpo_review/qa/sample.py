"""A QA sample: a reproducible random draw of a vendor's approved work for a second reviewer.

The population is every work product of the vendor (vendor name compared case-insensitively)
with status ``approved``, optionally only those received in one month.  It is sorted by work
ID and drawn with ``random.Random(seed)``, so the same seed over the same population gives
the same items.  The seed is recorded in the sample file and in the audit log.
"""

from __future__ import annotations

import hashlib
import random
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.errors import GuardRefusal, LpoReviewError
from lpo_review.packets.atomic import atomic_write
from lpo_review.qa.plan import Category, sample_size
from lpo_review.returns.model import WorkProduct
from lpo_review.returns.store import RECORD, list_work, work_folder, work_id

#: Where samples live inside a matter folder.
SAMPLES_DIR = Path("qa") / "samples"
SAMPLE_FORMAT: Final = "lpo-review-qa-sample/1"
_SAMPLE_ID = re.compile(r"QA-\d{8}-[0-9a-f]{6}")
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")



class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QADefect(_Strict):
    """One defect a QA reviewer found in a sampled item."""

    category: Category
    note: str = Field(default="", description="The QA reviewer's note, as written.")
    recorded_at: datetime
    reviewer: str


class QAItem(_Strict):
    """One sampled work product and what the QA reviewer found in it."""

    work_id: str = Field(description="DOC-...@RET-... (see lpo_review.returns.store.work_id).")
    doc_id: str
    checked: bool = False
    checked_at: datetime | None = None
    checked_by: str | None = None
    defects: list[QADefect] = Field(default_factory=list)


class QASample(_Strict):
    """A drawn sample (``OUT_DIR/qa/samples/<SAMPLE_ID>.json``)."""

    format: Literal["lpo-review-qa-sample/1"] = SAMPLE_FORMAT
    sample_id: str = Field(description="QA-YYYYMMDD-<6 hex>.")
    vendor: str
    drawn_at: datetime
    seed: int
    defect_rate: float = Field(description="The defect rate the plan is sized to detect.")
    confidence: float = Field(description="Probability of seeing a defect at that rate.")
    plan_size: int = Field(description="Items the plan asks for (sample_size).")
    population: int = Field(description="Approved work products the draw was made from.")
    period: str | None = Field(default=None, description="Receipt month drawn from (YYYY-MM).")
    reviewer: str | None = Field(default=None, description="The second reviewer assigned.")
    items: list[QAItem] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# storage
# --------------------------------------------------------------------------------------------


def samples_dir(out_dir: Path) -> Path:
    """``OUT_DIR/qa/samples``."""
    return Path(out_dir) / SAMPLES_DIR


def sample_path(out_dir: Path, sample_id: str) -> Path:
    """The file of ``sample_id``; :class:`GuardRefusal` for a malformed ID."""
    if not _SAMPLE_ID.fullmatch(sample_id):
        raise GuardRefusal(f"{sample_id!r} is not a QA sample ID (QA-YYYYMMDD-xxxxxx)")
    return samples_dir(out_dir) / f"{sample_id}.json"


def _load(path: Path) -> QASample:
    try:
        return QASample.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, UnicodeDecodeError) as exc:
        raise LpoReviewError(f"{path}: not a QA sample ({exc.__class__.__name__})") from None


def read_sample(out_dir: Path, sample_id: str) -> QASample:
    """The sample ``sample_id``; :class:`GuardRefusal` when there is none."""
    path = sample_path(out_dir, sample_id)
    if not path.is_file():
        raise GuardRefusal(f"no QA sample {sample_id!r} in {samples_dir(out_dir)}")
    return _load(path)


def list_samples(out_dir: Path) -> list[QASample]:
    """Every sample of the matter, oldest draw first."""
    folder = samples_dir(out_dir)
    found = [_load(p) for p in sorted(folder.glob("QA-*.json"))
             if _SAMPLE_ID.fullmatch(p.stem)] if folder.is_dir() else []
    return sorted(found, key=lambda s: (s.drawn_at, s.sample_id))


def write_sample(out_dir: Path, sample: QASample) -> Path:
    """Write (or atomically replace) a sample's file."""
    return atomic_write(sample_path(out_dir, sample.sample_id),
                        sample.model_dump_json(indent=1).encode("utf-8"))


def work_record_sha256(out_dir: Path, work: WorkProduct) -> str:
    """SHA-256 of the stored ``work.json`` of a work product (what the audit log records)."""
    path = work_folder(out_dir, work.doc_id, work.return_id) / RECORD
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _new_sample_id(out_dir: Path, now: datetime) -> str:
    while True:
        sample_id = f"QA-{now:%Y%m%d}-{secrets.token_hex(3)}"
        if not sample_path(out_dir, sample_id).exists():
            return sample_id


def check_period(period: str) -> str:
    """``period`` if it is a month ``YYYY-MM``; :class:`ValueError` otherwise."""
    if not _PERIOD.fullmatch(period):
        raise ValueError(f"period must be a month YYYY-MM, got {period!r}")
    return period


# --------------------------------------------------------------------------------------------
# the draw
# --------------------------------------------------------------------------------------------


def population(out_dir: Path, vendor: str, period: str | None = None) -> list[WorkProduct]:
    """The vendor's approved work products (received in ``period`` if given), by work ID."""
    wanted = vendor.strip().casefold()
    found = [w for w in list_work(out_dir)
             if w.status == "approved" and w.vendor.strip().casefold() == wanted
             and (period is None or f"{w.received_at:%Y-%m}" == period)]
    return sorted(found, key=lambda w: work_id(w.doc_id, w.return_id))


def draw_sample(
    out_dir: Path,
    vendor: str,
    defect_rate: float,
    confidence: float,
    seed: int | None = None,
    reviewer: str | None = None,
    actor: str | None = None,
    period: str | None = None,
) -> QASample:
    """Draw, store and audit a QA sample of ``vendor``'s approved work.

    ``n = min(sample_size(defect_rate, confidence), population)`` items are drawn with
    ``random.Random(seed).sample`` from the population sorted by work ID; ``seed`` defaults to
    a fresh random 32-bit number, recorded either way.  Items are listed by work ID.

    :raises ValueError: a rate, confidence or period out of range.
    :raises GuardRefusal: the vendor has no approved work (in ``period``).
    """
    plan = sample_size(defect_rate, confidence)
    if period is not None:
        check_period(period)
    if seed is None:
        seed = secrets.randbelow(2**32)
    if seed < 0:
        raise ValueError(f"seed must not be negative, got {seed}")
    pool = population(out_dir, vendor, period)
    if not pool:
        when = f" received in {period}" if period else ""
        raise GuardRefusal(f"vendor {vendor!r} has no approved work{when} to sample")
    n = min(plan, len(pool))
    chosen = random.Random(seed).sample(pool, n)
    chosen.sort(key=lambda w: work_id(w.doc_id, w.return_id))
    now = datetime.now(UTC)
    sample = QASample(
        sample_id=_new_sample_id(out_dir, now),
        vendor=pool[0].vendor,
        drawn_at=now,
        seed=seed,
        defect_rate=defect_rate,
        confidence=confidence,
        plan_size=plan,
        population=len(pool),
        period=period,
        reviewer=reviewer,
        items=[QAItem(work_id=work_id(w.doc_id, w.return_id), doc_id=w.doc_id) for w in chosen],
    )
    documents = [{"doc_id": w.doc_id, "sha256": work_record_sha256(out_dir, w)} for w in chosen]
    write_sample(out_dir, sample)
    AuditLog.for_matter(out_dir).append(
        actor or default_actor(),
        "qa_sample",
        documents,
        {"sample_id": sample.sample_id, "vendor": sample.vendor, "seed": seed, "n": n,
         "population": len(pool), "plan_size": plan, "defect_rate": defect_rate,
         "confidence": confidence, "period": period},
    )
    return sample
