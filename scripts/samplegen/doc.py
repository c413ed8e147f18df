"""The intermediate form of a generated document and the log of personal data put into it.

Generators never type a personal value straight into text: they pass it through
``PiiLog.add``, which records it (value, entity type, direct/quasi) and returns it.  The gold
file is therefore produced from the values the generator inserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Entity types that identify a person on their own; the rest are quasi identifiers unless the
#: generator says otherwise (addresses: direct for a home, quasi for a business).
DIRECT_TYPES = frozenset({
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "MEDICAL_RECORD_NUMBER", "MEMBER_ID",
    "NPI", "CASE_NUMBER", "ADDRESS",
})


class PiiLog:
    """Ordered set of the personal data inserted into one document."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], str] = {}

    def add(self, value: str, entity_type: str, identifier: str | None = None) -> str:
        """Record ``value`` (as it appears in the text) and return it unchanged."""
        if identifier is None:
            identifier = "direct" if entity_type in DIRECT_TYPES else "quasi"
        self._items.setdefault((value, entity_type), identifier)
        return value

    def items(self) -> list[dict[str, str]]:
        return [{"value": v, "type": t, "identifier": i} for (v, t), i in self._items.items()]

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True)
class Block:
    """One paragraph of a prose document.

    ``style``: ``title`` (centred, bold), ``heading`` (bold), ``para`` (body paragraph),
    ``line`` (a single short line kept tight with its neighbours, e.g. a signature block).
    """

    style: str
    text: str


@dataclass
class ProseDoc:
    """A contract or medical record: blocks of text plus its gold annotations."""

    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    pii: PiiLog = field(default_factory=PiiLog)
    gold: dict[str, Any] = field(default_factory=dict)

    def add(self, style: str, text: str) -> None:
        self.blocks.append(Block(style, text))

    def text(self) -> str:
        """Plain-text rendering: one line per block, blank lines around titles and headings."""
        out: list[str] = []
        prev = ""
        for b in self.blocks:
            if out and (b.style != "line" or prev != "line"):
                out.append("")
            out.append(b.text)
            prev = b.style
        return "\n".join(out) + "\n"
