"""UK NHS numbers, named so only where the text says that is what they are ("NHS no. 943 476
5919").

An NHS number is written 3-3-4 like a North American telephone number, and one such phone
number in eleven passes its checksum: Presidio's recognizer alone logs "555-201-3344" as a
``UK_NHS`` number in a US letter (masked, but mislabelled in the packet, the redaction log and a
production's box).  Without "NHS" or "health service" shortly before it, a number it finds is
reported as a ``PHONE_NUMBER``: still masked (a number the phone library rejects, such as one
with a fictional 555 area code, is not let through), under the name a reader expects.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import NhsRecognizer

_CONTEXT = re.compile(r"\bNHS\b|health\s+service", re.IGNORECASE)
#: How far before the number its label may be (a label, a colon, a few words).
_WINDOW = 60


class LabelledNhsRecognizer(NhsRecognizer):
    """Presidio's NHS recognizer; its finds without an NHS label are phone numbers."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in found:
            if not _CONTEXT.search(text, max(0, r.start - _WINDOW), r.start):
                r.entity_type = "PHONE_NUMBER"
        return found
