"""The engine as a pipeline author uses it: review texts, packets, trust, schema, no network."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.errors import ConfigError
from lpo_review.hookspecs import hookimpl
from lpo_review.packets.schema import SCHEMA_PATH, packet_schema
from lpo_review.stages.base import Stage, StageInput, StageResult
from lpo_review.testing import make_engine

NAMES = ["Marguerite", "Okonkwo-Baptiste", "Henrik Vasquez", "00482913",
         "m.okonkwo@mailbox.example", "555-0187"]


def test_packet_is_redacted_pending_and_cites_lines(engine, medical_note):
    packet = engine.review_text(medical_note, name="note.txt").packet
    assert packet.status == "pending_attorney_review" and packet.signoff is None
    assert packet.kind == "medical"
    dump = packet.model_dump_json()
    for value in NAMES:
        assert value not in dump, f"{value!r} leaked into the packet"
    person = {r.placeholder for r in packet.redactions if r.entity_type == "PERSON"}
    assert len(person) >= 2  # the patient and the doctor are different people
    for r in packet.redactions:
        assert packet.redacted_text[r.redacted_start:r.redacted_end] == r.placeholder
        page, line = r.cite.split("-")[0].split(":")
        assert medical_note.count("\n", 0, r.start) + 1 == int(line) and page == "1"


def test_same_person_same_placeholder_across_documents(engine):
    a = engine.review_text("Witness: Pieter Achterberg signed the form.", name="a.txt").packet
    b = engine.review_text("Later, Pieter Achterberg called the office.", name="b.txt").packet
    pa = [r.placeholder for r in a.redactions if r.entity_type == "PERSON"]
    pb = [r.placeholder for r in b.redactions if r.entity_type == "PERSON"]
    assert pa and pa == pb


def test_profile_none_keeps_text(medical_note):
    packet = Engine(Config(profile="none")).review_text(medical_note).packet
    assert packet.redacted_text == medical_note and packet.redactions == []


def test_packet_matches_published_schema(engine, medical_note):
    jsonschema = pytest.importorskip("jsonschema")
    assert json.loads(SCHEMA_PATH.read_text()) == packet_schema(), \
        "schema/packet.schema.json is stale: run python -m lpo_review.packets.schema"
    packet = engine.review_text(medical_note).packet
    jsonschema.validate(json.loads(packet.model_dump_json()), packet_schema())


class _Spy(Stage):
    name = "spy"
    seen: list[str] = []

    def __init__(self, needs_original: bool):
        self.needs_original = needs_original

    def run(self, doc: StageInput) -> StageResult:
        self.seen.append(doc.text)
        start = doc.text.index("signed")
        return StageResult(findings=[doc.finding("spy", "verb", start, start + 6)])


class _SpyPlugin:
    def __init__(self, needs_original: bool):
        self.stage = _Spy(needs_original)

    @hookimpl
    def lpo_review_stages(self, config):
        return [self.stage]


def _engine_with_spy(needs_original: bool, trusted: bool) -> Engine:
    return make_engine(_SpyPlugin(needs_original), name="spy_plugin", version="9.9",
                       trusted=trusted)


def test_untrusted_stage_sees_only_redacted_text():
    eng = _engine_with_spy(needs_original=False, trusted=False)
    packet = eng.review_text("Jan Achterberg signed the lease.").packet
    assert "Achterberg" not in _Spy.seen[-1] and "<PERSON_1>" in _Spy.seen[-1]
    (finding,) = [f for f in packet.findings if f.stage == "spy"]
    assert (finding.plugin, finding.plugin_version, finding.cite) == ("spy_plugin", "9.9", "1:1")


def test_stage_needing_originals_requires_trust():
    with pytest.raises(ConfigError, match="trusted_with_originals"):
        _engine_with_spy(needs_original=True, trusted=False)
    eng = _engine_with_spy(needs_original=True, trusted=True)
    packet = eng.review_text("Jan Achterberg signed the lease.").packet
    assert "Achterberg" in _Spy.seen[-1]
    # its finding is re-anchored on the redacted text, so no original reaches the packet
    (finding,) = [f for f in packet.findings if f.stage == "spy"]
    assert packet.redacted_text[finding.start:finding.end] == "signed"
    assert "Achterberg" not in packet.model_dump_json()


def test_bad_configuration_names_the_key(tmp_path):
    bad = tmp_path / "matter.toml"
    bad.write_text('profile = "standard"\n[plugins]\nenabled = "matter_numbers"\n[redactoin]\n')
    with pytest.raises(ConfigError) as err:
        Config.load(bad)
    assert "plugins.enabled" in str(err.value) and "redactoin" in str(err.value)


def test_no_network_connection_at_import_or_run_time(tmp_path, medical_note):
    """Every socket connection fails; importing, building and reviewing still work."""
    script = textwrap.dedent(f"""
        import socket
        def refuse(*a, **k):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from lpo_review.engine import Engine
        text = {medical_note!r} + "See https://portal.clinic.example/records and a@b.test."
        packet = Engine().review_text(text).packet
        assert "mailbox.example" not in packet.redacted_text
        print("OK", len(packet.redactions))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("OK")


def test_bare_surname_in_a_later_document_gets_the_full_names_placeholder():
    engine = Engine()
    first = engine.review_text("Counsel examined Mr. Tobias Vandermeer at length.").packet
    later = engine.review_text("Later that day Mr. Vandermeer signed the statement.").packet
    full = {r.placeholder for r in first.redactions if r.entity_type == "PERSON"}
    bare = {r.placeholder for r in later.redactions if r.entity_type == "PERSON"}
    assert bare and bare == full


def test_what_a_document_masks_does_not_depend_on_the_documents_before_it():
    """A name part learned from one document is never masked in another on that ground alone:
    "Grant" the person in one letter does not make "Grant" the word a name in the next."""
    engine = Engine()
    engine.review_text("Counsel examined Mr. Tobias Grant Vandermeer at length.")
    text = "Grant of the licence. Vandermeer Holdings will pay the fee to The Bank."
    in_run = engine.review_text(text).packet
    alone = Engine().review_text(text).packet
    assert [(r.start, r.end) for r in in_run.redactions] == \
        [(r.start, r.end) for r in alone.redactions]
    assert "Grant of the licence" in in_run.redacted_text


def test_stage_notes_reach_the_packet_and_its_renderings(engine):
    text = ("SERVICES AGREEMENT\n\nThis Services Agreement is made on January 5, 2024 between "
            "Northwind Traders LLC and Blue Harbor Inc.\n\n1. SERVICES. The Supplier shall provide "
            "the services described in Exhibit A.\n2. FEES. The Customer shall pay the fees "
            "within thirty days of invoice.\n")
    packet = engine.review_text(text, kind="contract").packet
    (clauses,) = [r for r in packet.stages if r.name == "clauses"]
    assert "No Governing Law clause found" in clauses.notes
    from lpo_review.packets.html_render import HtmlRenderer

    assert "No Governing Law clause found" in HtmlRenderer().render(packet).decode()
