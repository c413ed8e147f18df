"""Guard rules come through the ``lpo_review_guard_rules`` hook, built-in and third-party alike."""

from __future__ import annotations

import pluggy
import pytest

from lpo_review import hookspecs
from lpo_review.config import Config
from lpo_review.errors import ConfigError
from lpo_review.guard import plugin as guard_plugin
from lpo_review.guard.language import scan_text
from lpo_review.guard.rules import GuardRule, guard_rules
from lpo_review.guard.stage import GuardStage
from lpo_review.guard.tasks import evaluate_work_order
from lpo_review.hookspecs import hookimpl


def _no_guarantees(text: str) -> str | None:
    return "promises a result" if "guarantee" in text.lower() else None


def _no_witness_contact(text: str) -> str | None:
    return "contacting witnesses is reserved to counsel" if "contact the witness" in text.lower() \
        else None


class AcmeRules:
    """A third-party plugin adding one text rule and one task rule."""

    @hookimpl
    def lpo_review_guard_rules(self, config: Config) -> list[GuardRule]:
        return [GuardRule("acme.no_guarantees", {"text"}, _no_guarantees, "outcome_prediction"),
                GuardRule("acme.witnesses", "task", _no_witness_contact, "witness_contact")]


def _manager(*plugins: object) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(guard_plugin, name="guard")
    for plugin in plugins:
        pm.register(plugin)
    return pm


def test_third_party_rules_apply_to_text_and_tasks() -> None:
    config = Config.from_dict({"work_order": {"tasks": [
        {"id": "T1", "description": "Contact the witnesses to schedule their interviews"}]}})
    rules = guard_rules(_manager(AcmeRules()), config)
    assert rules[0].name.startswith("task."), "built-in rules are tried first"
    assert {"acme.no_guarantees", "acme.witnesses"} <= {r.name for r in rules}

    [refused] = evaluate_work_order(config, rules).refused
    assert refused.category == "witness_contact"
    assert refused.as_dict()["rules"] == ["acme.witnesses"]

    [flag] = scan_text("The hearing was held on March 4. We guarantee success.", rules)
    assert "acme.no_guarantees" in [h.rule for h in flag.hits]
    assert GuardStage(rules).rules == [r for r in rules if r.applies("text")]


def test_guard_stage_comes_with_every_plugins_text_rules() -> None:
    pm = _manager(AcmeRules())
    [[stage]] = pm.hook.lpo_review_stages(config=Config(), plugins=pm)
    assert isinstance(stage, GuardStage)
    names = [r.name for r in stage.rules]
    assert "text.advice" in names and "acme.no_guarantees" in names
    assert "acme.witnesses" not in names, "task rules are not text rules"


def test_bad_rule_objects_are_reported() -> None:
    class Broken:
        @hookimpl
        def lpo_review_guard_rules(self, config: Config) -> list[object]:
            return ["not a rule"]

    with pytest.raises(ConfigError, match="not a GuardRule"):
        guard_rules(_manager(Broken()), Config())
    with pytest.raises(ValueError, match="applies_to"):
        GuardRule("x", {"email"}, _no_guarantees)
