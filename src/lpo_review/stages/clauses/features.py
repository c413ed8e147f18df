"""Turning segments into sparse feature vectors (hashed word n-grams plus layout context).

Redaction placeholders (``<PERSON_1>``, ``<ORGANIZATION_2>``, ``<DATE_3>``) become one token per
entity type, digits collapse to ``0``, so the features of a redacted contract match those of
the original it was trained on as far as the words allow.
"""

from __future__ import annotations

import re
from itertools import pairwise

from typing import TYPE_CHECKING

import numpy as np

from lpo_review.stages.clauses.segment import Segment

if TYPE_CHECKING:  # scikit-learn loads with the model, not at start-up
    from scipy import sparse
    from sklearn.feature_extraction.text import HashingVectorizer

_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)(?:_\d+)?>")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[$%;:]")
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Lower-case text with placeholders as ``enttype`` tokens and digits as ``0``."""
    text = _PLACEHOLDER.sub(lambda m: " ent" + m.group(1).lower().replace("_", "") + " ", text)
    return _DIGITS.sub("0", text.lower())


def tokens(text: str) -> list[str]:
    """Word tokens of normalised text."""
    return _TOKEN.findall(normalise(text))


def segment_features(text: str, segments: list[Segment]) -> list[list[str]]:
    """Feature strings for every segment: its words and bigrams, heading words, neighbour words,
    relative position and length."""
    n_chars = max(1, len(text))
    words = [tokens(text[s.start:s.end]) for s in segments]
    head_cache: dict[str, list[str]] = {}
    feats: list[list[str]] = []
    for i, seg in enumerate(segments):
        w = words[i]
        f = list(w)
        f.extend(a + " " + b for a, b in pairwise(w))
        if seg.heading not in head_cache:
            head_cache[seg.heading] = ["h:" + t for t in tokens(seg.heading)]
        f.extend(head_cache[seg.heading])
        if i > 0:
            f.extend("p:" + t for t in words[i - 1][:40])
        if i + 1 < len(segments):
            f.extend("n:" + t for t in words[i + 1][:20])
        f.append(f"pos:{int(10 * seg.start / n_chars)}")
        f.append(f"len:{min(8, len(w).bit_length())}")
        if seg.is_heading:
            f.append("is_heading")
        feats.append(f)
    return feats


def make_vectorizer(n_features: int) -> HashingVectorizer:
    """The hashing vectorizer over pre-tokenised feature lists (stateless, nothing to store)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_identity, n_features=n_features, alternate_sign=False,
                             norm="l2", dtype=np.float32)


def _identity(x: list[str]) -> list[str]:
    return x


def vectorise(vectorizer: HashingVectorizer, text: str, segments: list[Segment]) -> sparse.csr_matrix:
    """Feature matrix, one row per segment."""
    return vectorizer.transform(segment_features(text, segments))
