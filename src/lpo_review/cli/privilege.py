"""``lpo-review privilege list|decide``: the privilege screen's flags and the attorney's calls."""

from __future__ import annotations

from pathlib import Path

import click

from lpo_review.cli.common import actor_option, config_option, existing_dir, existing_file, refusals
from lpo_review.confidential.export import load_packets
from lpo_review.confidential.keys import load_signing_key
from lpo_review.confidential.vendors import load_matter
from lpo_review.privilege.decision import decide, decision_problem, read_decision
from lpo_review.privilege.stage import LABEL, is_flagged


@click.group()
def privilege() -> None:
    """Documents the privilege screen flagged, and the attorney's decisions on them."""


@privilege.command("list")
@click.argument("out_dir", type=existing_dir)
@click.option("--all", "show_all", is_flag=True, help="Also documents not flagged.")
@config_option
def list_command(out_dir: Path, show_all: bool, config_path: Path | None) -> None:
    """Flagged documents with their evidence (page:line) and decision status."""
    with refusals():
        matter = load_matter(config_path)
        for packet in load_packets(out_dir):
            decision = read_decision(out_dir, packet.doc_id)
            if not (show_all or is_flagged(packet) or decision):
                continue
            if decision is None:
                status = "UNDECIDED" if is_flagged(packet) else "not flagged"
            else:
                problem = decision_problem(decision, packet, matter)
                status = (f"INVALID: {problem}" if problem else
                          f"privileged, {decision.treatment} ({decision.privilege_type})"
                          if decision.privileged else "not privileged, released")
            click.echo(f"{packet.doc_id}  {packet.kind}  {status}")
            for f in packet.findings:
                if f.label == LABEL:
                    click.echo(f"    {f.cite:>8}  {f.data.get('basis', '')}: {f.text}")


@privilege.command("decide")
@click.argument("out_dir", type=existing_dir)
@click.argument("doc_id")
@click.option("--privileged/--not-privileged", required=True, help="The attorney's call.")
@click.option("--withhold", "treatment", flag_value="withhold",
              help="Withhold the whole document (a slip sheet in productions).")
@click.option("--redact", "redact_lines", multiple=True, metavar="PAGE:LINE-PAGE:LINE",
              help="Produce it with these lines boxed as PRIVILEGED (repeatable).")
@click.option("--type", "privilege_type", default="",
              type=click.Choice(["", "attorney-client", "work-product", "both"]),
              help="Privilege type (privileged only).")
@click.option("--description", default="",
              help="Privilege-log description: what it is, never what it says.")
@click.option("--attorney", required=True, help="Attorney's name.")
@click.option("--bar-number", required=True, help="Attorney's bar number.")
@click.option("--key", "key_file", required=True, type=existing_file, help="Ed25519 private key.")
@config_option
@actor_option
def decide_command(out_dir: Path, doc_id: str, privileged: bool, treatment: str | None,
                   redact_lines: tuple[str, ...], privilege_type: str, description: str,
                   attorney: str, bar_number: str, key_file: Path, config_path: Path | None,
                   actor: str | None) -> None:
    """Record and sign the privilege decision on DOC_ID. Audited."""
    with refusals():
        packet = load_packets(out_dir, [doc_id])[0]
        chosen = treatment or ("redact" if redact_lines else "withhold" if privileged
                               else "release")
        if treatment == "withhold" and redact_lines:
            raise click.UsageError("--withhold and --redact exclude each other")
        made = decide(out_dir, packet, privileged=privileged, treatment=chosen,  # type: ignore[arg-type]
                      attorney=attorney, bar_number=bar_number, key=load_signing_key(key_file),
                      privilege_type=privilege_type, description=description,
                      redact_lines=list(redact_lines), matter=load_matter(config_path),
                      actor=actor)
    click.echo(f"{doc_id}: " + (f"privileged ({made.privilege_type}), {made.treatment}"
                                if made.privileged else "not privileged, released")
               + f"; signed by {attorney}")
