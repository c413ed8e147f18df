"""The renderer contract: a packet in a format people read (DOCX, HTML) or machines load."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Literal

from lpo_review.model import Packet

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
