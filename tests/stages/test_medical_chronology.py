"""Medical chronology: dated rows cite their lines, gaps and uncertain dates are flagged."""

from __future__ import annotations

import re

import pytest
from make_docs import medical_input, medical_record

from lpo_review.stages.medical import MedicalChronology
from lpo_review.stages.medical.plugin import lpo_review_summarizers


def chronology(dates: list[str]):
    doc = medical_input(medical_record(dates))
    return doc, MedicalChronology().draft(doc)[0]


def line_text(doc, cite: str) -> str:
    """Text of the physical lines a ``page:line[-page:line]`` citation names."""
    first, _, last = cite.partition("-")
    lo, hi = (int(first.split(":")[1]), int((last or first).split(":")[1]))
    return "\n".join(doc.text.split("\n")[lo - 1:hi])


def test_one_row_per_visit_in_date_order_with_its_fields():
    doc, draft = chronology(["04/12/2023", "03/02/2023", "03/20/2023"])
    rows = [r for r in draft.rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2023-03-02", "2023-03-20", "2023-04-12"]
    first = next(r for r in rows if r["date"] == "2023-04-12")  # the record's first note
    assert first["provider"].startswith("Dr. <PERSON_")
    assert first["facility"] == "Lakeside Orthopedic Clinic"
    assert first["complaints"] == "low back pain after lifting at work"
    assert first["diagnoses"] == "lumbar strain"
    assert first["medications"] == "ibuprofen 600 mg three times daily"
    assert first["plan"] == "physical therapy twice weekly"
    assert "Date of Service: 04/12/2023" in line_text(doc, first["cite"])
    assert "Plan: physical therapy twice weekly" in line_text(doc, first["cite"])


def test_gap_over_30_days_is_flagged_with_its_length_and_30_is_not():
    _, draft = chronology(["01/02/2023", "02/01/2023", "03/04/2023"])
    gaps = [r for r in draft.rows if r.get("gap")]
    assert [g["gap_days"] for g in gaps] == [31]
    assert "Gap in treatment: 31 days between 2023-02-01 and 2023-03-04" in draft.notes


def test_ambiguous_and_partial_dates_are_marked_not_guessed():
    _, draft = chronology(["June 2023", "0?/1?/2023"])
    dates = {r["date"] for r in draft.rows}
    assert dates == {"AMBIGUOUS: June 2023", "UNREADABLE: 0?/1?/2023"}
    assert any("June 2023" in n for n in draft.notes)
    assert not any(r.get("gap") for r in draft.rows)


def test_day_first_record_orders_two_digit_dates_by_its_own_unambiguous_ones():
    text = ("Toronto Sports Medicine Clinic\n"
            "Visit 23/11/21 - Dr. <PERSON_2>\nAssessment: rotator cuff strain\nPlan: physio\n\n"
            "Visit 01/11/21 - Dr. <PERSON_2>\nAssessment: shoulder pain\nPlan: rest\n\n"
            "Visit 15/03/22 - Dr. <PERSON_3>\nAssessment: improving\nPlan: discharge\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    dated = [r["date"] for r in draft.rows if not r.get("gap")]
    assert dated == ["2021-11-01", "2021-11-23", "2022-03-15"]
    (gap,) = [r for r in draft.rows if r.get("gap")]
    assert gap["gap_days"] == 112


def test_soap_notes_and_dated_headings_fill_the_fields():
    text = ("OPERATIVE REPORT   16-Jul-2024\nSurgeon: Dr. <PERSON_4>\n"
            "Procedure: left knee arthroscopy, partial medial meniscectomy\n"
            "Recommendation: weight bearing as tolerated; start physical therapy\n\n"
            "FOLLOW-UP NOTE 30-Jul-2024\n"
            "S: knee pain 3/10, walking without crutches\n"
            "O: incisions healed; ROM 0-120\n"
            "A: status post meniscectomy, recovering\n"
            "P: continue PT twice weekly. Modified duty for 2 weeks.\n")
    rows = MedicalChronology().draft(medical_input(text))[0].rows
    surgery, follow_up = rows
    assert surgery["date"] == "2024-07-16" and surgery["provider"] == "Dr. <PERSON_4>"
    assert "meniscectomy" in surgery["procedures"]
    assert "start physical therapy" in surgery["plan"]
    assert follow_up["visit"] == "Follow-up note"
    assert follow_up["complaints"].startswith("knee pain 3/10")
    assert "ROM 0-120" in follow_up["findings"]
    assert follow_up["diagnoses"] == "status post meniscectomy, recovering"
    assert follow_up["pain"] == "3/10"
    assert follow_up["work_status"].startswith("Modified duty for 2 weeks")


def test_past_history_is_its_own_draft_not_a_visit():
    text = ("Date of Service: 2024-02-01\nPast Medical History: hypertension; left ankle ORIF "
            "2008\nAssessment: bronchitis\nPlan: albuterol\n")
    drafts = MedicalChronology().draft(medical_input(text))
    (row,) = drafts[0].rows
    assert "hypertension" not in " ".join(str(v) for v in row.values())
    assert drafts[1].kind == "medical_history"
    assert drafts[1].rows[0]["history"] == "hypertension; left ankle ORIF 2008"


def test_record_convention_settles_slash_dates():
    # The DOB line (04/17/1980) shows the record writes month first.
    _, draft = chronology(["05/06/2023", "05/20/2023"])
    assert {r["date"] for r in draft.rows} == {"2023-05-06", "2023-05-20"}
    doc = medical_input("Date of Service: 05/06/2023\nAssessment: sprain\n")
    rows = MedicalChronology().draft(doc)[0].rows
    assert rows[0]["date"] == "AMBIGUOUS: 05/06/2023"
    doc.options = {"date_order": "DMY"}
    assert MedicalChronology().draft(doc)[0].rows[0]["date"] == "2023-06-05"


def test_birth_signature_print_and_injury_dates_are_not_treatment_dates():
    _, draft = chronology(["03/02/2023"])
    dates = {r["date"] for r in draft.rows}
    assert dates == {"2023-03-02"}
    assert all("signed" not in str(v) for r in draft.rows for k, v in r.items() if k != "provider")
    assert any("not treated as dates of service" in n for n in draft.notes)


def test_redacted_dates_are_marked_and_follow_the_dated_rows():
    _, draft = chronology(["<DATE_TIME_3>", "03/02/2023"])
    assert draft.rows[0]["date"] == "2023-03-02"
    redacted = [r for r in draft.rows if r["date_status"] == "redacted"]
    assert redacted and all(r["date"] == "REDACTED: <DATE_TIME_3>" for r in redacted)
    assert any("redacted" in n for n in draft.notes)


def test_no_conclusion_words_and_plugin_registers():
    _, draft = chronology(["03/02/2023", "04/12/2023"])
    text = " ".join(str(v) for r in draft.rows for v in r.values())
    assert "physical therapy" in text
    assert not re.search(r"\b(?:credible|liable|negligent|should|recommend)\b", text, re.I)
    (engine,) = lpo_review_summarizers(config=None)
    assert engine.name == "medical_chronology" and engine.kinds == ("medical",)


@pytest.mark.parametrize("text", ["", "No dates here at all.\n"])
def test_records_without_encounters_say_so(text):
    draft = MedicalChronology().draft(medical_input(text or "\n"))[0]
    assert draft.rows == [] and "No dated encounters" in " ".join(draft.notes)


def test_a_pipe_table_of_visits_gives_a_row_per_visit_with_its_columns_apart():
    text = ("| Date       | Event                 | Provider            | Findings            |\n"
            "|------------|-----------------------|---------------------|---------------------|\n"
            "| 03/09/2024 | MRI cervical spine    | Dr. <PERSON_2>, MD  | C5-C6 herniation    |\n"
            "|            |                       | (Radiology)         | contacting the cord |\n"
            "| 03/12/2024 | Discharge             | <PERSON_3>, MD      | Pain 4/10. Home.    |\n"
            "Printed 03/14/2024\n")  # (the 14th settles month-first)
    rows = MedicalChronology().draft(medical_input(text))[0].rows
    assert [(r["date"], r["visit"]) for r in rows] == [("2024-03-09", "Mri cervical spine"),
                                                      ("2024-03-12", "Discharge")]
    assert rows[0]["provider"] == "Dr. <PERSON_2>, MD"
    assert rows[0]["findings"] == "C5-C6 herniation contacting the cord"
    assert rows[1]["pain"] == "4/10"


def test_notes_dated_without_a_year_take_the_year_of_the_notes_around_them():
    text = ("03/01/2024 10:20  DIETARY / WEIGHT\nWeight 142.6 lb. -- <PERSON_2>, RD\n\n"
            "3/5 11:30  SOCIAL SERVICES\nSpoke with son by phone. -- <PERSON_3>, LSW\n\n"
            "01/02/2025 09:00  NURSING\nQuiet night.\nPrinted 01/15/2025\n")  # month first
    draft = MedicalChronology().draft(medical_input(text))[0]
    assert [r["date"] for r in draft.rows if not r.get("gap")] == \
        ["2024-03-01", "2024-03-05", "2025-01-02"]
    assert any("'3/5'" in n and "no year" in n for n in draft.notes)


def test_a_letter_is_dated_by_the_date_on_its_own_line():
    text = ("FENNIMORE FAMILY MEDICINE\n\nMarch 11, 2024\n\nRe: referral of <PERSON_1>\n"
            "Assessment: panic disorder\nPlan: refer for CBT\n")
    (row,) = MedicalChronology().draft(medical_input(text))[0].rows
    assert row["date"] == "2024-03-11" and "panic disorder" in row["diagnoses"]


def test_a_visit_log_line_gives_its_provider_and_findings_under_the_letterhead():
    text = ("RIVERBEND SPINE & REHABILITATION, P.C.\nChiropractic | Physical Therapy\n\n"
            "Visit 1 - 02/05/2024 - DC Petrosyan - Initial exam; CMT C/T/L, EMS - Pain 7/10\n"
            "Visit 2 - 02/27/2024 - PT Whitfield - deep neck flexor hold 8 sec - Pain 6/10\n")
    rows = MedicalChronology().draft(medical_input(text))[0].rows
    assert [(r["provider"], r["pain"]) for r in rows] == [("DC Petrosyan", "7/10"),
                                                         ("PT Whitfield", "6/10")]
    assert rows[0]["facility"] == "RIVERBEND SPINE & REHABILITATION, P.C."
    assert "CMT C/T/L, EMS" in rows[0]["findings"]


def test_an_ambiguous_date_is_read_the_one_way_that_keeps_the_visits_in_order():
    text = ("ENCOUNTER 1: EMERGENCY DEPARTMENT VISIT\nDate of Service: 05/07/22\n"
            "Assessment: wrist fracture\n\n"
            "ENCOUNTER 2: HAND CLINIC VISIT\nDate of Service: 2022-05-14\nPlan: cast\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    assert [r["date"] for r in draft.rows] == ["2022-05-07", "2022-05-14"]
    assert any("'05/07/22'" in n and "please verify" in n for n in draft.notes)
    alone = MedicalChronology().draft(medical_input("Date of Service: 05/07/22\nPlan: cast\n"))[0]
    assert alone.rows[0]["date"] == "AMBIGUOUS: 05/07/22"


def test_clinic_dates_dashed_note_headings_and_the_physician_who_saw_the_patient():
    text = ("ST. ANSGAR REGIONAL MEDICAL CENTER\n"
            "EMERGENCY DEPARTMENT - TRIAGE RECORD\n"
            "Arrival: 07/17/2024 21:42\nTriage RN: <PERSON_4>, RN\n"
            "21:58  Seen by ED physician <PERSON_3>, MD.\n"
            "Impression: hypoglycemia; left distal radius fracture\n\n"
            "PROGRESS NOTE \u2014 Hospital Day 2 \u2014 07/19/2024\n"
            "A: distal radius fracture, splinted\nP: discharge tomorrow\n\n"
            "CALDER VALLEY ORTHOPAEDICS - SHOULDER AND ELBOW CLINIC\n"
            "Consultant: <PERSON_14>, FRCS\nClinic date: 09/10/2024\n"
            "Plan: cast off in two weeks\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-07-17", "2024-07-19", "2024-09-10"]
    assert rows[0]["provider"] == "<PERSON_3>"  # the physician, not the triage nurse
    assert rows[1]["visit"].lower().startswith("progress note")
    assert rows[2]["provider"].startswith("<PERSON_14>") and "cast off" in rows[2]["plan"]
    assert rows[2]["facility"].startswith("CALDER VALLEY ORTHOPAEDICS")


def test_iso_times_and_military_dates_are_dates_of_service():
    text = ("Encounter Date/Time: 2024-01-22T21:47\nAssessment & Plan: ankle fracture; splint\n\n"
            "Encounter Date: 22FEB2024 0910     Clinic: FAMILY MEDICINE\n"
            "A: Aftercare, tibial plateau fracture\nP: Physical therapy\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    rows = [r for r in draft.rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-01-22", "2024-02-22"]
    assert "Physical therapy" in rows[1]["plan"]


def test_a_discharge_letter_files_its_stay_under_admission_and_its_discharge_sections_apart():
    text = ("KLINIKUM WESTRICH - KLINIK FUER UNFALLCHIRURGIE\n"
            "Admission: 14.02.2024, via the emergency department\nDischarge: 17.02.2024\n\n"
            "Diagnoses:\n  - Lateral tibial plateau fracture, left\n\n"
            "Procedure at discharge / recommendations:\n  - Enoxaparin 40 mg daily for 6 weeks\n"
            "Dr. med. <PERSON_1>, Senior Physician\n\n"
            "Admission date: 03.03.2024\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    by_date = {r["date"]: r for r in draft.rows if not r.get("gap")}
    admission, discharge = by_date["2024-02-14"], by_date["2024-02-17"]
    assert "tibial plateau fracture" in admission["diagnoses"]
    assert "Enoxaparin" in discharge["plan"] and "Enoxaparin" not in admission["plan"]
    assert admission["facility"] == discharge["facility"] == (
        "KLINIKUM WESTRICH - KLINIK FUER UNFALLCHIRURGIE")


def test_a_records_review_table_with_row_labels_gives_one_visit_per_row():
    text = ("RECORDS REVIEWED (dates day/month/year)\n"
            "Rec | Date       | Source / author      | Summary\n"
            "----+------------+----------------------+---------------------------\n"
            "R1  | 13/09/2023 | General Hospital ED  | Crush injury L foot. Pain\n"
            "    |            | Dr. <PERSON_1>       | 9/10. Dx: metatarsal fracture.\n"
            "----+------------+----------------------+---------------------------\n"
            "R2  | 18/09/2023 | Fracture Clinic      | Plan: open reduction and\n"
            "    |            |                      | internal fixation.\n"
            "Date of examination: 5-Apr-24\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    rows = [r for r in draft.rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2023-09-13", "2023-09-18", "2024-04-05"]
    assert "metatarsal fracture" in " ".join(str(v) for v in rows[0].values())
    assert rows[0]["provider"] == "Dr. <PERSON_1>"
    assert rows[0]["facility"] == "General Hospital ED"


def test_a_letterhead_banner_with_the_visit_and_its_date_starts_a_visit():
    """A subpoenaed file's banners ("FACILITY - Follow-up - 8 May 2024   BATES") and labels
    such as "Arrival Date/Time:" or "Date of first examination or treatment" are visits."""
    text = ("HARBOR COUNTY MEDICAL CENTER - EMERGENCY DEPARTMENT RECORD        MED 0001\n"
            "Arrival Date/Time: 03/11/2024 10:08      Mode: ambulance\n"
            "Assessment: fracture of the right calcaneus\n\n"
            "STATE FORM - DOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY        MED 0004\n"
            " 4. Date of injury: 03/11/2024\n"
            " 7. Date of first examination or treatment (this office): 03/13/2024\n"
            "Diagnosis: calcaneus fracture\n\n"
            "ALDER ORTHOPAEDIC ASSOCIATES - Post-operative visit - 4 April 2024      MED 0010\n"
            "Sutures removed. Plan: non-weight-bearing 4 more weeks\n\n"
            "ALDER ORTHOPAEDIC ASSOCIATES - Follow-up - 8 May 2024                  MED 0013\n"
            "Plan: start physical therapy\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-03-11", "2024-03-13", "2024-04-04", "2024-05-08"]
    assert "start physical therapy" in rows[-1]["plan"]


def test_dates_in_words_and_with_a_short_year_are_visits_and_a_missed_visit_is_not():
    text = ("INITIAL CONSULTATION\nDate of examination: Thursday, the fourteenth of March, 2024\n"
            "Assessment: cervical sprain\nPlan: manipulation 3x/week\n\n"
            "SCHEDULING NOTES\n4/8/24   Pt cancelled - child ill.\n"
            "4/15/24  NO SHOW. Voicemail left.\n\n"
            "RE-EXAMINATION\nRe-examination: May 14th '24        Doctor: A. Okafor, D.C.\n"
            "Assessment: cervical sprain, improving\nPlan: home exercise\n")
    draft = MedicalChronology().draft(medical_input(text))[0]
    rows = [r for r in draft.rows if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-03-14", "2024-05-14"]
    assert "home exercise" in rows[1]["plan"]


def test_session_dates_and_a_chart_key_to_the_providers_initials():
    """A therapy record dates its notes "Session date:"; a dental chart signs with initials its
    header explains ("Providers: TK = Dr. <PERSON_2>, DDS  RH = <PERSON_3>, RDH")."""
    text = ("Providers: TK = Dr. <PERSON_2>, DDS     RH = <PERSON_3>, RDH\n\n"
            "PSYCHOTHERAPY SESSION 2 (CPT 90837)\nSession date: Aug. 22nd, 2023   In person\n"
            "Assessment: PTSD, improving\nPlan: weekly sessions\n\n"
            "| Date       | Provider | Treatment                         |\n"
            "| 09/06/2023 | TK       | splint removed; tooth 21 tender   |\n"
            "| 09/20/2023 | TK / RH  | cleaning; splint site healed      |\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2023-08-22", "2023-09-06", "2023-09-20"]
    assert rows[1]["provider"] == "Dr. <PERSON_2>, DDS"
    assert rows[2]["provider"] == "Dr. <PERSON_2>, DDS / <PERSON_3>, RDH"


def test_a_grid_with_one_column_per_visit_fills_each_visit_from_its_column():
    """A chiropractic daily grid: dates across the top, one row per item, a wrapped cell on the
    next line, the provider written as initials the grid's key explains."""
    text = ("Provider key: AOP = <PERSON_2>, D.C.   MT = <PERSON_3>, D.C.\n"
            "+-----------------+--------------+--------------+--------------+\n"
            "| Date            | 3/18/24      | 3/21/24      | 3/25/24      |\n"
            "| Provider        | AOP          | MT           | AOP          |\n"
            "| Neck pain       | 7/10         | 6/10         | 6/10         |\n"
            "| Response / plan | tol. well    | tol. well    | monitor hand |\n"
            "|                 |              |              | symptoms     |\n"
            "+-----------------+--------------+--------------+--------------+\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-03-18", "2024-03-21", "2024-03-25"]
    assert [r["provider"] for r in rows] == ["<PERSON_2>, D.C.", "<PERSON_3>, D.C.",
                                             "<PERSON_2>, D.C."]
    assert rows[2]["plan"] == "monitor hand symptoms"
    assert rows[1]["pain"] == "6/10" and "7/10" not in str(rows[1])


def test_a_payment_on_the_ledger_is_no_visit():
    text = ("Date of Service: 03/03/2023\nAssessment: avulsed tooth\nPlan: replant, splint\n\n"
            "PATIENT LEDGER\n  2023-03-03  32222   Replantation of avulsed tooth   420.00\n"
            "  2023-04-03  -----   Insurer payment (Harbour Life)     -612.00\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2023-03-03"]


def test_an_inpatient_stay_dated_by_month_and_day_under_the_year_of_its_notes():
    text = ("CLINIC NOTE\nDate of Service: Tue 26 Nov 2024\nAssessment: RA flare\n\n"
            "INPATIENT RECORD - 2024\nEMERGENCY DEPARTMENT RECORD\n"
            "Arrival: 12/01 1432  (private vehicle)\nAssessment: mucositis, neutropenia\n\n"
            "HD#2 (12/02) PROGRESS NOTE - Hospital Medicine\nA: neutropenic fever\n"
            "P: continue leucovorin\n\n"
            "[1] XR CHEST 2 VIEWS\n    Exam date:  Tue 3 Dec 2024  10:18\n"
            "    Interpreted by: <PERSON_4>, MD     Signed: 03Dec24 10:41\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-11-26", "2024-12-01", "2024-12-02", "2024-12-03"]
    assert rows[-1]["provider"] == "<PERSON_4>, MD"


def test_dates_written_year_first_with_slashes_are_dates_of_service():
    text = ("CHILDREN'S EMERGENCY DEPARTMENT - PHYSICIAN RECORD\nDate of Service: 2024/06/08\n"
            "Assessment: distal radius fracture\nPlan: sugar-tong splint\n\n"
            "FRACTURE CLINIC\nDate of Service: 2024/06/14\nPlan: long-arm cast\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-06-08", "2024-06-14"]


def test_an_office_visit_after_a_report_filed_from_elsewhere_keeps_the_practice():
    text = ("NORTHGATE ORTHOPAEDIC & SPORTS MEDICINE, P.C.\n\n"
            "OFFICE VISIT - NEW PATIENT\nDate of Service: 08/20/2024\nAssessment: knee sprain\n\n"
            "NORTHGATE IMAGING CENTER\nMRI LEFT KNEE\nExam date: 08/29/2024\n"
            "Impression: medial meniscus tear\n\n"
            "OFFICE VISIT - FOLLOW-UP\nDate of Service: 09/05/2024\nAssessment: meniscus tear\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["facility"] for r in rows] == ["NORTHGATE ORTHOPAEDIC & SPORTS MEDICINE, P.C.",
                                             "NORTHGATE IMAGING CENTER",
                                             "NORTHGATE ORTHOPAEDIC & SPORTS MEDICINE, P.C."]


def test_a_practice_named_like_a_section_opens_its_own_letterhead_and_fax_lines_are_no_visits():
    text = ("01/22/2025 14:03 FAX 5550134   ST ANSELM HIM DEPT            @001/004\n"
            "ST. ANSELM REGIONAL MEDICAL CENTER\nDISCHARGE SUMMARY\n"
            "Date of Service: 10/18/2024\nDiagnosis: pelvic fractures\n"
            "Follow-up: outpatient physical therapy referral placed.\nRIVERBEND 000001\n\n"
            "01/22/2025 14:04 FAX 5550134   ST ANSELM HIM DEPT            @002/004\n"
            "HARBOR POINT PHYSICAL THERAPY\n77 Wharf Street, Port Carrow, GA 31520\n"
            "PHYSICAL THERAPY INITIAL EVALUATION\nDate of Service: November 25, 2024\n"
            "Assessment: gait deficits after pelvic fractures\n\n"
            "DAILY NOTE\nDate of Service: December 2, 2024\nP: Continue plan of care.\n"
            "Printed 03/04/2025 - Page 2 of 2\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-10-18", "2024-11-25", "2024-12-02"]
    assert [r["facility"] for r in rows] == ["ST. ANSELM REGIONAL MEDICAL CENTER",
                                             "HARBOR POINT PHYSICAL THERAPY",
                                             "HARBOR POINT PHYSICAL THERAPY"]
    assert not any("RIVERBEND" in str(r) or "FAX" in str(r) for r in rows)


def test_an_ehr_print_gives_each_encounter_line_its_department_and_drops_its_page_banner():
    banner = ("Lakeside Health - Chart Print                         QUINTANAR, MARISOL D\n"
              "                                  MRN: 40028817   DOB: 5/9/1972   Sex: F\n")
    text = (banner +
            "Orders Only    2/7/2025    Lakeside Family Medicine    Provider: <PERSON_1>, MD\n"
            "  Diagnoses: Adjustment disorder with anxiety\n\n"
            "Patient Message    2/6/2025    Lakeside Family Medicine    Provider: <PERSON_2>, RN\n"
            "  Reply: decrease sertraline to 25 mg daily.\n"
            "Printed by JSMITH on 03/02/2025 10:14 AM                           Page 1 of 2\n\n"
            + banner +
            "Office Visit    1/14/2025    Lakeside Family Medicine    Provider: <PERSON_1>, MD\n"
            "  Assessment & Plan: anxiety; start sertraline 50 mg daily.\n"
            "Printed by JSMITH on 03/02/2025 10:14 AM                           Page 2 of 2\n"
            + banner)
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2025-01-14", "2025-02-06", "2025-02-07"]
    assert {r["facility"] for r in rows} == {"Lakeside Family Medicine"}
    assert not any("Chart Print" in str(r) or "MRN" in str(r) for r in rows)


def test_a_flowsheet_row_takes_its_therapist_from_the_key_and_a_review_letter_is_no_visit():
    text = ("RIVERBEND PHYSICAL THERAPY - DAILY NOTE FLOWSHEET\n"
            "Patient: <PERSON_1>    Therapists: MB = <PERSON_2>, PT, DPT\n"
            "                                   JT = <PERSON_3>, PTA\n"
            "Date      Visit Ther Pain   Interventions                  Response / notes\n"
            "9/11/24     2   MB   5/10   Ther ex, balance board, ice    Tolerated well\n"
            "9/16/24     3   JT   5/10   Ther ex, BAPS board, ice       Sore after\n\n"
            "KEYSTONE UTILIZATION REVIEW SERVICES, INC.\n"
            "NOTICE OF ADVERSE DETERMINATION              Date: October 27, 2024\n"
            "Determination: NOT CERTIFIED.\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [(r["date"], r["provider"]) for r in rows] == [("2024-09-11", "<PERSON_2>, PT"),
                                                         ("2024-09-16", "<PERSON_3>, PTA")]
    assert rows[0]["facility"] == "RIVERBEND PHYSICAL THERAPY"


def test_an_ocr_scan_reads_letters_for_digits_in_dates_and_zeros_in_a_letterhead():
    text = ("CEDRO VALLEY FIRE DISTRICT ~ EMS PATIENT CARE REPORT          Page l of 2\n"
            "Incident Date: 02/ll/2025      Incident #: 25-004417\n"
            "NARRATIVE: struck by falling boxes; pain 9/10.\n\n"
            "VALLE CEDR0 C0MMUNITY H0SPITAL - EMERGENCY DEPARTMENT REC0RD      Pg 1 of 2\n"
            "Date of Service: Feb 1l, 2025     Arrival: 22:18\n"
            "Impression: shoulder contusion\n\n"
            "SIERRA VISTA ORTHOPAEDIC GROUP - FOLLOW-UP\n"
            "Visit date: l2-MAR-2025\nAssessment: rotator cuff strain\n"
            "Next visit 04/24/2O25\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2025-02-11", "2025-02-11", "2025-03-12"]
    assert rows[1]["facility"].startswith("VALLE CEDRO COMMUNITY HOSPITAL")


def test_a_nursing_home_s_order_sheet_is_no_visit_and_each_shift_note_is_one():
    text = ("SECTION 3 - PHYSICIAN ORDER SHEET\n"
            "Date / time       Order                                             Given by\n"
            "03/14/2025 2310   Send to ED for evaluation of L hip pain.          J. Marsh, RN\n\n"
            "SECTION 4 - NURSING PROGRESS NOTES\n"
            "03/14/2025 0610  LPN  <PERSON_1>  (Night)\n"
            "  Slept well. Pain 0/10.\n\n"
            "03/14/2025 2245  RN  <PERSON_2>  (Evening)\n"
            "  Found on floor beside bed; unwitnessed fall. Sent to ED.\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [(r["date"], r["provider"]) for r in rows] == [("2025-03-14", "<PERSON_1>, LPN"),
                                                         ("2025-03-14", "<PERSON_2>, RN")]


def test_a_second_author_the_same_day_is_a_visit_of_its_own():
    text = ("FAIRHOLLOW SPINE & REHABILITATION, P.C.\n\n"
            "Fri 3/14/25   <PERSON_1>, DC   Visit 5\nS: Neck 5/10.\nP: CMT C/L, e-stim, ice.\n\n"
            "Fri 3/14/25   <PERSON_2>, DPT   PT Visit 2\nS: LB 5/10 after a long shift.\n"
            "P: Progress core stabilization.\n\n"
            "Accession: XR-25-0044812          Exam Date/Time: 03/21/2025 09:20\n"
            "Impression: straightening of the cervical lordosis.\n")
    rows = [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [(r["date"], r["provider"]) for r in rows] == [
        ("2025-03-14", "<PERSON_1>, DC"), ("2025-03-14", "<PERSON_2>, DPT"), ("2025-03-21", "")]


def visits(text: str) -> list[dict]:
    return [r for r in MedicalChronology().draft(medical_input(text))[0].rows
            if not r.get("gap")]


def test_a_chart_s_contents_problem_list_and_dispensing_history_give_no_visits():
    text = ("CHART CONTENTS (all entries 03/11/2025 - 07/21/2025)\n"
            "  03/11/2025  Comprehensive Diagnostic Assessment (90791)      N. Ferreira, LPC\n"
            "  03/18/2025  Progress Note - Session 1 (90837)                N. Ferreira, LPC\n\n"
            "Active problems\n  09-Mar-2024   Fracture of head of radius - left (closed)\n\n"
            "Immunizations\n  Tdap                                4/2/2019     Lakeside Family Medicine\n\n"
            "ENCOUNTERS  8/1/2024 - 3/2/2025  (sorted newest first)\n\n"
            "PROGRESS NOTE (DAP) - Individual Psychotherapy - Session 1\n"
            "Date of Service: 03/18/2025  Tue  10:00 AM\nClinician: <PERSON_1>, MA, LPC\n"
            "A: Symptoms consistent with PTSD.\n\n"
            "Fill Date  Rx#       Drug / Strength                 Qty  Prescriber\n"
            "06/04/24   6610245   Naproxen 500 mg tab              60  Solberg\n"
            "07/02/24   6611802   Diclofenac 1% gel 100 g           1  Solberg\n")
    rows = visits(text)
    assert [r["date"] for r in rows] == ["2025-03-18"]
    assert rows[0]["provider"].startswith("<PERSON_1>, MA")


def test_a_gp_record_s_consultations_give_their_kind_author_and_fit_note():
    text = ("CONSULTATIONS (oldest first)\n"
            "-----------------------------------------------------------------------------\n"
            "22-Jan-2024 09:10   Surgery consultation   Dr Imogen PASCOE (GP Partner)\n"
            "  History:      Annual thyroid review. Feels well.\n"
            "  Problem:      Hypothyroidism (Review)\n"
            "  Fit note:     Not fit for work from 09/03/2024 to 04/04/2024 (Med3 issued)\n"
            "  Plan:         Continue levothyroxine 75 micrograms.\n"
            "-----------------------------------------------------------------------------\n"
            "26-Mar-2024 14:10   Document   Administration - Mrs J. PIKE (Medical Secretary)\n"
            "  Letter received: Fracture Clinic, clinic 20/03/2024.\n"
            "-----------------------------------------------------------------------------\n"
            "KESTREL ROYAL INFIRMARY - EMERGENCY DEPARTMENT\n"
            "Attendance date: 09/03/2024     Arrival: 18:52\nClinician:      Dr Hamish Okafor\n")
    doc = medical_input(text)
    rows = [r for r in MedicalChronology(date_order="DMY").draft(doc)[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-01-22", "2024-03-09"]
    gp = rows[0]
    assert (gp["visit"], gp["provider"]) == ("Surgery consultation", "Dr Imogen PASCOE")
    assert "Hypothyroidism" in gp["diagnoses"] and "Not fit for work" in gp["work_status"]


def test_a_date_inside_a_sentence_or_a_booking_is_no_visit_and_a_clerk_s_entry_neither():
    text = ("OFFICE VISIT     04/29/2025     <PERSON_1>, MD\n"
            "Secondary: Opioid-induced acute hypercapnic respiratory failure\n"
            "03/12/2025 requiring intubation (extubated 03/14/2025).\n"
            "Presenting problem: nightmares since dog bite\n"
            "04/26/2025. No prior mental-health treatment.\n\n"
            "REFERRAL STATUS     05/28/2025     (front desk)\n"
            "Counseling called - intake scheduled\n"
            "06/10/2025 3:30 PM. Mother notified.\n")
    assert [r["date"] for r in visits(text)] == ["2025-04-29"]


def test_a_discharge_summary_files_its_sections_under_the_discharge_not_the_banner():
    text = ("Account: 7720-118836     Admit: 03/11/2025     Discharge: 03/24/2025\n\n"
            "OPERATIVE REPORT\nDate of surgery: 03/11/2025\nProcedure: sigmoid colectomy\n\n"
            "DISCHARGE SUMMARY\n"
            "Admission Date: 03/11/2025        Discharge Date: 03/24/2025\n"
            "Principal diagnosis: Recurrent sigmoid diverticulitis.\n"
            "Discharge to: Brookhollow Care & Rehabilitation Center (SNF).\n")
    rows = visits(text)
    discharge = [r for r in rows if r["date"] == "2025-03-24"]
    assert len(discharge) == 1 and "diverticulitis" in discharge[0]["diagnoses"]


def test_same_day_notes_under_their_own_titles_stay_apart_and_a_slip_stays_in_its_visit():
    text = ("Document: ED Physician Record                               Status: Signed\n"
            "Date of Service: 06/14/25 1758         Author: Ostrowski,Paulina MD\n"
            "HPI: pedestrian struck by a reversing SUV.\n\n"
            "Document: History & Physical - Hospitalist                  Status: Signed\n"
            "Date of Service: 06/14/25 2240         Author: Solano,Reuben MD\n"
            "CC: R knee and rib pain.\n\n"
            "OPERATIVE REPORT - ST. ALDRIC REGIONAL MEDICAL CENTER, MAIN OR, SUITE 4\n"
            "Date of Surgery: 06/14/2025\nSurgeon: Tobias R. Grell, MD\n"
            "NICU TRANSFER NOTE   Date/Time: 06/14/2025 04:05\nHistory: term female.\n\n"
            "VISIT 06/20/2025   Follow-up\nPlan: PT.\n"
            "  WORK STATUS REPORT                                    Date: 06/20/2025\n"
            "  Status: Modified duty\n")
    rows = visits(text)
    assert [r["date"] for r in rows] == ["2025-06-14"] * 4 + ["2025-06-20"]


def test_a_visit_table_row_restated_by_its_note_and_an_admission_with_its_own_note_count_once():
    text = ("PRENATAL FLOWSHEET\n"
            "Date        GA      BP      Wt(lb)  FHR  Prov  Comment\n"
            "08/02/24    10w2d   112/70  204.6   --   JMH   New OB - see note\n"
            "09/03/24    14w6d   110/68  206.0   152  RP    NIPT drawn; nausea improved\n\n"
            "NEW OB VISIT   08/02/2024   <PERSON_1>, CNM\nAssessment: IUP at 10w2d.\n\n"
            "L&D ADMISSION H&P   03/07/2025 18:40   <PERSON_2>, MD\nPlan: admit to L&D.\n\n"
            "DISCHARGE SUMMARY\n"
            "Admission Date: 03/07/2025   Discharge Date: 03/10/2025\n"
            "Diagnoses: IUP delivered at 39w1d.\n")
    rows = [r for r in MedicalChronology(date_order="MDY").draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [r["date"] for r in rows] == ["2024-08-02", "2024-09-03", "2025-03-07", "2025-03-10"]


def test_a_gp_log_names_its_author_in_brackets_and_an_ocr_date_and_a_cover_date_are_read_right():
    text = ("Bellamy v. Harlan Urgent Care    Produced to: Whitlock Ames LLP    Date: 02/07/2025\n"
            "PROGRESS NOTES\n"
            "Date: 27/02/2024 09:10   Dr A. Nguyen (MBBS, FRACGP)\n"
            "Reason for contact: Injury\n\n"
            "Date: 27/02/2024 09:45   T. Halloran (RN, Practice Nurse)\n"
            "Reason for contact: Wound care\n\n"
            "CARDIOLOGY OFFICE VISIT\nDATE OF VISIT: ll/l2/2O24      Gideon Farrow, MD\n")
    rows = [r for r in MedicalChronology(date_order="DMY").draft(medical_input(text))[0].rows
            if not r.get("gap")]
    assert [(r["date"], r["provider"]) for r in rows] == [
        ("2024-02-27", "Dr A. Nguyen"), ("2024-02-27", "T. Halloran, RN"),
        ("2024-12-11", "Gideon Farrow, MD")]


def test_an_ehr_s_refill_entries_are_no_visits_and_sign_information_names_the_author():
    text = ("ENCOUNTER SUMMARY\nEncounter Date: 11/20/2024\nEncounter Type: Refill\n"
            "Provider: <PERSON_1>, MD\nRefill request from the pharmacy: levothyroxine.\n\n"
            "ENCOUNTER SUMMARY\nEncounter Date: 12/05/2024\n"
            "Encounter Type: Patient Portal Message (MyChart) - Administrative\n"
            "Message: address change.\n\n"
            "Document Type:      History and Physical\n"
            "Service Date/Time:  12/14/2024 08:30 EDT\n"
            "Document Subject:   Trauma Surgery Admission H&P\n"
            "Sign Information:   <PERSON_2> MD (PGY-4) (12/14/2024 10:02 EDT)\n"
            "Assessment: splenic laceration.\n")
    rows = visits(text)
    assert [(r["date"], r["provider"], r["visit"]) for r in rows] == [
        ("2024-12-14", "<PERSON_2> MD", "Trauma Surgery Admission H&P")]


def _visits(text: str) -> list[dict]:
    return [r for r in MedicalChronology().draft(medical_input(text))[0].rows if not r.get("gap")]


def test_a_hospital_print_files_an_outside_note_under_its_writer_and_the_rest_under_itself():
    header = "ST. ALDRIC REGIONAL MEDICAL CENTER - LEGAL MEDICAL RECORD    Page {} of 2\n"
    rule = "=" * 60 + "\n"
    text = (header.format(1) + rule +
            "FALLOWMERE SURGICAL ASSOCIATES, PSC - HISTORY AND PHYSICAL (PRE-ADMISSION)\n"
            "Date of service: 03/04/2025    Provider: <PERSON_2>, MD\n"
            "Location: FSA Clinic, 2 Medical Park Drive, Fallowmere KY\n"
            "Plan: Laparoscopic sigmoid colectomy 03/11/2025.\n" + rule +
            "ANESTHESIA PRE-OPERATIVE EVALUATION - PRE-OP HOLDING\n"
            "Date: 03/11/2025   Time: 06:40   Anesthesiologist: <PERSON_6>, MD\n"
            "Plan: GETA.\n\n" + header.format(2) + rule +
            "OPERATIVE REPORT - NORTHGATE SURGERY CENTER, OR 2\n"
            "Date of Surgery: 03/18/2025\nSurgeon: <PERSON_2>, MD\n"
            "POST-OPERATIVE VISIT\nDate of visit: 03/25/2025   Provider: <PERSON_2>, MD\n"
            "Plan: Staples out.\n" + rule + header.format(2))
    rows = _visits(text)
    assert [r["date"] for r in rows] == ["2025-03-04", "2025-03-11", "2025-03-18", "2025-03-25"]
    assert [r["facility"] for r in rows] == [
        "FALLOWMERE SURGICAL ASSOCIATES, PSC (FSA Clinic)",
        "ST. ALDRIC REGIONAL MEDICAL CENTER", "NORTHGATE SURGERY CENTER",
        "ST. ALDRIC REGIONAL MEDICAL CENTER"]


def test_a_therapy_log_newest_first_gives_each_visit_its_kind_and_author():
    text = ("MILLRACE PHYSICAL THERAPY\nCLINICAL DOCUMENTS - ALL NOTES, NEWEST FIRST\n\n"
            "=== 08/29/2024 (Thu) | DISCHARGE SUMMARY | Episode 2, Visit 19 | <PERSON_3> ===\n"
            "S: Pain 1/10.\nP: Discharged to home exercise program.\n\n"
            "=== 08/26/2024 (Mon) | DAILY NOTE | Episode 2, Visit 18 | <PERSON_4> ===\n"
            "S: Pain 1/10.\nP: Discharge visit Thursday.\n\n"
            "CLEARY STREET PHYSIOTHERAPY - TREATMENT NOTES\n"
            "14.03.24  Initial assessment   Fergus Lindqvist (APAM, Physiotherapist)\n"
            "  S: Neck pain since 24.02.24.\n\n"
            "21.03.24  Treatment   F. Lindqvist\n  P: Continue.\n")
    rows = _visits(text)
    assert [(r["date"], r["visit"], r["provider"]) for r in rows] == [
        ("2024-03-14", "Initial assessment", "Fergus Lindqvist"),
        ("2024-03-21", "Treatment", "F. Lindqvist"),
        ("2024-08-26", "Daily note", "<PERSON_4>"),
        ("2024-08-29", "Discharge summary", "<PERSON_3>")]


def test_a_faxed_chart_drops_its_fax_lines_cover_sheet_forms_and_scheduling():
    fax = "Oct 15 2024 10:4{}AM   TRI-COUNTY 0RTHO & SPORTS MED   555-0140        P. {}/3\n"
    banner = "TRI-C0UNTY 0RTH0PAEDIC & SP0RTS MEDlClNE   Pt: <PERSON_1>   DOB <DATE_OF_BIRTH_1>\n"
    text = (fax.format(1, 1) + "F A X   C O V E R   S H E E T\n"
            "Date: 10/15/2024                         Pages (including cover): 3\n\n"
            + fax.format(2, 2) + banner +
            "NEW PATIENT CONSULTATION\nDate of visit: 03/26/2024   Provider: <PERSON_4>, MD\n"
            "Plan: MRI right knee.\n\n"
            "PATIENT INTAKE QUESTIONNAIRE   03/26/2024\n  Prior knee problems?  [X] No\n\n"
            "OUTSIDE REPORT - FERNHILL DIAGNOSTIC IMAGING, 9 Mill Road, Wexley, PA\n"
            "MRI RIGHT KNEE WITHOUT CONTRAST\nExam date: 04/02/2024  18:05\n"
            "Impression: Complex medial meniscus tear.\n\n"
            + fax.format(3, 3) + banner +
            "FOLLOW-UP VISIT\nDate of visit: 05/2l/2024   Provider: <PERSON_4>, MD\n"
            "Plan: Arthroscopy.\n"
            "SURGICAL SCHEDULING (front office)   05/23/2024   T. Brauer\n")
    rows = _visits(text)
    assert [r["date"] for r in rows] == ["2024-03-26", "2024-04-02", "2024-05-21"]
    assert [r["facility"] for r in rows] == [
        "TRI-COUNTY ORTHOPAEDIC & SPORTS MEDICINE", "FERNHILL DIAGNOSTIC IMAGING",
        "TRI-COUNTY ORTHOPAEDIC & SPORTS MEDICINE"]


def test_a_compilation_s_marked_sources_are_letterheads():
    text = ("(A) KLINIKUM WESTRICH - KLINIK FUER UNFALLCHIRURGIE\n"
            "OP-Bericht   Datum: 15.02.2024\nOperateur: Dr. med. <PERSON_3>\n\n"
            "(B) HALLERBERG ARMY HEALTH CLINIC - OUTPATIENT RECORD (AHLTA PRINT)\n"
            "Encounter Date: 22FEB2024 0930     Clinic: FAMILY MEDICINE\n"
            "A: Tibial plateau fracture, post ORIF.\n\n"
            "(C) RADIOLOGIE AM SCHLOSSBERG - Dr. med. <PERSON_15> and colleagues\n"
            "MRI LEFT KNEE without contrast        Examination date: 16.05.2024\n"
            "Impression: Medial meniscus tear.\n\n"
            "(B, continued) HALLERBERG ARMY HEALTH CLINIC\n"
            "Encounter Date: 30MAY2024 1115     Clinic: ORTHOPAEDICS (VISITING)\n")
    assert [r["facility"] for r in _visits(text)][-3:] == [
        "HALLERBERG ARMY HEALTH CLINIC (FAMILY MEDICINE)", "RADIOLOGIE AM SCHLOSSBERG",
        "HALLERBERG ARMY HEALTH CLINIC (ORTHOPAEDICS)"]


def test_a_primary_care_print_reads_two_digit_years_calls_and_annual_exams():
    text = ("QUARRY BEND FAMILY MEDICINE\n\n"
            "OFFICE VISIT  |  3 Mar 2022 (Thu) 10:20  |  Seen by: <PERSON_1>, DO\n"
            "ASSESSMENT: Knee pain. Started naproxen 12 May 20 mg.\n\n"
            "TELEPHONE ENCOUNTER  |  11 Apr 22 09:40  |  Taken by: <PERSON_3>, RN\n"
            "Patient called about her knee; 80% better.\n\n"
            "ANNUAL PREVENTIVE EXAM  |  27 Feb 2023 (Mon) 08:30  |  Seen by: <PERSON_1>\n"
            "PLAN: Labs.\n\n"
            "POST-VISIT FOLLOW-UP CALL\nCall date: 03/11/2024  10:35      Staff: <PERSON_8>, RN\n"
            "Patient reports wrist pain 6/10.\n\n"
            "RADIOLOGY REPORT                         Summit Teleradiology Partners, LLC\n"
            "Exam date: 03/19/2024 17:32\nImpression: No fracture.\n")
    rows = _visits(text)
    assert [(r["date"], r["visit"]) for r in rows] == [
        ("2022-03-03", "Office visit"), ("2022-04-11", "Telephone encounter"),
        ("2023-02-27", "Annual preventive exam"), ("2024-03-11", "Telephone call"),
        ("2024-03-19", "Radiology report")]
    assert rows[-1]["facility"] == "Summit Teleradiology Partners"


def test_a_nursing_home_print_reads_effective_dates_and_note_types_and_skips_its_index():
    text = ("BRIAR GLEN HEALTH AND REHABILITATION CENTER\n\n"
            "ASSESSMENT HISTORY (index only - assessment forms are not part of this print)\n"
            "  Date         Assessment                  Status\n"
            "  2023-11-03   Weekly Skin Check (LN)      Completed\n"
            "  2023-11-20   Braden Scale                Completed (score 13)\n\n"
            "PROGRESS NOTES (oldest first)\n" + "=" * 40 + "\n"
            "Effective Date: 2023-10-24 10:15   Type: Physician/NP Visit - Routine (60 day)\n"
            "Author: <PERSON_3>   Created: 2023-10-24 12:48\n"
            "Plan: weekly weights x 4.\n" + "=" * 40 + "\n"
            "Effective Date: 2023-12-14 23:50   Type: Nursing - Shift Note (Nights)\n"
            "Author: <PERSON_7>\nNew open area on sacrum 2 x 1.5 cm.\n")
    rows = _visits(text)
    assert [(r["date"], r["visit"], r["provider"]) for r in rows] == [
        ("2023-10-24", "Physician/NP Visit - Routine (60 day)", "<PERSON_3>"),
        ("2023-12-14", "Nursing - Shift Note (Nights)", "<PERSON_7>")]


def test_a_hospital_abstract_print_reads_dot_leader_labels_and_keeps_one_row_per_note():
    text = ("PELL HARBOR REGIONAL MEDICAL CENTER\n"
            "PATIENT.......: <PERSON_1>            MRN...: 00-7741-093\n"
            "ADMIT DATE....: 01/06/2024 0448 (via ED)        DISCHARGE DATE: 01/11/2024 1520\n"
            "ATTENDING.....: <PERSON_2>     PRINTED: 06/20/2024\n\n" + "=" * 60 + "\n"
            "DOC TYPE......: ED PROVIDER NOTE\nDATE/TIME.....: 01/06/2024 0458\n"
            "AUTHOR........: <PERSON_5>\nED IMPRESSION: Closed fracture of left femoral neck.\n\n"
            + "=" * 60 + "\n"
            "DOC TYPE......: HISTORY AND PHYSICAL\nDATE/TIME.....: 01/06/2024 0915\n"
            "AUTHOR........: <PERSON_8>\nASSESSMENT: Left hip fracture.\n\n" + "=" * 60 + "\n"
            "DOC TYPE......: RADIOLOGY REPORT - CT HEAD\nDATE/TIME.....: 01/06/2024 0544\n"
            "AUTHOR........: <PERSON_7>\nIMPRESSION: No acute abnormality.\n\n" + "=" * 60 + "\n"
            "DOC TYPE......: DISCHARGE SUMMARY\nDATE/TIME.....: 01/11/2024 1350\n"
            "AUTHOR........: <PERSON_2>\n"
            "Admit Date: 01/06/2024          Discharge Date: 01/11/2024\n"
            "DISCHARGE DIAGNOSES: Displaced left femoral neck fracture.\n")
    rows = _visits(text)
    assert [(r["date"], r["visit"], r["provider"]) for r in rows] == [
        ("2024-01-06", "Ed provider note", "<PERSON_5>"),
        ("2024-01-06", "History and physical", "<PERSON_8>"),
        ("2024-01-06", "Radiology report - ct head", "<PERSON_7>"),
        ("2024-01-11", "Discharge summary", "<PERSON_2>")]


def test_a_hospice_chart_s_month_day_dates_take_the_year_of_the_notes_before():
    text = ("TAMARACK HOSPICE\n"
            "[SN] ADMISSION / INITIAL COMPREHENSIVE ASSESSMENT   Date: 04/22/2024   Time 13:00\n"
            "Plan: SN 2 x weekly.\n\n"
            "[MSW] PSYCHOSOCIAL ASSESSMENT        Date: 4/23   Time 10:00-11:05\n"
            "Plan: MSW visits weekly.\n\n"
            "[MD] HOSPICE PHYSICIAN VISIT         Date: 5/2   Time 16:15-16:50\n"
            "Plan: acetaminophen PR PRN fever.\n")
    assert [r["date"] for r in _visits(text)] == ["2024-04-22", "2024-04-23", "2024-05-02"]


def test_an_ehr_chart_review_gives_each_note_its_author_and_department_not_its_index_rows():
    text = ("CHART REVIEW - ENCOUNTERS      <PERSON_1>    MRN <MRN_1>\n"
            "Date        Type                 Department                  Provider / Description\n"
            "----------  -------------------  --------------------------  ---------------------\n"
            "3/4/2024    ED                   CFCH EMERGENCY DEPT         <PERSON_2>\n"
            "3/4/2024    Hospital Encounter   KVMC BURN CENTER 4 WEST     <PERSON_3>\n"
            "3/26/2024   Billing Encounter    KVMC PATIENT FIN SERVICES   Charge correction\n"
            + "=" * 60 + "\n\n"
            "3/4/2024 - ED in CFCH EMERGENCY DEPT\n" + "-" * 60 + "\n"
            "ED Provider Notes by <PERSON_2>, MD at 3/4/2024 11:31 AM\n"
            "Assessment: Chemical burn R forearm.\nPlan: Transfer to burn center.\n"
            "Electronically signed by <PERSON_2>, MD on 3/4/2024 4:52 PM\n\n"
            "3/4/2024 - Admission (Discharged) in KVMC BURN CENTER 4 WEST\n" + "-" * 60 + "\n"
            "H&P by <PERSON_3>, MD at 3/4/2024 3:40 PM\nAssessment: 3.5% TBSA chemical burns.\n\n"
            "Progress Notes by <PERSON_3>, MD at 3/5/2024 4:10 PM\nA/P: Improving. Off O2.\n"
            "Addendum by <PERSON_3>, MD at 3/6/2024 8:15 AM\n  Culture negative.\n")
    rows = _visits(text)
    assert [(r["date"], r["visit"], r["provider"], r["facility"]) for r in rows] == [
        ("2024-03-04", "Ed provider notes", "<PERSON_2>, MD", "CFCH EMERGENCY DEPT"),
        ("2024-03-04", "H&p", "<PERSON_3>, MD", "KVMC BURN CENTER 4 WEST"),
        ("2024-03-05", "Progress notes", "<PERSON_3>, MD", "KVMC BURN CENTER 4 WEST")]


def test_a_gp_record_s_author_line_and_a_dental_letterhead_name_provider_and_practice():
    gp = ("SEVERNSIDE MEDICAL PRACTICE\n" + "=" * 60 + "\n"
          " 03-Sep-2024 10:00   Surgery consultation\n"
          " Dr <PERSON_3> (Locum GP)         Severnside Medical Practice\n" + "-" * 60 + "\n"
          " History        Burning lower lip, pain 5/10.\n\n" + "=" * 60 + "\n"
          " 23-Apr-2024 14:50   Telephone consultation\n"
          " <PERSON_4> (Clinical Pharmacist)     Severnside Medical Practice\n" + "-" * 60 + "\n"
          " Comment        Reduce pregabalin to 50mg bd.\n")
    assert [(r["date"], r["provider"], r["facility"]) for r in _visits(gp)] == [
        ("2024-04-23", "<PERSON_4>", "Severnside Medical Practice"),
        ("2024-09-03", "Dr <PERSON_3>", "Severnside Medical Practice")]
    dental = ("SABLE COAST ORAL & MAXILLOFACIAL SURGERY, A PROFESSIONAL DENTAL CORPORATION\n"
              "4410 Marina Vista Drive, Suite 210\n\n"
              "CLINIC LETTER\n"
              "Date of service: 02/21/2023\nProcedure: Removal of teeth 1, 16, 17, 32.\n")
    assert [r["facility"] for r in _visits(dental)] == [
        "SABLE COAST ORAL & MAXILLOFACIAL SURGERY"]


def test_a_resuscitation_time_log_is_no_visit_and_a_name_under_its_label_is_the_author():
    text = ("TRAUMA ACTIVATION LOG  (flowsheet extract - nursing recorder)\n"
            "TIME LOG\n"
            "19OCT2024 2003  Pre-arrival radio report, Medic 7: GCS 13\n"
            "19OCT2024 2016  UPGRADED TO TIER 1 (GCS 13 on arrival)\n"
            "19OCT2024 2031  To CT (head, cervical spine)\n\n"
            "ED PROCEDURE NOTE - LACERATION REPAIR\n"
            "Date: 10/19/2024   Time: 21:25   Location: Trauma Bay 2\n"
            "Indication: 4.5 cm laceration, L forehead.\n"
            "Performed and documented by: <PERSON_2>, PA-C, Trauma Surgery\n\n"
            "SPEECH-LANGUAGE PATHOLOGY - COGNITIVE-LINGUISTIC EVALUATION\n"
            "Date of evaluation: 10/21/2024   15:30\n"
            "Assessment: moderate cognitive-communication impairment after TBI.\n"
            "Evaluated by:\n<PERSON_3>, MS, CCC-SLP\n")
    assert [(r["date"], r["provider"]) for r in _visits(text)] == [
        ("2024-10-19", "<PERSON_2>, PA-C, Trauma Surgery"),
        ("2024-10-21", "<PERSON_3>, MS, CCC-SLP")]


def test_a_travel_card_s_initials_are_read_through_a_key_written_in_columns():
    text = ("CEDAR HOLLOW CHIROPRACTIC & REHAB\n"
            "INITIALS KEY\n"
            "   RQL  <PERSON_4>, DC (treating chiropractor)\n"
            "   SAB  <PERSON_5>, DC (associate)\n\n"
            "TRAVEL CARD\n"
            "+----------+-----------+-------+------------------+------+\n"
            "| DATE     | REGIONS   | PAIN  | NOTES            | INIT |\n"
            "+----------+-----------+-------+------------------+------+\n"
            "| 2-2-24   | C5 C6 T1  | 6     | sore after tx    | RQL  |\n"
            "| 2-27-24  | C6 T1     | 5     | chin tucks       | SAB  |\n")
    assert [(r["date"], r["provider"]) for r in _visits(text)] == [
        ("2024-02-02", "<PERSON_4>, DC"), ("2024-02-27", "<PERSON_5>, DC")]


def test_a_billing_summary_s_dates_of_service_are_charges_not_visits():
    text = ("WHITEBARK PEDIATRIC NEUROPSYCHOLOGY\n"
            "NEUROPSYCHOLOGICAL EVALUATION\nDate of service: 10/15/2024\n"
            "Impression: persisting post-concussive symptoms.\n\n"
            "BILLING SUMMARY (account 40-11873)\n"
            "  DOS 10/15/2024   96116 neurobehavioral status exam          1 unit\n"
            "  DOS 11/04/2024   90791-95 feedback (telehealth)               1 unit\n"
            "  DOS 12/03/2024   99368 team conference, nonphysician          1 unit\n")
    assert [r["date"] for r in _visits(text)] == ["2024-10-15"]


def test_a_provider_s_field_in_a_later_column_and_by_role_names_the_author():
    text = ("HARROW POINT SPINE & PAIN, LLC\n"
            "TELEPHONE ENCOUNTER                                    12FEB2025   10:05\n"
            "Caller: patient.   Documented by: <PERSON_2>, RN\n"
            "About 60% relief for 5 days; proceed with medial branch blocks.\n\n"
            "EMERGENCY DEPARTMENT RECORD\nDate of service: 02/20/2025\n"
            "Seen by clinician: 20:41        Departed: 23:15\n"
            "ED physician: <PERSON_3>, MD\n"
            "Impression: occipital neuralgia flare.\n")
    assert [(r["date"], r["provider"]) for r in _visits(text)] == [
        ("2025-02-12", "<PERSON_2>, RN"), ("2025-02-20", "<PERSON_3>, MD")]


def test_a_portal_thread_is_a_visit_when_a_clinician_answers_about_care():
    text = ("BayfrontConnect  |  Bayfront Rheumatology Associates patient portal\n"
            "Name: <PERSON_1>    DOB: <DATE_OF_BIRTH_1>    Clinic: Bayfront Rheumatology "
            "Associates\n\n"
            "MESSAGES (newest first)\n"
            'Conversation: "Hair falling out"\n'
            "Started by patient Mon Dec 2, 2024 9:18 PM | Care team: <PERSON_2>, RN\n"
            "  > <PERSON_2>, RN | Dec 3, 2024 8:22 AM\n"
            "    Hair thinning after methotrexate toxicity usually grows back. Keep taking "
            "prednisone 10 mg daily.\n"
            "  > <PERSON_1> | Dec 2, 2024 9:18 PM\n"
            "    My hair is coming out in clumps.\n\n"
            'Conversation: "Refill request: methotrexate 2.5 mg tablet"\n'
            "  > <PERSON_2>, RN for <PERSON_3>, MD | Oct 25, 2024 8:48 AM\n"
            "    Refill DENIED - medication discontinued (toxicity).\n"
            "  > CareMarket Pharmacy #0417 | Oct 25, 2024 7:02 AM\n"
            "    Request to renew: methotrexate 2.5 mg tab.\n")
    assert [(r["date"], r["visit"], r["provider"], r["facility"]) for r in _visits(text)] == [
        ("2024-12-03", "Portal message", "<PERSON_2>, RN", "Bayfront Rheumatology Associates")]


def test_a_visit_log_s_missed_row_is_no_visit_and_a_weekday_stays_with_its_date():
    text = ("CASCADE TIDEWATER HOME HEALTH, LLC\n"
            "VISIT LOG\n"
            "Date        Disc  Visit type       Clinician              Status\n"
            "11/26/2024  PT    Treatment        <PERSON_4>, PT         Completed\n"
            "11/27/2024  PT    Treatment        <PERSON_4>, PT         MISSED\n\n"
            "SESSION NOTE     Tue Dec 3, 2024    09:00-09:55    In person\n"
            "Clinician: <PERSON_5>, LCSW\n"
            "A: PTSD; engaged.\n")
    assert [r["date"] for r in _visits(text)] == ["2024-11-26", "2024-12-03"]


def test_a_va_print_s_notes_by_local_title_capital_dates_and_addenda():
    text = ("Printed at: LAKESHORE VA HEALTH CARE SYSTEM - BIRCHMONT FALLS CBOC\n\n"
            " LOCAL TITLE: MH SCHEDULING NOTE\n"
            "STANDARD TITLE: MENTAL HEALTH SCHEDULING NOTE\n"
            "DATE OF NOTE: NOV 01, 2024@11:20     ENTRY DATE: NOV 01, 2024@11:20:44\n"
            "      AUTHOR: <PERSON_2>    EXP COSIGNER:\n"
            "Psychiatry follow-up scheduled for 12/18/2024.\n\n"
            " LOCAL TITLE: MH MEDICATION MANAGEMENT NOTE\n"
            "STANDARD TITLE: MENTAL HEALTH MEDICATION MGT NOTE\n"
            "DATE OF NOTE: OCT 23, 2024@14:00     ENTRY DATE: OCT 23, 2024@14:06:51\n"
            "      AUTHOR: <PERSON_3>    EXP COSIGNER:\n"
            "ASSESSMENT: PTSD, chronic - improving.\nPLAN: Continue sertraline 150 mg.\n\n"
            "10/24/2024 ADDENDUM                      STATUS: COMPLETED\n"
            "Correction: prazosin dose is 4 mg.\n")
    assert [(r["date"], r["visit"], r["provider"], r["facility"]) for r in _visits(text)] == [
        ("2024-10-23", "Mh medication management note", "<PERSON_3>",
         "LAKESHORE VA HEALTH CARE SYSTEM - BIRCHMONT FALLS CBOC")]


def test_a_production_index_a_program_s_daily_logs_and_a_banner_s_hospital():
    text = ("RUN DATE: 07/22/24              FENWICK HARBOR GENERAL HOSPITAL                 PAGE 1\n"
            "                        INDEX OF RECORDS PRODUCED\n"
            "Bates no.              Date          Document                       Author\n"
            "LSFHT-000004           08/19/2024    Progress note - office visit   I. Gallagher\n"
            "LSFHT-000005           09/03/2024    Progress note - office visit   O. Bastien\n\n"
            "DAILY LOG #1   MON SEP 09 2024   In 0800  Out 1200\n"
            "  Pain 5/10 / 6/10. Floor-waist lift 25 lb crate 3x8. Signed: JTR\n\n"
            "DAILY LOG #2   WED SEP 11 2024   In 0800  Out 1200\n"
            "  Pain 5/10 / 5/10. Brick-tong carry 2 x 35 lb. Signed: KMB\n\n"
            "NURSING NARRATIVE NOTES\n"
            "09/11/24 0315  <PERSON_5> RN\n"
            "  Pt awake, reports back pain 7/10 at incision sites.\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2024-09-09", "2024-09-11", "2024-09-11"]
    assert {r["facility"] for r in visits} == {"FENWICK HARBOR GENERAL HOSPITAL"}
    assert visits[-1]["provider"] == "<PERSON_5> RN"


def test_a_did_not_attend_record_and_an_administrative_list_are_no_visits():
    text = ("LARKIN SOUND FAMILY HEALTH TEAM\n"
            "ADMINISTRATIVE\n"
            "  AUG 15 2024  Referral received by fax.\n\n"
            "ENCOUNTER   19/08/2024 10:40   Office visit   Dr. <PERSON_2>\n"
            "Impression: L1 burst fracture.\n\n"
            "APPOINTMENT RECORD   17/09/2024 09:30   Dr. <PERSON_2>   Status: DNA\n"
            "  Patient did not attend; no call.\n")
    assert [r["date"] for r in _visits(text)] == ["2024-08-19"]


def test_an_examiner_s_records_review_is_no_visit_and_a_re_examination_is_one():
    text = ("LAKEMONT NEUROLOGY CONSULTANTS, P.C.\n"
            "Date of Examination: September 10, 2024\n"
            "Place:               Lakemont Neurology Consultants, P.C.\n\n"
            "RECORDS REVIEWED (summarized in date order; not examinations by me)\n"
            "  05/17/22   Family Health Center: migraine without aura.\n"
            "  01/14/24   Fire Department EMS: headache 7/10.\n"
            "  02/14/24   PCP: part-time work.\n\n"
            "DIAGNOSES\n  1. Carbon monoxide exposure.\n\n"
            "RE-EXAMINATION REPORT\n"
            "Date of Re-examination: Feb. 4, 2025   (10:00 AM - 1:15 PM)\n"
            "EXAMINATION\n  Headache today 3/10.\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2024-09-10", "2025-02-04"]
    assert visits[0]["facility"].startswith("Lakemont Neurology")


def test_a_production_s_lettered_parts_an_ambulance_run_and_its_contact_log():
    text = ("=====================================================\n"
            " HARBOR VALE MEDICAL CENTER - HEALTH INFORMATION MANAGEMENT\n"
            "=====================================================\n"
            "I certify that the attached are true copies. Custodian of Records, 11/04/2024.\n\n"
            "-----------------------------------------------------\n"
            "SECTION A -- PREHOSPITAL CARE REPORT (ePCR PRINT)\n"
            "Agency: Harbor Vale Fire Department - EMS Division     Unit: Medic 7\n"
            "-----------------------------------------------------\n"
            "INCIDENT\n"
            "  Incident Date ............ 2024-01-14\n"
            "  Nature of Call ........... CO alarm\n"
            "TREATMENT\n  Oxygen 15 L/min by non-rebreather. Transported to ED.\n\n"
            "-----------------------------------------------------\n"
            "SECTION C -- HYPERBARIC MEDICINE\n"
            "-----------------------------------------------------\n"
            "HYPERBARIC OXYGEN TREATMENT RECORD\n"
            "Treatment date: 15-JAN-2024          Tx #: 2 of 2\n"
            "Plan: Discharge home.\n\n"
            "-----------------------------------------------------\n"
            "SECTION G -- PATIENT CONTACT LOG\n"
            "-----------------------------------------------------\n"
            "01/16/2024 14:05  Post-discharge call: no answer; voicemail left.\n"
            "01/17/2024 09:30  Second attempt: spoke with family member.\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2024-01-14", "2024-01-15"]
    assert "HYPERBARIC MEDICINE" not in visits[1]["facility"]


def test_a_surgeon_s_letters_are_dated_by_the_visit_they_report_and_signed_by_their_author():
    text = ("TIDEWELL ORTHOPAEDIC & SPORTS MEDICINE\n\n"
            "April 4, 2024\n\n"
            "Anselm K. Okafor-Lind, M.D.\nCoastal Occupational Health Partners\n\n"
            "Dear Dr. Okafor-Lind:\n\n"
            "Thank you for referring Mr. Maravilla, whom I saw in orthopaedic consultation on\n"
            "2 April 2024 for his right shoulder. Pain is 7/10.\n"
            "PLAN: MRI arthrogram.\n\n"
            "Sincerely,\n/s/ Celestine O. Marwick-Adebayo, M.D.\n\n"
            "July 25, 2024\n\n"
            "Dear Dr. Okafor-Lind:\n\n"
            "I reviewed Mr. Maravilla in clinic on Tuesday, 23rd July 2024, at 11 weeks after\n"
            "his repair. Pain today 4/10.\n\n"
            "Sincerely,\n/s/ Celestine O. Marwick-Adebayo, M.D.\n\n"
            "TELEPHONE - SCHEDULING ONLY   09/05/2024 13:15\n"
            "Patient called to reschedule. (front desk)\n\n"
            "RECORDS REVIEW   02/19/2025   (C. O. Marwick-Adebayo, M.D.)\n"
            "Reviewed surveillance photographs sent by defence counsel.\n\n"
            "ACCOUNT SUMMARY (professional fees)   run 05/27/2025\n"
            "Dates of service included: 04/02/2024, 07/23/2024.\n\n"
            "CORRESPONDENCE LOG\n"
            "10/28/2024  Records request received from Strathmore Lyle LLP.\n\n"
            "2/9/2024  FO   Claim for 2/7/2024 services submitted to the carrier.\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2024-04-02", "2024-07-23"]
    assert all("Marwick-Adebayo" in r["provider"] for r in visits)


def test_a_gp_print_s_non_consultations_a_flowsheet_s_cancelled_rows_and_lettered_lists():
    gp = ("ORCHARD MEAD SURGERY\n3 Tannery Row, Wexcombe Market\n\n"
          "CONSULTATIONS (most recent first)\n"
          "09/12/2022 11:15   Letter/document - out      Dr Beatrix Wolstenholme\n"
          "  Medical summary letter, collected by patient.\n"
          "08/12/2022 10:00   Surgery consultation       Dr Beatrix Wolstenholme (GP Partner)\n"
          "  History: Relocating; requests a summary.\n"
          "28/10/2021 14:02   Test results               Dr Beatrix Wolstenholme\n"
          "  Serum TSH 3.1. Filed: satisfactory - no action.\n"
          "14/05/2021 10:20   Appointment - did not attend   (cervical screening)\n"
          "10/06/2020 11:02   Letter in (scanned)        Filed by G. Arkwright\n")
    visits = _visits(gp)
    assert [r["date"] for r in visits] == ["2022-12-08"]
    assert visits[0]["facility"] == "ORCHARD MEAD SURGERY"
    physio = ("WICOMB RIDGE SPINE & PAIN, P.A.\n\n"
              "B. DAILY TREATMENT FLOWSHEETS\n"
              "04/09/24 | 4 |JPO | 5/10>4/10 |STM L glute |press-ups   |MH 10 min\n"
              "05/07/24 | - | -  |     -     |CX - patient cancelled (work deadline)\n\n"
              "PROCEDURE LOG\n"
              "06/25/24  P-1301  62323   Interlaminar ESI, lumbar (repeat)    --  Cancelled - no auth\n\n"
              "C. AUTHORIZATION AND SCHEDULING LOG\n"
              "03/20/2024  FD   Referral 1 received by fax. Claim verified.\n\n"
              "BILLING - ED PROFESSIONAL AND FACILITY CHARGES (summary)\n"
              " DOS 11/19/2023  99284 / 94640 x2     paid 12/22/2023\n")
    visits = _visits(physio)
    assert [r["date"] for r in visits] == ["2024-04-09"]
    assert visits[0]["facility"] == "WICOMB RIDGE SPINE & PAIN, P.A."


def test_a_flowsheet_s_therapist_column_masked_names_the_provider():
    text = ("LARCHMONT QUAY PHYSICAL THERAPY, LLC\n"
            "Staff key:  <PERSON_4> = <PERSON_4>, PT, DPT\n\n"
            "B. DAILY TREATMENT FLOWSHEETS\n"
            "Date     |Vis|Ther|Pain in>out|Manual therapy       |Therapeutic exercise\n"
            "---------+---+----+-----------+---------------------+--------------------\n"
            "03/28/24 | 2 |<PERSON_6> | 6/10>5/10 |STM L paraspinals    |press-ups 2x10\n"
            "04/04/24 | 3 |<PERSON_4> | 6/10>4/10 |PA mobs L4-S1        |bridges 2x10\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2024-03-28", "2024-04-04"]
    assert visits[0]["provider"].startswith("<PERSON_6>")
    assert visits[1]["provider"].startswith("<PERSON_4>")


def test_an_ed_print_s_encounter_list_and_a_gp_s_lists_give_no_second_row_of_a_visit():
    ed = ("SEVERN HOLLOW MEDICAL CENTER - EMERGENCY DEPARTMENT\n\n"
          "ENCOUNTER LIST (2)\n"
          "FIN         Type  Arrive          Depart          Chief complaint          Attending\n"
          "2311190412  ED    11/19/23 19:52  11/19/23 22:40  SOB / wheezing           Tolland, E\n"
          "2403120233  ED    03/12/24 11:32  03/12/24 14:48  Back injury              Strazewski, H\n"
          "\n==========================================================\n"
          "ENCOUNTER  FIN 2311190412   Emergency   Arrival: 11/19/2023 19:52 EST\n"
          "-- ED Provider Note --   Author: Tolland, Emmerich MD\n"
          " Diagnoses: 1. Asthma exacerbation\n Plan: prednisone 40 mg daily x 5 days.\n"
          "\n==========================================================\n"
          "ENCOUNTER  FIN 2403120233   Emergency   Arrival: 3/12/2024 11:32 EDT\n"
          "-- ED Provider Note --   Author: Strazewski, Halima MD\n"
          " Diagnoses: 1. Lumbar strain\n Plan: naproxen 500 mg BID.\n"
          "-- Documents: Radiology --\n"
          " RADIOLOGY REPORT                              Accession: XR-24-0312-0877\n"
          " Exam date/time: 3/12/2024 12:24 EDT\n"
          " IMPRESSION: 1. No acute fracture.\n"
          " Interpreted by: Brandauer-Chase, Ottoline MD\n")
    visits = _visits(ed)
    assert [(r["date"], r["visit"]) for r in visits] == [
        ("2023-11-19", "Arrival"), ("2024-03-12", "Arrival"), ("2024-03-12", "Radiology report")]
    assert "Asthma" in visits[0]["diagnoses"]
    gp = ("ORCHARD MEAD SURGERY\n\n"
          "MEDICATION - ACUTE (past)\n"
          "  21/02/2020   Naproxen 500mg tablets          One twice a day with food 28\n"
          "  21/02/2020   Omeprazole 20mg capsules        One daily                 28\n\n"
          "CONSULTATIONS (most recent first; consultations shown from 01/01/2019)\n"
          "21/02/2020 10:40   Surgery consultation       Dr Beatrix Wolstenholme (GP Partner)\n"
          "  History: Low back pain after lifting. Plan: naproxen; physio.\n"
          "23/01/2019 09:00   Surgery consultation       Dr Beatrix Wolstenholme (GP Partner)\n"
          "  Asthma review. Plan: continue inhalers.\n")
    assert [(r["date"], r["visit"]) for r in _visits(gp)] == [
        ("2019-01-23", "Surgery consultation"), ("2020-02-21", "Surgery consultation")]


def test_an_ehr_print_s_typed_encounters_their_departments_signatures_and_session_log():
    text = ("MARLOWE FALLS HEALTH - CHART REVIEW PRINT (ENCOUNTERS)\n"
            "=====================================================\n"
            "Office Visit - 5/16/2023\n"
            "MFH Family Medicine - Lindell Street\n"
            "Provider: Margit Soderquist, MD (Family Medicine)\n"
            "Assessment: Annual exam. Plan: continue lisinopril.\n"
            "=====================================================\n"
            "Telephone - 11/6/2023\n"
            "MFH Family Medicine - Lindell Street\n"
            "Headache 6/10 since the fall.\n"
            "Advised: rest, limit screens, acetaminophen as needed.\n"
            "   Kari Nystrom, RN  11/6/2023 9:31 AM\n"
            "=====================================================\n"
            "PRESCRIBER CONTACT (no patient contact)\n"
            "Date/time: 12/05/2023 09:10      Pharmacist: MO\n"
            "Called the office to clarify directions.\n\n"
            "SECTION 2 - VISION THERAPY SESSION LOG\n"
            "Sess  Date      Ther  Activities                          HA\n"
            "1     12/14/23  JP    Brock string, pencil push-ups       5/10\n"
            "--    12/21/23  --    OFFICE CLOSED (holiday)\n"
            "2     12/28/23  JP    Vectogram, aperture rule            4/10\n"
            "Sessions reviewed and co-signed by OF within 48 hours.\n"
            "Staff key: JP = Jae Pruitt, COVT; OF = Oona Fitzhenry, OD\n\n"
            "SECTION 3 - OPTICAL, CORRESPONDENCE AND BILLING\n"
            "   2024-01-06 Letter to the school re classroom accommodations.\n")
    visits = _visits(text)
    assert [r["date"] for r in visits] == ["2023-05-16", "2023-11-06", "2023-12-14", "2023-12-28"]
    assert [r["visit"] for r in visits[:2]] == ["Office visit", "Telephone"]
    assert visits[0]["facility"].endswith("(MFH Family Medicine - Lindell Street)")
    assert visits[1]["provider"] == "Kari Nystrom, RN"
    assert "acetaminophen" in visits[1]["plan"]
    assert [r["provider"] for r in visits[2:]] == ["Jae Pruitt, COVT"] * 2
    ledger = ("HARBOR CHIROPRACTIC\n\nVISIT LEDGER\n"
              "07/11/19  7    SM  3/10  S: no change\n"
              "                         ADJ: C5 PRS-R | TX: ADJ MH TE | reduce to 2x/wk\n"
              "07/15/19  --   FD  --    NO SHOW - left voicemail\n"
              "07/25/19  9    GV  3/10  S: HA gone x 1 wk\n")
    assert [r["date"] for r in _visits(ledger)] == ["2019-07-11", "2019-07-25"]
