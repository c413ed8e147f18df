"""The privilege screen: does a document look like an attorney-client communication or attorney
work product?  Read on the redacted text, where the matter's counsel appear as ``<COUNSEL_n>``
(:mod:`lpo_review.redact.recognizers.counsel`).

A document is flagged when

* it carries a privilege marker ("Privileged & Confidential", "Attorney Work Product",
  "prepared at the direction of counsel", "in anticipation of litigation"), unless the marker
  is a disclaimer footer ("this e-mail may contain privileged information...");
* a lawyer takes part (the matter's counsel in a From/To/Cc line, or someone signing as
  "Esq.", "General Counsel", "Legal Department") and the text asks for or gives legal advice
  or weighs legal risk;
* the matter's counsel wrote the newest message or is a direct recipient (From/To, not Cc), and
  it is not about logistics (lunch, a calendar invite, an invoice);
* it reports a lawyer's advice ("per <COUNSEL_1>'s advice", "legal advised us to");
* it is work product by its content (interview notes or a case analysis for counsel).

Never flagged: a law firm's newsletter (a mailing list's words anywhere), and a message to or
from the other side (its newest message names opposing counsel's role, a client the sender
represents, a meet-and-confer, a settlement communication under Rule 408, a preservation
demand), whatever its markers say: nothing shared with the adversary is privileged.  Each piece
of evidence keeps its span, so the attorney sees where it is (page:line) before deciding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

ATTORNEY_CLIENT = "attorney-client"
WORK_PRODUCT = "work-product"

_F = regex.IGNORECASE | regex.MULTILINE


def _phrases(pattern: str, flags: int = _F) -> regex.Pattern[str]:
    """A pattern of phrases whose words may wrap onto the next line (e-mail bodies are broken
    at about 72 columns): each ``[ \\t]+`` between words also takes a line break."""
    return regex.compile(pattern.replace(r"[ \t]+", r"\s+"), flags)

_COUNSEL = r"<COUNSEL_\d+>"
_HEADER = regex.compile(r"^[ \t]*(?:from|to|cc|bcc|sent by|author|prepared by|attn)[ \t]*:.*$", _F)

_MARKERS = _phrases(
    r"privileged[ \t]*(?:&|and)[ \t]*confidential|attorney[ \t-]+client[ \t]+(?:privilege[ds]?|"
    r"communication)|(?:attorney|legal|litigation)[ \t]+work[ \t-]+product|"
    r"prepared[ \t]+(?:at|under|upon|by|for)[ \t]+(?:the[ \t]+)?(?:direction|request|instruction"
    r"|counsel)(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:counsel|legal|(?:our|outside|in-house|deputy|"
    r"associate|assistant)?[ \t]*(?:general[ \t]+)?counsel|legal[ \t]+department|"
    r"(?:our[ \t]+)?attorneys?|" + _COUNSEL + r"))?|"
    r"in[ \t]+anticipation[ \t]+of[ \t]+(?:litigation|trial|a[ \t]+lawsuit|suit|a[ \t]+claim)|"
    r"in[ \t]+connection[ \t]+with[ \t]+the[ \t]+(?:anticipated|threatened|pending)[ \t]+"
    r"(?:claim|litigation|lawsuit|suit|charge)|"
    r"privileged[ \t]+(?:and|&)[ \t]+(?:protected|confidential)|\bprivileged[ \t]+communication|"
    r"for[ \t]+the[ \t]+purpose[ \t]+of[ \t]+(?:obtaining|providing|seeking)[ \t]+legal[ \t]+advice",
    _F)
#: A marker in these words is a footer every e-mail of a company carries.
_DISCLAIMER = regex.compile(
    r"may[ \t]+(?:also[ \t]+)?contain|intended[ \t]+(?:only[ \t]+)?(?:solely[ \t]+)?for[ \t]+the"
    r"|intended[ \t]+recipient|received[ \t]+this[ \t]+(?:e-?mail|message|communication)[ \t]+in"
    r"[ \t]+error|if[ \t]+you[ \t]+are[ \t]+not|not[ \t]+(?:be[ \t]+)?(?:a[ \t]+)?waive|"
    r"no[ \t]+attorney-client[ \t]+relationship|does[ \t]+not[ \t]+(?:create|constitute)", _F)

_LAWYER = regex.compile(
    r"\b(?:Esq\.?|Esquire|attorney[ \t]+at[ \t]+law|(?:deputy[ \t]+|associate[ \t]+|assistant"
    r"[ \t]+)?general[ \t]+counsel|in-house[ \t]+counsel|(?:senior[ \t]+|corporate[ \t]+|"
    r"employment[ \t]+|litigation[ \t]+)?counsel(?=[ \t]*(?:,|$|\n))|legal[ \t]+(?:department|dept"
    r"\.?|team|counsel)|law[ \t]+department|chief[ \t]+legal[ \t]+officer|paralegal|"
    r"(?:staff|senior|associate|managing|trial)[ \t]+attorney|attorney[ \t]+for[ \t]+(?:the[ \t]+)?"
    r"(?:company|defendant|employer)|\bJ\.D\.)", _F)

_ADVICE = _phrases(
    r"legal[ \t]+(?:advice|opinion|analysis|view|position|risk|exposure|standpoint|perspective"
    r"|review|guidance|input|implications|strategy)|(?:your|our|my|counsel's|their)[ \t]+"
    r"(?:legal[ \t]+)?(?:advice|recommendation|guidance)|\badvis(?:e|ing|ed)[ \t]+(?:us|you|me|him"
    r"|her|them|the[ \t]+company|management|whether|on|that|against)|\bwe[ \t]+(?:recommend|advise"
    r"|suggest|would[ \t]+recommend)|\bexposure\b|\bliabilit(?:y|ies)\b|\bliable\b|defensib|"
    r"\b(?:wrongful[ \t]+termination|discrimination|retaliation|harassment|negligence|breach|"
    r"whistleblower|product[ \t]+liability|FMLA|ADA|Title[ \t]+VII|wage[ \t]+and[ \t]+hour)\b"
    r"[ \t]+(?:claim|suit|lawsuit|action|case|risk|theory|exposure)|statute[ \t]+of[ \t]+"
    r"limitations|litigation[ \t]+(?:hold|risk|strategy)|settle(?:ment)?[ \t]+(?:strategy|"
    r"authority|position|range|value|offer)|\b(?:is[ \t]+it|would[ \t]+it[ \t]+be|are[ \t]+we)"
    r"[ \t]+(?:legal|lawful|allowed|permitted|exposed|at[ \t]+risk)|can[ \t]+we[ \t]+(?:legally|"
    r"lawfully)|\benforceab|\bprivilege\b|\bindemnif|\bsubpoena|\bdeposition[ \t]+prep|"
    r"\bwaive|\bcomply[ \t]+with|\bcompliance[ \t]+with|\bregulat(?:ory|or|ion)|"
    r"\bour[ \t]+(?:case|defen[cs]e|position|theory|strategy)\b|\bthe[ \t]+(?:strength|weakness)"
    r"(?:es)?[ \t]+of|\bcould[ \t]+(?:we|the[ \t]+company)[ \t]+be[ \t]+(?:sued|liable)|"
    r"\bsue\b|\blawsuit\b|\bclaims?[ \t]+against|\blegally\b|\blaws?\b|\bdefend|\badmission"
    r"|\bobligat|\brequired[ \t]+to|\b(?:have|need)[ \t]+to[ \t]+(?:report|notify|disclose|"
    r"tell|send|pay)|asking[ \t]+for[ \t]+trouble|\bsettlement\b|\bredline|\bEEOC\b|\bcharge"
    r"[ \t]+of[ \t]+discrimination|\bstatut|\bcontract[ \t]+(?:claim|dispute|terms?)|"
    r"\b(?:the|this|that|a)[ \t]+(?:claim|charge|complaint|lawsuit|suit|case)\b", _F)

#: A lawyer's advice reported by someone else: "per <COUNSEL_1>'s advice", "legal advised".
_REPORTED_ADVICE = _phrases(
    r"(?:" + _COUNSEL + r"|counsel|legal|our[ \t]+(?:lawyers?|attorneys?)|the[ \t]+(?:lawyers?|"
    r"attorneys?))(?:'s|’s)?[ \t]+(?:has[ \t]+|have[ \t]+)?(?:advised|advice|recommended|"
    r"recommendation|says?[ \t]+we|said[ \t]+we|told[ \t]+us|cautioned|warned|opinion|view[ \t]+is)"
    r"|(?:per|on)[ \t]+(?:the[ \t]+)?advice[ \t]+of[ \t]+(?:counsel|legal|" + _COUNSEL + r")|"
    r"(?:per|according[ \t]+to)[ \t]+(?:" + _COUNSEL + r"|counsel|legal)(?:'s|’s)?[ \t]+"
    r"(?:advice|guidance|recommendation|note|e-?mail|memo)", _F)

_WORK_PRODUCT = _phrases(
    r"interview[ \t]+(?:notes|memo(?:randum)?|summary|outline)|witness[ \t]+interview|"
    r"mental[ \t]+impressions|litigation[ \t]+strategy|case[ \t]+(?:assessment|evaluation|"
    r"strategy|theory)|trial[ \t]+strategy|(?:draft|proposed)[ \t]+(?:answer|complaint|motion|"
    r"discovery[ \t]+responses)|(?:for|to)[ \t]+counsel(?:'s)?[ \t]+(?:review|use|evaluation)",
    _F)

#: A mailing list's words: a law firm's newsletter is public commentary, whoever sent it.
_MAILING = _phrases(
    r"unsubscribe|client[ \t]+alert|newsletter|attorney[ \t]+advertising|"
    r"this[ \t]+(?:alert|update|publication|bulletin)[ \t]+(?:is|was|has[ \t]+been)", _F)
#: Signs the message goes to or comes from the other side, or is a court paper.
_NOT_OURS = _phrases(
    r"counsel[ \t]+for[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+)?(?:plaintiff|defendant|claimant|respondent|"
    r"petitioner)s?|on[ \t]+behalf[ \t]+of[ \t]+(?:my|our)[ \t]+clients?|this[ \t]+(?:firm|office)"
    r"[ \t]+(?:represents|has[ \t]+been[ \t]+retained)|we[ \t]+have[ \t]+been[ \t]+retained|"
    r"our[ \t]+clients?(?:[ \t]*:|[ \t]+(?:is|are|has|have|was|were|will))|meet[ \t]+and[ \t]+"
    r"confer|for[ \t]+settlement[ \t]+purposes|settlement[ \t]+communication|(?:rule|evid\.?"
    r"[ \t]*r\.?|FRE)[ \t]*408|without[ \t]+prejudice|preservation[ \t]+of[ \t]+evidence|"
    r"Civ\.?[ \t]*R\.?[ \t]*37|motion[ \t]+to[ \t]+compel|"
    r"^[ \t]*(?:in[ \t]+the[ \t]+)?(?:united[ \t]+states[ \t]+)?(?:district|superior|circuit|"
    r"supreme)[ \t]+court|^[ \t]*notice[ \t]+of[ \t]+(?:deposition|subpoena|motion)|"
    r"^[ \t]*(?:plaintiffs?|defendants?)[ \t]*[,.]?[ \t]*$|demand[ \t]+(?:for[ \t]+payment|"
    r"letter)|please[ \t]+direct[ \t]+all[ \t]+(?:future[ \t]+)?communications", _F)


#: Where an earlier message starts inside an e-mail: a quoted header, "On ... wrote:".
_EARLIER = regex.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*(?:original|forwarded)[ \t]+message|begin[ \t]+forwarded|"
    r"on[ \t][^\n]{4,120}wrote:|from:[^\n]*\n[ \t>]*(?:sent|date|to):)", _F)
#: A message about arrangements, not law: lunch, a calendar, an invoice.
_LOGISTICS = _phrases(
    r"\b(?:lunch|dinner|coffee|drinks|happy[ \t]+hour|holiday[ \t]+party|birthday|parking|"
    r"reschedul\w*|calendar[ \t]+invite|meeting[ \t]+invite|conference[ \t]+room|dial-in|"
    r"zoom[ \t]+link|teams[ \t]+link|out[ \t]+of[ \t]+(?:the[ \t]+)?office|invoice[ \t]+(?:no|#|number)"
    r"|remittance|W-9|vendor[ \t]+(?:setup|set-up|form)|ACH|wire[ \t]+instructions|"
    r"training[ \t]+reminder|room[ \t]+block|catering)\b", _F)


@dataclass(frozen=True)
class Evidence:
    """One reason a document looks privileged, with its span in the text the screen read."""

    basis: str
    """``marker``, ``counsel_participant``, ``lawyer_by_title``, ``legal_advice``,
    ``reported_advice`` or ``work_product``."""
    start: int
    end: int


@dataclass(frozen=True)
class Screening:
    """The screen's call on one document: flagged or not, the privilege type(s), the evidence."""

    flagged: bool
    types: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def _matches(pattern: regex.Pattern[str], text: str, basis: str) -> list[Evidence]:
    return [Evidence(basis, m.start(), m.end()) for m in pattern.finditer(text)]


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _markers(text: str, extra: Iterable[str]) -> list[Evidence]:
    found = [e for e in _matches(_MARKERS, text, "marker")
             if not _DISCLAIMER.search(_line_of(text, e.start))]
    for phrase in extra:
        if phrase.strip():
            found += [Evidence("marker", m.start(), m.end()) for m in
                      regex.finditer(regex.escape(phrase.strip()), text, regex.IGNORECASE)]
    return found


def _participants(text: str) -> list[Evidence]:
    """The matter's counsel in a header line or speaking ("<COUNSEL_1>: ..."); a lawyer by
    title anywhere outside a footer."""
    found = []
    for line in _HEADER.finditer(text):
        found += [Evidence("counsel_participant", line.start() + m.start(), line.start() + m.end())
                  for m in regex.finditer(_COUNSEL, line.group())]
    # counsel speaking or commenting: "<COUNSEL_1>: not yet" in notes, "[<COUNSEL_2>: delete]"
    found += [Evidence("counsel_participant", m.start(1), m.end(1))
              for m in regex.finditer(r"(" + _COUNSEL + r")[ \t]*:", text)]
    found += [e for e in _matches(_LAWYER, text, "lawyer_by_title")
              if not _DISCLAIMER.search(_line_of(text, e.start))]
    if not found and regex.search(_COUNSEL + r"[ \t]*(?:,|\n)", text):
        # a signature "<COUNSEL_2>," or a counsel named on a line of its own (letterhead, memo)
        found += [Evidence("counsel_participant", m.start(), m.end())
                  for m in regex.finditer(r"^[ \t]*(?:" + _COUNSEL + r")[ \t,]*$", text, _F)]
    return found


def top_message(text: str) -> str:
    """The newest message of an e-mail: the text before the first quoted or forwarded one."""
    starts = [m.start() for m in _EARLIER.finditer(text) if m.start() > 0]
    return text[: starts[0]] if starts else text


def _direct(top: str) -> list[Evidence]:
    """The matter's counsel as the author or a direct recipient (From/To) of the newest
    message, which is not about logistics: a communication with counsel."""
    header = regex.match(r"(?:[ \t]*\S[^\n]*\n){1,12}", top)
    if header is None or (_LOGISTICS.search(top) and not _ADVICE.search(top)):
        return []
    found = []
    for line in regex.finditer(r"^[ \t]*(?:from|to)[ \t]*:.*$", header.group(), _F):
        found += [Evidence("counsel_participant", line.start() + m.start(), line.start() + m.end())
                  for m in regex.finditer(_COUNSEL, line.group())]
    return found


def screen(text: str, extra_markers: Iterable[str] = ()) -> Screening:
    """Screen one document's redacted text for privilege."""
    top = top_message(text)
    if _MAILING.search(text) or _NOT_OURS.search(top):
        return Screening(False, (), ())
    markers = _markers(text, extra_markers)
    people = _participants(text)
    direct = _direct(top)
    advice = _matches(_ADVICE, text, "legal_advice")
    reported = _matches(_REPORTED_ADVICE, text, "reported_advice")
    product = _matches(_WORK_PRODUCT, text, "work_product")
    evidence: list[Evidence] = []
    types: set[str] = set()
    if markers:
        evidence += markers
        wp = any(regex.search(r"work|anticipation|direction|request|instruction|prepared|"
                              r"connection", text[e.start:e.end], regex.I) for e in markers)
        types.add(WORK_PRODUCT if wp else ATTORNEY_CLIENT)
    if people and advice:
        evidence += people + advice
        types.add(ATTORNEY_CLIENT)
    if direct:
        evidence += direct + advice
        types.add(ATTORNEY_CLIENT)
    if reported:
        evidence += reported
        types.add(ATTORNEY_CLIENT)
    if product and (people or reported or markers):
        evidence += product
        types.add(WORK_PRODUCT)
    unique = sorted(set(evidence), key=lambda e: (e.start, e.end, e.basis))
    return Screening(bool(types), tuple(sorted(types)), tuple(unique))
