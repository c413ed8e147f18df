"""The review pipeline for one document at a time: read -> redact -> stages -> packet.

``Engine`` is what pipelines import.  Build it once (it loads plugins, and on first use the spaCy
model and the Presidio analyzer), then review files, in-memory texts or a lazy stream of
documents.  Batch runs over folders (progress, resume, report) live in :mod:`lpo_review.run`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lpo_review import __version__
from lpo_review.confidential.vault import surface_forms
from lpo_review.config import Config
from lpo_review.errors import ConfigError, IngestError, LpoReviewError, StageError
from lpo_review.ingest.common import check_chars, check_file, sha256_file
from lpo_review.ingest.lines import finalize_lines
from lpo_review.model import (
    DOCUMENT_KINDS,
    Document,
    Draft,
    Finding,
    LineMap,
    OffsetMap,
    Packet,
    StageRecord,
    doc_id_for,
)
from lpo_review.packets.render import Audience, Renderer, render_with
from lpo_review.plugins import PluginManager, build_plugin_manager
from lpo_review.redact.date_shift import shift_dates
from lpo_review.redact.redactor import (
    PseudonymTable,
    RedactionResult,
    Redactor,
    relabel,
)
from lpo_review.stages.base import Stage, StageInput, SummarizerStage
from lpo_review.textdates import slash_convention


@dataclass
class Review:
    """A reviewed document: its packet plus what must stay inside the firm."""

    packet: Packet
    originals: dict[str, list[str]]
    """placeholder -> every original spelling; only for the encrypted vault, never in clear."""
    entity_types: dict[str, str]
    """placeholder -> entity type."""
    spans: list[str]
    """Original text of each redaction log entry, in order (exact re-identification)."""
    seconds: float = 0.0
    date_shift: int | None = None
    """Days the drafts' dates were moved (profile ``date-shifted``); only for the vault."""


@dataclass
class Detection:
    """A document after detection, placeholders numbered per document (see :meth:`Engine.assign`)."""

    document: Document
    result: RedactionResult
    local: PseudonymTable


@dataclass
class ReviewFailure:
    """A document that could not be reviewed, with the reason."""

    source: str
    reason: str
    message: str

    @classmethod
    def from_error(cls, source: str, exc: LpoReviewError) -> ReviewFailure:
        reason = exc.reason if isinstance(exc, IngestError) else (
            "stage_failed" if isinstance(exc, StageError) else "error")
        return cls(source, reason, str(exc))


@dataclass
class _PluginStage:
    plugin: str
    version: str
    stage: Stage
    sees_original: bool


class Engine:
    """Reviews documents under one configuration.  Not thread-safe; one per worker process."""

    def __init__(self, config: Config | None = None, *, plugin_manager: PluginManager | None = None):
        self.config = config or Config()
        self.pm = plugin_manager or build_plugin_manager(self.config)
        self.pm.check_trust(self.config)
        self.pseudonyms = PseudonymTable()
        self._redactor: Redactor | None = None
        self.stages = self._collect_stages()
        self.renderers: list[Renderer] = [
            r for _, r in self.pm.call_attributed("lpo_review_renderers", config=self.config)
        ]

    # ------------------------------------------------------------------ set-up

    def _collect_stages(self) -> list[_PluginStage]:
        trusted = set(self.config.plugins.trusted_with_originals)
        found: list[tuple[str, Stage]] = self.pm.call_attributed(
            "lpo_review_stages", config=self.config, plugins=self.pm
        )
        found += [
            (plugin, SummarizerStage(s))
            for plugin, s in self.pm.call_attributed("lpo_review_summarizers", config=self.config)
        ]
        stages: list[_PluginStage] = []
        seen: dict[str, str] = {}
        for plugin, stage in found:
            if not stage.name:
                raise ConfigError(f"plugin {plugin!r} returned a stage without a name")
            if stage.name in seen:
                raise ConfigError(
                    f"stage name {stage.name!r} is provided by both {seen[stage.name]!r} "
                    f"and {plugin!r}"
                )
            seen[stage.name] = plugin
            if stage.needs_original and plugin not in trusted:
                raise ConfigError(
                    f"stage {stage.name!r} of plugin {plugin!r} needs original text: add "
                    f"{plugin!r} to plugins.trusted_with_originals to allow it, or disable it"
                )
            stages.append(_PluginStage(plugin, self.pm.versions.get(plugin, "?"), stage,
                                       stage.needs_original))
        unknown = set(self.config.stages) - set(seen)
        if unknown:
            raise ConfigError(f"stages: no stage named {sorted(unknown)} (stages: {sorted(seen)})")
        stages.sort(key=lambda s: (s.stage.order, s.stage.name))
        return stages

    @property
    def redactor(self) -> Redactor:
        """The redactor, built on first use (loads the spaCy model and Presidio)."""
        if self._redactor is None:
            recognizers = [
                r for _, r in self.pm.call_attributed(
                    "lpo_review_recognizers", config=self.config, profile=self.config.profile
                )
            ]
            redactor = self.pm.hook.lpo_review_redactor(config=self.config, recognizers=recognizers)
            if redactor is None:
                raise ConfigError("no redactor: the built-in 'redact' plugin is disabled and no "
                                  "plugin provides lpo_review_redactor")
            self._redactor = redactor
        return self._redactor

    def warm_up(self) -> None:
        """Build the expensive parts now (a worker calls this once at start)."""
        _ = self.redactor

    # ------------------------------------------------------------------ reading

    def read(self, path: str | Path) -> Document:
        """Read one file into a :class:`Document` (raises :class:`IngestError` with a reason)."""
        path = Path(path)
        head = check_file(path, self.config)
        document = self.pm.hook.lpo_review_read(path=path, head=head, config=self.config)
        if document is None:
            raise IngestError("unsupported_type", f"{path.name}: no reader handles this file")
        if not document.sha256:
            document.sha256 = sha256_file(path)
        return self._finish_document(document)

    def document_from_text(self, text: str, name: str = "text", kind: str | None = None) -> Document:
        """Wrap an in-memory text as a :class:`Document`."""
        if not text.strip():
            raise IngestError("empty", f"{name}: the text is empty")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        document = Document(source=name, sha256=sha, text=text, lines=LineMap.from_text(text),
                            fmt="text")
        return self._finish_document(document, kind)

    def _finish_document(self, document: Document, kind: str | None = None) -> Document:
        # Every reader's text, a plugin's too, is held to the character limit (the built-in
        # readers stop earlier, while reading).
        check_chars(Path(document.source).name, len(document.text), self.config.limits.max_chars)
        kind = kind or (None if self.config.kind == "auto" else self.config.kind)
        if kind is None:
            kind = self.pm.hook.lpo_review_detect_kind(text=document.text, config=self.config)
        if kind not in DOCUMENT_KINDS:
            raise ConfigError(f"kind: {kind!r} is not one of {DOCUMENT_KINDS}")
        document.kind = kind
        return finalize_lines(document)

    # ------------------------------------------------------------------ reviewing

    def detect(self, document: Document) -> Detection:
        """Step 1 (any worker): find personal data, numbering placeholders per document."""
        local = PseudonymTable()
        if self.config.profile == "none":
            result = RedactionResult(document.text, [], {})
        else:
            result = self.redactor.redact(document, local)
        return Detection(document, result, local)

    def assign(self, detection: Detection) -> RedactionResult:
        """Step 2 (one process, in document order): the run's placeholder numbers."""
        table = (self.pseudonyms if self.config.redaction.pseudonym_scope == "run"
                 else PseudonymTable())
        return relabel(detection.document, detection.result, detection.local, table)

    def review_document(self, document: Document) -> Review:
        """Redact ``document``, run every applicable stage, and build its packet."""
        t0 = time.perf_counter()
        review = self.analyse(document, self.assign(self.detect(document)))
        review.seconds = time.perf_counter() - t0
        return review

    def analyse(self, document: Document, redaction: RedactionResult,
                notices: Sequence[Finding] = ()) -> Review:
        """Step 3 (any worker): run every applicable stage on the redacted text; build the packet.

        ``notices`` are findings decided before any stage ran (e.g. a work-order task the guard
        refused for this document); they open the packet's findings.
        """
        t0 = time.perf_counter()
        offsets = OffsetMap(redaction.entries)
        originals = surface_forms(document.text, redaction.entries, redaction.originals)
        entity_types = {e.placeholder: e.entity_type for e in redaction.entries}
        shift = (shift_dates(originals, entity_types, slash_convention(document.text))
                 if self.config.profile == "date-shifted" else None)
        findings: list[Finding] = list(notices)
        drafts: list[Draft] = []
        records: list[StageRecord] = []
        for ps in self.stages:
            stage = ps.stage
            if not stage.applies_to(document.kind):
                continue
            original = ps.sees_original or self.config.profile == "none"
            inp = StageInput(
                doc_id=doc_id_for(document.sha256),
                kind=document.kind,
                text=document.text if original else redaction.redacted_text,
                is_original=original,
                lines=document.lines,
                redactions=redaction.entries,
                findings=list(findings),
                drafts=list(drafts),
                options=self.config.stage_options(stage.name),
                shifted_dates=dict(shift.dates) if shift and not original else {},
            )
            s0 = time.perf_counter()
            try:
                result = stage.run(inp)
            except Exception as exc:
                raise StageError(f"stage {stage.name!r} ({ps.plugin}) failed: "
                                 f"{type(exc).__name__}: {exc}") from exc
            new_findings = [
                self._own(f, ps, offsets if ps.sees_original and self.config.profile != "none"
                          else None, redaction.redacted_text)
                for f in result.findings
            ]
            new_drafts = [d.model_copy(update={"plugin": ps.plugin, "plugin_version": ps.version})
                          for d in result.drafts]
            findings += new_findings
            drafts += new_drafts
            records.append(StageRecord(
                name=stage.name, plugin=ps.plugin, plugin_version=ps.version,
                saw_original=original, seconds=round(time.perf_counter() - s0, 4),
                findings=len(new_findings) + sum(len(d.rows) for d in new_drafts),
                notes=list(result.notes),
            ))
        packet = Packet(
            doc_id=doc_id_for(document.sha256),
            source_name=Path(document.source).name,
            source_sha256=document.sha256,
            source_format=document.fmt,
            kind=document.kind,
            profile=self.config.profile,
            pages=document.lines.page_count,
            words=document.words,
            redacted_text=redaction.redacted_text,
            redactions=redaction.entries,
            findings=findings,
            drafts=drafts,
            stages=records,
            engine_version=__version__,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            meta=dict(document.meta),
        )
        return Review(packet, originals, entity_types,
                      [document.text[e.start:e.end] for e in redaction.entries],
                      time.perf_counter() - t0, shift.days if shift else None)

    @staticmethod
    def _own(f: Finding, ps: _PluginStage, to_redacted: OffsetMap | None, red_text: str) -> Finding:
        """Stamp the producing plugin; re-anchor a trusted stage's finding on the redacted text."""
        update: dict[str, Any] = {"plugin": ps.plugin, "plugin_version": ps.version}
        if to_redacted is not None:
            start, end = to_redacted.span_to_redacted(f.start, f.end)
            update.update(start=start, end=end, text=red_text[start:end])
        return f.model_copy(update=update)

    def review_file(self, path: str | Path) -> Review:
        """Read and review one file."""
        return self.review_document(self.read(path))

    def review_text(self, text: str, name: str = "text", kind: str | None = None) -> Review:
        """Review one in-memory text."""
        return self.review_document(self.document_from_text(text, name, kind))

    def review_many(
        self, items: Iterable[str | Path | Document]
    ) -> Iterator[Review | ReviewFailure]:
        """Review a lazy stream of paths or documents, yielding results one by one.

        Memory stays constant: nothing is kept between documents except the pseudonym table.
        A document that fails yields a :class:`ReviewFailure` and the stream goes on.
        """
        for item in items:
            source = item.source if isinstance(item, Document) else str(item)
            try:
                document = item if isinstance(item, Document) else self.read(item)
                yield self.review_document(document)
            except LpoReviewError as exc:
                yield ReviewFailure.from_error(source, exc)

    def render(self, packet: Packet, audience: Audience = "attorney") -> list[tuple[str, bytes]]:
        """Render a packet with every registered renderer: ``(file suffix, bytes)`` pairs."""
        return render_with(self.renderers, packet, audience)
