"""Privilege in the web workspace: the queue's privilege column and filter (from the packet
index, refreshed when a decision file changes), the packet's privilege panel, and the
attorney's privilege decision signed over HTTP through
:func:`lpo_review.privilege.decision.decide` (sealed key, passphrase, throttling, CSRF,
refusals shown on the page); a reviewer sees the panel but cannot decide, a vendor sees
nothing of it and never gets the flagged packet."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")

from lpo_review.confidential.audit import AuditLog  # noqa: E402
from lpo_review.confidential.vendors import load_matter  # noqa: E402
from lpo_review.model import Packet  # noqa: E402
from lpo_review.privilege.decision import (  # noqa: E402
    decision_path,
    decision_problem,
    read_decision,
)
from lpo_review.web.db import WebDB  # noqa: E402
from lpo_review.web.index import PacketIndex  # noqa: E402
from lpo_review.web.security import MAX_USER_FAILURES  # noqa: E402

from .conftest import PASSPHRASE, forged, run_cli  # noqa: E402
from .test_http import actions, client, login  # noqa: E402

DESCRIPTION = "Memorandum from the legal department to human resources giving legal advice"


def _packet(site, doc_id: str) -> Packet:  # type: ignore[no-untyped-def]
    return Packet.model_validate_json((site.out / "packets" / f"{doc_id}.json").read_text())


def _form(csrf: str, **kw: str) -> dict[str, str]:
    return {"csrf_token": csrf, "privilege_form": "1", "treatment": "withhold",
            "privilege_type": "attorney-client", "description": DESCRIPTION,
            "redact_lines": "", "passphrase": PASSPHRASE, **kw}


def _queue_docs(c, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page = c.get(f"/queue?{query}")
    assert page.status_code == 200
    return re.findall(r'href="/packets/(DOC-[0-9A-F]+)"', page.text)


def test_queue_shows_and_filters_the_privilege_state(site) -> None:
    m = site.matter
    c = client(site)
    login(c, "rita")
    queue = c.get("/queue")
    assert "<th>Privilege</th>" in queue.text
    row = queue.text.split(f'href="/packets/{m.privileged}"')[1].split("</tr>")[0]
    assert 'class="badge priv-undecided"' in row and "possibly privileged, undecided" in row
    assert _queue_docs(c, "privilege=undecided") == [m.privileged]
    assert _queue_docs(c, "privilege=withhold") == []
    assert sorted(_queue_docs(c, "privilege=")) == sorted([m.pending, m.exported, m.privileged])
    assert len(_queue_docs(c, "privilege=nonsense")) == 3  # an unknown state: no filter


def test_packet_page_privilege_panel(site) -> None:
    m = site.matter
    ann, rita = client(site), client(site)
    login(ann, "ann")
    login(rita, "rita")
    page = ann.get(f"/packets/{m.privileged}")
    assert page.status_code == 200
    panel = page.text.split('id="privilege"')[1].split('id="text"')[0]
    assert "possibly privileged, undecided" in panel and "PRIVILEGED &amp; CONFIDENTIAL" in panel
    # the evidence's cites link into the text: the markers on line 1, the advice on line 9
    links = re.findall(r'<a href="#L(\d+)">1:(\d+)</a>', panel.split("</table>")[0])
    assert ("1", "1") in links and ("9", "9") in links
    assert 'id="L9"' in page.text and "legal advice" in page.text.split('id="L9"')[1][:300]
    assert 'action="/packets/' + m.privileged + '/privilege"' in panel
    assert 'id="privilege-decide"' in panel and 'name="csrf_token"' in panel
    # the reviewer sees the same panel without the form; an unflagged packet says so
    seen = rita.get(f"/packets/{m.privileged}").text
    assert "PRIVILEGED &amp; CONFIDENTIAL" in seen and 'id="privilege-decide"' not in seen
    assert "/privilege\"" not in seen
    other = ann.get(f"/packets/{m.pending}").text
    assert "The privilege screen did not flag this document." in other
    # every view is audited, with the privilege state
    views = [e for e in AuditLog.for_matter(site.out).entries() if e.action == "web_view"]
    assert [(e.actor, e.details.get("privilege")) for e in views] == [
        ("ann", "undecided"), ("rita", "undecided"), ("ann", None)]


def test_attorney_decides_over_http_and_it_verifies(site) -> None:
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    url = f"/packets/{m.privileged}/privilege"
    wrong = c.post(url, data=_form(csrf, passphrase="not the passphrase"))
    assert wrong.status_code == 403 and "Wrong signing passphrase" in wrong.text
    assert DESCRIPTION in wrong.text  # what was typed is kept
    assert read_decision(site.out, m.privileged) is None
    refused = AuditLog.for_matter(site.out).entries()[-1]
    assert refused.action == "signoff_refused"
    assert refused.details["signing"] == "privilege decision"

    done = c.post(url, data=_form(csrf))
    assert done.status_code == 303
    assert done.headers["location"] == (f"/packets/{m.privileged}?done=privilege+decision+signed"
                                        "#privilege")
    decision = read_decision(site.out, m.privileged)
    assert decision is not None and decision.privileged and decision.treatment == "withhold"
    assert decision.privilege_type == "attorney-client" and decision.description == DESCRIPTION
    assert decision.signoff is not None and decision.signoff.attorney == "Ann Counsel"
    assert decision_problem(decision, _packet(site, m.privileged), load_matter(m.config)) == ""
    entry = AuditLog.for_matter(site.out).entries()[-1]
    assert entry.action == "privilege_decision" and entry.actor == "ann"
    assert entry.details["via"] == "web" and entry.details["treatment"] == "withhold"
    assert not AuditLog.for_matter(site.out).verify()
    assert "privileged, withhold (attorney-client)" in run_cli(
        "privilege", "list", site.out, "--config", m.config)

    page = c.get(done.headers["location"])
    assert "privilege decision signed" in page.text
    assert "Ann Counsel (NY-1)" in page.text and 'id="privilege-verified"' in page.text
    assert "privileged, withheld" in page.text
    assert _queue_docs(c, "privilege=withhold") == [m.privileged]
    assert _queue_docs(c, "privilege=undecided") == []

    # redact with line ranges, then release: each replaces the last, through the index
    assert c.post(url, data=_form(csrf, treatment="redact", privilege_type="both",
                                  redact_lines="1:9-1:12\r\n1:14-16\r\n")).status_code == 303
    decision = read_decision(site.out, m.privileged)
    assert decision is not None and decision.redact_lines == ["1:9-1:12", "1:14-16"]
    assert _queue_docs(c, "privilege=redact") == [m.privileged]
    assert "1:9-1:12, 1:14-16" in c.get(f"/packets/{m.privileged}").text
    assert c.post(url, data=_form(csrf, treatment="release", privilege_type="",
                                  description="")).status_code == 303
    assert _queue_docs(c, "privilege=released") == [m.privileged]
    assert [e.action for e in AuditLog.for_matter(site.out).entries()].count(
        "privilege_decision") == 3


def test_a_privileged_packet_never_goes_to_a_vendor(site) -> None:
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    assert c.post(f"/packets/{m.privileged}/privilege", data=_form(csrf)).status_code == 303
    # approved and signed, it is still withheld from every vendor export
    assert c.post(f"/packets/{m.privileged}/decide",
                  data={"csrf_token": csrf, "decision": "approve",
                        "passphrase": PASSPHRASE}).status_code == 303
    assert _packet(site, m.privileged).status == "approved"
    refused = run_cli("export", site.out, "--vendor", "Acme LPO", "--to",
                      site.out.parent / "outbox2", "--prefix", "ACME", "--doc", m.privileged,
                      "--config", m.config, "--vault-key-file", m.vault, code=1)
    assert "privileged (attorney-client); withheld" in refused
    acme = client(site)
    acme_csrf = login(acme, "acme")
    for url in (f"/vendor/exports/{m.export_id}/docs/{m.privileged}",
                f"/vendor/exports/{m.export_id}/docs/ACME-000002",
                f"/vendor/exports/{m.export_id}/files/{m.privileged}.json"):
        assert acme.get(url).status_code == 404, url
    assert acme.get(f"/packets/{m.privileged}").status_code == 403
    r = acme.post(f"/packets/{m.privileged}/privilege", data=_form(acme_csrf))
    assert r.status_code == 403
    sent = acme.get(f"/vendor/exports/{m.export_id}/docs/ACME-000001")
    assert sent.status_code == 200
    assert "privilege" not in sent.text.lower() and "PRIVILEGED" not in sent.text


def test_reviewer_and_missing_csrf_cannot_decide(site) -> None:
    m = site.matter
    rita, ann = client(site), client(site)
    rita_csrf = login(rita, "rita")
    ann_csrf = login(ann, "ann")
    url = f"/packets/{m.privileged}/privilege"
    assert rita.post(url, data=_form(rita_csrf)).status_code == 403
    no_token = _form(ann_csrf)
    del no_token["csrf_token"]
    assert ann.post(url, data=no_token).status_code == 403
    assert ann.post(url, data=_form(forged(ann_csrf))).status_code == 403
    cross = ann.post(url, data=_form(ann_csrf), headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    assert not decision_path(site.out, m.privileged).exists()
    assert "privilege_decision" not in actions(site)
    assert ann.post("/packets/DOC-000000000000/privilege",
                    data=_form(ann_csrf)).status_code == 404


@pytest.mark.parametrize("fields, status, message", [
    ({"description": "memo"}, 409, "the privilege log needs a description"),
    ({"privilege_type": ""}, 409, "say the privilege type"),
    ({"treatment": "redact"}, 409, "redacting needs the line ranges"),
    ({"treatment": "redact", "redact_lines": "page one"}, 409, "give a line range"),
    ({"treatment": "redact", "redact_lines": "2:9-2:3"}, 409, "the range ends before"),
    ({"treatment": "release", "redact_lines": "1:1"}, 409, "not privileged is released"),
    ({"treatment": ""}, 400, "Choose privileged"),
    ({"treatment": "shred"}, 400, "Choose privileged"),
])
def test_refusals_are_shown_on_the_page(site, fields, status, message) -> None:
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    r = c.post(f"/packets/{m.privileged}/privilege", data=_form(csrf, **fields))
    assert r.status_code == status
    error = r.text.split('id="error">')[1].split("</p>")[0]
    assert message in error
    assert 'id="privilege-decide"' in r.text and "<details open>" in r.text
    assert not decision_path(site.out, m.privileged).exists()
    assert "privilege_decision" not in actions(site)
    refused = AuditLog.for_matter(site.out).entries()[-1]
    assert refused.action == "privilege_decision_refused" and message in refused.details["reason"]


def test_wrong_passphrases_are_throttled(site) -> None:
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    url = f"/packets/{m.privileged}/privilege"
    for _ in range(MAX_USER_FAILURES):
        assert c.post(url, data=_form(csrf, passphrase="wrong")).status_code == 403
    blocked = c.post(url, data=_form(csrf))
    assert blocked.status_code == 429 and "Too many wrong passphrases" in blocked.text
    # the same counter as the sign-off's: the approve form is blocked too
    r = c.post(f"/packets/{m.pending}/decide",
               data={"csrf_token": csrf, "decision": "approve", "passphrase": PASSPHRASE})
    assert r.status_code == 429
    assert not decision_path(site.out, m.privileged).exists()
    assert actions(site).count("signoff_refused") == MAX_USER_FAILURES


def test_index_follows_decision_files(site) -> None:
    """The privilege column is refreshed when a decision file is written, altered or removed,
    and re-verified at start-up."""
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    assert c.post(f"/packets/{m.privileged}/privilege", data=_form(csrf)).status_code == 303
    db = WebDB(site.db_path)
    index = PacketIndex(db, site.out, load_matter(m.config))

    def state() -> str:
        rows = index.query().rows
        return {r.doc_id: r.privilege for r in rows}[m.privileged]

    assert state() == "withhold"
    path = decision_path(site.out, m.privileged)
    path.write_text(path.read_text().replace(DESCRIPTION, "Something else entirely"))
    path.parent.touch()
    index.refresh()
    assert state() == "invalid"
    assert _queue_docs(c, "privilege=invalid") == [m.privileged]
    page = c.get(f"/packets/{m.privileged}").text
    assert 'id="privilege-problem"' in page and "<details open>" in page
    path.unlink()
    index.refresh()
    assert state() == "undecided"
    # a decision left by the command line, then a start-up that re-checks it
    assert c.post(f"/packets/{m.privileged}/privilege", data=_form(csrf)).status_code == 303
    assert index.refresh(force=True, recheck_decisions=True) == 1
    assert state() == "withhold"


def test_an_index_from_before_privilege_is_rebuilt(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "web.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE packet_index (matter TEXT NOT NULL, doc_id TEXT NOT NULL, "
                     "kind TEXT NOT NULL, status TEXT NOT NULL, open_findings INTEGER NOT NULL,"
                     " updated TEXT NOT NULL, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,"
                     " PRIMARY KEY (matter, doc_id))")
        conn.execute("INSERT INTO packet_index VALUES ('m', 'DOC-1', 'other', 'approved', 0, "
                     "'', 0, 0)")
    db = WebDB(path)
    with db.connect() as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(packet_index)")}
        assert {"privilege", "decision_mtime_ns", "decision_size"} <= columns
        assert conn.execute("SELECT COUNT(*) FROM packet_index").fetchone()[0] == 0
