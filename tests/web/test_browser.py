"""End to end in a real browser: headless Chromium (Debian's, driven by Playwright) logs in as
the attorney, filters the queue, opens the packet, follows a cite into the text, acknowledges
the flagged finding, approves with the signing passphrase and logs out; a vendor then finds
only its own export and is refused the others' and the firm's pages by URL; the packet signed
in the browser verifies with ``lpo-review verify``.  Then the attorney finds the memo the
privilege screen flagged, follows its evidence into the text and signs a privilege decision,
which ``lpo-review privilege list`` accepts.  A screenshot is saved on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (Debian's chromium package; .ci/run installs it)",
                allow_module_level=True)
pytest.importorskip("starlette", reason="the web extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (test extra)")

from lpo_review.web.app import create_app  # noqa: E402
from lpo_review.web.server import background_server  # noqa: E402

from .conftest import PASSPHRASE, PASSWORD, run_cli  # noqa: E402

#: Chromium stalls on a closed network without these.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture()
def browser_page(tmp_path: Path):  # type: ignore[no-untyped-def]
    profile = tmp_path / "chromium-profile"
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, timeout=30_000)
        context.set_default_timeout(15_000)
        page = context.pages[0] if context.pages else context.new_page()
        try:
            yield page
        except BaseException:
            raise
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _login(page, base: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("#login")


def test_attorney_signs_off_in_the_browser(site, browser_page, tmp_path) -> None:
    page, m = browser_page, site.matter
    try:
        with background_server(create_app(site.settings)) as base:
            _login(page, base, "ann")
            page.wait_for_url(f"{base}/queue")
            assert page.locator("h1").inner_text() == "Review queue"
            page.select_option("select[name=open]", "yes")
            page.click("form.filters button")
            assert page.locator(f"a[href='/packets/{m.pending}']").count() == 1
            assert page.locator(f"a[href='/packets/{m.exported}']").count() == 0
            page.click(f"a[href='/packets/{m.pending}']")
            page.wait_for_url(f"{base}/packets/{m.pending}")
            # the redacted text with typed placeholders, and cites linked into it
            first = page.locator("#text mark.ph").first
            assert first.inner_text().startswith("<") and first.get_attribute("title")
            cite = page.locator("table.draft a[href^='#L']").first
            target = cite.get_attribute("href")
            cite.click()
            assert page.url.endswith(target) and page.locator(target).is_visible()
            # approving before acknowledging is refused, with the reason
            page.fill("#passphrase", PASSPHRASE)
            page.click("#approve")
            assert "acknowledg" in page.locator("#error").inner_text()
            for ref in m.flagged:
                page.click(f"#ack-{ref}")
                assert "acknowledged" in page.locator(f"#finding-{ref}").inner_text()
            page.fill("#passphrase", PASSPHRASE)
            page.click("#approve")
            page.wait_for_url(f"{base}/packets/{m.pending}?done=approved")
            assert page.locator("#status").inner_text() == "approved"
            assert "Signature verified" in page.locator("#verification").inner_text()
            page.click("#logout")
            page.wait_for_url(f"{base}/login")
            page.goto(f"{base}/queue")
            assert page.url == f"{base}/login"

            # vendor isolation, by guessing URLs
            _login(page, base, "beta")
            page.wait_for_url(f"{base}/vendor")
            assert m.export_id not in page.content()
            for url, status in ((f"/vendor/exports/{m.export_id}", "404"),
                                (f"/vendor/exports/{m.export_id}/docs/ACME-000001", "404"),
                                (f"/packets/{m.pending}", "403"), ("/queue", "403")):
                response = page.goto(base + url)
                assert response is not None and response.status == int(status), url
                assert page.locator("h1").inner_text() == status
            page.click("#logout")
            _login(page, base, "acme")
            page.wait_for_url(f"{base}/vendor")
            page.click(f"a[href='/vendor/exports/{m.export_id}']")
            page.click("text=ACME-000001")
            assert "Vendor packet ACME-000001" in page.locator("h1").inner_text()
            assert m.exported not in page.content()
            page.click("#logout")
            page.wait_for_url(f"{base}/login")
    except BaseException:
        shot = tmp_path / "failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
        raise
    assert "OK (approved, signed by Ann Counsel)" in run_cli(
        "verify", site.out / "packets" / f"{m.pending}.json", "--config", m.config)


def test_attorney_decides_privilege_in_the_browser(site, browser_page, tmp_path) -> None:
    page, m = browser_page, site.matter
    description = "Memorandum from the legal department to human resources giving legal advice"
    try:
        with background_server(create_app(site.settings)) as base:
            _login(page, base, "ann")
            page.wait_for_url(f"{base}/queue")
            page.select_option("select[name=privilege]", "undecided")
            page.click("form.filters button")
            assert page.locator("table.queue a[href^='/packets/']").count() == 1
            page.click(f"a[href='/packets/{m.privileged}']")
            page.wait_for_url(f"{base}/packets/{m.privileged}")
            assert page.locator("#privilege-state").inner_text() == \
                "possibly privileged, undecided"
            cite = page.locator("#privilege-evidence a[href='#L9']").first  # "our legal advice"
            target = cite.get_attribute("href")
            cite.click()
            assert page.url.endswith(target) and page.locator(target).is_visible()
            assert "legal advice" in page.locator(target).inner_text()
            # a refusal from decide() is shown, and what was typed is kept
            page.check("#priv-withhold")
            page.select_option("#privilege-type", "attorney-client")
            page.fill("#privilege-description", "memo")
            page.fill("#privilege-passphrase", PASSPHRASE)
            page.click("#privilege-decide")
            assert "needs a description" in page.locator("#error").inner_text()
            assert page.locator("#priv-withhold").is_checked()
            page.fill("#privilege-description", description)
            page.fill("#privilege-passphrase", PASSPHRASE)
            page.click("#privilege-decide")
            page.wait_for_url(f"{base}/packets/{m.privileged}?done=privilege+decision+signed"
                              "#privilege")
            assert page.locator("#privilege-state").inner_text() == "privileged, withheld"
            assert "Ann Counsel (NY-1)" in page.locator("#privilege-decision").inner_text()
            assert page.locator("#privilege-verified").is_visible()
            page.goto(f"{base}/queue?privilege=withhold")
            assert page.locator(f"a[href='/packets/{m.privileged}']").count() == 1
            page.click("#logout")
            page.wait_for_url(f"{base}/login")
    except BaseException:
        shot = tmp_path / "failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
        raise
    listed = run_cli("privilege", "list", site.out, "--config", m.config)
    assert f"{m.privileged}  other  privileged, withhold (attorney-client)" in listed
