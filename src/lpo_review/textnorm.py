"""Text normalisation shared by redaction and the export's leak check.

Both must agree on when two strings are "the same value": case, accents, spacing and
punctuation do not matter, word boundaries do.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def tokens(text: str) -> list[str]:
    """Alphanumeric tokens of ``text``, accents removed and case folded."""
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return _TOKEN.findall(folded)


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded token)`` for every word of ``text``, offsets into ``text``."""
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _TOKEN.finditer(text)]


def _fold_word(word: str) -> str:
    """``"".join(tokens(word))`` for one word (an ASCII word only needs lower-casing)."""
    return word.lower() if word.isascii() else "".join(tokens(word))
