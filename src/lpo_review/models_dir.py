"""Where trained models live: ``$LPO_REVIEW_MODELS_DIR/<name>``, else inside the package.

The repository keeps them in its top-level ``models/``; ``src/lpo_review/_models`` links there,
so an editable install reads them in place and a wheel or an sdist carries them as package
data.  Shared by every component that ships a trained artefact (the clause model, the learned
guard), so they all honour the same environment variable.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

MODELS_ENV = "LPO_REVIEW_MODELS_DIR"
PACKAGED = "_models"


def find_model_dir(name: str, marker: str) -> Path:
    """``$LPO_REVIEW_MODELS_DIR/<name>`` if the variable is set, else the package's own
    ``_models/<name>`` (it must hold ``marker``).

    Raises :class:`FileNotFoundError` naming the variable when no such folder exists.
    """
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env) / name
    candidate = Path(str(files("lpo_review") / PACKAGED / name))  # an installed package is a folder
    if (candidate / marker).is_file():
        return candidate
    raise FileNotFoundError(f"model {name!r} not found: set {MODELS_ENV} to the folder holding "
                            f"{name}/{marker}, or train it (scripts/train_*.py)")
