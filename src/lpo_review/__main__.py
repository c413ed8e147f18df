"""``python -m lpo_review`` is ``lpo-review``."""

from lpo_review.cli import main

main()
