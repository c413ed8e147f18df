"""Which vault values are too generic to leak-check (the redactor's false positives).

A redactor sometimes marks ordinary words (``Agreement`` as an organisation, ``16`` as a date,
``6 hours`` as a time).  Checking them would refuse every export, so they are left out of the
leak check when the value *as a whole* identifies no one:

* a bare number with fewer than five digits (``16``, ``2021``);
* every word is an English dictionary word or stop word, or has at most three letters
  (``Disposition/Plan``, ``General Counsel``, ``CPT``), unless it is a person's full name
  (two or more words), contains a company-form suffix (``Inc``, ``LLC``, ``Corporation``...),
  or is a date (month name and digit).

Everything else (``Jane Whitfield``, ``Silverline``, ``Meridian Software Corporation``,
``March 3, 2021``, ``218-555-0143``) is checked.  The dictionary is the word index of the spaCy
model's lemmatizer, loaded once; without it only the number and short-word rules apply.
The matter may list further values to ignore (``[matter] leak_check_allow``).
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from spacy.lang.en.stop_words import STOP_WORDS

from lpo_review.textnorm import tokens

MAX_GENERIC_DIGITS = 4
COMPANY_SUFFIXES = frozenset(
    "inc incorporated llc llp lp ltd limited corp corporation plc gmbh ag sa bv nv pc pllc "
    "holdings co".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


@functools.lru_cache(maxsize=4)
def dictionary_words(model: str) -> frozenset[str]:
    """English words known to the lemmatizer of spaCy model ``model`` (empty if unavailable)."""
    try:
        import spacy

        nlp = spacy.load(
            model,
            exclude=[
                "tok2vec",
                "tagger",
                "parser",
                "attribute_ruler",
                "ner",
                "senter",
                "morphologizer",
            ],
        )
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError, ImportError):
        return frozenset()
    return frozenset(word for words in index.values() for word in words)


def _is_word(token: str, words: Collection[str]) -> bool:
    if token in words or token in STOP_WORDS:
        return True
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if token.endswith(suffix) and token[: -len(suffix)] + replacement in words:
            return True
    return False


def is_generic(value: str, kind: str, words: Collection[str]) -> bool:
    """True when ``value`` alone identifies no one (see the module docstring)."""
    parts = tokens(value)
    digits = sum(ch.isdigit() for tok in parts for ch in tok)
    if not parts or digits > MAX_GENERIC_DIGITS:
        return not parts
    alpha = [tok for tok in parts if not tok.isdigit()]
    if not alpha:
        return True
    if kind == "PERSON" and len(alpha) >= 2:
        return False
    if any(tok in COMPANY_SUFFIXES for tok in alpha) and len(alpha) >= 2:
        return False
    if digits and any(tok in MONTHS for tok in alpha):
        return False
    return all(len(tok) <= 3 or _is_word(tok, words) for tok in alpha)
