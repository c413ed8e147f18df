"""Word (.docx) reader: body text and tables in order, notes, headers and footers.

Tracked deletions and comments stay out of the text; insertions are in.  Explicit page
breaks and section breaks start new pages.  Note references appear as ``[1]`` (footnotes)
and ``[i]`` (endnotes); after the body come the sections "Footnotes", "Endnotes" and
"Headers and footers" (each distinct text once).  Table rows are lines with tab-separated
cells.  Author, title and other package metadata are never read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from lxml import etree

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.ingest.common import check_chars, sha256_file
from lpo_review.ingest.sniff import Content, sniff
from lpo_review.model import Document, LineMap

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, TBL, TR, TC, T, SECTPR, PPR = map(_w, ("p", "tbl", "tr", "tc", "t", "sectPr", "pPr"))
TXBX = _w("txbxContent")
ALTERNATE = f"{{{_MC}}}AlternateContent"
CHOICE = f"{{{_MC}}}Choice"
VAL, TYPE, ID = _w("val"), _w("type"), _w("id")

#: Elements whose content is not document text (deleted or moved-away text, field codes,
#: properties, comment marks).
_SKIP = frozenset(
    map(
        _w,
        (
            "del",
            "moveFrom",
            "instrText",
            "delInstrText",
            "delText",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "sectPr",
            "commentReference",
            "footnoteRef",
            "endnoteRef",
            "annotationRef",
        ),
    )
)
_CHARS = {_w("tab"): "\t", _w("ptab"): "\t", _w("cr"): "\n", _w("noBreakHyphen"): "-"}


@dataclass
class _Story:
    """Text of one story (body, a header, a note) as it is assembled.

    A page break takes effect at the next text written, so a paragraph that ends with a
    break keeps its end on the earlier page, as Word shows it.
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0
    page_starts: list[int] = field(default_factory=list)
    pending_break: bool = False

    def write(self, text: str) -> None:
        if not text:
            return
        if self.pending_break:
            self.pending_break = False
            if not self.at_line_start():
                self._append("\n")
            self.page_starts.append(self.length)
        self._append(text)

    def end_paragraph(self) -> None:
        self._append("\n")

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def at_line_start(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def page_break(self) -> None:
        self.pending_break = True

    def text(self) -> str:
        return "".join(self.parts)


class _Extractor:
    """Walks WordprocessingML and writes text into a :class:`_Story`."""

    def __init__(self, section_starts_page: list[bool] | None = None):
        #: kind ("footnote"/"endnote") -> note id -> display number, in reference order
        self.note_numbers: dict[str, dict[str, str]] = {}
        #: for each section break still to come: does the next section start a new page?
        self.section_starts_page = section_starts_page or []

    def blocks(self, container: etree._Element, story: _Story) -> None:
        """Paragraphs, tables and content controls of a body, cell, note or header."""
        for el in container:
            tag = el.tag
            if tag == P:
                self.paragraph(el, story)
            elif tag == TBL:
                self.table(el, story)
            elif tag == ALTERNATE:
                self.blocks(_choice(el), story)
            elif tag not in _SKIP:
                self.blocks(el, story)  # w:sdt, w:sdtContent, w:customXml, w:ins ...

    def paragraph(self, p: etree._Element, story: _Story) -> None:
        ppr = p.find(PPR)
        before = ppr.find(_w("pageBreakBefore")) if ppr is not None else None
        if before is not None and before.get(VAL, "true") not in ("0", "false"):
            story.page_break()
        boxes: list[etree._Element] = []
        self.inline(p, story, boxes)
        story.end_paragraph()
        for box in boxes:
            self.blocks(box, story)
        ends_section = ppr is not None and ppr.find(SECTPR) is not None
        if (
            ends_section
            and self.section_starts_page
            and self.section_starts_page.pop(0)
        ):
            story.page_break()

    def inline(
        self, el: etree._Element, story: _Story, boxes: list[etree._Element]
    ) -> None:
        """Runs and what contains them (insertions, hyperlinks, fields, smart tags)."""
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == T:
                story.write("".join(child.itertext()))  # text after an entity reference too
            elif tag in _CHARS:
                story.write(_CHARS[tag])
            elif tag == _w("br"):
                if child.get(TYPE) == "page":
                    story.page_break()
                else:
                    story.write("\n")
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                kind = "footnote" if tag == _w("footnoteReference") else "endnote"
                story.write(f"[{self.note_number(kind, child.get(ID, ''))}]")
            elif tag == TXBX:
                boxes.append(child)
            elif tag == ALTERNATE:
                self.inline(_choice(child), story, boxes)
            else:
                self.inline(child, story, boxes)

    def note_number(self, kind: str, note_id: str) -> str:
        numbers = self.note_numbers.setdefault(kind, {})
        if note_id not in numbers:
            n = len(numbers) + 1
            numbers[note_id] = str(n) if kind == "footnote" else _roman(n)
        return numbers[note_id]

    def table(self, tbl: etree._Element, story: _Story) -> None:
        """One line per row; cells separated by tabs, a cell's paragraphs by spaces."""
        for row in tbl.iter(TR):
            if _enclosing_table(row) is not tbl:
                continue
            cells = []
            for cell in row.iter(TC):
                if _enclosing_table(cell) is not tbl:
                    continue
                inner = _Story()
                self.blocks(cell, inner)
                cells.append(" ".join(inner.text().split()))
            story.write("\t".join(cells) + "\n")


def _enclosing_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def _choice(alternate: etree._Element) -> etree._Element:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (its fallback repeats it)."""
    choice = alternate.find(CHOICE)
    return choice if choice is not None else etree.Element("empty")


def _roman(n: int) -> str:
    values = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for value, letters in values:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _section_starts_page(body: etree._Element) -> list[bool]:
    """For each section break in the body, whether the next section starts on a new page."""
    sectprs = [
        s
        for s in body.iter(SECTPR)
        if s.getparent() is body
        or (s.getparent().tag == PPR and s.getparent().getparent().tag == P)
    ]
    result = []
    for following in sectprs[1:]:
        kind = following.find(TYPE)
        start = kind.get(VAL, "nextPage") if kind is not None else "nextPage"
        result.append(start not in ("continuous", "nextColumn"))
    return result


def _element(part: Part) -> etree._Element:
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _notes(document_part: Part, kind: str, extractor: _Extractor) -> list[str]:
    """Footnotes or endnotes as lines ``[n] text``: referenced ones in reference order, then
    any the body never references."""
    reltype = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
    texts: dict[str, str] = {}
    for rel in document_part.rels.values():
        if rel.reltype != reltype or rel.is_external:
            continue
        for note in _element(rel.target_part).iter(_w(kind)):
            if note.get(TYPE) in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            story = _Story()
            extractor.blocks(note, story)
            texts[note.get(ID, "")] = " ".join(story.text().split())
    numbers = extractor.note_numbers.get(kind, {})
    lines = [f"[{numbers[i]}] {texts[i]}" for i in numbers if texts.get(i)]
    lines.extend(text for i, text in texts.items() if text and i not in numbers)
    return lines


def _headers_and_footers(document: docx.document.Document) -> list[str]:
    """Distinct header and footer texts of all sections, in section order."""
    seen: set[str] = set()
    texts: list[str] = []
    part = document.part
    for sectpr in document.element.body.iter(SECTPR):
        for ref in sectpr:
            if ref.tag not in (_w("headerReference"), _w("footerReference")):
                continue
            rid = ref.get(f"{{{_R}}}id")
            if rid is None or rid not in part.rels:
                continue
            story = _Story()
            _Extractor().blocks(_element(part.related_parts[rid]), story)
            text = "\n".join(line for line in story.text().splitlines() if line.strip())
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
    return texts


#: A package may expand to at most this many times the file size limit (zip-bomb guard).
EXPANSION_FACTOR = 8
#: WordprocessingML spends a few to a few dozen bytes of markup a character of text; a package
#: with more XML than this times ``limits.max_chars`` cannot be within the limit.
XML_BYTES_PER_CHAR = 8


def extract(path: Path, max_bytes: float, max_chars: int = 20_000_000
            ) -> tuple[str, list[int], dict[str, int]]:
    """Text, page starts and note counts of a .docx file; ``corrupt_docx`` if damaged,
    ``too_large`` if its parts expand beyond ``max_bytes`` uncompressed, its XML beyond
    :data:`XML_BYTES_PER_CHAR` x ``max_chars`` (checked before parsing: an 822 KB package whose
    document.xml holds 200M characters is refused at once), or its text beyond ``max_chars``."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        expanded = sum(info.file_size for info in infos)
        if expanded > max_bytes:
            raise IngestError(
                "too_large",
                f"{path.name} expands to {expanded / 2**20:.0f} MB when unpacked, over "
                f"{max_bytes / 2**20:.0f} MB ({EXPANSION_FACTOR} x limits.max_file_mb)",
            )
        xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
        if xml > XML_BYTES_PER_CHAR * max_chars:
            raise IngestError(
                "too_large",
                f"{path.name} holds {xml / 2**20:.0f} MB of XML, more than "
                f"{XML_BYTES_PER_CHAR} bytes a character for limits.max_chars ({max_chars:,})",
            )
        text, page_starts, counts = _extract(path)
        check_chars(path.name, len(text), max_chars)
        return text, page_starts, counts
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise IngestError(
            "corrupt_docx",
            f"{path.name} is damaged or truncated (not a readable ZIP package: {exc}); "
            "re-save or re-export it from Word",
        ) from exc
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(
            "corrupt_docx",
            f"{path.name} is not a valid Word document (missing or wrong main part: {exc})",
        ) from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError(
            "corrupt_docx",
            f"{path.name} has damaged XML inside ({exc}); re-save it from Word",
        ) from exc


def _extract(path: Path) -> tuple[str, list[int], dict[str, int]]:
    document = docx.Document(str(path))
    body = document.element.body
    extractor = _Extractor(_section_starts_page(body))
    story = _Story()
    extractor.blocks(body, story)
    counts = {}
    for kind, title in (("footnote", "Footnotes"), ("endnote", "Endnotes")):
        notes = _notes(document.part, kind, extractor)
        counts[f"{kind}s"] = len(notes)
        if notes:
            story.write(f"\n{title}\n" + "\n".join(notes) + "\n")
    margins = _headers_and_footers(document)
    if margins:
        story.write("\nHeaders and footers\n" + "\n".join(margins) + "\n")
    return story.text(), story.page_starts, counts


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    """Read a ``.docx`` file (python-docx package, own text walker)."""
    path = Path(path)
    if path.suffix.lower() != ".docx" or sniff(head) not in (Content.DOCX, Content.ZIP):
        return None
    max_bytes = config.limits.max_file_mb * 2**20 * EXPANSION_FACTOR
    text, page_starts, counts = extract(path, max_bytes, config.limits.max_chars)
    if not text.strip():
        raise IngestError("empty", f"{path.name} contains no text")
    lines = LineMap.from_text(text, page_starts)
    return Document(
        source=str(path),
        sha256=sha256_file(path),
        text=text,
        lines=lines,
        fmt="docx",
        meta={"pages": lines.page_count, **counts},
    )
