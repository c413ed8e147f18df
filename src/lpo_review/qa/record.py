"""A QA reviewer's result on one sampled item: checked, and the defects found (if any)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.errors import GuardRefusal
from lpo_review.qa.plan import CATEGORIES
from lpo_review.qa.sample import (
    Category,
    QADefect,
    QAItem,
    QASample,
    read_sample,
    sample_path,
    work_record_sha256,
    write_sample,
)
from lpo_review.returns.store import read_work

try:  # POSIX: serialise concurrent recorders of the same sample
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextmanager
def _locked(out_dir: Path, sample_id: str) -> Iterator[None]:
    """Hold an exclusive lock on the sample while it is read, changed and rewritten."""
    path = sample_path(out_dir, sample_id)
    if fcntl is None or not path.parent.is_dir():
        yield
        return
    with open(path.parent / f".{sample_id}.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def check_categories(categories: list[str]) -> list[Category]:
    """``categories`` without repeats, each one of :data:`CATEGORIES`; else GuardRefusal."""
    unknown = [c for c in categories if c not in CATEGORIES]
    if unknown:
        raise GuardRefusal(
            f"unknown QA categor{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(repr(c) for c in unknown)}; allowed: {', '.join(CATEGORIES)}"
        )
    return [cast(Category, c) for c in dict.fromkeys(categories)]


def _item(sample: QASample, wid: str) -> QAItem:
    for item in sample.items:
        if item.work_id == wid:
            return item
    raise GuardRefusal(f"{wid!r} is not in QA sample {sample.sample_id}")


def record_result(
    out_dir: Path,
    sample_id: str,
    work_id: str,
    *,
    categories: list[str],
    note: str = "",
    reviewer: str,
    actor: str | None = None,
) -> QAItem:
    """Record that ``reviewer`` checked ``work_id`` of ``sample_id``, with the defects found.

    Each category (one of :data:`~lpo_review.qa.plan.CATEGORIES`) adds one defect carrying
    ``note``; no categories means checked and found clean.  Results accumulate: recording the
    same item again adds its defects to those already recorded.  The sample file is rewritten
    atomically and the result written to the audit log (action ``qa_result``, the note itself
    is not logged).

    :raises GuardRefusal: no such sample, an item not in it, an unknown category, no reviewer.
    """
    if not reviewer.strip():
        raise GuardRefusal("a QA result needs the reviewer's name")
    chosen = check_categories(list(categories))
    with _locked(out_dir, sample_id):
        sample = read_sample(out_dir, sample_id)
        item = _item(sample, work_id)
        work = read_work(out_dir, work_id)
        now = datetime.now(UTC)
        item.checked, item.checked_at, item.checked_by = True, now, reviewer
        item.defects += [QADefect(category=c, note=note, recorded_at=now, reviewer=reviewer)
                         for c in chosen]
        write_sample(out_dir, sample)
    AuditLog.for_matter(out_dir).append(
        actor or default_actor(),
        "qa_result",
        [{"doc_id": work.doc_id, "sha256": work_record_sha256(out_dir, work)}],
        {"sample_id": sample_id, "work_id": work_id, "reviewer": reviewer,
         "categories": list(chosen), "defects": len(item.defects), "note": bool(note)},
    )
    return item
