"""Generate the sample documents in samples/ and their gold annotations (samples/gold.json).

Usage (from the repository root)::

    python scripts/make_samples.py            # rewrite samples/
    python scripts/make_samples.py --out DIR  # write elsewhere (tests use a temp dir)

Everything is synthetic and drawn from a fixed seed, so a re-run writes byte-identical files.
The gold file is built from the values the generator inserted, never typed by hand:

``{"seed", "generator", "files": {<path relative to samples/>: {"kind", "format", "title",
"pii": [{"value", "type", "identifier": "direct"|"quasi"}], ...}}}`` plus, per kind,
contracts: ``clauses`` [{"category", "text"}] and ``absent_categories`` (CUAD names as in
categories.csv); depositions: ``pages``, ``witness``, ``exhibits`` [{"number", "description",
"cite": "page:line"}], ``objections``, ``examinations``, ``recesses``; medical records:
``patient``, ``dob``, ``encounters`` [{"date", "date_text", "provider", "facility"}], ``gaps``
[{"from", "to", "days"}], ``ambiguous_dates``; e-mails (.eml, Outlook .msg): ``attachments``
(file names), ``date``, and for the .msg ``attachment_pii`` [{"file", "pii"}] (the attachment's
own personal data; ``pii`` is the message's header and body).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen import contracts, depositions, emails, medical
from samplegen.doc import ProseDoc
from samplegen.people import Faker
from samplegen.render import Renderable, write

SEED = 20240517
REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "samples"
KIND_DIRS = ("contracts", "depositions", "medical", "email")


def build_samples(seed: int = SEED) -> list[tuple[str, Renderable]]:
    """The sample set: (path relative to samples/, document), in a fixed order."""
    fk = Faker(random.Random(seed))
    docs: list[tuple[str, Renderable]] = [
        ("contracts/master_services_agreement.docx", contracts.master_services(fk)),
        ("contracts/software_license_agreement.pdf", contracts.software_license(fk)),
        ("contracts/supply_agreement.txt", contracts.supply(fk)),
        # Written without a governing-law section: Governing Law is an absent category.
        ("contracts/distribution_agreement.docx", contracts.distribution(fk)),
        ("contracts/nda_consultant.txt", contracts.nda(fk)),
    ]
    collision = depositions.make_case(fk, "collision")
    employment = depositions.make_case(fk, "employment")
    docs += [
        ("depositions/deposition_plaintiff_collision.pdf",
         depositions.deposition(fk, collision, "collision_plaintiff")),
        ("depositions/deposition_driver_collision.docx",
         depositions.deposition(fk, collision, "collision_driver")),
        ("depositions/deposition_hr_director_employment.txt",
         depositions.deposition(fk, employment, "employment_hr")),
        # The collision plaintiff's own chart, so records and testimony can be cross-checked.
        ("medical/records_collision_plaintiff.pdf",
         medical.medical_record(fk, "mva_neck", patient=collision.plaintiff,
                                start=collision.incident,
                                providers={1: collision.people["doctor"]})),
        ("medical/records_knee_injury.docx", medical.medical_record(fk, "work_knee")),
        ("medical/records_diabetes_care.txt", medical.medical_record(fk, "diabetes")),
        ("medical/records_wrist_fracture.pdf", medical.medical_record(fk, "fall_wrist")),
        # Last, so the samples before it are drawn as they always were.
        ("email/fall_incident_reply.eml", emails.incident_email(fk)),
    ]
    # After every sample above, so they are drawn as they always were. The collision
    # plaintiff's chart is the one the defence firm asked the hospital for.
    chart = dict(docs)["medical/records_collision_plaintiff.pdf"]
    assert isinstance(chart, ProseDoc)
    docs.append(("email/records_request_reply.msg",
                 emails.records_reply_msg(fk, collision, chart)))
    return docs


def gold_entry(path: str, doc: Renderable) -> dict[str, Any]:
    """The gold record of one sample, after checking every value occurs in its text."""
    text = doc.text()
    missing = [i["value"] for i in doc.pii.items() if i["value"] not in text]
    missing += [c["text"] for c in doc.gold.get("clauses", []) if c["text"] not in text]
    if missing:
        raise AssertionError(f"{path}: gold values not in the text: {missing}")
    return {"kind": doc.kind, "format": Path(path).suffix[1:], "title": doc.title,
            "pii": doc.pii.items(), **doc.gold}


def write_samples(out: Path, seed: int = SEED) -> dict[str, Any]:
    """Write all samples and gold.json under ``out`` (replacing earlier output); return the gold."""
    for sub in KIND_DIRS:
        shutil.rmtree(out / sub, ignore_errors=True)
    files: dict[str, Any] = {}
    for path, doc in build_samples(seed):
        files[path] = gold_entry(path, doc)
        write(doc, out / path)
    gold = {"seed": seed, "generator": "scripts/make_samples.py", "files": files}
    (out / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    gold = write_samples(args.out, args.seed)
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {len(gold['files'])} samples + gold.json to {args.out} ({total / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
