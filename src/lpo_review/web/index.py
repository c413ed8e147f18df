"""The queue's packet index: one SQLite row per packet (ID, kind, status, open guard findings,
last change), built from the packet store and refreshed when the packets folder changes.

A queue page is an indexed, paginated query; no request reads every packet.  A refresh reads
only the packets whose file changed (size or modification time) since the last one.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lpo_review.confidential.signoff import ACKNOWLEDGE_LABELS
from lpo_review.packets.store import PACKETS_DIR
from lpo_review.web.db import WebDB

PAGE_SIZE = 50
STATUSES = ("pending_attorney_review", "approved", "returned")


@dataclass(frozen=True)
class Row:
    doc_id: str
    kind: str
    status: str
    open_findings: int
    updated: str


@dataclass(frozen=True)
class QueuePage:
    rows: list[Row]
    total: int
    page: int
    pages: int


def summarise(data: dict[str, Any]) -> tuple[str, str, int, str]:
    """(kind, status, open guard findings, last change) of a packet's JSON.

    Open: findings the attorney must acknowledge that the sign-off did not acknowledge (all of
    them while the packet is pending)."""
    flagged = {f"F{i}" for i, f in enumerate(data.get("findings", []))
               if f.get("label") in ACKNOWLEDGE_LABELS}
    signoff = data.get("signoff") or {}
    open_count = len(flagged - set(signoff.get("acknowledged", [])))
    updated = signoff.get("signed_at") or data.get("created_at", "")
    return str(data.get("kind", "")), str(data.get("status", "")), open_count, str(updated)


class PacketIndex:
    """The index of one matter folder's packets in the web database."""

    def __init__(self, db: WebDB, out_dir: Path):
        self.db = db
        self.out_dir = Path(out_dir).resolve()
        self.matter = str(self.out_dir)
        self.folder = self.out_dir / PACKETS_DIR
        self._seen_dir: int | None = None

    def refresh(self, force: bool = False) -> int:
        """Bring the index up to date with the packets folder; returns packets (re)read."""
        try:
            dir_mtime = self.folder.stat().st_mtime_ns
        except FileNotFoundError:
            return 0
        if not force and dir_mtime == self._seen_dir:
            return 0
        with self.db.connect() as conn:
            known = {r[0]: (r[1], r[2]) for r in conn.execute(
                "SELECT doc_id, mtime_ns, size FROM packet_index WHERE matter = ?",
                (self.matter,))}
        present: set[str] = set()
        changed: list[tuple[Any, ...]] = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if not entry.name.endswith(".json") or not entry.name.startswith("DOC-"):
                    continue
                doc_id = entry.name[:-5]
                present.add(doc_id)
                st = entry.stat()
                if known.get(doc_id) == (st.st_mtime_ns, st.st_size):
                    continue
                try:
                    data = json.loads(Path(entry.path).read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                    continue
                changed.append((self.matter, doc_id, *summarise(data), st.st_mtime_ns,
                                st.st_size))
        gone = [(self.matter, d) for d in known if d not in present]
        if changed or gone:
            with self.db.transaction() as conn:
                conn.executemany("INSERT OR REPLACE INTO packet_index VALUES (?,?,?,?,?,?,?,?)",
                                 changed)
                conn.executemany("DELETE FROM packet_index WHERE matter = ? AND doc_id = ?",
                                 gone)
        # a change within the folder's timestamp granularity could be missed: only trust a
        # folder time that is safely in the past
        if time.time_ns() - dir_mtime > 2_000_000_000:
            self._seen_dir = dir_mtime
        return len(changed)

    def query(self, *, kind: str | None = None, status: str | None = None,
              open_findings: bool | None = None, page: int = 1,
              page_size: int = PAGE_SIZE) -> QueuePage:
        """One page of the queue, pending packets first, then by document ID."""
        where, args = ["matter = ?"], [self.matter]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if status:
            where.append("status = ?")
            args.append(status)
        if open_findings is not None:
            where.append("open_findings > 0" if open_findings else "open_findings = 0")
        clause = " AND ".join(where)
        with self.db.connect() as conn:
            total = conn.execute(f"SELECT COUNT(*) FROM packet_index WHERE {clause}",
                                 args).fetchone()[0]
            pages = max(1, -(-total // page_size))
            page = min(max(1, page), pages)
            rows = conn.execute(
                "SELECT doc_id, kind, status, open_findings, updated FROM packet_index "
                f"WHERE {clause} ORDER BY status != 'pending_attorney_review', doc_id "
                "LIMIT ? OFFSET ?", [*args, page_size, (page - 1) * page_size]).fetchall()
        return QueuePage([Row(*r) for r in rows], total, page, pages)

    def kinds(self) -> list[str]:
        with self.db.connect() as conn:
            return [r[0] for r in conn.execute(
                "SELECT DISTINCT kind FROM packet_index WHERE matter = ? ORDER BY kind",
                (self.matter,))]

    def add_rows(self, rows: list[Row]) -> None:
        """Insert rows directly (benchmarks and tests of the queue alone)."""
        now = datetime.now(UTC).isoformat()
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO packet_index VALUES (?,?,?,?,?,?,?,?)",
                [(self.matter, r.doc_id, r.kind, r.status, r.open_findings, r.updated or now,
                  0, 0) for r in rows])
