"""Conversations: the e-mails of a folder review that answer one another, and their view.

Messages are linked by their hashed Message-ID, In-Reply-To and References
(:func:`lpo_review.ingest.email.thread_keys`); ``OUT_DIR/conversations.json`` lists each
conversation's messages oldest first with their (redacted) summary row, for a reviewer reading
a thread rather than a message.
"""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from lpo_review.model import Packet
from lpo_review.packets.atomic import atomic_write
from lpo_review.packets.store import PacketStore

CONVERSATIONS = "conversations.json"


def conversations(threads: dict[str, dict[str, Any]]) -> list[list[str]]:
    """E-mails of one conversation (linked by Message-ID, In-Reply-To and References), as
    lists of document IDs in run order; a message alone is no conversation."""
    parent = {d: d for d in threads}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    by_key: dict[str, str] = {}
    for doc, keys in threads.items():
        for key in [keys.get("message", ""), *keys.get("replies_to", [])]:
            if key:
                if key in by_key:
                    parent[root(doc)] = root(by_key[key])
                else:
                    by_key[key] = doc
    groups: dict[str, list[str]] = {}
    for doc in threads:
        groups.setdefault(root(doc), []).append(doc)
    return [g for g in groups.values() if len(g) > 1]


def _when(row: dict[str, Any]) -> float:
    """The sent time of a summary row (a masked or unreadable date sorts by run order)."""
    try:
        return parsedate_to_datetime(row.get("date", "")).timestamp()
    except (TypeError, ValueError, IndexError):
        return float("inf")


def write_conversations(out: Path, threads: list[list[str]], store: PacketStore) -> Path:
    """``OUT_DIR/conversations.json``: each conversation's messages, oldest first, with the
    date, sender, recipients and subject of their summary row (as redacted in the packet)."""
    views = []
    for number, doc_ids in enumerate(threads, start=1):
        messages = []
        for order, doc_id in enumerate(doc_ids):
            packet = Packet.model_validate_json(store.json_path(doc_id).read_text("utf-8"))
            rows = [r for d in packet.drafts if d.kind == "email_summary" for r in d.rows]
            row = rows[0] if rows else {}
            messages.append((_when(row), order, {
                "doc_id": doc_id, **{k: row.get(k, "") for k in
                                     ("date", "from", "to", "cc", "subject", "attachments")}}))
        views.append({"conversation": number,
                      "messages": [m for _, _, m in sorted(messages, key=lambda m: m[:2])]})
    return atomic_write(Path(out) / CONVERSATIONS, json.dumps(views, indent=1) + "\n")
