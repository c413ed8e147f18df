"""Confidentiality: the vault, keys, attorney sign-off, the audit log and vendor export.

Everything that decides who may see an original value, or proves who approved what, lives here;
``lpo_review.packets`` only writes and renders packets.
"""
