"""The trained clause model: loading from plain arrays, scoring segments, building clauses.

On disk (``models/clauses/``): ``weights.npz`` (uncompressed, so loading is a plain read:
``coef_t`` float16 ``[features, categories]``, ``intercept`` float32) and ``model.json``
(categories, hashing size, per-category thresholds, training configuration and contract ids).
Loading needs numpy only and no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lpo_review.models_dir import find_model_dir
from lpo_review.stages.clauses import rules
from lpo_review.stages.clauses.features import vectorise
from lpo_review.stages.clauses.segment import Segment, segment

WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
#: Scored candidates below this (calibrated) score are not reported at all.
SCORE_FLOOR = 0.02
#: A clause is accepted when its calibrated score reaches this.
ACCEPT = 0.5


@dataclass(frozen=True)
class Clause:
    """One extracted clause: ``text[start:end]`` of ``category`` with a confidence score."""

    category: str
    start: int
    end: int
    score: float
    accepted: bool
    """Score at or above the category's threshold (reported as a finding)."""


def default_model_dir() -> Path:
    """``$LPO_REVIEW_MODELS_DIR/clauses`` if set, else the repository's ``models/clauses``."""
    return find_model_dir("clauses", META_FILE)


def calibrate(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Map each category's probabilities piecewise-linearly so its tuned threshold becomes
    :data:`ACCEPT`; scores of different categories then rank together."""
    t = np.clip(thresholds, 1e-6, 1 - 1e-6)
    low = ACCEPT * probs / t
    high = ACCEPT + (1 - ACCEPT) * (probs - t) / (1 - t)
    return np.where(probs < t, low, high)


def runs(segments: list[Segment], probs: np.ndarray, threshold: float,
         max_run: int = 1) -> list[tuple[int, int, float]]:
    """Merge up to ``max_run`` consecutive segments scoring ``>= threshold`` into spans
    ``(start, end, score)``; the score of a merged span is the highest of its segments."""
    out: list[tuple[int, int, float]] = []
    cur: list[Any] | None = None
    for i in np.flatnonzero(probs >= threshold):
        seg = segments[i]
        if cur is not None and cur[3] == i - 1 and cur[4] < max_run:
            cur[1] = seg.end
            cur[2] = max(cur[2], float(probs[i]))
            cur[3] = i
            cur[4] += 1
        else:
            if cur is not None:
                out.append((cur[0], cur[1], cur[2]))
            cur = [seg.start, seg.end, float(probs[i]), i, 1]
    if cur is not None:
        out.append((cur[0], cur[1], cur[2]))
    return out


def scored_spans(segments: list[Segment], scores: np.ndarray, threshold: float, max_run: int,
                 floor: float = SCORE_FLOOR) -> list[tuple[int, int, float, bool]]:
    """Accepted runs at ``threshold`` plus the sub-threshold segments down to ``floor``."""
    accepted = [(s, e, sc, True) for s, e, sc in runs(segments, scores, threshold, max_run)]
    below = np.where(scores >= threshold, 0.0, scores)
    rest = [(s, e, sc, False) for s, e, sc in runs(segments, below, floor)]
    return accepted + rest


class ClauseModel:
    """Linear one-vs-rest classifier over hashed segment features, plus the phrase rules."""

    def __init__(self, categories: list[str], coef_t: np.ndarray, intercept: np.ndarray,
                 thresholds: dict[str, float], n_features: int, meta: dict[str, Any] | None = None):
        """``coef_t`` holds the weights as ``[features, categories]``."""
        self.categories = categories
        self.intercept = intercept.astype(np.float32)
        self.thresholds = thresholds
        self.n_features = n_features
        self.meta = meta or {}
        self._coef_t = np.ascontiguousarray(coef_t, dtype=np.float32)

    # -- persistence -------------------------------------------------------------------------
    @classmethod
    def load(cls, directory: Path | None = None) -> ClauseModel:
        """Load a model directory written by :meth:`save`."""
        directory = directory or default_model_dir()
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        with np.load(directory / WEIGHTS_FILE) as arrays:
            coef_t, intercept = arrays["coef_t"], arrays["intercept"]
        return cls(meta["categories"], coef_t, intercept, meta["thresholds"], meta["n_features"], meta)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez(directory / WEIGHTS_FILE, coef_t=self._coef_t.astype(np.float16),
                 intercept=self.intercept)
        meta = dict(self.meta, categories=self.categories, thresholds=self.thresholds,
                    n_features=self.n_features)
        (directory / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")

    # -- inference ---------------------------------------------------------------------------
    def segment_probabilities(self, text: str) -> tuple[list[Segment], np.ndarray]:
        """Segments of ``text`` and their probability per category ``[segments, categories]``."""
        segments = segment(text)
        if not segments:
            return segments, np.zeros((0, len(self.categories)), dtype=np.float32)
        logits = vectorise(text, segments, self.n_features).dot(self._coef_t) + self.intercept
        return segments, 1.0 / (1.0 + np.exp(-logits))

    def extract(self, text: str, threshold: float = ACCEPT) -> list[Clause]:
        """Every scored clause (accepted or not) in document order.

        Scores are calibrated so that :data:`ACCEPT` is each category's tuned threshold;
        ``threshold`` accepts more (lower) or fewer (higher) clauses than the tuned ones.
        """
        segments, probs = self.segment_probabilities(text)
        cuts = np.array([self.thresholds[c] for c in self.categories], dtype=np.float32)
        return combine(self.categories, segments, calibrate(probs, cuts), rules.extract(text),
                       threshold, int(self.meta.get("config", {}).get("max_run", 1)))


def combine(categories: list[str], segments: list[Segment], scores: np.ndarray,
            phrases: list[rules.Phrase], threshold: float, max_run: int) -> list[Clause]:
    """Clauses from calibrated segment scores and rule phrases.

    Rule categories (:data:`rules.RULE_CATEGORIES`) come from the rules only; Effective Date
    from both (a dated preamble or a commencement sentence).
    """
    out: list[Clause] = []
    for j, cat in enumerate(categories):
        if cat not in rules.RULE_CATEGORIES:
            out.extend(Clause(cat, s, e, sc, ok)
                       for s, e, sc, ok in scored_spans(segments, scores[:, j], threshold, max_run))
    for cat, s, e, sc in phrases:
        out.append(Clause(cat, s, e, sc, sc >= threshold))
    out.sort(key=lambda c: (c.start, c.category))
    return out
