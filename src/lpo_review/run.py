"""Batch runs over a folder: discover files, skip what is done, review, write, report.

The run is a bounded pipeline, the same whatever executes it (this process, a local process
pool, or a Dask cluster)::

    worker: read + detect  ->  this process: run-wide placeholders, in file order
        ->  worker: stages + renderings  ->  this process: vault, packet files, report

Only this process numbers placeholders and writes files, so the packets are identical for any
number of workers.  A document whose packet JSON exists (by content hash) is skipped unless
``redo`` is set, so a killed run resumes where it stopped; SIGINT/SIGTERM stop submitting,
finish the documents in flight and write the report.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatch
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from lpo_review import __version__
from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.vault import (
    read_vault_keys,
    vault_doc_ids,
    write_vault_entry,
)
from lpo_review.engine import Engine, Review, ReviewFailure
from lpo_review.errors import IngestError
from lpo_review.executors import Executor, InlineExecutor, analyse_task, detect_task
from lpo_review.guard.rules import guard_rules
from lpo_review.guard.tasks import DocumentTasks, evaluate_work_order, tasks_for
from lpo_review.ingest.common import sha256_file
from lpo_review.ingest.families import CONTAINERS, Family, Member, expand
from lpo_review.model import Finding, doc_id_for
from lpo_review.packets.atomic import atomic_write
from lpo_review.packets.store import PacketStore
from lpo_review.stages.email.threads import conversations, write_conversations

REPORT_NAME = "run-report.json"

#: Exit statuses of ``lpo-review review`` (documented in the README).
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@dataclass
class DocOutcome:
    """One line of the run report."""

    source: str
    status: str
    """``ok``, ``skipped`` (done earlier, or a duplicate), ``failed`` or ``refused``."""
    doc_id: str | None = None
    sha256: str | None = None
    kind: str | None = None
    pages: int | None = None
    words: int | None = None
    seconds: float | None = None
    reason: str | None = None
    message: str | None = None
    family: dict[str, Any] | None = None
    """An e-mail family member's links (:class:`lpo_review.ingest.families.Family`)."""


@dataclass
class RunReport:
    """The report of one batch run (written as ``run-report.json``)."""

    src: str
    out: str
    started_at: str
    engine_version: str = __version__
    config: dict[str, Any] = field(default_factory=dict)
    documents: list[DocOutcome] = field(default_factory=list)
    finished_at: str | None = None
    interrupted: bool = False
    seconds: float = 0.0
    vault: str = "not kept: no vault key given"
    work_order: dict[str, Any] = field(default_factory=dict)
    routed_to_attorney: list[dict[str, Any]] = field(default_factory=list)
    """Refused work-order tasks, for the supervising attorney."""
    threads: list[list[str]] = field(default_factory=list)
    """E-mail conversations: the document IDs of the messages of each (see conversations)."""

    def totals(self) -> dict[str, Any]:
        counts: dict[str, int] = {"documents": len(self.documents), "ok": 0, "skipped": 0,
                                  "failed": 0, "refused": 0}
        for d in self.documents:
            counts[d.status] = counts.get(d.status, 0) + 1
        done = [d for d in self.documents if d.status == "ok"]
        words = sum(d.words or 0 for d in done)
        return {
            **counts,
            "words": words,
            "pages": sum(d.pages or 0 for d in done),
            "words_per_second": round(words / self.seconds, 1) if self.seconds else None,
            "docs_per_second": round(len(done) / self.seconds, 3) if self.seconds else None,
        }

    @property
    def exit_status(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        failed = any(d.status in ("failed", "refused") for d in self.documents)
        return EXIT_SOME_FAILED if failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["totals"] = self.totals()
        data["exit_status"] = self.exit_status
        return data


IGNORE_FILE = ".lpo-review-ignore"


def _ignore_patterns(src: Path) -> list[str]:
    """Glob patterns from ``SRC/.lpo-review-ignore`` (one per line, ``#`` comments)."""
    try:
        lines = (src / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def discover(src: Path) -> tuple[list[Path], list[DocOutcome]]:
    """Every regular file under ``src`` (recursively), sorted, and what is passed over.

    Nothing outside ``src`` is read: a symbolic link to a file is followed only when its target
    lies inside ``src``; a link pointing out (``ln -s ~/keys/vault.key notes.txt``) or nowhere
    is refused, and linked folders are never walked (their files, if inside, are reached through
    the real folder).  Hidden files and folders and Office lock files (``~$...``) are skipped;
    each of these gets a line in the report.  Paths matching a pattern of
    ``SRC/.lpo-review-ignore`` (against the relative path and the name) are left out silently:
    the matter's owner listed them.
    """
    if src.is_file():
        return [src], []
    root_dir = src.resolve()
    patterns = _ignore_patterns(src)
    files: list[Path] = []
    passed: list[DocOutcome] = []
    for root, dirs, names in os.walk(src):
        here = Path(root)
        for d in sorted(dirs):
            rel = (here / d).relative_to(src).as_posix()
            if d.startswith("."):
                passed.append(DocOutcome(rel + "/", "skipped", reason="hidden",
                                         message="hidden folder: not read"))
            elif (here / d).is_symlink():
                passed.append(_link_outcome(here / d, rel + "/", root_dir, folder=True))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(names):
            path = here / name
            rel = path.relative_to(src).as_posix()
            if rel == IGNORE_FILE or any(fnmatch(rel, p) or fnmatch(name, p) for p in patterns):
                continue
            if name.startswith("."):
                passed.append(DocOutcome(rel, "skipped", reason="hidden",
                                         message="hidden file: not read"))
            elif name.startswith("~$"):
                passed.append(DocOutcome(rel, "skipped", reason="lock_file",
                                         message="an Office lock file, not a document"))
            elif path.is_symlink() and not _inside(path, root_dir):
                passed.append(_link_outcome(path, rel, root_dir, folder=False))
            else:
                files.append(path)
    return files, passed


def _inside(path: Path, root_dir: Path) -> bool:
    """Whether ``path`` (a link) resolves to an existing path inside ``root_dir``."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop
        return False
    return target == root_dir or root_dir in target.parents


def _link_outcome(path: Path, rel: str, root_dir: Path, *, folder: bool) -> DocOutcome:
    if folder and _inside(path, root_dir):
        return DocOutcome(rel, "skipped", reason="symlink_folder",
                          message="a linked folder inside the source folder: its files are read "
                                  "where they are")
    return DocOutcome(rel, "refused", reason="symlink_outside_source",
                      message=f"a symbolic link to a {'folder' if folder else 'file'} outside "
                              "the source folder (or to nothing): not read")


@contextmanager
def _stop_on_signals() -> Iterator[Callable[[], bool]]:
    """SIGINT/SIGTERM set a flag; the run stops submitting and drains what is in flight."""
    stop = {"flag": False}

    def handler(signum: int, frame: object) -> None:
        stop["flag"] = True

    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, handler)
        except ValueError:  # not the main thread: no signal handling
            pass
    try:
        yield lambda: stop["flag"]
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


#: Documents in flight per worker when several work at once: enough that a long transcript at
#: the head of the (ordered) pipeline does not leave the others idle.  One worker needs no
#: more than two (and finishes fewer after a stop signal).
WINDOW_PER_WORKER = 8
#: Source bytes in flight at most (a document larger than this still runs, alone).
IN_FLIGHT_BYTES = 64 * 2**20


@dataclass
class _Job:
    index: int
    source: str
    sha256: str
    size: int
    started: float
    notices: list[Finding] = field(default_factory=list)
    future: Any = None
    family: Family | None = None


def _task_notices(tasks: DocumentTasks) -> list[Finding]:
    """A finding per refused work-order task that also covers a document being processed."""
    return [
        Finding(stage="guard", label="out_of_scope_task", start=0, end=0, cite="",
                text=d.task.description, plugin="guard", plugin_version=__version__,
                data={"task": d.task.id, "category": d.category, "reason": d.reason})
        for d in tasks.refused
    ]


class _Run:
    """State of one batch run: the pipeline's queues and the report."""

    def __init__(self, engine: Engine, executor: Executor, store: PacketStore, report: RunReport,
                 vault_key: bytes | None, on_outcome: Callable[[DocOutcome], None] | None):
        self.engine, self.executor, self.store, self.report = engine, executor, store, report
        self.vault_key, self.on_outcome = vault_key, on_outcome
        self.window = WINDOW_PER_WORKER * executor.workers if executor.workers > 1 else 2
        self.config_json = engine.config.model_dump_json()
        self.detecting: deque[_Job] = deque()
        self.analysing: deque[_Job] = deque()
        self.in_flight_bytes = 0
        self.outcomes: dict[int, DocOutcome] = {}
        self.threads: dict[str, dict[str, Any]] = {}
        """doc_id -> an e-mail's thread keys (hashed Message-ID and the IDs it replies to)."""

    def record(self, index: int, outcome: DocOutcome) -> None:
        self.outcomes[index] = outcome
        if self.on_outcome:
            self.on_outcome(outcome)

    def fail(self, job: _Job, failure: ReviewFailure) -> None:
        self.in_flight_bytes -= job.size
        self.record(job.index, DocOutcome(job.source, "failed", doc_id_for(job.sha256), job.sha256,
                                          reason=failure.reason, message=failure.message,
                                          family=job.family.as_dict() if job.family else None))

    def submit(self, job: _Job, path: Path) -> None:
        """Start ``job`` once the window has room for it (in documents and in bytes)."""
        while self.detecting or self.analysing:
            in_flight = len(self.detecting) + len(self.analysing)
            if in_flight < self.window and self.in_flight_bytes + job.size <= IN_FLIGHT_BYTES:
                break
            self.step()
        job.future = self.executor.submit(detect_task, self.config_json, str(path))
        self.detecting.append(job)
        self.in_flight_bytes += job.size

    def step(self) -> None:
        """Advance the oldest job: its detection if any is pending, else its analysis."""
        if self.detecting:
            job = self.detecting.popleft()
            detection = job.future.result()
            if isinstance(detection, ReviewFailure):
                self.fail(job, detection)
                return
            if job.family is not None:  # a family member is named as its family names it
                detection.document.source = job.source
            redaction = self.engine.assign(detection)  # in file order, in this process
            job.future = self.executor.submit(analyse_task, self.config_json,
                                              detection.document, redaction, job.notices)
            self.analysing.append(job)
            while self.analysing and (len(self.analysing) >= self.window or
                                      self.analysing[0].future.done()):
                self.finish(self.analysing.popleft())
        elif self.analysing:
            self.finish(self.analysing.popleft())

    def finish(self, job: _Job) -> None:
        result = job.future.result()
        if isinstance(result, ReviewFailure):
            self.fail(job, result)
            return
        self.in_flight_bytes -= job.size
        review, renderings = result
        family = job.family.as_dict() if job.family else None
        if family:  # the links a load file needs, with the packet (and signed with it)
            review.packet.meta["family"] = family
        write_review(self.engine, self.store, review, renderings, self.vault_key)
        p = review.packet
        if "thread" in p.meta:
            self.threads[p.doc_id] = p.meta["thread"]
        self.record(job.index, DocOutcome(job.source, "ok", p.doc_id, p.source_sha256, p.kind,
                                          p.pages, p.words,
                                          round(time.perf_counter() - job.started, 4),
                                          family=family))

    def drain(self) -> None:
        while self.detecting or self.analysing:
            self.step()


def review_dir(
    engine: Engine,
    src: str | Path,
    out: str | Path,
    *,
    redo: bool = False,
    vault_key: bytes | None = None,
    executor: Executor | None = None,
    on_outcome: Callable[[DocOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunReport:
    """Review every file under ``src`` into ``out``; returns (and writes) the run report.

    ``executor`` runs the per-document work: ``None`` runs it here with ``engine``; a
    :class:`~lpo_review.executors.ProcessExecutor` or
    :class:`~lpo_review.executors.DaskExecutor` spreads it over workers (one engine each).
    """
    src, out = Path(src), Path(out)
    executor = executor or InlineExecutor(engine)
    store = PacketStore(out)
    store.remove_partials()
    t0 = time.perf_counter()
    report = RunReport(
        src=str(src), out=str(out),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        config={"profile": engine.config.profile, "model": engine.config.model,
                "kind": engine.config.kind, "plugins": sorted(engine.pm.versions),
                "workers": executor.workers},
    )
    if vault_key is not None:
        report.vault = "written to vault/ (encrypted)"
    decision = evaluate_work_order(engine.config, guard_rules(engine.pm, engine.config))
    report.work_order = decision.as_dict()
    report.routed_to_attorney = [
        {**d.as_dict(), "supervising_attorney": decision.supervising_attorney}
        for d in decision.refused
    ]
    audit = AuditLog.for_matter(out)
    audit.append(default_actor(), "review.start",
                 details={"profile": engine.config.profile, "engine_version": __version__,
                          "workers": executor.workers, "redo": redo})
    restore_pseudonyms(engine, store, vault_key)
    files, passed_over = discover(src)
    if on_total:
        on_total(len(files))
    run = _Run(engine, executor, store, report, vault_key, on_outcome)
    seen: dict[str, str] = {}
    with _stop_on_signals() as stopping, TemporaryDirectory(prefix="lpo-review-") as members:
        for index, member in enumerate(_members(src, files, Path(members))):
            if stopping():
                report.interrupted = True
                break
            path, rel, family = member.path, member.rel, member.family
            links = family.as_dict() if family else None
            try:
                if member.error is not None:
                    raise member.error
                sha = sha256_file(path)
            except IngestError as exc:
                run.record(index, DocOutcome(rel, "failed", reason=exc.reason, message=str(exc),
                                             family=links))
                continue
            doc_id = doc_id_for(sha)
            if doc_id in seen:
                run.record(index, DocOutcome(rel, "skipped", doc_id, sha, reason="duplicate",
                                             message=f"same content as {seen[doc_id]}",
                                             family=links))
                continue
            seen[doc_id] = rel
            tasks = tasks_for(rel, decision)
            if not tasks.process:
                run.record(index, DocOutcome(rel, "refused", doc_id, sha,
                                             reason="out_of_scope_task", message=tasks.refusal))
                continue
            if not redo and store.is_done(doc_id):
                run.record(index, DocOutcome(rel, "skipped", doc_id, sha, reason="already_done",
                                             message="packet exists from an earlier run"))
                continue
            run.submit(_Job(index, rel, sha, path.stat().st_size, time.perf_counter(),
                            _task_notices(tasks), family=family), path)
        run.drain()
    for k, outcome in enumerate(passed_over, start=max(run.outcomes, default=-1) + 1):
        run.record(k, outcome)
    report.documents = [run.outcomes[i] for i in sorted(run.outcomes)]
    report.threads = conversations(run.threads)
    if report.threads:
        write_conversations(out, report.threads, store)
    report.seconds = round(time.perf_counter() - t0, 3)
    report.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
    write_report(out, report)
    audit.append(default_actor(), "review.finish",
                 documents=[{"doc_id": d.doc_id, "sha256": d.sha256} for d in report.documents
                            if d.status == "ok" and d.doc_id and d.sha256],
                 details={**{k: v for k, v in report.totals().items() if k != "documents"},
                          "interrupted": report.interrupted,
                          "refused": [d.doc_id for d in report.documents
                                      if d.status == "refused"]})
    return report


def _members(src: Path, files: list[Path], work: Path) -> Iterator[Member]:
    """The files to review: each file as it is, an e-mail container as its family's members
    (:mod:`lpo_review.ingest.families`)."""
    for path in files:
        rel = str(path.relative_to(src)) if path != src else path.name
        if path.suffix.lower() in CONTAINERS:
            yield from expand(path, rel, work)
        else:
            yield Member(path, rel, None)


def restore_pseudonyms(engine: Engine, store: PacketStore, vault_key: bytes | None) -> None:
    """Continue the placeholders of earlier runs into ``store``'s matter folder.

    Every placeholder a packet there uses is reserved, so a new value never gets the number of
    an old one (with or without the vault key); with the key, the table is restored from the
    vault, so a value seen before gets its old placeholder again.  Nothing to do when
    placeholders are numbered per document.
    """
    if engine.config.redaction.pseudonym_scope != "run":
        return
    table = engine.pseudonyms
    for placeholder in store.placeholders_used():
        table.reserve(placeholder)
    if vault_key is not None:
        for doc_id in vault_doc_ids(store.out_dir):
            for placeholder, (entity_type, key) in read_vault_keys(
                    store.out_dir, doc_id, vault_key).items():
                table.restore(entity_type, key, placeholder)


def write_review(engine: Engine, store: PacketStore, review: Review,
                 renderings: list[tuple[str, bytes]], vault_key: bytes | None) -> list[Path]:
    """Persist one review: vault entry, renderings, then the packet JSON (completion marker)."""
    if vault_key is not None:
        keys = {ph: k for ph in review.entity_types
                if (k := engine.pseudonyms.key_of(ph)) is not None}
        write_vault_entry(store.out_dir, review.packet.doc_id, review.originals,
                          review.entity_types, vault_key, spans=review.spans, keys=keys,
                          date_shift=review.date_shift)
    paths = store.write(review.packet, renderings)
    engine.pm.hook.lpo_review_packet_written(packet=review.packet, paths=paths,
                                             config=engine.config)
    return paths


def write_report(out: Path, report: RunReport) -> Path:
    return atomic_write(out / REPORT_NAME, json.dumps(report.to_dict(), indent=2) + "\n")
