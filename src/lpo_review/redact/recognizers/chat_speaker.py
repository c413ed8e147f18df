"""People who speak in an exported chat: "[3/4/25, 9:13:15 PM] Tasha: good.", "[3/5/25,
11:54:02 PM] Mark Hall (Supv): See me at break.", "3/4/25, 21:12 - Dawn K: he texted me", or
in a screenshot typed out with the time alone ("11:48 PM  Chase H:  u up?"), or in a workspace
export's message head, before the sender's handle ("06:58:41  hunter  @hokafor").

A messaging app's export puts the sender's display name between the time stamp and a colon on
every line; the NER, without a sentence around it, misses most of them ("Tasha", "Ray D.").  The
display name is a person unless it is the exporting user ("You", "Me") or an app's own line;
a phone number shown for an unknown sender is the phone recognizer's.  A role in brackets after
the name ("(Supv)") stays readable.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

#: The time stamp an export writes before the sender: "[3/4/25, 9:13:15 PM]" (iOS, WhatsApp on
#: iPhone) or "3/4/25, 21:12 - " (WhatsApp on Android).
_STAMP = (r"(?:\[[0-9./\-]{6,10},?[ \t\u202f]+[0-9:]{4,8}(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?\][ \t]*"
          r"|[0-9./\-]{6,10},?[ \t]+[0-9:]{4,8}(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?[ \t]+-[ \t]+)")
#: Senders that name no one.
_NOBODY = regex.compile(r"(?i:you|me|system|messages?|whatsapp|imessage)")


class ChatSpeakerRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.86
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"^[ \t\u200e\u200f]*" + _STAMP + r"[\u200e\u200f]?(?P<value>\p{Lu}[\p{L}'\u2019.\-]*"
        r"(?:[ ]\p{Lu}[\p{L}'\u2019.\-]*){0,3})(?:[ ]\([^)\n]{1,20}\))?:",
        # a screenshot typed out, the time alone before the sender: "11:48 PM  Chase H:  u up?"
        # (a name as it is written, not a transcript's speaker in capitals)
        r"^[ \t]*[0-9]{1,2}:[0-9]{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]{2,}(?P<value>\p{Lu}\p{Ll}"
        r"[\p{L}'\u2019.\-]*(?:[ ]\p{Lu}[\p{L}'\u2019.\-]*){0,2}):[ \t]",
        # a workspace export's message head, the sender's handle after the display name (which
        # may be written in lower case): "06:58:41  hunter  @hokafor", "07:10:33  Austin P
        # (Safety)  @austin.pham"
        r"^[ \t]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]{2,}"
        r"(?P<value>\p{L}[\p{L}'\u2019.\-]*(?:[ ]\p{L}[\p{L}'\u2019.\-]*){0,3})"
        r"(?:[ ]\([^)\n]{1,20}\))?[ \t]{1,4}@\p{L}",
    )
    LINES = r"\d:\d\d"

    def validate(self, value: str) -> bool:
        return not _NOBODY.fullmatch(value)
