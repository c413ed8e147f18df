"""Redaction against the samples' gold list: which personal data survive in redacted text.

For each profile, every sample document is reviewed by the engine and every gold value
(``samples/gold.json``) is looked for in the packet's redacted text, ignoring case and
whitespace, as whole words.  A value counts as left if any occurrence is still readable.
The target for ``standard``: no direct identifier left in any redacted text.

    python benchmarks/redaction_samples.py [--profiles standard,hipaa,strict] [--show-left]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def left_values(redacted: str, values: list[dict]) -> list[dict]:
    """The gold values still readable in ``redacted`` (whole words, any case or spacing)."""
    text = " ".join(redacted.casefold().split())
    left = []
    for item in values:
        words = item["value"].casefold().split()
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        if re.search(pattern, text):
            left.append(item)
    return left


def measure(profile: str) -> tuple[Counter, Counter, list[tuple[str, dict]]]:
    from lpo_review.config import Config
    from lpo_review.engine import Engine

    gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))["files"]
    engine = Engine(Config(profile=profile))
    total: Counter = Counter()
    masked: Counter = Counter()
    leaks: list[tuple[str, dict]] = []
    for name, entry in sorted(gold.items()):
        packet = engine.review_file(SAMPLES / name).packet
        left = left_values(packet.redacted_text, entry["pii"])
        for item in entry["pii"]:
            key = (item["identifier"], item["type"])
            total[key] += 1
            masked[key] += item not in left
        leaks += [(name, item) for item in left]
    return total, masked, leaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", default="standard,hipaa,strict")
    parser.add_argument("--show-left", action="store_true", help="list direct values left")
    args = parser.parse_args()
    print("| profile | direct masked | quasi masked | direct left, by type |")
    print("|---|---|---|---|")
    details = []
    for profile in args.profiles.split(","):
        total, masked, leaks = measure(profile)

        def share(kind: str, total=total, masked=masked) -> str:
            t = sum(n for (k, _), n in total.items() if k == kind)
            m = sum(n for (k, _), n in masked.items() if k == kind)
            return f"{m}/{t} ({m / t:.3f})" if t else "-"

        by_type = Counter(item["type"] for _, item in leaks if item["identifier"] == "direct")
        print(f"| {profile} | {share('direct')} | {share('quasi')} | "
              f"{', '.join(f'{t} {n}' for t, n in by_type.most_common()) or 'none'} |")
        details += [(profile, name, item) for name, item in leaks
                    if item["identifier"] == "direct"]
    if args.show_left:
        for profile, name, item in details:
            print(f"{profile}\t{name}\t{item['type']}\t{item['value']}", file=sys.stderr)


if __name__ == "__main__":
    main()
