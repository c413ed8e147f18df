"""What the command modules share: option types, the refusal exit codes, the vault key."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from lpo_review.confidential.audit import AuditLog, default_actor
from lpo_review.confidential.keys import KeyFileError, load_vault_key
from lpo_review.errors import ConfigError, LpoReviewError

existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)
existing_dir = click.Path(exists=True, file_okay=False, path_type=Path)
config_option = click.option(
    "--config", "config_path", type=existing_file, help="Matter configuration (TOML)."
)
vault_key_option = click.option(
    "--vault-key-file",
    "vault_key_file",
    type=existing_file,
    help="Vault key file (default: $LPO_REVIEW_VAULT_KEY).",
)
actor_option = click.option("--actor", help="Who is acting (default: $LPO_REVIEW_ACTOR or login).")


@contextmanager
def refusals() -> Iterator[None]:
    """Configuration and key-file errors exit 2 (usage); refusals and failed checks exit 1."""
    try:
        yield
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except LpoReviewError as exc:
        click.echo(f"refused: {exc}", err=True)
        raise click.exceptions.Exit(1) from None


def audited_vault_key(
    key_file: Path | None, matter_dir: Path, actor: str | None, *beside: Path
) -> bytes | None:
    """:func:`load_vault_key`, and a refused key file (readable by others, inside the data,
    not a key) is written to the matter's own audit log before the refusal is raised."""
    try:
        return load_vault_key(key_file, *beside)
    except KeyFileError as exc:
        if Path(matter_dir).is_dir():
            AuditLog.for_matter(matter_dir).append(
                actor or default_actor(), "key_refused", [], {"reason": str(exc)})
        raise
