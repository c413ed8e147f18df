"""A signed audit anchor catches what the hash chain alone cannot: a log rewritten with every
hash recomputed, or cut before the anchored entry."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from lpo_review.cli import main
from lpo_review.confidential.anchor import Anchor, check_anchor, make_anchor
from lpo_review.confidential.audit import AuditError, AuditLog, entry_hash
from lpo_review.confidential.keys import generate_key_pair, load_signing_key

DOC = [{"doc_id": "DOC-ABC", "sha256": "0" * 64}]


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog.for_matter(tmp_path / "matter")
    for i in range(4):
        log.append("alice", "export", DOC, {"i": i})
    return log


@pytest.fixture
def attorney(tmp_path: Path) -> Path:
    return generate_key_pair(tmp_path / "keys" / "ann", "attorney")[0]


def _rewrite(log: AuditLog, seq: int, details: str) -> None:
    """Edit an entry and recompute every hash from there: the chain verifies again."""
    conn = sqlite3.connect(log.path)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET details = ? WHERE seq = ?", (details, seq))
    prev = "0" * 64
    rows = conn.execute("SELECT seq, at, actor, action, documents, details FROM entries "
                        "ORDER BY seq").fetchall()
    for s, at, actor, action, docs, det in rows:
        digest = entry_hash(s, at, actor, action, docs, det, prev)
        conn.execute("UPDATE entries SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, s))
        prev = digest
    conn.commit()
    conn.close()


def test_a_recomputed_chain_verifies_but_fails_its_anchor(log, attorney) -> None:
    anchor = make_anchor(log, load_signing_key(attorney), "Ann Counsel", "ann")
    assert log.entries()[-1].action == "audit_anchor" and anchor.seq == 5
    assert check_anchor(log, anchor) == []
    _rewrite(log, 2, '{"i":99}')
    assert log.verify() == []  # the chain alone cannot tell
    assert "rewritten and its chain recomputed" in check_anchor(log, anchor)[0]


def test_an_edited_anchor_or_a_cut_log_is_found(log, attorney) -> None:
    anchor = make_anchor(log, load_signing_key(attorney), "Ann Counsel", "ann")
    forged = Anchor(**{**anchor.__dict__, "seq": 3})
    assert "signature does not verify" in check_anchor(log, forged)[0]
    conn = sqlite3.connect(log.path)
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DELETE FROM entries WHERE seq >= 5")
    conn.commit()
    conn.close()
    assert "is gone" in check_anchor(log, anchor)[0]


def test_a_broken_log_is_not_anchored(log, attorney) -> None:
    conn = sqlite3.connect(log.path)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET actor = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    with pytest.raises(AuditError, match="does not verify"):
        make_anchor(log, load_signing_key(attorney), "Ann Counsel", "ann")


def test_anchor_and_verify_through_the_cli(log, attorney, tmp_path) -> None:
    runner = CliRunner()
    out = log.path.parent
    anchor_file = tmp_path / "anchors" / "matter-anchor.json"
    inside = runner.invoke(main, ["audit", "anchor", str(out), "--attorney", "Ann Counsel",
                                  "--key", str(attorney), "--to", str(out / "a.json")])
    assert inside.exit_code == 1 and "inside the matter folder" in inside.output
    made = runner.invoke(main, ["audit", "anchor", str(out), "--attorney", "Ann Counsel",
                                "--key", str(attorney), "--to", str(anchor_file)])
    assert made.exit_code == 0, made.output
    assert json.loads(anchor_file.read_text())["format"] == "lpo-review-audit-anchor/1"
    ok = runner.invoke(main, ["audit", "verify", str(out), "--anchor", str(anchor_file)])
    assert ok.exit_code == 0, ok.output
    _rewrite(log, 1, '{"i":42}')
    bad = runner.invoke(main, ["audit", "verify", str(out), "--anchor", str(anchor_file)])
    assert bad.exit_code == 1 and "chain recomputed" in bad.output
