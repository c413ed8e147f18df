"""Names in transcript speaker labels: "MR. ACHTERBERG:", "BY MS. O'NEILL:", "12  MS. DIAZ:".

Only the name is reported; the honorific stays, so the redacted transcript still reads
"MR. <PERSON_1>:".  Labels without an honorific ("THE WITNESS:", "THE COURT:") are roles.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

HONORIFIC = (r"(?:MR|MRS|MS|MISS|MX|DR|PROF|JUDGE|JUSTICE|JUROR|SENATOR|REP|DET|OFFICER|SGT|CAPT?|"
             r"ARBITRATOR|EXAMINER|HEARING[ \t]+OFFICER)")
CAPS_WORD = r"(?:MC|MAC|O')?[A-Z][A-Z'\u2019\-]*[A-Z]"


class SpeakerLabelRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.9
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"^[ \t]*(?:\d{1,2}[ \t]+)?(?:BY[ \t]+)?" + HONORIFIC + r"\.?[ \t]+"
        r"(?P<value>" + CAPS_WORD + r"(?:[ \t]+" + CAPS_WORD + r"){0,2})[ \t]*:",
    )
