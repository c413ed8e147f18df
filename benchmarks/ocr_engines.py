"""Choose the OCR engine by measurement: character error rate and speed of Tesseract (Debian's
``tesseract-ocr`` through pytesseract) against RapidOCR (ONNX models in its wheel) on generated
scans of medical-record and deposition lines, per degradation.

    python benchmarks/ocr_engines.py [--pages 6] [--engines tesseract,rapidocr]

CER = Levenshtein distance (rapidfuzz) between the page's text and the OCR text, both with
whitespace collapsed, divided by the length of the page's text.  The set is generated from a
fixed seed (``scripts/samplegen/scans.py``): for each degradation, ``--pages`` pages of 20 lines
drawn from the samples' medical records and transcripts, plus one page holding a table.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from lpo_review.ingest.ocr import ocr_image  # noqa: E402
from samplegen.scans import DEGRADATIONS, scan  # noqa: E402

SOURCES = ["samples/medical/records_diabetes_care.txt",
           "samples/depositions/deposition_hr_director_employment.txt"]
TABLE = [["Date", "Test", "Result", "Range"], ["03/14/2023", "HbA1c", "9.2 %", "4.0-5.6"],
         ["06/20/2023", "Glucose", "182 mg/dL", "70-99"], ["09/05/2023", "Creatinine",
                                                           "1.1 mg/dL", "0.6-1.3"]]


def squash(text: str) -> str:
    return " ".join(text.split())


def pages(n: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    lines = [ln.strip() for src in SOURCES for ln in (ROOT / src).read_text().splitlines()
             if 20 <= len(ln.strip()) <= 85 and ln.isascii()]
    return [rng.sample(lines, 20) for _ in range(n)]


def rapidocr_text(image) -> str:  # type: ignore[no-untyped-def]
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    engine = getattr(rapidocr_text, "engine", None) or RapidOCR()
    rapidocr_text.engine = engine  # type: ignore[attr-defined]
    result, _ = engine(np.array(image.convert("RGB")))
    boxes = sorted(result or [], key=lambda r: (round(r[0][0][1] / 20), r[0][0][0]))
    return "\n".join(r[1] for r in boxes)


def tesseract_text(image) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(line.text for line in ocr_image(image).lines)


ENGINES = {"tesseract": tesseract_text, "rapidocr": rapidocr_text}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--engines", default="tesseract,rapidocr")
    args = ap.parse_args(argv)
    sets = {name: [(p, []) for p in pages(args.pages, 7)] + [(["Laboratory results"], TABLE)]
            for name in DEGRADATIONS}
    print("| engine | degradation | pages | CER | seconds/page |")
    print("|---|---|---|---|---|")
    for engine in args.engines.split(","):
        read = ENGINES[engine]
        for name, items in sets.items():
            errors = chars = 0
            seconds = 0.0
            for k, (lines, table) in enumerate(items):
                truth = squash(" ".join([*lines, *(" ".join(r) for r in table)]))
                image = scan(lines, name, seed=k, table=table)
                t0 = time.perf_counter()
                got = squash(read(image))
                seconds += time.perf_counter() - t0
                errors += Levenshtein.distance(truth, got)
                chars += len(truth)
            per_page = seconds / len(items)
            print(f"| {engine} | {name} | {len(items)} | {errors / chars:.4f} | {per_page:.2f} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
