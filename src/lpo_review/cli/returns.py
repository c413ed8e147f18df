"""Return-leg commands: return (at the vendor), import, work list/show/signoff, deliver.

Exit codes as everywhere: 0 ok; 1 refused (reason on stderr); 2 usage error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import click

from lpo_review.cli.common import (
    actor_option,
    audited_vault_key,
    config_option,
    existing_dir,
    existing_file,
    refusals,
    vault_key_option,
)
from lpo_review.confidential.audit import AuditLog
from lpo_review.confidential.keys import (
    load_signing_key,
    load_vendor_private,
    load_vendor_public,
)
from lpo_review.confidential.vendors import load_matter
from lpo_review.config import Config
from lpo_review.errors import LpoReviewError
from lpo_review.packets.atomic import atomic_write
from lpo_review.returns.deliver import deliver
from lpo_review.returns.importer import import_return
from lpo_review.returns.package import build_return
from lpo_review.returns.review import sign_work, work_content_sha256, work_problem
from lpo_review.returns.store import list_work, read_work, write_work


@click.command("return")
@click.argument("opened_dir", metavar="OPENED_EXPORT", type=existing_dir)
@click.argument("work_files", metavar="WORK_FILE...", nargs=-1, required=True,
                type=existing_file)
@click.option("--vendor", "vendor_name", required=True, help="Your name as the firm registered it.")
@click.option("--key", "key_file", required=True, type=existing_file,
              help="Your Ed25519 signing key (lpo-review keygen vendor-signing).")
@click.option("--firm-key", "firm_key_file", required=True, type=existing_file,
              help="The firm's X25519 public key (the firm gives it to you).")
@click.option("--to", "to_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the sealed return package into.")
def return_command(opened_dir: Path, work_files: tuple[Path, ...], vendor_name: str,
                   key_file: Path, firm_key_file: Path, to_dir: Path) -> None:
    """At the vendor: sign and seal WORK_FILEs (edited DOCX, coding sheets) answering the
    export opened into OPENED_EXPORT, for the firm."""
    with refusals():
        name, sealed = build_return(opened_dir, list(work_files), vendor=vendor_name,
                                    signing_key=load_signing_key(key_file),
                                    firm_key=load_vendor_public(firm_key_file))
        path = atomic_write(to_dir / name, sealed)
    click.echo(f"{len(work_files)} file(s) signed and sealed to the firm: {path}")


@click.command("import")
@click.argument("package", metavar="RETURN", type=existing_file)
@click.argument("out_dir", type=existing_dir)
@click.option("--key", "key_file", required=True, type=existing_file,
              help="The firm's X25519 private key (lpo-review keygen firm).")
@config_option
@actor_option
def import_command(package: Path, out_dir: Path, key_file: Path, config_path: Path | None,
                   actor: str | None) -> None:
    """At the firm: check a vendor's RETURN and store its work product in OUT_DIR/work/."""
    with refusals():
        works = import_return(package, out_dir, matter=load_matter(config_path),
                              firm_key=load_vendor_private(key_file),
                              config=Config.load(config_path), actor=actor)
    for w in works:
        flags = f", {len(w.findings)} guard finding(s) to acknowledge" if w.findings else ""
        click.echo(f"{w.work_id}: {len(w.changes)} change(s){flags}; pending attorney review")


@click.group()
def work() -> None:
    """Returned work product: list, show (changes and guard findings), sign off."""


@work.command("list")
@click.argument("out_dir", type=existing_dir)
@config_option
def work_list(out_dir: Path, config_path: Path | None) -> None:
    """Every work product with its status; a broken sign-off is shown as FAILED (exit 1)."""
    failed = 0
    with refusals():
        matter = load_matter(config_path)
        for w in list_work(out_dir):
            problem = work_problem(w, matter)
            failed += bool(problem)
            state = f"FAILED: {problem}" if problem else w.status
            click.echo(f"{w.work_id}  {w.vendor}  {w.export_doc}  {state}  "
                       f"{len(w.changes)} change(s), {len(w.findings)} finding(s)")
    if failed:
        raise click.exceptions.Exit(1)


@work.command("show")
@click.argument("out_dir", type=existing_dir)
@click.argument("work_id", metavar="WORK_ID")
@click.option("--json", "as_json", is_flag=True, help="The whole record as JSON.")
@actor_option
def work_show(out_dir: Path, work_id: str, as_json: bool, actor: str | None) -> None:
    """What the vendor changed (before -> after) and the guard's findings on its words."""
    with refusals():
        w = read_work(out_dir, work_id)
    if as_json:
        click.echo(w.model_dump_json(indent=1))
        return
    click.echo(f"{w.work_id} from {w.vendor} (export {w.export_id}, {w.export_doc}): {w.status}")
    for c in w.changes:
        where = f"{c.draft} row {c.row}" + (f" {c.column}" if c.column else "")
        if c.change == "changed":
            click.echo(f"  changed {where}:\n    - {c.before}\n    + {c.after}")
        else:
            click.echo(f"  {c.change} {where}: {c.after or c.before}")
    if w.coding is not None:
        click.echo("  coding: " + json.dumps(w.coding.model_dump(exclude={"format", "drafts"},
                                                                 exclude_defaults=True)))
    for f in w.findings:
        click.echo(f"  {f.ref} [{f.category}] {f.where}: {f.text!r} ({f.reason})")


@work.command("signoff")
@click.argument("out_dir", type=existing_dir)
@click.argument("work_id", metavar="WORK_ID")
@click.option("--attorney", required=True, help="Attorney's name.")
@click.option("--bar-number", required=True, help="Attorney's bar number.")
@click.option("--key", "key_file", required=True, type=existing_file, help="Ed25519 private key.")
@click.option("--approve/--return", "approve", required=True, help="The decision.")
@click.option("--reason", "reasons", multiple=True,
              help="Why it goes back to the vendor (repeatable; sent with its next export).")
@click.option("--acknowledge", "acknowledged", multiple=True,
              help="A guard finding (W<n>) the attorney has reviewed (repeatable).")
@config_option
def work_signoff(out_dir: Path, work_id: str, attorney: str, bar_number: str, key_file: Path,
                 approve: bool, reasons: tuple[str, ...], acknowledged: tuple[str, ...],
                 config_path: Path | None) -> None:
    """Sign WORK_ID approved or returned, like a packet's sign-off."""
    decision: Literal["approved", "returned"] = "approved" if approve else "returned"
    audit = AuditLog.for_matter(out_dir)
    with refusals():
        w = read_work(out_dir, work_id)
        documents = [{"doc_id": w.doc_id, "sha256": work_content_sha256(w)}]
        try:
            signed = sign_work(w, attorney=attorney, bar_number=bar_number,
                               key=load_signing_key(key_file), decision=decision,
                               reasons=list(reasons), acknowledged=list(acknowledged),
                               matter=load_matter(config_path))
        except LpoReviewError as exc:
            audit.append(attorney, "work_signoff_refused", documents,
                         {"work": work_id, "reason": str(exc)})
            raise
        write_work(out_dir, signed)
        audit.append(attorney, "work_signoff", documents,
                     {"work": work_id, "decision": decision, "bar_number": bar_number,
                      "acknowledged": sorted(set(acknowledged)), "reasons": len(reasons)})
    click.echo(f"{work_id}: {decision} and signed by {attorney}")


@click.command("deliver")
@click.argument("out_dir", type=existing_dir)
@click.argument("work_id", metavar="WORK_ID")
@config_option
@vault_key_option
@actor_option
def deliver_command(out_dir: Path, work_id: str, config_path: Path | None,
                    vault_key_file: Path | None, actor: str | None) -> None:
    """Write approved WORK_ID as the firm's final DOCX, originals restored from the vault, into
    OUT_DIR/deliverables/ (never exported). Audited."""
    with refusals():
        key = audited_vault_key(vault_key_file, out_dir, actor)
        if key is None:
            raise LpoReviewError("no vault key: pass --vault-key-file or set $LPO_REVIEW_VAULT_KEY")
        path = deliver(out_dir, work_id, vault_key=key, matter=load_matter(config_path),
                       actor=actor)
    click.echo(f"{work_id}: deliverable written to {path}")
