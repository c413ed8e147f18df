"""The web workspace over HTTP (Starlette's TestClient): sessions and cookie flags, the
Content-Security-Policy, CSRF on every form, login throttling, and authorisation on every route
(a vendor cannot reach another vendor's export or an unexported packet by guessing its URL, a
reviewer cannot sign, a vendor cannot reveal); then a sign-off made over HTTP verifies."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")

from starlette.routing import Mount, Route  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from lpo_review.confidential.audit import AuditLog  # noqa: E402
from lpo_review.confidential.signoff import verify_packet  # noqa: E402
from lpo_review.model import Packet  # noqa: E402
from lpo_review.web.app import create_app, public_routes  # noqa: E402
from lpo_review.web.security import CSP, MAX_USER_FAILURES  # noqa: E402

from .conftest import PASSPHRASE, PASSWORD, forged, run_cli  # noqa: E402

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_LOGIN = re.compile(r'name="login_token" value="([^"]+)"')


def client(site) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(site.settings), base_url="http://127.0.0.1:8000",
                      follow_redirects=False)


def login(c: TestClient, name: str, password: str = PASSWORD) -> str:
    page = c.get("/login")
    token = _LOGIN.search(page.text).group(1)  # type: ignore[union-attr]
    r = c.post("/login", data={"name": name, "password": password, "login_token": token})
    assert r.status_code == 303, r.text
    home = c.get(r.headers["location"])
    return _CSRF.search(home.text).group(1)  # type: ignore[union-attr]


def actions(site) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in AuditLog.for_matter(site.out).entries()]


def test_session_cookie_flags_and_logout(site) -> None:
    c = client(site)
    page = c.get("/login")
    assert "httponly" in page.headers["set-cookie"].lower()
    token = _LOGIN.search(page.text).group(1)  # type: ignore[union-attr]
    r = c.post("/login", data={"name": "ann", "password": PASSWORD, "login_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/queue"
    cookie = r.headers["set-cookie"]
    flags = cookie.lower()
    assert cookie.startswith("lpo_session=") and "httponly" in flags
    assert "samesite=strict" in flags and "path=/" in flags
    assert "secure" not in flags  # plain HTTP on loopback; Secure over HTTPS
    old = c.cookies.get("lpo_session")
    queue = c.get("/queue")
    assert queue.status_code == 200 and site.matter.pending in queue.text
    csrf = _CSRF.search(queue.text).group(1)  # type: ignore[union-attr]
    assert c.post("/logout", data={"csrf_token": csrf}).status_code == 303
    # the old cookie no longer opens anything: the session is gone on the server
    c.cookies.set("lpo_session", old)
    assert c.get("/queue").headers["location"] == "/login"
    assert "web_login" in actions(site) and "web_logout" in actions(site)


def test_security_headers_on_every_page(site) -> None:
    c = client(site)
    for response in (c.get("/login"), c.get("/static/web.css"), c.get("/nowhere")):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
    assert "script-src" not in CSP and "unsafe" not in CSP and "default-src 'none'" in CSP
    assert "frame-ancestors 'none'" in CSP and "form-action 'self'" in CSP
    login(c, "ann")
    page = c.get(f"/packets/{site.matter.pending}")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["content-security-policy"] == CSP
    assert "<script" not in page.text and " style=" not in page.text


def test_every_route_needs_a_session(site) -> None:
    app = create_app(site.settings)
    c = client(site)
    checked = 0
    for r in app.routes:
        if isinstance(r, Mount) or r.path in public_routes():  # type: ignore[attr-defined]
            continue
        assert isinstance(r, Route)
        assert getattr(r.endpoint, "lpo_roles", None), f"{r.path} is not behind route()"
        path = r.path.format(doc_id=site.matter.pending, export_id=site.matter.export_id,
                             vid="ACME-000001", name="manifest.json.sealed",
                             sample_id="QA-20260101-abcdef", work_id="x@y")
        for method in r.methods or []:
            if method == "HEAD":
                continue
            response = c.request(method, path)
            if method == "GET":
                assert response.status_code == 303 and response.headers["location"] == "/login"
            else:
                assert response.status_code == 403, path
            checked += 1
    assert checked >= 15


def test_login_needs_its_form_token(site) -> None:
    c = client(site)
    c.get("/login")
    r = c.post("/login", data={"name": "ann", "password": PASSWORD})
    assert r.status_code == 403 and "lpo_session" not in r.headers.get("set-cookie", "")
    r = c.post("/login", data={"name": "ann", "password": PASSWORD, "login_token": "forged"})
    assert r.status_code == 403


def test_login_throttling(site) -> None:
    c = client(site)
    for _ in range(MAX_USER_FAILURES):
        token = _LOGIN.search(c.get("/login").text).group(1)  # type: ignore[union-attr]
        r = c.post("/login", data={"name": "rita", "password": "wrong", "login_token": token})
        assert r.status_code == 401
    token = _LOGIN.search(c.get("/login").text).group(1)  # type: ignore[union-attr]
    r = c.post("/login", data={"name": "rita", "password": PASSWORD, "login_token": token})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "Too many failed attempts" in r.text
    login(c, "ann")  # another user is not locked out
    assert actions(site).count("web_login_refused") == MAX_USER_FAILURES


def test_csrf_on_every_form(site) -> None:
    c = client(site)
    csrf = login(c, "ann")
    doc, ref = site.matter.pending, site.matter.flagged[0]
    url = f"/packets/{doc}/acknowledge"
    assert c.post(url, data={"ref": ref}).status_code == 403
    assert c.post(url, data={"ref": ref, "csrf_token": forged(csrf)}).status_code == 403
    cross = c.post(url, data={"ref": ref, "csrf_token": csrf},
                   headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    assert "web_acknowledge" not in actions(site)
    # every POST route of the app refuses a form without the token, logged in as any role
    app = create_app(site.settings)
    posts = [r.path for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or [])
             and r.path not in public_routes()]
    for path in posts:
        path = path.format(doc_id=doc, sample_id="QA-20260101-abcdef")
        response = c.post(path, data={"ref": ref, "decision": "approve",
                                      "passphrase": PASSPHRASE})
        assert response.status_code == 403, path
    ok = c.post(url, data={"ref": ref, "csrf_token": csrf})
    assert ok.status_code == 303 and "web_acknowledge" in actions(site)


def test_vendor_sees_only_its_own_exports(site) -> None:
    m = site.matter
    acme, beta = client(site), client(site)
    login(acme, "acme")
    login(beta, "beta")
    listing = acme.get("/vendor")
    assert m.export_id in listing.text
    assert m.export_id not in beta.get("/vendor").text
    export = acme.get(f"/vendor/exports/{m.export_id}")
    assert export.status_code == 200 and "ACME-000001" in export.text
    doc = acme.get(f"/vendor/exports/{m.export_id}/docs/ACME-000001")
    assert doc.status_code == 200 and "Vendor packet ACME-000001" in doc.text
    assert m.exported not in doc.text and "records_diabetes" not in doc.text
    files = re.findall(r'/files/([^"]+)"', export.text)
    assert "ACME-000001.json.sealed" in files
    download = acme.get(f"/vendor/exports/{m.export_id}/files/ACME-000001.json.sealed")
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment")
    # another vendor guessing the URLs
    for url in (f"/vendor/exports/{m.export_id}",
                f"/vendor/exports/{m.export_id}/docs/ACME-000001",
                f"/vendor/exports/{m.export_id}/files/ACME-000001.json.sealed"):
        assert beta.get(url).status_code == 404, url
    # firm packets, unexported documents, made-up and malicious names
    for url in (f"/packets/{m.pending}", f"/packets/{m.exported}", "/queue", "/qa",
                "/qa/report"):
        assert acme.get(url).status_code == 403, url
    for url in (f"/vendor/exports/{m.export_id}/docs/ACME-000002",
                f"/vendor/exports/{m.export_id}/docs/{m.pending}",
                f"/vendor/exports/{m.export_id}/files/..%2F..%2Fmatter.toml",
                f"/vendor/exports/{m.export_id}/files/{m.pending}.json",
                "/vendor/exports/EXP-20990101000000-000000"):
        assert acme.get(url).status_code == 404, url
    assert {"web_vendor_view", "web_download"} <= set(actions(site))


def test_vendor_packet_hidden_once_the_signed_content_changes(site) -> None:
    m = site.matter
    path = site.out / "packets" / f"{m.exported}.json"
    packet = Packet.model_validate_json(path.read_text())
    path.write_text(packet.model_copy(update={"redacted_text": packet.redacted_text + " x"})
                    .model_dump_json())
    c = client(site)
    login(c, "acme")
    assert c.get(f"/vendor/exports/{m.export_id}/docs/ACME-000001").status_code == 404


def test_roles_reviewer_cannot_sign_vendor_cannot_reveal(site) -> None:
    m = site.matter
    rita, acme, quinn = client(site), client(site), client(site)
    rita_csrf = login(rita, "rita")
    acme_csrf = login(acme, "acme")
    login(quinn, "quinn")
    page = rita.get(f"/packets/{m.pending}")
    assert page.status_code == 200 and 'id="approve"' not in page.text
    r = rita.post(f"/packets/{m.pending}/decide",
                  data={"csrf_token": rita_csrf, "decision": "approve", "passphrase": PASSPHRASE})
    assert r.status_code == 403
    r = rita.post(f"/packets/{m.pending}/acknowledge",
                  data={"csrf_token": rita_csrf, "ref": m.flagged[0]})
    assert r.status_code == 403
    r = acme.post(f"/packets/{m.exported}/reveal", data={"csrf_token": acme_csrf})
    assert r.status_code == 403
    assert quinn.get("/queue").status_code == 403
    assert quinn.get(f"/packets/{m.pending}").status_code == 403
    assert "reveal" not in actions(site)
    # a firm reviewer may reveal: a separate, audited action
    revealed = rita.post(f"/packets/{m.exported}/reveal", data={"csrf_token": rita_csrf})
    assert revealed.status_code == 200 and "<PERSON_" not in revealed.text.split("revealed")[-1]
    assert actions(site)[-1] == "reveal"
    assert Packet.model_validate_json(
        (site.out / "packets" / f"{m.pending}.json").read_text()).status == \
        "pending_attorney_review"


def test_sign_off_over_http_verifies(site) -> None:
    m = site.matter
    c = client(site)
    csrf = login(c, "ann")
    url = f"/packets/{m.pending}/decide"
    wrong = c.post(url, data={"csrf_token": csrf, "decision": "approve",
                              "passphrase": "not the passphrase"})
    assert wrong.status_code == 403 and "Wrong signing passphrase" in wrong.text
    early = c.post(url, data={"csrf_token": csrf, "decision": "approve",
                              "passphrase": PASSPHRASE})
    assert early.status_code == 409 and "acknowledg" in early.text
    for ref in m.flagged:
        c.post(f"/packets/{m.pending}/acknowledge", data={"csrf_token": csrf, "ref": ref})
    done = c.post(url, data={"csrf_token": csrf, "decision": "approve",
                             "passphrase": PASSPHRASE})
    assert done.status_code == 303
    packet = Packet.model_validate_json((site.out / "packets" / f"{m.pending}.json").read_text())
    assert packet.status == "approved" and packet.signoff is not None
    assert packet.signoff.attorney == "Ann Counsel" and packet.signoff.acknowledged == m.flagged
    from lpo_review.confidential.vendors import load_matter

    assert verify_packet(packet, load_matter(m.config)).ok
    assert "OK (approved, signed by Ann Counsel)" in run_cli(
        "verify", site.out / "packets" / f"{m.pending}.json", "--config", m.config)
    log = AuditLog.for_matter(site.out)
    assert not log.verify()
    assert [e.action for e in log.entries()].count("signoff_refused") == 2
    queue = c.get("/queue?status=approved")
    assert m.pending in queue.text


def test_queue_filters_and_pages(site) -> None:
    import json

    for i in range(300):  # the index reads the packet store: minimal packets are enough
        (site.out / "packets" / f"DOC-{i:012X}.json").write_text(json.dumps({
            "doc_id": f"DOC-{i:012X}", "kind": "contract" if i % 2 else "medical",
            "status": "pending_attorney_review", "created_at": "2026-01-01T00:00:00Z",
            "findings": [{"label": "advice_language"}] * (i % 3)}))
    app = create_app(site.settings)
    c = TestClient(app, base_url="http://127.0.0.1:8000", follow_redirects=False)
    login(c, "rita")
    page1 = c.get("/queue?kind=contract&open=yes")
    assert "packet(s), page 1 of 2" in page1.text
    rows = re.findall(r'href="/packets/(DOC-[0-9A-F]+)"', page1.text)
    assert len(rows) == 50
    page2 = c.get("/queue?kind=contract&open=yes&page=2")
    assert set(re.findall(r'href="/packets/(DOC-[0-9A-F]+)"', page2.text)).isdisjoint(rows)
    assert c.get("/queue?page=999999").status_code == 200


def test_users_command(tmp_path, built_matter) -> None:
    from click.testing import CliRunner

    from lpo_review.cli import main

    db = tmp_path / "web.sqlite"
    r = CliRunner().invoke(main, ["users", "add", "ann", "--role", "attorney", "--db", str(db),
                                  "--attorney-name", "Ann Counsel", "--bar-number", "NY-1",
                                  "--new-key", str(tmp_path / "ann.pub"), "--password-stdin"],
                           input=f"{PASSWORD}\n{PASSPHRASE}\n")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ann.pub").read_text().startswith("-----BEGIN PUBLIC KEY")
    r = CliRunner().invoke(main, ["users", "add", "acme", "--role", "vendor:Acme LPO", "--db",
                                  str(db), "--password-stdin"], input=f"{PASSWORD}\n")
    assert r.exit_code == 0, r.output
    listed = CliRunner().invoke(main, ["users", "list", "--db", str(db)]).output
    assert "ann (attorney) Ann Counsel (NY-1)" in listed and "acme (vendor Acme LPO)" in listed
    raw = db.read_bytes()
    assert b"PRIVATE KEY" not in raw and PASSWORD.encode() not in raw
    inside = CliRunner().invoke(main, ["users", "list", "--db",
                                       str(built_matter.out / "web.sqlite")])
    assert inside.exit_code == 2 and "inside the matter folder" in inside.output
    short = CliRunner().invoke(main, ["users", "add", "q", "--role", "qa", "--db", str(db),
                                      "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least" in short.output


def test_vendor_return_upload_is_stored_and_audited(site) -> None:
    c = client(site)
    csrf = login(c, "acme")
    bad = c.post("/vendor/returns", data={"csrf_token": csrf},
                 files={"package": ("notes.txt", b"hello", "text/plain")})
    assert bad.status_code == 400 and "RET-" in bad.text
    ok = c.post("/vendor/returns", data={"csrf_token": csrf},
                files={"package": ("RET-20260101-abc.zip.sealed", b"sealed bytes",
                                   "application/octet-stream")})
    assert ok.status_code == 303 and ok.headers["location"] == "/vendor?done=uploaded"
    stored = list((site.out / "returns-inbox" / "Acme_LPO").iterdir())
    assert len(stored) == 1 and stored[0].read_bytes() == b"sealed bytes"
    entry = AuditLog.for_matter(site.out).entries()[-1]
    assert entry.action == "return_upload" and entry.details["vendor"] == "Acme LPO"


def test_qa_pages(site) -> None:
    c = client(site)
    login(c, "quinn")
    assert c.get("/qa").status_code == 200 and "No samples" in c.get("/qa").text
    assert c.get("/qa/report").status_code == 200
    assert c.get("/qa/samples/QA-20260101-abcdef").status_code == 404
    assert c.get("/qa/work/DOC-000000000000@RET-x").status_code == 404
    assert c.get("/vendor").status_code == 403
