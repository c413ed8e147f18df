"""The clause model's feature hashing: the matrix scikit-learn's HashingVectorizer gives (the
model was trained on it), computed with numpy and MurmurHash3 alone."""

from __future__ import annotations

import numpy as np
import pytest

from lpo_review.stages.clauses.features import hash_rows, segment_features
from lpo_review.stages.clauses.segment import segment

CONTRACT = """MASTER SERVICES AGREEMENT

1. Term. This Agreement commences on the Effective Date and continues for three (3) years.
2. Governing Law. This Agreement is governed by the laws of the State of Delaware.
3. Limitation of Liability. In no event shall either party's liability exceed the fees paid.
4. Assignment. Neither party may assign this Agreement without the other's consent; café ü.
"""


def test_hashed_rows_equal_scikit_learns_hashing_vectorizer():
    text_feature = pytest.importorskip("sklearn.feature_extraction.text")
    feats = segment_features(CONTRACT, segment(CONTRACT))
    feats.append([])  # a row without features stays empty
    n = 2**18
    ours = hash_rows(feats, n)
    theirs = text_feature.HashingVectorizer(analyzer=lambda x: x, n_features=n,
                                            alternate_sign=False, norm="l2",
                                            dtype=np.float32).transform(feats)
    theirs.sort_indices()
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # bit for bit: retraining gives the same weights
    weights = np.random.default_rng(0).standard_normal((n, 3)).astype(np.float32)
    assert np.allclose(ours.dot(weights), theirs @ weights, atol=1e-4)
