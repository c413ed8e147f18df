"""Train the learned guard (sentence and task models) and write it to models/guard/.

    python scripts/train_guard.py [--config models/guard/train_config.json] [--out models/guard]
        [--exclude fresh6 ...]

Trains on every labelled item of benchmarks/data/guard_*.jsonl outside the ``--exclude``
batches; each model's threshold is the lowest of the grid whose leave-one-batch-out precision
reaches ``min_precision``.  Deterministic: same config and data, same model.
benchmarks/guard_eval.py measures the approach batch by batch (leave-one-batch-out).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lpo_review.guard.training import train_models

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "models" / "guard" / "train_config.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "guard")
    ap.add_argument("--exclude", nargs="*", default=[], metavar="BATCH",
                    help="labelled batches (splits) to leave out of training")
    args = ap.parse_args(argv)
    config = json.loads(args.config.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    models = train_models(ROOT / config["data_dir"], ROOT / config["shared_dir"], config, args.exclude)
    models.save(args.out)
    for name, m in models.models.items():
        print(f"{name}: {len(m.vocabulary)} features, classes {m.classes}, "
              f"threshold {m.threshold}")
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
