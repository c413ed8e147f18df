"""spaCy for redaction: one NER-only pipeline per process, run once per chunk of text.

Only the ``ner`` component (which has its own token-to-vector layer in the ``en_core_web_*``
packages) is kept: Presidio's recognizers need tokens and entities, and the cheap context
enhancer (:mod:`lpo_review.redact.context`) uses lower-cased token text instead of lemmas, so the
tagger, parser and lemmatizer would only cost time.

Texts are cut into chunks at paragraph (or line) breaks.  Each chunk is analysed with a margin
of neighbouring text on both sides and keeps only the results that *start* in its own core, so
an entity that straddles a cut is found whole exactly once.  The NER of the ``en_core_web``
packages decides from a few tokens either side, well inside the margin, so results match an
analysis of the whole text; on 25 generated transcripts (1.2M characters, 9,510 results) the
only differences were 18 city names the whole-text run also labelled ORGANIZATION beside their
LOCATION.  Small chunks keep the NER's memory low (one call on an 84,000-character transcript
peaks 320 MB above the process; 10,000-character chunks, under 20 MB) and cost no time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

#: spaCy labels mapped to Presidio entity types (others are dropped).
SPACY_TO_PRESIDIO = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
    "NORP": "NRP",
    "MONEY": "MONEY",
    "PERCENT": "MONEY",
}

#: Characters of neighbouring text each chunk sees on either side of its core.
CHUNK_MARGIN = 500

_BREAK = re.compile(r"\n\s*\n|\n")


#: Components that decide entities; everything else is left out of the loaded pipeline.
_NER_PIPES = frozenset({"ner", "entity_ruler", "span_ruler"})


def _unneeded_pipes(model: str) -> list[str]:
    """Pipes of ``model`` that NER does not need, read from its config without loading it."""
    path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else Path(model)
    configs = [path / "config.cfg", *sorted(path.glob("*/config.cfg"))]
    config = spacy.util.load_config(next(c for c in configs if c.is_file()))
    keep = set(_NER_PIPES)
    for name in _NER_PIPES & set(config["nlp"]["pipeline"]):
        tok2vec = config["components"][name].get("model", {}).get("tok2vec", {})
        if "Listener" in str(tok2vec.get("@architectures", "")):
            keep.add(tok2vec.get("upstream", "tok2vec"))  # a shared tok2vec the NER listens to
    return [p for p in config["nlp"]["pipeline"] if p not in keep]


@functools.lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load the spaCy package ``model`` once per process, with only what NER needs.

    Pipes NER does not need are excluded (their weights are never loaded: several times faster
    start-up); if the model's config cannot be read they are loaded and disabled instead.
    """
    try:
        exclude = _unneeded_pipes(model)
    except (OSError, StopIteration, KeyError, ValueError):
        exclude = []
    nlp = spacy.load(model, exclude=exclude)
    keep = {"ner"}
    if "ner" in nlp.pipe_names:
        ner_cfg = nlp.get_pipe_config("ner").get("model", {}).get("tok2vec", {})
        if "Listener" in str(ner_cfg.get("@architectures", "")):
            keep.add("tok2vec")  # the NER listens to a shared tok2vec: it must run
    for name in nlp.pipe_names:
        if name not in keep:
            nlp.disable_pipe(name)
    return nlp


class RollingMemoryZone:
    """spaCy memory zones, each over ``documents`` documents in a row.

    Inside a zone spaCy forgets, when the zone ends, the strings and lexemes it learned there:
    a worker's memory stays flat however many documents it reviews.  A zone per document
    would make spaCy build the lexeme of every word again for each one (about 4% of the
    review's time); a zone over a few dozen documents keeps memory bounded and costs little.
    No spaCy ``Doc`` may outlive the document it was made for.
    """

    def __init__(self, nlp: Language, documents: int = 50):
        self.nlp, self.documents = nlp, documents
        self._zone: AbstractContextManager[object] | None = None
        self._count = 0

    @contextmanager
    def document(self) -> Iterator[None]:
        """Around the work on one document."""
        if self._zone is None:
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
        try:
            yield
        finally:
            self._count += 1
            if self._count >= self.documents:
                self.close()

    def close(self) -> None:
        """End the current zone now (its strings are forgotten)."""
        if self._zone is not None:
            zone, self._zone, self._count = self._zone, None, 0
            zone.__exit__(None, None, None)


@functools.lru_cache(maxsize=4)
def memory_zones(model: str) -> RollingMemoryZone:
    """The one :class:`RollingMemoryZone` of :func:`load_nlp`'s pipeline for ``model``: every
    redactor of the process using that pipeline shares it (spaCy's zones must not nest)."""
    return RollingMemoryZone(load_nlp(model))


@dataclass(frozen=True)
class Chunk:
    """A window ``[start, end)`` of the text; its results count if they start in its core,
    ``[core_start, core_end)``."""

    start: int
    end: int
    core_start: int
    core_end: int


def _cut_near(text: str, target: int, low: int) -> int:
    """Offset just after a paragraph (else line, else space) break at or before ``target``."""
    window = text[low:target]
    for pattern in ("\n\n", "\n", " "):
        i = window.rfind(pattern)
        if i > 0:
            return low + i + len(pattern)
    return target


def chunk_text(text: str, chunk_chars: int, margin: int = CHUNK_MARGIN) -> list[Chunk]:
    """Cut ``text`` into chunks of about ``chunk_chars`` (cores) at paragraph/line breaks.

    Windows extend ``margin`` characters beyond the core (to a break) on each side.
    """
    n = len(text)
    if n <= chunk_chars:
        return [Chunk(0, n, 0, n)]
    cores: list[tuple[int, int]] = []
    start = 0
    while start < n:
        if n - start <= chunk_chars:
            cores.append((start, n))
            break
        end = _cut_near(text, start + chunk_chars, start + chunk_chars // 2)
        cores.append((start, end))
        start = end
    chunks = []
    for core_start, core_end in cores:
        lo = core_start
        if core_start > 0:
            nl = text.find("\n", max(0, core_start - margin), core_start - 1)
            lo = nl + 1 if nl != -1 else max(0, core_start - margin)
        hi = n
        if core_end + margin < n:
            nl = text.rfind("\n", core_end + 1, core_end + margin)
            hi = nl if nl != -1 else core_end + margin
        chunks.append(Chunk(lo, hi, core_start, core_end))
    return chunks


def ner_doc(nlp: Language, text: str) -> Doc:
    """Run the (NER-only) pipeline on one chunk, raising ``max_length`` when needed."""
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    return nlp(text)


class NerOnlyNlpEngine(NlpEngine):
    """Presidio ``NlpEngine`` over an already loaded NER-only pipeline.

    NER results score ``ner_score`` (0.8), below the pattern recognizers (0.85 and up), so where
    a pattern and the NER disagree about a span ("IL 62704" as an ORG), the pattern wins.

    ``lemmas`` are the lower-cased token texts (no lemmatizer runs); ``keywords`` are left empty
    because :class:`~lpo_review.redact.context.WindowContextEnhancer` reads the Doc directly.
    """

    engine_name = "lpo_review_ner_only"
    is_available = True

    def __init__(self, nlp: Language, language: str = "en", ner_score: float = 0.8):
        self.nlp = nlp
        self.language = language
        self.ner_score = ner_score

    def load(self) -> None:
        """Nothing to load: the pipeline was loaded by :func:`load_nlp`."""

    def is_loaded(self) -> bool:
        return True

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """Presidio artefacts for a Doc, with entities relabelled to Presidio types."""
        strings = doc.vocab.strings
        ents = []
        for ent in doc.ents:
            label = SPACY_TO_PRESIDIO.get(ent.label_)
            if label is not None:
                ents.append(Span(doc, ent.start, ent.end, label=label))
        artifacts = NlpArtifacts(
            entities=ents,
            tokens=doc,
            tokens_indices=doc.to_array(IDX).tolist(),
            lemmas=[strings[h] for h in doc.to_array(LOWER).tolist()],
            nlp_engine=None,
            language=self.language,
            scores=[self.ner_score] * len(ents),
        )
        artifacts.nlp_engine = self
        return artifacts

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self.artifacts(ner_doc(self.nlp, text))

    def process_batch(self, texts, language, batch_size=1, n_process=1, as_tuples=False):  # type: ignore[no-untyped-def]
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(self.nlp.vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return bool(self.nlp.vocab[word].is_punct)

    def get_supported_entities(self) -> list[str]:
        return sorted(set(SPACY_TO_PRESIDIO.values()))

    def get_supported_languages(self) -> list[str]:
        return [self.language]
