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


class CaseNumberRecognizer(LabelledValueRecognizer):
    ENTITY = "CASE_NUMBER"
    PATTERNS = (
        _LABEL + _NO + r"(?P<value>" + ID_VALUE + r"(?:" + _LIST_SEP + ID_VALUE + r")*)",
        # "(no. 28045/02)": a bare "no." followed by a number/year pair.
        r"\bnos?\.\s*(?P<value>\d{1,7}/\d{2,4}(?:" + _LIST_SEP + r"\d{1,7}/\d{2,4})*)",
        # Federal docket numbers without a label.
        r"(?P<value>\b\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[A-Z]{1,4})*\b)",
    )
    ITEM = ID_VALUE
