"""Redaction quality and speed on TAB (Text Anonymization Benchmark, ECHR judgments).

Measures, per profile, TAB's metrics on the chosen split (dev by default; develop on train):

* ER_di / ER_qi: share of DIRECT / QUASI entities all of whose mentions are fully masked;
* token precision: share of masked word tokens that lie inside a mention marked DIRECT or QUASI;
* words/s of the redactor, next to bare spaCy NER (``nlp.pipe`` with only ``ner``) on the same
  text (best of ``--repeat`` runs each, as the machine may be shared).

A "Presidio default" row runs Presidio's stock AnalyzerEngine (default recognizers, same spaCy
model, offline) for comparison.  Prints a markdown table.

    python benchmarks/redaction_tab.py [--split dev|train] [--limit N] [--profiles standard,strict]
        [--repeat 3] [--no-baseline]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tab"
FILES = {"dev": "tab_dev_spia21.json", "train": "tab_train_spia92.json"}
_TOKEN = re.compile(r"\w+")

Masker = Callable[[str], list[tuple[int, int]]]


def load(split: str, limit: int | None) -> list[dict]:
    docs = json.loads((DATA / FILES[split]).read_text(encoding="utf-8"))
    return docs[:limit] if limit else docs


def covered(mask: list[bool], start: int, end: int, text: str) -> bool:
    """Every non-space character of ``text[start:end]`` is masked."""
    return all(mask[i] or text[i].isspace() for i in range(start, end))


def score(docs: list[dict], masks: list[list[tuple[int, int]]]) -> dict[str, float]:
    """ER_di, ER_qi and token precision of the masked spans."""
    ent_ok: dict[str, dict[str, bool]] = {"DIRECT": {}, "QUASI": {}}
    tp = masked_tokens = 0
    for doc, spans in zip(docs, masks, strict=True):
        text = doc["text"]
        mask = [False] * len(text)
        for s, e in spans:
            mask[s:e] = [True] * (e - s)
        gold = [False] * len(text)
        for ann in doc["annotations"].values():
            for m in ann["entity_mentions"]:
                kind = m["identifier_type"]
                if kind not in ent_ok:
                    continue
                s, e = m["start_offset"], m["end_offset"]
                gold[s:e] = [True] * (e - s)
                key = f"{doc['doc_id']}/{m['entity_id']}"
                ent_ok[kind][key] = ent_ok[kind].get(key, True) and covered(mask, s, e, text)
        for tok in _TOKEN.finditer(text):
            if any(mask[tok.start() : tok.end()]):
                masked_tokens += 1
                tp += any(gold[tok.start() : tok.end()])

    def rate(d: dict[str, bool]) -> float:
        return sum(d.values()) / len(d) if d else float("nan")

    return {
        "ER_di": rate(ent_ok["DIRECT"]),
        "ER_qi": rate(ent_ok["QUASI"]),
        "precision": tp / masked_tokens if masked_tokens else float("nan"),
    }


def timed(
    masker: Masker, texts: list[str], repeat: int
) -> tuple[list[list[tuple[int, int]]], float]:
    """Masks of every text and the best wall time of ``repeat`` runs (the machine is shared)."""
    best = float("inf")
    out: list[list[tuple[int, int]]] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = [masker(t) for t in texts]
        best = min(best, time.perf_counter() - t0)
    return out, best


def lpo_masker(profile: str, model: str) -> Masker:
    from lpo_review.config import Config
    from lpo_review.model import Document, LineMap
    from lpo_review.redact.plugin import lpo_review_recognizers, lpo_review_redactor
    from lpo_review.redact.redactor import PseudonymTable

    config = Config(profile=profile, model=model)
    redactor = lpo_review_redactor(config, lpo_review_recognizers(config, profile))

    def mask(text: str) -> list[tuple[int, int]]:
        doc = Document("tab", "0" * 64, text, LineMap.from_text(text), "text")
        return [(e.start, e.end) for e in redactor.redact(doc, PseudonymTable()).entries]

    return mask


def presidio_default_masker(model: str) -> Masker:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from lpo_review.redact.offline import ensure_offline

    ensure_offline()
    analyzer = AnalyzerEngine(
        nlp_engine=SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
    )

    def mask(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in analyzer.analyze(text, "en")]

    return mask


def bare_ner_seconds(model: str, texts: list[str], repeat: int) -> float:
    """Best time of ``repeat`` runs of ``nlp.pipe`` with only the NER enabled."""
    import spacy

    nlp = spacy.load(model, enable=["ner"])
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    from lpo_review.config import DEFAULT_MODEL

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(FILES), default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--profiles", default="standard,strict")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--no-baseline", action="store_true", help="skip the Presidio default row")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per system (best kept)")
    args = ap.parse_args()

    docs = load(args.split, args.limit)
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    bare = bare_ner_seconds(args.model, texts, args.repeat)
    rows = [("bare spaCy NER (nlp.pipe, ner only)", None, bare)]
    maskers: list[tuple[str, Masker]] = []
    if not args.no_baseline:
        maskers.append(("Presidio default", presidio_default_masker(args.model)))
    for profile in args.profiles.split(","):
        maskers.append((f"lpo-review {profile}", lpo_masker(profile, args.model)))
    for label, masker in maskers:
        masker(texts[0])  # warm-up (lazy loading)
        masks, seconds = timed(masker, texts, args.repeat)
        rows.append((label, score(docs, masks), seconds))

    print(f"TAB {args.split}: {len(docs)} documents, {words} words, model {args.model}\n")
    print("| system | ER_di | ER_qi | token precision | words/s | x bare NER |")
    print("|---|---|---|---|---|---|")
    for label, metrics, seconds in rows:
        m = metrics or {}
        cells = [f"{m[k]:.3f}" if k in m else "-" for k in ("ER_di", "ER_qi", "precision")]
        print(f"| {label} | {' | '.join(cells)} | {words / seconds:,.0f} | {bare / seconds:.2f} |")


if __name__ == "__main__":
    main()
