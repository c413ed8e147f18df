"""Span clean-up before replacement: one mention, one span.

Before names are linked (:func:`fit_to_structure`):

* A mention never runs across a line break, a tab or a run of three spaces (a table cell:
  "Dr. Vance<TAB>Mercy Clinic"); a person's name never across two spaces, " / " (two attorneys
  on one line) or a number standing alone (a transcript's line number). The pieces are kept as
  separate detections.
* No mention starts with a transcript's line number and "Q." or "A." ("13  A. Harriet
  Quennell" is no sum of money, "Q. State your name" no person); a "sum of money" with no
  digit, currency sign or currency word is dropped; a number or phone at the start of a line
  does not take in a transcript line number before it ("16 BV-30117", "1 (503) 555-0146").
* A person's name takes in a generational suffix ("Schumann, III") and the rest of a hyphenated
  surname ("Okafor-Brandt"), and stops before a field label ("John Madden Name: John Madden
  Title:" in a flattened signature block) and leaves out a document-reference word NER took
  in ("Castellano Exhibit 1", so "Exhibit" is never taken for a name), and an e-mail header's
  field name at the start of a line is no name ("Attachments:"), nor the first word of a
  two-word field label there ("Encounter Date:"), nor a numbered section's heading in capitals
  ("16. MISCELLANEOUS", unless its first word is a given name); a URL takes in the rest of its word
  ("libertycourt.example", not "li").

After (:func:`tidy_spans`):

* A leading article and a possessive ending stay outside the span: "the <ORGANIZATION_1>'s".
* A detection around a higher-scoring one of another type gives way to it, and so does any
  detection of the very span of one of the matter's counsel (``COUNSEL`` beats ``PERSON`` and
  ``EMAIL_ADDRESS``: that a lawyer is named is what the privilege screen must see).
* Mentions the NER splits are joined: "1 March and 31 December 1998", "Lublin, Poland",
  "between 5 May and 24 October" (same entity type, separated only by a connector).
* A name is widened over the parenthetical right after it that glosses or abbreviates it:
  "Moers District Court (Amtsgericht)", "Acme Corp. (“Acme”)", "5,699 euros (EUR)"; a role in
  parentheses ("(“the applicant”)") is not part of the name, and a person's parenthetical
  is only when it repeats the name ("Jane Roe (“Roe”)", not "Jane Roe (together, the
  “Nominees”)").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from lpo_review.redact.recognizers.counsel import ENTITY as COUNSEL
from lpo_review.redact.recognizers.labelled_name import OFFICE_NOUNS
from lpo_review.textdates import find_dates

#: Entity types whose neighbouring pieces form one mention.
JOINABLE = frozenset({"DATE_TIME", "DATE", "LOCATION", "MONEY"})
#: Entity types a following parenthetical gloss belongs to.
GLOSSABLE = frozenset({"ORGANIZATION", "LOCATION", "PERSON", "MONEY"})

_CONNECTOR = re.compile(
    r"[ \t]*(?:,|and|to|or|until|till|-|–|—|/|&)?[ \t]*(?:on[ \t]+)?", re.IGNORECASE
)
_LEADING_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_COLUMN_GAP = re.compile(r"[ ]{2,}|[ ]*\t[ \t]*")
_DAY_TYPES = frozenset({"DATE", "DATE_TIME"})


def _one_day(value: str) -> bool:
    """Whether ``value`` is one whole, readable date (a day of some month of some year)."""
    found = find_dates(value)
    return len(found) == 1 and found[0].status in ("ok", "ambiguous") and \
        found[0].end - found[0].start >= len(value.strip()) - 6
_TRAILING_POSSESSIVE = re.compile(r"['\u2019]s?$")
#: A document-reference word NER takes into a name ("Castellano Exhibit 1", "Deposition of").
_REFERENCE = (r"(?:Exhibits?|Deposition|Depo\.?|Attachments?|Appendix|Appendices|Schedules?|"
              r"Annex(?:es)?|Articles?|Sections?|Clauses?|Paragraphs?)")
_REFERENCE_AFTER = re.compile(r"[ \t]+(?:Ex\.|" + _REFERENCE + r")$")
#: .match at the name's start: the reference and its designator ("Schedule B. Ownership of")
_REFERENCE_FIRST = re.compile(_REFERENCE + r"[ \t]+(?:[A-Z0-9]{1,4}(?:[.\-][A-Z0-9]{1,3})*"
                              r"[.,:;]?[ \t]+)?")
_REFERENCE_ONLY = re.compile(_REFERENCE, re.IGNORECASE)
_ARTICLE_FIRST = re.compile(r"(?:The|A|An|This|These|Such|Each|Any)[ \t]+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_GLOSS = re.compile(
    r"[ \t]?\((?![“\"'‘]?(?:the|a|an|hereinafter)\b)(?=[^()\n]*[^\W\d_])[^()\n]{1,80}\)"
)


_LINE_OR_TAB = r"\r?\n|\r|\t"
#: Where a mention of any type ends (addresses may wrap onto a second line, so not theirs).
_LINE_OR_CELL = re.compile(r"[ \t]*(?:" + _LINE_OR_TAB + r"| {3,})[ \t\r\n]*")
#: Where a person's name also ends: two spaces (a column of a flattened table: "John Thievon
#: CEO"), a slash between names, a number standing alone.
_NAME_BREAK = re.compile(
    r"[ \t\r\n]*(?:" + _LINE_OR_TAB + r"| {2,}|[ \t]/[ \t]|(?<!\S)\d+(?!\S))[ \t\r\n]*")
_UNBROKEN_TYPES = frozenset({"STREET_ADDRESS"})
_EDGE_JUNK = ",;:|_=*-\u2013\u2014 \t\r\n"
_HYPHEN_AFTER = re.compile(r"-[^\W\d_][\w'\u2019]*")
_HYPHEN_BEFORE = re.compile(r"[^\W\d_][\w'\u2019]*-$")
_GENERATION = re.compile(r",?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w])")
_ABBREVIATED_GENERATION = re.compile(r"[ \t,](?:Jr|Sr)$")
_FIELD_LABEL_AT_END = re.compile(r"[ \t]+[A-Z][a-z]+$")  # "Madden Name:", not "Chase H:"
#: An e-mail header field's name at the start of its line ("Attachments: report.docx" after a
#: subject that ends in a name, which NER runs on into the next line).
_HEADER_LABEL = re.compile(r"From|To|Cc|Bcc|Sent|Date|Subject|Attachments?|Importance",
                           re.IGNORECASE)
#: A numbered section's head before a heading in capitals: "16. ", "Section 12.", "ARTICLE IV ".
_HEADING_CONNECTORS = frozenset({"of", "and", "or", "the", "to", "for", "in", "on", "&"})
#: A sentence going on after a heading's full stop: "Partial Invalidity. If any provision".
_SENTENCE_AFTER = re.compile(r"[ \t]*[.:][ \t]+[A-Z]")
_HEADING_WORD = r"(?:[A-Z][\w'\u2019&-]*|of|and|or|the|to|for|in|on|&)"
#: A section's number and heading: at a line's start, after a sentence or after a column gap;
#: the heading ends at its full stop, colon, a column gap or the line's end.  A number without
#: a dot or a section word before it is a transcript's line number ("23   Kwame. I never").
_SECTION_HEADING = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;:])[ \t]+|[ \t]{2,})[ \t]*"
    r"(?:(?:section|article|clause)[ \t]+(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6})\.?|"
    r"\d{1,3}(?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+|[IVXL]{1,6}\.|"
    r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))[ \t]+(?:[\u2013\u2014-][ \t]+)?"
    r"(?P<heading>(?-i:[A-Z][\w'\u2019&-]*)(?:[ \t](?-i:" + _HEADING_WORD + r"))*)"
    r"(?=[ \t]*(?:[.:](?:\s|$)|\r?\n|$)|[ \t]{2,}|[ \t]+\d{1,3}\.\d)",
    re.IGNORECASE | re.MULTILINE)
#: The second word of a two-word field label and its colon: "Encounter| Date:", "Visit| Type:".
_LABEL_TAIL = re.compile(r"[ \t]+(?:Date|Time|Type|No\.?|Number|Status|Reason|Location|"
                         r"Provider|Clinic|Code|Note|Summary)[ \t]*:")
#: A transcript's question or answer mark at the start of a line: "Q. State your name" has no
#: initial "Q.".
_SPEAKER_MARK = re.compile(r"(?:^|(?<=\n))[ \t]*(?:\d{1,2}[ \t]+)?[QA]\.?[ \t]+")
_NEXT_TOKEN = re.compile(r"[ \t]+([A-Z]{0,4}-?\d[\w\-]*)")
_LINE_NUMBER_LEAD = re.compile(r"\d{1,2}[ \t]+(?=\(\d{3}\)|[A-Z]{1,4}-?\d)")
#: Types whose value may itself open with a small number ("16 Elm Street", "3 March 2024").
_MAY_OPEN_WITH_NUMBER = frozenset({"STREET_ADDRESS", "DATE", "DATE_TIME", "DATE_OF_BIRTH",
                                   "PERSON", "ORGANIZATION", "LOCATION", "MONEY", "AGE"})
_MONEY_SIGN = re.compile(r"[\d$€£¥]|dollar|euro|pound|cent|yen|\b(?:usd|eur|gbp)\b", re.I)
_URL_TAIL = re.compile(r"[^\s<>\"'()\[\]{}]*")
_URL_END_PUNCT = ".,;:!?"


def _copy(r: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(r.entity_type, start, end, r.score, r.analysis_explanation,
                            dict(r.recognition_metadata or {}))


def _pieces(text: str, r: RecognizerResult) -> list[RecognizerResult]:
    """``r`` cut at every structural break inside it, edges trimmed of spaces and rules."""
    if r.entity_type in _UNBROKEN_TYPES:
        return [r]
    breaks = _NAME_BREAK if r.entity_type == "PERSON" else _LINE_OR_CELL
    cuts = [m.span() for m in breaks.finditer(text, r.start, r.end) if m.end() > m.start()]
    if not cuts:
        return [r]
    pieces, pos = [], r.start
    for cut_start, cut_end in [*cuts, (r.end, r.end)]:
        start, end = pos, cut_start
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            pieces.append(_copy(r, start, end))
        pos = cut_end
    return pieces


def is_section_heading(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in a section's heading: capitalised words right after its
    number, up to the heading's full stop, colon, column gap or line end ("12. FORCE MAJEURE",
    "13.  Waivers.  A waiver", "(i) Non-Recourse. Notwithstanding", "Section 17 - Non Waiver",
    "ARTICLE 5. MISCELLANEOUS 5.1"), unless it reads as a person in a numbered list: two or
    three words, no connector, no sentence after them, and a given name first or a word rare in
    English ("1. John Smith", "2. Mateo Okafor."; not "3. Partial Invalidity. If any"), or a
    first word that is a given name before it is an English word ("1. Priscilla")."""
    # imported here: name_evidence reads the keep rules, which read the recognizers
    from lpo_review.redact.name_evidence import GIVEN_NAME_ZIPF, RARE_ZIPF, is_given_name, zipf

    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for m in _SECTION_HEADING.finditer(text, line_start, line_end):
        if not (m.start() <= start and end <= m.end("heading") and start < m.end("heading")):
            continue
        words = m["heading"].split()
        given = is_given_name(words[0].capitalize())
        if m["heading"].isupper() and not given and not text[m.end():line_end].strip(" \t.:"):
            return True  # "16. MISCELLANEOUS" filling its line
        listed = (2 <= len(words) <= 3 and not {w.lower() for w in words} & _HEADING_CONNECTORS
                  and not _SENTENCE_AFTER.match(text, m.end("heading")))
        if listed and (given or any(zipf(w.casefold()) < RARE_ZIPF for w in words)):
            return False
        return not (given and zipf(words[0].casefold()) < GIVEN_NAME_ZIPF)
    return False


#: A credential in capitals at the end of a name written surname first, after a space
#: ("QUAYE,MARISOL RN").
_TRAILING_CREDENTIAL = re.compile(r"[ \t]+(?:RN|LPN|LVN|CNA|MD|DO|NP|APRN|PA-C|DPT|OTR|MSW|LCSW|"
                                  r"PharmD|DDS|DMD)$")

#: An office, or a signature table's field word, after a name of two words or more ("Ms. Chen
#: Weijie Coordinator/Lead Developer", "/s/ Jean-Fran\u00e7ois Huc Signature").
_TRAILING_OFFICE = re.compile(r"\S[ \t]+(?:" + "|".join(sorted(OFFICE_NOUNS)) + r"|signature|title)$",
                              re.IGNORECASE)


def fit_to_structure(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Cut detections at line, cell, slash and line-number breaks; widen names over hyphenated
    surnames and URLs over the rest of their word (see the module docstring)."""
    fitted = [piece for r in results for piece in _pieces(text, r)]
    for r in fitted:
        line_start = text.rfind("\n", 0, r.start) + 1
        mark = _SPEAKER_MARK.match(text, line_start)
        if mark and line_start <= r.start < mark.end() < r.end:
            r.start = mark.end()
        if r.entity_type == "PERSON":
            suffix = _GENERATION.match(text, r.end)
            if suffix:
                r.end = suffix.end()  # "William H. Schumann, III"
            elif _ABBREVIATED_GENERATION.search(text, r.start, r.end) and \
                    text.startswith(".", r.end):
                r.end += 1  # "Edward Foy, Jr." keeps its full stop
            if (credential := _TRAILING_CREDENTIAL.search(text, r.start, r.end)) and \
                    "," in text[max(0, r.start - 1):credential.start()]:
                r.end = credential.start()  # "QUAYE,MARISOL RN" (but "PHUONG L. DO" is a name)
            if (office := _TRAILING_OFFICE.search(text, r.start, r.end)) and \
                    " " in text[r.start:office.start() + 1].strip():
                r.end = office.start() + 1
            label = _FIELD_LABEL_AT_END.search(text, r.start, r.end)
            if label and text.startswith(":", r.end) and label.start() > r.start:
                r.end = label.start()  # "John Madden Name: ...": the field label is no name
            if _REFERENCE_ONLY.fullmatch(text, r.start, r.end):  # "Q. Exhibit B" less its label
                r.end = r.start
            elif (r.start == line_start and text.startswith(":", r.end)
                  and _HEADER_LABEL.fullmatch(text, r.start, r.end)):
                r.end = r.start
            elif (r.start == line_start and " " not in text[r.start:r.end]
                  and _LABEL_TAIL.match(text, r.end)):
                r.end = r.start  # "Encounter Date: 22FEB2024": a field's label, no name
            elif is_section_heading(text, line_start, r.start, r.end):
                r.end = r.start  # "16. MISCELLANEOUS", "12. FORCE MAJEURE"
            elif ref := _REFERENCE_AFTER.search(text, r.start, r.end):  # "Castellano Exhibit"
                r.end = ref.start()
            elif (ref := _REFERENCE_FIRST.match(text, r.start, r.end)) and ref.end() < r.end:
                r.start = ref.end()  # "Exhibit B. Have", "Schedule B. Schedule"
                if article := _ARTICLE_FIRST.match(text, r.start, r.end):
                    r.start = article.end()  # "Schedule B. The Managing Group": a sentence
                if _REFERENCE_ONLY.fullmatch(text, r.start, r.end):
                    r.end = r.start
            after = _HYPHEN_AFTER.match(text, r.end)
            if after and after.group()[1].isupper():
                r.end = after.end()
            before = _HYPHEN_BEFORE.search(text, max(0, r.start - 40), r.start)
            if before and before.group()[0].isupper():
                r.start = before.start()
        elif r.entity_type not in _MAY_OPEN_WITH_NUMBER and not text[line_start:r.start].strip():
            if lead := _LINE_NUMBER_LEAD.match(text, r.start, r.end):
                r.start = lead.end()  # "16 BV-30117", " 1 (503) 555-0146": a line number first
            elif re.fullmatch(r"\d{1,2}", text[r.start:r.end]):
                # "my badge number\n16 BV-30117": the value is after the line number, if any
                value = _NEXT_TOKEN.match(text, r.end)
                r.start, r.end = (value.start(1), value.end(1)) if value else (r.start, r.start)
        if r.entity_type == "URL":
            tail = _URL_TAIL.match(text, r.end)  # matches, if only the empty string
            r.end = tail.end() if tail else r.end
            while r.end > r.start and text[r.end - 1] in _URL_END_PUNCT:
                r.end -= 1
    return [r for r in fitted if r.end > r.start
            and (r.entity_type != "MONEY" or _MONEY_SIGN.search(text, r.start, r.end))]


def drop_outranked(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Drop a detection that contains a higher-scoring one of another type ("IL 62704" read as an
    organisation around the ZIP code "62704"): Presidio's anonymizer would keep the outer one.
    A detection of exactly a counsel's span gives way to it (an equal score would be a toss)."""
    counsel = {(r.start, r.end) for r in results if r.entity_type == COUNSEL}
    ordered = sorted((r for r in results
                      if r.entity_type == COUNSEL or (r.start, r.end) not in counsel),
                     key=lambda r: (r.start, -r.end))
    dropped: set[int] = set()
    for i, outer in enumerate(ordered):
        for inner in ordered[i + 1 :]:
            if inner.start >= outer.end:
                break
            if (
                inner.entity_type != outer.entity_type
                and inner.end <= outer.end
                and inner.score > outer.score
            ):
                dropped.add(i)
                break
    return [r for i, r in enumerate(ordered) if i not in dropped]


def _shares_a_word(name: str, gloss: str) -> bool:
    """A person's gloss repeats a word of the name ("John Smith ("Smith")"); "(together, the
    "Nominees")" after a name glosses a list, not the person."""
    return bool({w.casefold() for w in _WORDS.findall(name)} &
                {w.casefold() for w in _WORDS.findall(gloss)})


def tidy_spans(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Trim articles and possessive endings, join split mentions and widen names over their
    glosses (results sorted by start)."""
    for r in results:
        article = _LEADING_ARTICLE.match(text, r.start, r.end)
        if article and article.end() < r.end:
            r.start = article.end()
        possessive = _TRAILING_POSSESSIVE.search(text, r.start, r.end)
        if possessive and possessive.start() > r.start:
            r.end = possessive.start()
    ordered = drop_outranked(results)
    joined: list[RecognizerResult] = []
    last_by_type: dict[str, RecognizerResult] = {}
    for r in ordered:
        prev = last_by_type.get(r.entity_type)
        if (
            r.entity_type in JOINABLE
            and prev is not None
            and prev.end <= r.start
            and _CONNECTOR.fullmatch(text, prev.end, r.start)
            and not _COLUMN_GAP.fullmatch(text, prev.end, r.start)
            and not (r.entity_type in _DAY_TYPES and _one_day(text[prev.start:prev.end])
                     and _one_day(text[r.start:r.end]))
        ):  # not two columns, nor two whole dates ("03/11/2025 - 03/14/2025": each shifts)
            prev.end = max(prev.end, r.end)
            prev.score = max(prev.score, r.score)
            continue
        joined.append(r)
        last_by_type[r.entity_type] = r
    for r in joined:
        if r.entity_type in GLOSSABLE:
            m = _GLOSS.match(text, r.end)
            if m and (r.entity_type != "PERSON" or _shares_a_word(text[r.start:r.end], m.group())):
                r.end = m.end()
    return joined
