"""Characters of a PDF page with their boxes (pypdfium2), and where a value sits among them."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]
"""``(left, bottom, right, top)`` in PDF points, origin at the page's bottom left."""


@dataclass
class PageText:
    """A page's characters, one per index, each with its box (``None`` for generated ones:
    the line breaks pdfium adds)."""

    text: str
    boxes: list[Box | None]
    width: float
    height: float

    @classmethod
    def of(cls, page: pdfium.PdfPage) -> PageText:
        textpage = page.get_textpage()
        try:
            chars, boxes = [], []
            for i in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                chars.append(chr(code) if 0 < code < 0x110000 else " ")
                generated = pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
                boxes.append(None if generated or chars[-1].isspace()
                             else textpage.get_charbox(i))
        finally:
            textpage.close()
        width, height = page.get_size()
        return cls("".join(chars), boxes, width, height)

    def find(self, value: str) -> list[tuple[int, int]]:
        """Every ``(start, end)`` char range spelling ``value``, whitespace and line breaks
        matching any whitespace (a value may wrap onto the next line, also right after a hyphen:
        "(972) 555-" / "0171")."""
        words = [re.escape(w).replace(r"\-", r"-\s*") for w in value.split()]
        if not words:
            return []
        pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
        return [m.span() for m in pattern.finditer(self.text)]

    def span_boxes(self, start: int, end: int) -> list[Box]:
        """One box per line the range runs over, covering its characters."""
        lines: list[list[Box]] = []
        for box in self.boxes[start:end]:
            if box is None:
                continue
            if lines and _same_line(lines[-1][-1], box):
                lines[-1].append(box)
            else:
                lines.append([box])
        return [union(ln) for ln in lines]

    def words(self) -> list[tuple[str, Box]]:
        """The page's words (runs of characters with boxes on one line) and their boxes."""
        out: list[tuple[str, Box]] = []
        current: list[int] = []

        def flush() -> None:
            if current:
                boxes = [b for i in current if (b := self.boxes[i]) is not None]
                out.append(("".join(self.text[i] for i in current), union(boxes)))
                current.clear()

        for i, box in enumerate(self.boxes):
            prev = self.boxes[current[-1]] if current else None
            if box is None or (prev is not None and not _same_line(prev, box)):
                flush()
            if box is not None:
                current.append(i)
        flush()
        return out


def union(boxes: list[Box]) -> Box:
    """The smallest box around ``boxes``."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def _same_line(a: Box, b: Box) -> bool:
    mid = (b[1] + b[3]) / 2
    return a[1] - 1 <= mid <= a[3] + 1 and b[0] >= a[0] - 1


def overlaps(box: Box, boxes: list[Box]) -> bool:
    """Whether ``box``'s centre lies in any of ``boxes`` or they overlap by most of it."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for b in boxes:
        if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
            return True
        ix = min(box[2], b[2]) - max(box[0], b[0])
        iy = min(box[3], b[3]) - max(box[1], b[1])
        if ix > 0 and iy > 0 and ix * iy >= 0.3 * (box[2] - box[0]) * (box[3] - box[1]):
            return True
    return False
