"""Organisations the NER misses: names with a legal form, facilities and plans, defined names.

* A legal form after capitalised words: "Summit Employment Law LLP", "Lakeshore Injury Law,
  P.C.", "Brightwater Components L.P.", "SILVERLINE ANALYTICS, INC."; or the kind of company
  after them: "Synchron, a California corporation".
* A firm named by its partners: "Wilson Sonsini Goodrich & Rosati".
* A trade name: "Johnson Matthey Catalog Company, Inc., d/b/a ALFA AESAR".
* A facility or plan named by capitalised words and a head noun: "Newark Imaging Center",
  "WESTMARK HEALTH SYSTEM", "Cardinal Health Plan HMO", "Tallgrass Occupational Therapy".
* The value of a field that names an organisation: "Health Plan: Harbor State Employees Plan",
  "Employer: Ironwood Logistics".
* A distinctive first word of such a name used alone later ("Ironwood" after "Ironwood
  Logistics L.P."), unless the document also writes it in lower case (an ordinary word).
* The short name a contract defines for such an organisation, and every later use of it:
  ``Silverline Analytics, Inc. ("Silverline")`` - when the short name repeats a word of the full
  name.  A defined role ("the Company", "Licensor") is not a name and is left alone.

Generic public bodies ("the District Court") are left to the keep rules.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "ORGANIZATION"
_WORD = r"(?:\p{Lu}[\p{L}'\u2019\-]*|\p{Lu}{2,}|&)"
#: A company's legal form after its name ("Inc.", "L.L.C.", "GmbH").
LEGAL_FORM = (
    r"(?:Inc|INC|Incorporated|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|P\.C|PC|PLLC|P\.A|Corp|CORP|"
    r"Corporation|CORPORATION|Ltd|LTD|Limited|LIMITED|GmbH|AG|N\.V|B\.V|S\.A|PLC|plc|"
    r"Company|COMPANY|Co|S\.?[\u00e0\u00c0aA]\.?[ \t]?[rR]\.?[lL]|SARL|S\.A\.S|SAS|S\.p\.A|SpA|"
    r"S\.L|Pty|K\.K|A/S|ApS|Oy|AB|SE|Sdn[ \t]Bhd)\.?"
)
_FACILITY_HEAD = (
    r"(?i:hospital|medical\s+center|medical\s+centre|health\s+system|health\s+center|"
    r"health\s+plan(?:\s+(?:hmo|ppo|pos|epo))?|clinic|surgery\s+center|imaging\s+center|"
    r"urgent\s+care|physical\s+therapy|occupational\s+therapy|family\s+medicine|"
    r"sports\s+medicine(?:\s+&\s+orthopedics)?|orthopedics|pharmacy|laboratories|laboratory|"
    r"rehabilitation(?:\s+center)?|nursing\s+home|medical\s+group|(?:hmo|ppo|pos|epo))"
)
#: Words of one name are separated by one space, never a tab or a column gap.
_GAP = r"[ ]"
_NAMED_LEGAL = regex.compile(
    r"(?<![\p{L}])(?P<value>" + _WORD + r"(?:" + _GAP + _WORD + r"){0,5},?" + _GAP + LEGAL_FORM
    + r")(?![\p{L}])"
)
#: A name followed by the kind of company it is: "Synchron, a California corporation",
#: "Acme Holdings, a Delaware limited liability company".
_NAMED_BY_KIND = regex.compile(
    r"(?<![\p{L}])(?P<value>" + _WORD + r"(?:" + _GAP + _WORD + r"){0,5}),[ \t]+an?[ \t]+"
    r"(?:\p{Lu}[\p{L}.]*[ \t]+){1,3}(?i:corporation|limited[ \t]+liability[ \t]+company|"
    r"limited[ \t]+partnership|general[ \t]+partnership|company|partnership|corp\.)"
)
#: A firm named by its partners, without its legal form: "Wilson Sonsini Goodrich & Rosati",
#: "McDermott Will & Emery" (two names before the "&"; "& Mary Smith" is a couple, not a firm).
_NAMED_FIRM = regex.compile(
    r"(?<![\p{L}.])(?P<value>(?:\p{Lu}\p{Ll}[\p{L}'\u2019\-]*,?" + _GAP + r"){2,5}&" + _GAP
    + r"\p{Lu}\p{Ll}[\p{L}'\u2019\-]*)(?![\p{L}])(?![ \t]+\p{Lu}\p{Ll})"
)
#: A facility named with its kind first, as in German, French, Spanish or Italian: "Klinikum
#: Westrich", "Radiologie am Schlossberg", "H\u00f4pital Saint-Louis", "Cl\u00ednica Santa Mar\u00eda".
_FACILITY_FIRST = regex.compile(
    r"(?<![\p{L}])(?P<value>(?i:Klinikum|Klinik|Krankenhaus|Spital|Praxis|Radiologie|H\u00f4pital|"
    r"Clinique|Ospedale|Cl\u00ednica|Clinica|Policlinico|Sanatorium)(?:" + _GAP
    + r"(?:am|an|der|de|del|della|di|du|des|la|le|Saint|Sankt|St\.|Santa|San))*(?:" + _GAP
    + r"\p{Lu}[\p{L}'\u2019\-]+){1,3})(?![\p{L}])"
)
_NAMED_FACILITY = regex.compile(
    r"(?<![\p{L}])(?P<value>" + _WORD + r"(?:" + _GAP + _WORD + r"){0,5}?" + _GAP + _FACILITY_HEAD
    + r")(?![\p{L}])"
)
#: A trade name after "d/b/a" or "doing business as": "..., INC., d/b/a ALFA AESAR".
_NAMED_TRADE = regex.compile(
    r"(?i:\bd/b/a|\bdba|doing[ \t]+business[ \t]+as|trading[ \t]+as)[ \t]+(?:the[ \t]+)?(?P<value>"
    + _WORD + r"(?:" + _GAP + _WORD + r"){0,4})(?![\p{L}])"
)
_QUOTED = r"(?:the\s+)?[\"\u201c](?P<value>\p{Lu}[\p{L}\d&'\u2019.\- ]{1,40}?)[\"\u201d]"
#: A short name a text defines: ``("Silverline")``, ``(hereinafter "Silverline")``,
#: ``("Silverline" or "Provider")``; every quoted name is a capture of group ``value``.
DEFINED_IN_PARENTHESES = regex.compile(
    r"\(\s*(?:hereinafter\s+)?(?:(?:referred\s+to\s+as|called)\s+)?"
    + _QUOTED + r"(?:\s*(?:,|or|and)\s*" + _QUOTED + r")*\s*\)"
)
#: How far after an organisation's name its definition may stand ("..., Inc., a Delaware
#: corporation with its principal place of business at ... ("Silverline")").
_NEAR = 300
#: A field naming an organisation; its value runs to the end of the field.
_LABELLED = regex.compile(
    r"(?im:(?:^|(?<=[\t|;])|(?<=[ \t]{2}))[ \t]*(?:health[ \t]+plan|insurance|insurer|payer|"
    r"carrier|employer|facility|hospital|clinic|pharmacy|law[ \t]+firm|company|organi[sz]ation)"
    r"[ \t]*:[ \t]*)(?P<value>\p{Lu}[\p{L}&'\u2019.,\- ]{1,60}?)(?=[ \t]{2}|\t|[ \t]*$|[ \t]*[|;(])"
)
#: Leading words that make a match a generic phrase, not a name ("The Hospital", "Our Clinic").
_GENERIC_START = frozenset("the a an this that our your his her their its each any such".split())


def _words(value: str) -> list[str]:
    return [w.casefold() for w in regex.findall(r"[\p{L}]+", value)]


_HEAD_ONLY = regex.compile(r",?\s*(?:" + LEGAL_FORM + r"|" + _FACILITY_HEAD + r")")


#: A person's full name before the firm that bears the surname: "Yusuf Demir, Demir & Castellane".
_PARTNER_BEFORE_FIRM = regex.compile(r"\p{Lu}\p{Ll}+[ ](?P<surname>\p{Lu}\p{Ll}[\p{L}'\u2019\-]*),[ ]")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop generic leading words and a partner's name before the firm named for them; None
    when only the legal form or head noun is left ("The Company", "the Hospital")."""
    value = text[start:end]
    partner = _PARTNER_BEFORE_FIRM.match(value)
    if partner and regex.search(r"\b" + regex.escape(partner["surname"]) + r"\b",
                                value[partner.end():]):
        start, value = start + partner.end(), value[partner.end():]
    for m in regex.finditer(r"\S+", value):
        if m.group().casefold() not in _GENERIC_START:
            rest = value[m.start():]
            return None if _HEAD_ONLY.fullmatch(rest) else (start + m.start(), end)
    return None


class OrganizationRecognizer(LocalRecognizer):
    """Reports organisation names by their legal form, facility head, or contract definition."""

    name: str  # set by Presidio's EntityRecognizer.__init__

    SCORE = 0.82

    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], supported_language="en",
                         name="OrganizationRecognizer")

    def load(self) -> None:
        """Patterns are module constants."""

    @staticmethod
    def named(text: str) -> dict[tuple[int, int], str]:
        """``(start, end) -> why`` of the names ``text`` gives with a legal form or a facility
        or plan head ("Accuray Incorporated", "Newark Imaging Center")."""
        found: dict[tuple[int, int], str] = {}
        for pattern, why in ((_NAMED_LEGAL, "legal form"), (_NAMED_BY_KIND, "kind of company"),
                             (_NAMED_FACILITY, "facility or plan"), (_NAMED_FIRM, "firm"),
                             (_NAMED_TRADE, "trade name"),
                             (_FACILITY_FIRST, "facility named kind first")):
            for m in pattern.finditer(text):
                span = _trim(text, *m.span("value"))
                if span and span[1] - span[0] > 3:
                    found.setdefault(span, why)
        return found

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, why)`` of organisation names in ``text``."""
        found = self.named(text)
        names: list[tuple[int, int]] = list(found)
        for m in _LABELLED.finditer(text):
            span = _trim(text, *m.span("value"))
            if span:
                found.setdefault(span, "organisation field")
                names.append(span)
        names.sort()
        short_names: set[str] = set()
        lower = {w.casefold() for w in regex.findall(r"(?<![\p{L}@./])\p{Ll}+(?![\p{L}@/])", text)}
        first_words: set[str] = {
            first for s, e in names
            if len(words := regex.findall(r"\p{L}+", text[s:e])) >= 2
            and len(first := words[0]) >= 4 and first.casefold() not in lower
            and first.casefold() not in _GENERIC_START
        }
        for m in DEFINED_IN_PARENTHESES.finditer(text):
            before = [n for n in names if n[1] <= m.start() and m.start() - n[1] <= _NEAR]
            if not before:
                continue
            full = set(_words(text[before[-1][0]:before[-1][1]]))
            short_names.update(short.strip() for short in m.captures("value")
                               if set(_words(short)) & full)
        for aliases, why in ((short_names, "short name the contract defines"),
                             (first_words - short_names, "first word of an organisation's name")):
            for alias in aliases:
                for m in regex.finditer(r"(?<![\p{L}])" + regex.escape(alias) + r"(?![\p{L}])",
                                        text):
                    if not any(s <= m.start() and m.end() <= e for s, e in names):
                        found.setdefault(m.span(), why)
        return [(s, e, why) for (s, e), why in sorted(found.items())]

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if ENTITY not in entities:
            return []
        return [
            RecognizerResult(
                entity_type=ENTITY, start=start, end=end, score=self.SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name, original_score=self.SCORE, textual_explanation=why),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
            )
            for start, end, why in self.spans(text)
        ]
