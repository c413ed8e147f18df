"""Where trained models live: ``$LPO_REVIEW_MODELS_DIR/<name>`` or the repository's ``models/``.

Shared by every component that ships a trained artefact (the clause model, the learned guard),
so they all honour the same environment variable and the same repository lookup.
"""

from __future__ import annotations

import os
from pathlib import Path

MODELS_ENV = "LPO_REVIEW_MODELS_DIR"


def find_model_dir(name: str, marker: str) -> Path:
    """``$LPO_REVIEW_MODELS_DIR/<name>`` if the variable is set, else ``models/<name>`` of the
    first parent folder of this file holding ``models/<name>/<marker>``.

    Raises :class:`FileNotFoundError` naming the variable when no such folder exists.
    """
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env) / name
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "models" / name
        if (candidate / marker).is_file():
            return candidate
    raise FileNotFoundError(f"model {name!r} not found: set {MODELS_ENV} to the folder holding "
                            f"{name}/{marker}, or train it (scripts/train_*.py)")
