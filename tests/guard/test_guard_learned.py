"""The learned guard: catches paraphrases the rules miss, leaves reported speech alone, loads fast."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lpo_review.config import Config
from lpo_review.guard.language import TEXT_RULES, scan_text
from lpo_review.guard.learned import GuardModels, default_model_dir, learned_rules
from lpo_review.guard.plugin import lpo_review_guard_rules
from lpo_review.guard.tasks import TASK_RULES, classify_task

ALL_RULES = lpo_review_guard_rules(Config())


@pytest.mark.parametrize("sentence", [
    "Rejecting the offer is the smart play.",
    "Odds favour the court denying the motion.",
    "The nursing home neglected the resident.",
])
def test_paraphrased_advice_the_rules_miss_is_caught(sentence: str) -> None:
    assert scan_text(sentence, TEXT_RULES) == [], "the rules alone miss it"
    [flag] = scan_text(sentence, ALL_RULES)
    assert flag.hits[0].rule.startswith("text.learned.")
    assert "learned guard" in flag.reason


@pytest.mark.parametrize("sentence", [
    "The witness testified that he recommended a repair.",
    "Dr. Osei believes the fracture will heal in eight weeks.",
    "The agreement provides that the licensee shall indemnify the licensor.",
    "Plaintiff's counsel argued that the release is unenforceable.",
    "The mediator recommended that the parties split the difference.",
    "Q. Did you tell them to settle? A. Yes.",
    "<PERSON_3>: Let's take a short break.",
    "lost wages",
    # the digest's own note on what it covers
    "Covers the testimony at 4:4-9:17; caption, appearances, index and certificate are not "
    "summarised.",
    # a privilege log's description of a document, and a reviewer's note about the draft
    "Memorandum prepared at the direction of outside counsel regarding the plant fire claim.",
    "Notes of call with litigation counsel re: strategy for the subpoena response.",
    "Reviewer note: the damages paragraph still needs pin cites to the transcript.",
    "Reviewer note: the exhibit index and the Part III dates differ; reconcile before finalizing.",
    "Attached is the executed tolling agreement extending the deadline to June 1.",
    # the state of the vendor's material, and a coding field's topic
    "The Tagalog voicemails are with the interpreter and should be back by Monday.",
    "Twelve scanned pages are illegible; text is reproduced where it can be read.",
    "Could not open 9 password-protected ZIP archives; listed in the exceptions log.",
    "Topic: Notice - when the supervisor first heard about the ladder",
    # a quotation the sentence introduces, and an instruction about the work
    'His e-mail to the foreman reads, verbatim: "you will pay for this, I saved every photo."',
    "Compare draft 3 against the client's draft 2 and list only the changed figures.",
    "Column F ('Notes') is descriptive only; no privilege or relevance calls made.",
    # contract terms as an abstract states them
    "Tenant must give ninety days' written notice before vacating the premises.",
    "Buyer's obligation to close is conditioned on obtaining financing below 7%.",
])
def test_reported_speech_and_fragments_are_not_flagged(sentence: str) -> None:
    assert scan_text(sentence, ALL_RULES) == []


def test_tasks_the_rules_miss_are_refused_and_work_product_is_not() -> None:
    task = "Tell the client how strong their case is"
    assert classify_task(task, TASK_RULES) == []
    [hit] = classify_task(task, ALL_RULES)
    assert hit.rule.startswith("task.learned.") and hit.category == "outcome_prediction"
    for allowed in ("Summarize the insurer's settlement offers for the attorney",
                    "Draft a letter advising the client to settle, for the partner to review"):
        assert classify_task(allowed, ALL_RULES) == []


def test_the_shipped_artefact_is_plain_arrays_and_loads_fast() -> None:
    directory = default_model_dir()
    with np.load(directory / "weights.npz", allow_pickle=False) as arrays:
        assert all(a.dtype.kind == "f" for a in arrays.values())
    meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    assert set(meta["models"]) == {"sentences", "tasks"}
    models = GuardModels.load(directory)
    assert {r.category for r in learned_rules(models) if r.applies("task")} <= {
        "legal_advice", "outcome_prediction", "court_representation", "negotiation",
        "signing_for_client", "filing_without_review"}


def test_training_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    from lpo_review.guard.training import Example, fit

    advice = [f"The client should {v} the {o}." for v in ("reject", "accept", "sign", "appeal")
              for o in ("offer", "amendment", "ruling")]
    neutral = [f"The {o} was {v} by the board in March." for v in
               ("rejected", "accepted", "signed", "reviewed") for o in ("offer", "amendment", "ruling")]
    train = [Example(t, "advice", "g") for t in advice] + \
            [Example(t, "neutral", "g") for t in neutral]
    config = {"min_df": 1, "C": {"sentences": 10.0}, "seed": 1}
    first, second = fit("sentences", train, config), fit("sentences", train, config)
    assert np.array_equal(first.coef, second.coef)
    assert first.predict("The client should contest the invoice.").out_of_scope > 0.5
    GuardModels({"sentences": first, "tasks": first}, {}).save(tmp_path)
    loaded = GuardModels.load(tmp_path).models["sentences"]
    text = "The company should appeal the ruling."
    assert loaded.predict(text).out_of_scope == pytest.approx(
        first.predict(text).out_of_scope, abs=1e-2)
