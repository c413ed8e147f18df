"""What a stage is, what it receives and what it returns.

A plugin contributes stages through the ``lpo_review_stages`` hook and drafting engines through
``lpo_review_summarizers``.  The engine runs them in ``order`` on each document after redaction.
A stage sees the redacted text unless it declares ``needs_original = True`` *and* the matter's
configuration lists its plugin under ``plugins.trusted_with_originals``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lpo_review.model import Draft, Finding, LineMap, OffsetMap, RedactionEntry

#: Conventional orders.  Redaction always runs before every stage.
ORDER_ANALYSE = 300
ORDER_DRAFT = 600
ORDER_GUARD = 900


@dataclass
class StageInput:
    """One document as a stage sees it."""

    doc_id: str
    kind: str
    text: str
    """The redacted text (or the original, for a trusted stage or the ``none`` profile)."""
    is_original: bool
    lines: LineMap
    """Page:line map of the *original* text; use :meth:`cite` rather than this directly."""
    redactions: list[RedactionEntry]
    findings: list[Finding] = field(default_factory=list)
    """Findings of the stages that ran before this one."""
    drafts: list[Draft] = field(default_factory=list)
    """Drafts of the stages that ran before this one."""
    options: dict[str, Any] = field(default_factory=dict)
    """This stage's options: the ``[stages.NAME]`` table of the configuration."""
    shifted_dates: dict[str, date] = field(default_factory=dict)
    """Masked date placeholder -> that date moved by the document's secret offset (profile
    ``date-shifted``; see :mod:`lpo_review.redact.date_shift`); empty otherwise."""
    _offsets: OffsetMap | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self._offsets is None:
            self._offsets = OffsetMap([] if self.is_original else self.redactions)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to offsets in the original extracted text."""
        assert self._offsets is not None
        return self._offsets.span_to_original(start, end)

    def cite(self, start: int, end: int | None = None) -> str:
        """Source page:line citation for a span of :attr:`text`."""
        if end is None:
            end = start + 1
        o_start, o_end = self.to_original(start, end)
        return self.lines.cite(o_start, max(o_end, o_start + 1))

    def locate(self, offset: int) -> tuple[int, int]:
        """Source ``(page, line)`` of one offset of :attr:`text`."""
        o_start, _ = self.to_original(offset, offset + 1)
        return self.lines.locate(o_start)

    def finding(self, stage: str, label: str, start: int, end: int, **kw: Any) -> Finding:
        """Convenience: a :class:`Finding` over ``text[start:end]`` with its citation."""
        kw.setdefault("text", self.text[start:end])
        return Finding(stage=stage, label=label, start=start, end=end,
                       cite=self.cite(start, end), **kw)


@dataclass
class StageResult:
    """What a stage returns: findings and/or drafts, and notes for the packet."""

    findings: list[Finding] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Stage(ABC):
    """A review stage.  Subclass it, set the class attributes, implement :meth:`run`."""

    name: str = ""
    """Unique stage name; its options come from ``[stages.NAME]``."""
    order: int = ORDER_ANALYSE
    """Lower runs first.  See ``ORDER_*``."""
    needs_original: bool = False
    """Ask for the original text.  Granted only if the plugin is trusted in the configuration."""
    kinds: tuple[str, ...] | None = None
    """Document kinds this stage applies to (``None``: all)."""

    def applies_to(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds

    @abstractmethod
    def run(self, doc: StageInput) -> StageResult:
        """Review one document."""


class Summarizer(ABC):
    """A drafting engine (deposition digest, chronology, a local LLM...).

    Registered through ``lpo_review_summarizers``; the engine runs it as a stage at
    ``ORDER_DRAFT`` and every draft it returns is checked by the guard like the built-in ones.
    """

    name: str = ""
    kinds: tuple[str, ...] | None = None
    needs_original: bool = False

    @abstractmethod
    def draft(self, doc: StageInput) -> list[Draft]:
        """Draft work products for one document."""


class SummarizerStage(Stage):
    """Adapts a :class:`Summarizer` to the stage interface."""

    order = ORDER_DRAFT

    def __init__(self, summarizer: Summarizer):
        self.summarizer = summarizer
        self.name = summarizer.name
        self.kinds = summarizer.kinds
        self.needs_original = summarizer.needs_original

    def run(self, doc: StageInput) -> StageResult:
        return StageResult(drafts=self.summarizer.draft(doc))
