"""The vendor chronology under ``date-shifted``, on the blind draft batches' records.

For every record of ``benchmarks/data/unseen_d*/med_*.txt``: the chronology reviewed under
``standard`` (true dates) and under ``date-shifted`` (the vendor's), compared.

* rows: visits in the shifted chronology against the true one (the same count means no visit
  was lost or split by masking);
* gaps: the flagged gaps' lengths, which shifting must keep;
* original dates left: spellings of the record's real dates of service (any format the
  chronology reads) still readable in the shifted packet's text or drafts (must be 0).

    python benchmarks/date_shift_unseen.py
"""

from __future__ import annotations

import json
from pathlib import Path

from lpo_review import Config, Engine
from lpo_review.textdates import find_dates

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    true, shifted = Engine(Config(profile="standard")), Engine(Config(profile="date-shifted"))
    records = same = left_total = 0
    for path in sorted(DATA.glob("unseen_d*/med_*.txt")):
        text = path.read_text(encoding="utf-8")
        rows = []
        for engine in (true, shifted):
            packet = engine.review_text(text, name=path.name, kind="medical").packet
            chron = next(d for d in packet.drafts if d.kind == "medical_chronology")
            visits = [r for r in chron.rows if not r.get("gap")]
            gaps = [r.get("gap_days") for r in chron.rows if r.get("gap")]
            rows.append((len(visits), gaps, packet))
        (n_true, gaps_true, _), (n_shift, gaps_shift, packet) = rows
        out = packet.redacted_text + json.dumps([d.rows for d in packet.drafts])
        left = sorted({text[d.start:d.end] for d in find_dates(text) if d.status == "ok"}
                      & {x for x in (text[d.start:d.end] for d in find_dates(text)) if x in out})
        records += 1
        same += n_true == n_shift and gaps_true == gaps_shift
        left_total += len(left)
        if n_true != n_shift or gaps_true != gaps_shift or left:
            print(f"{path.parent.name}/{path.name}: visits {n_true} -> {n_shift}, "
                  f"gaps {gaps_true} -> {gaps_shift}, original dates left {left[:5]}")
    print(f"{records} records; {same} with the same visits and gaps; "
          f"{left_total} original dates left in the shifted packets")


if __name__ == "__main__":
    main()
