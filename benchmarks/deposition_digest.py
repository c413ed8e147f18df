"""How much shorter the deposition digest is than the transcript, through the whole engine.

Reviews the sample transcripts and generated ones (fixed seed) with the default configuration
(redaction first, then the digest) and prints transcript characters, digest characters
(cite + topic + summary of every row), the ratio and the number of rows.  The issue's aim is a
digest roughly ten times shorter than the transcript.

    python benchmarks/deposition_digest.py [--generated 4]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from lpo_review.engine import Engine  # noqa: E402
from samplegen.corpus import generate_corpus  # noqa: E402

SEED = 7


def digest_chars(packet) -> tuple[int, int]:
    digest = next(d for d in packet.drafts if d.kind == "deposition_digest")
    return sum(len(r["cite"]) + len(r["topic"]) + len(r["summary"]) for r in digest.rows), \
        len(digest.rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=4, help="generated transcripts to add")
    args = parser.parse_args()
    engine = Engine()
    rows = []
    for path in sorted((ROOT / "samples" / "depositions").iterdir()):
        review = engine.review_file(path)
        rows.append((path.name, len(review.packet.redacted_text), *digest_chars(review.packet)))
    taken = 0
    for name, text in generate_corpus(60, SEED):
        if taken >= args.generated:
            break
        if "deposition" in name:
            packet = engine.review_text(text, name=name, kind="deposition").packet
            rows.append((name, len(text), *digest_chars(packet)))
            taken += 1
    print("| transcript | characters | digest characters | ratio | rows |")
    print("|---|---|---|---|---|")
    for name, chars, digest, n in rows:
        print(f"| {name} | {chars:,} | {digest:,} | {chars / max(digest, 1):.1f} | {n} |")


if __name__ == "__main__":
    main()
