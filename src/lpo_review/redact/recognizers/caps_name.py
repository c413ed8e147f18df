"""Person names written in capitals, which spaCy's NER misses.

Three signals, each enough on its own:

* an honorific before the name: "MR. JOHN SMITHERS", "DR. ANA RUIZ";
* a party role after it, as in captions: "JOHN A. SMITHERS, Plaintiff," / "ACME CORP., Defendant"
  (the name must then also look like a person to the NER, see below);
* the NER itself, asked about the title-cased candidate ("John A. Smithers").
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from lpo_review.redact.recognizers.speaker_label import CAPS_WORD, HONORIFIC

_NAME = CAPS_WORD + r"(?:[ \t]+(?:[A-Z]\.|" + CAPS_WORD + r")){1,3}"
_HONORIFIC_NAME = regex.compile(
    r"\b"
    + HONORIFIC
    + r"\.?[ \t]+(?P<value>"
    + CAPS_WORD
    + r"(?:[ \t]+(?:[A-Z]\.|"
    + CAPS_WORD
    + r")){0,3})\b"
)
_CANDIDATE = regex.compile(r"(?<![\w.])(?P<value>" + _NAME + r")\b")
_ORG_AFTER = regex.compile(
    r",?[ \t]*(?:INC|LLC|L\.L\.C|LLP|L\.P|LP|CORP|CORPORATION|COMPANY|CO|LTD|LIMITED|P\.C|PC|"
    r"N\.A|GROUP|BANK|HOLDINGS|TRUST|PLC|GMBH|S\.A|AG)\b",
    regex.IGNORECASE,
)
_ROLE = regex.compile(
    r",?[ \t]*(?:an\s+individual|(?:et\s+al\.?,?\s*)?(?:individually\s+and\s+)?)?[ \t,]*"
    r"(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?|"
    r"deponent|witness|decedent|debtors?|patient|employee|applicant|the\s+applicant)\b",
    regex.IGNORECASE,
)


class CapsNameRecognizer(LocalRecognizer):
    """Reports ALL-CAPS person names as ``PERSON``."""

    SCORE = 0.86

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON"], supported_language="en", name="CapsNameRecognizer"
        )

    def load(self) -> None:
        """Nothing to load; the NER comes with the artefacts."""

    def _ner_says_person(
        self, nlp_artifacts: NlpArtifacts | None, candidates: list[str]
    ) -> list[bool]:
        nlp = getattr(getattr(nlp_artifacts, "nlp_engine", None), "nlp", None)
        if nlp is None or not candidates:
            return [False] * len(candidates)
        titled = [
            regex.sub(r"[A-Z][A-Z'\u2019]+", lambda m: m[0].capitalize(), c) for c in candidates
        ]
        answers = []
        for cand, doc in zip(titled, nlp.pipe(f"{c} said so." for c in titled), strict=True):
            answers.append(
                any(
                    e.label_ == "PERSON" and e.start_char == 0 and e.end_char >= len(cand) - 1
                    for e in doc.ents
                )
            )
        return answers

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        spans: dict[tuple[int, int], str] = {}
        for m in _HONORIFIC_NAME.finditer(text):
            spans[m.span("value")] = "honorific"
        candidates = [m for m in _CANDIDATE.finditer(text) if m.span("value") not in spans]
        vocab = getattr(getattr(nlp_artifacts, "nlp_engine", None), "nlp", None)
        stop = (
            (lambda w: vocab.vocab[w.lower()].is_stop) if vocab is not None else (lambda w: False)
        )
        candidates = [m for m in candidates if not any(stop(w) for w in m["value"].split())]
        verdicts = self._ner_says_person(nlp_artifacts, [m["value"] for m in candidates])
        for m, is_person in zip(candidates, verdicts, strict=True):
            if is_person and not _ORG_AFTER.match(text, m.end("value"), m.end("value") + 20):
                role = _ROLE.match(text, m.end("value"), m.end("value") + 60)
                spans[m.span("value")] = "role + NER" if role else "NER on title case"
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
