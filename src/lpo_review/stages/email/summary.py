"""The message summary: one row per e-mail, read from its (redacted) header block."""

from __future__ import annotations

import re

from lpo_review.model import Draft
from lpo_review.stages.base import StageInput, Summarizer

STAGE = "email_summary"
COLUMNS = ["date", "from", "to", "cc", "subject", "attachments", "body_words", "cite"]
_HEADER = re.compile(r"^(From|Sent|To|Cc|Bcc|Date|Subject|Attachments): ?(.*)$")
#: A quoted line of an earlier message ("> ..."): part of the thread, not of this message.
_QUOTED = re.compile(r"^\s*>")


class EmailSummary(Summarizer):
    """A row per message: who wrote to whom, when, about what, with which attachments; the
    cells are the message's own (redacted) words."""

    name = STAGE
    kinds = ("email",)

    def draft(self, doc: StageInput) -> list[Draft]:
        fields: dict[str, str] = {}
        end = 0
        for m in re.finditer(r"[^\n]*\n?", doc.text):
            line = m.group().rstrip("\n")
            header = _HEADER.match(line)
            if not header:
                break
            fields[header.group(1).lower()] = header.group(2).strip()
            end = m.end()
        body = doc.text[end:]
        own = [ln for ln in body.splitlines() if not _QUOTED.match(ln)]
        row = {"date": fields.get("date") or fields.get("sent", ""), "from": fields.get("from", ""),
               "to": fields.get("to", ""), "cc": fields.get("cc", ""),
               "subject": fields.get("subject", ""), "attachments": fields.get("attachments", ""),
               "body_words": str(sum(len(ln.split()) for ln in own)),
               "cite": doc.cite(0, max(end, 1)), "start": 0, "end": end}
        notes = [] if fields else ["No header block: the text does not start with From/To/"
                                   "Subject lines."]
        quoted = sum(1 for ln in body.splitlines() if _QUOTED.match(ln))
        if quoted:
            notes.append(f"{quoted} quoted line(s) of earlier messages are not counted as this "
                         "message's words.")
        return [Draft(stage=STAGE, kind="email_summary", title="Message summary",
                      columns=COLUMNS, rows=[row] if fields else [], notes=notes,
                      label_columns=["date", "body_words"],
                      quoted_columns=["from", "to", "cc", "subject", "attachments"])]
