"""The audit log: an append-only, hash-chained record of who did what to which documents.

Stored in ``OUT_DIR/audit.sqlite``.  Every entry carries the SHA-256 of the previous entry and
its own hash over (number, time, actor, action, documents, details, previous hash), so editing,
removing or reordering any entry breaks the chain where it happened.  Triggers make the table
append-only for ordinary SQL; someone who drops them is still caught by :meth:`AuditLog.verify`.
Removing entries from the *end* leaves a shorter, valid chain: compare with a head hash kept
elsewhere (``verify(expect_head=...)``, printed by ``lpo-review audit show``) to catch that too.

Documents are recorded by ID and hash only, never by name or original value.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lpo_review.errors import LpoReviewError

AUDIT_FILE = "audit.sqlite"
ACTOR_ENV = "LPO_REVIEW_ACTOR"
GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    documents TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


class AuditError(LpoReviewError):
    """The audit log cannot be written or read."""


@dataclass(frozen=True)
class AuditEntry:
    """One line of the log."""

    seq: int
    at: str
    actor: str
    action: str
    documents: list[dict[str, str]]
    details: dict[str, Any]
    prev_hash: str
    hash: str


def default_actor() -> str:
    """Who is acting: ``$LPO_REVIEW_ACTOR``, else the login name."""
    actor = os.environ.get(ACTOR_ENV)
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    seq: int,
    at: str,
    actor: str,
    action: str,
    documents: str,
    details: str,
    prev_hash: str,
) -> str:
    """The hash an entry must carry (over its stored JSON text, exactly as stored)."""
    payload = _canonical([seq, at, actor, action, documents, details, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _check_documents(documents: list[dict[str, str]]) -> list[dict[str, str]]:
    clean = []
    for doc in documents:
        if set(doc) != {"doc_id", "sha256"}:
            raise AuditError(
                f"audit documents carry exactly doc_id and sha256, got keys {sorted(doc)}"
            )
        clean.append({"doc_id": str(doc["doc_id"]), "sha256": str(doc["sha256"])})
    return clean


class AuditLog:
    """The audit log of one matter folder."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def for_matter(cls, out_dir: Path) -> AuditLog:
        """The log at ``OUT_DIR/audit.sqlite`` (created on first append)."""
        return cls(Path(out_dir) / AUDIT_FILE)

    @contextmanager
    def _connect(self, create: bool) -> Iterator[sqlite3.Connection]:
        if not create and not self.path.exists():
            raise AuditError(f"{self.path}: no audit log")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise AuditError(f"{self.path}: cannot open audit log: {exc}") from None
        with closing(conn):
            if create:
                conn.executescript(_SCHEMA)
            yield conn

    def append(
        self,
        actor: str,
        action: str,
        documents: list[dict[str, str]] | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditEntry:
        """Append one entry; safe when several processes append at once."""
        docs_json = _canonical(_check_documents(documents or []))
        details_json = _canonical(details or {})
        at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        with self._connect(create=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
                digest = entry_hash(seq, at, actor, action, docs_json, details_json, prev)
                conn.execute(
                    "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, at, actor, action, docs_json, details_json, prev, digest),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return AuditEntry(
            seq, at, actor, action, json.loads(docs_json), json.loads(details_json), prev, digest
        )

    def entries(self) -> list[AuditEntry]:
        """All entries in stored order."""
        with self._connect(create=False) as conn:
            try:
                rows = conn.execute(
                    "SELECT seq, at, actor, action, documents, details, prev_hash, hash "
                    "FROM entries ORDER BY rowid"
                ).fetchall()
            except sqlite3.Error as exc:
                raise AuditError(f"{self.path}: unreadable audit log: {exc}") from None
        out = []
        for seq, at, actor, action, docs, details, prev, digest in rows:
            try:
                documents, detail_map = json.loads(docs), json.loads(details)
            except (json.JSONDecodeError, TypeError):
                documents, detail_map = [], {"unparsable": True}
            out.append(AuditEntry(seq, at, actor, action, documents, detail_map, prev, digest))
        return out

    def head(self) -> tuple[int, str]:
        """Number and hash of the last entry (``(0, GENESIS)`` for an empty log)."""
        entries = self.entries()
        return (entries[-1].seq, entries[-1].hash) if entries else (0, GENESIS)

    def verify(self, expect_head: str | None = None) -> list[str]:
        """Problems found, each naming the entry number; an empty list means the chain holds."""
        problems: list[str] = []
        with self._connect(create=False) as conn:
            try:
                rows = conn.execute(
                    "SELECT rowid, seq, at, actor, action, documents, details, prev_hash, hash "
                    "FROM entries ORDER BY rowid"
                ).fetchall()
            except sqlite3.Error as exc:
                return [f"audit log unreadable: {exc}"]
        expected_seq, prev = 1, GENESIS
        for _rowid, seq, at, actor, action, docs, details, prev_hash, digest in rows:
            if seq != expected_seq:
                what = "missing (removed)" if seq > expected_seq else "out of order"
                problems.append(f"entry {expected_seq}: {what}; found entry {seq} in its place")
            if prev_hash != prev:
                problems.append(
                    f"entry {seq}: does not follow the entry before it (chain broken: an entry "
                    "before it was edited, removed or reordered)"
                )
            if entry_hash(seq, at, actor, action, docs, details, prev_hash) != digest:
                problems.append(f"entry {seq}: edited (its content no longer matches its hash)")
            expected_seq, prev = seq + 1, digest
        if expect_head is not None and prev != expect_head:
            problems.append(
                f"entry {expected_seq - 1}: the log does not end at the expected head "
                f"{expect_head[:16]}… (entries were removed from the end or the log replaced)"
            )
        return problems
