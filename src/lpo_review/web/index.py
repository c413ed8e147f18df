"""The queue's packet index: one SQLite row per packet (ID, kind, status, open guard findings,
last change, privilege state), built from the packet store and refreshed when the packets
folder or the privilege decisions folder changes.

A queue page is an indexed, paginated query; no request reads every packet.  A refresh reads
only the packets whose file, or whose privilege decision file (``OUT_DIR/privilege/DOC-….json``),
changed (size or modification time) since the last one.  The privilege state is what
:mod:`lpo_review.privilege.decision` says of the packet: flagged and undecided, privileged and
withheld or redacted, released, or a decision that does not verify.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lpo_review.confidential.signoff import ACKNOWLEDGE_LABELS
from lpo_review.confidential.vendors import Matter
from lpo_review.errors import LpoReviewError
from lpo_review.model import Packet
from lpo_review.packets.store import PACKETS_DIR
from lpo_review.privilege.decision import (
    PRIVILEGE_DIR,
    PrivilegeDecision,
    decision_problem,
    read_decision,
)
from lpo_review.privilege.stage import LABEL as PRIVILEGE_LABEL
from lpo_review.privilege.stage import is_flagged
from lpo_review.web.db import WebDB

PAGE_SIZE = 50
STATUSES = ("pending_attorney_review", "approved", "returned")
#: Privilege states of a packet (the empty state: not flagged and no decision).
PRIVILEGE_STATES = {
    "undecided": "possibly privileged, undecided",
    "withhold": "privileged, withheld",
    "redact": "privileged, redacted",
    "released": "not privileged, released",
    "invalid": "invalid privilege decision",
}
_COLUMNS = ("matter, doc_id, kind, status, open_findings, updated, mtime_ns, size, privilege, "
            "decision_mtime_ns, decision_size")
_INSERT = f"INSERT OR REPLACE INTO packet_index ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)"


@dataclass(frozen=True)
class Row:
    doc_id: str
    kind: str
    status: str
    open_findings: int
    updated: str
    privilege: str = ""


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


def privilege_state(out_dir: Path, packet: Packet, matter: Matter | None
                    ) -> tuple[str, PrivilegeDecision | None, str]:
    """(state, stored decision, why it does not hold) of ``packet``: a key of
    :data:`PRIVILEGE_STATES`, or ``""`` when it is neither flagged nor decided."""
    try:
        decision = read_decision(out_dir, packet.doc_id)
    except LpoReviewError as exc:
        return "invalid", None, str(exc)
    if decision is None:
        return ("undecided" if is_flagged(packet) else ""), None, ""
    problem = decision_problem(decision, packet, matter)
    if problem:
        return "invalid", decision, problem
    if not decision.privileged:
        return "released", decision, ""
    return decision.treatment, decision, ""


def _stat(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


class PacketIndex:
    """The index of one matter folder's packets in the web database; ``matter`` (the
    configuration's attorneys) checks who signed a privilege decision."""

    def __init__(self, db: WebDB, out_dir: Path, matter: Matter | None = None):
        self.db = db
        self.out_dir = Path(out_dir).resolve()
        self.matter = str(self.out_dir)
        self.folder = self.out_dir / PACKETS_DIR
        self.decisions = self.out_dir / PRIVILEGE_DIR
        self.registered = matter
        self._seen: tuple[int, int] | None = None

    def _privilege(self, data: dict[str, Any], decided: bool) -> str:
        """The packet's privilege state; a decision is read (and verified) only if there is
        one, so the other packets cost no more than their JSON."""
        if not decided:
            flagged = any(isinstance(f, dict) and f.get("label") == PRIVILEGE_LABEL
                          for f in data.get("findings", []))
            return "undecided" if flagged else ""
        try:
            packet = Packet.model_validate(data)
        except ValidationError:
            return "invalid"
        return privilege_state(self.out_dir, packet, self.registered)[0]

    def _decision_files(self) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        try:
            with os.scandir(self.decisions) as entries:
                for entry in entries:
                    if entry.name.startswith("DOC-") and entry.name.endswith(".json"):
                        st = entry.stat()
                        found[entry.name[:-5]] = (st.st_mtime_ns, st.st_size)
        except (FileNotFoundError, NotADirectoryError):
            pass
        return found

    def refresh(self, force: bool = False, recheck_decisions: bool = False) -> int:
        """Bring the index up to date with the packets and privilege decision folders; returns
        packets (re)read.  ``recheck_decisions`` re-verifies every decided packet (at start-up:
        the matter's registered attorneys may have changed since the index was built)."""
        try:
            dir_mtime = self.folder.stat().st_mtime_ns
        except FileNotFoundError:
            return 0
        seen = (dir_mtime, _stat(self.decisions))
        if not (force or recheck_decisions) and seen == self._seen:
            return 0
        with self.db.connect() as conn:
            cursor = conn.cursor()
            cursor.row_factory = None  # plain tuples: 10,000 rows, compared as they are
            known: dict[str, tuple[int, ...]] = {r[0]: r[1:] for r in cursor.execute(
                "SELECT doc_id, mtime_ns, size, decision_mtime_ns, decision_size "
                "FROM packet_index WHERE matter = ?", (self.matter,))}
        decisions = self._decision_files()
        present: set[str] = set()
        changed: list[tuple[Any, ...]] = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if not entry.name.endswith(".json") or not entry.name.startswith("DOC-"):
                    continue
                doc_id = entry.name[:-5]
                present.add(doc_id)
                st = entry.stat()
                decision = decisions.get(doc_id, (0, 0))
                if known.get(doc_id) == (st.st_mtime_ns, st.st_size, *decision) and not (
                        recheck_decisions and doc_id in decisions):
                    continue
                try:
                    data = json.loads(Path(entry.path).read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                    continue
                if not isinstance(data, dict):
                    continue
                changed.append((self.matter, doc_id, *summarise(data), st.st_mtime_ns,
                                st.st_size, self._privilege(data, doc_id in decisions),
                                *decision))
        gone = [(self.matter, d) for d in known if d not in present]
        if changed or gone:
            with self.db.transaction() as conn:
                conn.executemany(_INSERT, changed)
                conn.executemany("DELETE FROM packet_index WHERE matter = ? AND doc_id = ?",
                                 gone)
        # a change within a folder's timestamp granularity could be missed: only trust folder
        # times that are safely in the past
        if time.time_ns() - max(seen) > 2_000_000_000:
            self._seen = seen
        return len(changed)

    def query(self, *, kind: str | None = None, status: str | None = None,
              open_findings: bool | None = None, privilege: str | None = None, page: int = 1,
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
        if privilege is not None:
            where.append("privilege = ?")
            args.append(privilege)
        clause = " AND ".join(where)
        with self.db.connect() as conn:
            total = conn.execute(f"SELECT COUNT(*) FROM packet_index WHERE {clause}",
                                 args).fetchone()[0]
            pages = max(1, -(-total // page_size))
            page = min(max(1, page), pages)
            rows = conn.execute(
                "SELECT doc_id, kind, status, open_findings, updated, privilege FROM packet_index "
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
                _INSERT,
                [(self.matter, r.doc_id, r.kind, r.status, r.open_findings, r.updated or now,
                  0, 0, r.privilege, 0, 0) for r in rows])
