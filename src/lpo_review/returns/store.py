"""Where returned work product lives in a matter folder: ``OUT_DIR/work/<DOC_ID>/<RETURN_ID>/``
holds the files the vendor sent and ``work.json`` (:class:`WorkProduct`); the engine's packet
in ``OUT_DIR/packets/`` is never touched."""

from __future__ import annotations

from pathlib import Path

from lpo_review.errors import GuardRefusal
from lpo_review.packets.atomic import atomic_write
from lpo_review.returns.model import WorkProduct

WORK_DIR = "work"
RECORD = "work.json"


def work_id(doc_id: str, return_id: str) -> str:
    """How a work product is named on the command line: ``DOC-...@RET-...``."""
    return f"{doc_id}@{return_id}"


def work_folder(out_dir: Path, doc_id: str, return_id: str) -> Path:
    return Path(out_dir) / WORK_DIR / doc_id / return_id


def write_work(out_dir: Path, work: WorkProduct) -> Path:
    """Write (or update) a work product's record."""
    return atomic_write(work_folder(out_dir, work.doc_id, work.return_id) / RECORD,
                        work.model_dump_json(indent=1).encode("utf-8"))


def read_work(out_dir: Path, wid: str) -> WorkProduct:
    """The work product ``DOC-...@RET-...``; :class:`GuardRefusal` when there is none."""
    doc_id, _, return_id = wid.partition("@")
    path = work_folder(out_dir, doc_id, return_id) / RECORD
    if not doc_id or not return_id or "/" in wid or "\\" in wid or ".." in wid \
            or not path.is_file():
        raise GuardRefusal(f"no work product {wid!r} in {Path(out_dir) / WORK_DIR}")
    return WorkProduct.model_validate_json(path.read_text(encoding="utf-8"))


def list_work(out_dir: Path) -> list[WorkProduct]:
    """Every work product of the matter, by document then receipt."""
    folder = Path(out_dir) / WORK_DIR
    found = [WorkProduct.model_validate_json(p.read_text(encoding="utf-8"))
             for p in sorted(folder.glob(f"*/*/{RECORD}"))] if folder.is_dir() else []
    return sorted(found, key=lambda w: (w.doc_id, w.received_at))
