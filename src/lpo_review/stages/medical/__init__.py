"""Medical records: a chronology of treatment with gaps and uncertain dates flagged."""

from lpo_review.stages.medical.chronology import MedicalChronology

__all__ = ["MedicalChronology"]
