"""Street addresses: "1200 N. Market Street, Suite 400", "77 Elm St Apt 3B", "88 West Corliss
Street, 14th Floor", "1747 Peachtree Street NE, Suite 2600", "1450 Paseo del Norte NE, Suite
300", "12264 El Camino Real", "3900A 31st Street North", "1120-595 Howe Street", "2727-A Allen
Parkway", "1700 K Street NW", "4703 SHAVANO OAK, SUITE 102", "555 Broadway", "1095 Avenue of the
Americas", "One Verizon Way", "17521 Highway 69 South", an office building with its suite or
floor ("Two Gateway Center, 14th Floor"), a named building before its street ("Boston House, 69
- 75 Boston Manor Road"), a European street with its number after it ("Hauptstrasse 104",
"Binger Stra\u00dfe 173", "Friedrich-Ebert-Str. 68"), a street's type before its name and the
number after ("Av. Diagonal, 549"), a street of no type known by the town, state and ZIP after
it ("3026 South Higuera, San Luis Obispo, California 93401"), "P.O. Box 1234".

A house number is followed by one space: a transcript's line number ("17   THE COURT:") is
followed by a column of spaces, and "District Court" or "the Court" is a court, not a street.
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import LabelledValueRecognizer
from lpo_review.redact.recognizers.zip_code import STATE_AND_ZIP

#: A street's type; an abbreviation takes its full stop ("St."), a word ends at its own end.
_SUFFIX = (
    r"(?:(?:street|avenue|road|boulevard|lane|drive|court|place|terrace|way|parkway|highway|"
    r"circle|square|trail|alley|plaza|turnpike|pike|row|crescent|mall)\b"
    r"|(?:st|str|ave|rd|blvd|ln|dr|ct|pl|ter|pkwy|hwy|cir|sq|trl)\b\.?)"
)
#: (a scan's split ordinal too: "4t h Floor")
_ORDINAL_FLOOR = (r"(?:\d+(?:st|nd|rd|th|[snrt][ \t][tdh])|first|second|third|fourth|fifth|sixth|"
                  r"seventh|eighth|ninth|tenth)\s+(?:floor|fl\.?)")
_UNIT_ONE = (
    r"(?:[,;]?\s+(?:(?:suite|ste\.?|apt\.?|apartment|unit|floor|fl\.?|room|rm\.?|#|ms|mail\s?stop|"
    r"lot|space|spc\.?|trlr\.?|bldg\.?)"
    r"\s*[A-Z0-9\-]+|" + _ORDINAL_FLOOR + r"))"
)
_UNIT = _UNIT_ONE + "?"
#: A quadrant after the street type: "Peachtree Street NE".
_QUADRANT = (r"(?:,?[ \t]+(?:N\.[EW]\.|S\.[EW]\.|(?:NE|NW|SE|SW|N|S|E|W|North|South|East|West|"
             r"Northeast|Northwest|Southeast|Southwest)\b\.?))?")
#: The town, state and ZIP after a street: " Terre Haute IN 47802", " San Luis Obispo, California
#: 93401" (a store list flattened into one line has no comma between them).
_TOWN_STATE_ZIP = (r"[ \t]+(?:[A-Z][\w.'\-]*[ \t]+){0,2}[A-Z][\w.'\-]*" + STATE_AND_ZIP)
#: Office parks and buildings named without a street type; an address only with a unit after
#: it ("900 Market Crossing, Suite 1450", "Two Gateway Center, 14th Floor").
_BUILDING = (r"(?:center|centre|crossing|commons|landing|plaza|park|point|pointe|tower|towers|"
             r"building|square|place)\b")
#: Street types written before the name: "Paseo del Norte", "Calle Ocho", "Avenida Paulista",
#: "El Camino Real", "6 rue Adolphe Fischer".
_PREFIX_TYPE = (r"(?:(?:El|La|Los|Las|Le|Les)[ \t]+)?"
                r"(?i:Avenida|Av\.|Calle|Camino|Paseo|Via|Rue|Rua|Strada|Boulevard|Route|Rte\.?)")
_PARTICLE = r"(?:del|de[ \t]+la|de|dos|das|do|da|di|du|la|le|los|las|van|von)\b"
#: A word of a street's name: "Peachtree", "31st", "N.", "N.E.", a saint ("St. Andrew Place",
#: "ST. FRANCIS STREET"), or a lettered street ("K Street").
_NAME_WORD = (r"(?:(?i:st|ste)\.(?=[ \t]+[A-Z])|[A-Z][A-Za-z'\-]+|\d+(?:st|nd|rd|th)|"
              r"[NS]\.[EW]\.|[NSEW]\.?|[A-Z](?=[ \t]))")
#: A house number: "1200", "3900A", "2727-A", "1120-595", a range "69 - 75" / "69 — 75".
_HOUSE_NUMBER = r"(?:\d{1,6}(?:-|[/\\]|[ \t]?[\u2013\u2014][ \t]?))?\d{1,6}(?:-?[A-Z])?"
#: A floor written before the street: "Fifth Floor 100 Wood Street", "12 Floor, 88 Wood Street".
_FLOOR_BEFORE = (r"(?:(?i:(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|"
                 r"seventh|eighth|ninth|tenth)[ \t]+floor|level[ \t]+(?:\d{1,2}|one|two|three|"
                 r"four|five|six|seven|eight|nine|ten|eleven|twelve)),?[ \t]+)?")
#: A named building before the street ("Boston House, 69 - 75 Boston Manor Road", "PETCO Park,
#: 100 Park Blvd").
_BUILDING_BEFORE = (r"(?:(?:[A-Z][A-Za-z'\-]+[ \t]+){1,2}(?:House|Tower|Building|Park|Centre|"
                    r"Center|Court|Hall|Plaza|Chambers|Lodge)(?:,[ \t]+|[ \t]{2,6}))?")
#: A European street written as one word with its type, or before its type, and the number
#: after it: "Hauptstrasse 104", "Binger Straße 173", "Keizersgracht 62".
_EUROPEAN = (r"(?:[A-Z\u00c0-\u00de][\w\u00df-]+(?:stra(?:ss|\u00df)e|str\.|weg|gasse|allee|"
             r"platz|damm|ufer|straat|gracht|laan|plein|vej|gade|gatan|v\u00e4gen|veien|"
             # (joined by a hyphen, the type keeps its capital: "Friedrich-Ebert-Str. 68")
             r"-(?:Stra(?:ss|\u00df)e|Str\.|Weg|Gasse|Allee|Platz|Ring))"
             r"|[A-Z\u00c0-\u00de][\w\u00df-]+[ \t]+(?:Stra(?:ss|\u00df)e|Str\.|Weg|Gasse|Allee|"
             r"Platz|Damm|Ring|Ufer))[ \t]+\d{1,4}[a-z]?(?:-\d{1,4}[a-z]?)?(?![\w/.,]\d)")


class StreetAddressRecognizer(LabelledValueRecognizer):
    ENTITY = "STREET_ADDRESS"
    SCORE = 0.85
    FLAGS = regex.MULTILINE
    PATTERNS = (
        # (a dash may part the number from a numbered street: "110 - 110th Ave. N.E.")
        r"(?P<value>" + _BUILDING_BEFORE + _FLOOR_BEFORE + r"\b" + _HOUSE_NUMBER
        + r"(?:[ \t]-(?=[ \t]\d))? "
        + _NAME_WORD
        + r"(?:[ \t]+"
        + _NAME_WORD
        + r"){0,4}[ \t]+(?i:"
        + _SUFFIX
        + r")"
        + _QUADRANT
        + r"(?i:"
        + _UNIT
        + r"))",
        r"(?P<value>\b(?:\d{1,6}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) "
        + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3}[ \t]+(?i:" + _BUILDING + r")(?i:"
        + _UNIT_ONE + r"))",
        r"(?P<value>\b\d{1,6} " + _PREFIX_TYPE + r"(?:[ \t]+(?:" + _PARTICLE + r"|"
        + _NAME_WORD + r")){1,5}(?:[ \t]+(?:NE|NW|SE|SW))?(?i:" + _UNIT + r"))",
        # ... and with the number after the name: "Av. Diagonal, 549", "Via Roma 12"
        r"(?P<value>\b" + _PREFIX_TYPE + r"(?:[ \t]+(?:" + _PARTICLE + r"|" + _NAME_WORD
        + r")){1,4},?[ \t]+\d{1,4}[A-Za-z]?\b(?![.,]\d)(?i:" + _UNIT + r"))",
        # Streets without a type word: "555 Broadway", "1095 Avenue of the Americas"; a house
        # number spelled out: "One Verizon Way".
        r"(?P<value>\b\d{1,6} (?:Broadway|Bowery|Avenue of the [A-Z][a-z]+)(?i:" + _UNIT + r"))",
        r"(?P<value>\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) " + _NAME_WORD
        + r"(?:[ \t]+" + _NAME_WORD + r"){0,3}[ \t]+(?i:" + _SUFFIX + r")(?i:" + _UNIT + r"))",
        r"(?P<value>\b(?i:P\.?\s?O\.?\s+Box|post\s+office\s+box)\s+\d+(?i:" + _UNIT + r"))",
        # a numbered highway or route: "17521 Highway 69 South, Suite 120", "4410 State Route 9"
        r"(?P<value>\b\d{1,6} (?:(?:State|County|U\.S\.|US|Farm[ \t]+to[ \t]+Market)[ \t]+)?"
        # (then a comma or the line's end: "in 2019 Route 9 was closed" is no address)
        r"(?:Highway|Hwy\.?|Route|Rte\.?|Rt\.?|State[ \t]+Road)[ \t]+#?\d{1,4}[A-Z]?\b" + _QUADRANT
        + r"(?i:" + _UNIT + r"))(?=[ \t]*(?:,|$)|" + _TOWN_STATE_ZIP + r")",
        r"(?P<value>\b" + _EUROPEAN + r")",
        # a street named without its type, known by the suite after it: "4703 SHAVANO OAK,
        # SUITE 102"
        r"(?P<value>\b\d{2,6}[A-Z]? " + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,2},?[ \t]+"
        r"(?i:(?:suite|ste\.?)[ \t]*[A-Z0-9\-]+|" + _ORDINAL_FLOOR + r"))",
        # a street without its type, known by the town, state and ZIP after its comma:
        # "3026 South Higuera, San Luis Obispo, California 93401"
        r"(?P<value>\b\d{1,6}[A-Z]?[ \t]+" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3})"
        r"(?=," + _TOWN_STATE_ZIP + r")",
        # a Japanese block address: "1-2, Marunouchi 1-chome"
        r"(?P<value>\b\d{1,4}-\d{1,4}(?:-\d{1,4})?,?[ \t]+[A-Z][a-z]+[ \t]+\d{1,2}-chome)",
    )

    def validate(self, value: str) -> bool:
        return not _COURT.search(value)


_COURT = regex.compile(
    r"\b(?:the|district|superior|supreme|county|circuit|family|bankruptcy|appeals|probate|"
    r"municipal|federal|state)[ \t]+court\b",
    regex.IGNORECASE,
)
