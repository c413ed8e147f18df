"""The README's picture of the web workspace: the packet view of a sample transcript, as an
attorney sees it, saved to ``docs/web_packet_view.png``.

    python scripts/web_screenshot.py [--out docs/web_packet_view.png]

Reviews the sample deposition (under a work order whose refused task flags it, so the findings
show one to acknowledge) into a temporary matter folder, adds an attorney to a temporary web
database, serves the workspace on loopback and has Debian's headless Chromium (through
Playwright) log in, open the packet, follow a digest cite into the text and take the picture.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import sync_playwright

from lpo_review.cli import main as cli
from lpo_review.confidential.keys import load_signing_key
from lpo_review.web.app import WebSettings, create_app
from lpo_review.web.db import WebDB
from lpo_review.web.server import background_server
from lpo_review.web.users import add_user

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "depositions" / "deposition_hr_director_employment.txt"
PASSWORD = "screenshot password"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CONFIG = """[matter]
name = "Okafor v. Bellmere"
[[matter.attorneys]]
name = "Ann Counsel"
bar_number = "NY-1"
public_key = "keys/ann.pub"
[work_order]
supervising_attorney = "Ann Counsel"
[[work_order.tasks]]
id = "T1"
description = "Prepare page-line summaries of the deposition transcripts for attorney review"
documents = ["**"]
[[work_order.tasks]]
id = "T2"
description = "Advise the client whether to settle"
documents = ["**"]
"""


def _cli(*args: object) -> None:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exit_code:
        raise SystemExit(f"lpo-review {args[0]} failed: {result.output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "web_packet_view.png")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "keys").mkdir(mode=0o700)
        _cli("keygen", "attorney", tmp / "keys" / "ann")
        (tmp / "matter.toml").write_text(CONFIG, encoding="utf-8")
        (tmp / "docs").mkdir()
        shutil.copy(SAMPLE, tmp / "docs")
        _cli("review", tmp / "docs", "--out", tmp / "matter", "--profile", "strict",
             "--config", tmp / "matter.toml", "-q")
        doc_id = next((tmp / "matter" / "packets").glob("*.json")).stem
        db = WebDB(tmp / "web" / "web.sqlite")
        add_user(db, "ann", "attorney", PASSWORD, signing_key=load_signing_key(
            tmp / "keys" / "ann"), passphrase="screenshot passphrase",
            attorney_name="Ann Counsel", bar_number="NY-1")
        app = create_app(WebSettings(out_dir=tmp / "matter", db=db,
                                     config_path=tmp / "matter.toml"))
        with background_server(app) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, headless=True,
                                         args=ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page.goto(f"{base}/login")
            page.fill("#name", "ann")
            page.fill("#password", PASSWORD)
            page.click("#login")
            page.wait_for_url(f"{base}/queue")
            page.goto(f"{base}/packets/{doc_id}")
            page.locator("table.draft a[href^='#L']").nth(8).click()
            page.evaluate("window.scrollTo(0, 0)")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
