"""``lpo-review produce``: approved packets into a Bates-numbered production.

Refused, audited and nothing written, if a packet is not approved or its sign-off does not
verify, if a document the privilege screen flagged has no valid attorney decision, or if the
finished production would leak a vault value (the export's leak check, run on every file
produced except the privilege log).  The production is built in a sibling ``.partial`` folder and
renamed into place only when complete.

Layout (``PRODUCTION_DIR``)::

    IMAGES/001/ABC000001.tif ...   one Group 4 TIFF per page
    PDF/ABC000001.pdf ...          one PDF per document (page pictures + clean text layer)
    TEXT/001/ABC000001.txt ...     the produced text per document
    NATIVES/001/ABC000007.xlsx     only documents produced with nothing redacted
    DATA/VOL001.dat .opt .csv      load files
    LOGS/redaction_log.csv .docx   LOGS/privilege_log.csv .docx
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.export import LeakRefusal, build_checker, load_packets
from lpo_review.confidential.identifying import english_dictionary
from lpo_review.confidential.leakcheck import Leak, LeakChecker
from lpo_review.confidential.signoff import approval_problem, content_sha256
from lpo_review.confidential.vault import read_vault_spans, restore_spans
from lpo_review.confidential.vendors import Matter
from lpo_review.config import Config
from lpo_review.errors import ConfigError, GuardRefusal, LpoReviewError
from lpo_review.model import LineMap, Packet
from lpo_review.packets.atomic import atomic_write
from lpo_review.privilege.decision import (
    PrivilegeDecision,
    decision_problem,
    line_ranges,
    privilege_hold,
    read_decision,
)
from lpo_review.production.bates import BatesCounter
from lpo_review.production.convert import CONVERTIBLE, office_pdf
from lpo_review.production.layout import plan_boxes
from lpo_review.production.loadfiles import ImagePage, csv_file, dat_file, mapped_fields, opt_file
from lpo_review.production.logs import PRIVILEGE_COLUMNS, REDACTION_COLUMNS, csv_log, docx_log
from lpo_review.production.natives import Native, Natives, run_documents
from lpo_review.production.pages import (
    BoxedSpan,
    ProducedPage,
    build_pages,
    page_count,
    write_pdf,
    write_tiff,
)
from lpo_review.production.text_pages import (
    PRIVILEGED,
    placeholder_label,
    placeholder_type,
    text_pdf,
)
from lpo_review.redact.redactor import PLACEHOLDER

if TYPE_CHECKING:
    from lpo_review.engine import Engine

#: Documents per image/text folder (``IMAGES/001``), as review platforms expect.
FOLDER_SIZE = 1000
_HEADER = re.compile(r"^(from|to|cc|bcc|date|sent)[ \t]*:[ \t]*(.*)$", re.IGNORECASE)


@dataclass
class ProducedDocument:
    """One document's place in the production."""

    doc_id: str
    begin: str
    end: str
    pages: int
    mode: str
    """``layout`` (the original's pages), ``text`` (drawn from the redacted text) or
    ``withheld`` (a privilege slip sheet)."""
    reason: str = ""
    """Why ``text`` mode, when the original could not be used."""


@dataclass
class ProductionResult:
    folder: Path
    documents: list[ProducedDocument] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)


def _ordered(out_dir: Path, packets: list[Packet]) -> list[Packet]:
    """Run-report order (a family's parent before its attachments), then the rest by ID."""
    rank = {d["doc_id"]: i for i, d in enumerate(run_documents(out_dir))}
    return sorted(packets, key=lambda p: (rank.get(p.doc_id, len(rank)), p.doc_id))


def _check(out_dir: Path, packets: list[Packet], matter: Matter) -> list[str]:
    problems = []
    for packet in packets:
        if problem := approval_problem(packet, matter):
            problems.append(f"{packet.doc_id}: {problem}")
            continue
        decision = read_decision(out_dir, packet.doc_id)
        if decision is None:
            held = privilege_hold(out_dir, packet, matter, for_vendor=False)
            if held:
                problems.append(f"{packet.doc_id}: {held}")
        elif problem := decision_problem(decision, packet, matter):
            problems.append(f"{packet.doc_id}: privilege decision: {problem}")
    return problems


def _headers(original: str) -> dict[str, str]:
    """From/To/Cc/Date of a message or memo header block (first 20 lines)."""
    found: dict[str, str] = {}
    for line in original.splitlines()[:20]:
        m = _HEADER.match(line.strip())
        if m:
            key = "date" if m.group(1).lower() == "sent" else m.group(1).lower()
            found.setdefault(key, m.group(2).strip())
    return found


def _date(value: str) -> str:
    """A header date as MM/DD/YYYY (the load-file convention); empty when unreadable."""
    try:
        return parsedate_to_datetime(value).strftime("%m/%d/%Y") if value else ""
    except (TypeError, ValueError, IndexError):
        return ""


def _privileged_text(redacted: str, lines: LineMap, ranges: list[str]) -> str:
    """``redacted`` with each line in the page:line ``ranges`` (as ``lines``, the document's
    own map, cites them) replaced by a PRIVILEGED box (the redacted text has the original's
    lines: a placeholder never spans a line break)."""
    wanted = line_ranges(ranges)
    boxed = [i for i, (page, number) in enumerate(zip(lines.pages, lines.numbers, strict=True))
             if any((p0, l0) <= (page, number) <= (p1, l1) for p0, l0, p1, l1 in wanted)]
    starts = LineMap.from_text(redacted).starts
    out, pos = [], 0
    for i in boxed:
        if i >= len(starts):
            break
        start = starts[i]
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(redacted.rstrip("\n\f"))
        if redacted[start:end].strip():
            out += [redacted[pos:start], f"<{PRIVILEGED}_{i}>"]
            pos = end
    return "".join(out) + redacted[pos:]


def _layout_source(native: Native) -> bytes | str:
    """The original's pages as PDF (a PDF itself, an office file through LibreOffice), or why
    its layout cannot be used."""
    suffix = native.path.suffix.lower()
    if suffix == ".pdf":
        return native.data
    if suffix in CONVERTIBLE:
        return office_pdf(native.path)
    return f"a {suffix or 'plain'} original is drawn from its text"


def _production_text(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: f"[{placeholder_label(m.group())}]", text)


@dataclass
class _Plan:
    """How one document's pages are made (see :meth:`_Builder._plan`)."""

    mode: str
    source: bytes
    """The PDF whose pages are rendered: the original, or pages drawn from text."""
    boxes: list[BoxedSpan] = field(default_factory=list)
    """Boxes to burn on the original's pages (``layout`` only)."""
    redactions: list[tuple[str, int]] = field(default_factory=list)
    """Each redaction's type and page (0-based), for the redaction log."""
    reason: str = ""


class _Builder:
    """Builds one production folder, document by document."""

    def __init__(self, folder: Path, config: Config, checker: LeakChecker, natives: Natives):
        self.folder = folder
        self.config = config.production
        self.engine_config = config
        self.checker = checker
        self.natives = natives
        self.counter = BatesCounter(self.config.prefix, self.config.start, self.config.padding)
        self.images: list[ImagePage] = []
        self.rows: list[dict[str, str]] = []
        self.redaction_log: list[dict[str, str]] = []
        self.privilege_log: list[dict[str, str]] = []
        self.produced: list[ProducedDocument] = []
        self._reader: Engine | None = None
        """The engine whose readers give an original's page:line map (made when first needed)."""

    def _line_map(self, native: Native | None, original: str) -> LineMap:
        """The page:line map the packet's cites use: the original read again by the engine's
        reader (a transcript's own numbers, a PDF's pages); the text's lines if it is gone."""
        if native is not None:
            if self._reader is None:
                from lpo_review.engine import Engine

                self._reader = Engine(self.engine_config)
            try:
                return self._reader.read(native.path).lines
            except LpoReviewError:
                pass
        return LineMap.from_text(original)

    def _sub(self, top: str) -> Path:
        return Path(top) / f"{len(self.produced) // FOLDER_SIZE + 1:03d}"

    def _plan(self, packet: Packet, spans: list[str] | None, text: str, withheld: str,
              native: Native | None) -> _Plan:
        """How the document's pages are made: a slip sheet, its original's layout, or its
        redacted ``text`` drawn (with the reason the layout could not be used)."""
        if withheld:
            source, _ = text_pdf(f"DOCUMENT WITHHELD AS PRIVILEGED\n\nPrivilege: {withheld}\n"
                                 f"See the privilege log, entry {len(self.privilege_log) + 1}.")
            return _Plan("withheld", source)
        if native is None:
            reason = "original file not found (pass --sources)"
        elif text != packet.redacted_text:
            reason = "passages withheld as privileged"
        elif spans is None and packet.redactions:
            reason = "the vault kept no original spans"
        else:
            layout = _layout_source(native)
            placed = (plan_boxes(layout, packet.redactions, spans or [], self.checker)
                      if isinstance(layout, bytes) else layout)
            if not isinstance(placed, str):
                assert isinstance(layout, bytes)
                boxes, pages = placed
                return _Plan("layout", layout, boxes=boxes, redactions=[
                    (placeholder_type(e.placeholder), page)
                    for e, page in zip(packet.redactions, pages, strict=True)])
            reason = placed
        source, box_pages = text_pdf(text)
        kinds = (placeholder_type(m.group()) for m in PLACEHOLDER.finditer(text))
        return _Plan("text", source, reason=reason,
                     redactions=list(zip(kinds, box_pages, strict=True)))

    def add(self, packet: Packet, spans: list[str] | None, decision: PrivilegeDecision | None,
            family: dict[str, Any] | None) -> None:
        """Number, draw, write and log one document."""
        original = (restore_spans(packet.redacted_text, packet.redactions, spans)
                    if spans is not None else packet.redacted_text)
        native = self.natives.find(packet.source_sha256) if packet.source_sha256 else None
        privileged = decision is not None and decision.privileged
        text = packet.redacted_text
        if privileged and decision and decision.treatment == "redact":
            text = _privileged_text(text, self._line_map(native, original),
                                    decision.redact_lines)
        withheld = (decision.privilege_type if privileged and decision
                    and decision.treatment == "withhold" else "")
        plan = self._plan(packet, spans, text, withheld, native)
        numbers = self.counter.take(page_count(plan.source))
        pages = list(build_pages(plan.source, plan.boxes, numbers, dpi=self.config.dpi,
                                 legend=self.config.legend))
        begin, end = numbers[0], numbers[-1]
        self._write(packet, pages, begin, plan.mode, text, native)
        doc = ProducedDocument(packet.doc_id, begin, end, len(pages), plan.mode, plan.reason)
        self.produced.append(doc)
        self.redaction_log += [
            {"BEGBATES": begin, "PAGE_BATES": numbers[page], "PAGE": str(page + 1),
             "REASON": "Privilege" if kind == PRIVILEGED else "Personal data",
             "TYPE": "" if kind == PRIVILEGED else kind}
            for kind, page in plan.redactions]
        self._rows(packet, doc, original, decision, family, native)

    def _write(self, packet: Packet, pages: list[ProducedPage], begin: str, mode: str,
               text: str, native: Native | None) -> None:
        for i, page in enumerate(pages):
            rel = self._sub("IMAGES") / f"{page.bates}.tif"
            atomic_write(self.folder / rel, write_tiff(page, self.config.dpi))
            self.images.append(ImagePage(page.bates, str(rel).replace("/", "\\"), i == 0,
                                         len(pages)))
        atomic_write(self.folder / "PDF" / f"{begin}.pdf", write_pdf(pages))
        produced_text = ("" if mode == "withheld" else _production_text(text))
        atomic_write(self.folder / self._sub("TEXT") / f"{begin}.txt", produced_text)

    def _rows(self, packet: Packet, doc: ProducedDocument, original: str,
              decision: PrivilegeDecision | None, family: dict[str, Any] | None,
              native: Native | None) -> None:
        headers = _headers(original) if packet.kind == "email" or decision else {}
        md5, sha1 = native.hashes() if native else ("", "")
        name = Path(packet.source_name).name
        if self.checker.found_in(name.replace("_", " ")):
            name = packet.doc_id + Path(name).suffix  # a file name that names someone
        natives_rel = ""
        if native is not None and not packet.redactions and doc.mode != "withheld" and (
                decision is None or not decision.privileged):
            natives_rel = str(self._sub("NATIVES") / f"{doc.begin}{native.path.suffix}")
            atomic_write(self.folder / natives_rel, native.data)
        privilege = ""
        if decision is not None and decision.privileged:
            privilege = f"{'Withheld' if doc.mode == 'withheld' else 'Redacted'} - " \
                        f"{decision.privilege_type}"
            self.privilege_log.append({
                "ENTRY": str(len(self.privilege_log) + 1),
                "BATES": doc.begin if doc.begin == doc.end else f"{doc.begin}-{doc.end}",
                "DATE": _date(headers.get("date", "")), "AUTHOR": headers.get("from", ""),
                "RECIPIENTS": "; ".join(v for k in ("to", "cc", "bcc")
                                        if (v := headers.get(k, ""))),
                "PRIVILEGE_TYPE": decision.privilege_type,
                "TREATMENT": "Withheld" if doc.mode == "withheld" else "Produced redacted",
                "DESCRIPTION": decision.description})
        self.rows.append({
            "BEGBATES": doc.begin, "ENDBATES": doc.end, "PGCOUNT": str(doc.pages),
            "CUSTODIAN": self.config.custodian, "DATE": _date(headers.get("date", "")),
            "FILENAME": name, "MD5HASH": md5, "SHA1HASH": sha1,
            "REDACTED": "Y" if packet.redactions or privilege.startswith("Redacted") else "N",
            "PRIVILEGE": privilege,
            "TEXTPATH": str(self._sub("TEXT") / f"{doc.begin}.txt").replace("/", "\\"),
            "NATIVEPATH": natives_rel.replace("/", "\\"), "DOCID": packet.doc_id,
            "_family": (family or {}).get("family_id", "")})

    def finish(self) -> None:
        """Family ranges, then the load files and the logs."""
        by_family: dict[str, list[dict[str, str]]] = {}
        for row in self.rows:
            if row["_family"]:
                by_family.setdefault(row["_family"], []).append(row)
        for row in self.rows:
            members = by_family.get(row.pop("_family"), [row])
            row["BEGATTACH"], row["ENDATTACH"] = members[0]["BEGBATES"], members[-1]["ENDBATES"]
        fields = mapped_fields(self.config.fields)
        volume = self.config.volume
        atomic_write(self.folder / "DATA" / f"{volume}.dat", dat_file(self.rows, fields))
        atomic_write(self.folder / "DATA" / f"{volume}.csv", csv_file(self.rows, fields))
        atomic_write(self.folder / "DATA" / f"{volume}.opt", opt_file(self.images, volume))
        logs = self.folder / "LOGS"
        atomic_write(logs / "redaction_log.csv", csv_log(REDACTION_COLUMNS, self.redaction_log))
        atomic_write(logs / "redaction_log.docx", docx_log(
            "Redaction log", "Each redaction in the production: where it is and why. No "
            "redacted value is recorded.", REDACTION_COLUMNS, self.redaction_log))
        atomic_write(logs / "privilege_log.csv", csv_log(PRIVILEGE_COLUMNS, self.privilege_log))
        atomic_write(logs / "privilege_log.docx", docx_log(
            "Privilege log", "Documents withheld or redacted on the ground of privilege.",
            PRIVILEGE_COLUMNS, self.privilege_log))


def _leaks(folder: Path, checker: LeakChecker) -> list[Leak]:
    """The produced PDFs, texts, load files and redaction log, scanned like a vendor export (the
    privilege log names its authors by design; natives are produced only unredacted)."""
    leaks: list[Leak] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if (not path.is_file() or path.suffix == ".tif" or rel.parts[0] == "NATIVES"
                or path.name.startswith("privilege_log")):
            continue
        leaks += checker.scan_file(str(rel), path.name, path.read_bytes())
    return leaks


def produce(out_dir: Path, to: Path, *, config: Config, matter: Matter, vault_key: bytes | None,
            sources: list[Path] | None = None, doc_ids: list[str] | None = None,
            actor: str | None = None) -> ProductionResult:
    """Build the production of the approved packets of ``out_dir`` in ``to``."""
    out_dir, to = Path(out_dir), Path(to)
    actor = actor or default_actor()
    try:
        mapped_fields(config.production.fields)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    audit = AuditLog.for_matter(out_dir)
    documents: list[dict[str, str]] = []
    try:
        if to.exists() and any(to.iterdir()):
            raise GuardRefusal(f"{to}: not empty; produce into a new folder")
        if to.resolve().is_relative_to(out_dir.resolve()):
            raise GuardRefusal(f"{to}: inside the matter folder; produce elsewhere")
        packets = _ordered(out_dir, load_packets(out_dir, doc_ids))
        documents = [{"doc_id": p.doc_id, "sha256": content_sha256(p)} for p in packets]
        problems = _check(out_dir, packets, matter)
        if problems:
            raise GuardRefusal("; ".join(problems))
        checker = build_checker(out_dir, matter, vault_key, english_dictionary(config.model),
                                file_names=False)
        assert vault_key is not None
        families = {d["doc_id"]: d.get("family") for d in run_documents(out_dir)}
        partial = to.with_name(to.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        builder = _Builder(partial, config, checker, Natives(out_dir, sources or []))
        for packet in packets:
            spans = read_vault_spans(out_dir, packet.doc_id, vault_key) if packet.redactions \
                else []
            builder.add(packet, spans, read_decision(out_dir, packet.doc_id),
                        families.get(packet.doc_id) or packet.meta.get("family"))
        builder.finish()
        leaks = _leaks(partial, checker)
        if leaks:
            shutil.rmtree(partial, ignore_errors=True)
            raise LeakRefusal(f"the production would disclose {len(leaks)} vault value(s): "
                              + "; ".join(str(leak) for leak in leaks[:5]), leaks)
        if to.exists():
            to.rmdir()
        partial.rename(to)
    except GuardRefusal as exc:
        audit.append(actor, "production_refused", documents, {"reason": str(exc)[:2000]})
        raise
    result = ProductionResult(to, builder.produced)
    audit.append(actor, "production", documents, {
        "folder": str(to), "prefix": config.production.prefix,
        "first": result.documents[0].begin if result.documents else "",
        "last": result.documents[-1].end if result.documents else "",
        "pages": result.pages, "withheld": sum(d.mode == "withheld" for d in result.documents),
        "drawn_from_text": sum(d.mode == "text" for d in result.documents)})
    return result
