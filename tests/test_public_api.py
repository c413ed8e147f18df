"""The public API: every name in ``lpo_review.__all__`` imports, and every ``from lpo_review
import ...`` in the README is part of it."""

from __future__ import annotations

import re
from pathlib import Path

import lpo_review

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_public_name_imports() -> None:
    for name in lpo_review.__all__:
        assert getattr(lpo_review, name) is not None, name


def test_the_readme_uses_only_public_names() -> None:
    used = {name.strip() for line in re.findall(r"from lpo_review import ([\w, ]+)",
                                                README.read_text(encoding="utf-8"))
            for name in line.split(",")}
    assert used and used <= set(lpo_review.__all__)


def test_the_version_is_written_once() -> None:
    from importlib.metadata import version

    assert version("lpo-review") == lpo_review.__version__
