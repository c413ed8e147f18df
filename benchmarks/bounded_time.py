"""Time of the parts that must stay (near) linear on long or hostile input (not timed tests:
a busy machine would make such tests flaky).

* deposition digest on a generated transcript of 8 and 64 question rounds (8x the text);
* clause stage on a 300,000-character contract (a CUAD contract repeated);
* the guard's sentence scan on pathological cells (one 25,000-character "sentence");
* loading the clause model and the learned guard's arrays.

    python benchmarks/bounded_time.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "stages"))  # the transcript generator of the tests

from make_docs import long_deposition  # noqa: E402

from lpo_review.config import Config  # noqa: E402
from lpo_review.guard.language import scan_text  # noqa: E402
from lpo_review.guard.learned import GuardModels, default_model_dir  # noqa: E402
from lpo_review.guard.plugin import lpo_review_guard_rules  # noqa: E402
from lpo_review.model import LineMap  # noqa: E402
from lpo_review.stages.base import StageInput  # noqa: E402
from lpo_review.stages.clauses.stage import ClauseStage, load_model  # noqa: E402
from lpo_review.stages.deposition import DepositionDigest  # noqa: E402

CUAD = ROOT / ".." / "shared" / "data" / "cuad" / "contracts" / "c000.txt"


def timed(what: str, run) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    run()
    seconds = time.perf_counter() - began
    print(f"{what}: {seconds:.2f} s")
    return seconds


def main() -> None:
    small, large = long_deposition(rounds=8), long_deposition(rounds=64)
    t_small = timed(f"digest, {len(small.text):,} characters",
                    lambda: DepositionDigest().draft(small.stage_input()))
    t_large = timed(f"digest, {len(large.text):,} characters",
                    lambda: DepositionDigest().draft(large.stage_input()))
    print(f"  8x the text took {t_large / max(t_small, 1e-3):.1f}x the time (quadratic: 64x)")
    if CUAD.is_file():
        load_model.cache_clear()
        timed("clause model loaded", load_model)
        base = CUAD.read_text(encoding="utf-8")
        text = (base + "\n\n") * (300_000 // len(base) + 1)
        load_model()
        doc = StageInput(doc_id="DOC-BENCH", kind="contract", text=text, is_original=False,
                         lines=LineMap.from_text(text), redactions=[])
        timed(f"clause stage, {len(text):,} characters", lambda: ClauseStage().run(doc))
    rules = lpo_review_guard_rules(Config())
    for cell in ("will " * 5000, "A" * 20000 + " is " + "b " * 5000, "the witness " * 3000):
        timed(f"guard scan, {len(cell):,}-character cell", lambda c=cell: scan_text(c, rules))
    timed("learned guard arrays loaded", lambda: GuardModels.load(default_model_dir()))


if __name__ == "__main__":
    main()
