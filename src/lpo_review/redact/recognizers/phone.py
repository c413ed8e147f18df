"""Phone numbers, with Presidio's (libphonenumber) recognizer run only where a number could be.

libphonenumber's matcher tries every digit group of the text in every region, which in a legal
or medical document full of dates, amounts and reference numbers costs more than the NER.  This
recognizer first finds runs of at least seven digits (with phone-style separators) and runs the
matcher on a small window around each.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from lpo_review.textdates import OCR_AS_DIGITS

#: Regions whose formats are tried (each region is one matcher pass over each window).
PHONE_REGIONS = ("US", "GB")
#: A run of digits with phone-style separators; one space at a time (a column gap or a tab ends
#: it: "(626) 305-0350   11.6" is a number and a section heading).
_CANDIDATE = re.compile(r"\+?\(?\d(?:(?:[\d().\-]| (?! ))*\d){6,}")
#: An area code written before a slash: "760/602-3611" (read as "760 602-3611").
_SLASHED = re.compile(r"(?<![\d/])\(?\d{3}\)?/\d{3}[-.]\d{4}(?![\d/])")
#: A number a scanner's OCR wrote with letters for digits: "(6O8) 555-0l57", "6O85550131".
_OCR_CANDIDATE = re.compile(r"\(?[\dlIO]{3}\)?[ .\-]?[\dlIO]{3}[ .\-]?[\dlIO]{4}(?![\w])")
_OCR_LETTER = re.compile(r"(?<=[\d(.\- ])[lIO]|[lIO](?=[\d).\-])")
_MARGIN = 4
#: An extension after the number: "(414) 555-0120 ext. 3", "x4410".
_EXTENSION = re.compile(r"[ \t]*,?[ \t]*(?:ext\.?|extension|x)[ \t]*\d{1,6}\b", re.IGNORECASE)
#: A phone field's label right before a number: the number is a phone whatever its country's
#: format ("Telephone: 010-59927171", "Fax: 010-59920021" of a Beijing office).
_PHONE_LABEL = re.compile(r"\b(?:tel(?:ephone)?|phone|fax|facsimile|mobile|cell|ph)\.?(?:[ \t]*"
                          r"(?:no\.?|number|#))?[ \t]*[:.]?[ \t]*$", re.IGNORECASE)
#: Score of a number known by its label only.
_LABELLED_SCORE = 0.7


class WindowedPhoneRecognizer(PhoneRecognizer):
    name: str  # set by Presidio's EntityRecognizer.__init__

    def __init__(self) -> None:
        super().__init__(supported_regions=PHONE_REGIONS, name="PhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        candidates = [(m, m.group()) for m in _CANDIDATE.finditer(text)]
        candidates += [(m, m.group().replace("/", " ")) for m in _SLASHED.finditer(text)]
        candidates += [(m, m.group().translate(OCR_AS_DIGITS)) for m in _OCR_CANDIDATE.finditer(text)
                       if _OCR_LETTER.search(m.group())]
        for m, number in candidates:
            if sum(ch.isdigit() for ch in number) < 7:
                continue
            lo, hi = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
            while lo < m.start() and text[lo].isdigit():  # no digit of a neighbour in the
                lo += 1                                   # window: the matcher would read it
            while hi > m.end() and text[hi - 1].isdigit():
                hi -= 1
            window = text[lo:m.start()] + number + text[m.end():hi]
            for r in super().analyze(window, entities, None):  # type: ignore[arg-type]
                r.start += lo
                r.end += lo
                if extension := _EXTENSION.match(text, r.end):
                    r.end = extension.end()  # the extension is part of the number
                results.append(r)
        for m, number in candidates:
            if 7 <= sum(ch.isdigit() for ch in number) <= 15 and _PHONE_LABEL.search(
                    text, max(0, m.start() - 25), m.start()) and not any(
                    r.start <= m.start() and m.end() <= r.end for r in results):
                results.append(RecognizerResult(
                    self.supported_entities[0], m.start(), m.end(), _LABELLED_SCORE,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name, original_score=_LABELLED_SCORE,
                        textual_explanation="a number after a phone or fax label"),
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return EntityRecognizer.remove_duplicates(results)
