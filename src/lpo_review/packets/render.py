"""The renderer contract: a packet in a format people read (DOCX, HTML) or machines load."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Literal

from lpo_review.model import Packet

if TYPE_CHECKING:
    from lpo_review.config import Config

Audience = Literal["attorney", "vendor"]


class Renderer(ABC):
    """Turns a :class:`~lpo_review.model.Packet` into a file's bytes.

    ``audience="attorney"``: the firm's reviewing attorney (source name, guard findings, sign-off
    block).  ``audience="vendor"``: what leaves the firm (neutral ID only, no source name, no
    metadata, guard-flagged sentences withheld).  Output must be deterministic for equal input.
    """

    name: str = ""
    suffix: str = ""
    """File suffix including the dot, e.g. ``".docx"``."""

    @abstractmethod
    def render(self, packet: Packet, audience: Audience = "attorney") -> bytes:
        """Render ``packet`` for ``audience``."""


def render_with(renderers: list[Renderer], packet: Packet,
                audience: Audience = "attorney") -> list[tuple[str, bytes]]:
    """Render ``packet`` with each renderer: ``(file suffix, bytes)`` pairs."""
    return [(r.suffix, r.render(packet, audience)) for r in renderers]


def render_packet(packet: Packet, config: Config, audience: Audience = "attorney"
                  ) -> list[tuple[str, bytes]]:
    """Render ``packet`` with every renderer the configuration's plugins provide."""
    from lpo_review.plugins import build_plugin_manager

    pm = build_plugin_manager(config)
    return render_with([r for _, r in pm.call_attributed("lpo_review_renderers", config=config)],
                       packet, audience)
