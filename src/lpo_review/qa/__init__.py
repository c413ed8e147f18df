"""QA sampling audits of vendor work product.

* :mod:`~lpo_review.qa.plan` — how many items a sample needs, and the defect categories;
* :mod:`~lpo_review.qa.sample` — a reproducible random draw of a vendor's approved work;
* :mod:`~lpo_review.qa.record` — a second reviewer's findings on one sampled item;
* :mod:`~lpo_review.qa.report` — defect rates with 95% intervals, trend, accept/reject;
* :mod:`~lpo_review.qa.cli` — ``lpo-review qa sample | record | report``.

Samples live in ``OUT_DIR/qa/samples/<SAMPLE_ID>.json``; every draw and every recorded
result is written to the matter's audit log.
"""
