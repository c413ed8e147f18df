"""E-mail reader (``.eml``): the header fields and the body, as a lawyer reads a message.

The text is the header block (From, To, Cc, Bcc, Date, Subject, and the attachments by file
name), a blank line, then the body: the plain-text part if there is one, else the HTML part
turned into text by lxml's HTML parser (paragraphs and line breaks kept, scripts and styles
dropped, a quoted reply's ``<blockquote>`` marked with ``> `` like a plain-text quote).  Header
lines cite as ``hdr:from``, ``hdr:to``...; body lines as page:line (page 1, line 1 is the body's
first line).  Redaction runs on all of it: names and addresses in the headers are masked like
the body's.

Parsed with the standard library's ``email`` package under the modern policy.  What the parser
found broken (a MIME part cut off: a truncated file) is noted in ``meta["warnings"]``; a file
with no header block at all is refused (``not_email``).  Message-IDs are kept only as hashes
(``meta["thread"]``), which link replies to their conversation without naming a mail host.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.model import Document, LineMap

HEADERS = ("From", "To", "Cc", "Bcc", "Date", "Subject")
_BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                     "blockquote", "pre", "hr"})
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def message_of(data: bytes, name: str) -> EmailMessage:
    """Parse an RFC 5322 message; refuse bytes with no header block."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not any(message.get(h) for h in ("From", "To", "Subject", "Date", "Message-ID")):
        raise IngestError("not_email", f"{name}: no e-mail header block (From, To, Subject ...)")
    return message


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: block elements on their own lines, a blockquote's lines
    marked ``> ``, scripts, styles and comments dropped."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//head|//comment()"):
        bad.drop_tree()  # its tail text stays
    lines: list[str] = []

    def walk(el: Any, quote: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        inner = quote + (tag == "blockquote")
        if tag in _BLOCKS:
            lines.append("\n")
        if el.text:
            lines.append(_quoted(el.text, inner))
        for child in el:
            walk(child, inner)
            if child.tail:
                lines.append(_quoted(child.tail, inner))
        if tag in _BLOCKS:
            lines.append("\n")

    walk(root, 0)
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(lines))
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _quoted(text: str, depth: int) -> str:
    if not depth:
        return text
    return re.sub(r"(^|\n)(?=\S)", lambda m: m.group(1) + "> " * depth, text)


def body_text(message: EmailMessage) -> str:
    """The message's body: its plain-text part, else its HTML part as text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def attachment_names(message: EmailMessage) -> list[str]:
    """File names of the message's attachments, in order."""
    return [part.get_filename() or f"attachment-{i}" for i, part in
            enumerate(message.iter_attachments(), start=1)]


def _hash(message_id: str) -> str:
    return hashlib.sha256(message_id.strip().lower().encode("utf-8")).hexdigest()[:16]


def thread_keys(message: EmailMessage) -> dict[str, Any]:
    """Hashes of the message's own ID and of those it replies to (In-Reply-To, References)."""
    own = _MESSAGE_ID.findall(str(message.get("Message-ID", "")))
    parents = _MESSAGE_ID.findall(f"{message.get('In-Reply-To', '')} "
                                  f"{message.get('References', '')}")
    return {"message": _hash(own[0]) if own else "",
            "replies_to": list(dict.fromkeys(_hash(p) for p in parents))}


def email_document(data: bytes, source: str, sha256: str = "") -> Document:
    """The review document of one message (its attachments are reviewed as their own
    documents by :mod:`lpo_review.ingest.families`)."""
    message = message_of(data, Path(source).name)
    header_lines, labels = [], []
    for name in HEADERS:
        value = message.get(name)
        if value is not None:
            header_lines.append(f"{name}: {' '.join(str(value).split())}")
            labels.append(f"hdr:{name.lower()}")
    attachments = attachment_names(message)
    if attachments:
        header_lines.append("Attachments: " + "; ".join(attachments))
        labels.append("hdr:attachments")
    body = body_text(message).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    text = "\n".join(header_lines) + "\n\n" + body + "\n"
    lines = LineMap.from_text(text)
    body_at = len(header_lines) + 1  # the blank line after the header block
    numbers = [n if i < body_at else i - body_at + 1 for i, n in enumerate(lines.numbers)]
    lines = LineMap(lines.starts, lines.pages, tuple(max(1, n) for n in numbers),
                    tuple(labels) + ("",) * (len(lines.starts) - len(labels)))
    warnings = [type(d).__name__ for d in message.defects]
    for part in message.walk():
        warnings += [type(d).__name__ for d in part.defects]
    meta: dict[str, Any] = {"attachments": len(attachments), "thread": thread_keys(message)}
    if warnings:
        meta["warnings"] = [f"the message is damaged or cut off ({', '.join(sorted(set(warnings)))})"
                            "; what could be read is reviewed"]
    return Document(source=source, sha256=sha256 or hashlib.sha256(data).hexdigest(), text=text,
                    lines=lines, fmt="eml", meta=meta)


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    if path.suffix.lower() != ".eml":
        return None
    return email_document(path.read_bytes(), str(path))
