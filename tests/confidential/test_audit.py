"""The audit log is append-only and hash-chained: any edit, removal or reordering is found."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from lpo_review.confidential.audit import AuditError, AuditLog

DOC = [{"doc_id": "DOC-ABC", "sha256": "0" * 64}]


def _log(tmp_path: Path, n: int = 5) -> AuditLog:
    log = AuditLog.for_matter(tmp_path)
    for i in range(n):
        log.append("alice", "run", DOC, {"i": i})
    return log


def _tamper(log: AuditLog, *sql: str) -> None:
    """What someone with write access to the file could do: drop the guards, then edit."""
    conn = sqlite3.connect(log.path)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("DROP TRIGGER entries_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_intact_log_verifies(tmp_path: Path) -> None:
    log = _log(tmp_path)
    assert log.verify() == []
    assert [e.seq for e in log.entries()] == [1, 2, 3, 4, 5]
    assert log.entries()[1].prev_hash == log.entries()[0].hash


def test_ordinary_sql_cannot_edit_or_delete(tmp_path: Path) -> None:
    log = _log(tmp_path)
    conn = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE entries SET actor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM entries WHERE seq = 2")
    conn.close()


def test_edited_entry_is_found(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _tamper(log, "UPDATE entries SET details = '{\"i\":99}' WHERE seq = 3")
    assert log.verify() == ["entry 3: edited (its content no longer matches its hash)"]


def test_removed_entry_is_found(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _tamper(log, "DELETE FROM entries WHERE seq = 2")
    problems = log.verify()
    assert any(p.startswith("entry 2: missing") for p in problems)
    assert any(p.startswith("entry 3: does not follow") for p in problems)


def test_reordered_entries_are_found(tmp_path: Path) -> None:
    log = _log(tmp_path)
    cols = "at, actor, action, documents, details, prev_hash, hash"
    _tamper(
        log,
        "CREATE TABLE t AS SELECT * FROM entries WHERE seq IN (2, 3)",
        f"UPDATE entries SET ({cols}) = (SELECT {cols} FROM t WHERE t.seq = 3) WHERE seq = 2",
        f"UPDATE entries SET ({cols}) = (SELECT {cols} FROM t WHERE t.seq = 2) WHERE seq = 3",
    )
    problems = log.verify()
    assert any(p.startswith("entry 2:") for p in problems)
    assert any(p.startswith("entry 3:") for p in problems)


def test_truncation_is_found_against_a_known_head(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _seq, head = log.head()
    _tamper(log, "DELETE FROM entries WHERE seq = 5")
    assert log.verify() == []  # a shorter chain is still a chain ...
    assert any("expected head" in p for p in log.verify(expect_head=head))  # ... but not this one


def test_documents_are_ids_and_hashes_only(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="doc_id and sha256"):
        AuditLog.for_matter(tmp_path).append("a", "run", [{"doc_id": "D", "source": "x.docx"}])


def _append_many(path: str, who: str) -> None:
    log = AuditLog.for_matter(Path(path))
    for i in range(40):
        log.append(who, "run", DOC, {"i": i})


def test_two_processes_appending_keep_one_chain(tmp_path: Path) -> None:
    AuditLog.for_matter(tmp_path).append("setup", "run")
    procs = [multiprocessing.Process(target=_append_many, args=(str(tmp_path), w)) for w in "ab"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    log = AuditLog.for_matter(tmp_path)
    assert len(log.entries()) == 81
    assert log.verify() == []
