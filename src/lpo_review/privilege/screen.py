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
* it reports a lawyer's advice ("per <COUNSEL_1>'s advice", "legal advised us to");
* it is work product by its content (interview notes or a case analysis for counsel).

A law firm's newsletter, a court filing and a letter from the other side's counsel are not
flagged on the lawyer-and-advice rule alone.  Each piece of evidence keeps its span, so the
attorney sees where it is (page:line) before deciding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

ATTORNEY_CLIENT = "attorney-client"
WORK_PRODUCT = "work-product"

_F = regex.IGNORECASE | regex.MULTILINE
_COUNSEL = r"<COUNSEL_\d+>"
_HEADER = regex.compile(r"^[ \t]*(?:from|to|cc|bcc|sent by|author|prepared by|attn)[ \t]*:.*$", _F)

_MARKERS = regex.compile(
    r"privileged[ \t]*(?:&|and)[ \t]*confidential|attorney[ \t-]+client[ \t]+(?:privilege[ds]?|"
    r"communication)|(?:attorney|legal|litigation)[ \t]+work[ \t-]+product|"
    r"prepared[ \t]+(?:at|under|upon)[ \t]+the[ \t]+(?:direction|request|instruction)[ \t]+of"
    r"[ \t]+(?:counsel|legal|(?:our|outside|in-house)[ \t]+counsel|" + _COUNSEL + r")|"
    r"in[ \t]+anticipation[ \t]+of[ \t]+(?:litigation|trial|a[ \t]+lawsuit)|"
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

_ADVICE = regex.compile(
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
    r"\bsue\b|\blawsuit\b|\bclaims?[ \t]+against", _F)

#: A lawyer's advice reported by someone else: "per <COUNSEL_1>'s advice", "legal advised".
_REPORTED_ADVICE = regex.compile(
    r"(?:" + _COUNSEL + r"|counsel|legal|our[ \t]+(?:lawyers?|attorneys?)|the[ \t]+(?:lawyers?|"
    r"attorneys?))(?:'s|’s)?[ \t]+(?:has[ \t]+|have[ \t]+)?(?:advised|advice|recommended|"
    r"recommendation|says?[ \t]+we|said[ \t]+we|told[ \t]+us|cautioned|warned|opinion|view[ \t]+is)"
    r"|(?:per|on)[ \t]+(?:the[ \t]+)?advice[ \t]+of[ \t]+(?:counsel|legal|" + _COUNSEL + r")|"
    r"(?:per|according[ \t]+to)[ \t]+(?:" + _COUNSEL + r"|counsel|legal)(?:'s|’s)?[ \t]+"
    r"(?:advice|guidance|recommendation|note|e-?mail|memo)", _F)

_WORK_PRODUCT = regex.compile(
    r"interview[ \t]+(?:notes|memo(?:randum)?|summary|outline)|witness[ \t]+interview|"
    r"mental[ \t]+impressions|litigation[ \t]+strategy|case[ \t]+(?:assessment|evaluation|"
    r"strategy|theory)|trial[ \t]+strategy|(?:draft|proposed)[ \t]+(?:answer|complaint|motion|"
    r"discovery[ \t]+responses)|(?:for|to)[ \t]+counsel(?:'s)?[ \t]+(?:review|use|evaluation)",
    _F)

#: Signs the lawyer is not the client's: the other side, a mailing list, a court paper.
_NOT_OURS = regex.compile(
    r"counsel[ \t]+for[ \t]+(?:the[ \t]+)?(?:plaintiff|defendant|claimant|respondent|petitioner)s?|"
    r"on[ \t]+behalf[ \t]+of[ \t]+(?:my|our)[ \t]+client|we[ \t]+represent[ \t]+|"
    r"meet[ \t]+and[ \t]+confer|unsubscribe|client[ \t]+alert|newsletter|attorney[ \t]+"
    r"advertising|this[ \t]+(?:alert|update|publication)[ \t]+(?:is|was)|"
    r"^[ \t]*(?:in[ \t]+the[ \t]+)?(?:united[ \t]+states[ \t]+)?(?:district|superior|circuit|"
    r"supreme)[ \t]+court|^[ \t]*notice[ \t]+of[ \t]+(?:deposition|subpoena|motion)|"
    r"^[ \t]*(?:plaintiffs?|defendants?)[ \t]*[,.]?[ \t]*$|demand[ \t]+(?:for[ \t]+payment|"
    r"letter)|please[ \t]+direct[ \t]+all[ \t]+(?:future[ \t]+)?communications", _F)


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
    """The matter's counsel in a header line; a lawyer by title anywhere outside a footer."""
    found = []
    for line in _HEADER.finditer(text):
        found += [Evidence("counsel_participant", line.start() + m.start(), line.start() + m.end())
                  for m in regex.finditer(_COUNSEL, line.group())]
    found += [e for e in _matches(_LAWYER, text, "lawyer_by_title")
              if not _DISCLAIMER.search(_line_of(text, e.start))]
    if not found and regex.search(_COUNSEL + r"[ \t]*(?:,|\n)", text):
        # a signature "<COUNSEL_2>," or a counsel named on a line of its own (letterhead, memo)
        found += [Evidence("counsel_participant", m.start(), m.end())
                  for m in regex.finditer(r"^[ \t]*(?:" + _COUNSEL + r")[ \t,]*$", text, _F)]
    return found


def screen(text: str, extra_markers: Iterable[str] = ()) -> Screening:
    """Screen one document's redacted text for privilege."""
    markers = _markers(text, extra_markers)
    people = _participants(text)
    advice = _matches(_ADVICE, text, "legal_advice")
    reported = _matches(_REPORTED_ADVICE, text, "reported_advice")
    product = _matches(_WORK_PRODUCT, text, "work_product")
    not_ours = bool(_NOT_OURS.search(text))
    ours = any(e.basis == "counsel_participant" for e in people)
    evidence: list[Evidence] = []
    types: set[str] = set()
    if markers:
        evidence += markers
        wp = any(regex.search(r"work|anticipation|direction|request|instruction",
                              text[e.start:e.end], regex.I) for e in markers)
        types.add(WORK_PRODUCT if wp else ATTORNEY_CLIENT)
    if people and advice and (ours or not not_ours):
        evidence += people + advice
        types.add(ATTORNEY_CLIENT)
    if reported and (ours or not not_ours):
        evidence += reported
        types.add(ATTORNEY_CLIENT)
    if product and (people or reported or markers) and (ours or not not_ours):
        evidence += product
        types.add(WORK_PRODUCT)
    unique = sorted(set(evidence), key=lambda e: (e.start, e.end, e.basis))
    return Screening(bool(types), tuple(sorted(types)), tuple(unique))
