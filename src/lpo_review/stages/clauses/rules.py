"""Rule extractors for the short-answer categories: Document Name, Parties, Agreement Date and
Effective Date.

Lawyers mark these as phrases (a title, a company name, a date), not sentences, and they sit in
the title block and preamble, where layout and wording are regular enough for rules to beat a
sentence classifier.  Redaction placeholders count as names and dates.
"""

from __future__ import annotations

import re

#: Where the preamble ends: recitals or the operative words.
_PREAMBLE_END = re.compile(
    r"\bW\s?HEREAS\b|\bRECITALS?\b|\bBACKGROUND\b|NOW,?\s+THEREFORE|agree[sd]?\s+as\s+follows|"
    r"\bwitnesseth\b",
    re.IGNORECASE,
)
_PREAMBLE_MIN, _PREAMBLE_MAX = 400, 3000
_CAPS_WORD = r"(?:[A-Z0-9][A-Z0-9&\-'’./()]*|AND|OF|TO|FOR|THE|IN|ON)"
_CAPS_TITLE = re.compile(
    rf"\b{_CAPS_WORD}(?:(?:[ \t\u00a0]{{1,3}}|,[ \t]|[ \t]*\n[ \t]*){_CAPS_WORD}){{0,12}}?"
    r"[ \t]+(?:AGREEMENT|CONTRACT|AMENDMENT|LEASE|ADDENDUM|MEMORANDUM|UNDERTAKING|"
    r"PLAN|DEED)S?\b|\b(?:AGREEMENT|CONTRACT)\b"
)
#: A title in title case on its own, not "this/the X Agreement" inside a sentence.
_TITLE_CASE = re.compile(
    r"(?<![Tt]his )(?<![Tt]he )(?<![a-z,] )\b((?:[A-Z][\w\-'’]*[ \t]+(?:(?:and|of|to|for|the|on|in)[ \t]+)?)"
    r"{1,8}(?:Agreement|Contract))\b(?![ \t]*\()"
)
#: Words before a title that are not part of it (exhibit numbers, "THIS").
_TITLE_LEAD = re.compile(
    r"(?:\bEXHIBIT\b[ \t]*[\w.()\-]*|\bTHIS\b|\bAND\b(?=[ \t]+THIS)|\b[\d.()A-Z]*\d[\d.()A-Z]*\b)[ \t,]*"
)
_THIS_AGREEMENT = re.compile(
    r"\b(?:This|THIS)\s+((?:[A-Z][\w\-&/]*\s+){0,7}?(?:Agreement|AGREEMENT|Contract|CONTRACT))\b"
)
_SUFFIX = (
    r"(?:Inc|INC|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp|CORP|LLC|L\.L\.C|Ltd|LTD|"
    r"Limited|LIMITED|L\.P|LP|LLP|Company|COMPANY|Co|CO|GmbH|AG|S\.A|SA|N\.V|B\.V|plc|PLC|S\.p\.A|"
    r"Pty|Trust|TRUST|Bank|BANK|Partners|PARTNERS|S\.A\.S|SAS|S\.L|Sarl|S\.à r\.l|KG|AB|Oy|ASA|"
    r"Holdings|HOLDINGS)\.?"
)
_FIRST_WORD = r"(?:[A-Z][\w.'’\-/@]*|\d+[A-Za-z][\w.'’\-/@]*)"
_NAME_WORD = rf"(?:{_FIRST_WORD}|\d+|&|of|de|for)"
_COMPANY = re.compile(
    rf"(?<![Tt]he )(?<!THE )\b({_FIRST_WORD}(?:[ \t]+{_NAME_WORD}){{0,6}}?,?[ \t]+{_SUFFIX})(?![\w\-])"
)
#: "Name, a Delaware corporation" for names without a corporate suffix.
_INCORPORATED_AS = re.compile(
    rf"\b({_FIRST_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}}),?\s+(?:an?|the)\s+(?:[A-Z][\w.]*\s+){{1,3}}"
    r"(?:corporation|company|limited|partnership|entity|organization|bank|association|trust)\b"
)
#: "... referred to individually as a "Party" and collectively as the "Parties"".
_PARTY_CLAUSE = re.compile(
    r"(?:[(]|(?<=[.;]\s)|(?<=\n))[^.;()\n]{0,160}?[\"“]Part(?:y|ies)[\"”][^.()\n]{0,80}?"
    r"[\"“]Part(?:y|ies)[\"”]\)?\.?"
)
_PLACEHOLDER_NAME = re.compile(rf"<(?:ORGANIZATION|ORG|PERSON|NRP)_\d+>(?:,?[ \t]+{_SUFFIX}(?![\w\-]))?")
_BARE_SUFFIX = re.compile(rf"^{_SUFFIX}$")
#: Where a party's short name is defined: a parenthesis, or "referred to as" / "hereinafter".
_DEFINING = re.compile(
    r"\([^()]{0,120}\)|(?:referred\s+to|hereinafter|called)\b[^()\"“.;]{0,40}[\"“][^()\n.;]{0,80}"
)
_QUOTED = re.compile(r"[\"“”]([A-Za-z0-9<][^\"“”]{1,39})[\"”]")
#: An unquoted short name in parentheses: ``(Transporter)``.
_BARE_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,24})\)")
_NAME_LEAD = re.compile(r"^(?:(?:between|by|and|among|with|the|this|party\s+[ab]:?)\s+)+", re.IGNORECASE)
_US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
    "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
    "wisconsin", "wyoming", "new", "north", "south", "west", "rhode",
}
_GENERIC_TERMS = {
    "agreement", "effective date", "party", "parties", "this agreement", "term", "territory",
    "products", "product", "services", "affiliate", "affiliates", "closing", "closing date",
    "commencement date", "execution date", "exchange act", "securities act", "amendment",
    "contract", "license", "plan", "lease", "premises",
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}\s?(?:st|nd|rd|th|t\s?h)?"
_DATE = re.compile(
    rf"(?:{_MONTH}\s+{_DAY},?\s*\d{{4}}|{_DAY}\s+day\s+of\s+{_MONTH},?\s+\d{{4}}|"
    rf"{_DAY}\s+{_MONTH},?\s+\d{{4}}|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b|{_MONTH}\s+\d{{4}}|"
    rf"<DATE(?:_TIME)?_\d+>|_+\s*day\s+of\s+[_A-Za-z]+,?\s+\d{{4}}|{_MONTH}\s+_+,?\s+\d{{4}}|"
    r"\[[^\]\n]{0,12}\](?:\s+day\s+of\s+\[[^\]\n]{0,12}\])?,\s*\d{4})",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"^\s*Source:.*$", re.MULTILINE | re.IGNORECASE)

Phrase = tuple[str, int, int, float]


def preamble_end(text: str) -> int:
    """Offset where the title block and preamble end."""
    m = _PREAMBLE_END.search(text, _PREAMBLE_MIN // 4, _PREAMBLE_MAX)
    return m.start() if m and m.start() >= 40 else min(len(text), _PREAMBLE_MAX)


def _masked(text: str, limit: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SOURCE_LINE.finditer(text, 0, limit)]


def document_name(text: str) -> list[Phrase]:
    """The title: the first phrase in capitals ending in AGREEMENT (CONTRACT, LICENSE...) near
    the top, else the first 'This X Agreement'."""
    limit = min(len(text), 1500)
    masked = _masked(text, limit)
    fallback: Phrase | None = None
    for m in _CAPS_TITLE.finditer(text, 0, limit):
        if any(a <= m.start() < b for a, b in masked):
            continue
        start, end = m.start(), m.end()
        for lead in _TITLE_LEAD.finditer(text, start, end):
            start = lead.end()
        if start >= end or text[start:end].strip().startswith(("THIS ", "SOURCE")):
            continue
        if len(text[start:end].split()) >= 2:
            titled = _TITLE_CASE.search(text, 0, start)
            if titled:
                return [("Document Name", titled.start(1), titled.end(1), 0.8)]
            return [("Document Name", start, end, 0.9)]
        fallback = fallback or ("Document Name", start, end, 0.6)
    titled = _TITLE_CASE.search(text, 0, limit)
    if titled:
        return [("Document Name", titled.start(1), titled.end(1), 0.8)]
    m2 = _THIS_AGREEMENT.search(text, 0, preamble_end(text) + 200)
    if m2 and len(m2.group(1).split()) >= 2:
        return [("Document Name", m2.start(1), m2.end(1), 0.8)]
    return [fallback] if fallback else []


def parties(text: str) -> list[Phrase]:
    """Party names (companies, placeholders) and their defined short names in the preamble."""
    end = preamble_end(text)
    masked = _masked(text, end)
    seen: set[str] = set()
    out: list[Phrase] = []

    def add(start: int, stop: int, score: float) -> None:
        key = " ".join(text[start:stop].lower().split()).strip(",.;")
        if key in seen or any(a <= start < b for a, b in masked) or any(
                s < stop and start < e for _, s, e, _ in out):
            return
        seen.add(key)
        out.append(("Parties", start, stop, score))

    own_line: list[tuple[int, int, float]] = []
    for pattern, score in ((_COMPANY, 0.8), (_INCORPORATED_AS, 0.7)):
        for m in pattern.finditer(text, 0, end):
            name = m.group(1)
            lead = _NAME_LEAD.match(name)
            if (name.isupper() and len(name.split()) > 6) or (lead and lead.end() == len(name)) \
                    or name.split()[0].lower() in _US_STATES or _BARE_SUFFIX.match(name):
                continue
            start = m.start(1) + (lead.end() if lead else 0)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", m.end(1))
            if not text[line_start:start].strip() and not text[m.end(1):line_end].strip(" \t,"):
                own_line.append((start, m.end(1), score))  # title block: prefer the preamble's
            else:
                add(start, m.end(1), score)
    for start, stop, score in own_line:
        add(start, stop, score)
    for m in _PLACEHOLDER_NAME.finditer(text, 0, end):
        add(m.start(), m.end(), 0.75)
    for d in _DEFINING.finditer(text, 0, end):
        for m in _QUOTED.finditer(text, d.start(), d.end()):
            term = m.group(1).strip()
            if " ".join(term.lower().split()).strip(",.;") not in _GENERIC_TERMS and len(term.split()) <= 5:
                add(m.start(1), m.start(1) + len(m.group(1).rstrip()), 0.7)
    for m in _BARE_DEFINED.finditer(text, 0, end):
        if m.group(1).lower() not in _GENERIC_TERMS:
            add(m.start(1), m.end(1), 0.45)
    for m in _PARTY_CLAUSE.finditer(text, 0, min(len(text), end + 1500)):
        add(m.start(), m.end(), 0.6)
    return sorted(out, key=lambda p: p[1])


def dates(text: str) -> list[Phrase]:
    """Agreement Date: the first date of the preamble; Effective Date too when worded so."""
    end = preamble_end(text)
    masked = _masked(text, end + 400)
    for m in _DATE.finditer(text, 0, min(len(text), end + 400)):
        if any(a <= m.start() < b for a, b in masked):
            continue
        found: list[Phrase] = [("Agreement Date", m.start(), m.end(), 0.85)]
        window = text[max(0, m.start() - 120): m.end() + 80].lower()
        effective = "effective" in window or "dated as of" in window or "as of" in window
        found.append(("Effective Date", m.start(), m.end(), 0.75 if effective else 0.45))
        return found
    return []


def extract(text: str) -> list[Phrase]:
    """All rule-based phrases ``(category, start, end, score)``."""
    return document_name(text) + parties(text) + dates(text)


#: Categories decided by these rules rather than the sentence classifier.
RULE_CATEGORIES = ("Document Name", "Parties", "Agreement Date")
