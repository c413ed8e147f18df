"""The published JSON Schema of review packets (``schema/packet.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lpo_review.model import SCHEMA_VERSION, Packet

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "packet.schema.json"


def packet_schema() -> dict[str, Any]:
    """JSON Schema generated from :class:`~lpo_review.model.Packet`."""
    schema = Packet.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://lpo-review.invalid/schema/packet-{SCHEMA_VERSION}.json"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(packet_schema(), indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
