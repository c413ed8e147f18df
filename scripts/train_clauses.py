"""Train the clause-extraction model on CUAD and write it to models/clauses/.

    python scripts/train_clauses.py [--config models/clauses/train_config.json] [--out models/clauses]
        [--limit N]

The split is fixed by contract and seed (see the config): the test part is never used here
(benchmarks/clauses_bench.py reports on it); thresholds are tuned on the validation part, then
the classifier is refit on train+validation when the config says so.  Same config, same model.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import SGDClassifier

from lpo_review.stages.clauses import rules
from lpo_review.stages.clauses.cuad_data import (
    CATEGORIES,
    Contract,
    load_contracts,
    split_contracts,
)
from lpo_review.stages.clauses.evaluation import Scorer
from lpo_review.stages.clauses.features import vectorise
from lpo_review.stages.clauses.model import ACCEPT, ClauseModel, runs
from lpo_review.stages.clauses.segment import Segment, segment

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "models" / "clauses" / "train_config.json"


def segment_labels(contract: Contract, segments: list[Segment], min_overlap: float) -> np.ndarray:
    """``[segments, categories]`` 0/1: a segment is positive for a category when a gold span of
    it covers at least ``min_overlap`` of the segment, or the segment holds that much of the span."""
    y = np.zeros((len(segments), len(CATEGORIES)), dtype=np.int8)
    index = {c: j for j, c in enumerate(CATEGORIES)}
    starts = [s.start for s in segments]
    for cat, g_start, g_end in contract.spans:
        i = max(0, bisect.bisect_right(starts, g_start) - 1)
        while i < len(segments) and segments[i].start < g_end:
            seg = segments[i]
            overlap = min(seg.end, g_end) - max(seg.start, g_start)
            if overlap > 0 and (overlap >= min_overlap * (seg.end - seg.start)
                                or overlap >= min_overlap * (g_end - g_start)):
                y[i, index[cat]] = 1
            i += 1
    return y


def featurise(contracts: list[Contract], n_features: int, min_overlap: float):
    """Segments, feature matrix and labels for a list of contracts."""
    segs, xs, ys = [], [], []
    for c in contracts:
        s = segment(c.text)
        segs.append(s)
        rows = vectorise(c.text, s, n_features)
        xs.append(sparse.csr_matrix((rows.data, rows.indices, rows.indptr), shape=rows.shape))
        ys.append(segment_labels(c, s, min_overlap))
    return segs, sparse.vstack(xs).tocsr(), np.vstack(ys)


def fit(x: sparse.csr_matrix, y: np.ndarray, params: dict, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One binary SGD logistic model per category; returns ``(coef, intercept)``."""
    coef = np.zeros((len(CATEGORIES), x.shape[1]), dtype=np.float32)
    intercept = np.full(len(CATEGORIES), -10.0, dtype=np.float32)
    for j, _category in enumerate(CATEGORIES):
        if y[:, j].sum() == 0:
            continue
        clf = SGDClassifier(random_state=seed, **params)
        clf.fit(x, y[:, j])
        coef[j] = clf.coef_[0]
        intercept[j] = clf.intercept_[0]
    return coef, intercept


def tune_thresholds(model: ClauseModel, valid: list[Contract], grid: list[float],
                    max_run: int) -> dict[str, float]:
    """Per-category probability threshold maximising span F1 on the validation contracts."""
    cached = [(c, *model.segment_probabilities(c.text), rules.extract(c.text)) for c in valid]
    best: dict[str, float] = {}
    for cat in CATEGORIES:
        if cat in rules.RULE_CATEGORIES:
            best[cat] = 0.5
            continue
        j = model.categories.index(cat)
        scores = []
        for t in grid:
            scorer = Scorer((cat,))
            for c, segs, probs, phrases in cached:
                found = [(cat, s, e, sc) for s, e, sc in runs(segs, probs[:, j], t, max_run)]
                found += [p for p in phrases if p[0] == cat and p[3] >= ACCEPT]
                scorer.add([s for s in c.spans if s[0] == cat], found)
            scores.append((scorer.tallies[cat].f1, -abs(t - 0.5), t))
        best[cat] = max(scores)[2]
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "clauses")
    ap.add_argument("--limit", type=int, default=0, help="use only N training contracts (quick runs)")
    args = ap.parse_args(argv)
    cfg = json.loads(args.config.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    contracts = load_contracts((ROOT / cfg["data_dir"]).resolve())
    train, valid, test = split_contracts(contracts, cfg["seed"], cfg["test_fraction"], cfg["valid_fraction"])
    if args.limit:
        train = train[:args.limit]
    print(f"contracts: train {len(train)}, valid {len(valid)}, test {len(test)} (held out)")
    _, x, y = featurise(train, cfg["n_features"], cfg["positive_overlap"])
    print(f"train segments: {x.shape[0]} ({time.perf_counter() - t0:.0f}s)")
    coef, intercept = fit(x, y, cfg["classifier"], cfg["seed"])
    model = ClauseModel(list(CATEGORIES), coef.T, intercept, {c: 0.5 for c in CATEGORIES}, cfg["n_features"])
    thresholds = tune_thresholds(model, valid, cfg["threshold_grid"], cfg["max_run"])
    print(f"thresholds tuned ({time.perf_counter() - t0:.0f}s)")
    if cfg.get("refit_on_train_and_valid"):
        _, xv, yv = featurise(valid, cfg["n_features"], cfg["positive_overlap"])
        coef, intercept = fit(sparse.vstack([x, xv]).tocsr(), np.vstack([y, yv]),
                              cfg["classifier"], cfg["seed"])
    refit = bool(cfg.get("refit_on_train_and_valid"))
    meta = {
        "trained_on": [c.id for c in train] + ([c.id for c in valid] if refit else []),
        "held_out_test": sorted(c.id for c in test),
        "config": cfg,
        "source": "CUAD v1 train split (The Atticus Project, CC BY 4.0)",
    }
    ClauseModel(list(CATEGORIES), coef.T, intercept, thresholds, cfg["n_features"], meta).save(args.out)
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
