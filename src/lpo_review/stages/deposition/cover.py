"""The cover summary of a deposition: who testified, when, where, who appeared, how long.

Read from the transcript's front matter (caption, title page, appearances, the reporter's
preamble) and from the record made during the testimony (examinations, the time the deposition
concluded).  Every item cites the line it was read from; an item the transcript does not give
is left out rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from lpo_review.stages.deposition.transcript import Line, Transcript, Turn
from lpo_review.textdates import find_dates


@dataclass
class CoverItem:
    """One line of the cover summary and the transcript span it was read from."""

    item: str
    detail: str
    start: int
    end: int


_DEPONENT = re.compile(r"\bDEPOSITION\s+OF\b\s*(?:THE\s+WITNESS\s+)?(?P<who>\S.*?)?[,.]?$", re.I)
_SWORN = re.compile(r"^(?P<who>\S.*?),?\s*(?:having been|called as a witness|a witness)", re.I)
_TIME = re.compile(r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ap>[ap])\.?\s*m\b\.?", re.I)
_PLACE = re.compile(
    r"(?:\bat the (?:law )?offices? of|\btaken(?:\s+(?:on\s+behalf\s+of|by|for)\s+(?:the\s+)?"
    r"[\w'\u2019-]+)?\s+at(?!\s+\d)(?! the instance)|\bheld at|\blocated at|"
    r"\bconvened at|(?:a|p)\.m\.,?\s+at|\b(?:location|place)\s*:"
    # the office under the date and time on a title page: "9:03 a.m. / Basalt Ridge Court
    # Reporting, LLC / 415 East Granary Street, ..."
    r"|(?:a|p)\.m\.(?=\s+[A-Z][^;]{2,60}?\b(?:Reporting|Reporters|LLP|LLC|P\.C\.|Offices?|Hotel|"
    r"Courthouse|Suite|Street|Avenue|Boulevard|Road)\b))\s+(?P<place>[^;(]{3,200}?)"
    r"(?=,?\s+(?:on|commencing|beginning|before|pursuant|at\s+\d)\b|\.\s|\.$|\s*\(|$)", re.I)
#: A deposition taken remotely: "Taken by the Plaintiff via Zoom videoconference", "by remote
#: video conference".
_REMOTE = re.compile(r"\b(?:via|by|through)\s+(?P<place>(?:(?:zoom|microsoft\s+teams|teams|webex|"
                     r"remote|secure|web-?based)\s+)*video[- ]?conferenc\w*|(?:zoom|microsoft\s+"
                     r"teams|webex)\b|remote\s+(?:means|video\w*))", re.I)
#: A corporation's designee: "... OF DEFENDANT BRIGHTWATER LOGISTICS, INC., PURSUANT TO FED. R.
#: CIV. P. 30(b)(6), BY ITS DESIGNEE GRETCHEN A. MALLORY".
_DESIGNEE = re.compile(r"\b(?:by|through)\s+its\s+(?:corporate\s+)?(?:designee|representative)s?"
                       r"\s*,?\s+(?P<who>(?:<[A-Z_]+_\d+>|[A-Z][\w.'\u2019-]*)(?:\s+(?:<[A-Z_]+_\d+>|"
                       r"[A-Z][\w.'\u2019-]*)){0,4})", re.I)
_APPEARANCES = re.compile(r"^APPEARANCES?\b", re.I)
_PARTY_HEAD = re.compile(r"^(?:(?:for|on behalf of|counsel for|attorneys? for|appearing for)\b"
                         r"|appearing\b)", re.I)
_SECTION_END = re.compile(
    r"^(?:also present|present|index|i n d e x|exhibits?|e x h i b i t s|stipulat\w*|"
    r"examination|(?:the\s+)?court reporter|reported by|stenographically|(?:the\s+)?videographer|"
    r"be it remembered|(?:the )?witness\b)", re.I)
_ALSO = re.compile(r"^(?:also present|present)\b:?\s*(?P<rest>.*)$", re.I)
_REPORTER = re.compile(r"^(?:court reporter|reported by|stenographically reported by|"
                       r"reporter)\s*(?::\s*(?P<rest>.*)|$)", re.I)
_CONTACT = re.compile(r"<(?:STREET_ADDRESS|PHONE_NUMBER|EMAIL_ADDRESS|URL|ZIP_CODE)_\d+>|"
                      r"\d{3}[-. )]+\d{3}[-. ]\d{4}|@|\bsuite\b|\bfloor\b|\b\d{5}\b|"
                      r"^(?:tel|fax|phone|e-?mail)\b", re.I)
_CONCLUDED = re.compile(r"\b(?:concluded|adjourned|terminated|ended|completed)\b", re.I)


def _front_lines(transcript: Transcript) -> list[Line]:
    return [line for turn in transcript.turns[:transcript.testimony_start] for line in turn.lines]


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    """The lines joined by spaces, and the offset in the text of each joined character."""
    text, where = "", []
    for line in lines:
        if text:
            text += " "
            where.append(line.start)
        text += line.content
        where.extend(range(line.start, line.start + len(line.content)))
    return text, where


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


def cover_items(transcript: Transcript) -> list[CoverItem]:
    """The cover summary's items, in the order a digest's cover page gives them."""
    front = _front_lines(transcript)
    items: list[CoverItem] = []
    items += _deponent(front, transcript)
    text, where = _joined(front)
    items += _date_time_place(text, where)
    items += _appearances(front)
    items += _examinations(transcript.testimony)
    items += _concluded(transcript.testimony, items)
    return items


def _deponent(front: list[Line], transcript: Transcript) -> list[CoverItem]:
    text, where = _joined(front)
    if m := _DESIGNEE.search(text):  # a 30(b)(6) deposition: the person who speaks for it
        start = where[m.start("who")]
        line = next(x for x in front if x.start <= start < x.end)
        who = _clean(line.content[start - line.start:min(where[m.end("who") - 1] + 1, line.end)
                                  - line.start])
        return [CoverItem("Deponent", f"{who} (corporate designee)", start, start + len(who))]
    for k, line in enumerate(front):
        if m := _DEPONENT.search(line.content):
            who = m.group("who") or ""
            if not re.search(r"[A-Za-z<]", who):  # "DEPOSITION OF" ending its line
                following = [f for f in front[k + 1:k + 4] if re.search(r"[A-Za-z<]", f.content)]
                if not following or re.search(r"\s\d+$", who + line.content):
                    continue  # an index entry ("Deposition of ...   123")
                who, line = following[0].content, following[0]
            return [CoverItem("Deponent", _clean(who), line.start, line.end)]
    for turn in transcript.turns[:transcript.testimony_start + 2]:
        for line in turn.lines:
            if m := _SWORN.match(line.content):
                return [CoverItem("Deponent", _clean(m.group("who")), line.start, line.end)]
    return []


def _date_time_place(text: str, where: list[int]) -> list[CoverItem]:
    items = []
    dated = [d for d in find_dates(text) if d.status == "ok"]
    if dated:
        d = dated[0]
        items.append(CoverItem("Date", d.label, where[d.start], where[d.end - 1] + 1))
    if m := _TIME.search(text):
        items.append(CoverItem("Time started", _clock(m), where[m.start()], where[m.end() - 1] + 1))
    if m := _PLACE.search(text) or _REMOTE.search(text):
        place = m.group("place")
        items.append(CoverItem("Place", _clean(place), where[m.start("place")],
                               where[m.end("place") - 1] + 1))
    return items


def _clock(m: re.Match[str]) -> str:
    return f"{int(m['h'])}:{m['m']} {m['ap'].lower()}.m."


def _appearances(front: list[Line]) -> list[CoverItem]:
    """Counsel for each party (names and firm; addresses and numbers left out), others
    present and the reporter."""
    items: list[CoverItem] = []
    inside = False
    head: list[Line] = []
    members: list[Line] = []

    def close() -> None:
        if head and members:
            party = _clean(" ".join(h.content for h in head))
            party = _party_case(party)
            detail = "; ".join(_clean(m.content) for m in members[:3])
            items.append(CoverItem(f"Appearing {party}", detail, head[0].start, members[-1].end))
        head.clear()
        members.clear()

    for k, line in enumerate(front):
        content = line.content
        if _APPEARANCES.match(content):
            inside = True
            continue
        if (also := _ALSO.match(content)) or (rep := _REPORTER.match(content)):
            close()
            inside = False
            label = "Also present" if also else "Court reporter"
            rest = (also or rep).group("rest") or ""  # type: ignore[union-attr]
            people = [rest] if rest.strip() else _following_names(front[k + 1:])
            if people:
                items.append(CoverItem(label, "; ".join(_clean(p) for p in people),
                                       line.start, line.end))
            continue
        if not inside:
            continue
        if _SECTION_END.match(content):
            close()
            inside = False
        elif _PARTY_HEAD.match(content) or (head and not members and not head[-1].content
                                            .rstrip().endswith(":")):
            if members:
                close()
            party, colon, member = content.partition(":")
            if colon and member.strip():  # "For the Plaintiff:  MS. <PERSON_10>"
                head.append(Line(line.start, line.start + len(party) + 1, party + ":"))
                start = line.start + len(party) + 1 + (len(member) - len(member.lstrip()))
                members.append(Line(start, line.end, member.strip()))
            else:
                head.append(line)
        elif head and not _CONTACT.search(content):
            members.append(line)
    close()
    return items


_SMALL_WORDS = frozenset("for the on behalf of and a an by appearing counsel to".split())


def _party_case(party: str) -> str:
    """"FOR THE DEFENDANT IRONWOOD LOGISTICS L.P." as "for the Defendant Ironwood Logistics
    L.P.": the heading's small words in lower case, capitals kept for abbreviations."""
    words = []
    for word in party.split():
        if word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        elif word.isupper() and len(word.strip(".,")) > 3:
            words.append(word[:1] + word[1:].lower())
        else:
            words.append(word)
    return " ".join(words)


def _following_names(lines: list[Line]) -> list[str]:
    names: list[str] = []
    for line in lines:
        if _SECTION_END.match(line.content) or _PARTY_HEAD.match(line.content) or \
                _APPEARANCES.match(line.content) or len(names) == 4:
            break
        if not _CONTACT.search(line.content):
            names.append(line.content)
    return names


def _examinations(testimony: list[Turn]) -> list[CoverItem]:
    """Each examination once: its heading with the examiner ("BY ..." on the next line joins
    the heading); a "BY ..." again after a recess, for the same examiner, is no new one."""
    items: list[CoverItem] = []
    heading: Turn | None = None
    examiner = ""
    for t in (t for t in testimony if t.kind == "exam"):
        if not t.speaker:
            heading = t
            continue
        if heading is None and t.speaker == examiner:
            continue
        start = heading.start if heading is not None else t.start
        title = _clean(heading.text) if heading is not None else "Examination"
        title = title.capitalize() if title.isupper() else title
        items.append(CoverItem("Examination", f"{title} by {t.speaker}", start, t.end))
        heading, examiner = None, t.speaker
    return items


def _concluded(testimony: list[Turn], items: list[CoverItem]) -> list[CoverItem]:
    """When the deposition concluded, and its length from the start time."""
    for turn in reversed(testimony):
        if turn.kind in ("paren", "colloquy", "other") and _CONCLUDED.search(turn.text) and (
                m := _TIME.search(turn.text)):
            out = [CoverItem("Time concluded", _clock(m), turn.start, turn.end)]
            began = next((i for i in items if i.item == "Time started"), None)
            if began is not None:
                minutes = _minutes(began.detail, _clock(m))
                if minutes > 0:
                    out.append(CoverItem("Duration", f"{minutes // 60} h {minutes % 60:02d} min "
                                         "(recesses included)", turn.start, turn.end))
            return out
    return []


def _minutes(start: str, end: str) -> int:
    def parse(clock: str) -> datetime:
        return datetime.strptime(clock.replace(".", "").upper(), "%I:%M %p")

    return int((parse(end) - parse(start)).total_seconds() // 60)
