"""The committed samples match their generator, and every gold annotation is really in them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from lpo_review.ingest.email import email_document, message_of
from lpo_review.ingest.msg import msg_to_eml

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CUAD_CATEGORIES_CSV = REPO / ".." / "shared" / "data" / "cuad" / "categories.csv"
sys.path.insert(0, str(REPO / "scripts"))

import make_samples  # noqa: E402  (the repo's sample generator, on the path just above)
from samplegen.corpus import generate_corpus, huge_transcript  # noqa: E402
from samplegen.people import luhn_ok  # noqa: E402


def extract(path: Path) -> str:
    """Text as a reader would get it: txt as is, docx paragraphs, pdf text layer, an e-mail's
    (.eml or Outlook .msg, through the engine's own readers) header block and body."""
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".eml":
        return email_document(path.read_bytes(), str(path)).text
    if path.suffix == ".msg":
        return email_document(msg_to_eml(path.read_bytes(), path.name), str(path)).text
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("samples")
    return out, make_samples.write_samples(out)


@pytest.fixture(scope="module")
def texts(gold: dict) -> dict[str, str]:
    return {path: squash(extract(SAMPLES / path)) for path in gold["files"]}


def test_regenerating_gives_the_committed_gold_and_files(gold, regenerated):
    out, new_gold = regenerated
    assert json.loads(json.dumps(new_gold)) == gold
    for path in gold["files"]:
        committed, fresh = SAMPLES / path, out / path
        if path.endswith(".txt"):
            assert fresh.read_bytes() == committed.read_bytes(), path
        else:  # binary formats: same text (bytes depend on library versions)
            assert extract(fresh) == extract(committed), path


def test_sample_set_covers_kinds_formats_and_stays_small(gold):
    files = gold["files"]
    kinds = [f["kind"] for f in files.values()]
    assert {k: kinds.count(k) for k in set(kinds)} == {"contract": 5, "deposition": 3,
                                                        "medical": 4, "email": 2}
    formats = {(f["kind"], f["format"]) for f in files.values()}
    assert {("deposition", "pdf"), ("deposition", "docx")} <= formats
    assert {("email", "eml"), ("email", "msg")} <= formats
    assert {fmt for _, fmt in formats} == {"txt", "docx", "pdf", "eml", "msg"}
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file())
    assert total < 2_000_000


def whole_words_only(value: str, text: str) -> bool:
    """True if ``value`` occurs in ``text`` and never as part of a longer word or number."""
    spans = [m.span() for m in re.finditer(re.escape(value), text)]
    return bool(spans) and all(
        not (a > 0 and text[a - 1].isalnum()) and not (b < len(text) and text[b].isalnum())
        for a, b in spans)


def test_every_gold_value_and_clause_occurs_in_the_extracted_text(gold, texts):
    for path, entry in gold["files"].items():
        text = texts[path]
        assert entry["pii"], path
        for item in entry["pii"]:
            assert whole_words_only(squash(item["value"]), text), (path, item)
            assert item["identifier"] in ("direct", "quasi")
        for clause in entry.get("clauses", []):
            assert squash(clause["text"]) in text, (path, clause["category"])


def test_masking_every_gold_value_leaves_none_behind_in_any_case(gold, texts):
    """A perfect redaction leaves no gold value even case-insensitively (as leak checks scan):
    no surname hides inside an ordinary word (a "Tran" in "transcript")."""
    values = sorted({i["value"] for e in gold["files"].values() for i in e["pii"]},
                    key=len, reverse=True)
    for path, text in texts.items():
        for value in values:
            text = text.replace(squash(value), "<X>")
        text = text.casefold()
        assert [v for v in values if len(v) > 3 and v.casefold() in text] == [], path


def attached_texts(path: Path) -> dict[str, str]:
    """File name -> text of each attachment of an e-mail (.eml or .msg)."""
    data = path.read_bytes()
    if path.suffix == ".msg":
        data = msg_to_eml(data, path.name)
    texts = {}
    for part in message_of(data, path.name).iter_attachments():
        name, payload = part.get_filename(), part.get_payload(decode=True)
        assert name and isinstance(payload, bytes)
        if name.endswith(".docx"):
            paragraphs = docx.Document(io.BytesIO(payload)).paragraphs
            texts[name] = "\n".join(p.text for p in paragraphs)
        else:
            texts[name] = payload.decode("utf-8")
    return texts


def test_email_attachments_and_their_gold_values_are_in_the_messages(gold):
    """Each e-mail carries the attachments gold names; the values gold lists for an attachment
    (``attachment_pii``) are all in that attachment's text."""
    emails = {p: e for p, e in gold["files"].items() if e["kind"] == "email"}
    assert {Path(p).suffix for p in emails} == {".eml", ".msg"}
    for path, entry in emails.items():
        attached = attached_texts(SAMPLES / path)
        assert list(attached) == entry["attachments"], path
        for listed in entry.get("attachment_pii", []):
            text = squash(attached[listed["file"]])
            assert listed["pii"], (path, listed["file"])
            for item in listed["pii"]:
                assert whole_words_only(squash(item["value"]), text), (path, item)
    assert any(e.get("attachment_pii") for e in emails.values())


def test_pii_includes_caps_and_surname_forms_of_names(gold):
    for path, entry in gold["files"].items():
        if entry["kind"] in ("contract", "email"):  # a message names people as it addresses them
            continue
        people = {i["value"] for i in entry["pii"] if i["type"] == "PERSON"}
        assert any(v.isupper() for v in people), path
        assert any(" " not in v and not v.isupper() for v in people), path  # surname alone
        assert all(i["identifier"] == "direct" for i in entry["pii"] if i["type"] == "PERSON")


def test_contract_clauses_use_cuad_category_names(gold):
    if not CUAD_CATEGORIES_CSV.exists():
        pytest.skip("CUAD categories.csv not available")
    with CUAD_CATEGORIES_CSV.open(encoding="utf-8-sig") as f:
        names = {row[0].removeprefix("Category: ") for row in list(csv.reader(f))[1:]}
    contracts = [e for e in gold["files"].values() if e["kind"] == "contract"]
    for entry in contracts:
        used = {c["category"] for c in entry["clauses"]}
        assert used <= names
        assert used | set(entry["absent_categories"]) == names
        assert not used & set(entry["absent_categories"])
    assert any("Governing Law" in e["absent_categories"] for e in contracts)


def test_deposition_gold_matches_the_transcript_layout(gold):
    built = dict(make_samples.build_samples())
    for path, entry in gold["files"].items():
        if entry["kind"] != "deposition":
            continue
        transcript = built[path]
        assert 8 <= entry["pages"] == len(transcript.pages) <= 20
        assert all(len(page) == 25 for page in transcript.pages)
        for exhibit in entry["exhibits"]:
            page, line = map(int, exhibit["cite"].split(":"))
            marked = f"(Exhibit {exhibit['number']} was marked for identification.)"
            assert marked in transcript.pages[page - 1][line - 1]
        body = transcript.text()
        assert body.count("Objection") == entry["objections"] > 0
        if path.endswith(".pdf"):
            assert len(pypdf.PdfReader(SAMPLES / path).pages) == entry["pages"]


def test_medical_gold_dates_gaps_and_npis(gold):
    for entry in gold["files"].values():
        if entry["kind"] != "medical":
            continue
        dates = [dt.date.fromisoformat(e["date"]) for e in entry["encounters"]]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        assert entry["dob"] not in {e["date"] for e in entry["encounters"]}
        assert dt.date.fromisoformat(entry["dob"]) < dates[0]
        expected = [{"from": a.isoformat(), "to": b.isoformat(), "days": (b - a).days}
                    for a, b in itertools.pairwise(dates) if (b - a).days >= 30]
        assert entry["gaps"] == expected and expected
        assert entry["ambiguous_dates"]
        npis = [i["value"] for i in entry["pii"] if i["type"] == "NPI"]
        assert npis and all(len(n) == 10 and luhn_ok("80840" + n) for n in npis)


def test_generate_corpus_is_deterministic_and_mixes_the_three_kinds():
    first = list(generate_corpus(40, seed=3))
    assert first == list(generate_corpus(40, seed=3))
    assert first != list(generate_corpus(40, seed=4))
    names = [name for name, _ in first]
    assert len(set(names)) == 40 and all(name.endswith(".txt") for name in names)
    kinds = {name.split("_")[1] for name in names}
    assert kinds == {"contract", "deposition", "medical"}
    assert all(len(text.split()) > 300 for _, text in first)


def test_huge_transcript_reaches_the_requested_size_as_a_numbered_transcript():
    text = huge_transcript(60_000, seed=2)
    assert 60_000 <= len(text) < 80_000
    assert text == huge_transcript(60_000, seed=2)
    pages = text.split("\f")
    assert len(pages) > 30
    assert all(page.split("\n")[1].startswith(" 1  ") for page in pages)


def test_file_metadata_is_neutral_and_fixed(gold):
    for path, entry in gold["files"].items():
        file = SAMPLES / path
        if file.suffix == ".pdf":
            meta = pypdf.PdfReader(file).metadata
            fields = {k: str(v) for k, v in meta.items()}
            assert fields["/CreationDate"].startswith("D:20250102")
        elif file.suffix == ".docx":
            props = docx.Document(str(file)).core_properties
            fields = {"author": props.author, "last_modified_by": props.last_modified_by,
                      "title": props.title, "created": str(props.created)}
            assert props.author == "" and props.created.year == 2025
        else:
            continue
        blob = " ".join(fields.values())
        assert not [i["value"] for i in entry["pii"] if i["value"] in blob], path
