"""Legal issues a passage of testimony bears on, and whether an answer is a key admission.

A digest's topical index is organised by the issues a litigator looks up (notice, inspection,
injuries, lost wages, prior incidents ...), not by the words the examiner happened to use.
Each issue is recognised by cue words in the question and answer; a passage takes the one or
two issues with the most cues.  The labels are a fixed vocabulary: they describe what the
testimony is about and never characterise it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lpo_review.stages.deposition.restate import read_answer


@dataclass(frozen=True)
class Issue:
    """A legal issue: its label, its cue words, and the admission category it falls under."""

    label: str
    cues: re.Pattern[str]
    admission: str | None
    """Key-admission category of testimony on this issue (None: background only)."""


def _cues(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words.split()) + r")", re.I)


ISSUES: tuple[Issue, ...] = (
    Issue("Background and employment", _cues(
        r"employ\w* job title position hired duties responsibilit\w* supervisor\w* "
        r"manager\b worked\b work\s+(?:for|at|as) educat\w* school degree college "
        r"married children live\b lived\b occupation career promot\w*"), None),
    Issue("The incident", _cues(
        r"accident collision collid\w* crash\w* fall\b fell slip\w* trip\w* incident impact "
        r"struck hit\b happened injur\w*\s+occurred intersection rear-end\w* ladder forklift "
        r"brak\w* swerv\w* speed\w* mph"), "liability"),
    Issue("Conditions at the scene", _cues(
        r"wet water spill\w* liquid puddle dry\b ice icy snow rain\w* weather lighting dark "
        r"visib\w* glare fog floor\w* surface debris cone\w* mat\b mats road\w* pavement "
        r"clutter\w* obstruct\w* hazard\w*"), "liability"),
    Issue("Warnings, complaints and notice", _cues(
        r"warn\w* complain\w* notice\b noticed aware knew\b concern\w* flag\w* "
        r"report(?:ed)?\s+(?:it|that|the|this|a|any)\b alert\w* heads-up"), "liability"),
    Issue("Inspections, maintenance and policies", _cues(
        r"inspect\w* maint\w* repair\w* polic\w* procedure\w* protocol\w* train\w* "
        r"sweep\w* checklist\w* manual\w* guideline\w* rule\b rules\b safety\s+meeting\w* "
        r"walk-?through\w* audit\w*"), "liability"),
    Issue("Injuries and medical treatment", _cues(
        r"injur\w* hurt pain\w* hospital\w* emergency\s+room \ber\b doctor\w* physician\w* "
        r"treat\w* surger\w* ambulance therap\w* fractur\w* broke\w* x-?ray\w* mri "
        r"medicat\w* nurse\w* diagnos\w* concussion stitches sprain\w* bruis\w* symptom\w*"),
        "causation"),
    Issue("Damages: lost wages and expenses", _cues(
        r"wage\w* salary income earn\w* off\s+work missed\s+(?:work|days|shifts) time\s+off "
        r"bills? expense\w* cost\w* out\s+of\s+pocket disabilit\w* benefit\w* overtime "
        r"paycheck\w* per\s+hour lost\s+(?:time|pay|income)"), "damages"),
    Issue("Prior incidents and history", _cues(
        r"prior\b previous\w* before\s+(?:this|that)\s+(?:accident|incident|fall|day) "
        r"ever\s+(?:been|had|received|gotten|fallen) ticket\w* citation\w* convict\w* "
        r"arrest\w* other\s+(?:accident|incident|claim|lawsuit)\w* lawsuit\w* history "
        r"previously earlier\s+(?:accident|incident|fall|claim)"), "prior incidents"),
    Issue("Statements, reports and documents", _cues(
        r"report\w* statement\w* form\b forms\b record\w* wrote written writ\w* signed "
        r"e-?mail\w* text\s+message\w* texts photo\w* video\w* footage document\w* log\b "
        r"logs\b notes\b exhibit\w* letter\w*"), None),
    Issue("Conversations and admissions", _cues(
        r"said\b say\b says\b told tell\b sorry apolog\w* conversation\w* spoke speak "
        r"talk\w* asked\s+(?:him|her|them|me) admit\w* fault blame\w*"), "liability"),
    Issue("Termination and discipline", _cues(
        r"terminat\w* fired fire\s+(?:him|her|you|me) resign\w* quit let\s+go laid\s+off "
        r"disciplin\w* write-?up written\s+up performance\s+review\w* demot\w* suspen\w* "
        r"retaliat\w* last\s+day"), "liability"),
    Issue("Credibility and changes to testimony", _cues(
        r"chang\w* correct(?:ed|ion|ions)\b errata inconsisten\w* mistake\w* lie\b lied "
        r"truth\w* accurate inaccurate revis\w* amend\w* differ\w*"), "credibility"),
)

#: Label of testimony no issue's cues describe.
OTHER = "Other testimony"


def issues_of(question: str, answer: str, limit: int = 2) -> list[Issue]:
    """The ``limit`` issues with the most cues in a question and answer (answer cues count
    double: the witness's words say what the testimony is about)."""
    scored = []
    for rank, issue in enumerate(ISSUES):
        score = len(issue.cues.findall(question)) + 2 * len(issue.cues.findall(answer))
        if score:
            scored.append((-score, rank, issue))
    return [issue for _, _, issue in sorted(scored)[:limit]]


#: A leading question: the examiner states the fact and asks the witness to agree.
_LEADING = re.compile(
    r"(?:,\s*(?:correct|right|true|yes)|isn't (?:that|it) (?:right|correct|true)|"
    r"is that (?:right|correct|true)|didn't you|weren't you|wasn't it|isn't it|did you not|"
    r"^(?:and |so |now )?(?:you|it|there|the)\b[^?]*)\?\s*$", re.I)
#: Words in an answer that concede a point against the witness's side.
_CONCESSION = re.compile(
    r"\b(?:sorry|apologi[sz]\w*|my fault|our fault|i should have|should've|"
    r"i (?:didn't|did not|never) (?:see|notice|check|inspect|look|warn|tell|report|read|"
    r"follow|call|stop|slow)|we (?:didn't|did not|never) (?:check|inspect|warn|tell|train|fix|"
    r"repair|report)|(?:nobody|no one) (?:checked|inspected|told|trained|warned|fixed)|"
    r"(?:wasn't|was not) (?:paying attention|looking|watching)|looking at my phone|"
    r"i forgot|in a hurry|running late|that's true|that is true|i admit|i guess so|"
    r"ticket|citation|speeding|changed (?:the|my|it)|i was wrong)\b", re.I)
#: Facts a litigator marks wherever they are conceded: what was seen, known, told or done at
#: the time, injuries, money and time lost, earlier incidents.
_KEY_FACT = re.compile(
    r"\b(?:saw|seen|noticed|knew|aware|told|warned|complain\w*|report\w*|inspect\w*|check\w*|"
    r"injur\w*|hurt|pain|surgery|treat\w*|hospital|missed|lost|wages?|paid|owe\w*|\$\d|"
    r"fired|terminat\w*|disciplin\w*|prior|before|previous\w*|ticket|changed|deleted|"
    r"speed\w*|mph|phone|texting|drinking|alcohol|late|hurry|fault|sorry|caused?|because)\b",
    re.I)
#: Words from which an answer in the witness's own words is testimony a litigator marks (not
#: "Yes." or "About noon."): measured on the blind digest gold, key admissions recall 0.37 ->
#: 0.52 at precision 0.51 -> 0.46.
_NARRATIVE_WORDS = 8
#: A duty the question asks about: a "no" to it is an admission ("Did you inspect ...?" "No.").
_DUTY = re.compile(r"\b(?:inspect|check|warn|train|report|tell|look|clean|fix|repair|test|"
                   r"maintain|follow|read|secure|slow|stop|signal|call)\w*\b", re.I)


def admission_category(question: str, answer: str, issues: list[Issue]) -> str | None:
    """The key-admission category of an answer, or None if it concedes nothing.

    An answer is a key admission when it agrees with a leading question, says in its own words
    that something was not done or was the witness's fault (an apology, an unchecked hazard, a
    prior ticket), answers "no" to whether a duty (inspecting, warning, training) was done, or
    tells in its own words (:data:`_NARRATIVE_WORDS` or more) what happened, on an issue of
    liability, causation, damages, credibility or prior incidents: what a litigator marks on
    either side.
    """
    categories = [i.admission for i in issues if i.admission]
    if not categories:
        return None
    said = read_answer(answer)
    if said.polarity == "unsure":
        return None
    conceded = bool(_CONCESSION.search(answer)) or (
        said.polarity in ("yes", "believe") and bool(_LEADING.search(question))) or (
        said.polarity == "no" and bool(_DUTY.search(question))) or (
        said.polarity in ("yes", "open") and bool(_KEY_FACT.search(f"{question} {answer}"))) or (
        said.polarity == "open" and len(answer.split()) >= _NARRATIVE_WORDS)
    if not conceded:
        return None
    if "prior incidents" in categories and said.polarity != "no":
        return "prior incidents"
    return categories[0]
