"""Measure the guard on its labelled evaluation set and list every error.

    python benchmarks/guard_eval.py               # dev, test and all; errors of every split
    python benchmarks/guard_eval.py --errors test # list only the test split's errors
    python benchmarks/guard_eval.py --samples samples  # also: flags on the engine's real drafts
    python benchmarks/guard_eval.py --system rules     # the rules alone (no learned guard)
    python benchmarks/guard_eval.py --no-lobo          # skip the leave-one-batch-out section
    python benchmarks/guard_eval.py --extra guard_sentences_fresh9.jsonl --errors none
                                                       # a batch written after the shipped guard

Data (``benchmarks/data``):

* ``guard_tasks.jsonl``: work-order task descriptions, ``label`` ``in_scope`` or
  ``out_of_scope`` (with the expected ``category``);
* ``guard_sentences.jsonl``: drafted sentences from digests, chronologies, abstracts and research
  memos, ``label`` ``neutral`` or ``advice`` (with a ``category``), ``domain`` saying where such a
  sentence is found.

Each item has a fixed ``split`` (``dev`` or ``test``, a third held out).  The rules were written
against the dev split; the test split measures them on sentences they were not tuned on.
Later batches (``fresh`` ... ``fresh6``) were each written before the guard was run on them;
the rules were then tuned on ``test`` and ``fresh`` ... ``fresh4``, so their per-split figures
here are no longer held-out figures (their first-run figures are in the git history).

The per-split tables measure the shipped system (``--system combined``: the rules, then the
learned guard trained on every batch, so its figures are on training data) or the rules alone.
The leave-one-batch-out section is the honest measure of the learned guard: for each held-out
batch (``test``, ``fresh`` ... ``fresh6``) both models are retrained without it (threshold chosen
on the other batches, ``lpo_review.guard.training``) and measured on it, alone and combined
with the rules; figures are per batch and pooled.  ``fresh6`` was written after the rules and
before any classifier existed, and no setting of the learned guard was chosen on it.

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
from lpo_review.guard.language import TEXT_RULES, scan_text
from lpo_review.guard.learned import learned_rules
from lpo_review.guard.plugin import lpo_review_guard_rules
from lpo_review.guard.rules import GuardRule
from lpo_review.guard.tasks import TASK_RULES, classify_task

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TRAIN_CONFIG = ROOT / "models" / "guard" / "train_config.json"
HELD_OUT = ("test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8",
            "fresh9", "fresh10", "fresh11", "fresh12", "fresh13",
            "fresh14", "fresh15", "fresh16", "fresh17", "fresh18",
            "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25",
            "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33",
            "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39")
SPLITS = ("dev", "extra", *HELD_OUT, "all")


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
    for item in items:
        scores.setdefault(item["split"], Scores())
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
    for split in scores:
        if scores[split].tp + scores[split].fp + scores[split].fn + scores[split].tn:
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
                where = f"row {f.data['row']}" if "row" in f.data else f"note {f.data['note']}"
                print(f"  FP {path.name} {f.data['draft_kind']} {where}: {f.text!r}")
    print(f"  {flagged} flagged of {sentences} drafted sentences")


def _flagged(name: str, text: str, rules: list[GuardRule]) -> bool:
    if name == "tasks":
        return bool(classify_task(text, rules))
    return bool(scan_text(text, rules))


def _leave_one_batch_out(tasks: list[dict], sentences: list[dict]) -> None:
    """Retrain the learned guard without each held-out batch and measure it on that batch."""
    from lpo_review.guard.training import train_models

    config = json.loads(TRAIN_CONFIG.read_text(encoding="utf-8"))
    items = {"tasks": tasks, "sentences": sentences}
    positive = {"tasks": "out_of_scope", "sentences": "advice"}
    base = {"tasks": list(TASK_RULES), "sentences": list(TEXT_RULES)}
    systems = ("rules", "learned", "combined")
    scores = {(n, sy, b): Scores() for n in items for sy in systems
              for b in (*HELD_OUT, "fresh*", "pooled")}
    t0 = time.perf_counter()
    for batch in HELD_OUT:
        learned = learned_rules(train_models(DATA, ROOT / config["shared_dir"], config, [batch]))
        for name, batch_items in items.items():
            for item in (i for i in batch_items if i["split"] == batch):
                by_rules = _flagged(name, item["text"], base[name])
                by_model = _flagged(name, item["text"], learned)
                gold = item["label"] == positive[name]
                for system, flagged in zip(systems, (by_rules, by_model, by_rules or by_model), strict=True):
                    for b in (batch, "pooled", *(("fresh*",) if batch != "test" else ())):
                        scores[name, system, b].add(gold, flagged)
    print(f"\nLeave-one-batch-out ({time.perf_counter() - t0:.0f}s): the learned guard retrained "
          "without each batch, measured on it (rules: as shipped, tuned on test..fresh4)")
    for name in items:
        print(f"  {name} (positive = {positive[name]})")
        for system in systems:
            for b in (*HELD_OUT, "fresh*", "pooled"):
                print("    " + scores[name, system, b].line(f"{system} {b}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extra", action="append", metavar="FILE",
                        help="only measure the shipped system on these sentence files of "
                             "benchmarks/data (batches written after it: fresh8, fresh9)")
    parser.add_argument("--errors", default="all",
                        help="which split's errors to list (default: all)")
    parser.add_argument("--samples", type=Path, metavar="DIR",
                        help="also run the engine over DIR and list flags in its drafts")
    parser.add_argument("--system", choices=("combined", "rules"), default="combined",
                        help="per-split tables: rules + learned guard (shipped) or rules alone")
    parser.add_argument("--no-lobo", action="store_true",
                        help="skip the leave-one-batch-out measurement (retrains 7 times)")
    args = parser.parse_args(argv)
    rules = lpo_review_guard_rules(Config())
    if args.system == "rules":
        rules = [*TASK_RULES, *TEXT_RULES]

    def task_pred(text: str) -> tuple[bool, str]:
        hits = classify_task(text, rules)
        return bool(hits), (f"{hits[0].category}: {hits[0].reason}" if hits else "")

    def sentence_pred(text: str) -> tuple[bool, str]:
        flags = scan_text(text, rules)
        return bool(flags), "; ".join(f"{f.hits[0].rule}: {f.reason}" for f in flags)

    tasks = _load("guard_tasks.jsonl")
    sentences = _load("guard_sentences.jsonl")
    print(f"System: {args.system}")
    if args.extra:
        extra = [item for name in args.extra for item in _load(name)]
        _evaluate(extra, "advice", sentence_pred, "Batches written after the model "
                  f"({', '.join(args.extra)}; positive = advice)", args.errors)
        return 0
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
    if not args.no_lobo:
        _leave_one_batch_out(tasks, sentences)
    if args.samples:
        _sample_drafts(args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
