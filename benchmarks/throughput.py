"""Throughput, memory and start-up of the whole review against bare spaCy NER.

Generates its own corpus (fixed seed) of contracts, transcripts and medical records, then in one
run measures, on the same texts and model, runs of each kind interleaved so the machine's noise
falls on both:

- bare spaCy NER (``nlp.pipe`` with only the ``ner`` component, which is all the engine runs of
  the model) on 1 and 2 processes; for reference also spaCy's NER with the ``tok2vec`` it
  loads by default (``enable=["tok2vec", "ner"]``: the same entities, more work);
- the whole review (``review_dir``, what ``lpo-review review`` runs: ingest, redaction, every
  enabled built-in stage, packet rendering and atomic writing) on 1 and 2 workers, timed like
  the NER once the engine is built (model loading excluded from both; start-up is measured on
  its own);
- peak RSS of each process tree, start-up of ``lpo-review review`` on one small file, and memory
  flatness (peak RSS of a large run against a small one).

Usage::

    python benchmarks/throughput.py --docs 100 --repeat 3 --dask     # ratio table (+ Dask row)
    python benchmarks/throughput.py --memory 100 10000               # flat-memory check
    python benchmarks/throughput.py --huge 1500000                   # one huge transcript

Prints a markdown table; ``--out FILE`` also writes it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from lpo_review.config import DEFAULT_MODEL  # noqa: E402
from samplegen.corpus import generate_corpus  # noqa: E402  (the repo's sample generator)

SEED = 20261123


def write_corpus(folder: Path, n_docs: int) -> int:
    """Write ``n_docs`` generated documents; returns the word count."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for name, text in generate_corpus(n_docs, SEED):
        (folder / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


class PeakRss:
    """Samples the summed RSS of a process and its descendants (from /proc) until stopped."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, []))
        return tree

    def _rss(self) -> int:
        total = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            time.sleep(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run ``cmd``; returns (seconds, peak RSS bytes of its process tree, stdout)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    rss = PeakRss(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    peak = rss.stop()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {err[-2000:]}")
    return seconds, peak, out


BARE_NER = """
import sys, time, pathlib, spacy
folder, n_process, model, pipes = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).iterdir())]
nlp = spacy.load(model, enable=pipes.split(","))
nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
t0 = time.perf_counter()
ents = sum(len(d.ents) for d in nlp.pipe(texts, n_process=n_process, batch_size=8))
print(time.perf_counter() - t0, ents)
"""

#: The engine as ``lpo-review review -j N`` runs it, timed once built: a first run over a few
#: short documents (three per worker) builds every worker's engine and stage models.
ENGINE = """
import json, pathlib, sys, tempfile, time
from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.executors import DaskExecutor, ProcessExecutor
from lpo_review.redact.redactor import PseudonymTable
from lpo_review.run import review_dir

def main():
    folder, workers, executor_kind, out, model = sys.argv[1:6]
    workers = int(workers)
    config = Config(workers=workers, model=model)
    engine = Engine(config)
    if executor_kind == "dask":
        executor = DaskExecutor(config, "local", workers)
    else:
        executor = ProcessExecutor(config, workers) if workers > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        warm = pathlib.Path(tmp) / "warm"
        warm.mkdir()
        for p in sorted(pathlib.Path(folder).iterdir())[:workers * 3]:
            (warm / p.name).write_text(p.read_text(encoding="utf-8")[:3000], encoding="utf-8")
        review_dir(engine, warm, pathlib.Path(tmp) / "out", executor=executor)
        engine.pseudonyms = PseudonymTable()  # the warm-up leaves no trace in the measured run
        t0 = time.perf_counter()
        report = review_dir(engine, folder, out, executor=executor)
        seconds = time.perf_counter() - t0
    if executor is not None:
        executor.close()
    print(json.dumps({"seconds": seconds, "totals": report.totals()}))

if __name__ == "__main__":
    main()
"""


def bare_ner(folder: Path, n_process: int, model: str, pipes: str = "ner") -> float:
    """Seconds bare spaCy NER takes over the folder (model load excluded)."""
    _, _, out = timed([sys.executable, "-c", BARE_NER, str(folder), str(n_process), model, pipes])
    return float(out.split()[0])


def engine_run(folder: Path, workers: int, executor: str = "pool",
               model: str = DEFAULT_MODEL) -> tuple[float, int, dict]:
    """Seconds of the measured run, peak RSS of the process tree, and the run's totals."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "engine_run.py"
        script.write_text(ENGINE, encoding="utf-8")
        _, peak, out = timed([sys.executable, str(script), str(folder), str(workers), executor,
                              str(Path(tmp) / "out"), model])
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], peak, result["totals"]


def startup(folder: Path) -> float:
    one = folder / sorted(os.listdir(folder))[0]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "one.txt"
        small.write_text(one.read_text(encoding="utf-8")[:2000], encoding="utf-8")
        seconds, _, _ = timed([sys.executable, "-m", "lpo_review", "review", str(small),
                               "--out", str(Path(tmp) / "out"), "-q"])
    return seconds


def ratio_table(n_docs: int, repeat: int, model: str, dask: bool = False) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        words = write_corpus(folder, n_docs)
        rows = []
        configs = [(1, "pool"), (2, "pool")] + ([(2, "dask")] if dask else [])
        for workers, executor in configs:
            ner, default_ner, runs = [], [], []
            for _ in range(repeat):  # interleaved: NER, engine, NER with tok2vec
                ner.append(bare_ner(folder, workers, model))
                runs.append(engine_run(folder, workers, executor, model))
                default_ner.append(bare_ner(folder, workers, model, "tok2vec,ner"))
            ner_s, default_s = statistics.median(ner), statistics.median(default_ner)
            eng = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            rows.append((f"{workers}" + (" (Dask LocalCluster)" if executor == "dask" else ""),
                         words / ner_s, words / default_s, words / eng,
                         (words / eng) / (words / ner_s), (words / eng) / (words / default_s),
                         n_docs / eng, peak / 2**20))
        start = statistics.median(startup(folder) for _ in range(repeat))
    lines = [
        f"Corpus: {n_docs} documents, {words:,} words (seed {SEED}); model {model}; "
        f"median of {repeat} interleaved runs.",
        "",
        "| workers | bare NER words/s | spaCy NER + tok2vec words/s | review words/s | "
        "**ratio to bare NER** | ratio to NER + tok2vec | docs/s | peak RSS MiB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for w, ner, default, eng, ratio, ratio_default, dps, rss in rows:
        lines.append(f"| {w} | {ner:,.0f} | {default:,.0f} | {eng:,.0f} | **{ratio:.2f}** | "
                     f"{ratio_default:.2f} | {dps:.2f} | {rss:,.0f} |")
    lines.append("")
    lines.append(f"Start-up (`lpo-review review` on one small file, whole command): {start:.2f} s")
    return "\n".join(lines)


def memory_table(sizes: list[int], workers: int) -> str:
    lines = ["| documents | words | wall s | peak RSS MiB |", "|---|---|---|---|"]
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"c{n}"
            words = write_corpus(folder, n)
            seconds, peak, _ = engine_run(folder, workers)
            peaks.append(peak)
            shutil.rmtree(folder)
            lines.append(f"| {n} | {words:,} | {seconds:.1f} | {peak / 2**20:,.0f} |")
    lines.append("")
    lines.append(f"Peak RSS ratio largest/smallest run: {peaks[-1] / peaks[0]:.2f} "
                 f"({workers} worker(s))")
    return "\n".join(lines)


def huge_table(chars: int) -> str:
    from samplegen.corpus import huge_transcript

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "huge"
        folder.mkdir()
        text = huge_transcript(chars, SEED)
        (folder / "huge-transcript.txt").write_text(text, encoding="utf-8")
        seconds, peak, totals = engine_run(folder, 1)
    words = len(text.split())
    return (f"Huge transcript: {len(text):,} characters, {words:,} words: "
            f"{totals['ok']} reviewed, {seconds:.1f} s ({words / seconds:,.0f} words/s), "
            f"peak RSS {peak / 2**20:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--memory", type=int, nargs="+", metavar="N")
    parser.add_argument("--huge", type=int, metavar="CHARS")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", action="store_true",
                        help="also run the review on a 2-worker Dask LocalCluster")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.memory:
        table = memory_table(sorted(args.memory), args.workers)
    elif args.huge:
        table = huge_table(args.huge)
    else:
        table = ratio_table(args.docs, args.repeat, args.model, args.dask)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
