"""Tables drawn in plain text with ``|`` between their cells, as records and logs print them."""

from __future__ import annotations


def pipe_cells(line: str) -> list[tuple[str, int]]:
    """The cells of a ``|`` table row: (text without its padding, offset of the text in the
    line).  ``"| 3/8 | KLM |"`` -> ``[("3/8", 2), ("KLM", 8)]``."""
    first = line.find("|")
    inner = line[first + 1:].rstrip()
    inner = inner[:-1] if inner.endswith("|") else inner
    out, pos = [], first + 1
    for part in inner.split("|"):
        out.append((part.strip(), pos + len(part) - len(part.lstrip())))
        pos += len(part) + 1
    return out
