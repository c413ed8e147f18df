"""Fitting the learned guard on the labelled set and measuring it batch by batch.

Used by ``scripts/train_guard.py`` (the shipped artefact) and ``benchmarks/guard_eval.py``
(leave-one-batch-out figures); needs scikit-learn, which inference does not.

The labelled items (``benchmarks/data/guard_sentences.jsonl``, ``guard_tasks.jsonl``) carry a
``split`` naming the batch they were written in.  A threshold is always chosen on
out-of-fold probabilities: leave one batch of the *training* items out at a time, so the
batch being measured never influences its own threshold.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from lpo_review.guard.language import split_sentences
from lpo_review.guard.learned import EXEMPT, FEATURES, GuardModels, LinearGuard

#: The in-scope class of each model, and the out-of-scope label of its items.
NEGATIVE = {"sentences": "neutral", "tasks": "in_scope"}
POSITIVE = {"sentences": "advice", "tasks": "out_of_scope"}
#: Labelled categories filed under another one ("recommendation" is advice).
CATEGORY_ALIASES = {"recommendation": "advice"}
DATA_FILES = {"sentences": "guard_sentences.jsonl", "tasks": "guard_tasks.jsonl"}


def load_items(data_dir: Path, name: str) -> list[dict[str, Any]]:
    """The labelled items of one model (``"sentences"`` or ``"tasks"``)."""
    with open(data_dir / DATA_FILES[name], encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass(frozen=True)
class Example:
    """One training text, its class and the batch (split) it comes from."""

    text: str
    label: str
    group: str


def examples(name: str, items: Sequence[dict[str, Any]]) -> list[Example]:
    """Training texts of the items.

    A task is one example.  A drafted item is split into sentences like the guard splits it: a
    neutral item gives every sentence as neutral; an advice item gives its sentence when it
    has one (which sentence of a longer advice item advises is not labelled, so it is left out).
    """
    out = []
    for item in items:
        label = NEGATIVE[name] if item["label"] == NEGATIVE[name] else \
            CATEGORY_ALIASES.get(item["category"], item["category"])
        if name == "tasks":
            out.append(Example(item["text"], label, item["split"]))
            continue
        sentences = [s.text for s in split_sentences(item["text"])]
        if label == NEGATIVE[name] or len(sentences) == 1:
            out += [Example(s, label, item["split"]) for s in sentences]
    return out


#: Group of the external examples: always trained on, never scored.
EXTERNAL = "external"


def external_neutrals(shared_dir: Path, counts: dict[str, int], seed: int) -> list[Example]:
    """Neutral sentences from public legal text, sampled with ``seed``: ``counts["tab"]`` from
    the facts of ECHR judgments (TAB: narrative of events and procedure) and ``counts["cuad"]``
    from lawyer-highlighted contract clauses (CUAD: what provisions say).  Neither gives advice.
    """
    pools: dict[str, list[str]] = {"tab": [], "cuad": []}
    if counts.get("tab"):
        for name in ("tab_train_spia92.json",):
            for doc in json.loads((shared_dir / "tab" / name).read_text(encoding="utf-8")):
                pools["tab"] += [s.text for s in split_sentences(doc["text"])]
    if counts.get("cuad"):
        with open(shared_dir / "cuad" / "train.jsonl", encoding="utf-8") as fh:
            for line in fh:
                for clause in json.loads(line)["clauses"]:
                    pools["cuad"] += [s.text for s in split_sentences(clause["text"])]
    rng = np.random.default_rng(seed)
    out = []
    for source, pool in pools.items():
        pool = sorted({t for t in pool if 5 <= len(t.split()) <= 60 and t != t.upper()})
        picked = rng.choice(len(pool), size=min(counts.get(source, 0), len(pool)), replace=False)
        out += [Example(pool[i], "neutral", EXTERNAL) for i in sorted(picked)]
        # fragments (drafted cells hold phrases, not only sentences): a short run of words
        for i in sorted(picked)[:counts.get("fragments", 0)]:
            w = pool[i].rstrip(".").split()
            n = int(rng.integers(3, 7))
            start = int(rng.integers(0, max(1, len(w) - n)))
            out.append(Example(" ".join(w[start:start + n]), "neutral", EXTERNAL))
    return out


def _matrix(model: LinearGuard, texts: Sequence[str]) -> sparse.csr_matrix:
    """Rows as :meth:`LinearGuard.predict` scores them: known features, L2-normalised."""
    indptr, indices, data = [0], [], []
    for text in texts:
        cols = model.columns(model.featurise(text))
        indices += cols
        data += [1.0 / np.sqrt(len(cols))] * len(cols) if cols else []
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), len(model.vocabulary)),
                             dtype=np.float64)


def fit(name: str, train: Sequence[Example], config: dict[str, Any],
        threshold: float = 0.5) -> LinearGuard:
    """A model fitted on ``train`` (features seen in at least ``min_df`` examples)."""
    featurise = FEATURES[name]
    counts: dict[str, int] = {}
    for ex in train:
        for f in featurise(ex.text):
            counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= config["min_df"])
    classes = [NEGATIVE[name], *sorted({ex.label for ex in train} - {NEGATIVE[name]})]
    model = LinearGuard(classes, vocabulary, np.zeros((len(vocabulary), len(classes))),
                        np.zeros(len(classes)), threshold, featurise, EXEMPT[name])
    kept = [ex for ex in train if model.columns(featurise(ex.text))]
    clf = LogisticRegression(C=config["C"][name], solver="newton-cg", max_iter=500,
                             class_weight=config.get("class_weight"),
                             random_state=config["seed"])
    clf.fit(_matrix(model, [ex.text for ex in kept]),
            [classes.index(ex.label) for ex in kept])
    coef = np.zeros((len(vocabulary), len(classes)), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    if len(classes) == 2:  # sklearn keeps one row for two classes: class 1 against class 0
        coef[:, 1], intercept[1] = clf.coef_[0], clf.intercept_[0]
    else:
        coef[:, clf.classes_], intercept[clf.classes_] = clf.coef_.T, clf.intercept_
    model.coef, model.intercept = coef, intercept
    return model


def out_of_fold(name: str, train: Sequence[Example],
                config: dict[str, Any]) -> list[tuple[float, bool]]:
    """(probability out of scope, gold) for every example, each from a model fitted without
    the example's batch."""
    out = []
    for group in sorted({ex.group for ex in train} - {EXTERNAL}):
        model = fit(name, [ex for ex in train if ex.group != group], config)
        for ex in train:
            if ex.group == group:
                p = model.predict(ex.text)
                out.append((p.out_of_scope if p else 0.0, ex.label != NEGATIVE[name]))
    return out


def choose_threshold(scored: Sequence[tuple[float, bool]], min_precision: float,
                     grid: Sequence[float]) -> float:
    """The lowest threshold of ``grid`` whose precision is at least ``min_precision`` (the
    highest of the grid when none is)."""
    for t in sorted(grid):
        flagged = [gold for p, gold in scored if p >= t]
        if flagged and sum(flagged) / len(flagged) >= min_precision:
            return t
    return max(grid)


def train(name: str, items: Sequence[dict[str, Any]], config: dict[str, Any],
          extra: Sequence[Example] = ()) -> LinearGuard:
    """Fit a model on ``items`` (and ``extra`` examples) with its threshold chosen on
    leave-one-batch-out probabilities of the items."""
    exs = examples(name, items) + list(extra)
    threshold = choose_threshold(out_of_fold(name, exs, config), config["min_precision"][name],
                                 config["threshold_grid"])
    return fit(name, exs, config, threshold)


def train_models(data_dir: Path, shared_dir: Path, config: dict[str, Any],
                 exclude: Sequence[str] = ()) -> GuardModels:
    """Both models, trained on every labelled item outside the ``exclude`` batches (the
    sentence model also on the configured external neutral sentences)."""
    extra = external_neutrals(shared_dir, config.get("external_neutrals", {}), config["seed"])
    models = {}
    for name in FEATURES:
        items = [i for i in load_items(data_dir, name) if i["split"] not in exclude]
        models[name] = train(name, items, config, extra if name == "sentences" else ())
    return GuardModels(models, {"config": config, "excluded_batches": list(exclude)})
