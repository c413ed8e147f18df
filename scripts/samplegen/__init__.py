"""Synthetic legal documents (contracts, deposition transcripts, medical records) with gold.

``scripts/make_samples.py`` writes the committed samples; ``samplegen.corpus.generate_corpus``
streams plain-text documents for throughput benchmarks.
"""
