"""The built-in redactor: Presidio's analyzer on a NER-only spaCy pipeline, Presidio's anonymizer
for conflict resolution and replacement, and a pseudonym table for consistent placeholders."""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    IbanRecognizer,
    MedicalLicenseRecognizer,
    SpacyRecognizer,
    UsBankRecognizer,
    UsItinRecognizer,
    UsPassportRecognizer,
    UsSsnRecognizer,
)
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import ConflictResolutionStrategy, OperatorConfig
from presidio_anonymizer.entities import RecognizerResult as AnonymizerResult

from lpo_review.config import Config
from lpo_review.model import Document, RedactionEntry
from lpo_review.redact.context import WindowContextEnhancer
from lpo_review.redact.keep_rules import keeps_value
from lpo_review.redact.name_evidence import NameEvidence
from lpo_review.redact.names import (
    NEEDS_EVIDENCE,
    PERSON,
    AliasBook,
    propagate_names,
    recognizer_name,
)
from lpo_review.redact.nlp import (
    SPACY_TO_PRESIDIO,
    NerOnlyNlpEngine,
    chunk_text,
    load_nlp,
    memory_zones,
    ner_doc,
)
from lpo_review.redact.offline import ensure_offline
from lpo_review.redact.profiles import entities_to_redact
from lpo_review.redact.recognizers.credential_name import CREDENTIAL_ONLY, NAME_BEFORE_CREDENTIAL
from lpo_review.redact.recognizers.ip import WindowedIpRecognizer
from lpo_review.redact.recognizers.nhs_number import LabelledNhsRecognizer
from lpo_review.redact.recognizers.phone import WindowedPhoneRecognizer
from lpo_review.redact.recognizers.url import WindowedUrlRecognizer, company_hosts, company_site
from lpo_review.redact.redactor import PseudonymTable, RedactionResult, Redactor
from lpo_review.redact.spans import fit_to_structure, tidy_spans
from lpo_review.textnorm import read_ocr_capitals


def presidio_recognizers() -> list[EntityRecognizer]:
    """The Presidio recognizers the built-in redactor uses (the e-mail one is replaced by the
    plugin's, the phone, URL and IP ones run on candidate windows only)."""
    return [
        SpacyRecognizer(supported_entities=sorted(set(SPACY_TO_PRESIDIO.values()))),
        WindowedPhoneRecognizer(),
        CreditCardRecognizer(),
        CryptoRecognizer(),
        IbanRecognizer(),
        WindowedIpRecognizer(),
        MedicalLicenseRecognizer(),
        LabelledNhsRecognizer(),
        WindowedUrlRecognizer(),
        UsBankRecognizer(),
        UsItinRecognizer(),
        UsPassportRecognizer(),
        UsSsnRecognizer(),
    ]


def _rank(result: RecognizerResult) -> tuple[float, str]:
    """Order of preference between detections of one span: score, then (for determinism) name."""
    return result.score, recognizer_name(result)


_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"


class PresidioRedactor(Redactor):
    """Redacts a document under the configured profile.  Build once per process; thread-safe
    as far as the pseudonym table is (spaCy itself is not shared across threads)."""

    name = "presidio"
    version = "1"

    def __init__(self, config: Config, recognizers: Iterable[EntityRecognizer] = ()):
        ensure_offline()
        self.config = config
        self.nlp = load_nlp(config.model)
        self.nlp_engine = NerOnlyNlpEngine(self.nlp)
        self.memory = memory_zones(config.model)
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in [*presidio_recognizers(), *recognizers]:
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=WindowContextEnhancer(),
        )
        self.anonymizer = AnonymizerEngine()
        self.entities = sorted(
            entities_to_redact(config, self.analyzer.get_supported_entities("en"))
        )
        self.stopwords = frozenset(w for w in self.nlp.Defaults.stop_words)
        self._books: weakref.WeakKeyDictionary[PseudonymTable, AliasBook] = (
            weakref.WeakKeyDictionary()
        )

    # ---------------------------------------------------------------------------------- analysis

    def analyze(self, text: str) -> list[RecognizerResult]:
        """Detected spans of ``text`` (chunked; one spaCy pass per chunk), overlaps not resolved.

        A form's dotted leaders and a load file's delimiters are read as what they stand for
        (see :func:`read_fields`), so that every labelled value and every field is found; a scanned
        page's words in capitals that the OCR misread ("MART1NEZ, R0SA E") are read as letters
        and searched again for persons (each one character for one, so the spans hold in
        ``text``); only pages with such words pay for the second pass."""
        if not self.entities or not text.strip():
            return []
        found: dict[tuple[str, int, int], RecognizerResult] = {}
        with self.memory.document():  # flat memory over a run
            fields = read_fields(text)
            self._analyze_into(found, fields, text, self.entities)
            read = read_ocr_capitals(fields)
            if read != fields and PERSON in self.entities:
                self._analyze_into(found, read, text, [PERSON])
        return sorted(found.values(), key=lambda r: (r.start, -r.end, r.entity_type, -r.score))

    def _analyze_into(self, found: dict[tuple[str, int, int], RecognizerResult], searched: str,
                      text: str, entities: list[str]) -> None:
        """Add to ``found`` the ``entities`` detected in ``searched``, a reading of ``text`` of
        the same length (the spans and the values kept are ``text``'s)."""
        for chunk in chunk_text(searched, self.config.limits.chunk_chars):
            piece = searched[chunk.start : chunk.end]
            artifacts = self.nlp_engine.artifacts(ner_doc(self.nlp, piece))
            for r in self.analyzer.analyze(
                piece,
                "en",
                entities=entities,
                nlp_artifacts=artifacts,
                score_threshold=self.config.redaction.score_threshold,
            ):
                start, end = r.start + chunk.start, r.end + chunk.start
                if not chunk.core_start <= start < chunk.core_end:
                    continue
                if keeps_value(self.config.profile, r.entity_type, text[start:end]):
                    continue
                key = (r.entity_type, start, end)
                if key not in found or _rank(r) > _rank(found[key]):
                    r.start, r.end = start, end
                    found[key] = r

    # ---------------------------------------------------------------------------------- redaction

    def redact(self, document: Document, pseudonyms: PseudonymTable) -> RedactionResult:
        source = document.text
        text = read_fields(source)  # what is read; one character for one, the spans hold in source
        book = self._books.setdefault(pseudonyms, AliasBook())
        evidence = NameEvidence(text, self.stopwords)
        companies = company_hosts(text)
        numbers = [m.span() for m in _DOCUMENT_NUMBER.finditer(text)]
        results = [r for r in fit_to_structure(text, self.analyze(text))
                   if not (recognizer_name(r) in NEEDS_EVIDENCE
                           and (evidence.names_nothing(r.entity_type, text[r.start:r.end])
                                or _credential_read_as_place(text, r)))
                   and not (r.entity_type == "URL" and company_site(text, r.start, companies))
                   and not _in_document_number(numbers, r)]
        if PERSON in self.entities:
            results = propagate_names(text, results, book, evidence)
        results = tidy_spans(text, results)
        # The anonymizer resolves overlaps and replaces each surviving span by a numbered marker;
        # placeholders are then given in document order (it works from the end of the text).
        spans: list[tuple[str, str]] = []  # (entity type, original) per marker number

        def marker_for(entity_type: str) -> OperatorConfig:
            def mark(value: str) -> str:
                spans.append((entity_type, value))
                return f"{_MARK_OPEN}{len(spans) - 1}{_MARK_CLOSE}"

            return OperatorConfig("custom", {"lambda": mark})

        engine_result = self.anonymizer.anonymize(
            source,
            [AnonymizerResult(r.entity_type, r.start, r.end, r.score) for r in results],
            operators={t: marker_for(t) for t in {r.entity_type for r in results}},
            conflict_resolution=ConflictResolutionStrategy.REMOVE_INTERSECTIONS,
            merge_entities_with_spaces=False,
        )
        entries: list[RedactionEntry] = []
        originals: dict[str, str] = {}
        pieces: list[str] = []
        shift = 0  # marker text offset - original offset
        cursor = 0  # end of the last replaced span in the original text
        out_len = 0
        by_start = [r.start for r in results]
        for item in sorted(engine_result.items, key=lambda i: i.start):
            entity_type, original = spans[int(item.text[1:-1])]
            start = item.start - shift
            end = start + len(original)
            shift += len(item.text) - len(original)
            key = book.key_for(original) if entity_type == PERSON else None
            placeholder = pseudonyms.placeholder(entity_type, original, key=key)
            pieces.append(source[cursor:start])
            out_len += start - cursor
            pieces.append(placeholder)
            found_by = self._source(results, by_start, entity_type, start, end)
            entries.append(
                RedactionEntry(
                    entity_type=entity_type,
                    start=start,
                    end=end,
                    redacted_start=out_len,
                    redacted_end=out_len + len(placeholder),
                    cite=document.lines.cite(start, end),
                    recognizer=recognizer_name(found_by) if found_by else "unknown",
                    score=round(float(item.score if item.score is not None else 0.0), 4),
                    placeholder=placeholder,
                )
            )
            out_len += len(placeholder)
            cursor = end
            originals.setdefault(placeholder, original)
        pieces.append(source[cursor:])
        return RedactionResult("".join(pieces), entries, originals)

    @staticmethod
    def _source(
        results: list[RecognizerResult], by_start: list[int], entity_type: str, start: int, end: int
    ) -> RecognizerResult | None:
        """The highest-scoring detection of ``entity_type`` overlapping ``[start, end)``."""
        best = None
        for r in results[: bisect.bisect_left(by_start, end)]:
            if (
                r.entity_type == entity_type
                and r.end > start
                and (best is None or _rank(r) > _rank(best))
            ):
                best = r
        return best


#: A form's dotted leader between a field's label and its value: "Case number .......... DDF-".
_LEADER = re.compile(r"(?<=[A-Za-z)#])[ \t]*\.{3,}(?=[ \t]+\S)")
#: A Concordance load file's text qualifier (þ), field separator (DC4, shown as ¶) and the
#: mark it writes for a line break inside a field (®): "þHall, Roseþ\x14þEmailþ".
_LOAD_FILE_MARKS = str.maketrans({"\u00fe": " ", "\x14": " ", "\u00ae": " "})


def read_fields(text: str) -> str:
    """``text`` with each dotted leader after a label read as a colon and spaces, and a load
    file's delimiters as spaces (the qualifier þ is a letter to the NER and to ``\\b``), one
    character for one."""
    if "\u00fe" in text:
        text = text.translate(_LOAD_FILE_MARKS)
    return _LEADER.sub(lambda m: ":" + " " * (len(m.group()) - 1), text)


#: A law firm's document-management number in a footer, a library, the document's number and
#: its version: "US-DOCS\105216871.19", "ACTIVE/84511203.2", "NYDOCS01:1234567v3".
_DOCUMENT_NUMBER = re.compile(r"(?<![\w\\/])[A-Z][A-Za-z0-9_\-]{1,20}[\\/:]\d{5,12}"
                              r"(?:\.\d{1,3}|v\.?\d{1,3})(?![\w.])")


def _in_document_number(numbers: list[tuple[int, int]], result: RecognizerResult) -> bool:
    """Whether a number the recognizers read as an identifier (a passport, a bank or phone
    number) lies in one of the ``numbers`` a firm's document system gave the document itself."""
    return result.entity_type != PERSON and any(
        start <= result.start and result.end <= end for start, end in numbers)


def _credential_read_as_place(text: str, result: RecognizerResult) -> bool:
    """The NER's "place" that is a credential after a name: the "DC" of "Vell, DC"."""
    return (result.entity_type == "LOCATION"
            and CREDENTIAL_ONLY.fullmatch(text, result.start, result.end) is not None
            and NAME_BEFORE_CREDENTIAL.search(text, max(0, result.start - 40), result.start)
            is not None)
