"""The sampling plan: how many items to check, and what a QA reviewer may record as a defect."""

from __future__ import annotations

import math
from typing import Literal, get_args

#: Defect categories a QA reviewer records (``lpo-review qa record --category``).
Category = Literal["missed_fact", "wrong_cite", "advice_language", "redaction_failure",
                   "wrong_coding"]
CATEGORIES: tuple[str, ...] = get_args(Category)


def category_label(category: str) -> str:
    """How a category reads in a report ("missed_fact" -> "missed fact")."""
    return category.replace("_", " ")


def _missed(defect_rate: float, n: int) -> float:
    """Probability that ``n`` items show no defect at all when the true rate is ``defect_rate``."""
    return math.exp(n * math.log1p(-defect_rate))


def sample_size(defect_rate: float, confidence: float) -> int:
    """The smallest ``n`` with ``1 - (1 - p)**n >= confidence``.

    That is, enough items to see at least one defect with probability ``confidence`` when the
    true defect rate is ``p`` (a discovery sample).  ``p = 0.05`` at ``0.95`` gives 59.

    :raises ValueError: unless ``0 < defect_rate < 1`` and ``0 < confidence < 1``.
    """
    if not 0.0 < defect_rate < 1.0:
        raise ValueError(f"defect rate must be between 0 and 1 (exclusive), got {defect_rate!r}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1 (exclusive), got {confidence!r}")
    n = max(1, math.ceil(math.log1p(-confidence) / math.log1p(-defect_rate)))
    # The closed form can be one off in floating point; settle it against the definition.
    while n > 1 and 1.0 - _missed(defect_rate, n - 1) >= confidence:
        n -= 1
    while 1.0 - _missed(defect_rate, n) < confidence:
        n += 1
    return n
