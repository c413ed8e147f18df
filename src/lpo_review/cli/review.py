"""``lpo-review review``, ``lpo-review plugins`` and ``lpo-review schema``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lpo_review.config import Config
from lpo_review.errors import ConfigError
from lpo_review.run import DocOutcome, review_dir


def load_config(path: Path | None, **overrides: object) -> Config:
    try:
        return Config.load(path, **overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


@click.command("review")
@click.argument("src_dir", type=click.Path(exists=True, file_okay=True, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output (matter) folder for packets and the run report.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="TOML configuration file.")
@click.option("--profile", type=click.Choice(["none", "standard", "hipaa", "date-shifted", "strict"]),
              help="Redaction profile (overrides the configuration).")
@click.option("--kind", type=click.Choice(["auto", "contract", "deposition", "medical", "email", "other"]),
              help="Force the document kind instead of detecting it.")
@click.option("--redo", is_flag=True, help="Review again documents whose packet already exists.")
@click.option("--vault-key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Key for the re-identification vault (or set LPO_REVIEW_VAULT_KEY).")
@click.option("--workers", "-j", type=click.IntRange(1), help="Worker processes (default: config).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run on a Dask cluster: a scheduler address, or 'local' for a LocalCluster.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def review_command(src_dir: Path, out_dir: Path, config_path: Path | None, profile: str | None,
                   kind: str | None, redo: bool, vault_key_file: Path | None,
                   workers: int | None, dask_address: str | None, quiet: bool) -> None:
    """Review every supported file under SRC_DIR into packets in --out.

    Exit status: 0 all documents reviewed (or already done), 1 some failed or were refused
    (the others are done; see run-report.json), 2 usage or configuration error,
    130 interrupted (re-run to resume).
    """
    from lpo_review.cli.confidential import audited_vault_key
    from lpo_review.engine import Engine
    from lpo_review.executors import DaskExecutor, Executor, ProcessExecutor

    config = load_config(config_path, profile=profile, kind=kind, workers=workers)
    try:
        engine = Engine(config)
        vault_key = audited_vault_key(vault_key_file, out_dir, None, src_dir, out_dir)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    executor: Executor | None
    if dask_address:
        try:
            executor = DaskExecutor(config, dask_address, config.workers)
        except ImportError:
            raise click.UsageError("--dask needs the dask extra: pip install 'lpo-review[dask]'") \
                from None
    elif config.workers > 1:
        executor = ProcessExecutor(config, config.workers)
    else:
        executor = None

    show = not quiet and sys.stderr.isatty()
    if show:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.fields[current]}"), transient=True)
        task = progress.add_task("reviewing", total=None, current="")
        progress.start()

        def on_total(n: int) -> None:
            progress.update(task, total=n)

        def on_outcome(o: DocOutcome) -> None:
            progress.update(task, advance=1, current=o.source)
    else:
        on_total = on_outcome = None  # type: ignore[assignment]
    try:
        report = review_dir(engine, src_dir, out_dir, redo=redo, vault_key=vault_key,
                            executor=executor, on_outcome=on_outcome, on_total=on_total)
    finally:
        if show:
            progress.stop()
        if executor is not None:
            executor.close()
    if not quiet:
        totals = report.totals()
        for d in report.documents:
            if d.status in ("failed", "refused"):
                click.echo(f"{d.status.upper()}: {d.source}: {d.message}", err=True)
        click.echo(
            f"{totals['ok']} reviewed, {totals['skipped']} skipped, {totals['failed']} failed, "
            f"{totals['refused']} refused in {report.seconds:.1f}s; "
            f"packets in {out_dir / 'packets'}; report {out_dir / 'run-report.json'}",
            err=True,
        )
        if vault_key is None and totals["ok"]:
            click.echo("note: no vault key given; originals were not kept (no re-identification)",
                       err=True)
    sys.exit(report.exit_status)


@click.command("plugins")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="TOML configuration file (for the allow-list).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins_command(config_path: Path | None, as_json: bool) -> None:
    """List plugins found, whether each is enabled, and the hooks it implements."""
    from lpo_review.plugins import list_plugins

    infos = list_plugins(load_config(config_path))
    if as_json:
        click.echo(json.dumps([vars(i) for i in infos], indent=2))
        return
    for i in infos:
        state = "enabled" if i.enabled else "disabled (not in plugins.enabled)" \
            if i.source != "builtin" else "disabled"
        trust = ", trusted with originals" if i.trusted_with_originals else ""
        click.echo(f"{i.name}  [{i.source} {i.version}]  {state}{trust}")
        click.echo(f"    hooks: {', '.join(i.hooks) or '-'}")
        if i.error:
            click.echo(f"    error: {i.error}")


@click.command("schema")
@click.option("--coding-sheet", is_flag=True,
              help="The schema of the coding sheet a vendor returns instead.")
def schema_command(coding_sheet: bool) -> None:
    """Print the JSON Schema of review packets (or of a vendor's coding sheet)."""
    if coding_sheet:
        from lpo_review.returns.model import CodingSheet

        click.echo(json.dumps(CodingSheet.model_json_schema(), indent=2))
        return
    from lpo_review.packets.schema import packet_schema

    click.echo(json.dumps(packet_schema(), indent=2))


