"""Span-level scoring of clause predictions against lawyer-labelled spans.

A predicted span *finds* a gold span of the same category when it covers at least half of the
gold span and at least half of the prediction lies inside the gold span.  Each gold span is
found at most once; predictions are matched greedily in descending score order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

Span = tuple[int, int]


def finds(pred: Span, gold: Span) -> bool:
    """The span rule: overlap >= half the gold span and >= half the prediction."""
    overlap = min(pred[1], gold[1]) - max(pred[0], gold[0])
    if overlap <= 0:
        return False
    return 2 * overlap >= gold[1] - gold[0] and 2 * overlap >= pred[1] - pred[0]


def match(preds: list[tuple[float, Span]], golds: list[Span]) -> list[bool]:
    """For predictions of one category in one document, whether each one finds a gold span.

    Returned in the order of ``preds``; matching is greedy by descending score.
    """
    used = [False] * len(golds)
    hit = [False] * len(preds)
    for i in sorted(range(len(preds)), key=lambda k: -preds[k][0]):
        span = preds[i][1]
        for j, gold in enumerate(golds):
            if not used[j] and finds(span, gold):
                used[j] = hit[i] = True
                break
    return hit


@dataclass
class Tally:
    """Counts and scored outcomes for one category across documents."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    scored: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pr_curve(scored: list[tuple[float, bool]], n_gold: int) -> list[tuple[float, float]]:
    """(recall, precision) points walking down the score ranking."""
    points = []
    tp = 0
    for k, (_, hit) in enumerate(sorted(scored, key=lambda x: -x[0]), start=1):
        tp += hit
        points.append((tp / n_gold if n_gold else 0.0, tp / k))
    return points


def aupr(scored: list[tuple[float, bool]], n_gold: int) -> float:
    """Area under the precision-recall curve (interpolated precision, step integration)."""
    points = pr_curve(scored, n_gold)
    if not points:
        return 0.0
    area = 0.0
    best = 0.0
    prev_recall = 0.0
    interp = [0.0] * len(points)
    for i in range(len(points) - 1, -1, -1):
        best = max(best, points[i][1])
        interp[i] = best
    for (recall, _), precision in zip(points, interp, strict=True):
        area += (recall - prev_recall) * precision
        prev_recall = recall
    return area


def precision_at_recall(scored: list[tuple[float, bool]], n_gold: int, target: float) -> float:
    """Best precision at a recall of at least ``target`` (0 if never reached)."""
    best = 0.0
    for recall, precision in pr_curve(scored, n_gold):
        if recall >= target:
            best = max(best, precision)
    return best


class Scorer:
    """Accumulates per-category tallies over documents."""

    def __init__(self, categories: tuple[str, ...]):
        self.categories = categories
        self.tallies: dict[str, Tally] = {c: Tally() for c in categories}
        self.presence_right = 0
        self.presence_total = 0

    def add(self, gold: list[tuple[str, int, int]], accepted: list[tuple[str, int, int, float]],
            scored: list[tuple[str, int, int, float]] | None = None) -> None:
        """Add one document: gold spans, accepted predictions, and optionally all scored ones."""
        gold_by: dict[str, list[Span]] = defaultdict(list)
        for cat, s, e in gold:
            gold_by[cat].append((s, e))
        for cat in self.categories:
            golds = gold_by.get(cat, [])
            acc = [(sc, (s, e)) for c, s, e, sc in accepted if c == cat]
            tally = self.tallies[cat]
            tally.n_gold += len(golds)
            tally.n_pred += len(acc)
            tally.tp += sum(match(acc, golds))
            ranked = acc if scored is None else [(sc, (s, e)) for c, s, e, sc in scored if c == cat]
            tally.scored.extend(zip((sc for sc, _ in ranked), match(ranked, golds), strict=True))
            self.presence_total += 1
            self.presence_right += bool(golds) == bool(acc)

    def micro(self) -> Tally:
        total = Tally()
        for t in self.tallies.values():
            total.tp += t.tp
            total.n_pred += t.n_pred
            total.n_gold += t.n_gold
            total.scored.extend(t.scored)
        return total

    @property
    def presence_accuracy(self) -> float:
        return self.presence_right / self.presence_total if self.presence_total else 0.0
