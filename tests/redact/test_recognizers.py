"""The built-in recognizers on their own (no spaCy needed), and profile selection."""

from __future__ import annotations

import pytest

from lpo_review.config import Config
from lpo_review.redact.keep_rules import is_public_institution
from lpo_review.redact.profiles import entities_to_redact
from lpo_review.redact.recognizers.account_number import AccountNumberRecognizer
from lpo_review.redact.recognizers.age_over_89 import AgeOver89Recognizer
from lpo_review.redact.recognizers.answer_value import AnswerValueRecognizer
from lpo_review.redact.recognizers.case_number import CaseNumberRecognizer
from lpo_review.redact.recognizers.credential_name import CredentialNameRecognizer
from lpo_review.redact.recognizers.date_of_birth import DateOfBirthRecognizer
from lpo_review.redact.recognizers.dates import SpecificDateRecognizer
from lpo_review.redact.recognizers.drivers_license import DriversLicenseRecognizer
from lpo_review.redact.recognizers.email import AnyDomainEmailRecognizer
from lpo_review.redact.recognizers.email_header_name import EmailHeaderNameRecognizer
from lpo_review.redact.recognizers.employee_id import EmployeeIdRecognizer
from lpo_review.redact.recognizers.id_number import IdNumberRecognizer
from lpo_review.redact.recognizers.labelled_name import LabelledNameRecognizer
from lpo_review.redact.recognizers.member_id import HealthPlanIdRecognizer
from lpo_review.redact.recognizers.money import MoneyRecognizer
from lpo_review.redact.recognizers.mrn import MedicalRecordNumberRecognizer
from lpo_review.redact.recognizers.nickname_name import NicknameNameRecognizer
from lpo_review.redact.recognizers.npi import NpiRecognizer, npi_checksum_ok
from lpo_review.redact.recognizers.phone_id import PhoneIdentifierRecognizer
from lpo_review.redact.recognizers.signature_name import SignatureNameRecognizer
from lpo_review.redact.recognizers.speaker_label import SpeakerLabelRecognizer
from lpo_review.redact.recognizers.ssn_last_four import SsnLastFourRecognizer
from lpo_review.redact.recognizers.street_address import StreetAddressRecognizer
from lpo_review.redact.recognizers.titled_name import TitledNameRecognizer
from lpo_review.redact.recognizers.user_id import UserIdRecognizer
from lpo_review.redact.recognizers.zip_code import ZipCodeRecognizer

CASES = [
    # identifiers said in prose, or under labels no specific recognizer knows
    (IdNumberRecognizer, "So the employee ID on it would be KX-40219.", ["KX-40219"]),
    (IdNumberRecognizer, "My badge number was 88120. That was in 2019.", ["88120"]),
    (IdNumberRecognizer, "Yes. IR-2022-0917-044 is the report number.", ["IR-2022-0917-044"]),
    (IdNumberRecognizer, "Agency referral #CHH-24-00871 sent", ["CHH-24-00871"]),
    (IdNumberRecognizer, "FIN:\t24-204-88173\tMBI:\t4TR7-JK2-MX83", ["24-204-88173",
                                                                      "4TR7-JK2-MX83"]),
    (IdNumberRecognizer, "Attending NPI 1093877215 signed", ["1093877215"]),
    (IdNumberRecognizer, "Section 12.3.1 of the license, the report dated 07/22/2024, "
                         "the order of 2024, claim 3 of the patent", []),
    # names given a credential; "MD" of a company is no credential
    (CredentialNameRecognizer, "Intake nurse: Marguerite Oduya, RN   (541) 555-0102",
     ["Marguerite Oduya"]),
    (CredentialNameRecognizer, "Theodore Asante-Whitlock, Esq. / Priya Venkataraman, Esq.",
     ["Theodore Asante-Whitlock", "Priya Venkataraman"]),
    (CredentialNameRecognizer, "results of the Clinical Study, MD Anderson shall", []),
    (CredentialNameRecognizer, "14:20  Triage (R. Kovalenko RN): PT ARRIVED VIA EMS",
     ["R. Kovalenko"]),
    # HIPAA: month/year, and month/day said as a time; scores and ratios are no dates
    (SpecificDateRecognizer, "In 9/92 she was admitted; seen again back in 01/09.",
     ["9/92", "01/09"]),
    (SpecificDateRecognizer, "A1c 7.9% in 11/2023. Diuresis from 2/3 to 2/6; x-rays (2/3, 2/5)",
     ["11/2023", "2/3", "2/6", "2/3", "2/5"]),
    (SpecificDateRecognizer, "Pain 5/10, strength 4/5, BP 120/80 - 130/85, visit 2/24", []),
    # street addresses with an ordinal floor or a street type before the name
    (StreetAddressRecognizer, "88 West Corliss Street, 14th Floor\nCleveland",
     ["88 West Corliss Street, 14th Floor"]),
    (StreetAddressRecognizer, "at 1450 Paseo del Norte NE, Suite 300\n",
     ["1450 Paseo del Norte NE, Suite 300"]),
    (StreetAddressRecognizer, "1095 Avenue of the Americas; One Verizon Way; One party shall",
     ["1095 Avenue of the Americas", "One Verizon Way"]),
    (MedicalRecordNumberRecognizer, "Patient MRN: 00123456, seen today", ["00123456"]),
    (MedicalRecordNumberRecognizer, "Medical Record No. A-123456.", ["A-123456"]),
    (HealthPlanIdRecognizer, "Member ID: XJH123456789 (Aetna)", ["XJH123456789"]),
    (HealthPlanIdRecognizer, "He joined group 4 of the study.", []),
    (EmployeeIdRecognizer, "Employee ID E-40921 was badged", ["E-40921"]),
    (AccountNumberRecognizer, "wire to Account No. 000123456789.", ["000123456789"]),
    (DriversLicenseRecognizer, "Driver's License No. D1234567 (NY)", ["D1234567"]),
    (DateOfBirthRecognizer, "DOB: 04/12/1961; admitted 05/01/2020", ["04/12/1961"]),
    (DateOfBirthRecognizer, "She was born on 3 May 1975 in Oslo.", ["3 May 1975"]),
    (CaseNumberRecognizer, "Case No. 2:23-cv-01234-ABC (D.N.J.)", ["2:23-cv-01234-ABC"]),
    (CaseNumberRecognizer, "Index No. 123456/2023, Supreme Court", ["123456/2023"]),
    (CaseNumberRecognizer, "an application (no. 28045/02) against", ["28045/02"]),
    (CaseNumberRecognizer, "applications nos. 123/02 and 4567/03", ["123/02", "4567/03"]),
    (CaseNumberRecognizer, "Article 1 of Protocol No. 1 applies", []),
    (
        SpeakerLabelRecognizer,
        "12  BY MS. O'NEILL:\n13  MR. ACHTERBERG: Objection.",
        ["O'NEILL", "ACHTERBERG"],
    ),
    (SpeakerLabelRecognizer, "THE WITNESS: Yes.\nTHE COURT: Sustained.", []),
    (
        TitledNameRecognizer,
        "by a Turkish national, Mr Şahap Doğan (“the applicant”)",
        ["Şahap Doğan"],
    ),
    (
        AnyDomainEmailRecognizer,
        "a@firm.example b@x.test c@y.invalid",
        ["a@firm.example", "b@x.test", "c@y.invalid"],
    ),
    (ZipCodeRecognizer, "Albany, NY 12208-1234 and 90210 alone", ["12208-1234"]),
    (
        StreetAddressRecognizer,
        "at 1200 N. Market Street, Suite 400, Wilmington",
        ["1200 N. Market Street, Suite 400"],
    ),
    (AgeOver89Recognizer, "a 92-year-old man and his 45-year-old son", ["92"]),
    (
        MoneyRecognizer,
        "paid EUR 4,000 and 1,500 Austrian schillings (ATS)",
        ["EUR 4,000", "1,500 Austrian schillings (ATS)"],
    ),
    (NpiRecognizer, "NPI 1234567893; phone 1234567890", ["1234567893"]),
    # an e-mail's header block names people in either order, whatever the words
    (EmailHeaderNameRecognizer,
     "From: Rose Field <rfield@example.com>\nSent: Tuesday, March 5, 2024 4:12 PM\n"
     "To: Hunter, Grace; Payroll Team <payroll@example.com>\n"
     "Cc: \"Whitfield, Joanne\" <jw@example.org>, Mark Baker <mb@example.com>\n"
     "Subject: Hours\n\nFrom: the body is not a header",
     ["Rose Field", "Hunter, Grace", "Whitfield, Joanne", "Mark Baker"]),
    (EmailHeaderNameRecognizer, "Notices. To: Acme Holdings LLC, Attn: Legal Department", []),
    # a nickname inside a full name makes one mention; parentheses alone are a gloss
    (NicknameNameRecognizer, 'Dominique "Nikki" Thibodeaux and Richard ("Rich") Donnelly met '
                             "Aloysius \u201cSully\u201d Sullivan at Technology (Beijing) Limited; "
                             'Northgate ("Seller") Parent signed',
     ['Dominique "Nikki" Thibodeaux', 'Richard ("Rich") Donnelly',
      "Aloysius \u201cSully\u201d Sullivan"]),
    # LAST, FIRST with middle names or an initial after a role label, up to a column gap
    (LabelledNameRecognizer, "Name:   QUINTERO-BLAKE, ROSALIE ANNE\n"
                             "Mother:  VILLARREAL-DOAN, XIMENA PAZ    Mother MRN: SB-6602918\n"
                             "Patient: NGUYEN, LAN T  MRN: 445",
     ["QUINTERO-BLAKE, ROSALIE ANNE", "VILLARREAL-DOAN, XIMENA PAZ", "NGUYEN, LAN T"]),
    # a street's quadrant, an office building with its suite or floor (not a gym's name)
    (StreetAddressRecognizer, "LLP, 900 Market Crossing, Suite 1450, and Two Gateway Center, "
                              "14th Floor; 1747 Peachtree Street NE, Suite 2600; the 24 Hour "
                              "Fitness Center opened",
     ["900 Market Crossing, Suite 1450", "Two Gateway Center, 14th Floor",
      "1747 Peachtree Street NE, Suite 2600"]),
    # a transcript's answers under "[13]", "13 |" and time-stamped line numbers
    (AnswerValueRecognizer, "[10]   Q.  And your date of birth?\n[11]   A.  April 9th, 1987.\n"
                            " 12 |  Q.  I only need the last four of your Social.\n"
                            " 13 |  A.  6204.\n"
                            "10:18:01  20   Q.  Date of birth?\n10:18:03  21   A.  February 2, 1968.",
     ["April 9th, 1987", "6204", "February 2, 1968"]),
    # a flattened signature block's cells; a table ruled with dashes far from any signing
    (SignatureNameRecognizer, "IN WITNESS WHEREOF, the parties sign.\n"
                              "------------      ------------      Thomas R. Berner      "
                              "Frank Moody      Key Account Manager      CFO / Procurator\n"
                              "By:     /s/ Jozef Barta       Name: Andreas Martschitsch\n",
     ["Thomas R. Berner", "Frank Moody", "Jozef Barta", "Andreas Martschitsch"]),
    (SignatureNameRecognizer, "By: /s/ Maria V. Shaffer        By: /s/ Fred Ruegsegger\n\n"
                              "PRODUCT GROUPING      PRODUCT CLASSIFICATION    -----------    "
                              + "Analytical Instruments         Electron Microscope    " * 12 + "\n",
     ["Maria V. Shaffer", "Fred Ruegsegger"]),
    (SignatureNameRecognizer, "Characteristic      Bellcore            EIA/TIA-464A\n"
                              "----------------------------------------------------\n"
                              "Talkoff tape        Bellcore Impulse Noise     fewer than 50\n",
     []),
    # who entered or printed a record, and a dated log's user column; "by fax" is no login
    (UserIdRecognizer, "Printed 06/21/2024 08:14 by jmcallister2   Page 1 of 2\n"
                       "06/13/2024 09:12  ndlamini2    Cust called from home\n"
                       "ENTERED BY: wlaw\nSent by fax. Signed by hand. Reviewed by the nurse.\n"
                       "Dual tones are created by summing two sinusoids.",
     ["jmcallister2", "ndlamini2", "wlaw"]),
    # a phone's and a SIM's numbers, grouped by spaces
    (PhoneIdentifierRecognizer, "  IMEI:     35 391811 447210 9\n  ICCID:    8901 2604 1187 4429 6613\n"
                                "  IMSI:     310260418827713\n",
     ["35 391811 447210 9", "8901 2604 1187 4429 6613", "310260418827713"]),
    # an account's or a card's last four, said so; a balance or a count is none
    (AccountNumberRecognizer, "Account number ending in 4821; TRANSFER TO SAV ...0933; VISA "
                              "DEBIT ENDING 7710. The account balance is 4821 dollars; card 2.",
     ["4821", "0933", "7710"]),
    # a licence beside its state's code, a badge after an officer's rank and name
    (DriversLicenseRecognizer, "DL: OK U093381472  SID: OK01877342; VA DL T71428093, exp 2029",
     ["U093381472", "T71428093"]),
    (EmployeeIdRecognizer, "BOOKING OFFICER: SGT. WENDELL LAW #1187   INVENTORIED BY: CPL. A. "
                           "BRAGA #1304; see item #12", ["1187", "1304"]),
    # a state court's number in words apart; "No. 12 of 2024" is none
    (CaseNumberRecognizer, "Carpenter v. Mason & Rowe Builders, Inc.   No. 24 WC 018377   Page 1\n"
                           "case number 2023 L 004417; see No. 12 of 2024",
     ["24 WC 018377", "2023 L 004417"]),
    (StreetAddressRecognizer, "ADDRESS:   1804 S REDBUD AVE LOT 22, SALLISAW OK 74955",
     ["1804 S REDBUD AVE LOT 22"]),
    (SsnLastFourRecognizer, "SSN (last 4):    6619. The order gives the last four digits of "
                            "your SSN as 6691; SSN ending in 4410; XXX-XX-1234; claim 5521",
     ["6619", "6691", "4410", "1234"]),
]


@pytest.mark.parametrize(("recognizer", "text", "expected"), CASES)
def test_recognizer_finds_exactly_the_values(recognizer, text, expected):
    instance = recognizer()
    results = instance.analyze(text, instance.supported_entities, None)
    found = [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]
    assert found == expected


def test_npi_check_digit():
    assert npi_checksum_ok("1234567893")
    assert not npi_checksum_ok("1234567890")


@pytest.mark.parametrize(
    ("value", "public"),
    [
        ("the Court of Cassation", True),
        ("The Polish Government", True),
        ("the Kayseri Administrative Court", False),
        ("Acme Widgets, Inc.", False),
    ],
)
def test_public_institutions_named_generically_are_kept(value, public):
    assert is_public_institution(value) is public


def test_profile_selection_honours_extra_and_keep_entities():
    available = ["PERSON", "DATE_TIME", "PLUGIN_THING"]
    assert entities_to_redact(Config(profile="none"), available) == frozenset()
    standard = entities_to_redact(Config(profile="standard"), available)
    assert {"PERSON", "PLUGIN_THING"} <= standard and "DATE_TIME" not in standard
    assert "DATE" in entities_to_redact(Config(profile="hipaa"), available)
    tuned = Config(
        profile="standard",
        redaction={"extra_entities": ["DATE_TIME"], "keep_entities": ["URL"]},
    )
    chosen = entities_to_redact(tuned, available)
    assert "DATE_TIME" in chosen and "URL" not in chosen


def test_run_person_key_links_a_later_surname_to_the_full_name():
    from lpo_review.redact.names import AliasBook, run_person_key

    book = AliasBook()
    assert run_person_key(book, "okafor") == "okafor"  # not known yet
    assert run_person_key(book, "jan achterberg") == "jan achterberg"
    assert run_person_key(book, "achterberg") == "jan achterberg"
    assert run_person_key(book, "peter okafor") == "peter okafor"


def test_labelled_names_in_forms_are_persons_but_organisations_are_not():
    from lpo_review.redact.recognizers.labelled_name import LabelledNameRecognizer

    text = ("Name: Priya Raghunathan\nPatient: RAGHUNATHAN, PRIYA    DOB: 01/02/1960\n"
            "Emergency Contact: Ana Lucia Ruiz, (555) 555-0101\n"
            "Provider: Valley Medical Center\nName: Silverline Analytics, Inc.\n"
            "the name: Goods Received\nPatient Name: O'Neill, Mary K.\n"
            "Attention: Thomas Whitcombe, Vice President\n")
    found = [text[s:e] for s, e in LabelledNameRecognizer().spans(text)]
    assert found == ["Priya Raghunathan", "RAGHUNATHAN, PRIYA", "Ana Lucia Ruiz",
                     "O'Neill, Mary K.", "Thomas Whitcombe"]  # an office is no first name


def test_surname_first_form_is_the_same_person():
    from lpo_review.redact.names import name_key, name_parts

    assert name_key(name_parts("RAGHUNATHAN, PRIYA")) == name_key(name_parts("Priya Raghunathan"))
    assert name_key(name_parts("John Smith, Jr.")) == "john smith"


def test_transcript_line_numbers_and_courts_are_not_street_addresses():
    from lpo_review.redact.recognizers.street_address import StreetAddressRecognizer

    text = (" 1                  UNITED STATES DISTRICT COURT\n17  THE COURT:  Thank you.\n"
            "He lives at 1901 Market Street, Suite 1200.\n12 Oak Court\n")
    found = [text[s:e] for s, e in StreetAddressRecognizer().spans(text)]
    assert found == ["1901 Market Street, Suite 1200", "12 Oak Court"]


def test_ordinary_words_and_defined_terms_are_no_organisation_or_place():
    from spacy.lang.en.stop_words import STOP_WORDS

    from lpo_review.redact.name_evidence import NameEvidence

    evidence = NameEvidence(
        "ARTHROSCOPIC REPAIR\nThe arthroscopic repair of the meniscus. Mail "
        "bpham@silverline.example or see www.silverline.test/about. The information (the "
        "\"Confidential Information\") is due on the \"Closing Date\".", frozenset(STOP_WORDS))
    assert evidence.names_nothing("ORGANIZATION", "ARTHROSCOPIC")
    assert evidence.names_nothing("ORGANIZATION", "Confidential Information")
    assert evidence.names_nothing("LOCATION", "the Closing Date")
    assert not evidence.names_nothing("ORGANIZATION", "Silverline")
    assert not evidence.names_nothing("PERSON", "Repair")


def test_organisations_by_legal_form_facility_and_contract_definition():
    from lpo_review.redact.recognizers.organization import OrganizationRecognizer

    text = ('Entered into by Silverline Analytics, Inc., a Delaware corporation ("Silverline"), '
            'and Harborline Therapeutics LLC (the "Client"). Silverline shall deliver; the Client '
            "shall pay. The Company and the Hospital keep records.\n"
            "Seen at Newark Imaging Center; plan: Cardinal Health Plan HMO.\n")
    found = sorted({text[s:e] for s, e, _ in OrganizationRecognizer().spans(text)})
    assert found == ["Cardinal Health Plan HMO", "Harborline Therapeutics LLC",
                     "Newark Imaging Center", "Silverline", "Silverline Analytics, Inc."]


def test_day_month_abbreviation_year_is_a_date():
    from lpo_review.redact.recognizers.dates import SpecificDateRecognizer

    text = "Seen on 08-Sep-2022 for follow-up."
    assert [text[s:e] for s, e in SpecificDateRecognizer().spans(text)] == ["08-Sep-2022"]


TRANSCRIPT = """\
  13             Q.  What is your date of birth?
  14             A.  March 3rd, 1971.
  15             Q.  Who was your direct supervisor
  16        at the plant?
  17             A.  Yes, it was Anita Dombrowski.
  18             Q.  And your driver's license number?
  19             A.  It's TQ918274.
  20             Q.  Who approved the overtime?
  21             A.  I don't remember.
"""


def test_section_numbers_are_no_ip_addresses_but_addresses_are():
    from lpo_review.redact.recognizers.ip import WindowedIpRecognizer

    text = ("Sections 4.2.7.1 and 4.3.2.2 apply. Logged in from IP address 10.0.0.1; "
            "server 192.168.14.200 was down.")
    found = [text[r.start:r.end] for r in WindowedIpRecognizer().analyze(text, ["IP_ADDRESS"])]
    assert sorted(found) == ["10.0.0.1", "192.168.14.200"]


def test_answers_give_the_value_the_question_asks_for():
    found = {(TRANSCRIPT[s:e], entity) for s, e, entity in AnswerValueRecognizer().spans(TRANSCRIPT)}
    assert found == {("March 3rd, 1971", "DATE_OF_BIRTH"), ("Anita Dombrowski", "PERSON"),
                     ("TQ918274", "DRIVERS_LICENSE")}


def test_caption_names_of_a_deceased_or_a_minor_are_persons(nlp):
    from presidio_analyzer.nlp_engine import NlpArtifacts

    from lpo_review.redact.recognizers.caps_name import CapsNameRecognizer

    text = "  6    RAMON ANTONIO VIGIL, deceased,\n  7    by his guardian,\n"
    artifacts = NlpArtifacts([], [], [], [], type("E", (), {"nlp": nlp})(), "en")
    found = [text[r.start:r.end] for r in CapsNameRecognizer().analyze(text, ["PERSON"], artifacts)]
    assert found == ["RAMON ANTONIO VIGIL"]
