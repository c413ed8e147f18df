"""A context enhancer whose cost grows with the number of results, not results x tokens.

Presidio's ``LemmaContextAwareEnhancer`` finds each result's token by scanning the whole Doc and
tests context words against a list of every keyword of the text.  This one finds the token by
binary search and looks only at the few tokens before (and after) the result.
"""

from __future__ import annotations

import bisect

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts


class WindowContextEnhancer(LemmaContextAwareEnhancer):
    """Boosts a result when one of its recognizer's context words is among the nearby words."""

    def __init__(self, prefix_words: int = 6, suffix_words: int = 2):
        super().__init__(
            context_prefix_count=prefix_words,
            context_suffix_count=suffix_words,
            context_matching_mode="substring",
        )

    def _extract_surrounding_words(
        self, nlp_artifacts: NlpArtifacts, word: str, start: int
    ) -> list[str]:
        doc = nlp_artifacts.tokens
        if doc is None or not len(doc):
            return [""]
        starts = nlp_artifacts.tokens_indices
        i = max(0, bisect.bisect_right(starts, start) - 1)
        end = start + len(word)
        j = bisect.bisect_left(starts, end)
        words: list[str] = []
        k, taken = i - 1, 0
        while k >= 0 and taken < self.context_prefix_count:
            token = doc[k]
            if not (token.is_punct or token.is_space or token.is_stop):
                words.append(token.lower_)
                taken += 1
            k -= 1
        k, taken = j, 0
        while k < len(doc) and taken < self.context_suffix_count:
            token = doc[k]
            if not (token.is_punct or token.is_space or token.is_stop):
                words.append(token.lower_)
                taken += 1
            k += 1
        return words or [""]
