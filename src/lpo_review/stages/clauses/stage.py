"""The ``clauses`` stage: CUAD clause categories found in a contract, each cited by page:line.

Options (``[stages.clauses]``):

* ``threshold`` — score at which a clause is reported (default 0.5, each category's tuned
  threshold; scores are calibrated so that 0.5 means the same for every category);
* ``model_dir`` — directory of a trained model (default: see
  :func:`~lpo_review.stages.clauses.model.default_model_dir`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lpo_review.errors import StageError
from lpo_review.stages.base import ORDER_ANALYSE, Stage, StageInput, StageResult
from lpo_review.stages.clauses.model import ACCEPT, ClauseModel, default_model_dir

STAGE_NAME = "clauses"
#: Categories whose absence a reviewer wants spelled out.
KEY_CATEGORIES = ("Governing Law", "Expiration Date", "Anti-Assignment", "Cap On Liability",
                  "Termination For Convenience", "Renewal Term")


@lru_cache(maxsize=4)
def load_model(directory: str | None = None) -> ClauseModel:
    """Load (once per process) the model in ``directory`` or the default one."""
    try:
        return ClauseModel.load(Path(directory) if directory else default_model_dir())
    except (OSError, KeyError, ValueError) as exc:
        raise StageError(f"clauses: cannot load the clause model: {exc}") from exc


class ClauseStage(Stage):
    """Finds clauses of CUAD's 41 categories in the (redacted) contract text."""

    name = STAGE_NAME
    order = ORDER_ANALYSE
    kinds = ("contract",)

    def run(self, doc: StageInput) -> StageResult:
        model = load_model(doc.options.get("model_dir"))
        threshold = doc.options.get("threshold", ACCEPT)
        if not isinstance(threshold, (int, float)) or not 0.0 <= float(threshold) <= 1.0:
            raise StageError(f"stages.clauses.threshold: {threshold!r} is not a number between 0 and 1")
        clauses = model.extract(doc.text, float(threshold))
        findings = [
            doc.finding(STAGE_NAME, c.category, c.start, c.end, score=round(c.score, 4),
                        data={"category": c.category})
            for c in clauses if c.accepted
        ]
        found = {f.label for f in findings}
        absent = [c for c in model.categories if c not in found]
        notes = [f"No {c} clause found" for c in KEY_CATEGORIES if c in absent]
        if absent:
            notes.append("Clause categories not found: " + ", ".join(absent))
        return StageResult(findings=findings, notes=notes)
