"""The learned guard: two small linear classifiers that back up the rules on unseen phrasing.

One model reads drafted sentences (:func:`~lpo_review.guard.features.sentence_features`), the
other work-order tasks (:func:`~lpo_review.guard.features.task_features`).  Each is a
multinomial logistic regression whose first class is the in-scope one ("neutral",
"in_scope") and whose other classes are the guard's categories; a text is flagged when the
probability of being out of scope (one minus the first class) reaches the threshold chosen by
cross-validation, and filed under its most probable category.

The models are combined with the rules by registering them as ordinary guard rules (one per
category, after the built-in ones): a text is out of scope when a rule *or* a model says so.
The rules' exemptions still hold for sentences: a sentence without a drafter's voice (reported
speech, quotes, transcript lines, record sections) has no features and is never flagged.

On disk (``models/guard/``, written by ``scripts/train_guard.py``): ``weights.npz``
(``<model>_coef`` float16 ``[features, classes]``, ``<model>_intercept`` float32) and
``model.json`` (per model: classes, threshold, vocabulary; the training configuration and
cross-validated figures).  Loading needs numpy only and no network.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from lpo_review.guard.features import (
    not_asserted,
    sentence_features,
    task_features,
    work_product_only,
)
from lpo_review.guard.rules import GuardRule
from lpo_review.models_dir import find_model_dir

MODEL_NAME = "guard"
WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
#: The two models of the artefact and the features each reads.
FEATURES: dict[str, Callable[[str], list[str]]] = {
    "sentences": sentence_features,
    "tasks": task_features,
}
#: Texts a model never flags (it still learns from them).
EXEMPT: dict[str, Callable[[str], bool]] = {
    "sentences": not_asserted,  # (a sentence without a drafter's voice has no features)
    "tasks": work_product_only,
}


@dataclass(frozen=True)
class Prediction:
    """A model's verdict on one text: probability of being out of scope and the likeliest
    out-of-scope category."""

    out_of_scope: float
    category: str


@dataclass
class LinearGuard:
    """Multinomial logistic regression over feature strings (class 0 is the in-scope class)."""

    classes: list[str]
    vocabulary: list[str]
    coef: np.ndarray
    """``[features, classes]`` weights."""
    intercept: np.ndarray
    threshold: float
    featurise: Callable[[str], list[str]]
    exempt: Callable[[str], bool] = lambda _: False
    """Texts never flagged (:data:`EXEMPT`)."""
    _index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.vocabulary)}
        self.coef = np.ascontiguousarray(self.coef, dtype=np.float32)
        self.intercept = np.asarray(self.intercept, dtype=np.float32)

    def columns(self, features: Sequence[str]) -> list[int]:
        """Vocabulary indices of the known ``features`` (each counted once)."""
        return sorted({self._index[f] for f in features if f in self._index})

    def predict(self, text: str) -> Prediction | None:
        """The model's verdict on ``text`` (``None`` when exempt or without known features)."""
        if self.exempt(text):
            return None
        cols = self.columns(self.featurise(text))
        if not cols:
            return None
        logits = self.coef[cols].sum(axis=0) / math.sqrt(len(cols)) + self.intercept
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        best = 1 + int(np.argmax(probs[1:]))
        return Prediction(float(1.0 - probs[0]), self.classes[best])

    def flags(self, text: str) -> Prediction | None:
        """The prediction when it reaches the threshold, else ``None``."""
        p = self.predict(text)
        return p if p is not None and p.out_of_scope >= self.threshold else None


@dataclass
class GuardModels:
    """The sentence and the task model with the training metadata."""

    models: dict[str, LinearGuard]
    meta: dict[str, Any]

    @classmethod
    def load(cls, directory: Path | None = None) -> GuardModels:
        """Load a directory written by :meth:`save` (default: :func:`default_model_dir`)."""
        directory = directory or default_model_dir()
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        models = {}
        with np.load(directory / WEIGHTS_FILE) as arrays:
            for name, featurise in FEATURES.items():
                m = meta["models"][name]
                models[name] = LinearGuard(m["classes"], m["vocabulary"], arrays[name + "_coef"],
                                           arrays[name + "_intercept"], m["threshold"], featurise,
                                           EXEMPT[name])
        return cls(models, meta)

    def save(self, directory: Path) -> None:
        """Write ``weights.npz`` and ``model.json`` to ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {}
        for name, m in self.models.items():
            arrays[name + "_coef"] = m.coef.astype(np.float16)
            arrays[name + "_intercept"] = m.intercept
        np.savez(directory / WEIGHTS_FILE, **arrays)  # type: ignore[arg-type]
        meta = dict(self.meta, models={
            name: {"classes": m.classes, "threshold": m.threshold, "vocabulary": m.vocabulary}
            for name, m in self.models.items()})
        (directory / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def default_model_dir() -> Path:
    """``models/guard`` (see :func:`lpo_review.models_dir.find_model_dir`)."""
    return find_model_dir(MODEL_NAME, META_FILE)


@lru_cache(maxsize=1)
def shipped_models() -> GuardModels:
    """The shipped models, loaded once per process."""
    return GuardModels.load()


def _check(predict: Callable[[str], Prediction | None], category: str,
           what: str) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        p = predict(text)
        if p is None or p.category != category:
            return None
        return f"the learned guard reads this {what} as {category.replace('_', ' ')} " \
               f"(p={p.out_of_scope:.2f})"
    return check


def learned_rules(models: GuardModels) -> list[GuardRule]:
    """Guard rules backed by the models: ``text.learned.<category>`` for drafted sentences,
    ``task.learned.<category>`` for work-order tasks (one model call per text, cached)."""
    rules = []
    for name, target, what in (("sentences", "text", "sentence"), ("tasks", "task", "task")):
        model = models.models[name]
        predict = lru_cache(maxsize=4096)(model.flags)
        rules += [GuardRule(f"{target}.learned.{c}", target, _check(predict, c, what), c)
                  for c in model.classes[1:]]
    return rules
