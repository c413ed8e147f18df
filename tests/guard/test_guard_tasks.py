"""Work orders: out-of-scope tasks are refused with a category before any work runs."""

from __future__ import annotations

import pytest

from lpo_review.config import Config
from lpo_review.errors import ConfigError
from lpo_review.guard.plugin import lpo_review_guard_rules
from lpo_review.guard.tasks import evaluate_work_order, matches_glob, tasks_for

RULES = lpo_review_guard_rules(Config())


def _config(*tasks: tuple[str, str, list[str]]) -> Config:
    return Config.from_dict({"work_order": {
        "supervising_attorney": "A. Partner",
        "tasks": [{"id": i, "description": d, "documents": g} for i, d, g in tasks],
    }})


@pytest.mark.parametrize(("description", "category"), [
    ("Advise the client whether to accept the settlement offer", "legal_advice"),
    ("Estimate the client's chances of winning on appeal", "outcome_prediction"),
    ("Appear at the status conference on behalf of the client", "court_representation"),
    ("Negotiate the settlement amount with opposing counsel", "negotiation"),
    ("Sign the verification page as the client", "signing_for_client"),
    ("File the motion with the court without attorney review", "filing_without_review"),
])
def test_out_of_scope_task_is_refused_with_its_category(description: str, category: str) -> None:
    decision = evaluate_work_order(_config(("T1", description, ["**"])), RULES)
    assert decision.allowed == []
    [refused] = decision.refused
    assert refused.category == category
    assert refused.reason
    assert decision.supervising_attorney == "A. Partner"


@pytest.mark.parametrize("description", [
    "Prepare page-line summaries of the deposition transcripts for attorney review",
    "Summarize opposing counsel's settlement offers in a table for the attorney",
    "Assemble the filing package for the attorney to review and file",
    "Draft the verification page for the client to sign after attorney review",
    "Research how courts in the Ninth Circuit have ruled on similar claims",
])
def test_in_scope_task_passes(description: str) -> None:
    decision = evaluate_work_order(_config(("T1", description, ["**"])), RULES)
    assert [d.task.id for d in decision.allowed] == ["T1"]
    assert decision.refused == []


def test_document_covered_only_by_refused_tasks_is_not_processed() -> None:
    config = _config(
        ("T1", "Prepare page-line summaries of the depositions for attorney review",
         ["depositions/**"]),
        ("T2", "Tell the client whether they are likely to win", ["medical/*.pdf"]),
    )
    decision = evaluate_work_order(config, RULES)
    deposition = tasks_for("depositions/2021/smith.txt", decision)
    medical = tasks_for("medical/er_visit.pdf", decision)
    other = tasks_for("contracts/lease.docx", decision)
    assert deposition.process and deposition.refusal is None
    assert not medical.process
    assert "T2 (outcome_prediction)" in medical.refusal
    assert not other.process and "no task" in other.refusal
    report = decision.as_dict()
    assert report["supervising_attorney"] == "A. Partner"
    assert [t["id"] for t in report["refused"]] == ["T2"]


def test_no_work_order_means_document_review_of_everything() -> None:
    decision = evaluate_work_order(Config(), RULES)
    assert not decision.configured
    assert [d.task.description for d in decision.allowed] == ["document review"]
    assert tasks_for("any/where/file.txt", decision).process


@pytest.mark.parametrize(("work_order", "key"), [
    ({"tasks": [{"id": "T1"}]}, "work_order.tasks.0.description"),
    ({"tasks": [{"id": "T1", "description": "Summarize", "docs": ["**"]}]}, "work_order.tasks.0.docs"),
    ({"tasks": [{"id": "T1", "description": "x", "documents": ["../up/**"]}]},
     "work_order.tasks.0.documents"),
    ({"supervising_attorney": "A"}, "work_order.tasks"),
    ({"tasks": [{"id": "T", "description": "a"}, {"id": "T", "description": "b"}]}, "work_order"),
])
def test_invalid_work_order_names_the_key(work_order: dict, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        evaluate_work_order(Config.from_dict({"work_order": work_order}), RULES)


@pytest.mark.parametrize(("path", "glob", "expected"), [
    ("depositions/a.txt", "depositions/**", True),
    ("depositions/2020/b/a.txt", "depositions/**", True),
    ("a.pdf", "**/*.pdf", True),
    ("x/y/a.pdf", "**/*.pdf", True),
    ("x/a.pdf", "*.pdf", False),
    ("medical/a.txt", "depositions/**", False),
])
def test_globs(path: str, glob: str, expected: bool) -> None:
    assert matches_glob(path, glob) is expected
