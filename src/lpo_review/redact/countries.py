"""A town's place before its country in an address ("Bergisch Gladbach, Germany").

Countries' English names come from ``pycountry`` (ISO 3166: "Germany", "United Kingdom", and
"Korea" of "Korea, Republic of"), not from a list kept here.
"""

from __future__ import annotations

import functools
import re

import pycountry

#: What may stand between a town and its country: a postcode ("51429", "F-51110", "CB22 3AT"),
#: a post-office box, or one word of a region ("Cambridgeshire").
_ADDRESS_PIECE = re.compile(r"(?:[A-Z]{1,2}-)?\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}|"
                            r"P\.?[ \t]*O\.?[ \t]*Box[ \t]*\d+|[A-Z][a-z\-]+")


@functools.lru_cache(maxsize=1)
def _country() -> re.Pattern[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", "")):
            names.update(n for n in (name, name.split(",")[0]) if n)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w-])", re.IGNORECASE)


def before_country(text: str, end: int) -> bool:
    """Whether the words ending at ``end`` are a town followed, on its line, by its country,
    with at most its postcode, post-office box or region between: "Bergisch Gladbach, Germany",
    "51429 Bergisch Gladbach  Germany", "Babraham, Cambridgeshire, CB22 3AT, United Kingdom"."""
    stop = text.find("\n", end)
    rest = text[end:stop if stop >= 0 else len(text)][:160]
    if not rest or rest[0] not in ", \t":
        return False
    pieces = [p.strip() for p in re.split(r",|[ \t]{2,}", rest)]
    for piece in [p for p in pieces if p][:4]:
        if _country().match(piece):
            return True
        if not _ADDRESS_PIECE.fullmatch(piece):
            return False
    return False
