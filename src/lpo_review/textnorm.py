"""Text normalisation shared by redaction and the export's leak check (and, for scanned
words in capitals, by redaction and the chronology).

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


#: A word in capitals with a digit or a lower-case "l" in it: a scanned word the OCR may have
#: misread ("H0SPITAL", "MEDlClNE", "R0SALIND", "CEDR0").
_OCR_WORD = re.compile(r"\b(?=[A-Z0-9l]*[0-9l])[A-Z0-9l]{5,}\b")
#: A code's digits at its end ("BRCA1", "ICD10", "COVID19"): no misreading.
_CODE_END = re.compile(r"[A-Z]+(?:[1-9]\d*|\d{2,})")
#: What the OCR wrote for capital letters, read back.
_OCR_CAPITALS = str.maketrans({"0": "O", "1": "I", "l": "I", "5": "S"})


def read_ocr_capitals(text: str) -> str:
    """``text`` with the digits and the lower-case "l" an OCR put for capital letters in words
    in capitals read as those letters ("TRI-C0UNTY 0RTH0PAEDIC & SP0RTS MEDlClNE" ->
    "TRI-COUNTY ORTHOPAEDIC & SPORTS MEDICINE"), one character for one (every offset holds).
    Short words and codes stay ("A1C", "T1DM", "BRCA1", "0800")."""
    def read(m: re.Match[str]) -> str:
        word = m.group()
        letters = word.translate(_OCR_CAPITALS)
        if not letters.isalpha() or _CODE_END.fullmatch(word) or \
                sum(ch.isupper() for ch in word) < len(word) / 2:
            return word
        return letters
    return _OCR_WORD.sub(read, text)
