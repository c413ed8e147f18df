"""Behaviour of the built-in redactor: names, placeholders, profiles, the log, offline, chunks."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from lpo_review.config import Config
from lpo_review.model import Document, LineMap, OffsetMap
from lpo_review.redact.plugin import lpo_review_recognizers, lpo_review_redactor
from lpo_review.redact.presidio_redactor import PresidioRedactor
from lpo_review.redact.redactor import PseudonymTable, RedactionResult


def make_doc(text: str) -> Document:
    return Document(
        source="t.txt",
        sha256="0" * 64,
        text=text,
        lines=LineMap.from_text(text),
        fmt="text",
        kind="other",
    )


def build(profile: str = "standard", **limits: int) -> PresidioRedactor:
    config = Config(profile=profile, limits=limits or {})
    return lpo_review_redactor(config, lpo_review_recognizers(config, profile))


@pytest.fixture(scope="module")
def standard() -> PresidioRedactor:
    return build("standard")


@pytest.fixture(scope="module")
def hipaa() -> PresidioRedactor:
    return build("hipaa")


TRANSCRIPT = (
    "JOHN A. SMITHERS, Plaintiff,\nv.\nACME WIDGETS, INC., Defendant.\n\n"
    "Jan Achterberg was sworn in.\n"
    "BY MS. O'NEILL:\n"
    "Q. Please state your name.\n"
    "MR. ACHTERBERG: I object to the form.\n"
    "THE WITNESS: I understand.\n"
    "Q. Did Achterberg write to jan.achterberg@firm.example?\n"
)


def redact(
    redactor: PresidioRedactor, text: str, table: PseudonymTable | None = None
) -> RedactionResult:
    return redactor.redact(make_doc(text), table or PseudonymTable())


def placeholder_of(result: RedactionResult, text: str, value: str, occurrence: int = 0) -> str:
    """Placeholder replacing the ``occurrence``-th mention of ``value`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    hits = [e.placeholder for e in result.entries if e.start <= start < e.end]
    assert hits, f"{value!r} (occurrence {occurrence}) was not redacted"
    return hits[0]


def test_caps_caption_and_speaker_label_names_are_redacted(standard):
    result = redact(standard, TRANSCRIPT)
    for value in ("SMITHERS", "O'NEILL", "ACHTERBERG"):
        assert value not in result.redacted_text
    assert "THE WITNESS: I understand." in result.redacted_text
    assert "INC., Defendant" in result.redacted_text  # a company is not a person


def test_a_caption_party_the_ner_calls_a_company_is_masked_by_its_given_name(standard):
    """The small NER model reads "Rosalind Ketteridge" as an organisation; a caption party with
    its role on the next line and a given name first is a person, a company keeps its name."""
    caption = ("ROSALIND KETTERIDGE,\n\n          Plaintiff,\n\n     v.\n\n"
               "GRACE PERIOD HOLDINGS,\n\n          Defendant.\n")
    result = redact(standard, caption)
    assert "KETTERIDGE" not in result.redacted_text
    assert "GRACE PERIOD HOLDINGS" in result.redacted_text


def test_surname_repeats_share_the_full_name_placeholder(standard):
    result = redact(standard, TRANSCRIPT)
    full = placeholder_of(result, TRANSCRIPT, "Jan Achterberg")
    assert full.startswith("<PERSON_")
    assert placeholder_of(result, TRANSCRIPT, "ACHTERBERG") == full
    assert placeholder_of(result, TRANSCRIPT, "Achterberg", occurrence=1) == full
    assert placeholder_of(result, TRANSCRIPT, "O'NEILL") != full


def test_email_on_reserved_domain_is_redacted(standard):
    text = "Write to jo.doe@firm.example or ops@host.test, not to the clerk."
    result = redact(standard, text)
    assert "@" not in result.redacted_text
    assert {e.entity_type for e in result.entries} == {"EMAIL_ADDRESS"}


def test_table_shared_across_documents_keeps_people_apart(standard):
    table = PseudonymTable()
    first_text = "Maria Gonzalez signed the lease. Gonzalez paid rent."
    second_text = "Later, Maria Gonzalez met Peter Okafor. Okafor agreed."
    first = redact(standard, first_text, table)
    second = redact(standard, second_text, table)
    maria = placeholder_of(first, first_text, "Maria Gonzalez")
    assert placeholder_of(second, second_text, "Maria Gonzalez") == maria
    assert placeholder_of(first, first_text, "Gonzalez", occurrence=1) == maria
    peter = placeholder_of(second, second_text, "Peter Okafor")
    assert peter != maria
    assert placeholder_of(second, second_text, "Okafor", occurrence=1) == peter


def test_hipaa_masks_zip_and_full_dates_standard_keeps_plain_date(standard, hipaa):
    text = "The patient was admitted on March 14, 2022 at the clinic, Albany, NY 12208."
    kept = redact(standard, text).redacted_text
    assert "March 14, 2022" in kept and "12208" in kept
    masked = redact(hipaa, text).redacted_text
    assert "March 14" not in masked and "12208" not in masked


def test_log_never_contains_original_values(standard):
    result = redact(standard, TRANSCRIPT)
    log = json.dumps([e.model_dump() for e in result.entries])
    assert result.entries
    for original in result.originals.values():
        assert original not in log
    assert set(result.originals) == {e.placeholder for e in result.entries}


def test_offset_map_points_placeholders_back_to_their_originals(standard):
    result = redact(standard, TRANSCRIPT)
    offsets = OffsetMap(result.entries)
    first_seen: dict[str, str] = {}
    for entry in result.entries:
        red = result.redacted_text[entry.redacted_start : entry.redacted_end]
        assert red == entry.placeholder
        start, end = offsets.span_to_original(entry.redacted_start, entry.redacted_end)
        assert (start, end) == (entry.start, entry.end)
        first_seen.setdefault(entry.placeholder, TRANSCRIPT[start:end])
        assert entry.cite == make_doc(TRANSCRIPT).lines.cite(start, end)
    assert first_seen == result.originals


def test_no_network_needed_to_build_or_redact(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    redactor = PresidioRedactor(
        Config(profile="strict"), lpo_review_recognizers(Config(), "strict")
    )
    result = redact(redactor, "Mail ann@example.com or see https://www.example.org today.")
    assert "ann@example.com" not in result.redacted_text


COLD_PROCESS = """
import socket

attempts = []

def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network access attempted")

socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from lpo_review.config import Config
from lpo_review.model import Document, LineMap
from lpo_review.redact.plugin import lpo_review_recognizers, lpo_review_redactor
from lpo_review.redact.redactor import PseudonymTable

config = Config(profile="strict")
redactor = lpo_review_redactor(config, lpo_review_recognizers(config, "strict"))
text = "Mail ann@example.com or see https://www.example.org, Mr. Joe Bloggs."
doc = Document("t.txt", "0" * 64, text, LineMap.from_text(text), "text")
print(redactor.redact(doc, PseudonymTable()).redacted_text)
from presidio_analyzer.predefined_recognizers import EmailRecognizer
print("presidio email hits:", len(EmailRecognizer().analyze(text, ["EMAIL_ADDRESS"])))
print("connection attempts:", len(attempts))
"""


def test_fresh_process_builds_and_redacts_without_network():
    """A cold process (nothing cached, tldextract not yet loaded) with sockets refused."""
    done = subprocess.run(
        [sys.executable, "-c", COLD_PROCESS], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "ann@example.com" not in done.stdout and "Bloggs" not in done.stdout
    assert "presidio email hits: 1" in done.stdout  # its tldextract check runs offline
    assert "connection attempts: 0" in done.stdout


def test_chunked_and_whole_document_give_identical_results():
    paragraphs = []
    for i in range(120):
        paragraphs.append(
            f"On day {i}, Dr. Helen Marsh{i % 7} met Mr. Tobias Brenner about "
            f"Case No. 2:23-cv-{i:05d}. "
            f"Call (212) 555-{i:04d} or write to h.marsh{i}@clinic.example. "
            "The parties reviewed the indemnification and termination clauses at length."
        )
    text = "\n\n".join(paragraphs)
    assert len(text) > 25_000
    chunked = build("standard", chunk_chars=3_000)
    whole = redact(build("standard", chunk_chars=1_000_000), text)
    parts = redact(chunked, text)
    assert parts.redacted_text == whole.redacted_text
    assert [e.model_dump() for e in parts.entries] == [e.model_dump() for e in whole.entries]


def test_redaction_forgets_the_strings_spacy_learned_over_a_run(engine):
    """Worker memory stays flat over a run: what spaCy's string store learns from documents is
    forgotten after each memory zone (a few dozen documents)."""
    memory = engine.redactor.memory
    vocab = engine.redactor.nlp.vocab
    memory.close()
    before = len(vocab.strings)
    sizes = []
    for n in range(memory.documents):
        engine.review_text(f"Claim QZX{n}7731 filed by Zanthorpe Quillery-Mbeki{n} on 03/01/2024."
                           f" Reference Vorstrandt-{n}88.", kind="other")
        sizes.append(len(vocab.strings))
    assert sizes[0] > before  # learned while the zone lasts...
    assert sizes[-1] == before  # ...and forgotten when it ends


def test_a_phone_number_that_passes_the_nhs_checksum_is_still_a_phone_number(standard):
    """One 3-3-4 phone number in eleven passes the NHS checksum; only an NHS label makes it one."""
    text = "Call me at 555-201-3344 tomorrow.\nPatient NHS no. 943 476 5919, seen today.\n"
    result = redact(standard, text)
    assert placeholder_of(result, text, "555-201-3344").startswith("<PHONE_NUMBER_")
    assert placeholder_of(result, text, "943 476 5919").startswith("<UK_NHS_")


def test_a_header_field_name_after_a_subject_ending_in_a_name_stays(standard):
    text = ("From: Anjali Subramaniam <as@westmark.example>\nSubject: RE: Records request - "
            "Thi Mai Nguyen\nAttachments: release_letter.docx\n\nPlease see the letter.\n")
    result = redact(standard, text)
    assert "\nAttachments: release_letter.docx" in result.redacted_text
    assert "Nguyen" not in result.redacted_text


def test_the_first_word_of_a_field_label_is_no_name(standard):
    text = ("----------------------------------------\nEncounter Date: 22FEB2024 0910\n"
            "Signed: Deandra Osei-Whitfield, MD\n")
    result = redact(standard, text)
    assert "\nEncounter Date: 22FEB2024" in result.redacted_text
    assert "Osei-Whitfield" not in result.redacted_text


def test_a_numbered_heading_in_capitals_is_no_name_but_a_numbered_list_of_names_is(standard):
    text = ("16. MISCELLANEOUS\nThis Agreement is the entire agreement.\n\n"
            "WITNESSES\n1. JOHN SMITHERS\n2. MARIA LOPEZ, M.D.\n")
    result = redact(standard, text)
    assert "16. MISCELLANEOUS\n" in result.redacted_text
    assert "SMITHERS" not in result.redacted_text and "LOPEZ" not in result.redacted_text
