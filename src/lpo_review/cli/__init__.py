"""The ``lpo-review`` command line: thin wrappers around the Python API.

Commands are imported when invoked (a review does not pay for the export machinery, nor
``verify`` for spaCy), which keeps start-up short.
"""

from __future__ import annotations

import importlib

import click

from lpo_review import __version__

#: command name -> "module:attribute" of its click command.
COMMANDS = {
    "review": "lpo_review.cli.review:review_command",
    "plugins": "lpo_review.cli.review:plugins_command",
    "schema": "lpo_review.cli.review:schema_command",
    "keygen": "lpo_review.cli.confidential:keygen",
    "reveal": "lpo_review.cli.confidential:reveal",
    "signoff": "lpo_review.cli.confidential:signoff",
    "verify": "lpo_review.cli.confidential:verify",
    "export": "lpo_review.cli.confidential:export",
    "open": "lpo_review.cli.confidential:open_command",
    "audit": "lpo_review.cli.confidential:audit",
    "return": "lpo_review.cli.returns:return_command",
    "import": "lpo_review.cli.returns:import_command",
    "work": "lpo_review.cli.returns:work",
    "deliver": "lpo_review.cli.returns:deliver_command",
    "qa": "lpo_review.qa.cli:qa",
    "serve": "lpo_review.cli.web:serve",
    "users": "lpo_review.cli.web:users",
    "privilege": "lpo_review.cli.privilege:privilege",
    "produce": "lpo_review.cli.production:produce_command",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lpo-review")
def main() -> None:
    """Confidential document review for legal process outsourcing.

    Reads contracts, deposition transcripts and medical records (txt, docx, pdf), redacts
    personal data, runs the review stages and writes packets an attorney must sign off.
    """
