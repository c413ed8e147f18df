"""People named in an e-mail's header block: "From: Rose Field <rfield@example.com>",
"To: Hunter, Grace; Petrov, Sam", "Cc: "Whitfield, Joanne" <jw@example.org>", and a privilege
log's "From: / To: / CC:" lines ("To:   Street, Allison* <astreet@...>").

A header block is three or more header lines in a row (From, Sent/Date, To, Cc, Bcc, Subject
...) that include From and Subject or To: the top of a message, or a quoted "-----Original
Message-----".  In its From/To/Cc/Bcc lines every recipient's display name is a person, in
either order ("Grace Hunter", "Hunter, Grace"), whatever the words ("Rose Field", "Will
Marsh"); the NER, without a sentence around them, misses most.  A display name that reads as a
team or a company ("Payroll Team", "Acme Billing", "Harrowgate LLP") is not reported; addresses
are the e-mail recognizer's.

Outside a header block too, a display name right before its address in angle brackets is a
person's: a privilege log exported as CSV ("Chase, Melody <mchase@bhsec.example>"), a
forwarded complaint "from Marcus Grant <mgrant@mailbox.example>".
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.redact.recognizers.labelled_name import ORGANISATION

_FIELD = r"(?:From|Sent|Date|To|Cc|CC|Bcc|BCC|Subject|Attachments?|Importance|Reply-To)"
_BLOCK = regex.compile(r"(?m)(?:^[ \t>]*" + _FIELD + r"[ \t]*:[^\n]*(?:\n|\Z)){3,}")
_PEOPLE_LINE = regex.compile(r"(?m)^[ \t>]*(?:From|To|Cc|CC|Bcc|BCC|Reply-To)[ \t]*:[ \t]*([^\r\n]*)\r?$")
#: Where one recipient ends: a ";", or a "," right after an address in angle brackets.
_BETWEEN = regex.compile(r";|(?<=[>\]])[ \t]*,")
#: A display name, then its address in angle brackets or as Outlook prints a forwarded
#: message's sender ("Stone, Bill [mailto:bstone@polar.example]").
_DISPLAY = regex.compile(r"[ \t]*[\"']?(?P<name>[^<>\"';@\[\]]+?)[\"']?[ \t]*"
                         r"(?:<[^>]*>|\[mailto:[^\]]*\])?[ \t]*$")
_NAME = regex.compile(r"(?:\p{Lu}[\p{L}'\u2019.\-]*(?:,)?[ \t]+){0,4}\p{Lu}[\p{L}'\u2019.\-]*")
_TEAM = regex.compile(
    r"\b(?:team|desk|support|notifications?|payroll|hr|billing|claims|scheduling|reception|"
    r"admin|noreply|no-reply|info|sales|orders|accounts|helpdesk|service|mailbox|alerts)\b",
    regex.IGNORECASE)


_MARKS_AFTER = regex.compile(r"[ \t]*(?:\*+|\([^()]*\))$")
#: A display name (up to four capitalised words, "Last, First" too) right before an address in
#: angle brackets, a log's counsel mark or a nickname between them ("Tennant, William (Bill)").
_ADDRESSED = regex.compile(
    r"(?<![\p{L}'\u2019.\-])(?P<name>(?:\p{Lu}[\p{L}'\u2019.\-]*,?[ \t]+){0,3}"
    r"\p{Lu}[\p{L}'\u2019.\-]*)\**(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*<[^<>@\s]+@[^<>\s]+>")
#: A time before the name ("On Tue, Mar 4 at 3:05 PM Grace Hill <gh@...> wrote:").
_TIME_BEFORE = regex.compile(r"^(?:(?:[AP]\.?M\.?|UTC|GMT|[ECMP][SD]T)[ \t]+)+")


class EmailHeaderNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = []
        for block in _BLOCK.finditer(text):
            fields = block.group().lower()
            if "from" not in fields or ("subject" not in fields and "to" not in fields):
                continue  # a message's header, or a privilege log's From / To / CC lines
            for line in _PEOPLE_LINE.finditer(text, block.start(), block.end()):
                at = line.start(1)
                for part in _BETWEEN.split(line.group(1)):
                    display = _DISPLAY.match(part)
                    name = display.group("name").strip(" ,") if display else ""
                    # a log's marks after a name: "Street, Allison*" (counsel), "Joseph,
                    # Fabienne (executive assistant to K. Boakye)"
                    name = _MARKS_AFTER.sub("", name)
                    if name and _NAME.fullmatch(name) and self.validate(name):
                        start = at + part.index(name)
                        found.append((start, start + len(name)))
                    at += len(part) + 1
        for m in _ADDRESSED.finditer(text):
            time = _TIME_BEFORE.match(m.group("name"))
            start = m.start("name") + (time.end() if time else 0)
            name = text[start:m.end("name")]
            if name and _NAME.fullmatch(name) and self.validate(name):
                found.append((start, m.end("name")))
        return sorted(set(found))

    def validate(self, value: str) -> bool:
        return not (ORGANISATION.search(value) or _TEAM.search(value))
