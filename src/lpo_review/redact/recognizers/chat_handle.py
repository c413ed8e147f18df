"""A person's handle in a chat or social-media export: "@jlane", "@austin.pham", and a Slack
member ID wherever the export prints one ("<@U04R1ZP8C3M>", "Custodian: Jordan Lane
(U04QF7K2M9A)").

A handle or a member ID points at one account, so at one person, as surely as an e-mail
address does; the NER never reads it as a name.  An e-mail address ("jlane@example.com") is
the e-mail recognizer's: the "@" of a handle follows no letter, digit or dot.  Slack's
addresses to a whole channel ("@here", "@channel", "@everyone") name no one, nor do its
channel ("C05R7N2DX4B") and workspace ("T02H8LQ4ZK1") IDs.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

#: Mentions that address a channel or a group, not a person.
_GROUP_MENTIONS = frozenset({"here", "channel", "everyone", "all"})


class ChatHandleRecognizer(LabelledValueRecognizer):
    ENTITY = "ID_NUMBER"
    SCORE = 0.84
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"(?<![\p{L}\d._%+\-@])@(?P<value>\p{L}[\p{L}\d._\-]{0,29}[\p{L}\d])(?![\p{L}\d@]|\.\p{L})",
        # a Slack member ID: "U" or "W", then digits and capitals, with at least two of each
        r"(?<![\p{L}\d])(?P<value>[UW](?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-Z\d]{8,11})"
        r"(?![\p{L}\d])",
    )
    LINES = r"@|\b[UW][A-Z\d]{8,11}\b"

    def validate(self, value: str) -> bool:
        return value.casefold() not in _GROUP_MENTIONS
