"""Feature strings for the learned guard: what a drafted sentence or a task says, as n-grams.

Pure Python and deterministic (no hashing salt, no model), so training and inference compute
exactly the same features.  A sentence is described by

* word 1-3-grams and character 3-5-grams (within words) of its drafter's voice
  (:func:`~lpo_review.guard.language.analyse`: reported speech, quotes and record lines removed),
* word 1-2-grams of the whole sentence, so the model sees what was reported and by whom,
* a few cues the rules compute: first or second person in the drafter's voice, a modal or an
  evaluative copula there, a reporting frame handing the rest to a third party.

A task is described by word 1-3-grams and character n-grams of the description, the leading
verb of each of its own actions (:func:`~lpo_review.guard.tasks.own_actions`) and whether the
task says an attorney reviews the work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lpo_review.guard.language import CLAUSE_BREAK, TOPIC_LABEL, analyse
from lpo_review.guard.tasks import attorney_reviews, own_actions

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
#: Redaction placeholders (``<PERSON_1>``) become one token per entity type.
_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)(?:_\d+)?>")
#: Fewer words of drafter's voice than this are left to the rules (cell fragments, labels).
MIN_VOICE_WORDS = 3
_DIGITS = re.compile(r"\d+")
_FIRST_PERSON = re.compile(r"\b(?:i|we|our|ours|us|my|me)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b")
_MODAL = re.compile(r"\b(?:should|must|ought|need|needs|would|will|could|might|may|cannot|"
                    r"can't|won't|wouldn't)\b")
_COPULA = re.compile(r"\b(?:is|are|was|were|seems|appears|looks|remains)\b")


def words(text: str) -> list[str]:
    """Lower-case word tokens, placeholders as ``ent<type>``, digits collapsed to ``0``."""
    text = _PLACEHOLDER.sub(lambda m: " ent" + m.group(1).lower().replace("_", "") + " ", text)
    return _WORD.findall(_DIGITS.sub("0", text.lower().replace("\u2019", "'")))


def _word_grams(prefix: str, tokens: list[str], max_n: int) -> Iterable[str]:
    for n in range(1, max_n + 1):
        for i in range(len(tokens) - n + 1):
            yield prefix + " ".join(tokens[i:i + n])


def _char_grams(prefix: str, tokens: list[str], low: int = 3, high: int = 5) -> Iterable[str]:
    for token in tokens:
        padded = f" {token} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                yield prefix + padded[i:i + n]


def sentence_features(sentence: str) -> list[str]:
    """Feature strings of one drafted sentence (empty when it has fewer than
    :data:`MIN_VOICE_WORDS` words in the drafter's voice: reported speech, cell fragments)."""
    voice, reported = analyse(sentence)
    v = words(voice)
    if len(v) < MIN_VOICE_WORDS:
        return []
    lowered = " ".join(v)
    feats = list(_word_grams("v:", v, 3))
    feats += _char_grams("c:", v)
    feats += _word_grams("s:", words(sentence), 2)
    cues = (("reported", reported), ("person1", _FIRST_PERSON.search(lowered)),
            ("person2", _SECOND_PERSON.search(lowered)), ("modal", _MODAL.search(lowered)),
            ("copula", _COPULA.search(lowered)))
    feats += ["f:" + name for name, present in cues if present]
    return list(dict.fromkeys(feats))


#: A contract's parties as its defined terms name them (capitalised: "the Customer", "Licensee").
_PARTY = (r"(?:[Tt]he\s+)?(?:Buyer|Seller|Customer|Supplier|Licensee|Licensor|Tenant|Landlord|"
          r"Lessee|Lessor|Purchaser|Contractor|Subcontractor|Distributor|Reseller|Franchisee|"
          r"Franchisor|Employer|Employee|Executive|Borrower|Lender|Guarantor|Provider|Recipient|"
          r"Consultant|Manufacturer|Owner|Sponsor|Assignee|Assignor|Investor|Disclosing Party|"
          r"Receiving Party|Part(?:y|ies))")
_PROVISION_TERM = re.compile(
    _PARTY + r"\s+(?:shall|should|must|will|is to|are to|is required to|agrees? to)\s+[^.;]*?"
    r"(?:\b(?:within|no later than|not later than|at least|prior to)\s+[^.;]*?"
    r"\b(?:days?|weeks?|months?|years?|hours?|business days?)\b"
    r"|\b(?:days?|weeks?|months?)'?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice\b)"
    # a party's duty and its condition: "Buyer's obligation to close is conditioned on ..."
    r"|" + _PARTY + r"'s\s+(?:obligations?|duty|duties|right)\s+(?:to\s+\w+\s+)?(?:is|are)\s+"
    r"(?:conditioned|conditional|contingent|subject)\s+(?:on|upon|to)\b")


def provision_term(sentence: str) -> bool:
    """Whether a sentence states a contract term: a party's duty with its time limit ("The
    Customer should give notice of defects within ten days", "Tenant must give sixty days'
    written notice") or its condition ("Buyer's obligation to close is conditioned on ...").
    An abstract paraphrases the contract so, often with "should"."""
    term = _PROVISION_TERM.match(sentence.strip())
    rest = sentence.strip()[term.end():].lower() if term else ""
    return term is not None and not (_MODAL.search(rest) or _FIRST_PERSON.search(rest)
                                     or _SECOND_PERSON.search(rest))


#: A heading: short, numbered or title-cased, no verb of its own ("I. Statute of Limitations
#: Analysis", "Key admissions").
_HEADING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[A-Z]\.)?\s*(?:[A-Z][\w'&/-]*|of|and|the|"
                      r"for|to|in|on|a|an|or|by|with|v\.)(?:\s+(?:[A-Z][\w'&/-]*|of|and|the|for|to|in|"
                      r"on|a|an|or|by|with|v\.|\u2014|-|\u2013))*:?$")


#: A sentence about the draft itself, what it covers and how its rows are made ("Covers the
#: testimony at 4:4-9:17; caption ... are not summarised.", "12 rows for 40 answered questions").
_ABOUT_THE_DRAFT = re.compile(r"^(?:covers\b|(?:this|the)\s+(?:digest|chronology|summary|abstract|"
                              r"log|table|draft)\s+(?:covers|lists|gives|holds|has)\b|\d+\s+rows?\b|"
                              r"each\s+row\b|(?:note\s+to\s+(?:self|file)|(?:reviewer|drafting|"
                              r"internal)(?:'s)?\s+note)\s*:\s*(?=.*\b(?:cites?|citations?|"
                              r"draft|typos?|formatting|proofread\w*|reconcile|finaliz\w*|"
                              r"index|bates)\b)|(?:attached|enclosed)\s+(?:is|are|please\s+find)\b|"
                              r"please\s+find\s+(?:attached|enclosed)\b|"
                              # how the draft is laid out and what it leaves to the attorney
                              r"(?:column|col\.|row)\s+[A-Z0-9]{1,3}\b|highlight(?:ed|ing)\b|"
                              r".*\bno\s+(?:relevance|credibility|privilege|legal)\b[^.]*\bcalls?\b|"
                              r"(?:please\s+note,?\s+)?i\s+(?:did\s+not|didn't|have\s+not|do\s+not)\s+"
                              r"(?:make|give|offer|add)\s+any\s+(?:opinion|judg(?:e)?ment|view)s?\b)",
                              re.IGNORECASE)
#: The vendor arranging the work with the firm, in the courtesies of its trade: "Let's confirm
#: the page count", "Kindly do the needful for release of payment", "Request you to kindly
#: share the password", "If the firm would like, we can also prepare ...".  The model misreads
#: their imperative mood as advice; the rules still judge them ("Kindly advise the client to
#: ..." is advice).
_LOGISTICS = re.compile(
    r"^(?:so\s+|ok(?:ay)?,?\s+)?let(?:'s|\s+us)\s+(?:confirm|schedule|discuss|touch\s+base|set\s+up|"
    r"circle\s+back|check|double-?check|review|finali[sz]e|sync|regroup|plan|send|share)\b"
    r"|^(?:question|query|q)\s+for\s+(?:the\s+)?(?:attorney|atty|counsel|partner|supervisor)\b"
    r"|^(?:kindly|please)\s+(?:advise|let\s+(?:us|me)\s+know)\s+(?:the\s+(?:date|time|deadline|status|"
    r"format|number)|when|whether|if|how|which|what)\b"
    r"|^(?:kindly|please)\s+(?:find|share|revert|send|confirm\s+receipt|acknowledge|do\s+the\s+"
    r"needful)\b|^(?:we\s+)?request\s+you\s+to\b|^further\s+to\s+your\s+(?:mail|e-?mail|letter|"
    r"message|call)\b|^if\s+the\s+(?:firm|team|attorney)\s+(?:would\s+like|wishes|prefers)\b[^,]*,\s*"
    r"we\s+(?:can|could|will)\s+(?:also\s+)?(?:prepare|send|add|draft|produce|split|redo|update)\b",
    re.IGNORECASE)
#: The state of the vendor's own material, said without a legal word: "Could not open 37
#: password-protected Excel files", "the WhatsApp messages are with the translator and should be
#: back by Thursday", "only the most inclusive version was reviewed in full".  The model reads
#: their "should" and "could not" as advice or opinion.
_WORK_NOTE = re.compile(
    r"\b(?:could\s+not\s+(?:be\s+)?open(?:ed)?|password[- ]protected|corrupt(?:ed)?\s+files?|"
    r"illegible|unreadable|(?:near-)?identical\s+content|most\s+inclusive|exceptions?\s+(?:report|log)|"
    r"with\s+the\s+(?:translator|interpreter|tech(?:nical)?\s+team|processing\s+team)|"
    r"(?:should|will)\s+be\s+back\s+(?:by|on|before)|(?:was|were|are|is)\s+(?:reproduced|"
    r"transcribed|translated|re-?processed|ocr'?d|de-?duplicated|re-?batched)\b)", re.IGNORECASE)
#: A quotation the sentence introduces: 'Her text reads, verbatim: "..."', 'read her text into
#: the record: "..."'.  The model judges the quoted words as if the drafter said them.
_QUOTATION = re.compile(r"\b(?:reads?|said|says|wrote|writes|stated|states|verbatim|into\s+the\s+"
                        r"record|as\s+follows)\b[^\"\u201c]{0,20}[:,]?\s*[\"\u201c][^\"\u201d]{12,}[\"\u201d]",
                        re.IGNORECASE)
#: An instruction about the review work itself: "Compare v5 against v4 and flag only substantive
#: changes", "Re-run OCR on batch 7 before coding".
_WORK_INSTRUCTION = re.compile(r"^(?:please\s+)?(?:compare|re-?run|code|tag|ocr|batch|bates|"
                               r"de-?dup\w*|load|export|convert|scan|upload|proofread|cite-?check|"
                               r"re-?check|spot-?check|qc|sample|skip|ignore)\b", re.IGNORECASE)
_LEGAL_WORD = re.compile(r"privileg|withh[oe]ld|settle|liab|negligen|breach|waive|admissib|"
                         r"credib|motion|court|claim|advis|recommend|strateg|exposure",
                         re.IGNORECASE)
#: A document described by its kind and what it holds, as a privilege log or an index writes it,
#: with no article and no verb of its own ("Notes of telephone call with litigation counsel re:
#: strategy for responding to subpoena.", "Memorandum prepared at the direction of outside
#: counsel ...").
_DOCUMENT_DESCRIPTION = re.compile(
    r"^(?!(?:the|this|that|these|those|its|our|their|his|her)\b)(?:[\w'-]+\s+){0,3}?"
    r"(?:notes?|memo(?:randum|randa|s)?|e-?mails?|letters?|minutes|"
    r"messages?|spreadsheets?|presentations?|agreements?|reports?|chains?|threads?|"
    r"attachments?|redlines?|drafts?)\s+(?:of|from|to|with|between|prepared|re\b|regarding|"
    r"concerning|reflecting|providing|requesting|seeking|forwarding|attaching)\b", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|are|was|were|be|should|must|shall|ought|needs?|would|will|can|"
                     r"could|may|might|has|have|had)\b", re.IGNORECASE)


def not_asserted(sentence: str) -> bool:
    """Whether a sentence asserts nothing the learned sentence model should judge: a contract
    term (:func:`provision_term`), a heading, a sentence about the draft itself
    (:data:`_ABOUT_THE_DRAFT`), the arrangements of the work (:data:`_LOGISTICS`) or the state
    of its material (:data:`_WORK_NOTE`) or an instruction about it (:data:`_WORK_INSTRUCTION`),
    a coding field's topic (``"Topic: ..."``), a quotation (:data:`_QUOTATION`), a
    document's description (:data:`_DOCUMENT_DESCRIPTION`), or
    reported speech carried on past a semicolon or dash
    ("Testified that ...; company policy is hands-free only"), whose later clauses the model
    cannot tell from the drafter's.  The model learns from such sentences but never flags
    them; the rules still judge them."""
    return (provision_term(sentence) or _HEADING.match(sentence.strip()) is not None
            or _ABOUT_THE_DRAFT.match(sentence.strip()) is not None
            or _LOGISTICS.match(sentence.strip()) is not None
            or TOPIC_LABEL.match(sentence.strip()) is not None
            or (_WORK_NOTE.search(sentence) is not None and not _LEGAL_WORD.search(sentence))
            or _QUOTATION.search(sentence) is not None
            or (_WORK_INSTRUCTION.match(sentence.strip()) is not None and ":" not in sentence
                and not _LEGAL_WORD.search(sentence))
            or (_DOCUMENT_DESCRIPTION.match(sentence.strip()) is not None
                and _FINITE.search(sentence) is None)
            or (analyse(sentence)[1] and CLAUSE_BREAK.search(sentence) is not None))


def work_product_only(description: str) -> bool:
    """Whether every action of a task is the vendor's own work product or delegated to the
    attorney ("Summarize the settlement offers"): the learned guard never refuses such a task
    (the rules' exemption), though it learns from it."""
    return not own_actions(description)


def task_features(description: str) -> list[str]:
    """Feature strings of one work-order task description."""
    actions = own_actions(description)
    w = words(description)
    feats = list(_word_grams("w:", w, 3))
    feats += _char_grams("c:", w)
    feats += ["a:" + " ".join(words(a)[:2]) for a in actions]
    feats += ["a1:" + (words(a) or [""])[0] for a in actions]
    if attorney_reviews(description):
        feats.append("f:attorney_reviews")
    return list(dict.fromkeys(feats))
