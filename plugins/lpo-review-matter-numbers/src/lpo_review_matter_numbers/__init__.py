"""Example lpo-review plugin: a recognizer for the firm's client and matter numbers."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from lpo_review import hookimpl

ENTITY = "MATTER_NUMBER"


class MatterNumberRecognizer(PatternRecognizer):
    """Client numbers ``CLT-004512`` and matter numbers ``MAT-2024-00731`` / ``Matter No. ...``."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=ENTITY,
            name="MatterNumberRecognizer",
            patterns=[
                Pattern("client number", r"\bCLT-\d{6}\b", 0.9),
                Pattern("matter number", r"\bMAT-\d{4}-\d{5}\b", 0.9),
                Pattern("matter no.", r"(?<=Matter No\. )\d{4}-\d{5}\b", 0.85),
            ],
            context=["client", "matter"],
        )


@hookimpl
def lpo_review_recognizers(config, profile):
    """Add the matter-number recognizer to every profile that redacts anything."""
    return [] if profile == "none" else [MatterNumberRecognizer()]
