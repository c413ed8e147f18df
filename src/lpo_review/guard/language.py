"""The drafted-language guard: advice, opinions and conclusions in digests, chronologies, abstracts.

Drafted work product may *report* what the record says ("the witness testified that he
recommended a repair", "Dr. Kim advised the patient to stop smoking", "the agreement provides
that the licensee shall indemnify") but must not *give* advice or reach conclusions in the
drafter's own voice ("the client should settle", "this clause is unenforceable", "we
recommend", "you will likely win", "the witness was lying").

Each sentence is reduced to the drafter's own voice before any pattern is tried:

* transcript lines (``Q.``/``A.``), record sections (``Plan:``, ``Impression:``...) and
  clauses quoted in capitals are the record, not the drafter;
* quoted material is the record's words;
* a reporting frame with a third-party subject ("X testified/stated/argued/recommended/held
  that ...", "was advised", "according to X", "per Dr. Y") hands everything after it to that
  speaker, so only the words before the frame are the drafter's;
* ``whether`` clauses and questions raise issues rather than answer them.

What remains is checked for first- and second-person advice, advisory modality with the
client as subject, imperatives of legal action, outcome predictions, and evaluative predicates
on legal concepts (enforceability, liability, credibility, merit).  Every pattern is a regular
expression: no model is loaded, so checking a packet takes milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lpo_review.guard.rules import GuardRule, ReasonPattern, RuleHit, run_rules

# --------------------------------------------------------------------------------------------
# Sentence splitting (prose, table cells, bullets)
# --------------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "v", "vs", "no", "nos", "inc", "ltd",
    "co", "corp", "llc", "llp", "cf", "al", "cal", "bus", "sec", "secs", "art", "ch",
    "para", "paras", "fig", "ex", "exh", "dep", "tr", "p", "pp", "id", "approx", "dept",
    "govt", "assn", "bros", "mt", "ft", "hon", "rev", "gen", "supp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "ave", "blvd",
    "mass", "fla", "tex", "ill", "pa", "ny", "n.y", "u.s", "u.s.c", "e.g", "i.e", "a.m",
    "p.m", "m.d", "ph.d", "esq", "ct", "app",
})
#: Bullets and cell separators: a new item starts after any of these.
_ITEM_BREAK = re.compile(r"\n|\t|\s\|\s|[\u2022\u25aa\u25e6\u2023\u00b7]")
_BULLET = re.compile(r"^\s*(?:[-*\u2013\u2014>]+|\(?\d{1,3}[.)]|\([a-z]\)|[a-z]\)|\(?[ivx]{1,4}\))\s+")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text and where it is (``text[start:end]``)."""

    start: int
    end: int
    text: str
    item: int = 0
    """Which line, cell or bullet item of the text the sentence belongs to."""


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip().rstrip(".!?\"')]\u201d\u2019").split()
    if not words:
        return False
    last = words[-1].lstrip("(\"'[").lower()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _inside_quotes(text: str) -> bool:
    """Whether ``text`` leaves a double quotation open."""
    return (text.count('"') % 2 == 1) or text.count("\u201c") > text.count("\u201d")


def split_sentences(text: str) -> list[Sentence]:
    """Split drafted text into sentences with their offsets.

    Lines, tab- or ``|``-separated cells and bullet items are split first; bullet markers are
    left out of the sentence.  Within an item, a sentence ends at ``.``, ``!`` or ``?`` followed
    by a capital, unless the word before is an abbreviation (``Dr.``, ``v.``, ``No.``) or an
    initial (``John A. Smith``; this also keeps transcript ``Q.``/``A.`` labels attached), or
    the boundary is inside double quotation marks (a quoted answer is one sentence of the
    drafted text: ``answered "No. I think it was wet."``) or brackets (``(Excl. 7)``).
    """
    sentences: list[Sentence] = []
    item_starts = [0] + [m.end() for m in _ITEM_BREAK.finditer(text)]
    item_ends = [m.start() for m in _ITEM_BREAK.finditer(text)] + [len(text)]
    for index, (item_start, item_end) in enumerate(zip(item_starts, item_ends, strict=True)):
        item = text[item_start:item_end]
        bullet = _BULLET.match(item)
        pos = bullet.end() if bullet else 0
        start = pos
        for m in _BOUNDARY.finditer(item, pos):
            chunk = item[start:m.end()]
            if _ends_with_abbreviation(chunk) or _inside_quotes(chunk) or \
                    chunk.count("(") > chunk.count(")"):  # "(Excl. 7)": inside brackets
                continue
            sentences.append(_sentence(text, item_start + start, item_start + m.end(), index))
            start = m.end()
        sentences.append(_sentence(text, item_start + start, item_end, index))
    return [s for s in sentences if s.text]


def _sentence(text: str, start: int, end: int, item: int) -> Sentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    return Sentence(start + lead, start + lead + len(body), body, item)


# --------------------------------------------------------------------------------------------
# The drafter's own voice
# --------------------------------------------------------------------------------------------

#: Transcript lines: ``Q.``/``A.`` and a speaker's redacted name (``<PERSON_3>: Let's...``).
_TRANSCRIPT_LINE = re.compile(r"^(?:q|a|question|answer)\s*[.:]\s|^<[A-Z][A-Z_]*\d*>\s*:\s",
                              re.IGNORECASE)
_RECORD_SECTION = re.compile(
    r"^(?:plan|assessment|impression|diagnos[ie]s|dx|prognosis|discharge\s+instructions|"
    r"instructions|hpi|history|findings|chief\s+complaint|cc|orders|rx|a/p|subjective|objective|"
    r"per\s+[^:]{1,40})\s*:", re.IGNORECASE)
_LABEL = re.compile(r"^[A-Za-z][\w /&'-]{0,40}:\s+")
#: A clause quoted in capitals (limitation of liability, disclaimers) is the record verbatim.
_LOWER = re.compile(r"[a-z]")
#: The drafter proposing, after a semicolon: "...; we'd suggest the client request a waiver".
_DRAFTER_PROPOSES = re.compile(r"(?:we|i)(?:'d|\u2019d|\s+would|\s+should|\s+strongly)?\s+(?:suggest|"
                               r"recommend|advise|propose|urge)\b", re.IGNORECASE)
#: A review platform's coding cell: short labels between semicolons ("Responsive; Issue 7 -
#: Retaliation; Confidential").
_CODING_CELL = re.compile(r"[A-Z0-9][\w'&/().#\-]*(?:[ \t]+[\w'&/().#\-]+){0,4}"
                          r"(?:[ \t]*;[ \t]*[A-Z0-9][\w'&/().#\-]*(?:[ \t]+[\w'&/().#\-]+){0,4})+\.?")
#: A verb that makes what stands before a colon a statement, not a field's label.
_FINITE_VERB = re.compile(r"\s(?:is|are|was|were|has|have|should|must|will|would|cannot|can't)\s",
                          re.IGNORECASE)
_CAPITALS = re.compile(r"[A-Z]{2}")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019(?!\w)"
                     r"|(?<![\w'])'[^'\n]*(?:\w'\w[^'\n]*)*'(?![\w'])")
#: Who writes the draft's notes, as they sign their own remarks ("Reviewer recommends", "Per nurse
#: reviewer,", "Abstractor's view:"): their words are the draft's, not a report of someone else's.
_NOTE_AUTHORS = r"reviewer|abstractor|analyst|drafter"
_ATTRIBUTED = re.compile(
    # (but "Per checking, ...": the drafter's own check, in Philippine English)
    r"^(?:according\s+to|per(?!\s+(?:my|our|checking|verifying|(?:the\s+)?(?:nurse\s+)?(?:"
    + _NOTE_AUTHORS + r"))\b)|pursuant\s+to|as\s+(?:stated|noted|provided|"
    r"set\s+out|reported|"
    r"described|recorded)\s+(?:in|by))\b"
    r"|^(?:under|in)(?!\s+(?:my|our|the\s+\w+'s)\s+(?:view|opinion|judgment|assessment|reading|"
    # (a numbered Rule is the text cited; "the anti-subrogation rule" is a doctrine applied)
    r"review)\b)\s+[^,]*(?:\u00a7|\bsection\b|\bart\.|\barticle\b|\bclause\b|(?-i:\bRule\b)|"
    r"\bcode\b|\bact\b|\brestatement\b|\bv\.|\bthe\s+(?:agreement|contract|lease|policy|"
    r"statute|regulation))[^,]*,"
    r"|\baccording\s+to\b|\bper\s+(?:dr\b|the\b(?!\s+(?:nurse\s+)?(?:" + _NOTE_AUTHORS + r")\b)|"
    r"his\b|her\b|their\b|\w+\s+(?:instructions|orders|"
    r"notes?|records?|reports?|protocol)\b)", re.IGNORECASE)
_WHETHER = re.compile(r"\b(?:whether|(?P<verb>asked|ask|asks|unclear|determine|decide|know|see|check|"
                      r"wonder|wondered|sure|clear)\s+if\s+(?=\w+\s+(?:is|are|was|were|would|will|"
                      r"should|can)\b))"
                      r"[^,;]*", re.IGNORECASE)
_REPORTING = re.compile(
    r"\b(?:testified|testifies|testifying|stated|states|stating|said|says|told|tells|explained|"
    r"explains|noted|notes|noting|reported|reports|recalled|recalls|described|describes|argued|"
    r"argues|arguing|contended|contends|alleged|alleges|alleging|claimed|claims|claiming|asserted|asserts|"
    r"maintained|maintains|insisted|insists|admitted|admits|conceded|concedes|agreed|agrees|"
    r"denied|denies|acknowledged|acknowledges|confirmed|confirms|indicated|indicates|wrote|writes|"
    r"opined|opines|concluded|concludes|concluding|found|finds|finding|held|holds|holding|ruled|"
    r"rules|ruling|determined|determines|decided|recommended|recommends|advised|advises|advising|"
    r"suggested|suggests|predicted|predicts|believed|believes|thought|thinks|felt|feels|"
    r"provides|provided|requires|required|reads|reading|record|records|recorded|reflects|"
    r"reflected|show|shows|showed|shown|identified|identifies|discusses|discussed|addresses|addressed|"
    r"asked|asks|counseled|counselled|instructed|warned|urged|directed|ordered|estimated|"
    r"expected|reasoned|observed|characterized|characterised|objected|questioned|responded|"
    r"answered|replied|described|mentioned|complained|complains|documented|documents|charted|"
    r"assessed|diagnosed|declared|declares|swore|averred|affirmed|reversed|disputed|disputes|warns|"
    r"urges|instructs|lists|listed|cautioned|cautions|proposed|proposes|attributes|attributed|"
    r"surveys|collects|summarizes|summarises|describes|opines|concluded|stipulated|stipulates|"
    r"acknowledge|agree|represent|represents|represented|warrant|warrants|warranted|certify|"
    r"certifies|certified|concede|contend|allege|assert|testify|disclose|discloses|disclosed|"
    r"pleads|pleaded|pled|cites|cited|(?:takes|took|taken|taking)\s+the\s+(?:position|view|stance))\b",
    re.IGNORECASE)
#: Words that are reporting verbs or plural nouns ("the board minutes record that" / "the phone
#: records and"): followed by one of these they are nouns.
_NOUN_FOLLOWS = re.compile(
    r"\s*(?:(?:and|or|of|for|from|with|to|in|on|at|by|are|is|were|was|aren't|isn't|weren't|wasn't|"
    r"have|has|reflect\w*|show\w*|"
    r"indicate\w*|contain\w*|prove\w*|confirm\w*|establish\w*|demonstrat\w*|reveal\w*|"
    r"look\w*|seem\w*|appear\w*|sound\w*|referenced|cited|attached|produced|quoted|since|because)\b|"
    r"[,.;:]|\d|$)", re.IGNORECASE)
#: Reporting verbs that are no plural nouns: "Wife alleges in her affidavit that ...".
_ONLY_VERBS = re.compile(r"alleges|testifies|asserts|contends|maintains|insists|concedes|admits|"
                         r"acknowledges|argues|explains|opines|pleads|avers|denies|says|tells|"
                         r"recalls|swears|confirms|claims(?=\s+in\s+(?:his|her|their|its)\b)",
                         re.IGNORECASE)
#: "the evidence shows beyond doubt that...": the frame asserts, it does not report.
_ASSERTIVE_AFTER = re.compile(
    r"\s*(?:beyond\s+(?:any\s+|all\s+|a\s+)?doubt|conclusively|clearly|plainly|unequivocally|"
    r"definitively|without\s+(?:a\s+)?doubt|irrefutably)\b", re.IGNORECASE)
#: A frame is not reported speech when the drafter is its subject or it carries the drafter's
#: own modality ("we would recommend", "counsel should advise", "well advised").
_NOT_A_FRAME_BEFORE = re.compile(
    r"(?:\b(?:i|we)(?:\s+(?:would|also|strongly|do|therefore|further|have|had))*"
    r"|\b(?:should|would|will|must|(?<!\d\s)may|might|could|can|cannot|can't|to)(?:\s+not)?"
    r"(?:\s+(?:be|been|have\s+been))?"
    r"|\bwell|\bthe\s+way\s+\w+|\bhow\s+\w+|\bif\s+you|\blike\s+(?:the\s+|my\s+|our\s+)?\w+"
    r"|\bmy\s+(?:gut|instinct|hunch|sense|feeling)"
    # a noun, not a verb: "the plaintiff's claims", "the records", "his notes"
    r"|'s|\b(?:the|a|an|his|her|their|its|our|my|this|these|those|such|of|and|in|for)"
    # an adjective, not a verb: "the statutorily required disclosures"
    r"(?:\s+\w+ly)?)\s*$", re.IGNORECASE)
#: A participle followed by where the record says it ("described at 63:10", "noted on p. 4"):
#: it modifies a noun, it frames no speech.
_CITED_AFTER = re.compile(r"\s+(?:at|on|in)\s+(?:p{1,2}\.\s*|page\s+|tr\.\s*)?\d"
                          r"|\s+\((?:p{1,2}\.\s*|page\s+)?\d"  # "Barlow describes (pp. 33-36)"
                          r"|\s+by\s+(?:\u00a7|section\b|sec\.|art\.|article\b|rule\b|clause\b)",
                          re.IGNORECASE)
#: Participles that state a fact when passive ("was required", "is required", "were documented"), unlike
#: "was told" or "was advised", which report what someone said.
_PASSIVE_FACT = frozenset({"required", "provided", "documented", "charted", "recorded", "listed",
                           "identified", "reflected"})
_PASSIVE_BEFORE = re.compile(r"(?<!\bit\s)\b(?:was|were|is|are)(?:\s+not)?\s*$", re.IGNORECASE)
#: The drafter characterising what a frame reports ("essentially concedes", "in effect admits").
_CHARACTERISED = re.compile(r"\b(?:essentially|effectively|basically|in\s+effect|all\s+but|tacitly|"
                            r"implicitly|practically|virtually)\s*$", re.IGNORECASE)
#: "... and asserts that": a second verb of the subject, not a noun.
_AND_FRAME_THAT = re.compile(r"\band\s+\w+\s+that\b", re.IGNORECASE)
#: "The affidavit reads like a script": a comparison, not a report.
_LIKENESS_AFTER = re.compile(r"\s+(?:like|as\s+(?!follows\b)\w+)\b", re.IGNORECASE)
#: A verb right after the frame word: it closes a relative clause ("the dates she admitted
#: would be useful"), it reports nothing.
#: "holding it back", "held off", "held onto": a verb of keeping, not a court's holding.
_HELD_BACK = re.compile(r"\s+(?:(?:it|them|him|her|this|that|the\s+\w+)\s+)?(?:back|off|onto|on\s+to|"
                        r"over|up)\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\s+(?:would|will|should|could|must|may|might|is|are|was|were|here|"
                             r"above|below|therein|herein|earlier|previously)\b",
                             re.IGNORECASE)
#: A participle opening a clause before a bare noun and its verb: an adjective ("Proposed
#: merger would trigger it", "Recorded statement is attached"), not a subjectless frame
#: ("Denied telling anyone", "Admitted the crew took it down").
_ADJECTIVE_USE = re.compile(r"\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|my|our|"
                            r"he|she|they|it|we|i|you)\b)[a-z][\w-]*\s+(?:would|will|is|was|are|"
                            r"were|has|had|may|must|should|can|could)\b")
#: "..., which the parties agree is": the frame's own clause goes on after it.
_WHICH_SUBJECT = re.compile(r"\bwhich\s+(?:the\s+|both\s+)?\w+\s*$", re.IGNORECASE)
#: Where one clause ends and the next, which may be the drafter's own, begins.
CLAUSE_BREAK = re.compile(r";|\s[-\u2013\u2014]{1,2}\s")
#: Fewer words after a semicolon than this continue what came before it ("...; nothing like it").
MIN_CLAUSE_WORDS = 4
#: The speaker's own "I"/"you" in a restated answer: the clause still reports the speaker.
_SPEAKERS_OWN = re.compile(r"\b(?:i|i'm|i've|my|me|you|your|we|our|us)\b", re.IGNORECASE)
#: A parenthetical remark of some words (not a cite, an abbreviation or a defined term).
_ASIDE_PAREN = re.compile(r"\((?![\"'\u201c]|the\s+\"|hereinafter)([^()]*[a-z][^()]*\s[^()]*\s[^()]*)\)")
_CITE_LEAD = re.compile(r"^\s*(?:p{1,2}\.\s*)?\d+:\d+(?:[-\u2013]\d+(?::\d+)?)?\s*[-\u2013\u2014,;:]?\s*")
#: What a passage is good for in the case: "impeachment gold; save for cross", "flag for SJ
#: opposition", "key to our notice argument", "solid basis for a sanctions motion".  Said after
#: a restated answer, it is the drafter's word, not the witness's.
_CASE_USE = re.compile(
    r"\b(?:save|flag|hold|keep|highlight|earmark|use)\s+(?:it\s+|this\s+|that\s+)?for\s+"
    r"(?:the\s+)?(?:MSJ|SJ|summary\s+judgment|cross|trial|impeachment|mediation|closing|"
    r"(?:the\s+|our\s+)?(?:\w+\s+)?(?:motion|opposition|brief|reply))\b"
    r"|\bimpeachment\s+(?:gold|material|fodder|value)\b|\bkey\s+to\s+our\b"
    r"|\b(?:helpful|good|great|bad|harmful|damaging)\s+(?:fact\s+|point\s+|testimony\s+)?for\s+"
    r"(?:us|our\s+side|our\s+client)\b"
    r"|\bgood\s+(?:spot|place|point|moment|time|chance|opportunity)\s+to\s+(?:hit|raise|press|"
    r"attack|probe|impeach|exploit|push)\b"
    r"|\b(?:solid|strong|good|sufficient|clear)\s+(?:basis|grounds?)\s+for\s+(?:an?\s+)?\w+"
    r"|\bsupports\s+(?:constructive|actual|our|the)\s+(?:notice|claim|defen[cs]e|argument)\b"
    r"|\bmatters?\s+(?:most\s+)?(?:for|to)\s+(?:the|our)\s+(?:claim|case|defen[cs]e|damages)\b"
    r"|\b(?:hurts?|helps?|damages?|kills?)\s+us\b|\b(?:hurts?|helps?)\s+our\s+(?:case|client|side|position)\b"
    r"|\bour\s+(?:best|strongest|only|key|main|star)\s+(?:proof|evidence|argument|defen[cs]e|witness|"
    r"fact|exhibit|document)\b",
    re.IGNORECASE)
#: An arrow or equals sign: what follows is the drafter's inference from what precedes.
_INFERENCE = re.compile(r"\s*(?:\u2192|->|=>|\u21d2|\s=\s|\u2234)\s*")
#: A dash opening the drafter's aside after a record's words ("Plan: PT 2x/wk -- client ...").
_ASIDE = re.compile(r"\s(?:--|\u2014|\u2013)\s")
#: The drafter's remark in square brackets after a transcript line.
_BRACKETED = re.compile(r"\[([^\]]*[a-z][^\]]*)\]\s*$")
#: A note to the attorney, or an instruction, written in capitals: the drafter's, not a clause
#: quoted in capitals.
_CAPS_NOTE = re.compile(r"^(?:NOTE\s+TO\s+(?:ATTY|ATTORNEY|COUNSEL|FILE|SUPERVISOR)\b|RECOMMEND\w*|"
                        r"PREP\b|PUSH\b|SETTLE\b|REJECT\b|ACCEPT\b|DEPOSE\b|MOVE\s+TO\b|"
                        r"DO\s+NOT\b|DON'T\b|FILE\s+(?:A|THE)\b|OFFER\b)")
#: A reason or condition opening the sentence ("Because the witness admitted X, ...", "If the
#: jury believes her, ..."): what it reports
#: ends at its comma; the main clause after it is the drafter's.
_REASON_CLAUSE = re.compile(r"^(?:because|since|given(?:\s+that)?|as|once|now\s+that|reading|taking|"
                            r"if|unless|assuming|provided\s+that|although|though|even\s+though|"
                            r"while|whatever|despite|notwithstanding|"
                            r"looking\s+at|considering|judging\s+by|based\s+on|by\s+\w+ing)\b",
                            re.IGNORECASE)


#: The drafter's own side as the subject of a frame: "The reviewer recommends", "This analysis
#: concludes", "Our team suggests", "Counsel recommends", "It is recommended".  What it
#: advises or concludes is the draft's own advice, not someone else's words reported.
_DRAFTER_WHO = (
    r"(?:our\b[\w\s'-]*|this\s+(?:analysis|digest|summary|review|abstract|memo(?:randum)?|"
    r"chronology|assessment|report|write-?up|draft)|the\s+(?:review|analysis)|"
    r"the\s+(?:[\w-]+\s+){0,2}(?:reviewers?|drafters?|abstractors?|analysts?|summari[sz]ers?|"
    r"paralegals?|team|group|lead|author|preparers?|chronologists?|reviewing\s+\w+|vendor)|"
    r"the\s+(?:digest|abstract|summary|chronology)(?:'s)?\s+(?:author|team|drafter|preparer)|"
    r"counsel|it\s+is|it\s+appears\s+to\s+us|"
    # a note's shorthand, no article: "Reviewer recommends", "Abstractor concludes"
    r"(?:nurse\s+|legal\s+|medical\s+)?(?:" + _NOTE_AUTHORS + r")s?(?=\s)|"
    r"(?:in\s+)?(?:the\s+)?reviewer's\s+(?:view|judgment))")
#: An opening phrase before the subject ("Based on these records, the analyst recommends").
_INTRO = r"(?:^|[;:]\s*|^[^,;:]{3,60},\s*)"
_DRAFTER_SUBJECT = re.compile(_INTRO + _DRAFTER_WHO + r"\s*$", re.IGNORECASE)
#: Evidence "showing" a legal conclusion: the draft's conclusion, whoever's record it cites.
_EVIDENCE_VERB = re.compile(r"\b(?:shows?|showed|proves?|proved|establish(?:es|ed)?|demonstrat\w*|"
                            r"confirms?|reveals?|means)\b", re.IGNORECASE)
#: A cause set against another: "the missing guardrail, not operator error, led to the fall".
_CONTRASTED_CAUSE = (r",\s*not\s+[^,;]{2,40},\s*(?:led\s+to|caused|produced|resulted\s+in|"
                     r"(?:was|is)\s+(?:the\s+)?(?:real\s+|true\s+)?(?:cause|reason))\b")
_LEGAL_FINDING = re.compile(
    r"\b(?:negligen\w*|liab\w*|lying|lied|lies\b|bad\s+faith|breach\w*|malpractice|fraud\w*|"
    r"on\s+the\s+hook|misrepresentations?|within\s+the\s+meaning\s+of|caused|"
    r"responsible\s+for|at\s+fault|dut(?:y|ies)\s+of\s+care|abandon\w*\s+(?:its|his|her)\s+duty|"
    r"faking|malinger\w*|credib\w*|unenforceable|time-barred|reckless\w*|defam\w*|"
    r"discriminat\w*|retaliat\w*|wrongful\w*|violat\w*|guilty|culpab\w*|deliberate\w*|"
    r"intentional\w*|covering\s+(?:for|up)|answer\s+for|accountable|invalid|void|knowingly|"
    r"could(?:n't|\s+not)\s+have\s+caused|no\s+(?:valid\s+|binding\s+)?contract|"
    r"contract\s+was\s+(?:ever\s+|never\s+)?formed|(?:actual\s+)?malice|exposed\s+to\s+(?:\w+\s+)?(?:liability|damages)|"
    r"(?:was|were|had\s+been|has\s+been)\s+"
    r"abandoned\s+through|spoliation|(?:conscious|reckless|willful|wanton)\s+(?:disregard|"
    r"indifference)|waiv(?:er|ed)|estoppel|pretext\w*)\b|" + _CONTRASTED_CAUSE, re.IGNORECASE)
#: A judgment tacked onto a reported fact: "..., which proves he was negligent", "; this
#: establishes liability", "..., which is clearly false".
_TRAILING_JUDGMENT = re.compile(
    r"[;,]\s*(?:which|this|that|and\s+this|so\s+(?:it|this))\s+(?:clearly\s+|plainly\s+|"
    r"obviously\s+|pretty\s+much\s+|essentially\s+|effectively\s+|basically\s+|all\s+but\s+|"
    r"likely\s+|probably\s+)?(?:proves?|shows?|establish\w*|demonstrat\w*|means|confirms?|makes?|supports?|"
    r"will|would|should|defeats?|dooms?|sinks?|kills?|guts?|torpedoes|undercuts?|undermines?|"
    r"destroys?|hands?|gives?\s+us|is\s+(?:clearly|plainly|obviously|simply)|"
    r"(?:was|were|is|are)\s+therefore|(?:falls?|fell)\s+below|constitutes?|amounts?\s+to|"
    r"violates?|breach(?:es|ed)?|waives?|waived|forfeits?|"
    r"was\s+(?:clearly|plainly|obviously))\b.*$"
    r"|\bbut\s+(?:she|he|they|the\s+\w+)(?:'s|\s+is|'re|\s+are|\s+was)\s+(?:wrong|mistaken|"
    r"incorrect)\b.*$"
    # "..., which cannot be true since ...", "..., which tells you he's hiding something",
    # "..., and we agree the accident caused it"
    r"|[;,]\s*which\s+(?:cannot|can't|could\s+not|couldn't)\s+(?:possibly\s+)?be\s+\w+.*$"
    r"|[;,]\s*which\s+tells\s+(?:you|us)\b.*$"
    r"|(?:[;,]|\s[\u2014\u2013-]{1,2})\s*(?:and|but)\s+(?:(?:frankly|honestly|candidly|personally),?\s+)?"
    r"(?:we|i)\s+(?:(?:must|have\s+to|would|do)\s+(?:say\s+)?(?:(?:that\s+)?(?:we|i)\s+)?)?(?:fully\s+|"
    r"entirely\s+)?(?:agree|think|believe|feel|disagree|conclude|find|found|consider|considered|"
    r"regard|regarded)\b.*$"
    # the drafter's name for what was reported: "..., a textbook failure to engage in the
    # interactive process", "..., a clear departure from the standard of care"
    r"|,\s*and\s+(?:she|he|they|the\s+\w+)\s+(?:should|must|cannot|can't)\s+(?:not\s+)?be\s+(?:believed|"
    r"credited|trusted)\b.*$"
    r"|,\s*(?:an?\s+)?(?:clear|obvious|plain|blatant|outright|textbook|classic|flagrant)\s+(?:[\w-]+\s+)"
    r"{0,2}(?:failure|departure|breach|violation|case|example|instance|deviation)\b.*$"
    # the drafter's inference from what is reported: "..., hence supplier cannot rely on it"
    r"|,\s*(?:hence|therefore|thus|accordingly|consequently)\s+.*$"
    r"|[;,]\s*which\s+(?:frankly\s+|honestly\s+|candidly\s+)?(?:is|was|seems|sounds)\s+(?:\w+\s+)?"
    r"(?:hard|difficult|impossible)\s+to\s+(?:believe|credit|accept)\b.*$"
    r"|[;,]\s*which\s+(?:is|was|seems|sounds)\s+(?:\w+\s+)?(?:the\s+)?(?:right|correct|smart|wise|"
    r"best|sensible|prudent|wrong)\s+(?:call|move|approach|decision|choice|course|play|result)\b.*$"
    r"|;\s*(?:[\w']+\s+){0,3}(?:lawyers?|counsel|attorneys?|we|the\s+client)\s+should\b.*$"
    r"|,\s*leav(?:es|ing)\s+(?:the\s+client|us|our\s+client)\s+(?:with\s+)?(?:no|little|full|"
    r"significant|some|all\s+the|uncapped)\s+(?:exposure|risk|liability|recourse|remedy)\b.*$"
    r"|,\s*(?:the\s+client|we|counsel|the\s+company|the\s+firm)\s+(?:should|must|ought\s+to|"
    r"needs?\s+to)\s+(?:not\s+)?(?:stop|drop|concede|settle|accept|reject|withdraw|abandon|"
    r"pursue|focus|concentrate|file|move|seek|demand|push|press|fight|contest)\w*\b.*$"
    # a recommendation joined to a reported fact: "..., and the contractor should notify its
    # carrier now"
    r"|,\s*and\s+(?:the\s+\w+|we|you|our\s+client|(?:he|she|they)\s+really)\s+(?:should|must|"
    r"ought\s+to|needs?\s+to)\s+(?!have\b)\w+.*$"
    r"|[;,]\s*so\s+(?:the\s+client|we|you|counsel|the\s+company)\s+(?:can|could|should|must|may|"
    r"needs?\s+to|ought\s+to)\b.*$"
    r"|(?:,|\))\s*so\s+[^,;]*\b(?:liable|negligent|responsible|at\s+fault|guilty|in\s+breach|invalid|"
    r"void|unenforceable|waived|(?:no|not)\s+(?:enforceable|binding|valid))\b.*$"
    r"|,\s*so\s+(?=[^;]*\b(?:will|would)\s+(?:probably|likely|almost\s+certainly|surely)\b).*$"
    r"|,\s*so\s+[^,;]*\b(?:should|must|cannot|can't|ought\s+to)\s+(?:not\s+)?(?:be\s+)?"
    r"(?:accepted|rejected|believed|credited|disregarded|discounted|trusted|excluded|admitted|"
    r"enforced|upheld|dismissed|granted|denied|given)\b.*$"
    r"|\s[\u2014\u2013-]{1,2}\s*(?:an?\s+)?(?:clear|obvious|plain|blatant|outright)\w*\s+\w+.*$"
    r"|;\s*(?:he|she|they|it)\s+(?:obviously|clearly|plainly)\b.*$"
    r"|,\s*which\s+is\s+(?:not|hardly|scarcely)\s+(?:believable|credible|plausible)\b.*$"
    r"|\(\s*(?:this\s+|which\s+)?(?:establishes|proves|shows|demonstrates|confirms)\b[^)]*\)\.?$",
    re.IGNORECASE)


#: The drafter's side named by its role ("the abstractor's", after "reviewer").
_DRAFTER_ROLES = r"abstractor|analyst|drafter|paralegal|team|vendor"
#: The draft citing its own work ("Per our analysis, ..."): no attribution to anyone else.
#: The drafter's recommendation as a label: "Recommended next step for the client -- issue a
#: litigation hold".
_RECOMMENDATION_LABEL = (r"^(?:recommended|suggested|proposed|advised)\s+(?:next\s+)?(?:steps?|"
                         r"actions?|course|approach|strategy)\b")
_OWN_ANALYSIS = re.compile(r"^(?:per|according\s+to|in|based\s+on)\s+(?:our|this|the\s+(?:review(?:er)?|"
                           + _DRAFTER_ROLES + r")'s)\s+(?:analysis|review|view|assessment|opinion|"
                           r"reading|judgment|research)\b"
                           # the drafter's own reading: "According to what I am seeing, ..."
                           r"|^(?:according\s+to|based\s+on|from)\s+what\s+(?:i|we)\s+(?:am\s+|are\s+)?"
                           r"(?:seeing|see|saw|read|found|reviewed)\b|" + _RECOMMENDATION_LABEL,
                           re.IGNORECASE)
#: A coding field whose value names a topic: "Topic 4:", "Issue code:", "Issue tag for entries
#: 31-40:", "Coded Hot; Issue:".
TOPIC_LABEL = re.compile(r"(?:topic|issues?|issue\s+(?:code|tag)s?|tags?|category|subject|coded)\b"
                          r"[^:]{0,40}:", re.IGNORECASE)
#: A question tagged onto a statement: "File the motion now -- thoughts?", "..., agree?".
_TAG_QUESTION = re.compile(r"\s*(?:[-\u2013\u2014,;]+\s*)?(?:thoughts|agree|agreed|ok|okay|right|"
                           r"objections?|any\s+objections?|sound\s+good|make\s+sense|concerns|"
                           r"yes\s+or\s+no)\s*\?\s*$", re.IGNORECASE)
#: A request for the attorney's answer on its own: "Pls advise when you get a chance."
_PLEASE_ADVISE = r"(?:pls|please|kindly)\s+(?:advise|confirm|let\s+(?:me|us)\s+know)"
_ASKS_FOR_ANSWER = re.compile(_PLEASE_ADVISE + r"\b[^.?!]{0,40}[.!]?", re.IGNORECASE)
#: A counterfactual in the drafter's voice, whatever it cites on the way: "Had the bank enforced
#: MFA, as its own policy required, the attackers would never have reached the database".
_COUNTERFACTUAL = re.compile(r"^had\s+[^.;?]{3,200}?,\s+[^.;?]*\bwould(?:\s+not|n't|\s+never)?\s+"
                             r"have\s+\w+", re.IGNORECASE)
#: A request for the attorney's answer after a question: "Do we log these or not? pls advise".
_ADVISE_AFTER_QUESTION = re.compile(r"\?\s*" + _PLEASE_ADVISE + r"[^.?!]{0,30}\W*$", re.IGNORECASE)
#: A verdict written as a label ("Liability: clear.", "Odds of defeating certification: poor.")
#: and the drafter's own take ("My take -- ...").
#: A ruling forecast with a participle that could read as a report ("likely denied").
_PREDICTED_RULING = re.compile(r"\b(?:likely|probably|almost\s+certainly)\s+(?:to\s+be\s+|be\s+)?"
                               r"(?:denied|granted|dismissed|struck|excluded|overturned|reversed|"
                               r"sustained|upheld)\b", re.I)
_VERDICT_LABEL = re.compile(
    r"^(?:(?:not\s+)?(?:attorney[- ]client\s+)?(?:privileged|protected)\s*(?::|[-\u2013\u2014]+)|"
    # a coverage position as a label: "Coverage: none, exclusion 2(f) applies."
    r"coverage\s*(?::|[-\u2013\u2014]+)\s*(?:none|no|excluded|barred|denied|owed|triggered|"
    r"available|confirmed)\b|"
    r"(?:liability|negligence|causation|fault|credibility|merits|exposure|outcome|odds\b[^:]*|"
    r"chances?\b[^:]*|enforceability|validity)\s*(?::|[-\u2013\u2014]+|looks|seems|appears)\s*"
    r"(?:clear|strong|weak|"
    r"poor|good|likely|unlikely|high|low|established|doubtful|slim|excellent|certain|obvious|"
    r"solid|questionable|shaky|favou?rable|unfavou?rable)\b|(?:my|our)\s+(?:take|view|read|sense|two\s+cents)\b"
    r"|(?:the\s+)?(?:" + _NOTE_AUTHORS + r"|digester|summari[sz]er|chronologist|"
    r"preparer)(?:'s)?\s+(?:take|view|opinion|"
    r"assessment|conclusion|read|recommendation)\s*:"
    r"|(?:negotiation|litigation|settlement|trial|defen[cs]e|discovery)\s+(?:approach|strategy|note|"
    r"plan|posture)\s*:|leverage(?:\s+point)?\b[^:]{0,30}:"
    r"|(?:expected|likely|probable|projected|anticipated|realistic)\s+(?:verdict|award|outcome|"
    r"recovery|settlement|exposure|value|result|ruling|decision)\b[^:]{0,30}:|(?:next\s+steps?|action\s+items?|to-?dos?|"
    r"recommended\s+(?:steps?|actions?))\b[^:]{0,20}:"
    r"|(?:proposed|suggested|recommended)\s+(?:mark-?ups?|redlines?|revisions?|amendments?|"
    r"changes?|edits?)\s*:"
    r"|(?:not\s+a\s+(?:great|good|strong)|an?\s+(?:great|good|strong|bad|weak|terrible))\s+"
    r"(?:record|case|position|fact\s+pattern)\s+for\b"
    r"|(?:(?:much|far|a\s+lot)\s+)?(?:stronger|weaker|better|worse)\s+than\s+(?:the\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+)?\s+(?:matter|case|claim|file)\b)",
    re.IGNORECASE)
#: A clause that opens a question ("Should we ...", "What about ...").
_QUESTION_START = re.compile(r"^\W*(?:should|would|could|can|do|does|did|is|are|was|were|what|why|"
                             r"how|when|where|who|which|shall|will|has|have|any)\b", re.IGNORECASE)
#: A question that is advice ("Why not settle now?", "Shouldn't the tenant withhold rent?").
_ADVICE_QUESTION = re.compile(
    # (not a choice put to the reader: "Should the client be told now, or will you raise it?")
    r"^(?![^?]*,?\s+or\s+(?:will|would|do|did|should|shall|can|could)\s+(?:you|i)\b)"
    # (nor a question about the draft itself: "Should we note demeanour in the digest, or ...?")
    r"(?![^?]*\b(?:in|from|into)\s+the\s+(?:digest|chronology|summary|abstract|log|index|"
    r"spreadsheet|draft|table)\b[^?]*,\s*or\b)"
    # (nor how to code a document in the review: "Should we treat Exhibit 4 as privileged?",
    # "Should we log the draft separately or as part of the chain?")
    r"(?!should\s+we\s+(?:treat|log|code|tag|mark|designate)\s+[^?]*?\b(?:as\s+(?:privileged|"
    r"responsive|non-?responsive|confidential|hot|AC|WP|work[- ]product)\b|separately\b|"
    r"together\b|as\s+(?:one|a\s+single|part\s+of)\b))"
    # (nor one the reader may rather take up: "..., or is that something you'd rather raise?")
    r"(?![^?]*\b(?:you'd|you\s+would)\s+(?:rather|prefer)\b)"
    r"(?:[^?]{0,40}(?:--|\u2014|:)\s*)?(?:is\s+it\s+(?:really\s+)?(?:wise|prudent|smart|sensible|"
    r"advisable|necessary|worth)|why\s+not|wouldn't\s+(?:it|the|we|they)|would\s+it\s+not\s+be|shouldn't|"
    r"(?:couldn't|can't)\s+(?:we|the\s+client)\s+(?:just\s+|simply\s+)?(?:file|settle|send|offer|"
    r"withdraw|amend|move|ask|push|refuse|reject|accept|wait)|"
    r"should\s+(?:we|the\s+client|our)|isn't\s+it\s+(?:better|wiser|time|clear|obvious|plain|"
    r"evident|apparent)|isn't\s+the\s+(?:obvious|best|better|smart|right|only|safest|logical)\s+"
    r"(?:move|course|play|step|option|approach|choice|strategy)|why\s+(?:would(?:n't)?|should(?:n't)?|"
    r"don't|do)\s+(?:we|the\s+client|you)\s+not\b|why\s+(?:don't|shouldn't|wouldn't)\s+(?:we|"
    r"the\s+client)\b|why\s+would\s+(?:the\s+)?client\s+(?:ever\s+)?(?:agree|accept|sign|consent|"
    r"settle|waive|concede)|why\s+would\s+(?:we|the\s+client|"
    r"you)\b[^?]*\bwhen\s+(?:we|you|the\s+client)\s+(?:can|could)|"
    r"(?:isn't|aren't|wasn't|weren't)\s+[^?]*\b(?:breach\w*|negligen\w*|"
    r"liab\w*|fault|waive\w*|void|unenforceable|fraud\w*|bad\s+faith|pretext\w*)|"
    r"would\s+any\s+(?:reasonable\s+)?(?:court|jury|judge|fact-?finder|arbitrator)|"
    r"do\s+we\s+(?:really\s+)?(?:want|need)|"
    r"(?:can|could|would)\s+you\s+let\s+(?:the\s+)?client\s+know\s+(?:that\s+)?(?:they|it|he|she)"
    r"(?:'re|'s|\s+(?:is|are))\s+(?:fine|free|safe|ok|okay|clear|entitled)|"
    r"can\s+anyone\s+(?:really\s+|seriously\s+)?believe|(?:has|have)\s+(?:anyone|we|counsel|"
    r"the\s+(?:firm|client|team))\s+(?:considered|thought\s+(?:about|of)|looked\s+into)|"
    r"(?:might|could|would)\s+(?:it|we|the\s+client|counsel)\s+(?:be\s+worth|make\s+sense|"
    r"consider|want\s+to)|(?:what|how)\s+about|(?:perhaps|maybe|possibly)\s+(?:we\s+(?:could|should)\s+)?"
    r"(?:consider|try|float|offer|propose|file|move|settle|push|seek)|(?:was|is|were|are)(?:n't)?\s+"
    r"(?:the|he|she|it|they)\b[^?]*\bnot\s+clearly)\b[^?]*\?$", re.IGNORECASE)


def _drafter_frame(before: str, verb: str) -> bool:
    """Whether a frame's subject is the drafter's own side (a present-tense "counsel"
    only: "Counsel recommended" may be history the record reports)."""
    m = _DRAFTER_SUBJECT.search(before)
    if m is None:
        return False
    return not (m.group().strip().lower().endswith("counsel") and verb.lower().endswith("ed"))


@lru_cache(maxsize=4096)
def analyse(sentence: str) -> tuple[str, bool]:
    """(the drafter's own voice in ``sentence``, whether it reports someone else's words).

    A frame whose subject is the drafter's side ("The reviewer recommends ...") reports
    nothing: the sentence is the draft's own.  Evidence said to show a legal conclusion
    ("Exhibit 7 shows the witness is lying") and a judgment added after a reported fact
    ("..., which proves he was negligent") are the drafter's voice too.
    """
    text = re.sub(r"\s+", " ", sentence).strip()
    if _ADVICE_QUESTION.match(text) or _COUNTERFACTUAL.match(text):
        return text, False
    if (_TRANSCRIPT_LINE.match(text) or _RECORD_SECTION.match(text)) and (
            aside := _ASIDE.search(text)):
        return analyse(text[aside.end():])
    if _TRANSCRIPT_LINE.match(text) and (remark := _BRACKETED.search(text)):
        return analyse(remark.group(1))  # "Q. ... A. Not to me. [evasive; a jury won't like him]"
    if _CAPS_NOTE.match(text) and not _LOWER.search(text):
        return analyse(text.lower())  # "NOTE TO ATTY: PUSH FOR EARLY SETTLEMENT."
    if (tag := _TAG_QUESTION.search(text)) and "?" not in text[:tag.start()]:
        text = text[:tag.start()].rstrip(" ,;-\u2013\u2014") + "."  # "File it now -- thoughts?"
    text = _ADVISE_AFTER_QUESTION.sub("?", text)  # "... privileged or not? pls advise"
    if _ASKS_FOR_ANSWER.fullmatch(text):
        return "", False  # "Pls advise when you get a chance."
    if text.endswith("?") and (breaks := list(CLAUSE_BREAK.finditer(text))) and \
            "?" not in (head := text[:breaks[-1].start()]) and not _QUESTION_START.match(head):
        # "Privilege probably waived once forwarded -- produce w/ redactions?": the statement
        # before the question is judged on its own
        (first, reported), (second, _) = analyse(head), analyse(text[breaks[-1].end():])
        return f"{first}; {second}".strip("; "), reported
    if (not text or text.endswith("?") or _TRANSCRIPT_LINE.match(text)
            or _RECORD_SECTION.match(text)
            or (_CAPITALS.search(text) and not _LOWER.search(text))):
        return "", False
    if _CODING_CELL.fullmatch(text) and not _FINITE_VERB.search(f" {text} "):
        return "", False
    text = _QUOTED.sub(' "..." ', text)
    if _OWN_ANALYSIS.match(text) or _VERDICT_LABEL.match(text):
        return text, False
    label = _LABEL.match(text)
    if label and _FINITE_VERB.search(label.group()):
        label = None  # "FYI the claim is time-barred: ...": a statement, then its reasons
    if label and TOPIC_LABEL.match(label.group()):
        # "Topic 4: spoliation", "Issue: Breach of Warranty": the value names a topic; what
        # follows it after a clause break is judged on its own
        rest = CLAUSE_BREAK.split(text[label.end():], maxsplit=1)
        return analyse(rest[1].strip()) if len(rest) == 2 and rest[1].strip() else ("", False)
    if label:
        text = text[label.end():]
        if _OWN_ANALYSIS.match(text.strip()):
            return text, False  # "Comments: According to what I am seeing ..., the employer ..."
    if trailing := _TRAILING_JUDGMENT.search(text):
        return trailing.group(), False
    asides = [_CITE_LEAD.sub("", m.group(1)) for m in _ASIDE_PAREN.finditer(text)]
    if asides:  # "(41:2 - fault on his side settled)": the drafter's own remark
        main, reported = analyse(_ASIDE_PAREN.sub(" ", text))
        said = [analyse(a)[0] for a in asides]
        return "; ".join(v for v in (main, *said) if v), reported
    if inferred := _INFERENCE.search(text):  # "admits X -> negligence per se", "delay = malpractice"
        return text[inferred.end():].strip(), False
    clause = CLAUSE_BREAK.search(text)
    if clause and text[clause.end():].strip():  # each clause speaks for itself
        head, tail = text[:clause.start()], text[clause.end():]
        (first, reported_first), (second, reported_second) = analyse(head), analyse(tail)
        if reported_first and not _INFERS.match(tail.strip()) and not _CASE_USE.search(tail) and \
                not (_DEMONSTRATIVE.match(tail.strip()) and _LEGAL_FINDING.search(tail)) and (
                _CONTINUES_SPEECH.match(tail.strip()) or len(tail.split()) < MIN_CLAUSE_WORDS
                or (_SPEAKERS_OWN.search(tail) and not _DRAFTER_PROPOSES.match(tail.strip()))):
            return first, True  # the reported words go on ("...; that's true.", "...; if you")
        return f"{first}; {second}".strip("; "), reported_first or reported_second
    if _PREDICTED_RULING.search(text):
        return text, False  # "MSJ likely denied now.": a forecast, not a report of a denial
    if _ATTRIBUTED.search(text):
        return "", True
    reported = False
    for m in _REPORTING.finditer(text):
        if _drafter_frame(text[:m.start()], m.group()):
            break
        if _EVIDENCE_VERB.fullmatch(m.group()) and _LEGAL_FINDING.search(text, m.end()):
            break
        if m.group().lower().endswith(("s", "record", "reading")) and _NOUN_FOLLOWS.match(
                text, m.end()) and not _ONLY_VERBS.fullmatch(m.group()):
            continue
        if m.group().lower() in ("holding", "holds", "held") and _HELD_BACK.match(text, m.end()):
            continue  # "holding it back would be a breach": keeping, not a court's holding
        if not text[:m.start()].strip() and _ADJECTIVE_USE.match(text, m.end()):
            continue  # "Proposed merger would trigger it": an adjective, no one's words
        if text[m.start() - 1:m.start()] == "-" or _CITED_AFTER.match(text, m.end()):
            continue  # "self-reported", "the near-miss described at 63:10": no frame
        if m.group().lower() in _PASSIVE_FACT and _PASSIVE_BEFORE.search(text, 0, m.start()):
            continue  # "consent was required and never obtained": a fact, not a report
        if _CHARACTERISED.search(text, 0, m.start()):
            break  # "this admission essentially concedes ...": the drafter's reading
        if (m.group().lower() == "reads" and _LIKENESS_AFTER.match(text, m.end())
                or _RELATIVE_AFTER.match(text, m.end())
                and not _WHICH_SUBJECT.search(text, 0, m.start())):
            continue
        if _ASSERTIVE_AFTER.match(text, m.end()):
            break
        if not _NOT_A_FRAME_BEFORE.search(text[:m.start()]) or _AND_FRAME_THAT.search(
                text[:m.end() + 6]):
            comma = text.find(",", m.end())
            if _REASON_CLAUSE.match(text) and comma > 0:
                main, main_reported = analyse(text[comma + 1:])
                return re.sub(r"\s+", " ", f"{text[:m.start()]} {main}").strip(), main_reported
            text, reported = text[:m.start()], True
            break
    text = _WHETHER.sub(lambda m: f" {m.group('verb') or ''} ", text)
    return re.sub(r"\s+", " ", text).strip(), reported


def drafter_voice(sentence: str) -> str:
    """The part of ``sentence`` said in the drafter's own voice (may be empty)."""
    return analyse(sentence)[0]


#: A sentence led by a pronoun right after reported speech goes on reporting it ("The witness
#: testified that she saw the truck late. That's true.").
#: A clause that draws the drafter's own inference from what went before ("...; therefore those
#: damages are barred").
_INFERS = re.compile(r"(?:therefore|thus|hence|so|accordingly|consequently|which\s+means)\b",
                     re.IGNORECASE)
#: "that's negligence per se", "this is spoliation": the drafter naming what was reported.
_DEMONSTRATIVE = re.compile(r"^(?:that|this|which)(?:'s|\s+(?:is|was|would\s+be|amounts\s+to|"
                            r"constitutes))\b", re.IGNORECASE)
_CONTINUES_SPEECH = re.compile(
    r"^(?:that|it|this|they|he|she|we|i)(?:'s|'re|'m|\s+(?:is|was|were|are|am|did|do|had|has|"
    r"have|would|will|could|can|never|always|just|also|then|only|still))\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Patterns over the drafter's voice
# --------------------------------------------------------------------------------------------


#: A pattern over the drafter's voice and the reason a match is flagged.
_p = ReasonPattern.of


_SHOULD = re.compile(r"\b(?:should|ought\s+to|had\s+better|needs?\s+to)\b(?!\s+have\b)",
                     re.IGNORECASE)
_NO_OBLIGATION = re.compile(
    r"\b(?:has|have|had)\s+no\s+(?:legal\s+)?(?:obligation|duty)\s+to\b|\b(?:is|are|was|were)\s+"
    r"(?:not|under\s+no\s+obligation)\s+(?:legally\s+)?(?:obligated|required|bound)?\s*to\b",
    re.IGNORECASE)
#: Subjects whose "should" is a record's or a workflow's, not advice: the patient's
#: instructions, a note to the reviewing attorney, a contract's defined term ("the Buyer").
_INSTRUCTED_SUBJECT = re.compile(
    r"\b(?:patient|pt|attorney|reviewer|paralegal|team|associate|partner|labels?|pages?|"
    r"transcript|extraction|ocr|cites?|citations?|dates?)\b", re.IGNORECASE)
_DEFINED_TERM = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ss]uch|[Ee]ach|[Ee]ither)\s+(?!(?:Court|Judge|Jury|Plaintiffs?|"
    r"Defendants?|Claimant|Respondent|Petitioner|Appellant|Appellee|Client|Tribunal|Panel|"
    r"Arbitrator)\b)[A-Z][a-z]+")
_FUTURE = re.compile(r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to|won't|wouldn't)\b",
                     re.IGNORECASE)
#: Subjects of a prediction: parties, decision makers, claims and the instruments in dispute.
_LEGAL_SUBJECT = re.compile(
    r"\b(?:client|plaintiffs?|defendants?|claimant|respondent|petitioner|hospital|company|employer|"
    r"insurer|court|judge|jury|arbitrators?|panel|tribunal|claims?|case|suit|lawsuit|action|motion|"
    r"appeal|cap|clause|provision|release|waiver|contract|agreement|lease|defen[cs]e|causation|"
    r"liability|damages|we|they|opposing|landlord|tenant|seller|buyer|supplier|guarantor|it|this|"
    r"side|adjuster|carrier|mediator|underwriter|apportionment|verdict|award|recovery|exposure)\b",
    re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: Futures that schedule rather than predict ("the court will hear argument on July 12").
_SCHEDULED = re.compile(
    r"\s*(?:not\s+)?(?:hear|hold|meet|convene|consider|take\s+place|decide\s+on|schedule|address|"
    r"review|issue|be\s+held|sit|reconvene|recess|set|testify|appear|attend|produce|serve|exchange|"
    r"be\s+available|be\s+deposed|begin|start|end|expire|renew|continue|receive|arrive|be\s+seen|"
    r"return|need|require|follow\s+up|circle\s+back|re-?send|chase|revert|get\s+back|update\s+you"
    # a provision's future, quoted in an abstract: "liability will not exceed the fees paid"
    r"|exceed|apply|include|govern|be\s+(?:limited|capped|deemed|construed|governed|paid|payable|"
    r"due|binding)|bind|inure|pay|indemnify|remain|terminate)\b"
    rf"|.*\b(?:on|by|before|after|until|within|in|at|next|this)\s+(?:{_MONTH}|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|\d|the\s+\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?)|week|month|year)", re.IGNORECASE)


#: How far before and after a modal its subject and complement are looked for (characters).
_WINDOW = 200


@dataclass(frozen=True)
class _PartyModal:
    """A modal ("should", "will") whose subject makes it the drafter's advice or prediction.

    Not when the subject is a patient, the reviewing attorney or a contract's defined term
    ("the Buyer should", "the Licensee will": provisions and instructions are reported); when
    ``subjects`` is given, only when the subject names a party, court or claim; never when
    ``skip_after`` matches what follows the modal (e.g. a scheduled event).
    """

    modal: re.Pattern[str]
    reason: str
    subjects: re.Pattern[str] | None = None
    skip_after: re.Pattern[str] | None = None

    def search(self, voice: str) -> bool:
        for m in self.modal.finditer(voice):
            subject = re.split(r"[,;:]", voice[max(0, m.start() - _WINDOW):m.start()])[-1]
            rest = re.split(r"[;:]", voice[m.end():m.end() + _WINDOW])[0]
            if _INSTRUCTED_SUBJECT.search(subject) or _DEFINED_TERM.search(subject):
                continue
            if self.subjects is not None and not self.subjects.search(subject):
                continue
            if self.skip_after is not None and self.skip_after.match(rest):
                continue
            return True
        return False


#: Adverbs and degree words between a verb and its predicate ("is almost certainly not").
_ADVERBS = (r"(?:\s+(?:\w+ly|not|never|therefore|thus|also|still|almost|in\s+all\s+likelihood|"
            r"very|quite|so|too|(?:far\s+|much\s+)?(?:more|less)))*")
#: A copula and what may stand before its predicate; a first predicate may be coordinated
#: with the one matched ("is vague and misleading").
_COPULA = (r"\b(?:is|are|was|were|(?<=it|he)'s|(?<=she)'s|(?<=that|this)'s|remains|"
           r"(?:appears|seems|appeared|seemed)(?:\s+to\s+be)?|would\s+be|becomes|became)"
           + _ADVERBS + r"\s+(?:\w+(?:,|\s+and|\s+but|\s+or)\s+)?(?:a\s+|an\s+)?")
_STRATEGIC = (r"(?:consider|settle|reject|accept|insist|push|hold\s+out|challenge|renegotiate|"
              r"negotiate|sue|appeal|demand|seek|refuse|decline|avoid|object|move\s+to|pursue|"
              r"abandon|terminate|walk\s+away|counter|litigate|fight|drop|waive|withhold|resist|"
              r"contest|dispute|oppose|press|retain|hire|consult|sign|file|respond|send)")

_ADVICE: list[ReasonPattern | _PartyModal] = [
    # the drafter's agreement after advice it reports: "..., and I must say I agree"
    _p(r"^(?:[;,]\s*|[\u2014\u2013-]{1,2}\s*)?(?:and|but)\s+(?:we|i)\b[^.;]*\b(?:agree|concur)\b",
       "endorses the advice it reports"),
    _p(_ADVICE_QUESTION.pattern, "advice put as a question"),
    _p(r"(?<!thank\s)(?<!request\s)(?<!requesting\s)(?<!flagging\sfor\s)(?<!flagged\sfor\s)(?<!for\syour\s)(?<!\bif\s)(?<!whether\s)"
       r"\byou(?:r|rs|'ll|'re|'d|'ve)?\b(?!\s+(?:asked|requested|wanted|mentioned|sent|"
       r"flagged|forwarded|needed|wrote)\b|\s*$|\s+to\s+(?:decide|review|confirm|consider)\b"
       # a vendor's courtesy or a reference to the reader's message: "at your earliest
       # convenience", "further to your mail", "for your kind perusal"
       r"|\s+(?:earliest\s+)?convenience\b|\s+(?:kind\s+)?(?:mail|e-?mail|letter|message|note|query|"
       r"perusal|reference|records?|attention|information)\b"
       # asks the attorney to decide: "We'll need your decision", "until you decide"
       r"|\s+(?:decide|decision|call|approval|instructions?|direction|guidance|sign-?off|input|"
       r"confirmation)\b|\s+(?:confirm|clarify|verify)\b|\s+(?:get|have)\s+a\s+(?:chance|moment|"
       r"minute|sec)\b|\s+(?:may|might)\s+(?:wish|want)\s+to\s+(?:consider(?:\s+whether|\s*[;.,]|"
       r"\s*$)|review|compare|check|look|confirm|verify|read)\b)",
       "addresses the reader or client directly"),
    _p(r"^(?:please\s+|kindly\s+)?(?:do\s+not|don't|never|consider|settle|tell|"
       r"advise(?!\s+(?:whether|if|how|which|what|when|on\s+whether|us|me|the\s+(?:date|time|deadline|"
       r"status|format|number|names?|address|preferred))\b|\W*$)|make\s+sure|ensure|"
       r"avoid|insist|push|hold\s+out|hold\s+off|terminate|negotiate|refuse|decline|reject|"
       r"accept|sue|withdraw|pursue|seek|litigate|abandon|be\s+sure|oppose|contest|concede|strike|"
       r"depose|impeach|pin|retain|stipulate|subpoena|press|confront|withhold|designate|redact|"
    r"frame|portray|downplay|spin|paint|"
       r"claw\s+back)\b"
       # a privilege call as a log's instruction: "Log as AC/WP", "Code it as privileged"
       r"|(?:^|[.;]\s+)(?:produce|withhold|redact)(?:\s+in\s+(?:full|part))?\.?$"
       r"|^(?:log|code|tag|treat|mark)\s+(?:\w+\s+){0,2}as\s+(?:AC|WP|ACP|priv\w*|"
       r"(?:attorney[- ])?work[- ]product|attorney[- ]client|not\s+privileged)\b"
       r"|^(?:sign|file|appeal|offer|counter|demand|wait|respond|send|stop)\s+(?:the|a|an|it|this|"
       r"that|your|their|now|immediately|nothing|anything|on|for|against|until|before|suit|no)\b",
       "an instruction to take legal action"),
    _p(r"^(?:at|in|during|on|before|after|when|once|if)\b[^,]{2,60},\s*(?:hammer|grill|press|push|"
       r"confront|impeach|pin|lock\s+in|attack|challenge|settle|demand|reject|insist|hold\s+out|"
       r"refuse|withhold|object|move\s+to|file|serve|subpoena|depose)\s+(?:the|him|her|them|it|"
       r"on|for|a|an|this|that|every|all|down)\b", "an instruction to take legal action"),
    _p(r"\bI(?:'d|\s+would)\s+(?:(?:just|still|probably|definitely)\s+)?(?:settle|sue|file|push|"
       r"reject|accept|withhold|produce|log|depose|subpoena|wait|hold\s+off|hold\s+out|walk\s+away|"
       r"move|oppose|appeal|concede|counter|not\s+(?:settle|produce|file|accept|sign))\b",
       "recommends a step in the case"),
    _p(r",\s*so\s+(?:just\s+|simply\s+)?(?:walk|sign|settle|refuse|reject|accept|push|insist|hold|"
       r"demand|sue|file|drop|terminate|decline|counter|object|appeal|skip|withhold|produce|"
       r"redact|omit|exclude|waive)\b",
       "an instruction to take legal action"),
    _p(r"\b(?:the\s+|our\s+)?(?:client|clients|firm|counsel|we|us)(?:'s?\s+\w+)?\s+(?:\w+\s+)?"
       r"(?:should|ought\s+to|must|needs?\s+to|had\s+better|has\s+to|have\s+to|"
       r"would\s+do\s+well\s+to|would\s+be\s+wise\s+to)\b",
       "tells the client or the firm what to do"),
    _p(r"\b(?:should|ought\s+to|had\s+better|would\s+do\s+well\s+to)\s+(?:not\s+|also\s+|"
       r"seriously\s+|now\s+|first\s+|immediately\s+)*" + _STRATEGIC + r"\b",
       "recommends a legal course of action"),
    _p(r"\bshould\s+(?:not\s+|also\s+)?be\s+(?:challenged|disregarded|believed|trusted|credited|"
       r"rejected|accepted|struck|excluded|dismissed|pursued|abandoned|settled|appealed|contested|"
       r"ignored|discounted|given\s+little\s+weight|treated\s+with)\b",
       "recommends how evidence or a claim should be treated"),
    _p(r"\bwell\s+advised\b|\bwould\s+be\s+(?:a\s+)?(?:mistake|risky|unwise|wise|prudent|advisable|"
       r"sensible|foolish|premature|good\s+idea|bad\s+idea|error|dangerous|costly|best)\b"
       r"|\bit\s+(?:would\s+be|is)\s+(?:prudent|advisable|wise|sensible|unwise|imperative|"
       r"essential|critical)\s+(?:to|that|for)\b",
       "an evaluation of a course of action"),
    _p(_RECOMMENDATION_LABEL, "recommends a legal course of action"),
    _p(r"\b(?:is|are|remains|would\s+be)\s+(?:clearly\s+|plainly\s+)?(?:the\s+|our\s+)?(?:preferred|"
       r"recommended|better|best|safer|safest|wiser|prudent|right)\s+(?:course|option|approach|route|"
       r"path|strategy|play|move)\b", "recommends a legal course of action"),
    _p(r"\bit\s+(?:may|might|could|would)\s+(?:also\s+|well\s+)?be\s+worth\b|\bworth\s+"
       r"(?:considering|exploring|pursuing|noticing|seeking|requesting|asking|raising|filing|"
       r"serving|moving|demanding|trying)\b", "suggests a step in the case"),
    _p(r"\b(?:best|better|safest|wisest|preferable|only\s+realistic)\s+(?:option|course|strategy|"
       r"approach|move|choice|path|alternative|way\s+forward)\b",
       "recommends a course of action"),
    _PartyModal(_SHOULD, "says what a party should do"),
    _p(r"\bbetter\s+off\b|\bthe\s+way\s+to\s+go\b|\bmakes?\s+(?:good\s+)?sense\s+to\b"
       r"|^(?:best|better|wiser|safer)\s+to\b|\b(?:smart|wise|right|correct|sensible|prudent|"
       r"only)\s+(?:move|choice|course|decision|call|strategy|option|approach|thing\s+to\s+do)\b",
       "recommends a course of action"),
    _p(r"^(?:frankly|honestly|candidly|personally|realistically|to\s+be\s+(?:honest|frank)|"
       r"in\s+truth|admittedly|bluntly)\b|\b(?-i:IMO|IMHO)\b|\bin\s+(?:my\s+(?:humble\s+)?|the\s+"
       r"(?:reviewer|" + _DRAFTER_ROLES + r")'s\s+)"
       r"(?:view|opinion|judgment|estimation|assessment)\b|\bto\s+my\s+mind\b|,\s*(?:frankly|"
       r"candidly|honestly),|\bmy\s+(?:gut|instinct|hunch|sense)\s+(?:says|tells|is)\b"
       r"|\bI(?:'d|\s+would)\s+lean\b|\bI\s+lean\s+(?:toward|towards|to)\b",
       "the drafter's personal stance"),
    _p(r"^(?:take|go|make|let|get|keep|hire|retain|drop|fire|walk|call|threaten)\s+(?:the|this|that|"
       r"a|an|it|them|him|her|to)\b(?!.*\b(?:was|were|is|are)\b)"
       r"|^(?:prep|prepare)\s+(?:her|him|them|the\s+witness|the\s+client)\b"
       r"|^(?:so\s+|ok(?:ay)?,?\s+)?let(?:'s|\s+us)\s+(?:not\s+|just\s+|also\s+)*(?:" + _STRATEGIC
       + r"|mention|disclose|tell|volunteer|raise|bring\s+up|share|produce|hold|sit\s+on|keep|hit|"
       r"hammer|downplay|leave\s+out)\b"
       r"|\bpush\s+(?:hard\s+)?(?:for|to)\s+(?:an?\s+)?(?:early\s+|quick\s+)?(?:settle\w*|"
       r"mediation|trial|dismissal|a\s+deal)\b",
       "an instruction to take legal action"),
    _p(r"\b(?:fine|acceptable|ok|okay)\s+as\s+(?:drafted|written)\b"
       r"|\bnot\s+a\s+(?:great|good|strong)\s+(?:record|case|position|fact\s+pattern)\s+for\b"
       r"|\b(?:good|bad|great|terrible|strong|weak)\s+(?:record|facts|case|position)\s+for\s+"
       r"(?:the\s+)?(?:defen[cs]e|plaintiffs?|defendants?|us|the\s+client|claimant|carrier)\b",
       "weighs the case or a term for the client"),
    _p(r"\b(?:little|no|minimal|low|significant|considerable|real|serious|high)\s+risk\s+(?:in|of|to)"
       r"\s+(?:rejecting|accepting|settling|suing|going|signing|filing|proceeding|waiting|declining|"
       r"refusing|litigating|appealing|terminating)\b|\bbest\s+interests?\b|\bin\s+(?:the\s+)?"
       r"(?:client's|clients'|company's|our)\s+interests?\b",
       "weighs a course of action for the client"),
    _p(r"\b(?:they|he|she|it|the\s+client|client)(?:'re|'s|\s+(?:is|are))\s+(?:fine|safe|ok|okay|"
       r"in\s+the\s+clear)\s+to\s+\w+", "tells the client an act is allowed"),
    _p(r"\bso\s+(?:that\s+)?(?:the\s+other\s+side|opposing\s+counsel|they|plaintiffs?|defendants?|"
       r"the\s+(?:court|judge|jury))\s+(?:can't|cannot|won't|will\s+not|doesn't|does\s+not|don't)\s+"
       r"(?:see|know|find|learn|tell|notice)\b", "a strategy to keep something from the other side"),
]
_OPINION: list[ReasonPattern | _PartyModal] = [
    _p(_INTRO + _DRAFTER_WHO + r"(?:'s\s+(?:recommendation|view|position|conclusion|advice)\s+is)?"
       r"\s+(?:\w+ly\s+)?(?:advises?|recommends?|suggests?|urges?|counsels?|proposes?|"
       r"believes?|expects?|predicts?|concludes?|finds|thinks?|is\s+of\s+the\s+view|"
       r"takes\s+the\s+(?:position|view)|recommended|that)\b|^it\s+appears\s+to\s+us\b"
       r"|^(?:suggested|recommended)\s+(?:strategy|approach|next\s+step)\b"
       r"|\b(?:as\s+we\s+read|from\s+where\s+(?:we|the\s+\w+(?:\s+\w+)?)\s+sits?)\b",
       "the draft's own advice or opinion, attributed to its authors"),
    _p(r"(?:^|\s[-\u2013\u2014]\s|[:;]\s)(?:we\s+)?recommend(?:ed)?\s+(?:that\s+)?(?:the\s+(?:firm|"
       r"client|company|plaintiffs?|"
       r"defendants?|employer|owner|insurer)\b|we\b|counsel\b|(?:impeach|settl|fil|su(?:e|ing)|claw|"
       r"downgrad|upgrad|redact|re-?log|"
       r"conced|pursu|challeng|object|appeal|depos|subpoen|reject|accept|terminat|withdraw|"
       r"dismiss|mov(?:e|ing)|oppos|contest|demand|assert|rais|declin|refus|grant|approv|"
       r"withhold|deny|denying|counter)\w*)",
       "recommends a step in the case"),
    _p(r"\b(?:untruthful|evasive|perjur\w*|dishonest|fabricat\w+|not\s+believable|unbelievable)\b"
       r"|\b(?:clear|obvious|plain|blatant)\s+(?:negligence|fabrication|lie|breach|fraud)\b"
       r"|\bobviously\s+(?:does|did|is|was|knew|knows|remembers)\b"
       r"|\bdeliberately\s+indifferent\b|\bshare\s+(?:the\s+)?(?:fault|blame|liability)\b",
       "judges a witness's credibility or a party's conduct"),
    # "Under the anti-subrogation rule, the carrier can't go after ...": the law applied
    _p(r"^under\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,4}\s+(?:rule|doctrine|statute|act|exception|"
       r"test|standard),\s+(?:the\s+|its\s+|our\s+)?\w+(?:\s+\w+)?\s+(?:can(?:'t|not)?|cannot|"
       r"may(?:\s+not)?|must|is|are|has|have|owes?|would|will)\b"
       # a verdict as a fragment: "Notice defective. Lien void."
       r"|^(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+(?:void|voidable|unenforceable|invalid|defective|"
       r"time[- ]barred)\.?$"
       r"|\bwould\s+be\s+(?:a\s+)?(?:breach|violation|default|conversion)\b",
       "a legal conclusion"),
    _p(r"\b(?:is|are|was|were)\s+(?:protected|privileged)\s+(?:attorney\s+)?(?:work\s+product|"
       r"communications?)\b|\bowes?\s+(?:the\s+)?(?:\w+\s+)?(?:damages|penalt\w+|fees)\b"
       r"|\b(?:(?:is|are|was|were)\s+)?(?:not\s+)?compensable\b|\bdo(?:es)?(?:n't|\s+not)\s+"
       r"survive\b|\bgave\s+up\s+(?:the|her|his|their|its)\s+right\b|\bindependent\s+"
       r"contractor,\s+not\s+an\s+employee\b|\b(?:so|which)\s+(?:the\s+\w+\s+)?(?:is|are)\s+liable\b"
       r"|\bmakes?\s+(?:it|him|her|them|the\s+\w+)\s+liable\b|\bworth\s+pursuing\b"
       r"|\brenders?\s+(?:[\w'\-]+\s+){1,8}(?:obvious|invalid|unenforceable|void|anticipated|"
       r"unpatentable|moot|inadmissible|illusory)\b"
       r"|\b(?:is|are|was|were)(?:n't|\s+not)\s+privileged\b",
       "a legal conclusion"),
    _p(_VERDICT_LABEL.pattern, "a verdict on the case put as a label or the drafter's take"),
    _p(r"^suggest(?:ed)?\s+(?:that\s+)?(?:we|the\s+client|counsel|the\s+attorney)\b"
       r"|^suggest(?:s|ed)?\s+\w+ing\b|\b(?:good|strong|ideal|perfect|prime|obvious)\s+candidate\s+"
       r"for\b|^(?:pair|lead\s+with|highlight|use)\s+(?:it|this|these|that|them)\b"
       r"|^(?:(?:at|during|before|in)\s+(?:trial|the\s+hearing|mediation|(?:the\s+)?deposition|cross|"
       r"closing)\s*,?\s+)?(?:impeach|confront)\s+(?:him|her|them|the\s+\w+)\b"
       r"|\b(?:attorney|counsel|the\s+client|we)\s+(?:may|might)\s+(?:want|wish)\s+to\b"
       # not a pointer to what to read: "The attorney may wish to review 45:3-46:10"
       # nor a question left to them: "counsel may wish to consider whether ..."
       r"(?!\s+(?:review|compare|read|look|check|verify|confirm|see|examine|note|follow\s+up)\b"
       r"|\s+consider(?:\s+(?:whether|if)\b|\s*[;.,]|\s*$))",
       "suggests a step in the case"),
    _p(_CASE_USE.pattern, "says what the evidence is worth in the case"),
    _p(r"\bworth\s+(?:pushing\s+back\s+on|negotiating|challenging|contesting|fighting|objecting\s+to)\b",
       "suggests a step in the case"),
    _p(r"\bg(?:ave|ive|ives|iving)\s+up\s+(?:any|the|its|his|her|their|all)\s+(?:[\w-]+\s+)?"
       r"(?:privilege|protection|immunity|claim)\b|\bopens?\s+the\s+door\s+to\b"
       r"|\bopened\s+the\s+door\s+to\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:prior|previous|earlier|"
       r"evidence|testimony|questions?|questioning|cross|impeachment|character|other\s+(?:acts|"
       r"incidents|claims)|rebuttal|that\s+line)\b"
       r"|\bduty\s+to\s+\w+\s+(?:(?:was|is|has\s+been)\s+)?(?:triggered|arose|attached)\b"
       r"|\b(?:lender|landlord|tenant|employer|buyer|seller|owner|insurer|we|client|they)\s+(?:can|may)\s+"
       r"(?:now\s+(?:accelerate|terminate|sue|evict|foreclose|rescind|cancel|recover)\b|(?:accelerate|"
       r"terminate|sue|evict|foreclose|rescind|cancel|recover)\s+now\b)",
       "a legal conclusion"),
    _p(r"\bwaive[sd]?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}privilege\b|\b(?:is|are)\s+hearsay\b"
       r"|\bamounts?\s+to\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:admission|waiver|breach|fraud|negligen\w*|"
       r"malpractice|concession|spoliation|retaliation|discrimination|harassment|conversion)\b"
       r"|\bqualif(?:y|ies)\s+(?:as|for)\s+(?:[\w-]+\s+){1,5}under\b|\bvoid\s+as\s+against\s+public\s+policy\b"
       r"|\b(?:is|are)\s+(?:already\s+|still\s+|not\s+|clearly\s+)?entitled\s+to\s+(?:[\w-]+\s+){1,4}"
       r"under\s+(?:the\s+)?(?:art\.|article|section|\u00a7|[A-Z])"
       r"|\b(?:has|have)\s+to\s+(?:absorb|bear|pay|cover)\s+the\s+(?:loss|cost|damages)\b"
       r"|\b(?:don't|do\s+not|doesn't|does\s+not)\s+seem\s+(?:genuine|credible|believable|"
       r"real|honest)\b|\bwill\s+not\s+come\s+in\b",
       "a legal conclusion or a judgment of credibility"),
    _p(r"(?:\bit(?:'d|\s+(?:may|might|would|could))|^(?:may|might|would|could))\s+be\s+(?:wise|"
       r"prudent|sensible|advisable|best|"
       r"better|smart|good|a\s+good\s+idea)\b|\bodds\s+are\b|\b(?:entitl(?:es|ing|ed))\s+(?:\w+\s+){1,3}to\s+the\b"
       r"|\bbinding\s+on\s+the\b|\b(?:was|were|is|are|been)\s+extinguished\b"
       r"|\bwaived\s+(?:the|its|his|her|their|any)\s+\w+|\bchances\s+are\b"
       r"|\b(?:is|are)\s+privileged\s+and\s+(?:must|should|can|may)\b"
       r"|\b(?:can|may|should)\s+go\s+ahead\s+and\b"
       r"|\((?:reviewer|my|our)(?:'s)?\s+(?:opinion|view|assessment|take)\)"
       r"|\b(?:falls?|fell|fall(?:ing)?)\s+below\s+(?:the\s+|any\s+)?(?:accepted|applicable|"
       r"acceptable|standard|reasonable|required)\b|\bbreach(?:ed|es)?\s+(?:of\s+)?the\s+standard\s+of"
       r"\s+care\b|\b(?:is|are|was|were)(?:n't|\s+not)\s+(?:credible|believable|plausible|"
       r"truthful)\b|" + _PREDICTED_RULING.pattern + r"|\bbut\s+(?:she|he|they)(?:'s|\s+is|'re|\s+are)"
       r"\s+wrong\b|\bthe\s+rest\s+is\s+(?:spin|lies|made\s+up|fiction)\b|\bonly\s+honest\s+"
       r"(?:thing|answer|statement)\b",
       "a legal conclusion or hedged advice"),
    _p(_EVIDENCE_VERB.pattern + r"[^.;]*?" + _LEGAL_FINDING.pattern,
       "a legal conclusion drawn from the evidence"),
    _p(r"\barguabl[ey]\b|\b(?:fits?|falls?)\s+(?:squarely\s+|neatly\s+|comfortably\s+)?"
       r"(?:within|outside|under)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:exception|exemption|"
       r"privilege|safe\s+harbou?r|statute|doctrine|definition)\b|\b(?:statute|doctrine|"
       r"exception|privilege|immunity|defen[cs]e|presumption)\s+(?:\w+\s+)?(?:applies|attaches)"
       r"\s+(?:here|to\s+(?:these|this|those|the\s+client's|our|their|his|her))\b",
       "a legal opinion on how the law applies"),
    _p(r"\b(?:probably|likely|almost\s+certainly|in\s+all\s+likelihood|most\s+likely)\s+(?:still\s+)?"
       r"(?:binds?|bars?|applies|covers?|lost|waived|survives?|fails?|defeats?|precludes?|"
       r"forecloses?|controls?|governs?|excuses?|voids?|violates?|breached|infringes?)\b"
       r"|\b(?:lost|waived|forfeited|destroyed|broke)\s+(?:its|the|any|their|his|her)\s+"
       r"(?:\w+\s+)?(?:privilege|protection|immunity)\b|\bfair\s+game\b",
       "a legal opinion on how the law applies"),
    _p(r"\b(?:clearly|plainly|obviously)\s+(?:false|untrue|wrong|fabricated|made\s+up)\b"
       r"|\bunworthy\s+of\s+belief\b|\bself-serving\b|\bimplausib(?:le|ly|ility)\b",
       "judges a witness's credibility"),
    _p(r"\b(?:i|we)(?:'d|\u2019d)?\s+(?:would\s+|also\s+|strongly\s+|do\s+|therefore\s+|further\s+|"
       r"respectfully\s+)*(?:recommend|advise|suggest|urge|propose|counsel|believe|think|feel|"
       r"expect|conclude|anticipate|predict|consider|doubt|opine|agree|are\s+(?:of\s+the\s+)?"
       r"(?:view|opinion|confident)|am\s+(?:of\s+the\s+)?(?:view|opinion|confident))\b"
       r"|\b(?:i\s+am|i'm|we\s+are|we're)\s+(?:\w+ly\s+)?(?:satisfied|confident|convinced|certain|"
       r"sure|persuaded|comfortable|concerned|of\s+the\s+(?:view|opinion))\b",
       "the drafter's own opinion or recommendation (first person)"),
    _p(r"(?:^|[-\u2013\u2014:;]\s*)(?:not\s+privileged\b|(?:attorney[- ]client\s+)?"
       r"privileged\b(?!\s*[=:)]|\s+(?:and\s+)?(?:&\s*)?confidential\b))|\bnot\s+protected\b"
       r"|,\s*(?:not\s+)?privileged\b(?=[,;]?\s+\w)"
       r"|\b(?:attorney[- ]client|ac)\s+privileged\b|\b(?:withhold|redact|"
       r"produce)\s+(?:in\s+full|in\s+part|entirely|with\s+redactions)\b",
       "a privilege call"),
    _p(r"\b(?:defen[cs]e|plaintiffs?|defendants?|we|the\s+client|carrier|insurer|claimant|employer)\s+"
       r"(?:easily\s+|likely\s+|probably\s+|clearly\s+)?(?:wins?|loses?|prevails?)\b"
       r"|\bwill\s+(?:cut|reduce|bar|wipe\s+out|limit|cap|eliminate|kill|sink|doom|gut)\s+(?:her|his|"
       r"their|the|its|our|plaintiff's|defendant's)\s+(?:\w+\s+)?(?:recovery|claim|case|damages|"
       r"award|defen[cs]e)\b", "predicts the outcome of the case"),
    _p(r"\b(?:cannot|can't|could\s+not|couldn't)\s+(?:possibly\s+)?be\s+(?:true|right|accurate|"
       r"correct)\b|\bhiding\s+something\b|\btells\s+you\s+(?:he|she|they)(?:'s|\s+is|'re|\s+are|"
       r"\s+was|\s+were)\b", "judges a witness's credibility"),
    _p(r"\b(?:toothless|illusory|ironclad|airtight|bulletproof)\b|\b(?:per|in)\s+my\s+(?:read|reading|"
       r"review|take|view)\b|\bmy\s+read\b|(?:^|[-\u2013\u2014;]\s*)agreed\s*,"
       r"|\bwell[- ]taken\b", "the drafter's own legal assessment"),
    _p(r"\b(?:exclusion|exception|bar|doctrine|statute\s+of\s+limitations|force\s+majeure|privilege|"
       r"immunity)\b(?:\s+\([^)]{0,20}\))?\s*(?::\s*)?(?:clearly\s+|"
       r"likely\s+|probably\s+)?(?:applies|does\s+not\s+apply|doesn't\s+apply|is\s+triggered|"
       r"was\s+triggered)\b|^(?:[\w\s()\u00a7.-]{1,40}):\s*(?:applies|does\s+not\s+apply|triggered|"
       r"not\s+triggered|enforceable|unenforceable|breached)\b"
       r"|\b(?:has|have|had)\s+no\s+(?:legal\s+)?(?:effect|force)\b|\bof\s+no\s+(?:legal\s+)?effect\b"
       r"|\b(?:so|therefore|thus|hence)\s+(?:the\s+|these\s+|those\s+|this\s+|it\s+)?(?:[\w-]+\s+)"
       r"{0,2}(?:is|was|are|were)\s+(?:ineffective|invalid|void|unenforceable|defective|untimely|"
       r"improper|enforceable|valid|timely|effective|excused|barred|precluded|waived|forfeited|"
       r"inadmissible|time-barred)\b|\bmeets?\s+the\s+(?:test|standard|threshold|"
       r"requirements?)\s+for\b|\bhas\s+a\s+(?:valid|viable|strong|solid)\s+(?:[\w-]+\s+)?"
       r"(?:right|claim|defen[cs]e)\b|\bperformance\s+(?:is\s+|was\s+)?excused\b"
       r"|\b(?:revives?|tolls?|restarts?|resets?)\s+the\s+(?:limitations|statute|clock)\b"
       r"|\bcommitted\s+(?:spoliation|fraud|malpractice|perjury|a\s+breach|negligence)\b"
       r"|\b(?:admits?|concedes?|establish\w*|satisf\w+|meets?|proves?)\s+(?:every|each|all(?:\s+the)?)\s+"
       r"elements?\b|\b(?:is|are)\s+(?:not\s+)?(?:attorney\s+)?work\s+product\b|\b(?:does|do)\s+not\s+have\s+to\s+be\s+"
       r"produced\b|\bneed\s+not\s+be\s+produced\b|\b(?:doctrine|privilege|immunity|exception)\s+"
       r"(?:protects|covers|shields|bars)\b"
       r"|\b(?:employer|defendant|plaintiff|hospital|driver|company|landlord|contractor|insurer|"
       r"carrier)\s+(?:was\s+|is\s+)?(?:negligent|liable|at\s+fault|culpable)\b",
       "a legal conclusion"),
    _p(r"\b(?:injur(?:y|ies)|damage|harm|death|flooding|loss(?:es)?|fracture|infection|"
       r"deterioration|condition|disease|illness|cancer|mou?ld|contamination|collapse|failure|"
       r"leaks?|cracks?|cracking|fire|explosion|crash|spill)\b[^.;:]{0,60}\b(?:(?:resulted|results|"
       r"stems?|stemmed|arose|arises|flowed|came)\s+(?:directly\s+)?from|was\s+brought\s+on\s+by)\b"
       r"|\b(?:is|was)\s+what\s+caused\b|\b(?:is|was)\s+the\s+(?:cause|reason)\s+(?:of|for)\s+"
       r"(?:the|her|his|their)\b", "a conclusion on causation"),
    _p(r"\b(?:my|our)\s+(?:legal\s+|professional\s+|considered\s+|firm\s+)?(?:advice|"
       r"recommendation|view|opinion|assessment|position|judgment|judgement|conclusion|"
       r"suggestion)\b", "the drafter's own opinion or recommendation"),
    _p(r"\b(?:i|we)(?:'d|\s+would)\b", "the drafter's own view of what to do (first person)"),
    _p(r"\b(?:we|i)\s+(?:should|must|ought\s+to|need\s+to|have\s+to|can|could)\s+(?:not\s+)?"
       + _STRATEGIC + r"\b", "a litigation or negotiation strategy in the drafter's voice"),
]
_OUTCOME_VERB = (r"(?:win|lose|prevail|succeed|fail|grant|deny|dismiss|award|"
                 r"recover(?!\s+(?:full|fully|range|function|from|well|completely))|admit|exclude|"
                 r"strike|hold\s+up|survive|rule\s+(?:for|against|in)|find\s+(?:for|against|that|"
                 r"the|in)|prove|establish|side\s+with|enforce|uphold|be\s+(?:granted|denied|"
                 r"dismissed|upheld|struck|enforced|excluded|admitted|overturned|reversed|affirmed|"
                 r"certified|approved|allowed|sustained|vacated|remanded|overruled|accepted|rejected|"
                 r"found\s+liable|held\s+liable)|meet\s+(?:the|its|their|his|her)\s+burden|carry\s+"
                 r"(?:the|its|their|his|her)\s+burden|make\s+out|state\s+a\s+claim)")
_PREDICTION: list[ReasonPattern | _PartyModal] = [
    _PartyModal(_FUTURE, "predicts what a party, court or claim will do", _LEGAL_SUBJECT,
                _SCHEDULED),
    _p(r"\b(?:hard|difficult|easy|impossible|tough|straightforward)\s+(?:\w+\s+){0,4}to\s+(?:prove|"
       r"establish|show|win|defend|beat|rebut|overcome|enforce|challenge)\b|\bno\s+way\b",
       "predicts how a claim will fare"),
    _p(r"\b(?:expect|anticipate)\s+(?:the\s+)?(?:judge|court|jury|panel|arbitrators?|tribunal|board|"
       r"agency|examiner|commission|mediator)\s+to\b", "predicts what a court or panel will do"),
    _p(r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to|(?:is|are|seems|appears)\s+(?:very\s+|"
       r"highly\s+|quite\s+|more\s+|most\s+|less\s+)?(?:un)?likely\s+to"
       r"|(?:is|are)\s+(?:almost\s+)?(?:certain|sure|bound)\s+to|stands?\s+to|cannot|can't|"
       r"could\s+not|won't|wouldn't|(?:is|are)\s+expected\s+to)" + _ADVERBS + r"\s+" + _OUTCOME_VERB
       + r"\b", "predicts the outcome of a legal proceeding"),
    _p(r"\b(?:chances?|odds|likelihood|probability|prospects?)\s+(?:of\s+)?(?:success|winning|"
       r"prevailing|recovery|recovering|losing|a\s+favou?rable)"
       r"|\b(?:good|strong|fair|reasonable|excellent|slim|little|no|low|high|poor|real|decent)\s+"
       r"(?:chance|prospects?|likelihood|odds|shot)\b|\b(?:chances?|odds|prospects?|likelihood)\s+"
       r"(?:\w+\s+){0,4}(?:is|are)\s+(?:\w+\s+)?(?:poor|slim|good|low|high|excellent|remote|strong|weak|"
       r"decent|minimal|small|fair|reasonable)\b", "estimates the chances of success"),
    _p(r"\b(?:court|judge|jury|jurors|arbitrators?|panel|tribunal|fact-?finder|appellate\s+court|"
       r"court\s+of\s+appeals?|circuit)\s+(?:will|would|won't|wouldn't|will\s+not|would\s+not|"
       r"is\s+going\s+to|(?:is|are)\s+(?:very\s+|"
       r"highly\s+)?(?:un)?likely\s+to)" + _ADVERBS + r"\s+(?!hear\b|hold\b|meet\b|convene\b|"
       r"consider\b|take\b|decide\b|schedule\b|address\b|review\b|issue\b|be\s+held\b|sit\b|"
       r"reconvene\b|recess\b|set\b)\w+", "predicts what the court or jury will do"),
    _p(r"\b(?:case|claim|claims|argument|arguments|defen[cs]e|position|evidence|theory|appeal|motion|"
       r"lawsuit|suit)\s+(?:is|are|was|were|seems|appears|looks)" + _ADVERBS + r"\s+(?:weak|strong|"
       r"hopeless|doomed|worthless|baseless|untenable|indefensible|dubious|questionable|flimsy|shaky|"
       r"compelling|persuasive|unpersuasive|meritorious|solid|airtight|winnable|unwinnable|"
       r"far-fetched|thin|overwhelming|worth)\b|\bdoomed\b",
       "judges the strength of a case or argument"),
    _p(r"\bexposure\b[^.;]{0,40}\b(?:could|would|will|may|might)\s+(?:\w+\s+)?(?:exceed|reach|top|"
       r"approach|run\s+to|be\s+(?:as\s+high\s+as|over|above|north\s+of))\b|\bslam[- ]?dunk\b",
       "predicts or values the outcome"),
    _p(r"\b(?:gets?|getting|will\s+get|likely\s+to\s+get)\s+(?:excluded|struck|tossed|dismissed|"
       r"thrown\s+out|bounced|knocked\s+out)\b|\bexcluded\s+under\s+(?:Daubert|Frye|Rule\s+702)\b"
       r"|\b(?:case|claim|verdict|settlement)\s+value\b|\brealistically\s+(?:worth\s+)?\$"
       r"|\b(?:gets?|getting)\s+(?:us|the\s+client)\s+(?:a\s+)?(?:better|higher|lower|bigger|smaller|"
       r"worse)\s+(?:number|deal|result|outcome|settlement|offer)\b",
       "predicts or values the outcome"),
    _p(r"\b(?:sinks?|kills?|guts?|torpedoes|undercuts?|undermines?|destroys?|dooms?|defeats?|"
       r"blows?\s+up|weakens?|strengthens?|bolsters?)\s+(?:\w+\s+)?(?:the|their|his|her|its|our|"
       r"plaintiff's|defendant's|any)\s+(?:[\w-]+\s+){0,3}(?:theory|claim|case|defen[cs]e|"
       r"argument|position|element)\b", "judges the strength of a case or argument"),
    _p(r"\b(?:exposure|liability)\s+(?:is|are|would\s+be|will\s+be)" + _ADVERBS + r"\s+(?:minimal|"
       r"significant|substantial|limited|low|high|negligible|considerable|enormous|modest|small|large)"
       r"\b|\b(?:claim|case|suit|lawsuit|matter)\s+(?:is|are|would\s+be|could\s+be)\s+(?:\w+\s+)?"
       r"worth\b", "values a claim or the client's exposure"),
    _p(r"\b(?:strong|weak|solid|winning|losing|compelling|airtight|hopeless|uphill|complete|"
       r"viable|valid|good|meritorious)\s+(?:\w+\s+)?(?:case|claim|"
       r"position|defen[cs]e|argument|hand)\b|\bin\s+a\s+(?:weak|strong|good|poor|difficult|"
       r"favou?rable)\s+position\b|\b(?:clear|sure|easy|certain)\s+(?:winner|win|loser|loss)\b"
       r"|\bin\s+our\s+favou?r\b|\b(?:our|the\s+client's)\s+(?:best\s+|main\s+|real\s+|biggest\s+)?"
       r"(?:leverage|bargaining\s+chip|trump\s+card)\b",
       "assesses the strength of a party's case"),
    _p(r"\bfavou?rs?\s+(?:the\s+)?(?:defendant|plaintiff|client|claimant|respondent|petitioner|"
       r"defen[cs]e|prosecution)\b", "weighs the evidence for a party"),
    _p(r"\b(?:causation|liability|negligence|fault|breach|damages|intent|malice)\s+(?:is|are|was|"
       r"has\s+been|can\s+be)\s+(?:\w+\s+)?(?:clear|established|obvious|undisputed|certain|proven|"
       r"beyond\s+dispute|easily\s+(?:established|proven|shown))\b",
       "declares an element of the claim established"),
]
_CONCLUSION: list[ReasonPattern | _PartyModal] = [
    _p(r"\b(?:departure|deviation|departed|deviated)\s+from\s+the\s+(?:applicable\s+|accepted\s+)?"
       r"standard\s+of\s+care\b|\b(?:appears?\s+to|would|likely|clearly|probably|arguably)\s+(?:bar|"
       r"preclude|exclude)s?\s+coverage\b|\bwould\s+(?:justify|support|warrant)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}"
       r"(?:motion|claim|sanctions?|finding|award|petition|charge)\b",
       "a legal conclusion"),
    _p(r"\b(?:defeats?|sinks?|dooms?|kills?)\s+(?:the|their|his|her|its|any)\s+(?:[\w-]+\s+){0,2}"
       r"(?:count|claim|defen[cs]e|cause\s+of\s+action)\b"
       r"|\b(?:cannot|can't|could\s+not|may\s+not)\s+(?:rely\s+(?:on|upon)|invoke)\s+(?:this|the|that|"
       r"its)\s+(?:[\w-]+\s+)?(?:clause|provision|exclusion|defen[cs]e|section|exception)\b",
       "a conclusion on a claim or a clause"),
    _p(r"\b(?:undercuts?|undermines?|jeopardi[sz]es?|threatens?|defeats?|calls?\s+into\s+question|"
       r"casts?\s+doubt\s+on|impairs?)\s+(?:the\s+)?(?:enforceability|validity|effectiveness)\b"
       r"|\b(?:shows?|showed|proves?|establish(?:es|ed)?|demonstrat\w*|evidences?|amounts?\s+to|"
       r"constitutes?)\s+(?:clear\s+|deliberate\s+|intentional\s+)?(?:spoliation|(?:a\s+)?"
       r"(?:conscious|reckless|willful|wanton)\s+(?:disregard|indifference))\b",
       "a legal conclusion"),
    _p(r"\b(?:erred|errs|abused\s+(?:its|his|her)\s+discretion|misapplied|misconstrued|overreached)\b"
       r"|\b(?:bars?|precludes?|forecloses?|defeats?|extinguish(?:es)?|waives?)\s+(?:all\s+(?:of\s+)?)?"
       r"(?:the\s+)?(?:client's|plaintiff's|defendant's|our|their|his|her|its)\s+(?:\w+\s+)?claims?\b",
       "a legal conclusion about a ruling or a claim"),
    _p(_COPULA + r"(?:unenforceable|enforceable|void|voidable|invalid|valid(?!\s+(?:for|until|"
       r"through|from))|illegal|unlawful|lawful|frivolous|meritless|vexatious|overbroad|"
       r"unreasonable|unconscionable|penalty|in\s+breach|in\s+violation|preempted|ineffective|"
       r"non-?compliant|actionable|time-barred)\b",
       "a legal conclusion about validity or enforceability"),
    _p(r"\b(?:has|have|had)\s+no\s+(?:real\s+|meaningful\s+|credible\s+|good\s+)?"
       r"(?:merit|valid|viable|legal\s+basis|basis|case|defen[cs]e|"
       r"claim|standing|leg\s+to\s+stand\s+on)\b|\b(?:lacks?|without)\s+(?:any\s+)?merit\b"
       r"|\bmeritless\b|\bfrivolous\b|\bno\s+(?:valid|viable|good|credible)\s+(?:defen[cs]e|claim|"
       r"argument|basis)\b", "a conclusion on the merits"),
    _p(r"\b(?:statute\s+of\s+limitations|limitations?\s+period|deadline\s+to\s+sue)\s+(?:has|had)\s+"
       r"(?:run|expired|lapsed|passed)\b|\btime-barred\b|\bbarred\s+by\s+(?:the\s+)?(?:statute|"
       r"limitations|laches|res\s+judicata|estoppel)\b", "a conclusion that a claim is barred"),
    _PartyModal(_NO_OBLIGATION, "a conclusion about a party's legal obligations"),
    _p(r"\b(?:unenforceable|unconscionable|voidable|illegal|unlawful|frivolous|meritless)\b"
       r"|\bbars?\s+(?:any\s+)?(?:enforcement|recovery|relief)\b"
       r"|\b(?:operates?|functions?|works?|serves?)\s+as\s+(?:an?\s+)?(?:\w+\s+)?(?:penalty|waiver|"
       r"forfeiture|bar)\b", "a legal conclusion about validity or enforceability"),
    _p(r"\b(?:validly|invalidly|improperly|properly|correctly|incorrectly|rightly|wrongly|lawfully|"
       r"unlawfully|wrongfully|legally|illegally)\s+(?:classified|characterized|calculated|"
       r"terminated|formed|executed|issued|exercised|rescinded|dismissed|fired|discharged|"
       r"assigned|denied|withheld|entered|concluded)\b", "a conclusion about a legal act"),
    _p(r"\b(?:validly|invalidly|improperly|lawfully|unlawfully|wrongfully|legally|illegally)\s+"
       r"(?:terminated|formed|executed|issued|exercised|rescinded|dismissed|fired|discharged|"
       r"assigned|denied|withheld|entered|concluded)\b", "a conclusion about a legal act"),
    _p(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?exposed\s+to\s+(?:\w+\s+)?(?:liability|damages)\b|\bexpos(?:es|ed|"
       r"ing)\s+(?:the\s+|our\s+)?(?:client|company|firm|us)\s+to\b",
       "a conclusion about legal exposure"),
    _p(r"\b(?:cannot|can't|could\s+not|should\s+not)\s+be\s+(?:relied\s+(?:on|upon)|enforced|upheld|"
       r"sustained)\b|\btoo\s+\w+\s+to\s+be\s+(?:enforced|upheld|valid|enforceable)\b|\bcan\s+be\s+"
       r"(?:avoided|voided|rescinded|set\s+aside|invalidated)\b|\bnot\s+(?:legally\s+)?binding\b"
       r"|\blegally\s+(?:obligated|required|bound|responsible|liable|entitled|barred|prohibited)\b",
       "a legal conclusion about validity or obligations"),
    _p(r"^(?:an?\s+|clear\s+|textbook\s+|obvious\s+|classic\s+)*(?:malpractice|negligence|bad\s+faith|"
       r"fraud\w*|misrep\w*|breach|retaliat\w*|discriminat\w*|defamat\w*|pretext\w*|spoliation|"
       r"waiver|liab\w*|at\s+fault|repudiat\w*)\b|[\u2014\u2013]\s*(?:clear\s+|textbook\s+|classic\s+)?"
       r"(?:bad\s+faith|malpractice|negligence|fraud|retaliation|pretext|a\s+breach)\b"
       r"|\bnegligence\s+per\s+se\b|^failure\s+to\s+(?:mitigate|warn|disclose|accommodate)\b"
       r"|\b(?:is|are|was|remains?|(?:may|might|would)\s+(?:still\s+)?be|still)\s+good\s+law\b"
       r"|\bno\s+longer\s+good\s+law\b|\b(?:SOL|limitations)\s+(?:has\s+|had\s+)?(?:run|expired|lapsed)\b"
       r"|\b(?:limitations|[\w-]+-year)\s+period\s+(?:has\s+|had\s+)?(?:run|expired|lapsed)\b"
       r"|\b(?:instruction|objection|redaction|designation|withholding)\b[^.;]{0,40}\b(?:improper|"
       r"unjustified|baseless|invalid|sustainable|unsustainable)\b"
       r"|\b(?:no\s+)?privilege\s+(?:attaches|applies)\b|\bbusiness\s+(?:advice|communication),?\s+"
       r"not\s+legal\b"
       r"|\b(?:privilege|protection|immunity)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:(?:probably|"
       r"likely|clearly|arguably|possibly|definitely)\s+)?(?:waived|lost|forfeited)\b"
       r"|\b(?:performed|done|carried\s+out|obtained|imposed|charged|issued|entered)\s+(?:unlawfully|"
       r"illegally|improperly|wrongfully|invalidly)\b"
       r"|\bentitl(?:es|ing|ed)\s+(?:the\s+)?\w+\s+to\s+(?:terminate|rescind|damages|recover|withhold|"
       r"a\s+refund|fees|indemnit\w*)\b"
       r"|\b(?:fault|liability|causation|negligence)\b[^.;,]{0,25}\b(?:settled|established|proven|"
       r"undisputed)\b"
       r"|\bruns?\s+with\s+the\s+land\b|\bbinds?\s+(?:any|all|every)\s+(?:subsequent|future)\b"
       r"|\bprivilege\s+(?:claim\s+)?(?:fails|does\s+not\s+(?:apply|attach)|doesn't\s+(?:apply|"
       r"attach)|is\s+(?:lost|waived))\b"
       r"|\btherefore\s+(?:in)?(?:valid|void|voidable|enforceable|unenforceable|liable|negligent|"
       r"privileged|time-?barred|defective|ineffective)\b", "a legal conclusion"),
    _p(r"\b(?:there\s+is|there's|was|is)\s+no\s+(?:binding|enforceable|valid|legally\s+binding)\s+"
       r"(?:contract|agreement|release|waiver|settlement|lease|guarant\w+|transfer|conveyance|"
       r"assignment|notice|consent|acceptance|offer)\b"
       r"|\bno\s+(?:valid\s+|binding\s+|enforceable\s+)?(?:contract|agreement)\s+(?:was|were|has\s+"
       r"been|had\s+been)\s+(?:ever\s+)?(?:formed|made|concluded|created)\b"
       r"|\b(?:did|does|do|would)(?:\s+not|n't)\s+constitute\s+(?:an?\s+)?(?:effective|valid|"
       r"proper|adequate|sufficient|timely|binding|legal)\b"
       r"|\b(?:no|not\s+any)\s+(?:\w+\s+)?(?:exemption|exception|immunity)\s+(?:which\s+is\s+|that\s+)?"
       r"appl(?:y|ies|ying)\b|\bhad\s+no\s+(?:legal\s+)?(?:authority|power|right)\s+to\b"
       r"|\bso\s+it'?s\s+(?:void|invalid|unenforceable|illegal|unlawful)\b"
       r"|\b(?:avoidable|voidable|recoverable)\s+as\s+(?:an?\s+)?(?:preference|preferential|"
       r"fraudulent)\b|\bunseaworthy\b"
       r"|\b(?:owner|defendant|carrier|employer|hospital|landlord|company|insurer|manufacturer|"
       r"contractor|driver|operator|vessel|client|plaintiff|we|they)\s+(?:is\s+|are\s+)?(?:solely\s+|"
       r"fully\s+|strictly\s+)?(?:liable|at\s+fault|negligent|culpable)\s*[.;]?\s*$"
       r"|\bres\s+ipsa(?:\s+loquitur)?\s+(?:\w+ly\s+)?(?:applies|governs|is\s+(?:met|satisfied|"
       r"established)|(?:does\s+not|doesn't|cannot|can't)\s+apply)\b"
       r"|\b(?:(?:punitive|exemplary|treble|enhanced)\s+damages|adverse[- ]inference(?:\s+"
       r"instruction)?|(?:spoliation\s+|terminating\s+)?sanctions|(?:summary|default)\s+judgment|"
       r"injunctive\s+relief)\s+(?:are|is|would\s+be|will\s+be)\s+(?:\w+\s+)?"
       r"(?:warranted|appropriate|justified|available|recoverable)\b"
       r"|\b(?:punitive|exemplary|treble|enhanced)\s+damages\s+(?:(?:are|is)\s+)?(?:in\s+play|"
       r"on\s+the\s+table)\b",
       "a legal conclusion"),
    _p(r"(?<!judgment\s)\bas\s+a\s+matter\s+of\s+law\b|\bbreaks?\s+the\s+(?:causal\s+)?chain"
       r"(?:\s+of\s+causation)?\b|\bsupersed\w+\s+cause\b",
       "a legal conclusion"),
]
_LIABILITY: list[ReasonPattern | _PartyModal] = [
    # without its verb: "facility liable for failure to supervise"
    _p(r"\b(?:liable|negligent|at\s+fault|culpable)\s+for\s+(?:(?:its|his|her|their|the)\s+)?"
       r"(?:failure|failing|negligen\w*|breach\w*|injur\w*|fall|accident|collision|death|harm)\b",
       "a conclusion on liability"),
    _p(r"\bon\s+the\s+hook\b|\bin\s+the\s+wrong\b|\b(?:had|has|owed|owes)\s+a\s+duty\b|\bfailed\s+"
       r"to\s+do\s+so\b|\bfailed\s+to\s+(?:warn|disclose|supervise|maintain|diagnose|inspect|train|"
       r"follow\s+(?:protocol|the\s+standard))\b|\b(?:hide|hid|cover(?:ed)?\s+up|whitewash\w*)\b"
       # (but a file's "hidden columns" are its format)
       r"|\bhidden\b(?!\s+(?:columns?|rows?|sheets?|tabs?|text|fields?|comments?|files?|"
       r"metadata|content|cells?|slides?|characters?))"
       + r"|" + _COPULA + r"(?:pretext(?:ual)?|sham|bogus|unjustified|unwarranted|groundless|unfounded|"
       r"improper|reckless|careless|incompetent|inadequate|unsafe|dangerous)\b"
       r"|\b(?:acted|behaved)\s+(?:\w+\s+)?(?:recklessly|carelessly|improperly|negligently)\b"
       r"|\bmissed\s+(?:the\s+)?(?:obvious|clear|plain|classic|telltale)\b"
       r"|\bfell\s+short\s+of\b|\bbelow\s+(?:the\s+)?(?:accepted|applicable|acceptable)\s+(?:standard|"
       r"practice)|\bsubstandard\b|\b(?:carelessness|recklessness|incompetence)\b",
       "a conclusion about fault or liability"),
    _p(_COPULA + r"(?:negligent|liable(?!\s+for\s+(?:any|all|direct|indirect|consequential|incidental|"
       r"special|amounts|costs|fees|payment|obligations|damages\s+(?:up\s+to|exceeding)))|culpable|"
       r"guilty|at\s+fault|to\s+blame|defective|fraudulent|discriminatory|retaliatory|wrongful|"
       r"defamatory|responsible\s+for\s+(?:the\s+)?(?:\w+'s\s+)?(?:\w+\s+)?(?:injur\w*|death|harm|"
       r"damage|loss|accident|fall|collision))\b", "a conclusion about fault or liability"),
    _p(r"\b(?:breached|violated|violates|violate|infringed|infringes|contravenes|contravened|"
       r"misrepresented|defrauded|misappropriated|concealed|botched|falsified|embezzled|"
       r"discriminated|retaliated|harassed|defamed|deceived)\b",
       "states that a party committed a wrong"),
    _p(r"\b(?:bears?|carr(?:y|ies))\s+(?:\w+\s+)?(?:responsibility|blame|liability)\b|'s\s+fault\b"
       r"|\b(?:fell\s+below|failed\s+to\s+meet|deviated\s+from)\s+the\s+(?:applicable\s+)?standard"
       r"\s+of\s+care\b|\b(?:must|should|will|has\s+to|have\s+to)\s+answer\s+for\b"
       r"|\b(?:is|are|was|were|be|held)\s+(?:\w+\s+)?(?:accountable|answerable)\s+for\b",
       "assigns fault"),
    _p(r"\bcommitted\s+(?:fraud|malpractice|perjury|a\s+breach|negligence|a\s+tort|misconduct|"
       r"theft|battery|assault)\b|\bacted\s+(?:negligently|recklessly|in\s+bad\s+faith|with\s+(?:actual\s+)?malice|"
       r"fraudulently|unreasonably|wrongfully)\b", "states that a party committed a wrong"),
    _p(r"\b(?:amount(?:s|ed)?\s+to|constitutes?|constituted|rises?\s+to\s+the\s+level\s+of|is\s+"
       r"tantamount\s+to|qualifies\s+as)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:fraud|malpractice|negligence|"
       r"breach|wrongful|discrimination|harassment|retaliation|defamation|infringement|penalty|"
       r"bad\s+faith|misrepresentation|conversion|violation|tort|conspiracy|spoliation|waiver|"
       r"battery|assault|trespass|nuisance|abandonment)\b",
       "characterises conduct as a legal wrong"),
    _p(r"\b(?:proves?|proved|establish(?:es|ed)?|demonstrates?)\s+(?:that|conclusively|beyond)\b",
       "draws a conclusion from the evidence"),
    _p(r"\b(?:caused|contributed\s+to|resulted\s+in|led\s+to|is\s+attributable\s+to|(?:was|were)\s+"
       r"caused\s+by)\b[^;]*\b(?:injur\w*|death|harm|disabilit\w*|errors?|negligence|fault|"
       r"mistakes?|misconduct|carelessness)\b|\b(?:negligence|error|mistake|misconduct|fault)\s+"
       r"(?:caused|led\s+to|resulted\s+in)\b",
       "a conclusion on causation"),
    _p(r"\b(?:really|actually|truly|in\s+fact)\s+(?:was\s+)?caused\b|\b(?:is|are|was|were)\s+(?:not\s+)?"
       r"(?:fairly\s+|solely\s+|entirely\s+|wholly\s+)?attributable\s+to\b|\bresulted\s+from\s+the\s+"
       r"\w+,\s+not\s+from\b|" + _CONTRASTED_CAUSE
       # a counterfactual: "Had the tracing been acted on at 02:10, the injury would have been
       # avoided"
       + r"|" + _COUNTERFACTUAL.pattern, "a conclusion on causation"),
    _p(r"\bshould\s+have\s+(?:been\s+)?\w+", "a judgment of what a party should have done"),
    _p(r"\b(?:clearly|obviously|plainly|undoubtedly|unquestionably|indisputably|evidently|"
       r"manifestly|patently)\b(?!\s+(?:states?|stated|says|said|shows?|showed|provides?|reflects?|"
       r"indicates?|sets?\s+out|identifies|lists?|reads?|written|marked|labell?ed|legible|"
       r"visible|dated))|\bthere\s+is\s+no\s+(?:doubt|question)\b|\bit\s+is\s+(?:clear|obvious|"
       r"evident|plain|undisputed|beyond\s+dispute|apparent)\s+that\b|\bno\s+reasonable\s+"
       r"(?:jury|person|court)\b|\b(?:textbook|classic|clear|clear-cut)\s+(?:case|example|"
       r"instance)\s+of\b|\bopen-and-shut\b", "asserts a contested fact or conclusion as certain"),
]
_CREDIBILITY = [
    # a verdict without its verb: "Witness credible.", "Deponent evasive throughout."
    _p(r"^(?:the\s+)?(?:witness|deponent|plaintiff|defendant|claimant|affiant|declarant|expert|"
       r"employee|driver|(?-i:[A-Z][a-z]+))\s+(?:(?:not|very|highly|fully|entirely|somewhat|"
       r"generally|largely|less\s+than)\s+)*(?:credible|believable|evasive|truthful|untruthful|"
       r"dishonest|honest|lying|coached|rehearsed|unreliable|incredible|unbelievable)\b",
       "judges a witness's credibility"),
    _p(_COPULA + r"(?:not\s+)?(?:genuine|a\s+fabrication|fabrication|invented|made\s+up|concocted|"
       r"convincing|unconvincing|persuasive|unpersuasive)\b|\bnot\s+telling\s+the\s+truth\b"
       r"|\bcannot\s+be\s+squared\b", "judges a witness's credibility"),
    _p(_COPULA + r"(?:not\s+)?(?:credible|believable|reliable|truthful|honest|untruthful|dishonest|true|"
       r"evasive|lying|liar|implausible|unreliable|self-serving|untrustworthy|fabricated|perjured|"
       r"disingenuous|misleading|false|incredible|unbelievable|deceptive|hiding\s+something|"
       r"(?:reliable|credible|truthful|honest)\s+witness)\b", "judges a witness's credibility"),
    _p(r"\b(?:lied|fabricated|exaggerated|embellished|embroidered|made\s+up|invented)\b"
       r"|\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:exaggerating|fabricating|embellishing|"
       r"overstating|inventing)\b"
       r"|\bshaded\s+the\s+truth\b|\b(?:should|must|ought\s+to)(?:\s+not|n't)\s+be\s+(?:believed|"
       r"credited|trusted)\b|\b(?:can|could)(?:not|'t)?\s+be\s+(?:trusted|believed|credited|"
       r"relied\s+(?:on|upon))\b", "accuses a witness of untruth"),
    _p(r"\b(?:does\s+not|doesn't|did\s+not|didn't)\s+(?:hold\s+together|add\s+up|ring\s+true|"
       r"hold\s+water|stand\s+up)\b|\brings?\s+(?:false|hollow)\b|\bnot\s+(?:to\s+be\s+)?"
       r"believ(?:ed|able)\b", "judges a witness's credibility"),
    _p(r"\briddled\s+with\b|\bhired\s+gun\b|\bworthless\b|\b(?:strains?|beggars?|defies|defy)\s+"
       r"(?:belief|credulity|credibility)\b|\b(?:was|is|were|are)\s+(?:a\s+)?"
       r"lies?\b|\bmaking\s+(?:things|it|this|that|up)\b|\bmade\s+(?:it|this|that|things)\s+up\b"
       r"|\bcovering\s+(?:for|up)\b|\b(?:not\s+consistent\s+with|far\s+from|contrary\s+to)\s+the\s+"
       r"truth\b|\buntrue\b", "judges a witness's credibility"),
    _p(r"\b(?:deserves?|merits?|warrants?|entitled\s+to|(?:be\s+)?given|carr(?:y|ies))\s+"
       r"(?:very\s+)?(?:little|no|less|minimal|scant|great|significant|considerable|full|much)\s+"
       r"(?:weight|credence|credit)\b|\b(?:scripted|coached|rehearsed)\b|\b(?:looks?|seems?|"
       r"appears?|sounds?)\s+(?:\w+\s+)?(?:calculated|contrived|staged|feigned|convenient|"
       r"strategic)\b|\brather\s+than\s+genuine\b|\bnot\s+credible\b|\bsymptom\s+magnification\b|"
       r"\bmalinger\w*|\b(?:hard|difficult|impossible)\s+to\s+"
       r"(?:believe|credit|accept|swallow|trust)\b|\bat\s+face\s+value\b",
       "judges the weight of a witness's evidence"),
]


def _voice_check(patterns: Sequence[ReasonPattern | _PartyModal]) -> Callable[[str], str | None]:
    """A rule check: the reason of the first pattern found in the sentence's drafter voice.

    One search for any of the patterns (a party modal needs its modal) screens out the
    sentences none of them can flag, most of them, before the patterns are tried in order.
    """
    screen = re.compile("|".join(
        f"(?:{(p.regex if isinstance(p, ReasonPattern) else p.modal).pattern})" for p in patterns
    ), re.IGNORECASE)

    def check(sentence: str) -> str | None:
        voice = drafter_voice(sentence)
        clauses = voice.split("; ")  # each clause of the voice, so "^" patterns see each start
        if not voice or not any(screen.search(c) for c in clauses):
            return None
        for p in patterns:
            if any(p.search(c) for c in clauses):
                return p.reason
        return None
    return check


#: The built-in drafted-text rules.
TEXT_RULES: tuple[GuardRule, ...] = (
    GuardRule("text.advice", "text", _voice_check(_ADVICE), "advice"),
    GuardRule("text.legal_opinion", "text", _voice_check(_OPINION), "legal_opinion"),
    GuardRule("text.outcome_prediction", "text", _voice_check(_PREDICTION), "outcome_prediction"),
    GuardRule("text.legal_conclusion", "text", _voice_check(_CONCLUSION), "legal_conclusion"),
    GuardRule("text.liability", "text", _voice_check(_LIABILITY), "liability"),
    GuardRule("text.credibility", "text", _voice_check(_CREDIBILITY), "credibility"),
)


# --------------------------------------------------------------------------------------------
# Scanning drafted text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceFlag:
    """A sentence of drafted text that gives advice or reaches a conclusion."""

    sentence: Sentence
    hits: tuple[RuleHit, ...]

    @property
    def reason(self) -> str:
        return "; ".join(h.reason for h in self.hits)


def scan_text(text: str, rules: Iterable[GuardRule]) -> list[SentenceFlag]:
    """Every sentence of ``text`` that a ``text`` rule flags, with the rules' reasons.

    A sentence that only carries on a previous sentence's reported speech (same line or item,
    led by a pronoun: "The witness testified that... That's true.") is the record's, not checked;
    so is every sentence of a quoted answer ("A. The lien notice? I think it went out late").
    """
    text_rules = [r for r in rules if r.applies("text")]
    flags = []
    previous: Sentence | None = None
    answering = False  # inside a quoted "Q." or "A." of a transcript, to the end of its item
    for sentence in split_sentences(text):
        if previous is not None and previous.item == sentence.item:
            answering = answering or _TRANSCRIPT_LINE.match(previous.text) is not None
            continues = bool(analyse(previous.text)[1] and _CONTINUES_SPEECH.match(sentence.text))
        else:
            answering = continues = False
        # (read as the answer's: a drafter's bracketed aside in it is still judged)
        said = f"A. {sentence.text}" if answering else sentence.text
        hits = [] if continues else run_rules(text_rules, "text", said)
        if hits:
            flags.append(SentenceFlag(sentence, tuple(hits)))
        previous = sentence
    return flags
