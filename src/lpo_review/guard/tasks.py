"""The work-order guard: which requested tasks a paralegal or vendor may do at all.

A matter's configuration may carry a work order listing the tasks requested per document set::

    [work_order]
    supervising_attorney = "A. Partner"
    [[work_order.tasks]]
    id = "T1"
    description = "Prepare page-line summaries of the deposition transcripts for attorney review"
    documents = ["depositions/**"]     # globs relative to the reviewed folder; default ["**"]

Every task is classified before any work runs.  In scope: research, document review, drafting
for attorney review, summaries, chronologies, e-discovery support, redaction.  Out of scope,
refused with a category and a reason and routed to the supervising attorney: giving legal
advice (``legal_advice``), predicting or recommending outcomes (``outcome_prediction``),
appearing for a client (``court_representation``), negotiating (``negotiation``), signing or
verifying for a client (``signing_for_client``) and filing or serving without attorney review
(``filing_without_review``).

The classifier reads a task as a list of coordinated actions ("Draft and send a letter to the
client advising..." is two actions) and looks at each action's verb and object.  Actions given
to someone else ("...for the attorney to review and file") are not the vendor's and are dropped
first.  A configuration without a work order means a single in-scope task, document review.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from lpo_review.config import Config
from lpo_review.errors import ConfigError
from lpo_review.guard.rules import GuardRule, ReasonPattern, RuleHit, run_rules

TASK_CATEGORIES: tuple[str, ...] = (
    "legal_advice",
    "outcome_prediction",
    "court_representation",
    "negotiation",
    "signing_for_client",
    "filing_without_review",
)

DEFAULT_TASK_DESCRIPTION = "document review"


# --------------------------------------------------------------------------------------------
# Work-order configuration
# --------------------------------------------------------------------------------------------


class TaskSpec(BaseModel):
    """One requested task of the work order."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    documents: list[str] = Field(
        default_factory=lambda: ["**"],
        description="Globs relative to the reviewed folder (``**`` any depth, ``*`` one name).",
    )

    @field_validator("description")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()

    @field_validator("documents")
    @classmethod
    def _globs(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("must list at least one glob (use [\"**\"] for every document)")
        for glob in value:
            if not glob.strip() or glob.startswith("/") or ".." in glob.split("/"):
                raise ValueError(f"{glob!r} must be a relative glob inside the reviewed folder")
        return value


class WorkOrder(BaseModel):
    """The ``[work_order]`` table of the configuration."""

    model_config = ConfigDict(extra="forbid")

    supervising_attorney: str = Field(
        "", description="Attorney refused tasks are routed to (and who reviews all output)."
    )
    tasks: list[TaskSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> WorkOrder:
        ids = [t.id for t in self.tasks]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"task ids must be unique; repeated: {dupes}")
        return self


def load_work_order(config: Config) -> WorkOrder | None:
    """The validated work order, or ``None`` when the configuration has none.

    Raises :class:`~lpo_review.errors.ConfigError` naming the key, e.g.
    ``work_order.tasks.0.description: Field required``.
    """
    if not config.work_order:
        return None
    try:
        return WorkOrder.model_validate(config.work_order)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(["work_order", *(str(p) for p in err["loc"])])
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{key}: {msg}")
        raise ConfigError("; ".join(problems)) from None


# --------------------------------------------------------------------------------------------
# Task classification (the built-in task rules)
# --------------------------------------------------------------------------------------------

_ATTORNEY = r"(?:supervising\s+|responsible\s+|reviewing\s+)?(?:attorney|partner|lawyer|associate)"

#: "...for the attorney to review and file": actions assigned to someone else, up to , or ;
_DELEGATED = re.compile(
    rf"\bfor\s+(?:the\s+|a\s+|an\s+)?(?:{_ATTORNEY}|client|counsel)(?:'s)?\s+to\s+"
    r"\w+(?:\s*,\s*\w+)*(?:,?\s+(?:and|or)\s+\w+)?[^,;]*"
)
_REVIEW_BY_ATTORNEY = re.compile(
    rf"\b(?:{_ATTORNEY}|counsel)(?:'s)?\s+(?:review|approval|sign-?off)\b"
    rf"|\b(?:{_ATTORNEY})\s+(?:approves|signs|has\s+reviewed|reviews)\b"
    rf"|\breviewed\s+by\s+(?:the\s+|an\s+)?{_ATTORNEY}\b"
)
_CLAUSE_SPLIT = re.compile(r"\s*(?:[,;:]|\band\s+then\b|\bthen\b|\band\b|&)\s*")
_LEADING_ADVERBS = re.compile(r"^(?:(?:directly|also|please|promptly|immediately|just)\s+)+")

#: Verbs of the vendor's own work product: an action led by one of these is never refused
#: for what its object mentions ("Summarize opposing counsel's settlement offers").
_WORK_PRODUCT = re.compile(
    r"^(?:prepare|draft|summari[sz]e|review|research|abstract|redact|code|tag|index|compile|"
    r"create|build|translate|extract|identify|compare|digest|proofread|cite-check|shepardi[sz]e|"
    r"de-?duplicate|load|run|collect|organi[sz]e|highlight|check|flag|assemble|bates|list|"
    r"chart|outline|catalog(?:ue)?|log|mark|note|search|locate|find|gather|sort|analy[sz]e|pull|"
    r"tabulate|convert|quality-check|qc|annotate|write\s+up)\b"
)

_CLIENT_SIDE = re.compile(
    r"\b(?:client|clients|client's|employee|employees|tenant|claimant|customer|company|"
    r"company's|insurer|bank|board|management|hr|borrower|owner|buyer|seller|landlord|"
    r"them|him|her)\b"
)
#: "tell X", "inform X": whoever X is, unless it is the firm's own people.
_TELL_OUTSIDER = re.compile(
    rf"^(?:tell|inform|notify|let|walk|advise|brief|update|guide|teach|help)\s+(?!(?:the\s+|our\s+)?"
    rf"(?:{_ATTORNEY}|team|trial\s+team|reviewers?|supervisor|firm)s?\b)\w+"
)
_ADVISORY = re.compile(
    r"\b(?:whether|should|ought|recommend\w*|advis\w*|opinion|view|assessment|guidance|"
    r"rights?|options?|strateg\w*|valid\w*|enforceab\w*|breach\w*|liab\w*|how\s+to|which|"
    r"worth|what\s+(?:they|he|she|it|to))\b|\bif\s+the\b"
)
_PREDICTIVE = re.compile(
    r"\b(?:will|would|likely|likelihood|chances?|odds|probability|prospects?|prevail|succeed|"
    r"win|lose|outcome|verdict)\b"
)
_COMMUNICATE = re.compile(
    r"^(?:tell|inform|notify|let|walk|explain|answer|respond|reply|help|email|e-mail|write|"
    r"call|text|message|send|talk|brief|update|guide|show|teach|report|give|offer|provide|share)\b"
)


#: An out-of-scope action: a regex over one (lower-cased) action clause and the reason.
_p = ReasonPattern.of


_COURT = [
    _p(r"^(?:appear|represent)\b", "appearing for or representing a client"),
    _p(r"^argue\b", "arguing before a court or tribunal"),
    _p(r"^(?:cross-?examine|examine)\b.*\b(?:witness(?:es)?|expert|plaintiff|defendant|deponent|client|"
       r"claimant|respondent|party|hearing|trial|deposition)\b", "examining witnesses in a proceeding"),
    _p(r"^(?:cover|handle|take)\b.*\b(?:arraignment|hearing|trial|conference|calendar|call|"
       r"deposition|motion|sentencing|"
       r"appearance|docket\s+call|status)\b", "covering a court appearance"),
    _p(r"^defend\b.*\b(?:deposition|hearing|examination)\b", "defending a client in a proceeding"),
    _p(r"^present\b.*\b(?:argument|the\s+case|evidence|submissions)\b",
       "presenting a case or argument to a tribunal"),
    _p(r"^make\b.*\b(?:appearance|submissions|oral\s+argument)\b",
       "making an appearance or submissions for a client"),
    _p(r"^(?:stand|sit)\s+in\s+for\b|^speak\b.*\b(?:for|behalf)\b",
       "standing or speaking in for counsel or the client"),
    _p(r"^go\s+to\s+(?:court|the\s+hearing|trial|the\s+courthouse)\b|^(?:ask|move|petition|address)\s+"
       r"the\s+(?:judge|court|arbitrators?|panel|tribunal|bench)\b",
       "addressing a court or tribunal for a client"),
    _p(r"^act\s+as\b.*\b(?:advocate|counsel|representative|attorney|lawyer|agent)\b",
       "acting as the client's advocate or representative"),
    _p(r"^(?:attend|cover|handle|take)\b.*\b(?:court|hearing|trial|conference|calendar|mediation|"
       r"arbitration|tribunal|case)\b.*(?:\bbehalf\b|\bfor\s+the\s+(?!attorney|partner|lawyer)\w+"
       r"|\bas\s+(?:the\s+)?\S*\s?(?:representative|counsel|advocate)\b"
       r"|\bto\s+(?:the\s+)?\w*\s?court\b)",
       "attending a proceeding as the client's representative"),
]
_NEGOTIATION = [
    _p(r"^(?:negotiate|renegotiate|bargain|haggle|hammer\s+out)\b", "negotiating for a client"),
    _p(r"^work\s+out\b.*\bwith\b", "negotiating terms with another party"),
    _p(r"\bcounter-?\s?(?:offer|proposal|demand)s?\b", "making counter-offers for a client"),
    _p(r"^(?:accept|reject|agree|consent|concede|make)\b.*\b(?:offer|proposal|settlement|extension|"
       r"stipulation|terms|demand|deal|concession)s?\b",
       "accepting, rejecting or agreeing terms for a client"),
    _p(r"^(?:reach|strike|close)\b.*\b(?:settlement|deal|agreement|compromise)\b",
       "concluding a deal or settlement for a client"),
    _p(r"^settle\b.*\bwith\b", "settling with another party"),
    _p(r"^propose\b.*\b(?:terms|offer|price|amount|changes|revisions)\b.*\bto\b",
       "proposing terms to another party"),
    _p(r"^push\s+back\b|^counter\b", "negotiating with another party"),
    _p(r"^(?:offer|propose|promise|concede|give)\s+(?:the\s+)?(?:opposing|other\s+side|counterparty|"
       r"plaintiff|defendant|insurer|adjuster|buyer|seller|landlord|tenant|vendor|their)\b",
       "making an offer to the other side"),
    _p(r"^(?:agree|accept|reject|consent|commit|decline)\b.*(?:\bfor\s+the\s+client\b|\bbehalf\b|"
       r"\bclient's\s+name\b)", "committing the client to terms"),
    _p(r"\b(?:increase|raise|lower|reduce|improve|sweeten|secure|obtain|extract)\s+(?:a\s+|the\s+)?"
       r"(?:better\s+|higher\s+|lower\s+)?(?:settlement\s+)?(?:offer|demand|payout|price|figure|amount|"
       r"terms|deal|discount|concession)s?\b", "bargaining over terms for a client"),
    _p(r"^(?:get|talk|persuade|convince|pressure|press|urge|lean\s+on)\s+(?:the\s+)?(?:opposing|other\s+"
       r"side|counterparty|plaintiff|defendant|insurer|landlord|seller|buyer|vendor|their|union)\b",
       "persuading the other side on the client's behalf"),
    _p(r"^(?:communicate|convey|relay|present|send)\b.*\b(?:demand|offer|position)\b.*\b(?:to|with)\b"
       r".*\b(?:opposing|other\s+side|counterparty|counsel|plaintiff|defendant)\b",
       "conveying a negotiating position to the other side"),
]
_SIGNING = [
    _p(r"^(?:sign|e-?sign|countersign|co-?sign|initial)\b", "signing a document for a client"),
    _p(r"^execute\b(?!.*\b(?:search|searches|quer\w*|script|plan|protocol|workflow|review)\b)",
       "executing a document for a client"),
    _p(r"^(?:swear|attest|notari[sz]e)\b", "swearing or attesting for a client"),
    _p(r"^(?:verify|certify)\b.*\b(?:answers|responses|interrogator\w*|declaration|affidavit|"
       r"complaint|petition|pleading|discovery|behalf|for\s+the\s+client)\b",
       "verifying or certifying documents for a client"),
    _p(r"^(?:put|apply|affix|add|place)\b.*\b(?:signature|initials)\b",
       "putting a client's signature on a document"),
]
_FILING = [
    _p(r"^(?:e-?file|file|lodge)\b(?!.*\b(?:in|into)\s+(?:the\s+)?(?:\w+\s+)?(?:folder|drive|binder|"
       r"matter\s+file|dms)\b)", "filing with a court or agency without attorney review"),
    _p(r"^serve\b(?!\s+as\b)", "serving papers without attorney review"),
    _p(rf"^submit\b(?!.*\bto\s+(?:the\s+)?(?:{_ATTORNEY}|team|reviewers?|supervisor)\b)",
       "submitting work product outside the firm without attorney review"),
    _p(r"^(?:post|put|place|lodge|upload|send|transmit|deliver|submit|present|hand|take|bring|give|"
       r"provide|mail|email|e-mail|fax)\b.*\b(?:to|with|on|in|into)\s+(?:the\s+)?(?:court's\s+)?"
       r"(?:court|clerk|ecf|pacer|e-?filing|electronic\s+filing|tribunal|registry|uspto)\b",
       "putting papers before a court or agency without attorney review"),
    _p(r"^(?:submit|upload|send|transmit|produce|deliver|forward|email|e-mail|release|mail)\b.*\b(?:"
       r"court|clerk|judge|tribunal|uspto|patent\s+office|agency|registry|e-?filing|ecf|pacer|"
       r"opposing|other\s+side|counterparty|insurer|regulator|witness|behalf)\b",
       "sending work product out of the firm without attorney review"),
]
_PREDICTION = [
    _p(r"^(?:predict|forecast|project|anticipate|handicap)\b", "predicting a legal outcome"),
    _p(r"^(?:estimate|assess|evaluate|rate|gauge|determine|calculate|quantify|give|provide|tell|"
       r"weigh|judge|score|put)\b.*\b(?:chances?|odds|likelihood|likely|probability|prospects|"
       r"settlement\s+value|verdict|strength|merits|outcome)\b",
       "assessing the chances or merits of a case"),
    _p(r"^(?:assess|evaluate|determine|tell|give|say|decide|let)\b.*\bwhether\b.*\b(?:will|would|"
       r"is\s+likely)\b", "predicting whether a party will prevail"),
]
_ADVICE = [
    _p(r"^(?:advise|counsel|coach)\b", "advising a client"),
    _p(r"^recommend\b(?!.*\b(?:search\s+terms?|keywords?|custodians?|coding|tags?)\b)"
       rf"(?!.*\bto\s+the\s+{_ATTORNEY}\b)", "recommending a course of action to a client"),
    _p(r"^(?:render|issue|give|provide|deliver|offer|share|send|write|email|express|form)\b.*\b"
       r"(?:opinion|advice|guidance|views?|assessment|recommendations?|conclusions?|take|thoughts|"
       r"evaluation)\b",
       "giving a legal opinion or advice"),
    _p(r"^(?:conclude|decide|determine|opine|judge)\b.*\bwhether\b.*\b(?:breach\w*|liab\w*|"
       r"valid\w*|enforceab\w*|lawful\w*|legal\w*|wrongful\w*|violat\w*|claim|rights?|"
       r"obligations?|compl\w*|required?)\b", "reaching a legal conclusion for a client"),
]


def _actions(description: str) -> list[str]:
    """The vendor's own actions in a task, lower-cased, one per coordinated clause."""
    text = re.sub(r"\s+", " ", description.lower().replace("\u2019", "'")).strip(" .")
    text = _DELEGATED.sub("", text)
    clauses = (_LEADING_ADVERBS.sub("", c.strip()) for c in _CLAUSE_SPLIT.split(text))
    return [c for c in clauses if c]


def attorney_reviews(description: str) -> bool:
    """Whether the task itself says the attorney reviews the work (and not "without")."""
    text = description.lower()
    return any("without" not in text[max(0, m.start() - 25):m.start()]
               for m in _REVIEW_BY_ATTORNEY.finditer(text))


def _match(patterns: Sequence[ReasonPattern], actions: Sequence[str]) -> str | None:
    for action in actions:
        for p in patterns:
            if p.search(action):
                return f"{p.reason} (\"{action}\")"
    return None


@lru_cache(maxsize=1024)
def own_actions(description: str) -> tuple[str, ...]:
    """The actions of a task that are not the vendor's own work product (checked by the rules)."""
    return tuple(a for a in _actions(description) if not _WORK_PRODUCT.match(a))


def _client_communication(description: str, content: re.Pattern[str], what: str) -> str | None:
    """An action telling a client (or another outsider) ``what`` (text matching ``content``)."""
    if not content.search(_DELEGATED.sub("", description.lower())):
        return None
    for action in own_actions(description):
        if _TELL_OUTSIDER.match(action) or (_COMMUNICATE.match(action)
                                            and _CLIENT_SIDE.search(action)):
            return f"communicating {what} to a client (\"{action}\")"
    return None


def _check(patterns: Sequence[ReasonPattern]) -> Callable[[str], str | None]:
    def check(description: str) -> str | None:
        return _match(patterns, own_actions(description))
    return check


def _check_filing(description: str) -> str | None:
    if attorney_reviews(description):
        return None
    return _match(_FILING, own_actions(description))


def _check_prediction(description: str) -> str | None:
    return (_match(_PREDICTION, own_actions(description))
            or _client_communication(description, _PREDICTIVE, "a prediction"))


def _check_advice(description: str) -> str | None:
    return (_match(_ADVICE, own_actions(description))
            or _client_communication(description, _ADVISORY, "advice"))


#: The built-in task rules, in the order their categories take precedence.
TASK_RULES: tuple[GuardRule, ...] = (
    GuardRule("task.court_representation", "task", _check(_COURT), "court_representation"),
    GuardRule("task.negotiation", "task", _check(_NEGOTIATION), "negotiation"),
    GuardRule("task.signing_for_client", "task", _check(_SIGNING), "signing_for_client"),
    GuardRule("task.filing_without_review", "task", _check_filing, "filing_without_review"),
    GuardRule("task.outcome_prediction", "task", _check_prediction, "outcome_prediction"),
    GuardRule("task.legal_advice", "task", _check_advice, "legal_advice"),
)


# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskDecision:
    """A task of the work order and the guard's decision on it."""

    task: TaskSpec
    hits: tuple[RuleHit, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.hits

    @property
    def category(self) -> str | None:
        """Category of the first rule that refused the task (``None`` when allowed)."""
        return self.hits[0].category if self.hits else None

    @property
    def reason(self) -> str | None:
        return "; ".join(h.reason for h in self.hits) if self.hits else None

    def as_dict(self) -> dict[str, object]:
        """What the run report shows for this task."""
        return {"id": self.task.id, "description": self.task.description,
                "documents": list(self.task.documents), "allowed": self.allowed,
                "category": self.category, "reason": self.reason,
                "rules": [h.rule for h in self.hits]}


@dataclass(frozen=True)
class WorkOrderDecision:
    """The guard's decision on a whole work order, taken before any work runs."""

    decisions: tuple[TaskDecision, ...]
    supervising_attorney: str = ""
    configured: bool = True
    """False when the configuration had no work order (everything is document review)."""

    @property
    def allowed(self) -> list[TaskDecision]:
        return [d for d in self.decisions if d.allowed]

    @property
    def refused(self) -> list[TaskDecision]:
        return [d for d in self.decisions if not d.allowed]

    def as_dict(self) -> dict[str, object]:
        """Summary for the run report: refused tasks are routed to the supervising attorney."""
        return {"configured": self.configured,
                "supervising_attorney": self.supervising_attorney,
                "allowed": [d.as_dict() for d in self.allowed],
                "refused": [d.as_dict() for d in self.refused]}


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append(r"(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(r".*")
            i += 2
        elif glob[i] == "*":
            out.append(r"[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append(r"[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))


def matches_glob(relpath: str, glob: str) -> bool:
    """Whether a path relative to the reviewed folder matches a work-order glob.

    ``**`` matches any number of folders (also none), ``*`` and ``?`` stay within one name.
    """
    path = relpath.replace("\\", "/")
    path = path.removeprefix("./")
    return _glob_regex(glob).fullmatch(path) is not None


def classify_task(description: str, rules: Sequence[GuardRule]) -> list[RuleHit]:
    """Every task rule that refuses ``description`` (empty: in scope)."""
    return run_rules(rules, "task", description)


def evaluate_work_order(config: Config, rules: Sequence[GuardRule]) -> WorkOrderDecision:
    """Classify every task of the configuration's work order with the ``task`` rules.

    Without a work order, the single default task "document review" covers every document.
    """
    order = load_work_order(config)
    if order is None:
        default = TaskSpec(id="default", description=DEFAULT_TASK_DESCRIPTION)
        return WorkOrderDecision((TaskDecision(default),), configured=False)
    decisions = tuple(TaskDecision(t, tuple(classify_task(t.description, rules)))
                      for t in order.tasks)
    return WorkOrderDecision(decisions, order.supervising_attorney)


@dataclass(frozen=True)
class DocumentTasks:
    """The tasks covering one document, split by the guard's decision."""

    relpath: str
    allowed: list[TaskDecision] = field(default_factory=list)
    refused: list[TaskDecision] = field(default_factory=list)

    @property
    def process(self) -> bool:
        """Whether any work may run on the document (some covering task is in scope)."""
        return bool(self.allowed)

    @property
    def refusal(self) -> str | None:
        """Why the document is not processed, for the run report; ``None`` when it is."""
        if self.allowed:
            return None
        if not self.refused:
            return "no task of the work order covers this document"
        return "every task covering it is out of scope: " + "; ".join(
            f"{d.task.id} ({d.category}): {d.reason}" for d in self.refused)


def tasks_for(relpath: str, decision: WorkOrderDecision) -> DocumentTasks:
    """The allowed and refused tasks whose ``documents`` globs cover ``relpath``.

    The engine processes a document only if :attr:`DocumentTasks.process`; otherwise it lists
    it as refused with :attr:`DocumentTasks.refusal`, routed to the supervising attorney.
    """
    covering = [d for d in decision.decisions
                if any(matches_glob(relpath, g) for g in d.task.documents)]
    return DocumentTasks(relpath,
                         [d for d in covering if d.allowed],
                         [d for d in covering if not d.allowed])
