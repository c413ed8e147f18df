"""Batch runs: bad files reported and skipped over, resume, exit statuses, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lpo_review.cli import main
from lpo_review.run import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, review_dir

LETTER = """SERVICES AGREEMENT

This Services Agreement is made on January 5, 2024 between Northwind Traders LLC and
Tomasz Wiśniewski (the "Consultant"), 14 Harbour Road, Portland, OR 97201.

1. SERVICES. The Consultant shall provide advisory services.
2. GOVERNING LAW. This Agreement shall be governed by the laws of the State of Oregon.

IN WITNESS WHEREOF, the parties have signed this Agreement.
Tomasz Wiśniewski, tomasz.w@consulting.example
"""


def make_folder(root: Path, copies: int = 1) -> Path:
    src = root / "src"
    (src / "sub").mkdir(parents=True)
    for i in range(copies):
        (src / f"agreement-{i}.txt").write_text(LETTER.replace("Traders", f"Traders {i}"))
    (src / "sub" / "empty.txt").write_bytes(b"")
    (src / "sub" / "scan.pdf").write_text("this is not a PDF at all\n")
    (src / "sub" / "sheet.xlsx").write_bytes(b"PK\x03\x04not really")
    return src


def test_bad_documents_are_reported_and_the_run_goes_on(engine, tmp_path):
    src = make_folder(tmp_path)
    out = tmp_path / "out"
    report = review_dir(engine, src, out)
    by_source = {d.source: d for d in report.documents}
    assert by_source["agreement-0.txt"].status == "ok"
    assert by_source["sub/empty.txt"].reason == "empty"
    assert by_source["sub/scan.pdf"].reason == "extension_mismatch"
    assert by_source["sub/sheet.xlsx"].status == "failed"
    assert report.exit_status == EXIT_SOME_FAILED
    written = json.loads((out / "run-report.json").read_text())
    assert written["totals"]["ok"] == 1 and written["totals"]["failed"] == 3
    files = sorted(p.name for p in (out / "packets").iterdir())
    doc = by_source["agreement-0.txt"].doc_id
    assert files == [f"{doc}.docx", f"{doc}.html", f"{doc}.json"]
    assert "Wiśniewski" not in (out / "packets" / f"{doc}.json").read_text()


def test_rerun_skips_done_documents_unless_redo(engine, tmp_path):
    src = make_folder(tmp_path)
    (src / "copy-of-0.txt").write_bytes((src / "agreement-0.txt").read_bytes())
    out = tmp_path / "out"
    first = review_dir(engine, src, out)
    assert [d.reason for d in first.documents if d.source == "copy-of-0.txt"] == ["duplicate"]
    mtime = (out / "packets" / f"{first.documents[0].doc_id}.json").stat().st_mtime_ns
    again = review_dir(engine, src, out)
    assert {d.reason for d in again.documents if d.status == "skipped"} == {"already_done",
                                                                           "duplicate"}
    assert (out / "packets" / f"{first.documents[0].doc_id}.json").stat().st_mtime_ns == mtime
    redo = review_dir(engine, src, out, redo=True)
    assert [d.status for d in redo.documents if d.source == "agreement-0.txt"] == ["ok"]


def test_cli_exit_statuses(tmp_path):
    src = tmp_path / "good"
    src.mkdir()
    (src / "a.txt").write_text(LETTER)
    runner = CliRunner()
    ok = runner.invoke(main, ["review", str(src), "--out", str(tmp_path / "o1"), "-q"])
    assert ok.exit_code == EXIT_OK, ok.output
    bad = make_folder(tmp_path / "bad")
    some = runner.invoke(main, ["review", str(bad), "--out", str(tmp_path / "o2")])
    assert some.exit_code == EXIT_SOME_FAILED
    assert "FAILED: sub/empty.txt" in some.output
    usage = runner.invoke(main, ["review", str(src)])
    assert usage.exit_code == 2


def _packets(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "packets").glob("*.json")) if (out / "packets").exists() \
        else []


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_run_resumes_with_exactly_one_packet_per_document(tmp_path, sig):
    src = make_folder(tmp_path, copies=12)
    for p in (src / "sub").iterdir():
        p.unlink()
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "lpo_review", "review", str(src), "--out", str(out), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    while len(_packets(out)) < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "run finished before it could be killed"
    os.kill(proc.pid, sig)
    proc.wait(timeout=120)
    partial = _packets(out)
    assert 2 <= len(partial) < 12
    if sig == signal.SIGTERM:
        assert proc.returncode == EXIT_INTERRUPTED
        assert json.loads((out / "run-report.json").read_text())["interrupted"] is True
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == EXIT_OK, done.stderr
    report = json.loads((out / "run-report.json").read_text())
    assert report["totals"]["ok"] + report["totals"]["skipped"] == 12
    assert report["totals"]["skipped"] >= len(partial)
    assert len(_packets(out)) == 12
    leftovers = [p.name for p in (out / "packets").iterdir() if p.name.startswith(".")]
    assert leftovers == []
    for p in (out / "packets").glob("*.json"):
        json.loads(p.read_text())  # every packet complete


def test_ignore_file_leaves_listed_files_out(engine, tmp_path):
    src = make_folder(tmp_path)
    (src / ".lpo-review-ignore").write_text("# not documents\nsub/*.xlsx\nempty.txt\n")
    report = review_dir(engine, src, tmp_path / "out")
    assert sorted(d.source for d in report.documents) == ["agreement-0.txt", "sub/scan.pdf"]


WORK_ORDER = {
    "supervising_attorney": "A. Partner",
    "tasks": [
        {"id": "T1", "description": "Review the agreements and summarize them for attorney review",
         "documents": ["agreement-*"]},
        {"id": "T2", "description": "Advise the client whether to sign the agreement",
         "documents": ["agreement-0.txt"]},
        {"id": "T3", "description": "Appear at the hearing on behalf of the client",
         "documents": ["hearing/**"]},
    ],
}


def test_out_of_scope_tasks_are_refused_before_work_and_routed_to_the_attorney(tmp_path):
    from lpo_review.config import Config
    from lpo_review.engine import Engine

    src = tmp_path / "src"
    (src / "hearing").mkdir(parents=True)
    (src / "agreement-0.txt").write_text(LETTER)
    (src / "hearing" / "notes.txt").write_text(LETTER.replace("Oregon", "Nevada"))
    engine = Engine(Config(work_order=WORK_ORDER))
    report = review_dir(engine, src, tmp_path / "out")
    by_source = {d.source: d for d in report.documents}
    hearing = by_source["hearing/notes.txt"]
    assert hearing.status == "refused" and "T3 (court_representation)" in hearing.message
    assert not (tmp_path / "out" / "packets" / f"{hearing.doc_id}.json").exists()
    assert {t["id"] for t in report.routed_to_attorney} == {"T2", "T3"}
    assert {t["supervising_attorney"] for t in report.routed_to_attorney} == {"A. Partner"}
    # the agreement is processed for T1, and its packet carries the refused T2 for sign-off
    packet = json.loads((tmp_path / "out" / "packets" /
                         f"{by_source['agreement-0.txt'].doc_id}.json").read_text())
    refused = [f for f in packet["findings"] if f["label"] == "out_of_scope_task"]
    assert [f["data"]["task"] for f in refused] == ["T2"]
    assert report.exit_status == EXIT_SOME_FAILED


def test_in_flight_documents_stay_within_the_byte_budget(engine, tmp_path, monkeypatch):
    """Memory is bounded by what is in flight: never more source bytes than the budget, except
    one document larger than the budget on its own (which still runs)."""
    import lpo_review.run as run_module

    src = make_folder(tmp_path, copies=5)
    (src / "large.txt").write_text(LETTER * 40)
    size = (src / "agreement-0.txt").stat().st_size
    monkeypatch.setattr(run_module, "IN_FLIGHT_BYTES", 2 * size + size // 2)
    seen: list[tuple[int, int]] = []
    submit = run_module._Run.submit

    def recording_submit(self, job, path):  # noqa: ANN001
        submit(self, job, path)
        seen.append((len(self.detecting) + len(self.analysing), self.in_flight_bytes))

    monkeypatch.setattr(run_module._Run, "submit", recording_submit)
    report = review_dir(engine, src, tmp_path / "out")
    assert report.totals()["ok"] == 6
    assert max(n for n, _ in seen) >= 2  # still a pipeline
    assert max(b for n, b in seen if n > 1) <= run_module.IN_FLIGHT_BYTES
    assert any(n == 1 and b > run_module.IN_FLIGHT_BYTES for n, b in seen)  # the large one


def _people(out: Path) -> dict[str, set[str]]:
    """Source file -> the PERSON placeholders of its packet."""
    found = {}
    for path in (out / "packets").glob("*.json"):
        packet = json.loads(path.read_text())
        found[packet["source_name"]] = {r["placeholder"] for r in packet["redactions"]
                                        if r["entity_type"] == "PERSON"}
    return found


def _letter(name: str) -> str:
    return f"Dear Ms. {name},\n\nThank you for your letter of March 3.\n\nRegards,\nOffice manager\n"


@pytest.mark.parametrize("with_key", [True, False])
def test_later_runs_into_one_matter_never_reuse_a_placeholder(tmp_path, with_key):
    """Two runs into one OUT with different people on each side: no two people share a
    placeholder; with the vault key the same person keeps hers across runs."""
    from lpo_review.engine import Engine

    key = os.urandom(32) if with_key else None
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(_letter("Henrietta Oyelaran-Voss"))
    review_dir(Engine(), src, out, vault_key=key)
    (src / "b.txt").write_text(_letter("Bartholomew Quayle"))
    (src / "c.txt").write_text(_letter("Henrietta Oyelaran-Voss") + "\nP.S. Call me.\n")
    review_dir(Engine(), src, out, vault_key=key)  # a fresh engine, as a new process has
    people = _people(out)
    assert people["a.txt"] and people["b.txt"] and not people["a.txt"] & people["b.txt"]
    if with_key:
        assert people["c.txt"] == people["a.txt"]
    else:
        assert not people["c.txt"] & people["b.txt"]


def test_nothing_outside_the_source_folder_is_read_and_what_is_passed_over_is_reported(
        engine, tmp_path):
    """A symlinked key never becomes a packet; links inside the folder are confined; hidden
    files, lock files and linked folders each get a line with the reason."""
    secret = tmp_path / "keys" / "vault.key"
    secret.parent.mkdir()
    secret.write_text("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIL\n-----END PRIVATE KEY-----\n")
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "agreement.txt").write_text(LETTER)
    (src / "notes.txt").symlink_to(secret)
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "keys").symlink_to(secret.parent, target_is_directory=True)
    (src / "sub" / "same.txt").symlink_to(src / "agreement.txt")
    (src / "inner").symlink_to(src / "sub", target_is_directory=True)
    (src / ".hidden.txt").write_text(LETTER)
    (src / "~$agreement.docx").write_bytes(b"lock")
    out = tmp_path / "out"
    report = review_dir(engine, src, out)
    by_source = {d.source: (d.status, d.reason) for d in report.documents}
    assert by_source == {
        "agreement.txt": ("ok", None),
        "sub/same.txt": ("skipped", "duplicate"),  # confined: a link to a file inside
        "notes.txt": ("refused", "symlink_outside_source"),
        "dangling.txt": ("refused", "symlink_outside_source"),
        "keys/": ("refused", "symlink_outside_source"),
        "inner/": ("skipped", "symlink_folder"),
        ".hidden.txt": ("skipped", "hidden"),
        "~$agreement.docx": ("skipped", "lock_file"),
    }
    assert report.exit_status == EXIT_SOME_FAILED
    written = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"PRIVATE KEY" not in written and str(secret).encode() not in written
