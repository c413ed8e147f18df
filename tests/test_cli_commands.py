"""Every command is reachable from ``lpo-review``, though modules load only when invoked."""

from __future__ import annotations

from click.testing import CliRunner

from lpo_review.cli import COMMANDS, main
from lpo_review.cli.confidential import COMMANDS as CONFIDENTIAL


def test_every_command_is_registered_once():
    assert {c.name for c in CONFIDENTIAL} <= set(COMMANDS)
    listing = CliRunner().invoke(main, ["--help"]).output
    for name in COMMANDS:
        assert f"  {name} " in listing
        assert main.get_command(None, name).name == name
