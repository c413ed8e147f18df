"""Person names written in capitals, which spaCy's NER misses.

A capitalised candidate is reported when

* an honorific stands before it: "MR. JOHN SMITHERS", "DR. ANA RUIZ"; or
* the candidate looks like a name in a caption or signature: a middle initial
  ("JOHN A. SMITHERS") or a party role / professional suffix after it, also on the next line
  of a caption ("ANA RUIZ, Plaintiff", "PAUL KIM, M.D."), *and* either the NER, asked about
  the title-cased candidate ("John A. Smithers said so."), calls it a person, or its first word
  is a given name (probablepeople) and no word of it is a common English word ("ROSALIND
  KETTERIDGE", which the small NER model calls a company).  Companies ("ACME WIDGETS, INC.") and
  headings ("DISCHARGE SUMMARY") are not.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from lpo_review.redact.recognizers.base import is_acronym
from lpo_review.redact.recognizers.speaker_label import CAPS_WORD, HONORIFIC

_HONORIFIC_NAME = regex.compile(
    r"\b"
    + HONORIFIC
    + r"\.?[ \t]+(?P<value>"
    + CAPS_WORD
    + r"(?:[ \t]+(?:[A-Z]\.|"
    + CAPS_WORD
    + r")){0,3})\b"
)
#: Words of one name stand a space or two apart; a column gap ends the name.
_CANDIDATE = regex.compile(
    r"(?<![\w.])(?P<value>" + CAPS_WORD + r"(?:[ ]{1,2}(?:[A-Z]\.|" + CAPS_WORD + r")){1,3})\b"
)
#: Words that join a clause, and a possessive before more words: a sentence in capitals, not a
#: name ("TRANSPORTER'S BREACH OF ANY").
_CLAUSE_WORDS = regex.compile(r"\b(?:OF|ANY|THE|AND|FOR|TO|IN|ON|BY|WITH|OR|ALL|SUCH|EACH|"
                              r"THIS|THAT|NOT|IS|ARE|SHALL|MAY)\b|['\u2019]S[ \t]")
_INITIAL = regex.compile(r"[ \t][A-Z]\.(?:[ \t]|$)")
_ROLE_AFTER = regex.compile(
    r",?\s{0,12}(?:et\s+al\.?,?[ \t]*)?(?:individually[ \t,]+(?:and[ \t]+)?)?"
    r"(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?|"
    r"deponent|witness|decedent|deceased|a[ \t]+minor|minor|guardian|executor|executrix|"
    r"administrat(?:or|rix)|personal[ \t]+representative|next[ \t]+friend|"
    r"debtors?|intervenors?|movants?|relators?|being[ \t]+(?:first[ \t]+)?(?:duly[ \t]+)?sworn|"
    r"esq|m\.?d|r\.?n|ph\.?d|d\.?o|n\.?p|p\.?a)\b",
    regex.IGNORECASE,
)
#: A caption's party column: "THI MAI NGUYEN,        )", or the deponent's name on its right
#: (")  SAMUEL KWAME MENSAH"); not an item's letter or number ("(w) ALFA AESAR will", "iii)").
_CAPTION_COLUMN = regex.compile(r",?[ \t]*\)")
_CAPTION_BEFORE = regex.compile(r"(?<!(?:^|[\s(])(?:[a-z]{1,4}|\d{1,3}|[A-Z]))\)[ \t]+$")


def _given_name_first(candidate: str) -> bool:
    """A given name first and no common English word ("ROSALIND KETTERIDGE"), two rare words
    around a middle initial ("IMOGEN R. THACKERAY", whom the small NER calls a company), or two
    given names before a surname, whatever the words ("HOPE ANNE RIVERS")."""
    # imported here: name_evidence reads the keep rules, which read this package
    from lpo_review.redact.name_evidence import CONNECTORS, is_common_english, is_given_name, zipf

    words = [w for w in candidate.split() if not w.endswith(".")]
    if len(words) == 2 and _INITIAL.search(candidate) and not any(
            is_common_english(w) or w.lower() in _COMPANY_WORDS for w in words):
        return True  # "IMOGEN R. THACKERAY": a first name, an initial and a surname, all rare
    return len(words) >= 2 and is_given_name(words[0].capitalize()) and (
        not any(is_common_english(w) for w in words)
        or (len(words) >= 3 and is_given_name(words[1].capitalize())
            and zipf(words[1].casefold()) < _MIDDLE_NAME_ZIPF
            and not any(w.lower() in CONNECTORS or w.lower() in _COMPANY_WORDS for w in words)))


def _defined_abbreviation(text: str, m: regex.Match[str]) -> bool:
    """A title without its full stop that the text uses as a name of its own: "MS" for
    Microsoft ("MS SOFTWARE IMAGES", "MS PROVISIONS" in a text that writes "provided by MS."
    or defines ``("MS")``), not "MS. OKAFOR" or a transcript's "MS OKAFOR"."""
    title = m.group()[:m.start("value") - m.start()].strip()
    return "." not in title and regex.search(
        r"[(\"\u201c]\s*" + regex.escape(title) + r"\s*[\"\u201d)]|(?<![\w.])" + regex.escape(title)
        + r"(?:['\u2019]s)?(?=[ \t]*(?:[.,;:)]|[ \t]\p{Ll}|$))", text, regex.MULTILINE) is not None


#: A middle given name is no word this common ("ANNE" 4.3, not "PERIOD" 5.2).
_MIDDLE_NAME_ZIPF = 4.5
_COMPANY_WORDS = frozenset(
    "holdings group partners capital company trust bank fund corporation inc llc ltd".split())


class CapsNameRecognizer(LocalRecognizer):
    """Reports ALL-CAPS person names as ``PERSON``."""

    name: str  # set by Presidio's EntityRecognizer.__init__

    SCORE = 0.86

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON"], supported_language="en", name="CapsNameRecognizer"
        )

    def load(self) -> None:
        """Nothing to load; the NER comes with the artefacts."""

    @staticmethod
    def _ner_says_person(nlp, candidates: list[str]) -> list[bool]:  # type: ignore[no-untyped-def]
        titled = [
            regex.sub(r"[A-Z][A-Z'\u2019]+", lambda m: m[0].capitalize(), c) for c in candidates
        ]
        return [
            any(e.label_ == "PERSON" and e.start_char == 0 for e in doc.ents)
            for doc in nlp.pipe(f"{t} said so." for t in titled)
        ]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        spans: dict[tuple[int, int], str] = {
            m.span("value"): "honorific before a name in capitals"
            for m in _HONORIFIC_NAME.finditer(text) if not _defined_abbreviation(text, m)
        }
        nlp = getattr(getattr(nlp_artifacts, "nlp_engine", None), "nlp", None)
        if nlp is not None:
            candidates = [
                m
                for m in _CANDIDATE.finditer(text)
                if m.span("value") not in spans
                # an abbreviation of four letters or more is no one's initials: "CFCH HIM",
                # but "RJR BETHAM"
                and not any(is_acronym(w) and len(w) >= 4 for w in m["value"].split())
                and not _CLAUSE_WORDS.search(m["value"])  # "TRANSPORTER'S BREACH OF ANY"
                and (
                    _INITIAL.search(m["value"])
                    or _ROLE_AFTER.match(text, m.end("value"), m.end("value") + 40)
                    or _CAPTION_COLUMN.match(text, m.end("value"), m.end("value") + 40)
                    or _CAPTION_BEFORE.search(text, max(0, m.start() - 20), m.start())
                )
            ]
            verdicts = self._ner_says_person(nlp, [m["value"] for m in candidates])
            for m, is_person in zip(candidates, verdicts, strict=True):
                if is_person or _given_name_first(m["value"]):
                    spans[m.span("value")] = "caption name the NER reads as a person"
        return [
            RecognizerResult(
                entity_type="PERSON",
                start=start,
                end=end,
                score=self.SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name, original_score=self.SCORE, textual_explanation=why
                ),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for (start, end), why in sorted(spans.items())
        ]
