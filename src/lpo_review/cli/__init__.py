"""The ``lpo-review`` command line: thin wrappers around the Python API."""

from __future__ import annotations

import click

from lpo_review import __version__
from lpo_review.cli.confidential import COMMANDS as CONFIDENTIAL_COMMANDS
from lpo_review.cli.review import plugins_command, review_command, schema_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lpo-review")
def main() -> None:
    """Confidential document review for legal process outsourcing.

    Reads contracts, deposition transcripts and medical records (txt, docx, pdf), redacts
    personal data, runs the review stages and writes packets an attorney must sign off.
    """


main.add_command(review_command)
main.add_command(plugins_command)
main.add_command(schema_command)
for _command in CONFIDENTIAL_COMMANDS:
    main.add_command(_command)
