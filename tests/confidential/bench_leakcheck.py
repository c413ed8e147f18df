"""Benchmark of the leak check (not a test): N vault values x M bytes of text.

    /work/venv/bin/python tests/confidential/bench_leakcheck.py [values] [megabytes]

Builds random name-like values and random text with no hits (the common case), times building
the automaton and scanning, then plants a few values and checks they are found.  Doubling the
values should leave the scan time roughly unchanged; doubling the text should double it.
"""

from __future__ import annotations

import random
import string
import sys
import time

from lpo_review.confidential.leakcheck import LeakChecker


def _word(rng: random.Random, shortest: int = 4, longest: int = 9) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(shortest, longest))).capitalize()


def main(values: int = 10_000, megabytes: float = 1.0) -> None:
    rng = random.Random(7)
    pool = [(f"{_word(rng)} {_word(rng)}", "PERSON") for _ in range(values)]
    # text words longer than any name word: a surname alone is checked, so none may coincide
    words = [_word(rng, 10, 14).lower() for _ in range(5000)]
    text_parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        w = rng.choice(words)
        text_parts.append(w)
        size += len(w) + 1
    text = " ".join(text_parts)
    t0 = time.perf_counter()
    checker = LeakChecker(pool)
    t1 = time.perf_counter()
    found = checker.kinds_in(text)
    t2 = time.perf_counter()
    planted = text[:500_000] + f" {pool[-1][0].upper()}, " + text[500_000:]
    assert checker.kinds_in(planted) == {"PERSON"}
    print(
        f"{values} values ({checker.patterns} patterns), {len(text) / 1e6:.2f} MB text: "
        f"build {t1 - t0:.3f} s, scan {t2 - t1:.3f} s, hits on clean text: {sorted(found)}"
    )


if __name__ == "__main__":
    main(*(int(a) if i == 0 else float(a) for i, a in enumerate(sys.argv[1:])))
