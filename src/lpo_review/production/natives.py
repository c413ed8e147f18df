"""Finding a packet's original file (the native) for a production: where the run report says it
was read from, or in folders given, always checked by its SHA-256."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lpo_review.ingest.common import sha256_file
from lpo_review.run import REPORT_NAME


def run_documents(out_dir: Path) -> list[dict[str, Any]]:
    """The run report's document lines with their absolute source paths (``path``); empty
    when the matter folder has no report."""
    path = Path(out_dir) / REPORT_NAME
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return []
    src = Path(report.get("src") or ".")
    root = src if src.is_dir() else src.parent
    return [{**d, "path": root / d["source"]} for d in report.get("documents", [])
            if d.get("status") == "ok" and d.get("doc_id") and d.get("source")]


class Natives:
    """Originals by SHA-256: the run report's sources first, then every file under
    ``folders``."""

    def __init__(self, out_dir: Path, folders: Iterable[Path] = ()):
        self._candidates: dict[str, Path] = {}
        for doc in run_documents(out_dir):
            if doc.get("sha256"):
                self._candidates.setdefault(doc["sha256"], doc["path"])
        self._folders = [Path(f) for f in folders]
        self._indexed = False

    def _index(self) -> None:
        for folder in self._folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    self._candidates.setdefault(sha256_file(path), path)
        self._indexed = True

    def find(self, sha256: str) -> Native | None:
        """The file whose bytes hash to ``sha256``, read once, if it can be found unchanged."""
        path = self._candidates.get(sha256)
        if path is not None and path.is_file():
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() == sha256:
                return Native(path, data)
        if not self._indexed and self._folders:
            self._index()
            return self.find(sha256)
        return None


@dataclass(frozen=True)
class Native:
    """An original file and its bytes (read once: checked, drawn, hashed, copied)."""

    path: Path
    data: bytes

    def hashes(self) -> tuple[str, str]:
        """MD5 and SHA-1 of the file (the hashes load files carry)."""
        return (hashlib.md5(self.data, usedforsecurity=False).hexdigest(),
                hashlib.sha1(self.data, usedforsecurity=False).hexdigest())
