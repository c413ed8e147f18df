"""Load files review platforms import: Concordance ``.dat``, Opticon ``.opt``, and CSV.

* ``.dat``: UTF-8 with a byte-order mark, CRLF line ends, each field quoted with ``þ`` (254)
  and separated by the Concordance field delimiter, ASCII 20 (shown as ``¶``); a line break
  inside a value is written as ``®`` (174), the Concordance newline.  First row: field names.
* ``.opt``: one line per page, ``BATES,VOLUME,IMAGE PATH,Y (first page of a document),,,PAGE
  COUNT (first page only)``, Windows-1252, CRLF, backslashes in paths.
* CSV: the ``.dat``'s rows, RFC 4180, UTF-8.

Field names are the usual ones; ``[production.fields]`` renames or drops them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass

QUOTE, DELIMITER, NEWLINE = "\u00fe", "\x14", "\u00ae"
FIELDS = ("BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH", "PGCOUNT", "CUSTODIAN", "DATE",
          "FILENAME", "MD5HASH", "SHA1HASH", "REDACTED", "PRIVILEGE", "TEXTPATH", "NATIVEPATH",
          "DOCID")


@dataclass(frozen=True)
class ImagePage:
    """One page image of the production, for the Opticon file."""

    bates: str
    path: str
    """Relative path with backslashes (``IMAGES\\001\\ABC000001.tif``)."""
    first: bool
    pages: int


def mapped_fields(mapping: Mapping[str, str]) -> list[tuple[str, str]]:
    """(standard name, name written) for every field kept, in the standard order."""
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ValueError(f"production.fields: unknown field(s) {', '.join(unknown)} "
                         f"(known: {', '.join(FIELDS)})")
    return [(f, mapping.get(f, f)) for f in FIELDS if mapping.get(f, f)]


def _dat_value(value: str) -> str:
    clean = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", NEWLINE)
    return QUOTE + clean.replace(QUOTE, "").replace(DELIMITER, " ") + QUOTE


def dat_file(rows: list[dict[str, str]], fields: list[tuple[str, str]]) -> bytes:
    lines = [DELIMITER.join(_dat_value(name) for _, name in fields)]
    lines += [DELIMITER.join(_dat_value(row.get(f, "")) for f, _ in fields) for row in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def csv_file(rows: list[dict[str, str]], fields: list[tuple[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for _, name in fields])
    writer.writerows([[row.get(f, "") for f, _ in fields] for row in rows])
    return out.getvalue().encode("utf-8")


def opt_file(pages: list[ImagePage], volume: str) -> bytes:
    lines = [",".join((p.bates, volume, p.path, "Y" if p.first else "", "", "",
                       str(p.pages) if p.first else "")) for p in pages]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")
