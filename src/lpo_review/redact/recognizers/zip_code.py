"""US ZIP codes after a state (name or postal abbreviation) or a "ZIP" label."""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
_STATE_NAMES = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    r"Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    r"Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|"
    r"New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|"
    r"Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|"
    r"Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|Puerto\s+Rico"
)
#: US state names (and Puerto Rico, DC), as written.
US_STATE_NAMES: tuple[str, ...] = tuple(n.replace(r"\s+", " ") for n in _STATE_NAMES.split("|")) + (
    "District of Columbia",
)
_ZIP = r"(?P<value>\d{5}(?:-\d{4})?)(?![\d\-])"
#: A state and a ZIP code after a town: ", Colorado 80014", " CA. 95616".
STATE_AND_ZIP = (r",?[ \t]+(?:(?:" + _STATES + r")\.?|" + _STATE_NAMES
                 + r"),?[ \t]+\d{5}(?![\d])")


class ZipCodeRecognizer(LabelledValueRecognizer):
    ENTITY = "ZIP_CODE"
    SCORE = 0.85
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"\b(?:" + _STATES + r")\.?,?\s+" + _ZIP,
        r"\b(?:" + _STATE_NAMES + r"),?\s+" + _ZIP,
        r"(?i:\bzip(?:\s*code)?|\bpostal\s+code)\s*[:#]?\s*" + _ZIP,
    )
