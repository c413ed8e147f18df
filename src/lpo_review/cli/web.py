"""Web workspace commands: ``serve`` (the local web app) and ``users`` (its accounts).

Needs the ``web`` extra (``pip install 'lpo-review[web]'``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lpo_review.cli.common import (
    audited_vault_key,
    config_option,
    existing_dir,
    existing_file,
    refusals,
    vault_key_option,
)
from lpo_review.errors import ConfigError

if TYPE_CHECKING:
    from lpo_review.web.db import WebDB


def _web_imports() -> None:
    try:
        import argon2  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"the web workspace needs the web extra ({exc.name} is missing): "
                          "pip install 'lpo-review[web]'") from None


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
    help="The web database of users and sessions (default: $LPO_REVIEW_WEB_DB or "
         "~/.lpo-review/web.sqlite); never inside a matter folder.")


def _db(db_path: Path | None) -> WebDB:
    from lpo_review.web.db import WebDB, default_db_path

    return WebDB(db_path or default_db_path())


@click.command()
@click.argument("out_dir", type=existing_dir)
@config_option
@vault_key_option
@click.option("--firm-key", "firm_key_file", type=existing_file,
              help="The firm's X25519 private key: import a vendor's uploaded return at once.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback only unless you put TLS in front).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(out_dir: Path, config_path: Path | None, vault_key_file: Path | None,
          firm_key_file: Path | None, db_path: Path | None, host: str, port: int) -> None:
    """Serve the review workspace of OUT_DIR (a matter folder) at http://HOST:PORT/."""
    with refusals():
        _web_imports()
        import uvicorn

        from lpo_review.confidential.keys import load_vendor_private
        from lpo_review.web.app import WebSettings, create_app

        settings = WebSettings(
            out_dir=out_dir.resolve(), db=_db(db_path), config_path=config_path,
            vault_key=audited_vault_key(vault_key_file, out_dir, "serve"),
            firm_key=load_vendor_private(firm_key_file) if firm_key_file else None)
        app = create_app(settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: put TLS in front of it (cookies are Secure "
                   "only over HTTPS)", err=True)
    click.echo(f"lpo-review workspace for {out_dir} at http://{host}:{port}/ "
               f"(reveal {'on' if settings.vault_key else 'off: no vault key'})")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)


@click.group()
def users() -> None:
    """Manage the web workspace's users (attorney, reviewer, qa, vendor:NAME)."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, help="attorney | reviewer | qa | vendor:NAME")
@db_option
@click.option("--attorney-name", help="Attorney: the name signed (as in [[matter.attorneys]]).")
@click.option("--bar-number", help="Attorney: the bar number signed.")
@click.option("--key", "key_file", type=existing_file,
              help="Attorney: an Ed25519 key (keygen attorney) to seal under the passphrase; "
                   "delete the clear file afterwards.")
@click.option("--new-key", "new_key", type=click.Path(dir_okay=False, path_type=Path),
              help="Attorney: make a new key pair, write only the public half here.")
@click.option("--password-stdin", is_flag=True,
              help="Read the password (and an attorney's passphrase) from standard input, "
                   "one a line, instead of prompting.")
def users_add(name: str, role: str, db_path: Path | None, attorney_name: str | None,
              bar_number: str | None, key_file: Path | None, new_key: Path | None,
              password_stdin: bool) -> None:
    """Add user NAME with a password (and, for an attorney, a signing passphrase)."""
    with refusals():
        _web_imports()
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            PublicFormat,
        )

        from lpo_review.confidential.keys import load_signing_key, write_public
        from lpo_review.web.users import add_user, parse_role

        parsed, _vendor = parse_role(role)
        stdin = sys.stdin if password_stdin else None

        def secret(prompt: str) -> str:
            if stdin is not None:
                return stdin.readline().rstrip("\r\n")
            return str(click.prompt(prompt, hide_input=True, confirmation_prompt=True))

        key = None
        if parsed == "attorney":
            if (key_file is None) == (new_key is None):
                raise ConfigError("an attorney needs --key PATH or --new-key PUB_PATH")
            key = load_signing_key(key_file) if key_file else Ed25519PrivateKey.generate()
        password = secret("Password")
        passphrase = secret("Signing passphrase") if parsed == "attorney" else None
        user = add_user(_db(db_path), name, role, password, signing_key=key,
                        passphrase=passphrase, attorney_name=attorney_name,
                        bar_number=bar_number)
        if key is not None and new_key is not None:
            write_public(new_key, key.public_key().public_bytes(
                Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
            click.echo(f"public key written to {new_key} (register it in [[matter.attorneys]])")
    click.echo(f"added {user.label}")


@users.command("list")
@db_option
def users_list(db_path: Path | None) -> None:
    """List the users and their roles."""
    with refusals():
        _web_imports()
        from lpo_review.web.users import list_users

        for user in list_users(_db(db_path)):
            extra = f" {user.attorney_name} ({user.bar_number})" if user.role == "attorney" else ""
            click.echo(f"{user.label}{extra}")


@users.command("remove")
@click.argument("name")
@db_option
def users_remove(name: str, db_path: Path | None) -> None:
    """Remove user NAME and end its sessions."""
    with refusals():
        _web_imports()
        from lpo_review.web.users import remove_user

        remove_user(_db(db_path), name)
    click.echo(f"removed {name}")
