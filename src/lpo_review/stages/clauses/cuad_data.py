"""Reading the CUAD training data and the fixed split by contract."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

#: The 41 CUAD categories, spelled as in ``train.jsonl``.
CATEGORIES: tuple[str, ...] = (
    "Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date",
    "Renewal Term", "Notice Period To Terminate Renewal", "Governing Law", "Most Favored Nation",
    "Non-Compete", "Exclusivity", "No-Solicit Of Customers", "Competitive Restriction Exception",
    "No-Solicit Of Employees", "Non-Disparagement", "Termination For Convenience",
    "Rofr/Rofo/Rofn", "Change Of Control", "Anti-Assignment", "Revenue/Profit Sharing",
    "Price Restrictions", "Minimum Commitment", "Volume Restriction", "Ip Ownership Assignment",
    "Joint Ip Ownership", "License Grant", "Non-Transferable License",
    "Affiliate License-Licensor", "Affiliate License-Licensee",
    "Unlimited/All-You-Can-Eat-License", "Irrevocable Or Perpetual License",
    "Source Code Escrow", "Post-Termination Services", "Audit Rights", "Uncapped Liability",
    "Cap On Liability", "Liquidated Damages", "Warranty Duration", "Insurance",
    "Covenant Not To Sue", "Third Party Beneficiary",
)


@dataclass
class Contract:
    """One labelled contract: its text and gold spans ``(category, start, end)``."""

    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def load_contracts(data_dir: Path) -> list[Contract]:
    """Load every contract of ``data_dir/train.jsonl`` (texts read with ``newline=''``)."""
    contracts = []
    with open(data_dir / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            with open(data_dir / rec["file"], encoding="utf-8", newline="") as tf:
                text = tf.read()
            spans = [(c["category"], c["start"], c["end"]) for c in rec["clauses"]]
            contracts.append(Contract(rec["file"], text, spans))
    return contracts


def split_contracts(contracts: list[Contract], seed: int, test_fraction: float,
                    valid_fraction: float) -> tuple[list[Contract], list[Contract], list[Contract]]:
    """Fixed split by contract: ``(train, valid, test)``; same seed, same split."""
    order = sorted(contracts, key=lambda c: c.id)
    random.Random(seed).shuffle(order)
    n_test = round(len(order) * test_fraction)
    n_valid = round(len(order) * valid_fraction)
    return order[n_test + n_valid:], order[n_test:n_test + n_valid], order[:n_test]
