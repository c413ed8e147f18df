"""``lpo-review produce``: a Bates-numbered production of the approved packets."""

from __future__ import annotations

from pathlib import Path

import click

from lpo_review.cli.common import (
    actor_option,
    audited_vault_key,
    config_option,
    existing_dir,
    refusals,
    vault_key_option,
)
from lpo_review.confidential.vendors import load_matter
from lpo_review.config import Config


@click.command("produce")
@click.argument("out_dir", type=existing_dir)
@click.option("--to", "to", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="New production folder (outside the matter folder).")
@click.option("--prefix", help="Bates prefix (default: [production] prefix).")
@click.option("--start", type=click.IntRange(min=1), help="First Bates number.")
@click.option("--doc", "doc_ids", multiple=True, help="Produce only this document (repeatable).")
@click.option("--sources", multiple=True, type=existing_dir,
              help="Folder holding the original files, if they moved since the review.")
@config_option
@vault_key_option
@actor_option
def produce_command(out_dir: Path, to: Path, prefix: str | None, start: int | None,
                    doc_ids: tuple[str, ...], sources: tuple[Path, ...],
                    config_path: Path | None, vault_key_file: Path | None,
                    actor: str | None) -> None:
    """Produce OUT_DIR's approved packets: page images with redactions burned in, Bates
    numbers, load files (.dat/.opt/.csv), redaction and privilege logs. Audited."""
    try:
        from lpo_review.production.produce import produce
    except ImportError as exc:
        raise click.ClickException(
            f"productions need {exc.name}: pip install 'lpo-review[production]'") from None
    with refusals():
        config = Config.load(config_path)
        updates = {k: v for k, v in (("prefix", prefix), ("start", start)) if v is not None}
        if updates:
            config = Config.from_dict({**config.model_dump(), "production": {
                **config.production.model_dump(), **updates}}, label="--prefix/--start")
        key = audited_vault_key(vault_key_file, out_dir, actor)
        result = produce(out_dir, to, config=config, matter=load_matter(config_path),
                         vault_key=key, sources=list(sources), doc_ids=list(doc_ids) or None,
                         actor=actor)
    for doc in result.documents:
        how = {"layout": "original layout", "withheld": "withheld (slip sheet)"}.get(
            doc.mode, f"drawn from text: {doc.reason}")
        click.echo(f"{doc.begin}-{doc.end}  {doc.doc_id}  {doc.pages} page(s), {how}")
    click.echo(f"{len(result.documents)} document(s), {result.pages} page(s) in {result.folder}")
