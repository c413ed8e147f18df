"""Parallel runs give the same packets as a single process: local pool and Dask LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.executors import ProcessExecutor
from lpo_review.run import review_dir

PEOPLE = ["Ngozi Adeyemi", "Liam O'Sullivan", "Thi Minh Nguyen", "Pieter van der Berg",
          "Ana Lucía Ferreira", "Rajesh Iyer"]


def make_corpus(folder: Path, n: int = 8) -> Path:
    """Documents sharing people, so run-wide pseudonym numbering is exercised."""
    folder.mkdir(parents=True)
    for i in range(n):
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 3 + 1) % len(PEOPLE)]
        body = "\n".join(
            f"{k + 1}. {a} met {b} on March {k + 2}, 2023 and wrote to "
            f"{b.split()[0].lower()}.{k}@firm.example about invoice {1000 + k}."
            for k in range(40)
        )
        (folder / f"memo-{i:02d}.txt").write_text(f"MEMORANDUM {i}\n\n{body}\n")
    return folder


def packets(out: Path) -> dict[str, dict]:
    result = {}
    for p in sorted((out / "packets").glob("*.json")):
        data = json.loads(p.read_text())
        result[p.stem] = {k: data[k] for k in ("redacted_text", "redactions", "findings",
                                               "drafts")}
    return result


@pytest.fixture(scope="module")
def single_run(tmp_path_factory, engine):
    root = tmp_path_factory.mktemp("parallel")
    src = make_corpus(root / "src")
    out = root / "single"
    report = review_dir(Engine(engine.config), src, out)
    assert report.exit_status == 0
    return src, packets(out)


@pytest.mark.slow
def test_two_local_workers_match_one_process(single_run, tmp_path):
    src, expected = single_run
    executor = ProcessExecutor(Config(), workers=2)
    try:
        report = review_dir(Engine(Config()), src, tmp_path / "out", executor=executor)
    finally:
        executor.close()
    assert report.exit_status == 0 and report.config["workers"] == 2
    assert packets(tmp_path / "out") == expected


@pytest.mark.slow
def test_dask_local_cluster_matches_one_process(single_run, tmp_path):
    pytest.importorskip("distributed")
    from lpo_review.executors import DaskExecutor

    src, expected = single_run
    executor = DaskExecutor(Config(), "local", workers=2)
    try:
        report = review_dir(Engine(Config()), src, tmp_path / "out", executor=executor)
    finally:
        executor.close()
    assert report.exit_status == 0
    assert packets(tmp_path / "out") == expected
