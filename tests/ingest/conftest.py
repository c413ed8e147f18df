"""Ingest fixtures: a plugin manager with the built-in readers, and a one-call ``ingest``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pluggy
import pytest

from lpo_review import hookspecs
from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.ingest import docx, kind, pdf, txt
from lpo_review.ingest.common import check_file
from lpo_review.ingest.lines import finalize_lines
from lpo_review.model import Document


@pytest.fixture(scope="session")
def config() -> Config:
    return Config()


@pytest.fixture(scope="session")
def plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for module in (txt, docx, pdf, kind):
        pm.register(module)
    return pm


@pytest.fixture
def ingest(
    plugin_manager: pluggy.PluginManager, config: Config
) -> Callable[[Path], Document]:
    """Read a file the way the engine does: check, read hook, kind hook, line finalisation."""

    def run(path: Path) -> Document:
        head = check_file(path, config)
        document = plugin_manager.hook.lpo_review_read(
            path=path, head=head, config=config
        )
        if document is None:
            raise IngestError("unsupported_type", f"{path.name}: no reader")
        document.kind = plugin_manager.hook.lpo_review_detect_kind(
            text=document.text, config=config
        )
        return finalize_lines(document)

    return run


@pytest.fixture
def failure(ingest: Callable[[Path], Document]) -> Callable[[Path], tuple[str, str]]:
    """Ingest a file that must be refused; return the error's reason and message."""

    def run(path: Path) -> tuple[str, str]:
        with pytest.raises(IngestError) as info:
            ingest(path)
        return info.value.reason, str(info.value)

    return run
