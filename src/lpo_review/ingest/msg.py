"""Outlook ``.msg`` files, read with extract-msg (optional: ``pip install 'lpo-review[msg]'``)
and turned into the RFC 5322 message they hold, so one e-mail reader serves both formats."""

from __future__ import annotations

import contextlib
import email
import email.policy
import io
import logging
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from lpo_review.config import Config
from lpo_review.errors import IngestError
from lpo_review.hookspecs import hookimpl
from lpo_review.ingest.email import email_document
from lpo_review.model import Document

INSTALL_HINT = "install the optional reader: pip install 'lpo-review[msg]'"


def msg_to_eml(data: bytes, name: str) -> bytes:
    """The RFC 5322 bytes of an Outlook message: headers, bodies and attachments."""
    try:
        import extract_msg
    except ImportError:
        raise IngestError("unsupported_type", f"{name}: Outlook .msg needs extract-msg; "
                                              f"{INSTALL_HINT}") from None
    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    try:
        with contextlib.closing(extract_msg.openMsg(io.BytesIO(data))) as msg:
            return _as_eml(msg)
    except IngestError:
        raise
    except Exception as exc:  # extract-msg raises many types on damaged files
        raise IngestError("corrupt_msg", f"{name} is not a readable Outlook message "
                                         f"({exc.__class__.__name__})") from None


def _as_eml(msg: Any) -> bytes:
    out = EmailMessage()
    for header, value in (("From", msg.sender), ("To", msg.to), ("Cc", msg.cc),
                          ("Bcc", getattr(msg, "bcc", None)), ("Subject", msg.subject),
                          ("Message-ID", getattr(msg, "messageId", None)),
                          ("In-Reply-To", getattr(msg, "inReplyTo", None))):
        if value:
            out[header] = " ".join(str(value).split())
    if getattr(msg, "date", None) is not None:
        out["Date"] = format_datetime(msg.date)
    body, html = msg.body or "", msg.htmlBody
    if body.strip():
        out.set_content(body)
    elif html:
        out.set_content(html.decode("utf-8", "replace") if isinstance(html, bytes) else html,
                        subtype="html")
    else:
        out.set_content("")
    for attachment in msg.attachments:
        payload = attachment.data
        if isinstance(payload, bytes):
            name = attachment.getFilename() if hasattr(attachment, "getFilename") else None
            out.add_attachment(payload, maintype="application", subtype="octet-stream",
                               filename=name or "attachment")
        elif payload is not None and hasattr(payload, "exportBytes"):  # an embedded message
            out.add_attachment(email.message_from_bytes(_as_eml(payload),
                                                        policy=email.policy.default))
    return out.as_bytes()


@hookimpl
def lpo_review_read(path: Path, head: bytes, config: Config) -> Document | None:
    if path.suffix.lower() != ".msg":
        return None
    return email_document(msg_to_eml(path.read_bytes(), path.name), str(path))
