"""Measure the guard on its labelled evaluation set and list every error.

    python benchmarks/guard_eval.py               # dev, test and all; errors of every split
    python benchmarks/guard_eval.py --errors test # list only the test split's errors
    python benchmarks/guard_eval.py --samples samples  # also: flags on the engine's real drafts

Data (``benchmarks/data``):

* ``guard_tasks.jsonl``: work-order task descriptions, ``label`` ``in_scope`` or
  ``out_of_scope`` (with the expected ``category``);
* ``guard_sentences.jsonl``: drafted sentences from digests, chronologies, abstracts and research
  memos, ``label`` ``neutral`` or ``advice`` (with a ``category``), ``domain`` saying where such a
  sentence is found.

Each item has a fixed ``split`` (``dev`` or ``test``, a third held out).  The rules were written
against the dev split; the test split measures them on sentences they were not tuned on.
The positive class is the out-of-scope item (refused task, flagged sentence); targets are
recall >= 0.95 and precision >= 0.90.  The whole drafted item goes through the sentence
splitter, so a wrong split shows up as an error too.

``--samples DIR`` reviews every document under DIR with the full engine and lists what the
guard stage flagged in the drafts the built-in stages wrote.  Those drafts are generated from
the record and hold no advice, so every flag there is a false positive.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lpo_review.config import Config
from lpo_review.guard.language import scan_text
from lpo_review.guard.plugin import lpo_review_guard_rules
from lpo_review.guard.tasks import classify_task

DATA = Path(__file__).resolve().parent / "data"
SPLITS = ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "all")


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        n = self.tp + self.fp + self.fn + self.tn
        return (f"{name:<22} n={n:<4} P={p:.3f} R={r:.3f} F1={f:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn} tn={self.tn})")


def _load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _evaluate(items: list[dict], positive: str, predict: Callable[[str], tuple[bool, str]],
              title: str, show_errors: str) -> tuple[dict[str, Scores], float]:
    scores = {s: Scores() for s in SPLITS}
    errors: list[str] = []
    t0 = time.perf_counter()
    for item in items:
        gold = item["label"] == positive
        predicted, detail = predict(item["text"])
        for split in (item["split"], "all"):
            scores[split].add(gold, predicted)
        if gold != predicted and show_errors in (item["split"], "all"):
            kind = "FN" if gold else "FP"
            errors.append(f"  {kind} [{item['split']}] {item['id']} "
                          f"({item.get('category') or item.get('domain') or ''}) "
                          f"{item['text']!r}{' -> ' + detail if detail else ''}")
    seconds = time.perf_counter() - t0
    print(f"\n{title}")
    for split in SPLITS:
        print("  " + scores[split].line(split))
    if errors:
        print(f"  errors ({show_errors}):")
        print("\n".join(errors))
    return scores, seconds


def _sample_drafts(folder: Path) -> None:
    """Run the engine over ``folder`` and print what the guard flagged in real drafts."""
    from lpo_review.engine import Engine
    from lpo_review.guard.language import split_sentences
    from lpo_review.guard.stage import ADVICE_LABEL

    engine = Engine(Config())
    sentences = flagged = 0
    print(f"\nEngine drafts of {folder} (every flag is a false positive)")
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".pdf", ".docx")):
        packet = engine.review_file(path).packet
        sentences += sum(len(split_sentences(v)) for d in packet.drafts for row in d.rows
                         for k, v in row.items() if isinstance(v, str) and k != "cite")
        for f in packet.findings:
            if f.label == ADVICE_LABEL:
                flagged += 1
                print(f"  FP {path.name} {f.data['draft_kind']} row {f.data['row']}: {f.text!r}")
    print(f"  {flagged} flagged of {sentences} drafted sentences")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=SPLITS, default="all",
                        help="which split's errors to list (default: all)")
    parser.add_argument("--samples", type=Path, metavar="DIR",
                        help="also run the engine over DIR and list flags in its drafts")
    args = parser.parse_args(argv)
    rules = lpo_review_guard_rules(Config())

    def task_pred(text: str) -> tuple[bool, str]:
        hits = classify_task(text, rules)
        return bool(hits), (f"{hits[0].category}: {hits[0].reason}" if hits else "")

    def sentence_pred(text: str) -> tuple[bool, str]:
        flags = scan_text(text, rules)
        return bool(flags), "; ".join(f"{f.hits[0].rule}: {f.reason}" for f in flags)

    tasks = _load("guard_tasks.jsonl")
    sentences = _load("guard_sentences.jsonl")
    task_scores, task_s = _evaluate(tasks, "out_of_scope", task_pred,
                                    "Work-order tasks (positive = out of scope)", args.errors)
    _, sent_s = _evaluate(sentences, "advice", sentence_pred,
                          "Drafted sentences (positive = advice/conclusion)", args.errors)
    right = sum(1 for t in tasks if t["label"] == "out_of_scope"
                and (h := classify_task(t["text"], rules)) and h[0].category == t["category"])
    caught = task_scores["all"].tp
    print(f"\nRefused tasks filed under the expected category: {right}/{caught}")
    print(f"Speed: {len(tasks) / task_s:,.0f} tasks/s, {len(sentences) / sent_s:,.0f} sentences/s "
          "(first pass, cold caches)")
    if args.samples:
        _sample_drafts(args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
