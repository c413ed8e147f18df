"""Turning segments into sparse feature vectors (hashed word n-grams plus layout context).

Redaction placeholders (``<PERSON_1>``, ``<ORGANIZATION_2>``, ``<DATE_3>``) become one token per
entity type, digits collapse to ``0``, so the features of a redacted contract match those of
the original it was trained on as far as the words allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import mmh3
import numpy as np

from lpo_review.stages.clauses.segment import Segment

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


@dataclass(frozen=True)
class HashedRows:
    """A sparse matrix in CSR form, one row per segment, each row L2-normalised.

    Column ``j`` of a feature is ``abs(murmurhash3_32(feature)) % n_features`` (scikit-learn's
    ``HashingVectorizer(alternate_sign=False, norm="l2")`` gives the same matrix, so a model
    trained on either scores the other's rows); counts of a repeated feature add up.
    """

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    n_features: int

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.indptr) - 1, self.n_features

    def dot(self, dense: np.ndarray) -> np.ndarray:
        """``rows @ dense`` for a ``[n_features, k]`` array (``[rows, k]``)."""
        out = np.zeros((self.shape[0], dense.shape[1]), dtype=np.float32)
        filled = np.flatnonzero(np.diff(self.indptr))
        if len(filled):
            weighted = dense[self.indices] * self.data[:, None]
            out[filled] = np.add.reduceat(weighted, self.indptr[filled], axis=0)
        return out


_INT32_MIN = -(2**31)


def hash_rows(rows: list[list[str]], n_features: int) -> HashedRows:
    """Hash feature lists into :class:`HashedRows` (numpy and MurmurHash3 only)."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    hashes = np.fromiter((mmh3.hash(f, 0, True) for r in rows for f in r), dtype=np.int64,
                         count=int(lengths.sum()))
    cols = np.where(hashes == _INT32_MIN, (2**31 - 1 - (n_features - 1)) % n_features,
                    np.abs(hashes) % n_features)
    keys = np.repeat(np.arange(len(rows), dtype=np.int64), lengths) * n_features + cols
    unique, counts = np.unique(keys, return_counts=True)
    row_of, indices = np.divmod(unique, n_features)
    norms = np.sqrt(np.bincount(row_of, weights=counts.astype(np.float64) ** 2,
                                minlength=len(rows)))
    data = (counts / norms[row_of]).astype(np.float32)  # one rounding, as scikit-learn's
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_of, minlength=len(rows)), out=indptr[1:])
    return HashedRows(indptr, indices.astype(np.int32), data, n_features)


def vectorise(text: str, segments: list[Segment], n_features: int) -> HashedRows:
    """Feature matrix of ``segments``, one row per segment."""
    return hash_rows(segment_features(text, segments), n_features)
