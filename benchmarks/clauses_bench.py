"""Measure the clause stage on the held-out CUAD contracts (fixed split by contract).

    python benchmarks/clauses_bench.py [--model models/clauses] [--limit N] [--redact-names]

Reports, on the test split only: span precision/recall/F1 per category and micro-averaged (a
prediction finds a gold span when it covers >= half of it and >= half of the prediction lies
inside it), AUPR and precision at 80% recall over all scored predictions, per-contract presence
accuracy, throughput on one core, model size and load time.  ``--redact-names`` replaces the
party names the rules find with ``<ORGANIZATION_n>`` placeholders first, as strict redaction
would, to check robustness.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lpo_review.stages.clauses import rules
from lpo_review.stages.clauses.cuad_data import (
    CATEGORIES,
    Contract,
    load_contracts,
    split_contracts,
)
from lpo_review.stages.clauses.evaluation import (
    Scorer,
    aupr,
    pr_curve,
    precision_at_recall,
)
from lpo_review.stages.clauses.model import ClauseModel

ROOT = Path(__file__).resolve().parents[1]


def redact_names(contract: Contract) -> Contract:
    """Replace company names found in the preamble, everywhere, by placeholders; gold spans
    are shifted accordingly (spans inside a replaced name shrink to the placeholder)."""
    names = sorted({contract.text[s:e] for c, s, e, _ in rules.parties(contract.text)
                    if any(ch.isupper() for ch in contract.text[s:e]) and e - s > 6}, key=len, reverse=True)
    text = contract.text
    edits: list[tuple[int, int, str]] = []
    taken = [False] * len(text)
    for n, name in enumerate(names, start=1):
        pos = text.find(name)
        while pos != -1:
            if not any(taken[pos:pos + len(name)]):
                edits.append((pos, pos + len(name), f"<ORGANIZATION_{n}>"))
                for k in range(pos, pos + len(name)):
                    taken[k] = True
            pos = text.find(name, pos + len(name))
    edits.sort()

    def shift(offset: int) -> int:
        delta = 0
        for s, e, rep in edits:
            if e <= offset:
                delta += len(rep) - (e - s)
            elif s < offset:
                return s + delta + len(rep)
        return offset + delta

    pieces, last = [], 0
    for s, e, rep in edits:
        pieces += [text[last:s], rep]
        last = e
    pieces.append(text[last:])
    spans = [(c, shift(s), max(shift(s) + 1, shift(e))) for c, s, e in contract.spans]
    return Contract(contract.id, "".join(pieces), spans)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "clauses")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--redact-names", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    model = ClauseModel.load(args.model)
    load_s = time.perf_counter() - t0
    cfg = model.meta["config"]
    contracts = load_contracts((ROOT / cfg["data_dir"]).resolve())
    _, _, test = split_contracts(contracts, cfg["seed"], cfg["test_fraction"], cfg["valid_fraction"])
    assert not {c.id for c in test} & set(model.meta["trained_on"]), "test contracts were trained on"
    if args.limit:
        test = test[:args.limit]
    if args.redact_names:
        test = [redact_names(c) for c in test]

    scorer = Scorer(CATEGORIES)
    chars = 0
    run_s = 0.0
    for c in test:
        t1 = time.process_time()
        clauses = model.extract(c.text)
        run_s += time.process_time() - t1
        chars += len(c.text)
        every = [(k.category, k.start, k.end, k.score) for k in clauses]
        scorer.add(c.spans, [x for x, k in zip(every, clauses, strict=True) if k.accepted], every)

    print(f"{'category':38s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'AUPR':>6s}")
    for cat, t in scorer.tallies.items():
        print(f"{cat:38s} {t.n_gold:5d} {t.n_pred:5d} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} "
              f"{aupr(t.scored, t.n_gold):6.3f}")
    micro = scorer.micro()
    size = sum(p.stat().st_size for p in args.model.iterdir() if p.is_file())
    figures = {
        "contracts": len(test),
        "micro_precision": micro.precision, "micro_recall": micro.recall, "micro_f1": micro.f1,
        "aupr": aupr(micro.scored, micro.n_gold),
        "precision_at_80_recall": precision_at_recall(micro.scored, micro.n_gold, 0.8),
        "macro_aupr": sum(aupr(t.scored, t.n_gold) for t in scorer.tallies.values() if t.n_gold)
        / max(1, sum(1 for t in scorer.tallies.values() if t.n_gold)),
        "max_recall_scored": max((r for r, _ in pr_curve(micro.scored, micro.n_gold)), default=0.0),
        "presence_accuracy": scorer.presence_accuracy,
        "contracts_per_s": len(test) / run_s, "chars_per_s": chars / run_s,
        "model_mb": size / 1e6, "load_s": load_s, "redacted_names": args.redact_names,
    }
    print(f"{'MICRO':38s} {micro.n_gold:5d} {micro.n_pred:5d} {micro.precision:6.3f} "
          f"{micro.recall:6.3f} {micro.f1:6.3f}")
    for k, v in figures.items():
        print(f"{k:24s} {v:.4f}" if isinstance(v, float) else f"{k:24s} {v}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
