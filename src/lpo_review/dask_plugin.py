"""Dask worker plugin: each worker builds its engine once, at start, with offline settings."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class EngineWorkerPlugin(WorkerPlugin):
    """Builds the worker's :class:`~lpo_review.engine.Engine` when the worker starts.

    The engine's redactor sets up the offline guards (tldextract's bundled suffix list, no
    hub access) in the worker process itself, so nothing a worker does reaches the network.
    """

    name = "lpo-review-engine"

    def __init__(self, config_json: str):
        self.config_json = config_json

    def setup(self, worker) -> None:  # noqa: ANN001 (dask's signature)
        from lpo_review.executors import worker_engine

        worker_engine(self.config_json)
