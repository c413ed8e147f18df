"""Scoring masked spans against gold mentions given by character offsets.

Shared by the TAB, contract and unseen-document benchmarks, with TAB's rules
(Pilán et al. 2022):

* a mention counts as masked only if every non-space character of it is masked;
* token precision: a masked word token counts as correct only if it lies *inside* a gold
  mention (overlapping one is not enough: masking "Mr Smith's house" for "Smith" is not
  precise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")


def char_mask(length: int, spans: Iterable[tuple[int, int]]) -> list[bool]:
    """One flag per character: inside one of ``spans``."""
    mask = [False] * length
    for start, end in spans:
        mask[start:end] = [True] * (end - start)
    return mask


def fully_masked(text: str, mask: list[bool], start: int, end: int) -> bool:
    """Every non-space character of ``text[start:end]`` is masked."""
    return all(mask[i] or text[i].isspace() for i in range(start, end))


def token_precision_counts(text: str, mask: list[bool], gold: list[bool]) -> tuple[int, int]:
    """``(correct, masked)`` word tokens: masked ones, and those of them inside a gold mention."""
    correct = masked = 0
    for tok in _TOKEN.finditer(text):
        if any(mask[tok.start():tok.end()]):
            masked += 1
            correct += all(gold[tok.start():tok.end()])
    return correct, masked
