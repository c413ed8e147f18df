"""E-mail addresses on any domain, reserved ones (``.example``, ``.test``, ``.invalid``) included.

Presidio's recognizer validates the domain against the public suffix list, so addresses at
reserved or unknown top-level domains slip through; this one keeps its pattern and context but
accepts any alphabetic top-level label of two or more letters.
"""

from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import EmailRecognizer

_TLD = re.compile(r"\.[^\W\d_]{2,63}$")


class AnyDomainEmailRecognizer(EmailRecognizer):
    def __init__(self) -> None:
        super().__init__(name="AnyDomainEmailRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        return bool(_TLD.search(pattern_text.rsplit("@", 1)[-1]))
