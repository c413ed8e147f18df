"""Redaction precision on real contracts (CUAD: EDGAR filings) and what it costs the review.

Per profile, over the chosen contracts, each reviewed as a contract through the whole engine:

* redactions per 1,000 words;
* the share of redactions that are ordinary words: every word of the redacted original also
  stands in lower case somewhere in the same contract ("Agreement", "Party", "the Term"), or is
  an English stop word.  A person's name almost never does ("Smith" is not written "smith");
* clause categories found (distinct CUAD categories with a finding, summed over contracts) and
  their ratio to the ``none`` profile: what redaction took from the clause stage;
* the most frequent redacted values that are ordinary words (to see what goes wrong).

With ``--gold [FILE]`` (``benchmarks/data/contract_pii_gold.jsonl`` by default, or the later
batch ``contract_pii_gold_b2.jsonl``; each written by hand before the system ran on those
contracts), the contracts are the gold ones and the script also reports the gold
precision (share of redactions overlapping a gold identifier) and recall (share of gold mentions
fully masked).  Development uses ``--range`` inside c000-c199; the gold contracts are drawn from
c200-c407 and are held out.

    python benchmarks/redaction_contracts.py [--range 0:40 | --gold [FILE]] [--profiles none,standard]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CUAD = ROOT / ".." / "shared" / "data" / "cuad" / "contracts"
GOLD = ROOT / "benchmarks" / "data" / "contract_pii_gold.jsonl"
_WORD = re.compile(r"[^\W\d_]+")


def read(name: str) -> str:
    with open(CUAD / name, encoding="utf-8", newline="") as fh:
        return fh.read()


#: A word written in lower case in running text (not inside an e-mail address, URL or path).
_LOWER = re.compile(r"(?<![\w@./-])[^\W\d_A-Z]+(?![\w@/-]|\.\w)")
#: A value made of words only (an e-mail address, URL or number is never an "ordinary word").
_WORDS_ONLY = re.compile(r"[^\W\d_]+(?:[ \t'\u2019-]+[^\W\d_]+)*")


def is_ordinary(value: str, lower: set[str], stop: frozenset[str]) -> bool:
    """``value`` is made of words only, each written in lower case elsewhere in the text or a
    stop word."""
    words = [w.casefold() for w in _WORD.findall(value)]
    return (bool(_WORDS_ONLY.fullmatch(value.strip())) and bool(words)
            and all(w in lower or w in stop for w in words))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--range", default="0:40", help="contract numbers a:b (c000-c199 for dev)")
    ap.add_argument("--gold", nargs="?", const=GOLD, type=Path,
                    help="hand-labelled held-out contracts (default file: %(const)s)")
    ap.add_argument("--profiles", default="none,standard")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()

    from lpo_review import Config, Engine

    gold: dict[str, list[dict]] = {}
    if args.gold:
        for line in args.gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            gold[rec["file"]] = rec["mentions"]
        names = sorted(gold)
    else:
        a, b = (int(x) for x in args.range.split(":"))
        names = [f"c{i:03d}.txt" for i in range(a, b)]
    texts = {n: read(n) for n in names}
    words = sum(len(t.split()) for t in texts.values())
    print(f"{len(names)} contracts, {words:,} words ({'held-out gold' if gold else args.range})\n")

    rows = []
    cats_none = None
    for profile in args.profiles.split(","):
        engine = Engine(Config(profile=profile))
        stop = frozenset(engine.redactor.nlp.Defaults.stop_words) if profile != "none" else frozenset()
        n_red = n_ord = 0
        cats = 0
        ordinary: Counter[str] = Counter()
        hit = masked_gold = total_gold = 0
        t0 = time.perf_counter()
        for name, text in texts.items():
            packet = engine.review_text(text, name=name, kind="contract").packet
            lower = set(_LOWER.findall(text))
            cats += len({f.label for f in packet.findings if f.stage == "clauses"})
            mask = [False] * len(text)
            for e in packet.redactions:
                value = text[e.start:e.end]
                n_red += 1
                mask[e.start:e.end] = [True] * (e.end - e.start)
                if is_ordinary(value, lower, stop):
                    n_ord += 1
                    ordinary[f"{value} ({e.entity_type})"] += 1
                if name in gold:
                    hit += any(m["start"] < e.end and e.start < m["end"] for m in gold[name])
            for m in gold.get(name, []):
                total_gold += 1
                masked_gold += all(mask[i] or text[i].isspace() for i in range(m["start"], m["end"]))
        seconds = time.perf_counter() - t0
        if profile == "none":
            cats_none = cats
        row = {
            "profile": profile,
            "redactions": n_red,
            "per_1000_words": round(1000 * n_red / words, 1),
            "ordinary_share": round(n_ord / n_red, 3) if n_red else 0.0,
            "clause_categories": cats,
            "vs_none": round(cats / cats_none, 3) if cats_none else None,
            "seconds": round(seconds, 1),
        }
        if gold:
            row["gold_precision"] = round(hit / n_red, 3) if n_red else None
            row["gold_recall"] = f"{masked_gold}/{total_gold}"
        rows.append(row)
        if ordinary:
            print(f"[{profile}] most frequent ordinary-word redactions:",
                  ", ".join(f"{v} x{c}" for v, c in ordinary.most_common(args.top)))
    print()
    cols = list(rows[0])
    for row in rows[1:]:
        cols += [c for c in row if c not in cols]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join(str(row.get(c, "")) for c in cols) + " |")


if __name__ == "__main__":
    main()
