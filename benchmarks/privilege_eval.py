"""Privilege screen precision and recall on a labelled set written blind, before the screen.

``benchmarks/data/privilege/``: e-mails (.eml) and memos, letters and notes (.txt), each
labelled privileged or not by a reviewer (see its README); ``dev`` is for development, ``held``
is held out (run it to report, never to tune).  Each part has its matter configuration (the
matter's counsel and their domains).  A document counts as flagged when its packet has a
``possible_privilege`` finding.

    python benchmarks/privilege_eval.py [--part dev|held] [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.privilege.stage import LABEL, is_flagged

DATA = Path(__file__).resolve().parent / "data" / "privilege"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="dev", choices=("dev", "held"))
    parser.add_argument("--show", action="store_true", help="List the errors with evidence.")
    args = parser.parse_args()
    part = DATA / args.part
    labels = [json.loads(line) for line in (part / "labels.jsonl").read_text().splitlines()
              if line.strip()]
    engine = Engine(Config.load(part / "matter.toml"))
    tp = fp = fn = tn = 0
    hard = {"right": 0, "all": 0}
    for label in labels:
        packet = engine.review_file(part / "docs" / label["file"]).packet
        flagged, truth = is_flagged(packet), bool(label["privileged"])
        tp += flagged and truth
        fp += flagged and not truth
        fn += truth and not flagged
        tn += not truth and not flagged
        if label.get("hard"):
            hard["all"] += 1
            hard["right"] += flagged == truth
        if args.show and flagged != truth:
            evidence = [f"{f.data.get('basis')}: {f.text}" for f in packet.findings
                        if f.label == LABEL]
            print(f"{'FP' if flagged else 'FN'} {label['file']} ({packet.kind}) "
                  f"{label.get('why', '')}\n    {evidence[:6]}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{args.part}: {len(labels)} documents, {tp + fn} privileged; flagged {tp + fp}: "
          f"precision {precision:.3f}, recall {recall:.3f} (TP {tp}, FP {fp}, FN {fn}, TN {tn}); "
          f"hard cases right {hard['right']}/{hard['all']}")


if __name__ == "__main__":
    main()
