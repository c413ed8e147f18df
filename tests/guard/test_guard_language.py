"""Drafted text: the drafter's advice is caught, neutral reporting of the record is not."""

from __future__ import annotations

import pytest

from lpo_review.config import Config
from lpo_review.guard.language import TEXT_RULES, scan_text, split_sentences
from lpo_review.guard.plugin import lpo_review_guard_rules

RULES = lpo_review_guard_rules(Config())


@pytest.mark.parametrize("sentence", [
    "The client should settle.",
    "This clause is unenforceable.",
    "We recommend terminating the agreement.",
    "You will likely win at trial.",
    "In my legal opinion, the waiver is invalid.",
    "The defendant is clearly liable.",
    "The witness was lying.",
    "This claim has no merit.",
    "I advise against signing.",
    "You should not sign the amendment.",
])
def test_advice_and_conclusions_are_flagged(sentence: str) -> None:
    [flag] = scan_text(sentence, RULES)
    assert flag.sentence.text == sentence
    assert flag.reason


@pytest.mark.parametrize("sentence", [
    "The witness testified that he recommended a repair.",
    "Dr. Xu recommended physical therapy.",
    "The agreement provides that the licensee shall indemnify the licensor.",
    "Plaintiff's counsel argued the clause was unenforceable.",
    "The patient was advised to rest.",
    'The witness said, "You should never sign anything."',
    "Q. Did you recommend that they settle? A. Yes.",
    "The Customer should give notice of defects within ten days.",
    "EACH PARTY'S TOTAL LIABILITY WILL NOT EXCEED THE FEES PAID.",
    "Neither party will be liable for any amount exceeding the fees paid.",
    "The court will hear argument on the motion on July 12.",
    "The witness testified that she saw the truck late. That's true.",
])
def test_neutral_reporting_is_not_flagged(sentence: str) -> None:
    assert scan_text(sentence, RULES) == []


def test_only_the_advising_sentence_of_a_cell_is_flagged() -> None:
    cell = ("Dr. Lee examined the patient on March 4. She recommended an MRI.\n"
            "\u2022 Witness confirmed the delivery date.\n"
            "- The client should reject the offer.")
    flags = scan_text(cell, RULES)
    assert [f.sentence.text for f in flags] == ["The client should reject the offer."]
    s = flags[0].sentence
    assert cell[s.start:s.end] == s.text


def test_sentence_splitting_keeps_abbreviations_and_splits_items() -> None:
    text = "Smith v. Jones, No. 12 (Dr. Adams) applies. It was cited.\t1) Term: 3 years | Renewal: none"
    assert [s.text for s in split_sentences(text)] == [
        "Smith v. Jones, No. 12 (Dr. Adams) applies.", "It was cited.", "Term: 3 years",
        "Renewal: none"]


@pytest.mark.parametrize("text", [
    "will " * 5000,
    "A" * 20000 + " is " + "b " * 5000,
    "the witness " * 3000 + "testified",
])
def test_pathological_cells_are_checked(text: str) -> None:
    """They finish, each flag inside the cell (their time: benchmarks/bounded_time.py)."""
    assert all(0 <= f.sentence.start < f.sentence.end <= len(text) for f in scan_text(text, RULES))
@pytest.mark.parametrize("sentence", [
    "The reviewer recommends that Licensor terminate for material breach.",
    "Our team suggests filing the motion to compel before the status conference.",
    "This analysis concludes the class-action waiver is unenforceable.",
    "Exhibit 7 shows the witness is lying about when he left.",
    "Testified that he saw the pedestrian and did not brake, which proves he was negligent.",
])
def test_advice_attributed_to_the_drafters_side_or_drawn_from_evidence_is_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "The discharge summary recommends follow-up in two weeks.",
    "Testified that her supervisor advised her to stop reporting the leaks.",
    "Testified that the police report shows he was speeding.",
    "Opposing counsel's letter demands payment within 14 days.",
    "Declined to answer on the advice of counsel.",
])
def test_reported_advice_and_a_documents_own_words_are_not_flagged(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    # the drafter's clause after reported testimony: a semicolon, a reason clause, a dash aside
    "41:3-9 Witness says the mat was dry; the store plainly cannot win on notice.",
    "Because the foreman admitted he skipped the lockout step, the employer owes the penalty.",
    "Plan: MRI of the left knee -- the client should hold off on the release until it is read.",
    "Witness admits she never opened the manual, which pretty much sinks their defence.",
    # a hedge, a question or a label that is still the drafter's call
    "It might be worth serving a second set of interrogatories on the dispatcher.",
    "Note to file -- is it really wise to waive the jury?",
    "Likely award if tried: $40k to $60k.",
    "The memo sent to the broker most likely waived the privilege.",
])
def test_the_drafters_own_call_inside_a_reported_row_is_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Counsel stipulated that the exhibits are authentic.",
    "The nurse's note reads: 'Patient should not drive until cleared.'",
    "22:4-8 Witness testified the ladder was new; she said she inspected it that morning.",
    "The agreement reads as follows.",
])
def test_reported_words_after_the_new_frames_are_not_flagged(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    # a frame word that frames nothing: a participle with its cite, a compound adjective, a noun
    "The spill noted at 88:4 was, in my view, what made the aisle unsafe.",
    "Her self-reported limits are, candidly, not credible.",
    "His daily pain reports look exaggerated for the claim.",
    # a condition before the drafter's own conclusion
    "If the panel credits the driver, the carrier is on the hook for the whole loss.",
    # the drafter characterising an admission; a waiver of protection
    "Dep. 40:2-9 -- this answer effectively concedes the rigger was negligent.",
    "Work-product immunity was lost once the draft went to the broker.",
    # rhetorical questions and first-person shorthand
    "Isn't it plain the collapse came from the missing brace?",
    "Would any reasonable jury find the lender acted in good faith? Hardly.",
    "Clause 9 (exclusivity) = tying problem IMO.",
    "Old X-rays show degeneration, so apportionment will likely halve the award.",
])
def test_conclusions_behind_a_frame_word_or_a_question_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


def test_what_the_parties_agree_in_a_clause_is_reported():
    row = ("Liquidated damages (s. 8.1): $2,000 per day of delay, which the parties agree is a "
           "genuine pre-estimate of loss and not a penalty.")
    assert not scan_text(row, TEXT_RULES)


@pytest.mark.parametrize("sentence", [
    "My hunch says the panel won't accept her timeline.",
    "Per the summary, the deed was never delivered, so there is no valid transfer.",
    "Weaker than the Okoro file: nobody saw the spill here.",
    "FYI - a slam dunk on notice; the clerk logged the leak an hour earlier.",
    "The claimant is exaggerating the limp; the video shows a normal gait.",
    "Defendant acted with actual malice; punitive damages are warranted.",
    "Exposure under the guaranty could easily top $1M if the tenant defaults.",
])
def test_hunches_comparisons_and_exposure_estimates_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "NOTE TO ATTY: STRONG FILE, PUSH FOR EARLY SETTLEMENT.",
    "RECOMMEND DECLINING THE CONSENT REQUEST.",
    "Q. Did anyone check the rail? A. I wouldn't know. [evasive; jurors will dislike him]",
    "Although the nurse charted the fall, the fracture was really caused by the transfer.",
    "Given the smoking history in every chart, the ulcer is not fairly attributable to the cast.",
    "Do we really want the foreman testifying after that answer?",
    "Clause 12 (Non-compete) | Enforceability: doubtful",
    "Indemnity cap is fine as drafted.",
    "Not a great record for the carrier: every witness saw the wet floor.",
])
def test_notes_in_capitals_bracketed_remarks_and_concessions_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Although the plaintiff denied it, she testified she had two glasses of wine.",
    "LIMITATION OF LIABILITY. IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR LOST PROFITS.",
    "Q. Were you negligent? A. No. [exhibit 4 shown to witness]",
])
def test_reported_words_after_a_concession_or_in_capitals_are_not_flagged(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Per the research, the covenant is void here, so the client can go ahead and hire him.",
    "Chances are a court reads 'reasonable efforts' as the lower standard.",
    "This e-mail from in-house counsel is privileged and must be withheld.",
    "\u2022 Causation \u2014 established by the treating records (reviewer opinion)",
])
def test_conclusions_after_so_odds_put_as_chances_and_privilege_calls_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Privilege: AC - reviewer flag for attorney review.",
    "Attorney to decide whether the cap in 11.3 applies to indemnity obligations.",
    "A. My supervisor said we should settle it.",
])
def test_a_privilege_flag_a_question_for_the_attorney_and_testimony_are_not(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Memo from in-house counsel re recall timing - attorney-client privileged and work product.",
    "Not privileged: no attorney involved; produce.",
    "Pre-existing degenerative changes at L4-5 - defense wins on apportionment.",
    "Mr. Bandara testified he never saw the label, which cannot be true since he signed twice.",
    "Dr. Nwosu noted the tear was consistent with the fall, and we agree the accident caused it.",
    "Per my read, the landlord waived the late fees by accepting rent for six months.",
    "Coverage position: no coverage - pollution exclusion (Excl. 7) applies to the runoff claim.",
    "Might be smart to file the motion to compel before the holidays - thoughts?",
    "Log these as one entry so the other side can't see how many documents we hold back.",
    "Plaintiff never disclosed a computation (Resp. No. 6); therefore those damages are barred.",
])
def test_log_style_privilege_calls_tagged_questions_and_inferences_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "The attorney may wish to review 45:3-46:10, where the witness describes the meeting.",
    "You may wish to consider whether the 2020 amendment affects the notice analysis.",
    "Please advise whether pharmacy records should be folded into the chronology.",
    "Entries 101-145 hit on privilege search terms (counsel, legal, privileged) and were routed.",
    "The exclusivity clause applies within the territory defined in Exhibit A.",
    "Coding: Doc type = Amendment; Privileged = N.",
])
def test_pointers_for_the_attorney_search_terms_and_clause_summaries_are_not(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Abstractor note: in my view the liability cap in Section 11 would not limit the indemnity.",
    "In the reviewer's view, the common interest doctrine protects the communications.",
    "At 63:2-18 the deponent effectively admits every element of fraudulent inducement.",
    "The 14 Feb letter to plaintiff's attorney is work product and does not have to be produced.",
    "Topic: Training - supervisor conceded no training was given; employer negligent in supervision.",
])
def test_a_reviewer_s_view_elements_admitted_and_work_product_calls_are_flagged(sentence):
    assert scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Topic 4: spoliation.",
    "Coded Hot; Issue: Breach of Warranty; Custodian: L. Ferreira.",
    "Pt cancelled 6 sessions (Table 3); please advise if you want the reasons added.",
])
def test_coding_topics_and_a_question_of_preference_are_not(sentence):
    assert not scan_text(sentence, TEXT_RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Reviewer recommends that the employer not contest the second claim.",
    "Per nurse reviewer, the family should demand the pharmacy's dispensing log.",
    "Kindly advise the respondent to withdraw the appeal before the hearing.",
    "Log as AC/WP.",
    "Codicil signed before a single witness; therefore invalid.",
    "The kitchen fire stemmed from the installer's faulty wiring.",
    "Proposed redline: strike clause 4 and add a roof warranty.",
    "Digester's view: deleting the texts after the hold amounts to spoliation.",
    "The right of way runs with the land.",
    "Since the supervisor admitted the overtime, the client should stop contesting the hours.",
    "By forwarding the memo to his broker, the deponent waived privilege over it.",
])
def test_the_drafters_own_calls_in_shorthand_are_flagged(sentence: str) -> None:
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Count II pleads negligence per se.",
    "The tenant alleges in her letter that the landlord is liable for the leak.",
    "Counsel may wish to consider whether the 2019 e-mail is privileged.",
    "The attorney was cc'd for information only.",
])
def test_pleadings_allegations_and_open_questions_are_not_flagged(sentence: str) -> None:
    assert scan_text(sentence, RULES) == []


@pytest.mark.parametrize("sentence", [
    "Per the reviewer, the release the employee signed bars the overtime claim.",
    "Isn't the obvious move to depose the night supervisor before discovery closes?",
    "Why would we disclose the cross-claim now when we can hold it until after the ruling?",
    "Rescission of the supply contract before the audit is the preferred course.",
    "Scalpel left in the abdomen; res ipsa plainly applies.",
    "The foreman's account confirms that the unguarded belt, not the worker's haste, caused the "
    "amputation.",
    "Read together, the e-mails show no contract was ever formed.",
    "The June 9 e-mail did not constitute effective notice of default.",
])
def test_conclusions_through_evidence_and_recommendations_as_questions_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Should the client be told about the audit now, or will you raise it at the meeting?",
    "Should I log the board minutes as privileged, or do you want them produced?",
])
def test_a_choice_put_to_the_attorney_is_not_advice(sentence):
    assert scan_text(sentence, TEXT_RULES) == [], sentence


@pytest.mark.parametrize("sentence", [
    "Log entry 14 re valve testing; shows the manufacturer knew of the leak and is therefore "
    "exposed to punitive damages.",
    "Recommended next step for the client -- send the cure notice today.",
    "Operating without the signed consent amounted to battery.",
    "Had the fetal tracing been escalated at 01:40, the brain injury would have been avoided.",
    "The examiner's notes confirm the BRIGHTLINE mark was abandoned through non-use.",
    "The treasurer's claimed ignorance of the wire transfers strains belief.",
    "At the resumed deposition, hammer the witness on the missing maintenance logs.",
])
def test_counterfactual_causes_labels_of_recommendation_and_opening_phrase_orders_are_flagged(
        sentence):
    assert scan_text(sentence, RULES), sentence


def test_a_question_about_the_draft_itself_is_not_advice():
    assert scan_text("Should we note demeanour in the digest, or keep to the substance of the "
                     "answers?", TEXT_RULES) == []


@pytest.mark.parametrize("sentence", [
    "06/02/22 -- Ramp on the barge unseaworthy at time of the fall; owner liable.",
    "Frame the 2021 release as a one-time upset in the response to the notice of violation.",
    "Why would we not re-depose the surveyor once the core samples come back?",
    "03/14/2021 -- $240k wire to the supplier; avoidable as a preference.",
])
def test_verdict_fragments_framing_orders_and_why_not_questions_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


def test_a_question_with_a_request_to_advise_is_a_question_to_the_attorney():
    assert scan_text("Do we treat the broker's emails as privileged or not? pls advise",
                     TEXT_RULES) == []


@pytest.mark.parametrize("sentence", [
    "Coverage: none, exclusion 4(b) applies.",
    "Not protected: ordinary business discussion, no legal advice sought. Produce.",
    "fyi the board had no authority to levy that fee w/o a member vote so its void",
    "Summary: This passage shows the publisher acted with actual malice.",
    "Had the clinic followed up the abnormal scan, as its own protocol required, the tumour would "
    "have been caught at stage I.",
    "Comments: According to what I am seeing in the time records, the employer owes the overtime "
    "and there is not any exemption which is applying here.",
    "Why would client ever agree to a Delaware forum when every witness lives in Tucson?",
])
def test_coverage_labels_log_orders_and_drafter_inferences_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


def test_a_question_to_the_attorney_with_a_request_to_answer_is_not_advice():
    assert scan_text("Can you confirm whether the bad-faith count is still live, or should I digest "
                     "only the contract pages? Pls advise when you get a chance.", TEXT_RULES) == []


@pytest.mark.parametrize("sentence", [
    "No privilege log entry is required for the post-suit e-mails with trial counsel, so skip them.",
    "Given the wiped phone, spoliation sanctions are warranted against the defendant.",
    "An adverse inference instruction would be appropriate here.",
    "06/02/2023 - Third notice of infringement (willful; treble damages in play).",
])
def test_remedies_called_warranted_and_a_consequence_as_an_order_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


def test_asking_how_to_code_a_document_is_a_question_to_the_attorney():
    assert scan_text("Should we treat the consultant's memo as privileged given that the vendor "
                     "was copied?", TEXT_RULES) == []


@pytest.mark.parametrize("sentence", [
    "Admits he never read the manual (22:3-9) - key to our warning theory, save for trial.",
    "By cc'ing the insurer, the owner gave up any privilege over the report.",
    "Her answer at 61:4 opens the door to the earlier recall.",
    "Landlord on notice 4/2 -> duty to repair triggered.",
    "Third missed payment; landlord can terminate now.",
    "Let me know if you agree, but I'd hold off on producing the audit until the order is in.",
])
def test_what_evidence_is_worth_in_the_case_and_conclusions_in_shorthand_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Should we log the attachments separately or together with the parent e-mail?",
    "Should we ask the client for her phone records, or is that something you'd rather handle?",
])
def test_questions_on_logging_and_choices_left_to_the_attorney_are_not_advice(sentence):
    assert scan_text(sentence, TEXT_RULES) == []


@pytest.mark.parametrize("sentence", [
    "The owner and the painter share the blame for the flooding, about half each.",
    "The school board was deliberately indifferent to the three complaints.",
    "Under the collateral source rule, the defendant cannot offset the insurance payments.",
    "Notice late. Lien unenforceable.",
    "The executor must pay the legacy now; holding it back would be a violation.",
    "Like the broker said, the buyer has no claim here, so drop it.",
])
def test_shared_fault_a_doctrine_applied_and_verdict_fragments_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "A. The permit? I think it expired, but I'd have to look it up.",
    "Under Rule 26(b)(1), discovery must be proportional to the needs of the case.",
    "The termination letter cites missed sales targets as the reason for the decision.",
])
def test_a_quoted_answer_a_numbered_rule_and_a_cited_reason_are_not_advice(sentence):
    assert scan_text(sentence, RULES) == []


@pytest.mark.parametrize("sentence", [
    "Deponent evasive.",
    "Strong fact for us.",
    "She opened the door to the earlier complaints at 88:3 -- good place to press at trial.",
    "Per the log, the adjuster agreed; which is the right move given the exposure.",
    "As the paralegal proposed -- and I agree -- we should serve the subpoena this week.",
    "12:4-9 - witness admits she skipped the inspection; that's negligence per se.",
    "Relevant to the sanctions motion - shows spoliation of the camera footage.",
    "Unit liable for failure to monitor the patient.",
    "Protection likely waived once the memo went to the vendor -- log it anyway?",
    "Maybe float the revised number before the conference?",
    "The late notice may undercut enforceability of the renewal.",
    "Let's not bring up the second audit on the call with opposing counsel.",
])
def test_verbless_verdicts_endorsed_reports_and_judgments_after_a_report_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Witness testified she opened the door to the stockroom at 9:02.",
    "The adjuster's letter says the carrier is not liable for the loss.",
    "Let's confirm the page count before the production goes out.",
    "Dr. Patel recommended physical therapy, which the patient began on 3/4.",
])
def test_reported_facts_and_coordination_are_not_flagged(sentence):
    assert scan_text(sentence, RULES) == [], sentence


@pytest.mark.parametrize("sentence", [
    "Not relevant per protocol, but this email hurts us on causation.",
    "02/11/2023: CT shows a fracture - this is the only finding that matters for the claim.",
    "This urgent care chart is our best proof that the injury predates the accident.",
    "Signed consent form was produced - defeats the battery claim.",
    "The adjuster said we should take the offer, and I must say I agree.",
    "She claimed she never saw the notice, which frankly is hard to believe given her "
    "initials on it, and then left the meeting.",
    "Exclusions: flood not listed, hence the insurer cannot rely on this exclusion.",
    "Memo from in-house counsel on pricing; business advice, not legal.",
    "Renewal - notice required; proposed sale would trigger it and client should give notice now.",
    "The foreman described the trench at 22:5-14, and I found him wholly believable.",
    "Email 118 shows the tenant knew of the mould in June, and the landlord should call its "
    "insurer today.",
    "Per checking, the worker is entitled to overtime pay under Section 7 of the Act.",
    "The applicant qualifies for asylum under the persecutor bar exception.",
    "FYI the lien is unenforceable: it was recorded after the 90-day window.",
    "Attorney work product protection attaches to the adjuster notes since suit was expected.",
    "Lease s. 14 needs the landlord's consent to sublet; we'd suggest the tenant ask for it now.",
    "The Okada reference renders claims 3-9 of the '771 patent obvious.",
    "Email 44 shows the spreadsheet went to the buyer; expect the judge to grant the injunction.",
    "The safety audit drafts aren't privileged since no lawyer asked for them.",
    "P. 12: she described her call with her lawyer, which waives privilege on that subject.",
])
def test_case_worth_endorsements_and_inferences_in_vendor_shorthand_are_flagged(sentence):
    assert scan_text(sentence, RULES), sentence


@pytest.mark.parametrize("sentence", [
    "Request you to kindly share the index at your earliest convenience.",
    "Further to your mail of 3rd inst., please find enclosed the corrected index.",
    "Kindly advise the date by which the firm needs the privilege log.",
    "Defence counsel's letter of 14 May asserts that the claim is time-barred.",
    "Denied telling anyone the brakes were fine.",
    "Invoices for 2019 still have not arrived; we sent the request 3/1 and will chase Friday.",
    "The ledgers were produced as spreadsheets with hidden columns; nothing was altered.",
    "Responsive; Issue 4 - Retaliation; Confidential",
])
def test_courtesies_requests_and_reported_positions_are_not_flagged(sentence):
    assert scan_text(sentence, RULES) == [], sentence
