"""The export gate measured: leak check and second look, on documents nobody tuned them to.

Three measurements (each reviews its documents through the whole engine first):

``respell``  False negatives of the leak check alone.  For every gold direct identifier of the
    hand-labelled sets that the redactor masked (so the vault knows it), the value is written
    back in other spellings, each in a sentence of its own, and the leak check (built from that
    document's vault values, as an export builds it) must find it.  The spellings are made
    here, independently of the checker: ``SURNAME, First``, initial + surname, title +
    surname, the surname alone, capitals, first + last without middle names; dates in eight
    formats; phones and ID numbers with other separators; addresses without the unit and with
    the street type abbreviated.  Reported per form.

``contracts``  False refusals on real EDGAR contracts (CUAD): each contract is reviewed under
    ``standard``, its vendor files are built as an export builds them, and both checks run
    with that contract's vault.  Every hit is listed with its context, to be read: a hit is a
    true leak when the value stands unmasked in the text (the redactor missed a mention).

``export``  The whole export on a labelled set (default ``unseen_b3``, written blind): review,
    approve, export each document alone to a vendor; then every gold direct identifier (and, for
    a document reviewed under ``hipaa``, every Safe Harbor date, age and town) is
    looked for in the files that went out.  Reported: documents exported / refused (and why),
    and gold identifiers found in vendor-bound files (must be 0).

    python benchmarks/export_check.py respell [--set unseen --part dev]
    python benchmarks/export_check.py contracts [--range 200:260]
    python benchmarks/export_check.py export [--set unseen_b3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
CUAD = ROOT / ".." / "shared" / "data" / "cuad" / "contracts"
DIRECT = frozenset({"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "US_SSN",
                    "DRIVERS_LICENSE", "ID", "DATE_OF_BIRTH"})
#: What HIPAA Safe Harbor also removes (the hipaa profile's documents).
SAFE_HARBOR = frozenset({"DATE", "AGE_OVER_89", "LOCATION"})
TITLES = ("Mr.", "Ms.", "Dr.")
DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%m/%d/%Y", "%Y-%m-%d", "%m-%d-%y", "%b. %d, %Y",
                "%d-%b-%Y", "%-m/%-d/%y")
PARSE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y", "%m/%d/%Y", "%m/%d/%y",
                 "%Y-%m-%d", "%d-%b-%Y", "%d %B %Y", "%m-%d-%Y")
STREET_ABBREVIATIONS = {"Street": "St.", "Avenue": "Ave.", "Road": "Rd.", "Drive": "Dr.",
                        "Boulevard": "Blvd.", "Lane": "Ln.", "Court": "Ct.", "Place": "Pl."}
_UNIT = re.compile(r",?\s+(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Floor|#)\s*\S+\s*$", re.I)


def load_set(name: str, part: str) -> list[tuple[str, str, list[dict]]]:
    """``(file, text, gold mentions)`` of a labelled set (``unseen``: ``--part dev|held-out``)."""
    folder = DATA / name
    keep = {"dev": ("01", "02", "03"), "held-out": ("04", "05", "06")}.get(part)
    docs = []
    for gold_path in sorted(folder.glob("*.json")):
        if keep and gold_path.stem.rsplit("_", 1)[1] not in keep:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with open(folder / gold["file"], encoding="utf-8", newline="") as fh:
            docs.append((gold["file"], fh.read(), gold["mentions"]))
    return docs


def profile_for(file: str) -> str:
    return "hipaa" if file.startswith(("med", "letter")) else "standard"


# ------------------------------------------------------------------------------ re-spellings


def _parse_date(value: str) -> dt.date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip().rstrip("."))
    for fmt in PARSE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def respellings(kind: str, value: str) -> list[tuple[str, str]]:
    """``(form name, re-spelled value)`` for one gold identifier."""
    if kind == "PERSON":
        words = [w for w in re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", value, flags=re.I).split()
                 if not w.endswith(".") and len(w) > 1]
        if "," in value or len(words) < 2:
            return []
        first, last = words[0].title(), words[-1].title()
        return [("SURNAME, First", f"{last.upper()}, {first}"),
                ("F. Surname", f"{first[0]}. {last}"),
                ("title + surname", f"{TITLES[len(last) % 3]} {last}"),
                ("surname alone", last),
                ("capitals", " ".join(words).upper()),
                ("first + last", f"{first} {last}")]
    if kind == "DATE_OF_BIRTH":
        day = _parse_date(value)
        return [] if day is None else [(f"date {fmt}", day.strftime(fmt)) for fmt in DATE_FORMATS]
    if kind in ("PHONE_NUMBER", "US_SSN", "DRIVERS_LICENSE", "ID"):
        digits = re.sub(r"\D", "", value)
        if len(digits) < 5 or len(digits) != len(re.sub(r"[\W_]", "", value)):
            return []
        forms = [("digits run together", digits), ("spaced", " ".join(
            digits[i:i + 3] for i in range(0, len(digits), 3)))]
        if kind == "PHONE_NUMBER" and len(digits) == 10:
            forms += [("(NPA) NXX-XXXX", f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"),
                      ("dots", f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"),
                      ("+1", f"+1 {digits[:3]} {digits[3:6]} {digits[6:]}")]
        return forms
    if kind == "STREET_ADDRESS":
        forms = []
        base = _UNIT.sub("", value)
        if base != value:
            forms.append(("without unit", base))
        for long, short in STREET_ABBREVIATIONS.items():
            if re.search(rf"\b{long}\b", base):
                forms.append(("street type abbreviated", re.sub(rf"\b{long}\b", short, base)))
        return forms
    return []


def _masked(mask: list[bool], text: str, start: int, end: int) -> bool:
    return all(mask[i] or text[i].isspace() for i in range(start, end))


def run_respell(args: argparse.Namespace) -> None:
    from lpo_review import Config, Engine
    from lpo_review.confidential.identifying import english_dictionary
    from lpo_review.confidential.leakcheck import LeakChecker

    engines: dict[str, Engine] = {}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[str] = []
    dictionary = None
    for file, text, mentions in load_set(args.set, args.part):
        profile = profile_for(file)
        engine = engines.setdefault(profile, Engine(Config(profile=profile)))
        dictionary = dictionary or english_dictionary(engine.config.model)
        review = engine.review_text(text, name=file)
        values = [(form, review.entity_types[ph])
                  for ph, forms in review.originals.items() for form in forms]
        checker = LeakChecker(values, dictionary)
        mask = [False] * len(text)
        for entry in review.packet.redactions:
            mask[entry.start:entry.end] = [True] * (entry.end - entry.start)
        seen: set[tuple[str, str]] = set()
        for m in mentions:
            if m["type"] not in DIRECT or (m["type"], m["text"]) in seen:
                continue
            seen.add((m["type"], m["text"]))
            if not _masked(mask, text, m["start"], m["end"]):
                continue  # never masked: the vault cannot know it (the second look's job)
            for form, variant in respellings(m["type"], m["text"]):
                total[form] += 1
                if checker.found_in(f"Also noted in the file: {variant}. End of note."):
                    found[form] += 1
                else:
                    missed.append(f"{file}: {form}: {variant!r} (from {m['text']!r})")
    print(f"leak check on re-spelled vault values ({args.set}, {args.part}):")
    print(f"{'form':28} {'found':>7} {'total':>7} {'FN rate':>8}")
    for form in sorted(total):
        print(f"{form:28} {found[form]:7d} {total[form]:7d} {1 - found[form] / total[form]:8.3f}")
    n, t = sum(found.values()), sum(total.values())
    print(f"{'all':28} {n:7d} {t:7d} {1 - n / t:8.3f}")
    if args.show_missed:
        print("\n".join(missed))


# ------------------------------------------------------------------------------ contracts


def _outgoing_for(engine, packets):  # type: ignore[no-untyped-def]
    from lpo_review.confidential.export import _by_document, _outgoing

    files, mapping = _outgoing(packets, "DOC", "EXP-BENCH", engine.config)
    return _by_document(files), files, mapping


def run_contracts(args: argparse.Namespace) -> None:
    from lpo_review import Config, Engine
    from lpo_review.confidential.export import FORMAT_KEYS, _redactors
    from lpo_review.confidential.file_texts import readable_texts
    from lpo_review.confidential.identifying import english_dictionary
    from lpo_review.confidential.leakcheck import LeakChecker
    from lpo_review.confidential.second_look import SecondLook

    lo, hi = (int(x) for x in args.range.split(":"))
    config = Config(profile="standard")
    engine = Engine(config)
    dictionary = english_dictionary(config.model)
    refused = hits = words = 0
    kinds: Counter[str] = Counter()
    for n in range(lo, hi):
        name = f"c{n:03d}.txt"
        with open(CUAD / name, encoding="utf-8", newline="") as fh:
            text = fh.read()
        review = engine.review_text(text, name=name, kind="contract")
        words += review.packet.words
        values = [(form, review.entity_types[ph])
                  for ph, forms in review.originals.items() for form in forms]
        checker = LeakChecker(values, dictionary)
        grouped, files, mapping = _outgoing_for(engine, [review.packet])
        look = SecondLook(_redactors(config), [], (), [*files, *mapping], dictionary, FORMAT_KEYS)
        found = []
        for vid, group in grouped.items():
            for file_name, data in group.items():
                found += checker.scan_file(vid, file_name, data)
            found += look.scan(vid, "standard", group, review.packet.kind)
        distinct = {(leak.unexplained, leak.kind, leak.value) for leak in found}
        if distinct:
            refused += 1
        for unexplained, kind, value in sorted(distinct):
            hits += 1
            kinds[("second look " if unexplained else "leak check ") + kind] += 1
            lines = [line for group in grouped.values() for file_name, data in group.items()
                     for _loc, text in readable_texts(file_name, data)
                     for line in text.splitlines()]
            if unexplained:
                where = next((line for line in lines if value in line), "")
            else:
                where = next((line for line in lines
                              if kind in LeakChecker([(value, kind)], dictionary).found_in(line)),
                             "")
            print(f"{name}: {'second look' if unexplained else 'leak check'} {kind} {value!r}"
                  f"  | {where.strip()[:160]!r}")
    count = hi - lo
    print(f"\n{count} contracts, {words} words: {refused} would be refused "
          f"({refused / count:.1%}), {hits} distinct values ({hits / words * 1000:.2f} per 1k words)")
    for kind, n in kinds.most_common():
        print(f"  {kind}: {n}")


# ------------------------------------------------------------------------------ export


def run_export(args: argparse.Namespace) -> None:
    from lpo_review import Config, Engine
    from lpo_review.confidential.export import LeakRefusal, export_packets
    from lpo_review.confidential.file_texts import all_texts
    from lpo_review.confidential.keys import generate_key_pair, generate_vault_key, load_signing_key
    from lpo_review.confidential.signoff import flagged_findings, sign_packet
    from lpo_review.confidential.vendors import parse_matter
    from lpo_review.model import Packet
    from lpo_review.packets.atomic import atomic_write
    from lpo_review.run import review_dir

    docs = load_set(args.set, "all")
    exported = refused = leaked = gold_total = true_refusals = 0
    reasons: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        attorney, _ = generate_key_pair(tmp_path / "keys" / "attorney", "attorney")
        signing = load_signing_key(attorney)
        for file, text, mentions in docs:
            profile = profile_for(file)
            src, out = tmp_path / file / "src", tmp_path / file / "out"
            src.mkdir(parents=True)
            (src / file).write_text(text, encoding="utf-8", newline="")
            key = generate_vault_key()
            review_dir(Engine(Config(profile=profile)), src, out, vault_key=key)
            for path in (out / "packets").glob("*.json"):
                packet = Packet.model_validate_json(path.read_text(encoding="utf-8"))
                signed = sign_packet(packet, attorney="Bench Attorney", bar_number="XX-1",
                                     key=signing, decision="approved",
                                     acknowledged=list(flagged_findings(packet)))
                atomic_write(path, signed.model_dump_json(indent=2))
            matter = parse_matter({"name": "Benchmark matter", "vendors": [
                {"name": "V", "jurisdiction": "US", "nda_on_file": True, "profile": profile}]})
            export_dir = tmp_path / file / "export"
            must = DIRECT | SAFE_HARBOR if profile == "hipaa" else DIRECT
            gold = {m["text"] for m in mentions if m["type"] in must}
            gold_total += len(gold)
            packets = [Packet.model_validate_json(p.read_text(encoding="utf-8"))
                       for p in sorted((out / "packets").glob("*.json"))]
            _grouped, would_go, _mapping = _outgoing_for(Engine(Config(profile=profile)),
                                                         packets)
            readable = "\n".join(text for name, (_vid, data) in would_go.items()
                                 for _loc, text in all_texts(name, data)).casefold()
            left = sorted(v for v in gold if _present(v, readable))
            try:
                export_packets(out, export_dir, vendor_name="V", matter=matter, vault_key=key,
                               actor="bench", config=Config(profile=profile))
            except LeakRefusal as refusal:
                refused += 1
                true_refusals += bool(left)
                summary = Counter(("second look " if x.unexplained else "leak check ") + x.kind
                                  for x in {(x.unexplained, x.kind, x.value): x
                                            for x in refusal.leaks}.values())
                reasons.update(summary)
                verdict = (f"stopped {len(left)} readable gold identifier(s)" if left
                           else "no gold identifier was readable: a false refusal")
                print(f"{file} ({profile}): refused ({verdict}): {dict(summary)}")
                if args.explain:
                    for leak in {(x.unexplained, x.kind, x.value) for x in refusal.leaks}:
                        print(f"    refusal value: {leak}")
                    for value in left:
                        print(f"    readable gold: {value!r}")
                continue
            exported += 1
            outgoing = "\n".join(_file_texts(export_dir)).casefold()
            found = sorted(v for v in gold if _present(v, outgoing))
            leaked += len(found)
            print(f"{file} ({profile}): exported; gold identifiers in vendor files: "
                  f"{len(found)} of {len(gold)} {found if found else ''}")
    print(f"\n{len(docs)} documents: {exported} exported, {refused} refused "
          f"({true_refusals} of them stopped a readable gold identifier); "
          f"gold identifiers in exported files: {leaked}")
    for reason, n in reasons.most_common():
        print(f"  refusals: {reason}: {n} value(s)")


def _file_texts(folder: Path) -> list[str]:
    from lpo_review.confidential.file_texts import all_texts

    return [text for path in sorted(folder.rglob("*")) if path.is_file()
            for _location, text in all_texts(path.name, path.read_bytes())]


def _present(value: str, outgoing: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(value.casefold()) + r"(?!\w)", outgoing) is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    respell = sub.add_parser("respell")
    respell.add_argument("--set", default="unseen")
    respell.add_argument("--part", default="dev", choices=["dev", "held-out", "all"])
    respell.add_argument("--show-missed", action="store_true")
    contracts = sub.add_parser("contracts")
    contracts.add_argument("--range", default="200:260")
    export = sub.add_parser("export")
    export.add_argument("--set", default="unseen_b3")
    export.add_argument("--explain", action="store_true")
    args = ap.parse_args()
    {"respell": run_respell, "contracts": run_contracts, "export": run_export}[args.what](args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
