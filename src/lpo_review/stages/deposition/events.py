"""Exhibits, objections and recesses found in the testimony turns of a transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lpo_review.stages.deposition.transcript import Turn

EXHIBIT_REF = re.compile(
    r"\b(?:(?:(?:Plaintiffs?|Defendants?|Deposition|Def|Pl)(?:'s|s'|\.)?\s+)?[Ee]xhibit\s+"
    r"|(?:(?:Depo|Dep|Pl|Pltf|Plf|Def|Deft|Jt)\.?\s+)?Exh?\.\s*)"
    r"(?:[Nn]o\.\s*|[Nn]umber\s+)?(?P<num>[A-Z]{1,3}-\d{1,4}[A-Z]?\b|(?:Pl|Def|Ex)\.\s?\d{1,4}[A-Z]?\b|"
    r"\d{1,4}[A-Z]?\b|"
    r"[A-Z]{1,2}\b(?![a-z'\-]))"
)
_MARKED = re.compile(r"\bmarked\b", re.I)
#: An index entry that describes nothing ("Document marked by Ms. ...", "Photograph").
_GENERIC = re.compile(r"^(?:documents?|exhibits?|items?|papers?|photo(?:graph)?s?)\b"
                      r"(?:\s+(?:marked|produced|identified)\b.*)?$", re.I)
#: What follows an exhibit's number when it is marked or mentioned: its description, up to
#: "was marked" or the end of the sentence ("Exhibit 7, hospital face sheet, previously marked").
_AFTER_NUMBER = re.compile(
    r",?\s+(?P<desc>(?:an?|the)\s+[^.()?]*?|[^.()?]*?)"
    r"(?:,?\s+(?:was|were|is|previously|pre-?)\s*marked|[.)?]|$)")
_OBJECTION = re.compile(r"\b(?:objection|object|objections)\b|\bmove to strike\b", re.I)
_GROUNDS = {
    "form": r"\bform\b",
    "foundation": r"\bfoundation\b",
    "leading": r"\bleading\b",
    "calls for speculation": r"\bspeculat",
    "asked and answered": r"\basked and answered\b",
    "compound": r"\bcompound\b",
    "vague": r"\bvague\b|\bambiguous\b",
    "assumes facts not in evidence": r"\bassumes facts\b",
    "privilege": r"\b(?<!review\s)privilege|\b(?:attorney|solicitor)[- ]client\b|\bwork product\b",
    "relevance": r"\brelevan",
    "overly broad": r"\boverly broad\b|\boverbroad\b",
    "argumentative": r"\bargumentative\b",
    "calls for a legal conclusion": r"\blegal conclusion\b",
    "hearsay": r"\bhearsay\b",
    "calls for a narrative": r"\bnarrative\b",
    "nonresponsive (motion to strike)": r"\bnon-?responsive\b|\bmove to strike\b",
    "the document speaks for itself": r"\bspeaks for itself\b",
    "beyond the scope": r"\b(?:beyond|outside(?:\s+of)?|exceeds?)\s+the\s+scope\b",
    "misstates testimony": r"\bmisstat",
    "incomplete hypothetical": r"\b(?:incomplete|improper)\s+hypothetical\b",
    "calls for expert testimony": r"\bexpert\s+(?:opinion|testimony)\b",
    "calls for a medical opinion": r"\bmedical\s+(?:opinion|diagnosis|conclusion)\b",
    "lacks personal knowledge": r"\bpersonal\s+knowledge\b",
    "harassing": r"\bharass",
    "cumulative": r"\bcumulative\b",
    "confidential information": r"\bconfidential\b|\btrade\s+secrets?\b",
    "peer review privilege": r"\bpeer[- ]review\b|\bquality\s+(?:assurance|improvement)\s+privilege",
    "privacy": r"\bprivacy\b",
    # an expert's drafts and talks with counsel: "communications with counsel protected by Rule
    # 26(b)(4)(C)"
    "communications with counsel": r"\bcommunications?\s+with\s+(?:retaining\s+)?counsel\b"
                                   r"|\b26\(b\)\(4\)",
    "subsequent remedial measures": r"\bsubsequent\s+remedial\b|\bremedial\s+measures?\b",
    "collateral source": r"\bcollateral\s+source\b",
    "protective order": r"\bprotective\s+order\b",
    "settlement communications": r"\bsettlement\s+(?:communications?|negotiations?|discussions?)\b"
                                 r"|\b(?:rule|fre)\s+408\b",
    # a privilege a statute gives, named by its section: "Evidence Code section 1157"
    "statutory privilege": r"\b(?:evidence|civil|health|penal|business)[ \t]+(?:and[ \t]+\w+[ \t]+)?code"
                           r"[ \t]+(?:section|sec\.|\u00a7)[ \t]*\d+",
}
#: A turn of counsel that is nothing but grounds: "Vague.", "Compound.", "Form and foundation."
_BARE_GROUNDS = re.compile(
    r"(?:(?:calls[ \t]+for[ \t]+)?speculation|vague(?:[ \t]+and[ \t]+ambiguous)?|form|(?:lacks[ \t]+)?"
    r"foundation|leading|compound|argumentative|asked[ \t]+and[ \t]+answered|hearsay|relevance|"
    r"overbroad|overly[ \t]+broad|assumes[ \t]+facts(?:[ \t]+not[ \t]+in[ \t]+evidence)?|"
    r"misstates(?:[ \t]+(?:the|her|his|prior))?[ \t]+testimony|calls[ \t]+for[ \t]+a[ \t]+legal[ \t]+"
    r"conclusion|non-?responsive)"
    r"(?:[ \t]*(?:,|\.|;|and)[ \t]*(?:and[ \t]+)?(?=\w)|[.!]?$)", re.I)
#: "mischaracterizes the document" is no objection to how testimony is put: the ground names
#: what is mischaracterized ("testimony" when the objection does not say).
_MISCHARACTERIZES = re.compile(
    r"\bmischaracteri[sz]\w*(?:\s+(?:the|his|her|their|my|your|prior|earlier|previous)\b)*"
    r"(?:\s+(?P<what>document|exhibit|record|evidence|report|testimony|statement|question|"
    r"answer|deposition|facts?|letter|e-?mail))?", re.I)
_INSTRUCTION = re.compile(
    r"\b(?:instruct|direct)\w*\s+(?:the witness|you|him|her|them|my client|(?:Dr|Mr|Mrs|Ms)\.?\s+"
    r"\S+(?:\s+\S+)?|<PERSON_\d+>)\s+not to (?:answer|"
    r"identify|disclose|reveal|discuss|name|go\s+(?:beyond|into)|get\s+into)"
    # a limit on the answer: "You can answer as to what you were provided, and nothing more."
    r"|\byou\s+(?:can|may)\s+answer\b[^.]{0,80}\b(?:and|but)\s+nothing\s+(?:more|else)\b"
    r"|\b(?:don'?t|do not)\s+answer\b"
    # an examination for discovery: "she won't be answering it", "Refused."
    r"|\b(?:he|she|they|the witness|my client)\s+(?:won't|will not|is not going to|isn't going to|"
    r"should not|shouldn't|may not|must not)\s+(?:be\s+)?answer(?:ing)?\b|\brefused\.?\s*$"
    # the instruction given before, by reference: "Same instruction."
    r"|\bsame\s+instruction\b", re.I)
_RECESS = re.compile(
    r"\b(?:recess|break|off the record|back on the record|on the record|lunch|adjourn\w*|"
    r"concluded|resumed|reconvened)\b", re.I
)


@dataclass
class Exhibit:
    """An exhibit: where it was marked, its description, and every mention."""

    number: str
    description: str = ""
    marked: Turn | None = None
    mentions: list[Turn] = field(default_factory=list)


def _clean_description(text: str) -> str:
    desc = " ".join(text.split()).strip(" ,;:")
    if not desc or re.match(r"^(?:was|were|is|has|had|for|and|marked)\b", desc, re.I):
        return ""
    return desc


def find_exhibits(turns: list[Turn], index: dict[str, Turn]) -> list[Exhibit]:
    """Exhibits in order of first mention, with where each was marked for identification,
    then those the transcript's index lists but the testimony never mentions.

    The description is the index's (complete, with a date on a wrapped line), else the one
    given on marking, in passing ("Exhibit 13, the shift schedule"; "Exhibit 3 is an e-mail
    chain"; "the triage note, which is Exhibit 8"), by the examiner showing it ("This is a
    warranty registration card") or by the witness asked what it is ("It's the incident
    report").
    """
    found: dict[str, Exhibit] = {}
    for k, turn in enumerate(turns):
        for m in EXHIBIT_REF.finditer(turn.text):
            ex = found.setdefault(m.group("num"), Exhibit(m.group("num")))
            if not ex.mentions or ex.mentions[-1] is not turn:
                ex.mentions.append(turn)
            is_marking = turn.kind == "paren" and _MARKED.search(turn.text)
            if is_marking and ex.marked is None:
                ex.marked = turn
            if not ex.description and turn.kind in ("paren", "Q", "colloquy"):
                ex.description = _described(turn, m, turns[k + 1:k + 4])
    for ex in found.values():
        listed = index.get(ex.number)
        ex.description = (listed.text if listed and not _GENERIC.match(listed.text) else ""
                          ) or ex.description or (listed.text if listed else "")
        if ex.marked is None:
            ex.marked = next((t for t in ex.mentions if _MARKED.search(t.text)), None)
    for number, listed in index.items():
        if number not in found:
            found[number] = Exhibit(number, listed.text, None, [listed])
    return list(found.values())


_IDENTIFY = re.compile(r"\b(?:what is (?:it|this|that|(?:[\w']+\s+)?exhibit\b)|do you recognize|"
                       r"can you identify|what (?:are|is) (?:these|those|they)|is (?:this|that|it) "
                       r"the)\b", re.I)
_IT_IS = re.compile(r"^(?:yes[,.]?\s*)?(?:(?:it's|it is|this is|that's|that is|these are|"
                    r"those are|they're|they are)\s+)?(?P<desc>(?:an?|the|my|our)\s+[^.;]{3,120})",
                    re.I)
_THIS_IS = re.compile(r"\b(?:this|that|it) is (?P<desc>(?:an?|the)\s+[^.?;]{3,120})", re.I)
_IS_IT = re.compile(r"\bis (?:this|it|exhibit \S+) (?P<desc>(?:an?|the|revision|version)\s+"
                    r"[^?]{3,120})\?", re.I)
_WHICH_IS = re.compile(r"(?P<desc>(?:the|an?)\s+[\w'\- ]{3,60}?),\s+which is\s+(?:marked as\s+)?"
                       r"(?:[\w']+\s+)?exhibit\s+(?:no\.\s*)?(?P<num>\S+?)[,.\s]", re.I)


_NAMED_BEFORE = re.compile(r"(?P<desc>\b(?:the|your|his|her|their|a|an)\s+[\w'\- ]{3,60}?),\s*$",
                           re.I)


def _described(turn: Turn, m: re.Match[str], following: list[Turn]) -> str:
    """A description of the exhibit ``m`` names in ``turn``, from the turn and the next ones."""
    after = _AFTER_NUMBER.match(turn.text, m.end())
    if after and (desc := _clean_description(after.group("desc"))) and (
            turn.kind == "paren" or desc.lower().startswith(("a ", "an ", "the "))):
        return desc
    if is_a := re.match(r"\s+is\s+(?P<desc>(?:an?|the|your|his|her|their|our|one|two|three|"
                        r"four|five|six|seven|eight|nine|ten|\d+)\s+[^.?;]{3,120})",
                        turn.text[m.end():]):
        return _clean_description(is_a.group("desc"))
    if its := _ITS_AFTER.match(turn.text, m.end()):  # "... as Exhibit 14. It's a letter ..."
        return _clean_description(its.group("desc"))
    for which in _WHICH_IS.finditer(turn.text):
        if which.group("num").rstrip(".,") == m.group("num"):
            return _clean_description(which.group("desc"))
    before = _NAMED_BEFORE.search(turn.text, 0, m.start())  # "the inventory, Exhibit 13"
    if before and turn.text[before.end():m.start()].strip() in ("", ","):
        return _clean_description(before.group("desc"))
    questions = [turn] if turn.kind == "Q" else [t for t in following[:2] if t.kind == "Q"][:1]
    for q in questions:
        if (said := _THIS_IS.search(q.text)) or (said := _IS_IT.search(q.text)):
            return _clean_description(said.group("desc"))
        if _IDENTIFY.search(q.text):
            rest = following[following.index(q) + 1:] if q in following else following
            answer = next((t for t in rest if t.kind == "A"), None)
            if answer and (it := _IT_IS.match(answer.text.strip())):
                return _clean_description(it.group("desc"))
    return ""


#: The sentence after an exhibit is handed over that says what it is: "Exhibit 14.  It's a
#: twenty-two page document titled Supply Agreement, effective October 1, 2021".
_ITS_AFTER = re.compile(r"[.,]?\s+It(?:'s|\s+is)\s+(?P<desc>(?:an?|the)\s+[^?]{3,160}?)"
                        r"(?=\.\s+[A-Z]|\?|$)")


@dataclass
class Objection:
    """An objection in colloquy: who made it, on what grounds, to which question."""

    turn: Turn
    by: str
    grounds: list[str]
    instructed_not_to_answer: bool
    question: Turn | None
    stated: str = ""
    """Counsel's words, as said ("Objection. Vague as to 'known.'")."""


def _is_bare_grounds(text: str) -> bool:
    """Whether counsel said only grounds, without the word "objection" ("Vague.")."""
    rest = " ".join(text.split())
    while rest:
        m = _BARE_GROUNDS.match(rest)
        if m is None or not m.group():
            return False
        rest = rest[m.end():].lstrip()
    return bool(text.strip())


def objection_in(turn: Turn, question: Turn | None) -> Objection | None:
    """The objection a colloquy turn makes, if it makes one; an instruction not to answer
    ("I'm directing you not to answer that, it's privileged") is one even without the word."""
    instructed = bool(_INSTRUCTION.search(turn.text))
    bare = _is_bare_grounds(turn.text)
    if turn.kind != "colloquy" or not (_OBJECTION.search(turn.text) or instructed or bare):
        return None
    grounds = [_as_stated(name, turn.text) for name, pattern in _GROUNDS.items()
               if re.search(pattern, turn.text, re.I)]
    if m := _MISCHARACTERIZES.search(turn.text):
        what = (m["what"] or "testimony").lower()
        grounds.append("mischaracterizes " + (what if what == "testimony" else f"the {what}"))
    return Objection(turn, turn.speaker, grounds, instructed, question,
                     " ".join(turn.text.split()))


#: How counsel qualified a ground: "solicitor-client privilege", "not relevant".
_STATED = {
    "privilege": re.compile(r"\b(?P<who>attorney|solicitor|lawyer)[- ]client(?:[ \t]+"
                            r"(?P<word>privileged?))?|\b(?P<safety>patient[- ]safety[ \t]+)?"
                            r"work[- ]product\b", re.I),
    "relevance": re.compile(r"\bnot\s+relevant\b|\birrelevant\b", re.I),
    "statutory privilege": re.compile(r"\b(?:evidence|civil|health|penal|business)[ \t]+(?:and[ \t]+"
                                      r"\w+[ \t]+)?code[ \t]+(?:section|sec\.|\u00a7)[ \t]*\d+", re.I),
    # "outside the scope of the notice", "beyond the scope of her designation"
    "beyond the scope": re.compile(
        r"\b(?:beyond|outside(?:\s+of)?|exceeds?)\s+the\s+scope(?:\s+of\s+(?:the\s+|his\s+|her\s+|"
        r"its\s+|their\s+|my\s+|this\s+)?(?:[\w()-]+\s+){0,2}?(?:notice|designation|direct|cross|"
        r"examination|topics?|deposition|subpoena|report|testimony|expertise|retention))?", re.I),
}


def _as_stated(ground: str, text: str) -> str:
    """A ground in the words counsel used where they say more than its name."""
    m = _STATED[ground].search(text) if ground in _STATED else None
    if m is None:
        return ground
    if ground == "privilege":
        word = (m["word"] or "privilege").lower()
        if m["who"]:
            return f"{m['who'].lower()}-client {word}"
        return "patient safety work product" if m["safety"] else "work product"
    return m.group().lower()


def is_recess(turn: Turn) -> bool:
    """A parenthetical or colloquy remark that takes the deposition off or back on the record."""
    return turn.kind in ("paren", "colloquy") and bool(_RECESS.search(turn.text)) and not (
        turn.kind == "colloquy" and _OBJECTION.search(turn.text))
