"""The web workspace's own SQLite file: users, sessions, login failures, acknowledgements and
the packet index of the queue.

Kept outside any matter folder (it holds sealed attorney keys): by default
``~/.lpo-review/web.sqlite``, or ``$LPO_REVIEW_WEB_DB``, or ``--db``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lpo_review.confidential.keys import inside_matter_folder
from lpo_review.errors import ConfigError

DB_ENV = "LPO_REVIEW_WEB_DB"

_SCHEMA = """
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    vendor TEXT,
    password_hash TEXT NOT NULL,
    attorney_name TEXT,
    bar_number TEXT,
    public_key TEXT,
    sealed_key TEXT,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created REAL NOT NULL,
    seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at);
CREATE TABLE IF NOT EXISTS acknowledgements (
    matter TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    ref TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (matter, doc_id, content_sha256, ref, user)
);
CREATE TABLE IF NOT EXISTS packet_index (
    matter TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    open_findings INTEGER NOT NULL,
    updated TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    privilege TEXT NOT NULL DEFAULT '',
    decision_mtime_ns INTEGER NOT NULL DEFAULT 0,
    decision_size INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (matter, doc_id)
);
CREATE INDEX IF NOT EXISTS packet_index_status ON packet_index (matter, status, doc_id);
CREATE INDEX IF NOT EXISTS packet_index_kind ON packet_index (matter, kind, status, doc_id);
CREATE INDEX IF NOT EXISTS packet_index_open ON packet_index (matter, open_findings, doc_id);
CREATE INDEX IF NOT EXISTS packet_index_privilege ON packet_index (matter, privilege, doc_id);
"""


def default_db_path() -> Path:
    """``$LPO_REVIEW_WEB_DB``, else ``~/.lpo-review/web.sqlite``."""
    env = os.environ.get(DB_ENV)
    return Path(env) if env else Path.home() / ".lpo-review" / "web.sqlite"


class WebDB:
    """One SQLite file, one connection per thread (SQLite connections are not shared)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        matter = inside_matter_folder(self.path)
        if matter is not None:
            raise ConfigError(f"{self.path}: inside the matter folder {matter}; keep the web "
                              "database (it holds sealed attorney keys) outside the data")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        fresh = not self.path.exists()
        with self.connect() as conn:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(packet_index)")}
            if columns and "privilege" not in columns:
                # an index made before the privilege column: a cache of the packet store,
                # rebuilt from it when the workspace starts
                conn.execute("DROP TABLE packet_index")
            conn.executescript(_SCHEMA)
        if fresh:
            os.chmod(self.path, 0o600)

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (autocommit; use :meth:`transaction` to group writes)."""
        yield self._conn()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on error)."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def setting(self, name: str, make: bytes) -> bytes:
        """The stored value of ``name``; ``make`` is stored first if there is none."""
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO settings VALUES (?, ?)", (name, make))
            row = conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return bytes(row[0])
