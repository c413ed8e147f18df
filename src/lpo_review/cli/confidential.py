"""Confidentiality commands: keygen, reveal, signoff, verify, export, open, audit.

Exit codes: 0 ok; 1 refused or verification failed (reason on stderr); 2 usage error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import click
from pydantic import ValidationError

from lpo_review.cli.common import (
    actor_option,
    audited_vault_key,
    config_option,
    existing_dir,
    existing_file,
    refusals,
    vault_key_option,
)
from lpo_review.confidential.anchor import check_anchor, make_anchor, read_anchor
from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.export import PACKETS_DIR, LeakRefusal, export_packets
from lpo_review.confidential.keys import (
    encode_vault_key,
    generate_key_pair,
    generate_vault_key,
    load_signing_key,
    load_vendor_private,
    write_private,
)
from lpo_review.confidential.reveal import reveal as reveal_packet
from lpo_review.confidential.sealed import SUFFIX, open_sealed
from lpo_review.confidential.signoff import content_sha256, record_signoff, verify_packet
from lpo_review.confidential.vendors import load_matter
from lpo_review.config import Config
from lpo_review.errors import LpoReviewError
from lpo_review.model import Packet
from lpo_review.packets.atomic import atomic_write


def _load_packet(path: Path) -> Packet:
    try:
        return Packet.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, UnicodeDecodeError) as exc:
        raise LpoReviewError(f"{path}: not a review packet ({exc.__class__.__name__})") from None


def _matter_dir(packet_path: Path) -> Path:
    """The matter folder of ``OUT_DIR/packets/DOC-....json``."""
    folder = packet_path.resolve().parent
    return folder.parent if folder.name == PACKETS_DIR else folder


def _packet_paths(targets: tuple[Path, ...]) -> list[Path]:
    paths: list[Path] = []
    for target in targets:
        paths += sorted((target / PACKETS_DIR).glob("*.json")) if target.is_dir() else [target]
    return paths


# --------------------------------------------------------------------------------------------
# keygen
# --------------------------------------------------------------------------------------------


@click.group()
def keygen() -> None:
    """Make keys: a vault key, attorneys' and vendors' key pairs, the firm's return key."""


@keygen.command("vault")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen_vault(path: Path) -> None:
    """Write a new vault key to PATH (mode 0600). Keep it outside the matter folder."""
    with refusals():
        write_private(path, encode_vault_key(generate_vault_key()) + "\n")
    click.echo(f"vault key written to {path}")


@keygen.command("attorney")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen_attorney(path: Path) -> None:
    """Write an attorney's Ed25519 key pair: PATH (private, 0600) and PATH.pub."""
    with refusals():
        private, public = generate_key_pair(path, "attorney")
    click.echo(
        f"attorney signing key: {private}\npublic key (register in [[matter.attorneys]]): {public}"
    )


@keygen.command("vendor")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen_vendor(path: Path) -> None:
    """Write a vendor's X25519 key pair: PATH (private, 0600, for the vendor) and PATH.pub."""
    with refusals():
        private, public = generate_key_pair(path, "vendor")
    click.echo(f"vendor private key: {private}\npublic key (give to the firm): {public}")


@keygen.command("vendor-signing")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen_vendor_signing(path: Path) -> None:
    """Write a vendor's Ed25519 key pair for signing its returns: PATH and PATH.pub."""
    with refusals():
        private, public = generate_key_pair(path, "vendor-signing")
    click.echo(f"vendor signing key: {private}\npublic key (the firm registers it as "
               f"signing_key in [[matter.vendors]]): {public}")


@keygen.command("firm")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen_firm(path: Path) -> None:
    """Write the firm's X25519 key pair that vendors seal returns to: PATH and PATH.pub."""
    with refusals():
        private, public = generate_key_pair(path, "firm")
    click.echo(f"firm private key (keep it at the firm): {private}\npublic key (firm_key in "
               f"[matter]; give it to vendors): {public}")


# --------------------------------------------------------------------------------------------
# reveal
# --------------------------------------------------------------------------------------------


@click.command()
@click.argument("packet_path", metavar="PACKET", type=existing_file)
@click.option("--finding", type=click.IntRange(min=0), help="Reveal only this finding (index).")
@vault_key_option
@actor_option
def reveal(
    packet_path: Path, finding: int | None, vault_key_file: Path | None, actor: str | None
) -> None:
    """Print PACKET's text (or one finding) with original values restored. Audited."""
    with refusals():
        matter_dir = _matter_dir(packet_path)
        key = audited_vault_key(vault_key_file, matter_dir, actor)
        if key is None:
            raise LpoReviewError("no vault key: pass --vault-key-file or set $LPO_REVIEW_VAULT_KEY")
        packet = _load_packet(packet_path)
        click.echo(reveal_packet(matter_dir, packet, key, finding=finding, actor=actor))


# --------------------------------------------------------------------------------------------
# signoff / verify
# --------------------------------------------------------------------------------------------


@click.command()
@click.argument("packet_path", metavar="PACKET", type=existing_file)
@click.option("--attorney", required=True, help="Attorney's name.")
@click.option("--bar-number", required=True, help="Attorney's bar number.")
@click.option("--key", "key_file", required=True, type=existing_file, help="Ed25519 private key.")
@click.option("--approve/--return", "approve", required=True, help="The decision.")
@click.option("--reason", "reasons", multiple=True, help="Why it is returned (repeatable).")
@click.option(
    "--acknowledge",
    "acknowledged",
    multiple=True,
    help="A flagged finding (F<index>) the attorney has reviewed (repeatable).",
)
@config_option
def signoff(
    packet_path: Path,
    attorney: str,
    bar_number: str,
    key_file: Path,
    approve: bool,
    reasons: tuple[str, ...],
    acknowledged: tuple[str, ...],
    config_path: Path | None,
) -> None:
    """Sign PACKET's content as approved or returned."""
    decision: Literal["approved", "returned"] = "approved" if approve else "returned"
    with refusals():
        packet = _load_packet(packet_path)
        try:
            key, matter = load_signing_key(key_file), load_matter(config_path)
        except LpoReviewError as exc:  # a bad key or matter is a refused sign-off too
            AuditLog.for_matter(_matter_dir(packet_path)).append(
                attorney, "signoff_refused",
                [{"doc_id": packet.doc_id, "sha256": content_sha256(packet)}],
                {"reason": str(exc)})
            raise
        record_signoff(
            _matter_dir(packet_path),
            packet,
            attorney=attorney,
            bar_number=bar_number,
            key=key,
            decision=decision,
            reasons=list(reasons),
            acknowledged=list(acknowledged),
            matter=matter,
            config=Config.load(config_path),
        )
    click.echo(f"{packet.doc_id}: {decision} and signed by {attorney}")


@click.command()
@click.argument(
    "targets",
    metavar="PACKET_OR_OUT_DIR...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@config_option
@actor_option
def verify(targets: tuple[Path, ...], config_path: Path | None, actor: str | None) -> None:
    """Check sign-off signatures and that no signed byte changed since. Exit 1 on any failure."""
    failed = 0
    with refusals():
        matter = load_matter(config_path)
        paths = _packet_paths(targets)
        if not paths:
            raise LpoReviewError("no packets found")
        for path in paths:
            packet = _load_packet(path)
            result = verify_packet(packet, matter)
            AuditLog.for_matter(_matter_dir(path)).append(
                actor or default_actor(),
                "verify",
                [{"doc_id": packet.doc_id, "sha256": content_sha256(packet)}],
                {"ok": result.ok, "problem": result.problem},
            )
            if result.ok:
                click.echo(
                    f"{packet.doc_id}: OK ({result.status}, signed by {packet.signoff.attorney})"
                    if packet.signoff
                    else f"{packet.doc_id}: OK"
                )
            else:
                failed += 1
                click.echo(f"{packet.doc_id}: FAILED: {result.problem}", err=True)
    if failed:
        raise click.exceptions.Exit(1)


# --------------------------------------------------------------------------------------------
# export / open
# --------------------------------------------------------------------------------------------


@click.command()
@click.argument("out_dir", type=existing_dir)
@click.option("--vendor", "vendor_name", required=True, help="Registered vendor name.")
@click.option(
    "--to",
    "export_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="New, empty folder for the vendor packets.",
)
@click.option("--doc", "doc_ids", multiple=True, help="Export only this document ID (repeatable).")
@click.option("--prefix", default="DOC", show_default=True, help="Prefix of the neutral IDs.")
@click.option(
    "--explain",
    is_flag=True,
    help="On a leak, also print the values found (to this terminal only, never logged).",
)
@config_option
@vault_key_option
@actor_option
def export(
    out_dir: Path,
    vendor_name: str,
    export_dir: Path,
    doc_ids: tuple[str, ...],
    prefix: str,
    explain: bool,
    config_path: Path | None,
    vault_key_file: Path | None,
    actor: str | None,
) -> None:
    """Write the packets VENDOR may receive from OUT_DIR into EXPORT_DIR, after every check."""
    with refusals():
        config = Config.load(config_path)
        try:
            result = export_packets(
                out_dir,
                export_dir,
                vendor_name=vendor_name,
                matter=load_matter(config_path),
                vault_key=audited_vault_key(vault_key_file, out_dir, actor),
                doc_ids=list(doc_ids) or None,
                prefix=prefix,
                actor=actor,
                config=config,
            )
        except LeakRefusal as exc:
            if explain:
                for leak in dict.fromkeys((x.document, x.kind, x.value) for x in exc.leaks):
                    click.echo(f"leak: {leak[0]}: {leak[1]} {leak[2]!r}", err=True)
            raise
    sealed = " (sealed to the vendor's key)" if result.sealed else ""
    click.echo(
        f"{result.export_id}: {len(result.mapping)} packet(s), {len(result.files)} file(s) "
        f"written to {export_dir}{sealed}; ID mapping kept in {result.manifest}"
    )


@click.command("open")
@click.argument("sealed", nargs=-1, required=True, type=existing_file)
@click.option("--key", "key_file", required=True, type=existing_file, help="Vendor's private key.")
@click.option(
    "--to",
    "to_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the opened files.",
)
def open_command(sealed: tuple[Path, ...], key_file: Path, to_dir: Path) -> None:
    """Open sealed export files with the vendor's private key."""
    with refusals():
        private = load_vendor_private(key_file)
        for path in sealed:
            if not path.name.endswith(SUFFIX):
                raise LpoReviewError(f"{path}: not a {SUFFIX} file")
            name, data = open_sealed(path.read_bytes(), private)
            atomic_write(to_dir / name, data)
            click.echo(f"{path.name} -> {to_dir / name}")


# --------------------------------------------------------------------------------------------
# audit
# --------------------------------------------------------------------------------------------


@click.group()
def audit() -> None:
    """Inspect and verify a matter's audit log."""


@audit.command("verify")
@click.argument("out_dir", type=existing_dir)
@click.option("--expect-head", help="Hash the log must end at (from an earlier `audit show`).")
@click.option("--anchor", "anchor_files", multiple=True, type=existing_file,
              help="A signed anchor (`audit anchor`) whose entry the log must still hold "
                   "(repeatable).")
@config_option
def audit_verify(out_dir: Path, expect_head: str | None, anchor_files: tuple[Path, ...],
                 config_path: Path | None) -> None:
    """Detect edited, removed or reordered audit entries, and a recomputed chain (--anchor)."""
    with refusals():
        log = AuditLog.for_matter(out_dir)
        problems = log.verify(expect_head)
        matter = load_matter(config_path) if config_path else None
        for anchor_file in anchor_files:
            problems += [f"{anchor_file.name}: {p}"
                         for p in check_anchor(log, read_anchor(anchor_file), matter)]
        if problems:
            for problem in problems:
                click.echo(f"TAMPERED: {problem}", err=True)
            raise click.exceptions.Exit(1)
        seq, head = log.head()
    click.echo(f"audit log OK: {seq} entries, head {head}")


@audit.command("anchor")
@click.argument("out_dir", type=existing_dir)
@click.option("--attorney", required=True, help="Attorney's name.")
@click.option("--key", "key_file", required=True, type=existing_file, help="Ed25519 private key.")
@click.option("--to", "to_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Anchor file to write; keep it outside the matter folder.")
@actor_option
def audit_anchor(out_dir: Path, attorney: str, key_file: Path, to_file: Path,
                 actor: str | None) -> None:
    """Sign the audit log's head with an attorney's key into an anchor file kept elsewhere."""
    with refusals():
        if to_file.exists():
            raise LpoReviewError(f"{to_file}: already exists; anchors are never overwritten")
        if to_file.resolve().is_relative_to(Path(out_dir).resolve()):
            raise LpoReviewError(f"{to_file}: inside the matter folder; keep anchors elsewhere")
        anchor = make_anchor(AuditLog.for_matter(out_dir), load_signing_key(key_file), attorney,
                             actor or default_actor())
        atomic_write(to_file, anchor.to_json())
    click.echo(f"anchored entry {anchor.seq} (head {anchor.head}) -> {to_file}")


@audit.command("show")
@click.argument("out_dir", type=existing_dir)
@click.option("--limit", type=click.IntRange(min=1), help="Only the last N entries.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def audit_show(out_dir: Path, limit: int | None, as_json: bool) -> None:
    """List audit entries (oldest first) and the head hash."""
    with refusals():
        entries = AuditLog.for_matter(out_dir).entries()
    for e in entries[-limit:] if limit else entries:
        if as_json:
            click.echo(json.dumps(e.__dict__, ensure_ascii=False, sort_keys=True))
        else:
            docs = ",".join(d["doc_id"] for d in e.documents) or "-"
            click.echo(
                f"{e.seq:>5} {e.at} {e.actor} {e.action} [{docs}] "
                f"{json.dumps(e.details, ensure_ascii=False)}"
            )
    if not as_json:
        click.echo(f"head: {entries[-1].hash if entries else '-'}")


COMMANDS: list[click.Command] = [keygen, reveal, signoff, verify, export, open_command, audit]
