"""Where per-document work runs: this process, a local process pool, or a Dask cluster.

Workers build one :class:`~lpo_review.engine.Engine` each, once, from the configuration (sent as
JSON, never an engine per task), and keep it for every document they are given.  The tasks are
plain module-level functions so any executor can ship them.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from lpo_review.config import Config
from lpo_review.engine import Detection, Engine, Review, ReviewFailure
from lpo_review.errors import LpoReviewError
from lpo_review.model import Document, Finding
from lpo_review.redact.redactor import RedactionResult

_ENGINES: dict[str, Engine] = {}


def worker_engine(config_json: str) -> Engine:
    """This process's engine for a configuration, built (and warmed up) on first use."""
    engine = _ENGINES.get(config_json)
    if engine is None:
        engine = Engine(Config.model_validate_json(config_json))
        engine.warm_up()
        _ENGINES[config_json] = engine
    return engine


def detect_task(config_json: str, path: str) -> Detection | ReviewFailure:
    """Read a file and detect its personal data (placeholders numbered per document)."""
    engine = worker_engine(config_json)
    try:
        return engine.detect(engine.read(path))
    except LpoReviewError as exc:
        return ReviewFailure.from_error(path, exc)


def analyse_task(config_json: str, document: Document, redaction: RedactionResult,
                 notices: list[Finding]) -> tuple[Review, list[tuple[str, bytes]]] | ReviewFailure:
    """Run the stages on the redacted document and render its packet."""
    engine = worker_engine(config_json)
    try:
        review = engine.analyse(document, redaction, notices)
    except LpoReviewError as exc:
        return ReviewFailure.from_error(document.source, exc)
    return review, engine.render(review.packet)


class Executor(Protocol):
    """Runs tasks; ``submit`` returns an object with ``result()`` and ``done()``."""

    workers: int

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Runs each task at once in this process, with the caller's engine."""

    workers = 1

    def __init__(self, engine: Engine):
        _ENGINES[engine.config.model_dump_json()] = engine

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # surfaced by result(), like a pool would
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


def _init_worker(config_json: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    worker_engine(config_json)


class ProcessExecutor:
    """A local pool of worker processes (spawned), each with its own engine.

    The workers start (and build their engines) at once, while the caller is still
    discovering and hashing files, rather than at the first document.
    """

    def __init__(self, config: Config, workers: int):
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(config.model_dump_json(),),
        )
        for _ in range(workers):  # the pool spawns a process per submission while none is idle
            self._pool.submit(int)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Runs tasks on a ``dask.distributed`` cluster; one engine per Dask worker process.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``"local"`` for a
    ``LocalCluster`` of ``workers`` single-threaded worker processes.
    """

    def __init__(self, config: Config, address: str = "local", workers: int = 2):
        from dask.distributed import Client, LocalCluster

        from lpo_review.dask_plugin import EngineWorkerPlugin

        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
        self.workers = max(1, sum(w.get("nthreads", 1) for w in
                                  self._client.scheduler_info()["workers"].values()))
        self._client.register_plugin(EngineWorkerPlugin(config.model_dump_json()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
