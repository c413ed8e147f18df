"""The web workspace's queue over a large matter: 10,000 packets in the store, the queue page
answered from the packet index (SQLite, indexed, paginated) through the whole app (session
lookup, authorisation, template), not by reading the packets.

    python benchmarks/web_queue.py [--packets 10000] [--repeat 30]

Writes N minimal packet files (ID, kind, status, findings: what the index reads; one in seven
flagged by the privilege screen) into a temporary matter folder, builds the index as ``serve``
does at start-up, logs a reviewer in and times GET /queue: the first page, a filtered page,
the "possibly privileged, undecided" filter, a page deep in the list, and the first request
after a packet changed (the index re-reads only that file).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from lpo_review.web.app import WebSettings, create_app
from lpo_review.web.db import WebDB
from lpo_review.web.users import add_user

KINDS = ("contract", "deposition", "medical", "email", "other")
STATUSES = ("pending_attorney_review", "approved", "returned")
PASSWORD = "benchmark password"


def write_packets(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        findings = [{"label": "advice_language"}] * (i % 4 == 0) + \
            [{"label": "possible_privilege"}] * (i % 7 == 0)
        (folder / f"DOC-{i:012X}.json").write_text(json.dumps({
            "doc_id": f"DOC-{i:012X}", "kind": KINDS[i % 5], "status": STATUSES[i % 3],
            "created_at": "2026-01-01T00:00:00Z", "findings": findings}))


def timed(client: TestClient, url: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packets", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "matter"
        start = time.perf_counter()
        write_packets(out / "packets", args.packets)
        print(f"{args.packets} packets written in {time.perf_counter() - start:.2f} s")
        db = WebDB(Path(tmp) / "web" / "web.sqlite")
        add_user(db, "rita", "reviewer", PASSWORD)
        start = time.perf_counter()
        app = create_app(WebSettings(out_dir=out, db=db))
        print(f"index built from the packet store in {time.perf_counter() - start:.2f} s")
        client = TestClient(app, base_url="http://127.0.0.1:8000")
        page = client.get("/login")
        token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"name": "rita", "password": PASSWORD, "login_token": token})
        pages = args.packets // 50
        cases = {
            "first page": "/queue",
            "kind=medical&status=pending&open=yes": "/queue?kind=medical&status="
                                                   "pending_attorney_review&open=yes",
            "privilege=undecided": "/queue?privilege=undecided",
            f"page {pages // 2} of {pages}": f"/queue?page={pages // 2}",
        }
        timed(client, "/queue", 3)  # warm up
        print(f"GET /queue over {args.packets} packets, {args.repeat} requests each:")
        for name, url in cases.items():
            times = timed(client, url, args.repeat)
            print(f"  {name:<40} median {statistics.median(times) * 1000:6.1f} ms, "
                  f"max {max(times) * 1000:6.1f} ms")
        changed = []
        for i in range(5):
            path = out / "packets" / f"DOC-{i:012X}.json"
            data = json.loads(path.read_text())
            data["status"] = "approved"
            time.sleep(0.01)
            path.write_text(json.dumps(data))
            path.touch()
            (out / "packets").touch()
            changed += timed(client, "/queue", 1)
        print(f"  {'after a packet changed (re-scan)':<40} median "
              f"{statistics.median(changed) * 1000:6.1f} ms, max {max(changed) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
