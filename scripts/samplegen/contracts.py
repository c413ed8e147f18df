"""Commercial contracts with numbered sections, defined terms and CUAD-style clauses.

A contract is written as sections of paragraphs; a paragraph is a list of sentences, and a
sentence tagged with CUAD categories becomes a gold clause (its exact text).  Leaving a category
out (``omit``) drops every paragraph that carries it, and the category is then listed in the
gold file as absent.  Category names are spelled as in CUAD's ``categories.csv``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from .doc import ProseDoc
from .people import Address, Faker, Person
from .text import long_date, number_words, ordinal_date

#: The 41 CUAD categories as ``categories.csv`` spells them.
CUAD_CATEGORIES: tuple[str, ...] = (
    "Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date",
    "Renewal Term", "Notice Period to Terminate Renewal", "Governing Law", "Most Favored Nation",
    "Non-Compete", "Exclusivity", "No-Solicit of Customers", "Competitive Restriction Exception",
    "No-Solicit of Employees", "Non-Disparagement", "Termination for Convenience",
    "Rofr/Rofo/Rofn", "Change of Control", "Anti-Assignment", "Revenue/Profit Sharing",
    "Price Restrictions", "Minimum Commitment", "Volume Restriction", "IP Ownership Assignment",
    "Joint IP Ownership", "License Grant", "Non-Transferable License",
    "Affiliate License-Licensor", "Affiliate License-Licensee",
    "Unlimited/All-You-Can-Eat-License", "Irrevocable or Perpetual License", "Source Code Escrow",
    "Post-Termination Services", "Audit Rights", "Uncapped Liability", "Cap on Liability",
    "Liquidated Damages", "Warranty Duration", "Insurance", "Covenant Not to Sue",
    "Third Party Beneficiary",
)

#: A sentence: plain text, or (categories, text) for a gold clause.
Sentence = str | tuple[tuple[str, ...], str]
Section = tuple[str, list[list[Sentence]]]


def c(categories: str | tuple[str, ...], text: str) -> tuple[tuple[str, ...], str]:
    """Tag a sentence with one or more CUAD categories."""
    return ((categories,) if isinstance(categories, str) else categories, text)


@dataclass
class Party:
    """A contracting party: an organisation (or an individual) and its signatory."""

    name: str
    short: str
    role: str
    description: str
    address: Address
    signatory: Person
    title: str
    email: str
    phone: str
    individual: bool = False

    @property
    def caps(self) -> str:
        return self.name.upper()


SIGNATORY_TITLES = [
    "Chief Executive Officer", "General Counsel", "Chief Financial Officer",
    "Vice President, Operations", "President", "Chief Operating Officer",
    "Senior Vice President, Sales",
]
INCORPORATION_STATES = ["Delaware", "Delaware", "Texas", "Ohio", "California", "New York",
                        "Georgia", "Nevada"]
LAW_FORUMS = {
    "Delaware": "Wilmington, Delaware", "California": "Santa Clara County, California",
    "Ohio": "Franklin County, Ohio", "New York": "New York County, New York",
    "Texas": "Dallas County, Texas", "Illinois": "Cook County, Illinois",
}


class ContractWriter:
    """Builds a contract's blocks, recording clauses and personal data as it goes."""

    def __init__(self, fk: Faker, title: str, omit: frozenset[str]):
        self.fk = fk
        self.rng = fk.rng
        self.omit = omit
        self.doc = ProseDoc(kind="contract", title=title)
        self.clauses: list[dict[str, str]] = []
        self.used: set[str] = set()

    # --- parties ------------------------------------------------------------------------------
    def company(self, role: str, second: str | None = None) -> Party:
        name, short = self.fk.organisation(second)
        state = self.rng.choice(INCORPORATION_STATES)
        entity = ("limited liability company" if name.endswith("LLC") else
                  "limited partnership" if name.endswith("L.P.") else "corporation")
        form = f"{'an' if state[0] in 'AEIOU' else 'a'} {state} {entity}"
        address = self.fk.business_address()
        person = self.fk.person()
        domain = short.lower().replace(" ", "") + ".example"
        return Party(
            name=name, short=short, role=role, description=form, address=address,
            signatory=person, title=self.rng.choice(SIGNATORY_TITLES),
            email=self.fk.email(person, domain), phone=self.fk.phone(address),
        )

    def individual(self, role: str) -> Party:
        person = self.fk.person()
        address = self.fk.home_address()
        return Party(
            name=person.full, short=person.last, role=role, description="an individual",
            address=address, signatory=person, title="", email=self.fk.email(person),
            phone=self.fk.phone(address), individual=True,
        )

    def record_party(self, p: Party) -> None:
        pii = self.doc.pii
        if p.individual:
            pii.add(p.name, "PERSON")
            pii.add(p.caps, "PERSON")
            pii.add(p.address.line(), "ADDRESS", "direct")
            pii.add(p.address.zip, "ZIP")
        else:
            pii.add(p.name, "ORGANIZATION")
            pii.add(p.short, "ORGANIZATION")
            pii.add(p.caps, "ORGANIZATION")
            pii.add(p.address.line(), "ADDRESS", "quasi")
            pii.add(p.signatory.full, "PERSON")
        pii.add(p.email, "EMAIL_ADDRESS")
        pii.add(p.phone, "PHONE_NUMBER")

    def clause(self, category: str, text: str) -> None:
        self.clauses.append({"category": category, "text": text})
        self.used.add(category)

    # --- body ---------------------------------------------------------------------------------
    def preamble(self, parties: list[Party], date_text: str, lead: str) -> None:
        """Title block and opening paragraph: Document Name, Parties, Agreement/Effective Date."""
        self.doc.add("title", self.doc.title)
        self.clause("Document Name", self.doc.title)
        for p in parties:
            self.record_party(p)
            self.clause("Parties", p.name)
        descs = [
            (f'{p.name}, {p.description} residing at {p.address.line()} ("{p.role}")'
             if p.individual else
             f'{p.name}, {p.description} with its principal place of business at '
             f'{p.address.line()} ("{p.short}" or "{p.role}")')
            for p in parties
        ]
        as_of = f"the {date_text}" if date_text[0].isdigit() else date_text
        self.doc.add("para", f'{lead} (this "Agreement") is entered into as of {as_of} '
                             f'(the "Effective Date") by and between {descs[0]}, and {descs[1]}.')
        self.doc.pii.add(date_text, "DATE")
        self.clause("Agreement Date", date_text)
        self.clause("Effective Date", date_text)
        for p in parties:
            if not p.individual:
                self.clause("Parties", p.short)

    def sections(self, sections: list[Section]) -> None:
        """Number and add the sections, skipping paragraphs whose categories are omitted."""
        number = 0
        for heading, paragraphs in sections:
            kept = [
                para for para in paragraphs
                if not any(isinstance(s, tuple) and set(s[0]) & self.omit for s in para)
            ]
            if not kept:
                continue
            number += 1
            self.doc.add("heading", f"{number}. {heading.upper()}")
            for i, para in enumerate(kept, 1):
                texts = []
                for s in para:
                    if isinstance(s, tuple):
                        for cat in s[0]:
                            self.clause(cat, s[1])
                        texts.append(s[1])
                    else:
                        texts.append(s)
                self.doc.add("para", f"{number}.{i} " + " ".join(texts))

    def notices(self, parties: list[Party]) -> list[list[Sentence]]:
        paras: list[list[Sentence]] = [[
            ("All notices under this Agreement must be in writing and are deemed given when "
            "delivered personally, one business day after deposit with a nationally recognized "
            "overnight courier, or when sent by e-mail with confirmation of transmission, "
            "addressed as follows (or to such other address as a party designates by notice).")
        ]]
        for p in parties:
            attention = "" if p.individual else f"Attention: {p.signatory.full}, {p.title}; "
            paras.append([
                (f"If to {p.role}: {p.name}, {p.address.line()}; {attention}"
                f"E-mail: {p.email}; Telephone: {p.phone}.")
            ])
        return paras

    def signatures(self, parties: list[Party], date_text: str) -> None:
        self.doc.add("para", "IN WITNESS WHEREOF, the parties have executed this Agreement as "
                             "of the Effective Date.")
        pii = self.doc.pii
        for p in parties:
            if p.individual:
                self.doc.add("para", p.role.upper())
                self.doc.add("line", f"By: /s/ {p.name}")
                self.doc.add("line", f"Name: {p.caps}")
            else:
                self.doc.add("para", p.caps)
                self.doc.add("line", f"By: /s/ {p.signatory.full}")
                self.doc.add("line", f"Name: {p.signatory.full}")
                self.doc.add("line", f"Title: {p.title}")
            self.doc.add("line", f"Date: {pii.add(date_text, 'DATE')}")

    def finish(self) -> ProseDoc:
        absent = [cat for cat in CUAD_CATEGORIES if cat not in self.used]
        self.doc.gold = {"clauses": self.clauses, "absent_categories": absent}
        return self.doc


def _contract_date(rng: random.Random) -> dt.date:
    day = rng.choice([1, 1, 15, rng.randint(2, 28)])
    return dt.date(rng.randint(2021, 2024), rng.randint(1, 12), day)


def governing_law(rng: random.Random) -> Section:
    """Governing-law and venue section for a randomly chosen US state."""
    state = rng.choice(sorted(LAW_FORUMS))
    forum = LAW_FORUMS[state]
    return ("Governing Law and Venue", [[
        c("Governing Law", f"This Agreement is governed by and construed in accordance with the "
                           f"laws of the State of {state}, without regard to its conflict of "
                           f"laws principles."),
        (f"Each party irrevocably submits to the exclusive jurisdiction of the state and federal "
        f"courts located in {forum} for any action arising out of this Agreement."),
    ]])


def general_terms(indemnitor: str, indemnitee: str) -> list[Section]:
    """Indemnity, force majeure and relationship sections that most commercial contracts carry."""
    return [
        ("Indemnification", [
            [(f"{indemnitor} shall defend, indemnify and hold harmless {indemnitee} and its "
             f"officers, directors and employees from and against all losses, damages, costs and "
             f"expenses, including reasonable attorneys' fees, arising out of any third-party "
             f"claim to the extent caused by {indemnitor}'s negligence, willful misconduct or "
             f"breach of this Agreement.")],
            [("The indemnified party shall give prompt written notice of the claim, allow the "
             "indemnifying party to control its defense and settlement, and provide reasonable "
             "cooperation at the indemnifying party's expense.")],
        ]),
        ("Force Majeure", [
            [("Neither party is liable for any failure or delay in performance, other than an "
             "obligation to pay money, caused by events beyond its reasonable control, including "
             "fire, flood, epidemic, war, terrorism, labor disputes or failures of public "
             "utilities, provided that the affected party gives prompt notice and uses "
             "reasonable efforts to resume performance.")],
        ]),
        ("Relationship of the Parties", [
            [("The parties are independent contractors. Nothing in this Agreement creates a "
             "partnership, joint venture, agency or employment relationship, and neither party "
             "may bind the other.")],
        ]),
    ]


def miscellaneous() -> Section:
    """Entire agreement, amendment, waiver, severability and counterparts."""
    return ("Miscellaneous", [
        [("This Agreement, together with its schedules and exhibits, is the entire agreement of "
         "the parties on its subject matter and supersedes all prior proposals, negotiations "
         "and agreements.")],
        [("No amendment or waiver of any provision of this Agreement is effective unless in "
         "writing and signed by both parties, and no failure or delay in exercising a right "
         "operates as a waiver of it.")],
        [("If any provision of this Agreement is held invalid or unenforceable, the remaining "
         "provisions remain in full force and effect.")],
        [("This Agreement may be executed in counterparts, each of which is an original and all "
         "of which together are one instrument. Signatures delivered electronically are "
         "binding.")],
    ])


def master_services(fk: Faker, omit: frozenset[str] = frozenset()) -> ProseDoc:
    """Master services agreement between a provider and a customer."""
    w = ContractWriter(fk, "MASTER SERVICES AGREEMENT", omit)
    rng = w.rng
    prov, cust = w.company("Provider", "Analytics"), w.company("Customer")
    date = long_date(_contract_date(rng))
    w.preamble([prov, cust], date, "This Master Services Agreement")
    years, renew, notice = rng.choice([2, 3, 5]), rng.choice([1, 2]), rng.choice([60, 90])
    warranty = rng.choice([90, 120, 180])
    w.sections([
        ("Definitions", [
            [('"Affiliate" means any entity that directly or indirectly controls, is controlled '
             'by, or is under common control with a party.')],
            [('"Deliverables" means all reports, software, documentation and other materials '
             'that Provider prepares for Customer under a Statement of Work.')],
            [('"Statement of Work" means a written order, signed by both parties, that describes '
             'Services, Deliverables, milestones and fees.')],
        ]),
        ("Services", [
            [("Provider shall perform the services described in each Statement of Work (the "
             '"Services") in a professional and workmanlike manner, using personnel with the '
             "skill and experience the Services require.")],
            [("Either party may request changes to a Statement of Work; no change is binding "
             "until set out in a change order signed by both parties.")],
        ]),
        ("Term and Renewal", [
            [c("Expiration Date", f"This Agreement commences on the Effective Date and continues "
                                  f"for an initial term of {number_words(years)} years (the "
                                  f'"Initial Term"), unless terminated earlier as provided '
                                  f"herein."),
             c("Renewal Term", f"Thereafter, this Agreement automatically renews for successive "
                               f"{number_words(renew)} year periods (each, a \"Renewal Term\")."),
             c("Notice Period to Terminate Renewal",
               f"Either party may prevent a renewal by giving written notice of non-renewal at "
               f"least {number_words(notice)} days before the end of the then-current term.")],
        ]),
        ("Fees and Payment", [
            [("Customer shall pay the fees set out in each Statement of Work within thirty (30) "
             "days after receipt of a correct invoice. Late amounts bear interest at the lesser "
             "of one and one-half percent (1.5%) per month or the highest rate permitted by law.")],
            [c("Audit Rights", "During the term and for two (2) years thereafter, Customer or an "
                               "independent auditor it appoints may, on thirty (30) days' written "
                               "notice and not more than once per calendar year, audit Provider's "
                               "books and records relating to the fees charged under this "
                               "Agreement.")],
        ]),
        ("Intellectual Property", [
            [c("IP Ownership Assignment", "All Deliverables, and all intellectual property "
                                          "rights in them, are the sole and exclusive property of "
                                          "Customer, and Provider hereby assigns to Customer all "
                                          "right, title and interest in and to the "
                                          "Deliverables.")],
            [c("License Grant", "Provider grants Customer a non-exclusive, royalty-free license "
                                "to use any pre-existing Provider materials incorporated in the "
                                "Deliverables solely as needed to use the Deliverables.")],
        ]),
        ("Warranties", [
            [c("Warranty Duration", f"Provider warrants that, for a period of "
                                    f"{number_words(warranty)} days following acceptance, each "
                                    f"Deliverable will conform in all material respects to its "
                                    f"specifications."),
             ("Provider's sole obligation for breach of this warranty is to re-perform the "
             "non-conforming Services at no additional charge.")],
        ]),
        ("Insurance", [
            [c("Insurance", "Provider shall maintain, at its own expense, commercial general "
                            "liability insurance with limits of not less than $2,000,000 per "
                            "occurrence and professional liability insurance with limits of not "
                            "less than $5,000,000 in the aggregate, and shall name Customer as an "
                            "additional insured."),
             "Provider shall furnish certificates of insurance upon request."],
        ]),
        ("Limitation of Liability", [
            [c("Cap on Liability", "EACH PARTY'S TOTAL LIABILITY ARISING OUT OF OR RELATING TO "
                                   "THIS AGREEMENT WILL NOT EXCEED THE FEES PAID OR PAYABLE BY "
                                   "CUSTOMER IN THE TWELVE (12) MONTHS PRECEDING THE EVENT GIVING "
                                   "RISE TO THE CLAIM.")],
            [c("Uncapped Liability", "THE LIMITATION IN THE PRECEDING PARAGRAPH DOES NOT APPLY TO "
                                     "A PARTY'S INDEMNIFICATION OBLIGATIONS, ITS BREACH OF ITS "
                                     "CONFIDENTIALITY OBLIGATIONS, OR ITS GROSS NEGLIGENCE OR "
                                     "WILLFUL MISCONDUCT.")],
        ]),
        ("Termination", [
            [c("Termination for Convenience", "Customer may terminate this Agreement or any "
                                              "Statement of Work for convenience upon sixty (60) "
                                              "days' prior written notice to Provider.")],
            [("Either party may terminate this Agreement if the other party materially breaches "
             "it and fails to cure the breach within thirty (30) days after written notice.")],
            [c("Post-Termination Services", "Upon expiration or termination, Provider shall, at "
                                            "Customer's request, provide transition assistance "
                                            "for up to six (6) months at the rates then in "
                                            "effect.")],
        ]),
        ("Non-Solicitation", [
            [c("No-Solicit of Employees", "During the term and for twelve (12) months "
                                          "thereafter, neither party shall, directly or "
                                          "indirectly, solicit for employment any employee of the "
                                          "other party who was involved in the performance of "
                                          "the Services."),
             "General solicitations not targeted at such employees do not breach this Section."],
        ]),
        ("Confidentiality", [
            [("Each party shall hold the other party's confidential information in confidence, "
             "use it only to perform this Agreement, and disclose it only to its employees and "
             "advisers who need to know it and are bound by duties of confidentiality.")],
        ]),
        ("Assignment", [
            [c("Anti-Assignment", "Neither party may assign this Agreement, in whole or in part, "
                                  "without the prior written consent of the other party, which "
                                  "will not be unreasonably withheld."),
             c("Change of Control", "A merger, consolidation or change of control of Provider is "
                                    "deemed an assignment, and Customer may terminate this "
                                    "Agreement on written notice within ninety (90) days after "
                                    "learning of such change of control.")],
        ]),
        *general_terms("Provider", "Customer"),
        ("Notices", w.notices([prov, cust])),
        governing_law(rng),
        miscellaneous(),
    ])
    w.signatures([prov, cust], date)
    return w.finish()


def software_license(fk: Faker, omit: frozenset[str] = frozenset()) -> ProseDoc:
    """Perpetual on-premises software licence with escrow, audit and MFN pricing."""
    w = ContractWriter(fk, "SOFTWARE LICENSE AGREEMENT", omit)
    rng = w.rng
    lic, lee = w.company("Licensor", "Software"), w.company("Licensee")
    date = ordinal_date(_contract_date(rng))
    w.preamble([lic, lee], date, "This Software License Agreement")
    users = rng.choice([100, 250, 500])
    w.sections([
        ("Definitions", [
            [('"Software" means Licensor\'s proprietary software products listed in Exhibit A, in '
             'object code form, and all updates Licensor provides under this Agreement.')],
            [('"Authorized User" means an employee or contractor of Licensee or its Affiliates '
             'who is permitted to use the Software.')],
            [('"Affiliate" means any entity controlling, controlled by or under common control '
             'with Licensee.')],
        ]),
        ("License", [
            [c(("License Grant", "Non-Transferable License", "Affiliate License-Licensee"),
               "Subject to the terms of this Agreement, Licensor grants to Licensee and its "
               "Affiliates a non-exclusive, non-transferable, non-sublicensable license to "
               "install and use the Software for their internal business purposes."),
             c("Irrevocable or Perpetual License", "The license is perpetual and, upon payment of "
                                                   "the license fee, irrevocable except for "
                                                   "termination for breach.")],
            [c("Volume Restriction", f"Use of the Software is limited to {users} Authorized "
                                     f"Users; if Licensee's use exceeds that number, Licensee "
                                     f"shall pay the additional per-user fees set out in Exhibit "
                                     f"A for each additional Authorized User.")],
            [c("Non-Transferable License", "Licensee shall not sell, lease, assign or otherwise "
                                           "transfer the Software or this license to any third "
                                           "party.")],
        ]),
        ("Fees", [
            [("Licensee shall pay the license fee stated in Exhibit A within forty-five (45) days "
             "after the Effective Date, and annual maintenance fees of eighteen percent (18%) of "
             "the license fee in advance.")],
            [c("Price Restrictions", "Licensor shall not increase the annual maintenance fees by "
                                     "more than three percent (3%) in any twelve (12) month "
                                     "period.")],
            [c("Most Favored Nation", "If Licensor grants any other customer licensing the "
                                      "Software in comparable volumes more favorable pricing, "
                                      "Licensor shall promptly offer the same pricing to "
                                      "Licensee.")],
        ]),
        ("Source Code Escrow", [
            [c("Source Code Escrow", "Within thirty (30) days after the Effective Date, Licensor "
                                     "shall deposit the source code of the Software with a "
                                     "mutually agreed escrow agent and shall update the deposit "
                                     "with each major release."),
             ("The escrow agent will release the deposited source code to Licensee if Licensor "
             "becomes insolvent, files a petition in bankruptcy or ceases to support the "
             "Software.")],
        ]),
        ("Warranty", [
            [c("Warranty Duration", "Licensor warrants that for a period of twelve (12) months "
                                    "after delivery the Software will perform substantially in "
                                    "accordance with its documentation.")],
        ]),
        ("Audit", [
            [c("Audit Rights", "Licensor may, upon fifteen (15) business days' notice and not "
                               "more than once in any twelve-month period, audit Licensee's use "
                               "of the Software to verify compliance with the license "
                               "restrictions.")],
        ]),
        ("Ownership", [
            [("Licensor retains all right, title and interest in the Software; no rights are "
             "granted except as expressly stated in this Agreement.")],
            [c("Covenant Not to Sue", "Licensee shall not contest, or assist any third party in "
                                      "contesting, the validity of Licensor's patents or "
                                      "copyrights in the Software.")],
        ]),
        ("Limitation of Liability", [
            [c("Cap on Liability", "IN NO EVENT WILL LICENSOR'S AGGREGATE LIABILITY EXCEED THE "
                                   "LICENSE FEES PAID BY LICENSEE UNDER THIS AGREEMENT."),
             c("Uncapped Liability", "THE FOREGOING LIMITATION DOES NOT APPLY TO LICENSOR'S "
                                     "INDEMNIFICATION OBLIGATIONS FOR THIRD-PARTY INFRINGEMENT "
                                     "CLAIMS.")],
        ]),
        ("Term and Termination", [
            [c("Expiration Date", "This Agreement remains in effect until terminated in "
                                  "accordance with this Section."),
             ("Either party may terminate this Agreement if the other party fails to cure a "
             "material breach within thirty (30) days after written notice.")],
        ]),
        ("Assignment", [
            [c("Anti-Assignment", "Licensee may not assign this Agreement without Licensor's "
                                  "prior written consent, except to a successor to all or "
                                  "substantially all of its business that agrees in writing to "
                                  "be bound by this Agreement.")],
        ]),
        *general_terms("Licensor", "Licensee"),
        ("Notices", w.notices([lic, lee])),
        governing_law(rng),
        miscellaneous(),
    ])
    w.signatures([lic, lee], long_date(_contract_date(rng)))
    return w.finish()


def supply(fk: Faker, omit: frozenset[str] = frozenset()) -> ProseDoc:
    """Requirements supply agreement with minimum purchases and liquidated damages."""
    w = ContractWriter(fk, "SUPPLY AGREEMENT", omit)
    rng = w.rng
    sup, buy = w.company("Supplier", "Components"), w.company("Buyer")
    start = _contract_date(rng)
    date = long_date(start)
    w.preamble([sup, buy], date, "This Supply Agreement")
    units = rng.choice([25_000, 50_000, 120_000])
    end = w.doc.pii.add(long_date(dt.date(start.year + rng.choice([2, 3]), 12, 31)), "DATE")
    w.sections([
        ("Definitions", [
            [('"Products" means the components described in Schedule 1, manufactured in accordance '
             'with the Specifications.')],
            [('"Contract Year" means each twelve-month period beginning on the Effective Date or '
              'an anniversary of it.')],
        ]),
        ("Supply and Purchase", [
            [c("Exclusivity", "During the Term, Buyer shall purchase from Supplier all of its "
                              "requirements for the Products in the United States and shall not "
                              "purchase products substantially similar to the Products from any "
                              "third party.")],
            [c("Minimum Commitment", f"Buyer shall purchase not less than {units:,} units of "
                                     f"Products in each Contract Year.")],
            [c("Liquidated Damages", "If Buyer fails to meet the minimum purchase in a Contract "
                                     "Year, Buyer shall pay Supplier, as liquidated damages and "
                                     "not as a penalty, fifteen percent (15%) of the purchase "
                                     "price of the shortfall.")],
        ]),
        ("Pricing", [
            [c("Price Restrictions", "The prices in Schedule 1 are fixed for the first Contract "
                                     "Year; thereafter Supplier may not increase prices by more "
                                     "than the percentage change in the Producer Price Index over "
                                     "the preceding twelve (12) months.")],
            [("Supplier shall invoice each shipment, and Buyer shall pay undisputed invoices "
              "within forty-five (45) days.")],
        ]),
        ("Right of First Refusal", [
            [c("Rofr/Rofo/Rofn", "If Supplier proposes to sell the product line for the Products "
                                 "to a third party, Supplier shall first offer Buyer the right to "
                                 "purchase it on the same terms, and Buyer shall have thirty (30) "
                                 "days to accept the offer.")],
        ]),
        ("Warranty", [
            [c("Warranty Duration", "Supplier warrants that each Product will be free from "
                                    "defects in material and workmanship for eighteen (18) months "
                                    "from the date of delivery."),
             "Supplier shall replace or credit any non-conforming Product at Buyer's option."],
        ]),
        ("Insurance", [
            [c("Insurance", "Supplier shall maintain product liability insurance with coverage "
                            "of at least $5,000,000 per occurrence, naming Buyer as an additional "
                            "insured, during the Term and for three (3) years thereafter.")],
        ]),
        ("Inspection", [
            [c("Audit Rights", "Buyer may inspect Supplier's manufacturing facilities and quality "
                               "records upon reasonable advance notice during normal business "
                               "hours.")],
        ]),
        ("Term", [
            [c("Expiration Date", f"The initial term of this Agreement begins on the Effective "
                                  f"Date and ends on {end}."),
             c(("Renewal Term", "Notice Period to Terminate Renewal"),
               "This Agreement renews automatically for successive two (2) year terms unless "
               "either party notifies the other in writing of its intent not to renew at least one "
               "hundred eighty (180) days before the end of the then-current term.")],
            [c("Termination for Convenience", "Either party may terminate this Agreement without "
                                              "cause upon one hundred twenty (120) days' written "
                                              "notice.")],
        ]),
        ("Limitation of Liability", [
            [c("Cap on Liability", "Neither party will be liable for any amount exceeding the "
                                   "total purchase price paid in the twelve (12) months preceding "
                                   "the claim."),
             c("Uncapped Liability", "Supplier's indemnification obligations for product "
                                     "liability claims are not subject to any limitation of "
                                     "liability.")],
        ]),
        ("Assignment", [
            [c("Anti-Assignment", "Neither party may assign or delegate this Agreement without "
                                  "the other party's prior written consent.")],
        ]),
        *general_terms("Supplier", "Buyer"),
        ("Notices", w.notices([sup, buy])),
        governing_law(rng),
        miscellaneous(),
    ])
    w.signatures([sup, buy], date)
    return w.finish()


def distribution(fk: Faker, omit: frozenset[str] = frozenset()) -> ProseDoc:
    """Exclusive distribution agreement with a trademark licence and non-compete."""
    w = ContractWriter(fk, "EXCLUSIVE DISTRIBUTION AGREEMENT", omit)
    rng = w.rng
    man, dis = w.company("Manufacturer", "Medical Devices"), w.company("Distributor")
    date = long_date(_contract_date(rng))
    w.preamble([man, dis], date, "This Exclusive Distribution Agreement")
    territory = rng.choice(["the States of Texas, Oklahoma and Louisiana",
                            "the Commonwealth of Massachusetts and the State of New Hampshire",
                            "the States of Ohio, Indiana and Michigan"])
    minimum = rng.choice(["$1,200,000", "$850,000", "$2,500,000"])
    w.sections([
        ("Appointment", [
            [c("Exclusivity", f"Manufacturer appoints Distributor as its exclusive distributor of "
                              f"the Products in {territory} (the \"Territory\"), and Manufacturer "
                              f"shall not appoint any other distributor or sell the Products "
                              f"directly to customers in the Territory during the Term."),
             c("Competitive Restriction Exception", "Notwithstanding the foregoing, Manufacturer "
                                                    "may continue to sell the Products directly "
                                                    "to the national accounts listed in Schedule "
                                                    "C.")],
        ]),
        ("Non-Competition", [
            [c("Non-Compete", "During the Term and for one (1) year thereafter, Distributor shall "
                              "not manufacture, distribute or sell any product that competes with "
                              "the Products within the Territory.")],
            [c("No-Solicit of Customers", "For twelve (12) months after termination, Distributor "
                                          "shall not solicit any customer of Manufacturer in the "
                                          "Territory to purchase competing products.")],
        ]),
        ("Purchase Targets", [
            [c("Minimum Commitment", f"Distributor shall purchase Products with an aggregate net "
                                     f"invoice value of at least {minimum} in each calendar "
                                     f"year.")],
            [c("Revenue/Profit Sharing", "For sales to the national accounts, Manufacturer shall "
                                         "pay Distributor a commission of seven percent (7%) of "
                                         "the net revenue Manufacturer receives.")],
        ]),
        ("Trademarks", [
            [c(("License Grant", "Non-Transferable License"),
               "Manufacturer grants Distributor a non-exclusive, non-transferable license during "
               "the Term to use the Trademarks solely to advertise and sell the Products in the "
               "Territory."),
             "All goodwill arising from such use inures to Manufacturer."],
        ]),
        ("Term", [
            [c("Expiration Date", "The Term begins on the Effective Date and ends five (5) years "
                                  "thereafter."),
             c("Renewal Term", "The parties may renew the Term for one additional period of three "
                               "(3) years by mutual written agreement.")],
        ]),
        ("Termination", [
            [("Either party may terminate this Agreement upon the other party's uncured material "
             "breach, insolvency or assignment for the benefit of creditors.")],
            [c("Liquidated Damages", "If Manufacturer terminates this Agreement other than for "
                                     "Distributor's breach, Manufacturer shall pay Distributor a "
                                     "termination fee equal to the gross margin Distributor "
                                     "earned in the preceding six (6) months.")],
            [c("Post-Termination Services", "For ninety (90) days after termination, Distributor "
                                            "may sell off its remaining inventory of Products, "
                                            "and Manufacturer shall repurchase any unsold "
                                            "inventory at Distributor's landed cost.")],
        ]),
        ("Assignment and Change of Control", [
            [c("Anti-Assignment", "Distributor may not assign this Agreement or subcontract its "
                                  "obligations without Manufacturer's prior written consent."),
             c("Change of Control", "Distributor shall notify Manufacturer within ten (10) days "
                                    "of any change in the ownership or control of Distributor, "
                                    "and Manufacturer may terminate this Agreement upon such "
                                    "change of control.")],
        ]),
        ("Non-Disparagement", [
            [c("Non-Disparagement", "Neither party shall make any public statement that "
                                    "disparages the other party or its products.")],
        ]),
        ("Dispute Resolution", [
            [("The parties shall attempt in good faith to resolve any dispute through negotiation "
             "between senior executives for at least thirty (30) days before commencing "
             "litigation.")],
        ]),
        *general_terms("Distributor", "Manufacturer"),
        ("Notices", w.notices([man, dis])),
        miscellaneous(),
    ])
    w.signatures([man, dis], date)
    return w.finish()


def nda(fk: Faker, omit: frozenset[str] = frozenset()) -> ProseDoc:
    """Confidentiality agreement between a company and an individual consultant."""
    w = ContractWriter(fk, "CONFIDENTIALITY AND NON-DISCLOSURE AGREEMENT", omit)
    rng = w.rng
    co, cons = w.company("Company", "Therapeutics"), w.individual("Consultant")
    date = long_date(_contract_date(rng))
    w.preamble([co, cons], date, "This Confidentiality and Non-Disclosure Agreement")
    w.sections([
        ("Purpose", [
            [("The Company wishes to disclose certain confidential information to Consultant so "
             "that Consultant may advise the Company on its clinical development programs (the "
             '"Purpose").')],
        ]),
        ("Confidential Information", [
            [('"Confidential Information" means all non-public information that the Company '
             "discloses to Consultant, in any form, including scientific data, formulations, "
             "business plans and the identity of the Company's partners.")],
            [("Confidential Information does not include information that is or becomes public "
             "through no fault of Consultant, or that Consultant lawfully received from a third "
             "party without a duty of confidentiality.")],
        ]),
        ("Obligations", [
            [("Consultant shall use the Confidential Information only for the Purpose, shall not "
             "disclose it to any third party, and shall protect it with at least reasonable "
             "care.")],
        ]),
        ("Term", [
            [c("Expiration Date", "This Agreement expires two (2) years after the Effective "
                                  "Date."),
             "The obligations of confidentiality survive for five (5) years after expiration."],
        ]),
        ("Return of Materials", [
            [c("Post-Termination Services", "Within ten (10) days after expiration or a written "
                                            "request, Consultant shall return or destroy all "
                                            "Confidential Information and certify its destruction "
                                            "in writing.")],
        ]),
        ("Non-Solicitation", [
            [c("No-Solicit of Employees", "During the term of this Agreement and for one (1) year "
                                          "thereafter, Consultant shall not solicit or hire any "
                                          "employee of the Company.")],
        ]),
        ("Inventions", [
            [c("IP Ownership Assignment", "Any invention, improvement or work product that "
                                          "Consultant creates using the Confidential Information "
                                          "is the sole property of the Company, and Consultant "
                                          "hereby assigns to the Company all rights in it.")],
        ]),
        ("Remedies", [
            [("Consultant acknowledges that a breach of this Agreement may cause irreparable harm "
             "and that the Company is entitled to seek injunctive relief in addition to any other "
             "remedy.")],
            [c("Third Party Beneficiary", "The Company's Affiliates are intended third-party "
                                          "beneficiaries of this Agreement and may enforce its "
                                          "terms directly.")],
        ]),
        ("Notices", w.notices([co, cons])),
        governing_law(rng),
        miscellaneous(),
    ])
    w.signatures([co, cons], date)
    return w.finish()


#: Contract builders by short name.
BUILDERS: dict[str, Callable[..., ProseDoc]] = {
    "master_services_agreement": master_services,
    "software_license_agreement": software_license,
    "supply_agreement": supply,
    "distribution_agreement": distribution,
    "nda": nda,
}
