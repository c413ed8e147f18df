"""The plugin contract: every hook lpo-review calls, with its arguments and what it returns.

Implement hooks with ``lpo_review.hookimpl`` in a module or object and expose it under the
entry-point group ``lpo_review``.  Built-in readers, recognizers, stages and renderers register
through these same hooks.  A third-party plugin runs only when the configuration enables it
(``plugins.enabled``); it sees redacted text only unless also listed in
``plugins.trusted_with_originals``.  The hooks that see original text (``lpo_review_read``,
``lpo_review_detect_kind``, ``lpo_review_recognizers``, ``lpo_review_redactor``) may be
implemented only by such a trusted plugin: an enabled, untrusted plugin implementing one is
refused when the engine starts.

Flow: read -> detect kind -> redact (with recognizers) -> stages (analyse, draft, guard) -> render.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from lpo_review.config import Config
    from lpo_review.model import Document, Packet
    from lpo_review.packets.render import Renderer
    from lpo_review.redact.redactor import Redactor
    from lpo_review.stages.base import Stage, Summarizer

PROJECT = "lpo_review"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    """Read the file at ``path`` into a :class:`~lpo_review.model.Document`.

    ``head`` holds the file's first bytes (up to 8 KiB) so a reader can check the real content
    type before trusting the extension.  Return ``None`` if this reader does not handle the
    file; raise :class:`~lpo_review.errors.IngestError` with a reason if it should but cannot.
    The first non-``None`` result wins.
    """


@hookspec(firstresult=True)
def lpo_review_detect_kind(text: str, config: Config) -> str | None:
    """Return the document kind (``contract``, ``deposition``, ``medical``, ``other``) or ``None``.

    Called only when the configuration does not force a kind.  The first non-``None`` wins; the
    built-in detector runs last.
    """


@hookspec
def lpo_review_recognizers(config: Config, profile: str) -> list[Any]:
    """Return extra Presidio ``EntityRecognizer`` objects for the redaction profile ``profile``.

    Every recognizer returned is added to the analyzer; its entities are redacted when the
    profile includes them (an entity a profile does not know is redacted under every profile
    except ``none``).
    """


@hookspec(firstresult=True)
def lpo_review_redactor(config: Config, recognizers: list[Any]) -> Redactor | None:
    """Return the :class:`~lpo_review.redact.redactor.Redactor` that redacts every document.

    ``recognizers`` is what all ``lpo_review_recognizers`` implementations returned.  The
    redactor is the one component that always sees original text; it runs before any stage.
    """


@hookspec
def lpo_review_stages(config: Config, plugins: pluggy.PluginManager) -> list[Stage]:
    """Return review stages (:class:`~lpo_review.stages.base.Stage`) to run on each document.

    Stages run in ``order`` after redaction and receive a
    :class:`~lpo_review.stages.base.StageInput` (redacted text unless trusted).  ``plugins`` is
    the plugin manager, for a stage that gathers what other plugins contribute through other
    hooks (the guard stage collects every plugin's ``lpo_review_guard_rules``); an
    implementation may leave the argument out.
    """


@hookspec
def lpo_review_summarizers(config: Config) -> list[Summarizer]:
    """Return drafting engines (:class:`~lpo_review.stages.base.Summarizer`).

    Their drafts (digests, chronologies, abstracts) are checked by the guard before they can
    reach a vendor, exactly like the built-in drafts.
    """


@hookspec
def lpo_review_guard_rules(config: Config) -> list[Any]:
    """Return extra guard rules (:class:`~lpo_review.guard.rules.GuardRule`) for tasks and text."""


@hookspec
def lpo_review_renderers(config: Config) -> list[Renderer]:
    """Return packet renderers (:class:`~lpo_review.packets.render.Renderer`), e.g. DOCX, HTML.

    Each renderer turns a :class:`~lpo_review.model.Packet` into bytes written beside the
    packet's JSON (atomically) and into vendor exports.
    """


@hookspec
def lpo_review_packet_written(packet: Packet, paths: list[Path], config: Config) -> None:
    """Called after a packet and its renderings were written (e.g. to index or notify).

    Receives the packet as written; must not modify it.
    """
