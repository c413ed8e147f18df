"""Deposition transcripts: page-line digest, exhibits, objections, recesses, topical index."""

from lpo_review.stages.deposition.digest import DepositionDigest

__all__ = ["DepositionDigest"]
