"""Score the deposition digest and the medical chronology against gold written for documents
unlike the samples (``benchmarks/data/DIGEST_GOLD.md``, ``CHRONOLOGY_GOLD.md``).

Every document goes through the whole engine with the default configuration (redaction first,
then the drafts), as an attorney's packet would; placeholders in the drafts are read back to
the originals (the vault's table) only to compare provider and facility names with the gold.

    python benchmarks/draft_quality.py digest [--set dev|held|d1|...|d12|all] [--errors]
    python benchmarks/draft_quality.py chronology [--set dev|held|d1|...|d12|all] [--errors]

Sets: ``dev`` (unseen depo/med 01-03 and unseen_b3, what the drafts were developed on),
``held`` (unseen 04-06 and unseen_b2, gold written before the rewrite and looked at only to
measure), ``d1`` and ``d2`` (unseen_d1, unseen_d2: documents and gold written blind for this
benchmark; each after everything the one before informed).

Digest: a key fact is covered when a row whose citation overlaps the fact's lines contains
every "must" word (any of its ``|`` alternatives; a negation matches in any tense and spelling:
"don't recall" = "did not recall"); the cite range is the number of transcript
lines a row cites; objections count as right when found at the line with the ground as stated
and the instruction flag; exhibits when found with a complete description (every
``description_must`` word).  Chronology: an encounter is found when a row has its date of
service; its fields (provider, facility, diagnosis, plan) are right when the row holds every
"must" word; a gap is right when flagged between the same dates with the same length.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
SETS = {
    "dev": [("unseen", r"_0[123]$"), ("unseen_b3", r"")],
    "held": [("unseen", r"_0[456]$"), ("unseen_b2", r"")],
    "d1": [("unseen_d1", r"")],
    "d2": [("unseen_d2", r"")],
    "d3": [("unseen_d3", r"")],
    "d4": [("unseen_d4", r"")],
    "d5": [("unseen_d5", r"")],
    "d6": [("unseen_d6", r"")],
    "d7": [("unseen_d7", r"")],
    "d8": [("unseen_d8", r"")],
    "d9": [("unseen_d9", r"")],
    "d10": [("unseen_d10", r"")],
    "d11": [("unseen_d11", r"")],
    "d12": [("unseen_d12", r"")],
    "d13": [("unseen_d13", r"")],
    "d14": [("unseen_d14", r"")],
    "d15": [("unseen_d15", r"")],
    "d16": [("unseen_d16", r"")],
    "d17": [("unseen_d17", r"")],
    "d18": [("unseen_d18", r"")],
    "d19": [("unseen_d19", r"")],
    "d20": [("unseen_d20", r"")],
    "d21": [("unseen_d21", r"")],
    "d22": [("unseen_d22", r"")],
    "d23": [("unseen_d23", r"")],
    "d24": [("unseen_d24", r"")],
    "d25": [("unseen_d25", r"")],
    "d26": [("unseen_d26", r"")],
    "d27": [("unseen_d27", r"")],
    "d28": [("unseen_d28", r"")],
    "d29": [("unseen_d29", r"")],
    "d30": [("unseen_d30", r"")],
    "d31": [("unseen_d31", r"")],
    "d32": [("unseen_d32", r"")],
    "d33": [("unseen_d33", r"")],
    "d34": [("unseen_d34", r"")],
    "d35": [("unseen_d35", r"")],
}
LINES_PER_PAGE = 25


def gold_files(kind: str, which: str) -> list[Path]:
    suffix = ".digest.json" if kind == "digest" else ".chron.json"
    names = list(SETS) if which == "all" else [which]
    out = []
    for name in names:
        for folder, pattern in SETS[name]:
            for path in sorted((DATA / folder).glob(f"*{suffix}")):
                if re.search(pattern, path.name[: -len(suffix)]):
                    out.append(path)
    return out


_NOT = re.compile(r"\b(?:ca|wo|do|does|did|is|was|were|are|have|has|had|could|would|should)n't\b")
_DO_NOT = re.compile(r"\b(?:do|does|did) (?=not\b)")


def _canonical(text: str) -> str:
    """Lower case, one space, and a negation spelled one way: "don't recall", "did not recall"
    and "does not recall" are the same words to a reader of a digest (which restates in the
    past tense); "can't" is "can not", "wasn't" "was not"."""
    low = " ".join(text.lower().split()).replace("\u2019", "'")
    low = _NOT.sub(lambda m: {"ca": "can", "wo": "will"}.get(m.group()[:-3], m.group()[:-3])
                   + " not", low)
    return _DO_NOT.sub("", low.replace("cannot", "can not"))


def has(text: str, item: str) -> bool:
    """Whether ``text`` holds one of the ``|`` alternatives of a gold item."""
    low = _canonical(text)
    return any(_canonical(alt.strip()) in low for alt in item.split("|") if alt.strip())


def parse_cite(cite: str) -> tuple[tuple[int, int], tuple[int, int]]:
    first, _, last = cite.partition("-")
    p1, l1 = (int(x) for x in first.split(":"))
    p2, l2 = (int(x) for x in (last or first).split(":"))
    return (p1, l1), (p2, l2)


def linear(point: tuple[int, int]) -> int:
    return point[0] * 100 + point[1]


def overlaps(a: str, b: str) -> bool:
    (a1, a2), (b1, b2) = parse_cite(a), parse_cite(b)
    return linear(a1) <= linear(b2) and linear(b1) <= linear(a2)


def lines_cited(cite: str) -> int:
    (p1, l1), (p2, l2) = parse_cite(cite)
    return (p2 - p1) * LINES_PER_PAGE + l2 - l1 + 1


def unredact(text: str, originals: dict[str, list[str]]) -> str:
    return re.sub(r"<[A-Z_]+_\d+>", lambda m: " / ".join(originals.get(m.group(), [m.group()])),
                  text)


def reviewed(files: list[Path], kind: str):
    """(gold file, gold, review of its document) for each gold file, through one engine."""
    from lpo_review.engine import Engine

    engine = Engine()
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        txt = path.parent / gold["file"]
        yield path, gold, engine.review_text(txt.read_text(encoding="utf-8"), name=txt.name,
                                             kind=kind)


def score_digest(files: list[Path], errors: bool) -> None:
    totals = {"facts": 0, "covered": 0, "located": 0, "adm": 0, "adm_found": 0,
              "adm_rows": 0, "adm_rows_right": 0, "obj": 0, "obj_right": 0, "ex": 0,
              "ex_right": 0, "cover": 0, "cover_right": 0}
    ranges: list[int] = []
    print("| transcript | facts covered | located | rows | median lines/row | objections "
          "| exhibits | key admissions found | admission rows right | cover |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path, gold, rv in reviewed(files, "deposition"):
        drafts = {d.kind: d for d in rv.packet.drafts}
        rows = drafts["deposition_digest"].rows
        ranges += [lines_cited(r["cite"]) for r in rows]
        covered = located = 0
        missed = []
        for fact in gold["facts"]:
            near = [r for r in rows if overlaps(r["cite"], fact["cite"])]
            located += bool(near)
            ok = any(all(has(unredact(r["summary"], rv.originals), m) for m in fact["must"])
                     for r in near)
            covered += ok
            if not ok:
                missed.append((fact, near))
        keys = [f for f in gold["facts"] if f.get("key_admission")]
        adm_rows = drafts["deposition_key_admissions"].rows
        adm_found = sum(any(overlaps(r["cite"], f["cite"]) for r in adm_rows) for f in keys)
        adm_right = sum(any(overlaps(r["cite"], f["cite"]) for f in keys) for r in adm_rows)
        obj_right = 0
        obj_rows = drafts["deposition_objections"].rows
        for o in gold["objections"]:
            hit = [r for r in obj_rows if abs(linear(parse_cite(r["cite"])[0])
                                              - linear(parse_cite(o["at"])[0])) <= 1]
            good = any(
                (all(has(f"{r['grounds']} {r['stated']}", w) for w in o["ground_words"])
                 if o["ground_words"] else r["grounds"] == "not stated")
                and bool(r["instruction_not_to_answer"]) == o["instruction_not_to_answer"]
                for r in hit)
            obj_right += good
            if errors and not good:
                print(f"    OBJ {path.name} {o} -> {[(r['cite'], r['grounds']) for r in hit]}")
        ex_rows = {re.sub(r"^exhibit\s+", "", r["exhibit"].lower()): r
                   for r in drafts["deposition_exhibits"].rows}
        ex_right = 0
        for ex in gold["exhibits"]:
            row = ex_rows.get(ex["number"].lower())
            good = row is not None and all(has(unredact(row["description"], rv.originals), w)
                                           for w in ex["description_must"])
            ex_right += good
            if errors and not good:
                print(f"    EX {path.name} {ex} -> {row and row['description']}")
        cover = {r["item"]: unredact(r["detail"], rv.originals).lower()
                 for r in drafts["deposition_cover"].rows}
        checks = [cover.get("Date") == gold["cover"]["date"]]
        if gold["cover"].get("start_time"):
            checks.append(cover.get("Time started", "").replace(".", "").replace(" ", "")
                          == gold["cover"]["start_time"].lower().replace(".", "").replace(" ", ""))
        if gold["cover"].get("place_words"):
            checks.append(all(has(cover.get("Place", ""), w) for w in gold["cover"]["place_words"]))
        if errors and not all(checks):
            print(f"    COVER {path.name} {gold['cover']} -> {cover}")
        n = len(gold["facts"])
        med = statistics.median([lines_cited(r["cite"]) for r in rows]) if rows else 0
        print(f"| {path.name[:-12]} | {covered}/{n} | {located}/{n} | {len(rows)} | {med} "
              f"| {obj_right}/{len(gold['objections'])} | {ex_right}/{len(gold['exhibits'])} "
              f"| {adm_found}/{len(keys)} | {adm_right}/{len(adm_rows)} "
              f"| {sum(checks)}/{len(checks)} |")
        for k, v in (("facts", n), ("covered", covered), ("located", located),
                     ("adm", len(keys)), ("adm_found", adm_found), ("adm_rows", len(adm_rows)),
                     ("adm_rows_right", adm_right), ("obj", len(gold["objections"])),
                     ("obj_right", obj_right), ("ex", len(gold["exhibits"])),
                     ("ex_right", ex_right), ("cover", len(checks)),
                     ("cover_right", sum(checks))):
            totals[k] += v
        if errors:
            for fact, near in missed:
                print(f"    MISS {path.name} {fact['cite']} {fact['must']}: {fact['fact']}")
                for r in near:
                    print(f"         {r['cite']}: {unredact(r['summary'], rv.originals)[:200]}")
    t = totals
    print(f"\nkey facts covered {t['covered']}/{t['facts']} = {t['covered'] / max(t['facts'], 1):.3f}"
          f" (located {t['located'] / max(t['facts'], 1):.3f}); median cite range "
          f"{statistics.median(ranges) if ranges else 0} lines; objections "
          f"{t['obj_right']}/{t['obj']}; exhibits {t['ex_right']}/{t['ex']}; key admissions "
          f"recall {t['adm_found']}/{t['adm']}, precision {t['adm_rows_right']}/{t['adm_rows']};"
          f" cover {t['cover_right']}/{t['cover']}")


def score_chronology(files: list[Path], errors: bool) -> None:
    tot = {"enc": 0, "found": 0, "fields": 0, "fields_right": 0, "gaps": 0, "gaps_right": 0,
           "false_gaps": 0, "extra": 0, "ordered": 0, "docs": 0}
    per_field = {k: [0, 0] for k in ("provider", "facility", "diagnosis", "plan")}
    print("| record | encounters found | rows not in gold | fields right | gaps right "
          "| flagged gaps not in gold | in date order |")
    print("|---|---|---|---|---|---|---|")
    for path, gold, rv in reviewed(files, "medical"):
        draft = next(d for d in rv.packet.drafts if d.kind == "medical_chronology")
        visits = [r for r in draft.rows if not r.get("gap")]
        gaps = [r for r in draft.rows if r.get("gap")]
        found = fields = right = 0
        used: set[int] = set()
        for enc in gold["encounters"]:
            cands = [(i, r) for i, r in enumerate(visits)
                     if r["date"] == enc["date"] and i not in used]
            if not cands:
                if errors:
                    print(f"    MISS {path.name} {enc['date']} line {enc['line']} "
                          f"{enc['visit_type']}")
                continue
            i, row = cands[0]
            used.add(i)
            found += 1
            text = unredact(" | ".join(str(v) for k, v in row.items()
                                       if k not in ("start", "end", "cite")), rv.originals)
            for name in per_field:
                must = enc.get(f"{name}_must") or []
                if not must:
                    continue
                cell = unredact(str(row.get(name, "")), rv.originals) \
                    if name in ("provider", "facility") else text
                good = all(has(cell, m) for m in must)
                fields += 1
                right += good
                per_field[name][0] += good
                per_field[name][1] += 1
                if errors and not good:
                    column = {"diagnosis": "diagnoses"}.get(name, name)
                    shown = cell if name in ("provider", "facility") else str(row.get(column))
                    print(f"    FIELD {path.name} {enc['date']} {name} {must} -> "
                          f"{unredact(shown, rv.originals)[:300]!r}")
        extra = [r for i, r in enumerate(visits) if i not in used]
        if errors:
            for r in extra:
                print(f"    EXTRA {path.name} {r['date']} {r.get('cite')} "
                      f"{unredact(str(r.get('visit', '')), rv.originals)[:80]!r}")
        gap_right = 0
        for g in gold["gaps"]:
            good = any(r.get("gap_days") == g["days"] and g["to"] in r["date"] for r in gaps)
            gap_right += good
            if errors and not good:
                print(f"    GAP {path.name} {g} -> {[r['details'] for r in gaps]}")
        false_gaps = sum(not any(r.get("gap_days") == g["days"] for g in gold["gaps"])
                         for r in gaps)
        dates = [r["date"] for r in draft.rows if re.match(r"\d{4}-", str(r["date"]))]
        ordered = dates == sorted(dates)
        n = len(gold["encounters"])
        print(f"| {path.name[:-11]} | {found}/{n} | {len(extra)} | {right}/{fields} | "
              f"{gap_right}/{len(gold['gaps'])} | {false_gaps} | {ordered} |")
        for k, v in (("enc", n), ("found", found), ("fields", fields), ("fields_right", right),
                     ("gaps", len(gold["gaps"])), ("gaps_right", gap_right),
                     ("false_gaps", false_gaps), ("extra", len(extra)), ("ordered", ordered),
                     ("docs", 1)):
            tot[k] += v
    t = tot
    print(f"\nencounters found {t['found']}/{t['enc']} = {t['found'] / max(t['enc'], 1):.3f}, "
          f"{t['extra']} rows not in gold (precision "
          f"{t['found'] / max(t['found'] + t['extra'], 1):.3f}); "
          f"fields {t['fields_right']}/{t['fields']} = "
          f"{t['fields_right'] / max(t['fields'], 1):.3f} ("
          + ", ".join(f"{k} {a}/{b}" for k, (a, b) in per_field.items())
          + f"); gaps {t['gaps_right']}/{t['gaps']}, {t['false_gaps']} flagged beyond gold; "
          f"{t['ordered']}/{t['docs']} in date order")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", choices=["digest", "chronology"])
    parser.add_argument("--set", default="dev", choices=[*SETS, "all"])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    files = gold_files(args.draft, args.set)
    if not files:
        sys.exit(f"no gold for {args.draft} in set {args.set}")
    (score_digest if args.draft == "digest" else score_chronology)(files, args.errors)


if __name__ == "__main__":
    main()
