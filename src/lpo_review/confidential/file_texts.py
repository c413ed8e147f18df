"""The texts of an outgoing file, as the export's checks read them.

* :func:`readable_texts`: what a person opening the file reads: each decoded JSON string,
  each paragraph of a ZIP (DOCX) part's element text (runs joined, tabs and breaks as spaces;
  binary parts such as a thumbnail have none) or of HTML, any other file as text.  Two
  strings, paragraphs or table cells are never read as one text ("1:6 | 0.69 | 2.1" in a
  table is no "60692").
* :func:`all_texts`: that, plus what a reader does not see but the file still carries: raw
  XML and JSON (attribute values, escapes undone), ZIP part names and comments.

A PDF is read page by page (pypdf's text extraction), and for :func:`all_texts` also its
metadata and every decompressed stream but pictures (whose bytes are no text, and whose
random letters would read as names).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Collection, Iterable
from typing import Any

import pypdf

_TAG = re.compile(r"<[^>]*>")
_SPACE_TAGS = re.compile(r"<w:(?:tab|br|cr)\b[^>]*/>")
#: Where a paragraph of a DOCX part (or a block of HTML) ends.
_PARAGRAPH_END = re.compile(r"</w:p>|<br\s*/?>|</(?:p|div|li|td|th|tr|h\d)>", re.IGNORECASE)


def readable_texts(
    name: str, data: bytes, skip_keys: Collection[str] = ()
) -> Iterable[tuple[str, str]]:
    """``(location, text)`` of what a reader of the file sees; a JSON file's keys and the
    values under ``skip_keys`` (labels of a format, not text) are left out when given."""
    if data.startswith(b"%PDF"):
        for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages, 1):
            yield f"{name}:page {number}", page.extract_text() or ""
        return
    archive = _archive(data)
    if archive is not None:
        with archive:
            for info in archive.infolist():
                try:
                    content = archive.read(info).decode("utf-8")
                except UnicodeDecodeError:
                    continue  # an image or another binary part: no text to read
                for paragraph in element_text(content).split("\n"):
                    yield f"{name}:{info.filename}", paragraph
        return
    raw = data.decode("utf-8", errors="replace")
    if name.endswith(".json"):
        try:
            strings = list(json_strings(json.loads(raw), skip_keys or None))
        except json.JSONDecodeError:
            strings = [raw]
        yield from ((f"{name} (decoded)", string) for string in strings)
    elif name.endswith((".html", ".htm", ".xml")):
        yield from ((name, paragraph) for paragraph in element_text(raw).split("\n"))
    else:
        yield name, raw


def all_texts(name: str, data: bytes) -> Iterable[tuple[str, str]]:
    """``(location, text)`` of everything the file carries (see the module docstring)."""
    yield f"file name {name}", name
    yield from readable_texts(name, data)
    if data.startswith(b"%PDF"):
        yield from _pdf_carried(name, data)
        return
    archive = _archive(data)
    if archive is None:
        yield name, html.unescape(data.decode("utf-8", errors="replace"))
        return
    with archive:
        for info in archive.infolist():
            where = f"{name}:{info.filename}"
            yield f"{where} (part name)", info.filename
            yield f"{where} (zip comment)", info.comment.decode("utf-8", errors="replace")
            yield where, html.unescape(archive.read(info).decode("utf-8", errors="replace"))
        yield f"{name} (zip comment)", archive.comment.decode("utf-8", errors="replace")


def _pdf_carried(name: str, data: bytes) -> Iterable[tuple[str, str]]:
    """A PDF's metadata and its decompressed streams, pictures left out."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    for key, value in (reader.metadata or {}).items():
        yield f"{name} (metadata {key})", str(value)
    numbers = set(reader.xref_objStm) | {n for table in reader.xref.values() for n in table}
    for number in sorted(numbers):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001 - a free or broken object number: nothing to read
            continue
        if isinstance(obj, pypdf.generic.StreamObject) and obj.get("/Subtype") != "/Image":
            yield f"{name} (stream {number})", obj.get_data().decode("latin-1")


def element_text(markup: str) -> str:
    """The text of XML or HTML, one line per paragraph, entities undone; the runs of a Word
    paragraph are joined, other elements (``<dc:creator>``, ``<td>``) stay apart."""
    markup = _SPACE_TAGS.sub(" ", markup)
    return "\n".join(html.unescape(_TAG.sub(_between, part))
                     for part in _PARAGRAPH_END.split(markup))


def _between(tag: re.Match[str]) -> str:
    return "" if tag.group().startswith(("<w:", "</w:")) else " "


def json_strings(value: Any, skip_keys: Collection[str] | None = None) -> Iterable[str]:
    """Every key and scalar of a parsed JSON value, as text; with ``skip_keys``, only the
    values, and none under those keys."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if skip_keys is None:
                yield str(k)
            if skip_keys is None or k not in skip_keys:
                yield from json_strings(v, skip_keys)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, skip_keys)
    elif value is not None:
        yield str(value)


def _archive(data: bytes) -> zipfile.ZipFile | None:
    if data[:4] != b"PK\x03\x04":
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None
