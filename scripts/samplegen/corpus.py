"""Streaming synthetic corpus for throughput benchmarks.

Import (from the repository root)::

    sys.path.insert(0, "scripts")
    from samplegen.corpus import generate_corpus, huge_transcript

(or ``from scripts.samplegen.corpus import ...`` with the repository root on ``sys.path``).
``generate_corpus(n_docs, seed)`` yields ``(file name, plain text)`` one document at a time, so
10,000 documents never sit in memory together.  Document ``i`` depends only on ``(seed, i)``.
``huge_transcript(chars, seed)`` returns one deposition of at least ``chars`` characters.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

from . import contracts, depositions, medical
from .people import Faker

#: Share of each kind in the corpus (an LPO review queue: contracts dominate, then records).
KIND_WEIGHTS: dict[str, float] = {"contract": 0.45, "medical": 0.35, "deposition": 0.20}

#: Categories a generated contract leaves out with probability ``OMIT_RATE`` each.
OPTIONAL_CATEGORIES = (
    "Governing Law", "Termination for Convenience", "Change of Control", "Audit Rights",
    "Insurance", "Most Favored Nation", "Liquidated Damages", "Non-Compete",
    "No-Solicit of Employees", "Warranty Duration", "Uncapped Liability",
)
OMIT_RATE = 0.2


def generate_document(i: int, seed: int) -> tuple[str, str]:
    """Document number ``i`` of the corpus for ``seed``: ``(file name, text)``."""
    rng = random.Random(f"{seed}:{i}")
    fk = Faker(rng)
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    if kind == "contract":
        name = rng.choice(sorted(contracts.BUILDERS))
        omit = frozenset(c for c in OPTIONAL_CATEGORIES if rng.random() < OMIT_RATE)
        text = contracts.BUILDERS[name](fk, omit).text()
    elif kind == "medical":
        name = rng.choice(sorted(medical.THEMES))
        text = medical.medical_record(fk, name).text()
    else:
        # Transcripts run long: a log-normal page count around 25 pages, 10 to 150.
        pages = min(150, max(10, int(rng.lognormvariate(math.log(25), 0.6))))
        transcript = depositions.random_deposition(rng, depositions.rounds_for_pages(pages))
        name = "deposition"
        text = transcript.text()
    return f"{i:05d}_{kind}_{name}.txt", text


def huge_transcript(chars: int, seed: int) -> str:
    """One deposition transcript of at least ``chars`` characters (scale and memory tests)."""

    def build(rounds: int) -> str:
        return depositions.random_deposition(random.Random(f"{seed}:huge"), rounds).text()

    base, twice = build(1), build(2)
    per_round = max(1, len(twice) - len(base))
    rounds = 1 + max(0, math.ceil((chars - len(base)) / per_round))
    text = build(rounds)
    while len(text) < chars:
        rounds += 1 + (chars - len(text)) // per_round
        text = build(rounds)
    return text


def generate_corpus(n_docs: int, seed: int) -> Iterator[tuple[str, str]]:
    """Yield ``n_docs`` synthetic plain-text documents (contracts, medical records, depositions)."""
    for i in range(n_docs):
        yield generate_document(i, seed)
