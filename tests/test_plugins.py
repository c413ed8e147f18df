"""Third-party plugins: found by entry point, run only when allowed, listed with their hooks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lpo_review.cli import main
from lpo_review.config import Config
from lpo_review.engine import Engine
from lpo_review.errors import ConfigError
from lpo_review.hookspecs import hookimpl
from lpo_review.plugins import build_plugin_manager
from lpo_review.testing import make_engine

TEXT = "Re: client CLT-004512, matter MAT-2024-00731. Counsel: Dana Whitfield."


def test_installed_plugin_does_not_run_unless_enabled():
    packet = Engine(Config()).review_text(TEXT).packet
    assert "CLT-004512" in packet.redacted_text
    assert "MATTER_NUMBER" not in {r.entity_type for r in packet.redactions}


TRUSTED = {"enabled": ["matter_numbers"], "trusted_with_originals": ["matter_numbers"]}


def test_a_recognizer_plugin_sees_originals_so_it_must_be_trusted():
    """Recognizers read the original text: enabling the plugin alone is refused, by name."""
    with pytest.raises(ConfigError, match="matter_numbers.*lpo_review_recognizers.*trusted"):
        Engine(Config(plugins={"enabled": ["matter_numbers"]}))


def test_enabled_plugin_runs_through_the_entry_point():
    engine = Engine(Config(plugins=TRUSTED))
    assert engine.pm.versions["matter_numbers"] == "1.0.0"
    packet = engine.review_text(TEXT).packet
    assert "CLT-004512" not in packet.redacted_text
    assert "MAT-2024-00731" not in packet.redacted_text
    assert {r.entity_type for r in packet.redactions} >= {"MATTER_NUMBER", "PERSON"}


def test_plugins_command_lists_plugins_state_and_hooks(tmp_path):
    runner = CliRunner()
    listing = json.loads(runner.invoke(main, ["plugins", "--json"]).output)
    by_name = {p["name"]: p for p in listing}
    assert by_name["matter_numbers"]["enabled"] is False
    assert by_name["matter_numbers"]["hooks"] == ["lpo_review_recognizers"]
    assert by_name["redact"]["source"] == "builtin" and by_name["redact"]["enabled"]
    assert "lpo_review_redactor" in by_name["redact"]["hooks"]
    cfg = tmp_path / "matter.toml"
    cfg.write_text('[plugins]\nenabled = ["matter_numbers"]\n'
                   'trusted_with_originals = ["matter_numbers"]\n')
    text = runner.invoke(main, ["plugins", "--config", str(cfg)]).output
    assert "matter_numbers  [lpo-review-matter-numbers 1.0.0]  enabled" in text


def test_enabling_a_plugin_that_is_not_installed_is_a_clear_error(tmp_path):
    cfg = tmp_path / "matter.toml"
    cfg.write_text('[plugins]\nenabled = ["no_such_plugin"]\n')
    result = CliRunner().invoke(main, ["review", str(tmp_path), "--out", str(tmp_path / "o"),
                                       "--config", str(cfg)])
    assert result.exit_code == 2
    assert "plugins.enabled" in result.output and "no_such_plugin" in result.output


class _Misspelled:
    @hookimpl
    def lpo_review_recogniser(self, config, profile):  # British spelling: no such hook
        return []


class _Recognizing:
    @hookimpl
    def lpo_review_recognizers(self, config, profile):
        return []


def test_a_misspelled_hook_fails_loudly_with_the_plugin_and_the_hook():
    pm = build_plugin_manager(Config())
    with pytest.raises(ConfigError, match="'mine'.*lpo_review_recogniser.*lpo_review_recognizers"):
        pm.register_named(_Misspelled(), "mine", "1")


def test_a_plugin_registered_in_code_is_held_to_the_same_trust():
    with pytest.raises(ConfigError, match="'mine' implements lpo_review_recognizers"):
        make_engine(_Recognizing(), name="mine")
    assert make_engine(_Recognizing(), name="mine", trusted=True)


class _UnprefixedImpl:
    @hookimpl
    def recognizers(self, config, profile):  # marked as a hook, but no hook has this name
        return []


def test_a_hook_implementation_of_no_hook_fails_whatever_its_name():
    pm = build_plugin_manager(Config())
    with pytest.raises(ConfigError, match="'odd'.*recognizers"):
        pm.register_named(_UnprefixedImpl(), "odd", "1")
    assert "odd" not in pm.versions and pm.get_plugin("odd") is None
