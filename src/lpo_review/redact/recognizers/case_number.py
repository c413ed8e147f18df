"""Case, docket, index and application numbers of courts and agencies.

"Case No. 2:23-cv-01234-ABC", "Index No. 123456/2023", "Docket No. A-1234-19", ECHR style
"application no. 28045/02" / "applications nos. 123/02 and 456/03", and federal docket numbers on
their own ("1:19-cr-00042").
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import ID_VALUE, LabelledValueRecognizer

_LABEL = (
    r"\b(?:case|civil\s+action|criminal\s+action|docket|index|file|cause|claim|matter|appeal|"
    r"applications?|complaint|petition|charge|indictment|action|adversary\s+proceeding|"
    r"reference|ref\.?|A-file|alien)"
)
_NO = r"\s*(?:nos?\b\.?|numbers?\b|#)\s*:?\s*"
_LIST_SEP = r"(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*)"
#: A state court's number in words apart: year, case type, sequence ("24 WC 018377",
#: "2023 L 004417").
_SPACED = r"\b(?:19|20)?\d{2}[ \t]+(?-i:[A-Z]{1,4})[ \t]+\d{4,7}\b"


class CaseNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "CASE_NUMBER"
    PATTERNS = (
        _LABEL + _NO + r"(?!" + _SPACED + r")(?P<value>" + ID_VALUE + r"(?:" + _LIST_SEP + ID_VALUE
        + r")*)",
        # "No. 24 WC 018377", "case number 2023 L 004417"
        r"(?:" + _LABEL + r"|\b)" + _NO + r"(?P<value>" + _SPACED + r")",
        # "(no. 28045/02)": a bare "no." followed by a number/year pair.
        r"\bnos?\.\s*(?P<value>\d{1,7}/\d{2,4}(?:" + _LIST_SEP + r"\d{1,7}/\d{2,4})*)",
        # Federal docket numbers without a label.
        r"(?P<value>\b\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[A-Z]{1,4})*\b)",
    )
    ITEM = r"(?:" + _SPACED + r")|" + ID_VALUE
