"""Where packets live in a matter's output folder, and how they are written.

Layout of ``OUT_DIR``::

    packets/DOC-XXXXXXXXXXXX.json   the packet (written last: its presence marks completion)
    packets/DOC-XXXXXXXXXXXX.docx   renderings for the reviewing attorney (one per renderer)
    vault/DOC-XXXXXXXXXXXX.vault    encrypted re-identification entries (only with a vault key)
    run-report.json                 the last run's report
    audit.sqlite                    the hash-chained audit log

Every file is written atomically; the JSON goes last, so a killed run leaves either a complete
packet or none, and a re-run redoes exactly the documents without a JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

from lpo_review.model import Packet
from lpo_review.packets.atomic import atomic_write, remove_partials

PACKETS_DIR = "packets"


class PacketStore:
    """Reads and writes the packets of one output folder."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.packets_dir = self.out_dir / PACKETS_DIR

    def json_path(self, doc_id: str) -> Path:
        return self.packets_dir / f"{doc_id}.json"

    def is_done(self, doc_id: str) -> bool:
        """True when the document's packet was completely written by an earlier run."""
        return self.json_path(doc_id).is_file()

    def write(self, packet: Packet, renderings: list[tuple[str, bytes]]) -> list[Path]:
        """Write renderings (``(suffix, bytes)``), then the JSON (the completion marker)."""
        paths = [
            atomic_write(self.packets_dir / f"{packet.doc_id}{suffix}", data)
            for suffix, data in renderings
        ]
        paths.append(atomic_write(self.json_path(packet.doc_id), dump_packet(packet)))
        return paths

    def placeholders_used(self) -> set[str]:
        """Every placeholder the packets written so far use (read one packet at a time)."""
        used: set[str] = set()
        for path in sorted(self.packets_dir.glob("*.json")):
            try:
                packet = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                continue  # not a packet of ours; it will be redone or reported elsewhere
            used.update(r.get("placeholder", "") for r in packet.get("redactions", []))
        used.discard("")
        return used

    def remove_partials(self) -> int:
        """Clear temporary files a killed run left (the packets they belonged to are redone)."""
        return remove_partials(self.packets_dir) + remove_partials(self.out_dir / "vault")


def dump_packet(packet: Packet) -> str:
    """The packet's JSON as written to disk (stable key order, UTF-8, indented)."""
    return packet.model_dump_json(indent=2) + "\n"

