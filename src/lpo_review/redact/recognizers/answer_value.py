"""Identifiers a witness gives as the answer to the question that asks for them.

In a transcript the label and the value stand on different lines and are said by different
people::

    13   Q.  What is your date of birth?
    14   A.  March 3rd, 1971.

    16   Q.  Who was your direct supervisor?
    17   A.  Dennis Yarborough.

The question says what the answer is; the value is taken from the first answer after it (a line
opening with ``A``/``A.`` or ``THE WITNESS:``, a line number before it or not), in the form the
question asks for.  Names given this way still need the document's evidence of being a name
(:mod:`lpo_review.redact.name_evidence`): "A. Human Resources." is no person.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from lpo_review.redact.recognizers.base import ID_VALUE, NAME_PARTICLE
from lpo_review.redact.recognizers.dates import DATE_VALUE
from lpo_review.redact.recognizers.id_number import is_identifier

#: A transcript line's lead: a video timestamp, the line number ("13", "[13]", "13 |", "13:").
_LINE_NO = (r"^[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?(?:\[\d{1,2}\][ \t]*|\d{1,2}[ \t:|]+)?"
            r"[ \t]*")
_QUESTION = regex.compile(_LINE_NO + r"Q\.?[ \t]+(?P<q>\S.*)$", regex.MULTILINE)
_ANSWER = regex.compile(
    _LINE_NO + r"(?:A\.?|THE[ \t]+WITNESS:)[ \t]+(?P<a>\S.*)$", regex.MULTILINE)
#: How far after its question an answer may start (a question may wrap over a few lines).
_REACH = 400
_WORD = r"\p{Lu}[\p{Ll}'\u2019]+(?:-\p{Lu}?[\p{Ll}'\u2019]+)*"
_NAME = (
    r"(?P<value>" + _WORD + r"(?:[ \t]+(?:\p{Lu}\.|" + _WORD + r"|" + NAME_PARTICLE + r")){1,3})"
)
#: Words an answer may open with before the name: "Yes, it was Anita Dombrowski."
_LEAD = (
    r"(?i:(?:yes|no|yeah|sure|okay|ok|it|that|he|she|his|her|my|name|was|is|it's|that's|i|"
    r"think|believe|guess|would|be|probably|called|named|mr\.?|ms\.?|mrs\.?|dr\.?)[,.]?[ \t]+)*"
)
#: (what the question asks about, entity type, how the value is written in the answer)
_ASKED: tuple[tuple[regex.Pattern[str], str, regex.Pattern[str]], ...] = tuple(
    (regex.compile(q, regex.IGNORECASE), entity, regex.compile(v, regex.IGNORECASE if i else 0))
    for q, entity, v, i in (
        (r"\b(?:date\s+of\s+birth|birth\s*date|birthday|when\s+were\s+you\s+born|dob)\b",
         "DATE_OF_BIRTH", r"(?P<value>" + DATE_VALUE + r")", True),
        (r"\blast\s+(?:4|four)\b.*\b(?:social|ssn)\b|\b(?:social|ssn)\b.*\blast\s+(?:4|four)\b",
         "US_SSN", r"(?P<value>\b\d{4}\b)", True),
        (r"\b(?:social\s+security|ssn)\b", "US_SSN",
         r"(?P<value>\b\d{3}[- ]?\d{2}[- ]?\d{4}\b)", True),
        (r"\b(?:driver'?s?\s+licen[cs]e|licen[cs]e\s+(?:number|no)|cdl)\b", "DRIVERS_LICENSE",
         r"(?P<value>\b(?=[A-Z0-9\-]*\d)" + ID_VALUE + r")", True),
        (r"\b(?:id|identification|badge|employee|member|account|policy|claim|reference|"
         r"number)\b", "ID_NUMBER", r"(?P<value>\b(?=[A-Z0-9\-]*\d)" + ID_VALUE + r")", True),
        (r"\b(?:who|whom|whose|name|named|called|supervisor|manager|boss|foreman|doctor|"
         r"physician|nurse|wife|husband|spouse|son|daughter|mother|father|brother|sister|"
         r"friend|partner|coworker|co-worker)\b", "PERSON", _LEAD + _NAME, False),
    )
)


class AnswerValueRecognizer(LocalRecognizer):
    """Reports the value an answer gives to a question asking for an identifier."""

    name: str  # set by Presidio's EntityRecognizer.__init__

    SCORE = 0.75

    def __init__(self) -> None:
        super().__init__(supported_entities=sorted({e for _, e, _ in _ASKED}),
                         supported_language="en", name="AnswerValueRecognizer")

    def load(self) -> None:
        """Patterns are module constants."""

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, entity type)`` of the values answers give."""
        found = []
        for q in _QUESTION.finditer(text):
            answer = _ANSWER.search(text, q.end(), q.end() + _REACH)
            if answer is None:
                continue
            asked = text[q.start("q"):answer.start()]
            for question, entity, value in _ASKED:
                if not question.search(asked):
                    continue
                # A name must open the answer; other values may stand anywhere in it.
                find = value.match if entity == "PERSON" else value.search
                m = find(text, answer.start("a"), answer.end("a"))
                if m and (entity != "ID_NUMBER" or is_identifier(m["value"])):
                    found.append((*m.span("value"), entity))
                    break
        return found

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        return [
            RecognizerResult(
                entity_type=entity, start=start, end=end, score=self.SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name, original_score=self.SCORE,
                    textual_explanation="the answer to a question asking for it"),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
            )
            for start, end, entity in self.spans(text) if entity in entities
        ]
