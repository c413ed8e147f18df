"""The export gate's second, independent look: detect identifiers in what leaves, afresh.

The leak check (:mod:`~lpo_review.confidential.leakcheck`) only finds values the vault knows;
a name the redactor missed is in no vault.  So every outgoing file is also read as a vendor
would read it and searched again:

* **direct identifiers**: the matter's recognizers and NER run over the text of each file
  (the vendor JSON's values, every DOCX part's paragraphs, HTML text, file names; each line
  once per document), under the packet's profile; any span of a *direct* identifier type
  (:data:`~lpo_review.redact.profiles.STANDARD`: names, contact data, numbers) outside a
  placeholder refuses the export: no redaction explains it.  A person's name must hold a
  distinctive word (:func:`~lpo_review.confidential.identifying.is_distinctive`), and an NER
  guess must also read as given name + distinctive surname: the NER, run again on text with
  placeholders in it, guesses differently, and "ENCOUNTER", "Westlake" or "FORCE MAJEURE" on
  a line of their own are no names.  The export's own file names and IDs, SHA-256 digests and
  the labels of the vendor format (``entity_type``, ``cite``...) explain themselves.
* **identifier-shaped tokens** in a personal record (a transcript, a medical record, a letter;
  not a contract, whose numbers are a company's): a word of letters and digits with five
  digits or more and a letter or an inner separator (``GD-23-014472``, ``RAD-77410256``,
  ``20-66147``), or a run of seven digits or more, that is no date, decimal, section number or
  year range.  The recognizers want a label or a cue before such a number; at the gate its
  shape is enough.
* **key material**, in every byte of every file: a PEM block (``-----BEGIN ... KEY-----``), an
  OpenSSH key, the matter's vault key in any of its encodings, and long high-entropy tokens
  (an API key, a password hash).

What it cannot do: see an identifier no recognizer and no NER model knows (a nickname used alone,
a number spelled out in words), or judge a quasi-identifier (a rare job title, a small town)
that only identifies in context.  Values an attorney has cleared (``[matter]
leak_check_allow``), and parts of them, are not reported.
"""

from __future__ import annotations

import base64
import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable

from lpo_review.confidential.file_texts import readable_texts
from lpo_review.confidential.identifying import is_distinctive
from lpo_review.confidential.leakcheck import Leak
from lpo_review.model import Document, LineMap
from lpo_review.redact.name_evidence import is_given_name
from lpo_review.redact.names import NEEDS_EVIDENCE
from lpo_review.redact.profiles import STANDARD
from lpo_review.redact.recognizers.id_number import is_identifier
from lpo_review.redact.redactor import PLACEHOLDER, PseudonymTable, Redactor
from lpo_review.textdates import possible_dates
from lpo_review.textnorm import tokens

#: Entity types whose every detection must be explained by a placeholder.
DIRECT = STANDARD
KEY_MATERIAL = "KEY_MATERIAL"
_PEM = re.compile(r"-----BEGIN [A-Z0-9 ]{3,40}-----")
_OPENSSH = re.compile(r"\b(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d+) AAAA[0-9A-Za-z+/]{20,}")
#: A run that could be a secret: 32 or more characters of the base64 alphabets.
_TOKEN = re.compile(r"(?<![0-9A-Za-z+/_=-])[0-9A-Za-z+/_=-]{32,}(?![0-9A-Za-z+/_=-])")
#: Shannon entropy (bits per character) above which such a run is taken for a secret; English
#: text and hex digests stay below it, random base64 keys are near 5.
SECRET_BITS_PER_CHAR = 4.3
_SHA256 = r"\b[0-9a-f]{64}\b"
#: A word holding digits, with inner separators: "GD-23-014472", "20-66147", "1298844".
_WORD_WITH_DIGITS = re.compile(r"(?<![\w/.\-])(?=[\w/.\-]*\d)[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*")
#: Numbers that identify no one, besides those the recognizers already know
#: (:func:`~lpo_review.redact.recognizers.id_number.is_identifier`: years, dates, times, section
#: numbers): year ranges ("2019-2020"), ordinals and measures ("1500mg", "10th"), readings and
#: ranges ("128/64", "70-180"), ISO timestamps ("2000-01-01T00"), ICD-10 codes ("S52.502A").
_NOT_AN_IDENTIFIER = re.compile(
    r"(?:19|20)\d\d[-/](?:19|20)?\d\d|\d+(?:st|nd|rd|th|mg|mcg|ml|kg|lbs?|cm|mm)"
    r"|\d{1,3}[/-]\d{1,3}|\d{4}-\d\d-\d\dT\d\d|[A-TV-Z]\d\d(?:\.\d{1,4}[A-Z]{0,2})?",
    re.IGNORECASE,
)


def _entropy(token: str) -> float:
    counts = Counter(token)
    return -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())


def _is_secret(token: str) -> bool:
    mixed = (any(c.isupper() for c in token) and any(c.islower() for c in token)
             and any(c.isdigit() for c in token))
    return mixed and _entropy(token) >= SECRET_BITS_PER_CHAR


def key_encodings(key: bytes) -> list[str]:
    """The forms a key could be pasted in: hex, base64 and URL-safe base64, padded or not."""
    forms = [key.hex(), base64.b64encode(key).decode(), base64.urlsafe_b64encode(key).decode()]
    return forms + [f.rstrip("=") for f in forms if f.endswith("=")]


class SecondLook:
    """Re-detects identifiers and key material in outgoing files (see the module docstring)."""

    def __init__(
        self,
        redactor_for: Callable[[str], Redactor],
        secrets: Iterable[bytes] = (),
        allowed: Collection[str] = (),
        own_names: Iterable[str] = (),
        dictionary: Collection[str] = frozenset(),
        format_keys: Collection[str] = (),
    ):
        """``redactor_for(profile)``: the matter's redactor under a profile; ``secrets``: keys
        whose encodings must never leave (the vault key); ``allowed``: compacted cleared values;
        ``own_names``: the export's file names and IDs (``DOC-000001.docx`` is no URL);
        ``dictionary``: English words (no name is made of them only); ``format_keys``: JSON keys
        whose values are labels of the format, not text."""
        self._dictionary = dictionary
        self._format_keys = format_keys
        self._redactor_for = redactor_for
        names = sorted(set(own_names), key=len, reverse=True)
        self._own = re.compile("|".join([_SHA256, *map(re.escape, names)]))
        self._secrets = [form for key in secrets for form in key_encodings(key)]
        self._allowed = set(allowed)

    def scan(
        self, document: str, profile: str, files: dict[str, bytes], kind: str = "other"
    ) -> list[Leak]:
        """What a vendor-bound document's files hold that nothing explains; ``kind``: the
        document's kind (identifier shapes are looked for except in a contract)."""
        found: list[Leak] = []
        for name, data in files.items():
            found += self.key_material(document, name, data)
        lines: dict[str, str] = {}
        for name, data in files.items():
            texts = readable_texts(name, data, self._format_keys)
            for location, text in [(f"file name {name}", name), *texts]:
                for line in text.splitlines():
                    if line.strip():
                        lines.setdefault(line.strip(), location)
        if lines:
            found += self._identifiers(document, profile, lines)
            if kind != "contract":
                found += self._identifier_shapes(document, lines)
        return found

    def _identifier_shapes(self, document: str, lines: dict[str, str]) -> list[Leak]:
        found: dict[str, Leak] = {}
        for line, location in lines.items():
            line = self._own.sub(" ", PLACEHOLDER.sub(" ", line))
            dates = [(s, e) for s, e, _days in possible_dates(line)]
            for m in _WORD_WITH_DIGITS.finditer(line):
                value = m.group()
                if any(s < m.end() and m.start() < e for s, e in dates):
                    continue
                if _identifier_shaped(value) and not self._cleared(value):
                    found.setdefault(value, Leak(document, location, "ID_NUMBER", value,
                                                 unexplained=True))
        return list(found.values())

    def key_material(self, document: str, name: str, data: bytes) -> list[Leak]:
        """PEM blocks, OpenSSH keys, the secrets' encodings and high-entropy tokens in ``data``."""
        raw = data.decode("utf-8", errors="replace")
        hits = [m.group() for m in _PEM.finditer(raw)] + [m.group() for m in _OPENSSH.finditer(raw)]
        hits += [s for s in self._secrets if s in raw]
        hits += [m.group() for m in _TOKEN.finditer(raw) if _is_secret(m.group())]
        return [Leak(document, name, KEY_MATERIAL, hit, unexplained=True)
                for hit in dict.fromkeys(hits)]

    def _cleared(self, value: str) -> bool:
        """Whether the attorney cleared ``value`` or a term it is part of ("MAJEURE" of a
        cleared "Force Majeure")."""
        compact = "".join(tokens(value))
        return bool(compact) and any(compact in allowed for allowed in self._allowed)

    def _names_someone(self, value: str, recognizer: str) -> bool:
        """Whether a person detected again is evidently one: a distinctive word, and for an NER
        guess also a given name first and a distinctive surname ("Harriet Quennell"; not
        "Westlake", "MBRK DELIVERABLES" or "Exhibit D Plazomicin Chemical")."""
        words = tokens(value)
        if not any(is_distinctive(t, self._dictionary) for t in words):
            return False
        if recognizer not in NEEDS_EVIDENCE:
            return True
        first = value.split()[0] if value.split() else ""
        return (len(words) >= 2 and is_given_name(first.capitalize())
                and is_distinctive(words[-1], self._dictionary))

    def _identifiers(self, document: str, profile: str, lines: dict[str, str]) -> list[Leak]:
        text = "\n".join(lines)
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line) + 1
        redactor = self._redactor_for(profile)
        doc = Document(source=document, sha256="", text=text, lines=LineMap.from_text(text),
                       fmt="text")
        result = redactor.redact(doc, PseudonymTable())
        placeholders = sorted([m.span() for m in PLACEHOLDER.finditer(text)]
                              + [m.span() for m in self._own.finditer(text)])
        found: dict[tuple[str, str], Leak] = {}
        locations = list(lines.values())
        for entry in result.entries:
            if entry.entity_type not in DIRECT:
                continue
            value = _outside(text, entry.start, entry.end, placeholders)
            if value is None or self._cleared(value):
                continue
            if entry.entity_type == "PERSON" and not self._names_someone(value, entry.recognizer):
                continue
            line_no = bisect.bisect_right(starts, entry.start) - 1
            found.setdefault((entry.entity_type, value), Leak(
                document, locations[line_no], entry.entity_type, value, unexplained=True))
        return list(found.values())


def _identifier_shaped(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    if digits < 5 or not is_identifier(value) or _NOT_AN_IDENTIFIER.fullmatch(value):
        return False
    return digits >= 7 or any(ch.isalpha() for ch in value) or bool(re.search(r"\d[-/]\d", value))


def _outside(text: str, start: int, end: int, placeholders: list[tuple[int, int]]) -> str | None:
    """The detected span without the placeholders it touches (``None``: nothing left)."""
    pieces, at = [], start
    for s, e in placeholders:
        if e <= start or s >= end:
            continue
        pieces.append(text[at:max(at, s)])
        at = max(at, e)
    pieces.append(text[at:end])
    value = " ".join(p.strip() for p in pieces if p.strip())
    return value if sum(ch.isalnum() for ch in value) >= 2 else None
