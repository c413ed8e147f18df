"""Turn a question and its answer into a neutral, third-person statement of the testimony.

Rule-based and deliberately conservative: a question is converted into a declarative clause
only in the forms it recognises ("Did you ...?", "You were ..., correct?", "When did you ...?",
"What was your ...?"); otherwise the answer itself is restated in the third person, or the
question and answer are quoted.  The statement only ever reports what was said; it adds no
characterisation of the witness or the events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lpo_review.stages.deposition.stop_words import STOP_WORDS

# ------------------------------------------------------------------------------------------
# Pronouns and verb forms
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pronouns:
    """The witness's pronouns (``they`` takes plural verb forms; ``the witness`` is used where
    the transcript does not show how the witness is addressed)."""

    subj: str
    obj: str
    poss: str
    poss_pron: str
    refl: str

    @property
    def plural(self) -> bool:
        return self.subj == "they"

    def be_past(self) -> str:
        return "were" if self.plural else "was"

    def be_pres(self) -> str:
        return "are" if self.plural else "is"

    def have(self) -> str:
        return "have" if self.plural else "has"

    def do(self) -> str:
        return "do" if self.plural else "does"


PRONOUNS = {
    "he": Pronouns("he", "him", "his", "his", "himself"),
    "she": Pronouns("she", "her", "her", "hers", "herself"),
    "they": Pronouns("they", "them", "their", "theirs", "themselves"),
    "witness": Pronouns("the witness", "the witness", "the witness's", "the witness's",
                        "themself"),
}

_IRREGULAR_PAST = dict(
    pair.split(":") for pair in (
        "be:was arise:arose awake:awoke bear:bore beat:beat become:became begin:began bend:bent "
        "bite:bit bleed:bled blow:blew break:broke bring:brought build:built burn:burned "
        "buy:bought catch:caught choose:chose come:came cost:cost cut:cut deal:dealt dig:dug "
        "do:did draw:drew drink:drank drive:drove eat:ate fall:fell feed:fed feel:felt "
        "fight:fought find:found fly:flew forget:forgot freeze:froze get:got give:gave go:went "
        "grow:grew hang:hung have:had hear:heard hide:hid hit:hit hold:held hurt:hurt keep:kept "
        "know:knew lay:laid lead:led leave:left lend:lent let:let lie:lay light:lit lose:lost "
        "make:made mean:meant meet:met pay:paid put:put quit:quit read:read ride:rode ring:rang "
        "rise:rose run:ran say:said see:saw seek:sought sell:sold send:sent set:set shake:shook "
        "shoot:shot show:showed shut:shut sing:sang sit:sat sleep:slept slide:slid speak:spoke "
        "spend:spent spin:spun stand:stood steal:stole stick:stuck strike:struck swear:swore sweep:swept "
        "swim:swam take:took teach:taught tear:tore tell:told think:thought throw:threw "
        "understand:understood wake:woke wear:wore win:won write:wrote "
        "stop:stopped drop:dropped plan:planned ship:shipped step:stepped slip:slipped "
        "trip:tripped grab:grabbed admit:admitted occur:occurred refer:referred "
        "permit:permitted commit:committed nod:nodded hug:hugged tap:tapped"
    ).split()
)


def past(verb: str) -> str:
    """Simple past of an English verb (irregulars from a table, regulars by rule)."""
    low = verb.lower()
    if low in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[low]
    if low.endswith("e"):
        return low + "d"
    if re.search(r"[^aeiou]y$", low):
        return low[:-1] + "ied"
    return low + "ed"


def present_3sg(verb: str) -> str:
    """Third-person singular present (``know`` -> ``knows``)."""
    low = verb.lower()
    special = {"have": "has", "be": "is", "do": "does", "go": "goes"}
    if low in special:
        return special[low]
    if re.search(r"(s|sh|ch|x|z|o)$", low):
        return low + "es"
    if re.search(r"[^aeiou]y$", low):
        return low[:-1] + "ies"
    return low + "s"


# ------------------------------------------------------------------------------------------
# Person conversion
# ------------------------------------------------------------------------------------------

_OBJECT_CONTEXT = frozenset(
    "to with for at from about by of on against than like told tell asked ask gave give "
    "showed show called call paid pay hired hire fired fire sent send saw see hit helped help "
    "instructed instruct warned warn let made make".split()
)


#: Words that follow an object "you" rather than a subject one ("reach you", "referred you to").
_AFTER_OBJECT = frozenset("  to that about if whether and or for from at on in into with by up out "
                          "back over".split()) | {""}


def _cap_like(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


#: Present-tense verbs a witness uses of themself ("I think", "I believe"): agreement needed.
_I_PRESENT = (r"\bI (?P<verb>think|believe|know|guess|remember|recall|feel|mean|want|need|see|"
              r"understand|assume|suppose|agree|disagree|work|live|drive|like|use|own|rent|take|"
              r"keep)\b")


def _compile(rules: list[tuple[str, str]], flags: int = 0
             ) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation of ``rules`` (earlier rules win at the same place) and their outputs."""
    pattern = "|".join(f"(?P<r{i}>{rx})" for i, (rx, _) in enumerate(rules))
    return re.compile(pattern, flags), tuple(out for _, out in rules)


@lru_cache(maxsize=8)
def _first_person(p: Pronouns) -> tuple[re.Pattern[str], tuple[str, ...]]:
    verb = "{verb}" if p.plural else "{verb}s"
    return _compile([
        (r"\bI'm\b", f"{p.subj} {p.be_pres()}"),
        (r"\bI've\b", f"{p.subj} {p.have()}"),
        (r"\bI'd\b", f"{p.subj} would"),
        (r"\bI'll\b", f"{p.subj} will"),
        (r"\bI am\b", f"{p.subj} {p.be_pres()}"),
        (r"\bI was\b", f"{p.subj} {p.be_past()}"),
        (r"\bI wasn't\b", f"{p.subj} {p.be_past()} not"),
        (r"\bI have\b", f"{p.subj} {p.have()}"),
        (r"\bI haven't\b", f"{p.subj} {p.have()} not"),
        (r"\bI don't\b", f"{p.subj} {p.do()} not"),
        (r"\bI do not\b", f"{p.subj} {p.do()} not"),
        (r"\bI do\b", f"{p.subj} {p.do()}"),
        (r"\bI didn't\b", f"{p.subj} did not"),
        (r"\bI can't\b", f"{p.subj} cannot"),
        (_I_PRESENT, f"{p.subj} {verb}"),
        (r"\bI\b", p.subj),
        (r"(?i:\bmyself\b)", p.refl),
        (r"(?i:\bmine\b)", p.poss_pron),
        (r"(?i:\bmy\b)", p.poss),
        (r"(?i:\bme\b)", p.obj),
    ])


def first_to_third(text: str, p: Pronouns) -> str:
    """Restate the witness's own words (I, me, my) in the third person."""
    pattern, outputs = _first_person(p)

    def _sub(m: re.Match[str]) -> str:
        out = outputs[int(str(m.lastgroup)[1:])].format(verb=m.group("verb") or "")
        # "I" is a capital anywhere; the replacement is capitalised only at a sentence start.
        before = text[:m.start()].rstrip()
        at_start = not before or before[-1] in ".!?"
        return out[:1].upper() + out[1:] if at_start and m.group()[:1].isupper() else out

    return pattern.sub(_sub, text)


@lru_cache(maxsize=8)
def _second_person(p: Pronouns) -> tuple[re.Pattern[str], tuple[str, ...]]:
    return _compile([
        (r"\byou're\b", f"{p.subj} {p.be_pres()}"),
        (r"\byou've\b", f"{p.subj} {p.have()}"),
        (r"\byou'd\b", f"{p.subj} would"),
        (r"\byou'll\b", f"{p.subj} will"),
        (r"\byou were\b", f"{p.subj} {p.be_past()}"),
        (r"\byou weren't\b", f"{p.subj} {p.be_past()} not"),
        (r"\byou are\b", f"{p.subj} {p.be_pres()}"),
        (r"\byou have\b", f"{p.subj} {p.have()}"),
        (r"\byou don't\b", f"{p.subj} {p.do()} not"),
        (r"\byou do\b", f"{p.subj} {p.do()}"),
        (r"\byourself\b", p.refl),
        (r"\byours\b", p.poss_pron),
        (r"\byour\b", p.poss),
        (r"\byou\b", ""),  # subject or object: decided from the words around it
    ], re.I)


def second_to_third(text: str, p: Pronouns) -> str:
    """Restate a question's "you"/"your" as the witness's pronouns, with verb agreement."""
    pattern, outputs = _second_person(p)

    def _sub(m: re.Match[str]) -> str:
        out = outputs[int(str(m.lastgroup)[1:])]
        if not out:
            before = text[:m.start()].split()[-1:]
            after = re.match(r"\s*([\w']*)", text[m.end():])
            following = after.group(1).lower() if after else ""
            is_object = (before and before[0].lower().strip(",") in _OBJECT_CONTEXT) or (
                following in _AFTER_OBJECT)
            out = p.obj if is_object else p.subj
        return _cap_like(m.group(), out)

    return pattern.sub(_sub, text)


# ------------------------------------------------------------------------------------------
# Answers
# ------------------------------------------------------------------------------------------

_AFFIRM = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|that's correct|that is correct|that's right|that's true|absolutely|"
    r"uh-huh|i(?:'d|\s+would)?\s+agree(?:\s+with\s+(?:that|you))?|that's fair|that's accurate)\b"
    r"|(?:correct|right|true|sure|i did|i was|i have|i do|it was|it is)(?=[,.!;]|$))"
    r"[,.!;]?\s*",
    re.I,
)
_DENY = re.compile(
    r"^(?:no|nope|never|incorrect|that's not (?:correct|right|true)|not really|i did not|i didn't|"
    r"i was not|i wasn't|i have not|i haven't|it was not|it wasn't)\b[,.!;]?\s*(?:sir|ma'am)?[,.]?\s*",
    re.I,
)
_UNSURE = re.compile(
    r"\b(?:I\s+(?:just\s+|really\s+|honestly\s+|simply\s+)?(?:do not|don't|did not|didn't|"
    r"can't|cannot|could not|couldn't)\s+"
    r"(?P<verb>recall|remember|know|say)|not that I (?:recall|remember|know)|I'm not sure|"
    r"I am not sure|I have no (?:idea|recollection))\b",
    re.I,
)
#: "Not that I know of.", "Not that I'm aware of.": no, so far as the witness knows.
_NOT_TO_MY_KNOWLEDGE = re.compile(r"^not\s+that\s+I(?:'m|\s+am)?\s+(?:know|aware)\b", re.I)
_HEDGE = re.compile(r"^I\s+(?P<neg>don't\s+|do\s+not\s+)?(?:think|believe)\s+so\b[,.;]?\s*", re.I)
#: "It can be, yes." / "That could be.": agreement that something is possible, not that it is.
_QUALIFIED = re.compile(r"^(?:it|that)\s+(?P<modal>can|could|may|might)(?:\s+be)?"
                        r"(?:[,;]?\s*(?:yes|yeah|sure))?(?:[.!;]\s+|[.!;]?$)", re.I)
_FILLER = re.compile(r"^(?:(?:sir|ma'am|um|uh|well|okay|ok)(?:[,.]\s*|\s+|$))+", re.I)
_CLAUSE_START = frozenset(
    "i i'm i've i'd i'll we he she they it it's there that this my our his her their".split()
)
_LOWER_OK = frozenset(
    "the a an it it's there there's that that's this he he's she she's they they're we his her "
    "their our around about at in on near but and so then also only red green yellow amber "
    "by maybe probably approximately after before when because just only from to with for "
    "one two three four five six seven eight nine ten some most all no not yes".split()
)


_TITLES = frozenset("mr ms mrs dr sir".split())


def _lower_first(clause: str) -> str:
    word = clause.split(" ", 1)[0].lower().strip(",.")
    if word in _LOWER_OK or (word in STOP_WORDS and word not in _TITLES):
        return clause[:1].lower() + clause[1:]
    return clause


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip()
    return text if text.endswith("...") else text.rstrip(".;,")


_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|Jr|Sr|Inc|Co|Corp|Ltd|vs?)|\b[a-zA-Z])$")


def one_sentence(clause: str) -> str:
    """Join the sentences of a restated answer with semicolons, so one frame reports them all."""

    def _join(m: re.Match[str]) -> str:
        if _ABBREVIATION.search(clause, 0, m.start()):
            return m.group()
        return "; " + _lower_first(m.group(1))

    return re.sub(r"[.!?]\s+([A-Z<]\S*)", _join, clause)


#: Where a long answer can be cut without leaving a dangling clause: before a subordinate or
#: coordinate clause that adds circumstance rather than the fact asked about.
_CLAUSE_CUT = re.compile(r"(?:,\s+(?:and|but|so|when|which|who|because|where|while)\s|\s+because\s|"
                         r";\s|\s+--\s)")


def condense(text: str, max_words: int = 40) -> str:
    """Keep whole sentences up to about ``max_words`` words (at least the first sentence).

    A first sentence longer than ``max_words`` is cut at its first clause boundary after a few
    words, or else after ``max_words`` words (marked with an ellipsis).
    """
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z<])", " ".join(text.split()))
    kept: list[str] = []
    count = 0
    for sentence in sentences:
        n = len(sentence.split())
        if kept and count + n > max_words:
            break
        kept.append(sentence)
        count += n
    out = " ".join(kept)
    if len(kept) == 1 and len(out.split()) > max_words * 2 // 3:
        # Cut a long sentence at its first clause boundary after a few words.
        m = next((m for m in _CLAUSE_CUT.finditer(out) if len(out[:m.start()].split()) >= 2),
                 None)
        if m:
            out = out[:m.start()]
        words = out.split()
        if len(words) > max_words + 4:
            head = " ".join(words[:max_words])
            comma = head.rfind(", ")
            out = head[:comma] if comma > 0 and len(head[:comma].split()) >= 4 else head + " ..."
    return out


#: Words of an answer kept in a restatement: enough for the fact and its circumstances ("The
#: light turned yellow when I was maybe fifty feet away, so I continued through"), not a
#: narrative of a page.
ANSWER_WORDS = 80


@dataclass
class Answer:
    """An answer's polarity and its substance after any yes/no."""

    polarity: str
    """"yes", "no", "unsure", "believe" ("I think so"), "doubt", "qualified" ("It can be,
    yes": agreement that it may be so) or "open"."""
    rest: str
    unsure_verb: str = "recall"
    modal: str = ""
    """The modal verb of a qualified answer ("can")."""


def read_answer(answer: str) -> Answer:
    text = _FILLER.sub("", " ".join(answer.split()))
    if _NOT_TO_MY_KNOWLEDGE.match(text):
        return Answer("open", text)  # a "no" as far as the witness knows: quoted, not recast
    if m := _UNSURE.search(text):
        if m.start() < 8 or len(text.split()) <= 8:
            verb = (m.group("verb") or "recall").lower()
            rest = " ".join(_sentences(text)[1:])  # what the witness went on to say
            return Answer("unsure", rest, "know" if verb in ("know", "say") else "recall")
    if m := _HEDGE.match(text):
        return Answer("doubt" if m.group("neg") else "believe", text[m.end():])
    if m := _QUALIFIED.match(text):
        return Answer("qualified", text[m.end():], modal=m.group("modal").lower())
    if m := _DENY.match(text):
        return Answer("no", text[m.end():])
    if m := _AFFIRM.match(text):
        return Answer("yes", text[m.end():])
    return Answer("open", text)


# ------------------------------------------------------------------------------------------
# Questions
# ------------------------------------------------------------------------------------------

_LEAD = re.compile(
    r"^(?:(?:and|so|now|okay|ok|all right|alright|well|then|sir|ma'am|mr\.\s+\S+|ms\.\s+\S+)"
    r"[,.]?\s+)+", re.I
)
_AUX_NORMAL = {
    "didn't": "did", "don't": "do", "doesn't": "does", "wasn't": "was", "weren't": "were",
    "isn't": "is", "aren't": "are", "haven't": "have", "hasn't": "has", "hadn't": "had",
}
_AUX = r"(?P<aux>did|do|does|were|was|are|is|have|has|had|can|could|would|will|" + "|".join(
    re.escape(k) for k in _AUX_NORMAL) + ")"
_SUBJ = r"(?P<subj>you|he|she|it|they|there|(?:(?:Dr|Mr|Ms|Mrs)\.\s+)?<[A-Z_]+_\d+>)"
_YESNO = re.compile(rf"^{_AUX}\s+{_SUBJ}\s+(?P<rest>[^?]+)\?$", re.I)
_TAG = re.compile(
    r"^(?P<prop>[^?]+?),?\s+(?:correct|right|true|yes|isn't that (?:right|correct|true)|"
    r"is that (?:right|correct|true|fair)|didn't you|weren't you|wasn't it|isn't it|"
    r"did you not|do you|don't you|is it|was it|did you|are you|aren't you|wouldn't you|"
    r"would you|can you|fair)\?$", re.I,
)
_WH = re.compile(
    r"^(?P<wh>when|where|why|how(?:\s+(?:long|far|often|soon|fast))?|who|whom|"
    rf"(?:what|which)(?:\s+[a-z]+)?)\s+{_AUX}\s+{_SUBJ}\s+(?P<rest>[^?]+)\?$", re.I,
)
#: "Where did the collision happen?", "What did the officer say?": a thing or person (not the
#: witness) as subject, with a verb whose past tense we know to be right.
_WH_THING = re.compile(
    r"^(?P<wh>when|where|what|how)\s+did\s+(?P<np>the\s+[a-z]+)\s+(?P<verb>happen|occur|start|"
    r"begin|end|stop|arrive|leave|come|go|say|turn|change|hit|strike)(?P<tail>[^?]*)\?$",
    re.I)
_WH_BE = re.compile(r"^(?P<wh>what(?:\s+[a-z]+)?|who|where|when)\s+(?P<be>is|was|are|were)\s+"
                    r"(?P<np>[^?]+)\?$", re.I)
_PROCEDURAL = re.compile(
    r"\b(?:understand (?:my|the) question|do you understand|is that fair|can you hear|"
    r"speak up|verbal answers?|any questions|(?:need|want|like|let's|can we|should we)"
    r" (?:to )?(?:take )?a (?:short |quick )?break|understand (?:that )?you(?:'re| are) "
    r"(?:still )?under oath|"
    r"state your (?:full )?name|spell your|any reason you can't|medications? that would affect|"
    r"ready to proceed|mark(?:ed)? as|for the record|truthful testimony|medication or illness|"
    r"deposition taken|ground rules|answer (?:out loud|verbally)|rephrase)\b", re.I,
)
_ADVERBS = frozenset(
    "first ever also then still again last later just never always once even actually".split()
)
_PREPOSITIONS = frozenset("to with about for from at on in of by".split())
#: Words that already open an answer to "where" ("near the dock", "home").
_PLACE_WORDS = _PREPOSITIONS | frozenset(
    "near inside outside behind next across over under up down here there home".split())
_WE = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.I)
_OUR = re.compile(r"\bour\b(?=\s+\w)", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our)\b")


def _sentences(text: str) -> list[str]:
    """Split at sentence ends, not after abbreviations ("Dr. <PERSON_1>")."""
    parts, begin = [], 0
    for m in re.finditer(r"(?<=[.?!])\s+", text):
        if not _ABBREVIATION.search(text, 0, m.start() - 1):
            parts.append(text[begin:m.start()])
            begin = m.end()
    return parts + [text[begin:]]


#: A question that only asks the witness to confirm what the examiner just said or read.
_CONFIRM = re.compile(
    r"^(?:did i (?:read|state|say|get) (?:that|it|this|all that) (?:correctly|right|accurately)|"
    r"(?:is|was) (?:that|this) (?:right|correct|true|accurate|fair)|correct|right|true|fair|"
    r"agreed|isn't that (?:right|true|correct)|do you see that|you see that)\?$", re.I)


#: A short question about what the examiner just read or said ("You wrote that?").
_POINTS_BACK = re.compile(r"\b(?:that|this|it|those|these)\b", re.I)


def _question_sentence(question: str) -> str:
    """The last interrogative sentence of a question turn, without leading fillers; a bare
    request to confirm ("Did I read that correctly?", "Correct?") asks about the statement
    before it, which becomes the question ("<statement>, correct?")."""
    text = " ".join(question.split())
    parts = _sentences(text)
    asked = [p for p in parts if p.endswith("?")]
    chosen = asked[-1] if asked else parts[-1]
    k = parts.index(chosen)
    if _CONFIRM.match(_LEAD.sub("", chosen)) and k > 0 and not parts[k - 1].endswith("?"):
        said = " ".join(parts[:k]).rstrip(" .;:,")
        return f"{_LEAD.sub('', said)}, correct?"
    if k > 0 and len(chosen.split()) <= 10 and _POINTS_BACK.search(chosen) and \
            not parts[k - 1].endswith("?"):
        return _LEAD.sub("", " ".join(parts[:k + 1]))  # "It says ... . You wrote that?"
    return _LEAD.sub("", chosen)


def _conjugate(aux: str, subj: str, p: Pronouns, rest: str, negative: bool) -> str | None:
    """Declarative clause for ``aux subj rest`` ("did you see X" -> "he saw X")."""
    aux = _AUX_NORMAL.get(aux.lower(), aux.lower())
    is_witness = subj.lower() == "you"
    s = p.subj if is_witness else subj if "<" in subj else subj.lower()
    plural = p.plural if is_witness else s in ("they",)
    rest = second_to_third(rest, p)
    words = rest.split()
    lead = 0
    while lead < len(words) - 1 and (words[lead].lower() in _ADVERBS or words[lead].endswith("ly")):
        lead += 1
    adverbs = "".join(f"{w} " for w in words[:lead])
    verb = words[lead] if words else ""
    tail = "".join(f" {w}" for w in words[lead + 1:])
    if aux == "did":
        if negative:
            return f"{s} did not {adverbs}{verb.lower()}{tail}"
        return f"{s} {adverbs}{past(verb)}{tail}"
    if aux == "can" and negative:
        return f"{s} cannot {rest}"
    if aux in ("do", "does"):
        if negative:
            return f"{s} {'do' if plural else 'does'} not {adverbs}{verb.lower()}{tail}"
        return f"{s} {adverbs}{verb.lower() if plural else present_3sg(verb)}{tail}"
    if s == "there":
        return f"there {aux}{' not' if negative else ''} {rest}"
    forms = {
        "was": "were" if plural else "was", "were": "were" if plural else "was",
        "is": "are" if plural else "is", "are": "are" if plural else "is",
        "has": "have" if plural else "has", "have": "have" if plural else "has",
    }
    word = forms.get(aux, aux)
    return f"{s} {word}{' not' if negative else ''} {rest}"


@dataclass
class Statement:
    """A clause restating one question and answer, and how informative it is.

    A ``quoted`` statement is a whole sentence quoting the question and answer; otherwise
    ``clause`` reads after "Testified that" (the witness is the implied subject).
    """

    clause: str
    score: float
    quoted: bool = False


#: Score of a "did not recall" statement: kept only where a row has room to spare.
UNSURE_SCORE = 1.0
#: Score of the witness's contact details (address, date of birth, phone, e-mail): the record
#: holds them; a digest row is not needed for them alone.
PERSONAL_SCORE = 1.5
_PERSONAL = re.compile(r"\b(?:home address|date of birth|telephone|phone number|e-?mail|"
                       r"social security|lived there|live now)\b", re.I)


def restate(question: str, answer: str, p: Pronouns) -> Statement | None:
    """Restate a Q/A pair as a third-person clause (no leading "Testified that")."""
    a = read_answer(answer)
    q = _question_sentence(question)
    procedural = bool(_PROCEDURAL.search(q))
    if _own_pronoun(p).search(answer):
        # The witness's "she"/"they" (the plaintiff, the doctors) would read as the witness.
        clause = _from_answer(q, a, answer, p, restate=False)
    else:
        clause = _from_question(q, a, p) or _from_answer(q, a, answer, p)
    if clause is None:
        return None
    quoted = clause.startswith("Asked ")
    clause = " ".join((clause if quoted else one_sentence(_lower_first(clause))).split())
    score = 0.0 if procedural else _information(clause, answer) * (0.5 if quoted else 1.0)
    if a.polarity == "unsure":
        score = min(score, UNSURE_SCORE)
    if _PERSONAL.search(question):
        score = min(score, PERSONAL_SCORE)
    return Statement(clause, score, quoted)


def restate_more(answer: str, p: Pronouns) -> Statement | None:
    """A later part of a long answer, restated in the third person (or quoted, if it will not
    restate: "we", reported speech); no question frames it."""
    text = _tidy(condense(_FILLER.sub("", " ".join(answer.split())), ANSWER_WORDS))
    if not text:
        return None
    said = _tidy(_before_we(text))
    if _is_clause(said) and not _WE.search(said) and not _own_pronoun(p).search(said):
        clause = one_sentence(_lower_first(_tidy(first_to_third(said, p))))
        return Statement(clause, _information(clause, answer))
    return Statement(f"Went on: \"{text}.\"", _information(text, answer) * 0.5, quoted=True)


def _ambiguous(m: re.Match[str], p: Pronouns) -> bool:
    """A question about a third person ("Do they show...") whose pronoun is the witness's own."""
    subj = m.groupdict().get("subj") or ""
    return subj.lower() in ("he", "she", "they") and subj.lower() == p.subj


def _information(clause: str, answer: str) -> float:
    """How much a statement tells: its content words, counting double those the witness
    supplied (not just confirmed), plus a bonus for numbers, times and dates."""
    supplied = {w.lower() for w in _CONTENT.findall(answer)}
    words = [w.lower() for w in _CONTENT.findall(clause)]
    content = [w for w in words if w not in STOP_WORDS and len(w) > 2]
    value = sum(1.0 if w in supplied else 0.5 for w in content)
    return min(10.0, value) + (2.0 if re.search(r"\d", clause) else 0.0)


_CONTENT = re.compile(r"<[A-Z_]+_\d+>|[A-Za-z][\w'-]*|\d[\d:,.]*")


_LEADING = re.compile(r"^(?P<lead>(?:before|after|since|during|when|on|in|at)\b[^?]{3,60}?),\s+"
                      r"(?P<q>(?:did|do|does|were|was|are|is|have|has|had|what|when|where|who|how|"
                      r"which)\b[^?]*\?)$", re.I)


def _from_question(q: str, a: Answer, p: Pronouns) -> str | None:
    """A declarative restatement built from the question's form, if it has a form we know.

    A leading circumstance ("Before March 1, did you ...?") moves to the end of the clause.
    """
    if (m := _LEADING.match(q)) and (clause := _from_form(m.group("q"), a, p)):
        lead = second_to_third(m.group("lead"), p)
        head, sep, tail = clause.partition("; ")
        head, comma, but = head.partition(", but ")
        return f"{head} {lead[:1].lower()}{lead[1:]}{comma}{but}{sep}{tail}"
    return _from_form(q, a, p)


def _from_form(q: str, a: Answer, p: Pronouns) -> str | None:
    if a.polarity == "open" and not (_WH.match(q) or _WH_BE.match(q) or _WH_THING.match(q)):
        return None
    if _FIRST_PERSON.search(q) or any(
            (m := rx.match(q)) and _ambiguous(m, p) for rx in (_TAG, _YESNO, _WH)):
        return None
    if m := _TAG.match(q):
        prop = _tidy(second_to_third(m.group("prop"), p))
        return _polar(prop, a, p)
    if m := _YESNO.match(q):
        if a.polarity == "unsure":
            asked = re.match(r"(?:know|recall|remember)\s+(?:if|whether)\s+(?P<what>.+)$",
                             m.group("rest"), re.I)
            if asked and m.group("subj").lower() == "you":  # "Do you know if she looked?"
                whether: str | None = second_to_third(asked.group("what"), p)
            else:
                whether = _conjugate(m.group("aux"), m.group("subj"), p, m.group("rest"), False)
            if whether is None:
                return None
            return _with_rest(f"{p.subj} did not {a.unsure_verb} whether {whether}", a, p)
        clause = _conjugate(m.group("aux"), m.group("subj"), p, m.group("rest"),
                            a.polarity == "no")
        if clause is None:
            return None
        if a.polarity in ("believe", "doubt"):
            return _hedged(clause, a, p)
        if a.polarity == "qualified":
            return _with_rest(f"it {a.modal} be that {_lower_first(clause)}", a, p)
        return _with_rest(clause, a, p)
    if m := _WH.match(q):
        return _wh(m, a, p)
    if (m := _WH_THING.match(q)) and a.polarity == "open" and (
            not _is_clause(a.rest) or _is_reported(a.rest)):
        frag = _fragment(a, p)
        if frag is None:
            return None
        if m.group("wh").lower() == "where" and frag.split(" ", 1)[0].lower() not in _PLACE_WORDS:
            frag = f"at {frag}"
        verb = m.group("verb").lower()
        return _once(f"{m.group('np').lower()} {past(verb)}{m.group('tail')} {frag}")
    if m := _WH_BE.match(q):
        np = second_to_third(re.sub(r"\s+like$", "", m.group("np")), p)
        if a.polarity == "unsure":
            return f"{p.subj} did not {a.unsure_verb} {m.group('wh').lower()} {np} {m.group('be')}"
        frag = _fragment(a, p)
        if frag is None or _is_clause(a.rest):
            return None
        be = m.group("be").lower()
        if m.group("wh").lower() in ("what", "who") and _PARTICIPLE.fullmatch(np):
            # "What was damaged?" -> "the hood and the radiator were damaged; ..."
            head, rest = (re.split(r"(?<=[.!?;])\s+|,?\s+(?:and|but)\s+(?=(?:he|she|they|it|"
                                   r"the witness)\b)", frag.rstrip("."), maxsplit=1) + [""])[:2]
            head = head.rstrip(".;, ")
            be = "were" if be == "was" and (" and " in head or "," in head) else be
            return _once(f"{head} {be} {np}" + (f"; {rest}" if rest else ""))
        if np == p.subj:
            be = p.be_past() if be in ("was", "were") else p.be_pres()
        if m.group("wh").lower() == "where" and frag.split(" ", 1)[0].lower() not in _PLACE_WORDS:
            frag = f"at {frag}"
        np, _, when = np.partition(" when ")
        if when:
            frag = re.split(r"(?<=[.!?;])\s", frag, maxsplit=1)[0].rstrip(".;")
        return _with_we(_once(f"{np} {be} {frag}" + (f" when {when}" if when else "")),
                        condense(a.rest, ANSWER_WORDS))
    return None


#: A past participle alone ("damaged", "taken", "hurt"): what a "What was ...?" asks about.
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en)|hurt|broken|lost|stolen|said|told|done|sent|left",
                         re.I)
_SAME_TIME = re.compile(r"\bthat (morning|afternoon|evening|night|day)\b(?=(.*)\b\1\b)")


def _once(clause: str) -> str:
    """Drop a "that morning" the answer restates ("that morning around 7:15 in the morning")."""
    return " ".join(_SAME_TIME.sub("", clause).split())


def _polar(prop: str, a: Answer, p: Pronouns) -> str | None:
    if a.polarity == "yes":
        return _with_rest(prop, a, p)
    if a.polarity == "no":
        return _with_rest(f"{p.subj} did not agree that {prop}", a, p)
    if a.polarity == "unsure":
        return _with_rest(f"{p.subj} did not {a.unsure_verb} whether {prop}", a, p)
    if a.polarity in ("believe", "doubt"):
        return _hedged(prop, a, p)
    if a.polarity == "qualified":
        # "X is a red flag; true?" - "It can be, yes." -> "X can be a red flag"
        possible, n = re.subn(r"\b(?:is|are)\b", f"{a.modal} be", prop, count=1)
        return _with_rest(possible if n else f"it {a.modal} be that {_lower_first(prop)}", a, p)
    return None


def _hedged(clause: str, a: Answer, p: Pronouns) -> str:
    """ "I think so" / "I don't believe so": the witness's belief, not a plain yes or no."""
    if a.polarity == "believe":
        frame = f"{p.subj} {'believe' if p.plural else 'believes'}"
    else:
        frame = f"{p.subj} {p.do()} not believe"
    return _with_rest(f"{frame} that {clause}", a, p)


def _with_rest(clause: str, a: Answer, p: Pronouns) -> str:
    """Add what the witness said after "yes"/"no", if anything substantive."""
    rest = _FILLER.sub("", f"{a.rest} ").strip() if a.rest else ""
    short = condense(rest, ANSWER_WORDS) if rest else ""
    extra = _tidy(first_to_third(_before_we(short), p)) if rest else ""
    if extra and not _WE.search(extra):
        extra = _lower_first(extra)
        joint = ", " if extra.startswith(("but ", "and ", "because ")) else "; "
        return _with_we(f"{_tidy(clause)}{joint}{extra}", short)
    return _with_we(_tidy(clause), short) if short else _tidy(clause)


def _before_we(text: str) -> str:
    """An answer without the sentences where the witness says "we" (whose "we" a
    third-person restatement cannot keep; "our" becomes "the": "our VP of operations"); if
    every sentence does, the first one up to the clause that says it, if enough of it comes
    before; else the answer as it is."""
    text = _OUR.sub(_the, text)
    sentences = _sentences(text)
    kept = [s for s in sentences if not _WE.search(s)]
    if len(kept) == len(sentences):
        return text
    if kept:
        return " ".join(kept)
    we = _WE.search(text)
    assert we is not None
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text, 0, we.start())]
    if cuts and len(text[:cuts[-1]].split()) >= 4:
        return text[:cuts[-1]]
    return text


def _the(m: re.Match[str]) -> str:
    return "The" if m.group()[0] == "O" else "the"


def _with_we(said: str, text: str) -> str:
    """``said`` (a restatement of ``text`` without its "we" sentences) and, quoted, the
    sentences it left out: "...; went on: \"Exhibit D is dated May 16, and we met ...\"."""
    left_out = [s for s in _sentences(_OUR.sub(_the, text)) if _WE.search(s)]
    if not left_out or len(left_out) == len(_sentences(text)):
        return said
    quoted = " ".join(left_out).rstrip(".")
    return f"{said.rstrip('.')}; went on: \"{quoted}.\""


def _fragment(a: Answer, p: Pronouns) -> str | None:
    text = _tidy(first_to_third(_before_we(condense(a.rest, ANSWER_WORDS)), p))
    if not text or _WE.search(text):
        return None
    return _lower_first(text)


_DETERMINER_START = frozenset("my our his her their this that".split())
_FINITE = re.compile(r"^(?:is|was|were|are|had|has|have|did|does|do|will|would|could|can|"
                     r"can't|didn't|wasn't|isn't|\w+ed|" + "|".join(_IRREGULAR_PAST.values()) + r")$",
                     re.I)


def _is_clause(answer: str) -> bool:
    """Whether an answer is a full clause ("My phone was in my bag"), not a noun phrase."""
    words = answer.split()
    first = words[0].lower().strip(",") if words else ""
    if len(words) < 2 or not (first in _CLAUSE_START or re.fullmatch(r"<[A-Z_]+_\d+>", first.upper())):
        return False
    needs_verb = first in _DETERMINER_START or first.startswith("<")
    return not needs_verb or any(_FINITE.match(w.strip(",.")) for w in words[1:5])


_SPEECH = re.compile(r"\b(?:say|tell|write|state|mention|explain|report|ask|answer|respond)\b"
                     r"(?:\s+\w+)?$", re.I)


def _is_reported(answer: str) -> bool:
    """An answer giving what someone said: "That the absences were ..."."""
    return bool(re.match(r"that\s", answer, re.I))


def _wh(m: re.Match[str], a: Answer, p: Pronouns) -> str | None:
    wh = m.group("wh").lower()
    clause = _conjugate(m.group("aux"), m.group("subj"), p, m.group("rest"), False)
    if clause is None:
        return None
    if a.polarity == "unsure":
        return _with_rest(f"{p.subj} did not {a.unsure_verb} {wh} {clause}", a, p)
    reported = _is_reported(a.rest) and bool(_SPEECH.search(m.group("rest")))
    if a.polarity != "open" or (_is_clause(a.rest) and not reported):
        return None
    frag = _fragment(a, p)
    if frag is None:
        return None
    rest_words = m.group("rest").split()
    said = condense(a.rest, ANSWER_WORDS)  # its "we" sentences are quoted after the clause
    if reported:
        return _with_we(f"{clause} {frag}", said)
    if wh.startswith(("what", "who", "which")) and wh != "what time":
        if len(rest_words) > 1 and rest_words[-1].lower() not in _PREPOSITIONS:
            return None
    return _with_we(_once(f"{clause} {frag}"), said)


@lru_cache(maxsize=8)
def _own_pronoun(p: Pronouns) -> re.Pattern[str]:
    """The witness's third-person pronoun forms, as they may occur in an answer."""
    forms = {p.subj, p.obj, p.poss, p.poss_pron, p.refl}
    return re.compile(rf"\b(?:{'|'.join(sorted(forms))})(?:'s|'re|'ve|'d|'ll)?\b", re.I)


def _from_answer(q: str, a: Answer, answer: str, p: Pronouns, restate: bool = True
                 ) -> str | None:
    """Fallback: restate a substantive answer, or quote it with its question (always, if not
    ``restate``)."""
    text = _tidy(condense(_FILLER.sub("", " ".join(answer.split())), ANSWER_WORDS))
    if not text:
        return None
    said = _tidy(_before_we(text)) if restate else text  # a quotation keeps the witness's "we"
    if (restate and _is_clause(said) and not _WE.search(said) and a.polarity == "open"
            and not _is_reported(said)):
        return _with_we(_tidy(first_to_third(said, p)), text)
    if restate and a.polarity == "unsure":
        return _with_rest(f"{p.subj} did not {a.unsure_verb} in response to the question "
                          f"\"{q}\"", a, p)
    return f"Asked \"{q}\", answered \"{text}.\""
