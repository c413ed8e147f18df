"""Redaction recall and precision on hand-labelled documents the system was not built on.

``benchmarks/data/unseen/``: six deposition transcripts and six medical records, fictional,
written with their gold mentions before the system ran on them (see its README).  Files ending
in ``_04``-``_06`` are held out: develop on ``--part dev`` only.  ``--set unseen_b2`` is a
second batch, written later by another hand, held out as a whole (``--part all``);
``--set unseen_email`` ten e-mails as an export prints them (header block, body, quoted
messages, signatures), written blind, held out as a whole; ``--set unseen_b4`` ten more
(three transcripts, four records, three business documents) in layouts the others lack,
written blind, held out as a whole.

Per profile: each gold mention counts as masked only if every character of it is (TAB's rule);
recall is reported per gold type over the types the profile must mask (``standard``: direct
identifiers; ``hipaa`` and ``strict`` add dates, ages over 89 and towns), and token precision
over every masked token (correct only inside a gold mention of any type).

    python benchmarks/redaction_unseen.py
        [--set unseen|unseen_b2|unseen_email|unseen_b4|unseen_b5|unseen_b6]
        [--part dev|held-out|all]
        [--profiles standard,hipaa] [--show-left]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from gold import char_mask, fully_masked, token_precision_counts

DATA = Path(__file__).resolve().parent / "data"
DIRECT = frozenset({"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "US_SSN",
                    "DRIVERS_LICENSE", "ID", "DATE_OF_BIRTH"})
SAFE_HARBOR = DIRECT | {"DATE", "AGE_OVER_89", "LOCATION"}
MUST_MASK = {"standard": DIRECT, "hipaa": SAFE_HARBOR, "strict": SAFE_HARBOR}
PARTS = {"dev": ("01", "02", "03"), "held-out": ("04", "05", "06")}


def load(name: str, part: str) -> list[tuple[str, str, list[dict]]]:
    """``(name, text, gold mentions)`` of the chosen set and part."""
    if name != "unseen" and part != "all":
        raise SystemExit(f"{name} is held out as a whole: use --part all")
    suffixes = (tuple(f"{n:02d}" for n in range(1, 100)) if part == "all"
                else PARTS[part])
    folder = DATA / name
    docs = []
    for gold_path in sorted(folder.glob("*.json")):
        if gold_path.stem.rsplit("_", 1)[1] in suffixes:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            with open(folder / gold["file"], encoding="utf-8", newline="") as fh:
                docs.append((gold["file"], fh.read(), gold["mentions"]))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="unseen",
                    choices=["unseen", "unseen_b2", "unseen_email", "unseen_b4", "unseen_b5",
                             "unseen_b6", "unseen_b7", "unseen_b8", "unseen_b9",
                             "unseen_b10", "unseen_b11", "unseen_b12", "unseen_b13",
                             "unseen_b14", "unseen_b15", "unseen_b16", "unseen_b17"])
    ap.add_argument("--part", choices=["dev", "held-out", "all"], default="dev")
    ap.add_argument("--profiles", default="standard,hipaa")
    ap.add_argument("--show-left", action="store_true", help="list the mentions left readable")
    args = ap.parse_args()

    from lpo_review import Config, Engine

    docs = load(args.set, args.part)
    print(f"{len(docs)} documents ({args.set}, {args.part})\n")
    print("| profile | must mask | masked | recall | token precision | left, by type |")
    print("|---|---|---|---|---|---|")
    for profile in args.profiles.split(","):
        engine = Engine(Config(profile=profile))
        total = masked = correct = masked_tokens = 0
        left: Counter[str] = Counter()
        shown = []
        for name, text, mentions in docs:
            packet = engine.review_text(text, name=name).packet
            mask = char_mask(len(text), [(e.start, e.end) for e in packet.redactions])
            gold = char_mask(len(text), [(m["start"], m["end"]) for m in mentions])
            c, m = token_precision_counts(text, mask, gold)
            correct += c
            masked_tokens += m
            for mention in mentions:
                if mention["type"] not in MUST_MASK[profile]:
                    continue
                total += 1
                if fully_masked(text, mask, mention["start"], mention["end"]):
                    masked += 1
                else:
                    left[mention["type"]] += 1
                    line = text[:mention["start"]].count("\n") + 1
                    shown.append(f"{profile}\t{name}:{line}\t{mention['type']}\t{mention['text']}")
        precision = correct / masked_tokens if masked_tokens else float("nan")
        print(f"| {profile} | {total} | {masked} | {masked / total:.3f} | {precision:.3f} | "
              f"{', '.join(f'{t} {n}' for t, n in left.most_common()) or 'none'} |")
        if args.show_left:
            print("\n".join(shown), file=sys.stderr)


if __name__ == "__main__":
    main()
