"""Guard rules: the unit both guards are built from, and how plugins contribute more.

A :class:`GuardRule` checks one piece of text, either a work-order *task* description or one
*sentence* of drafted text, and returns a human reason when the text is out of scope (``None``
otherwise).  The built-in rules (:mod:`lpo_review.guard.tasks`, :mod:`lpo_review.guard.language`)
are registered by :mod:`lpo_review.guard.plugin` through the ``lpo_review_guard_rules`` hook,
exactly as a third party would register its own::

    from lpo_review.guard.rules import GuardRule
    from lpo_review.hookspecs import hookimpl

    @hookimpl
    def lpo_review_guard_rules(config):
        return [GuardRule("acme.no_guarantees", {"text"},
                          lambda s: "promises a result" if "guarantee" in s.lower() else None,
                          category="outcome_prediction")]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from lpo_review.errors import ConfigError

if TYPE_CHECKING:
    import pluggy

    from lpo_review.config import Config

Target = Literal["task", "text"]
TARGETS: frozenset[str] = frozenset({"task", "text"})

#: A check receives one task description or one sentence and returns a reason or ``None``.
Check = Callable[[str], "str | None"]


@dataclass(frozen=True)
class GuardRule:
    """One check of the guard.

    ``applies_to`` says whether the rule checks work-order tasks (``"task"``), sentences of
    drafted text (``"text"``) or both; ``category`` is what a hit is filed under in the packet
    and the run report (for tasks: ``legal_advice``, ``outcome_prediction``,
    ``court_representation``, ``negotiation``, ``signing_for_client``,
    ``filing_without_review``; any string for a third party's own category).
    """

    name: str
    applies_to: frozenset[str]
    check: Check
    category: str = "custom"

    def __init__(self, name: str, applies_to: Iterable[str] | str, check: Check,
                 category: str = "custom") -> None:
        targets = frozenset({applies_to} if isinstance(applies_to, str) else applies_to)
        if not name:
            raise ValueError("GuardRule: name must not be empty")
        if not targets or not targets <= TARGETS:
            raise ValueError(f"GuardRule {name!r}: applies_to must be a non-empty subset of "
                             f"{sorted(TARGETS)}, got {sorted(targets)}")
        if not callable(check):
            raise TypeError(f"GuardRule {name!r}: check must be callable")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "applies_to", targets)
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "category", category)

    def applies(self, target: Target) -> bool:
        """Whether this rule checks ``target`` (``"task"`` or ``"text"``)."""
        return target in self.applies_to


@dataclass(frozen=True)
class ReasonPattern:
    """A case-insensitive regular expression and the reason a match is out of scope.

    The building block of the built-in rules; a third party may use it for its own.
    """

    regex: re.Pattern[str]
    reason: str

    @classmethod
    def of(cls, regex: str, reason: str) -> ReasonPattern:
        return cls(re.compile(regex, re.IGNORECASE), reason)

    def search(self, text: str) -> bool:
        return self.regex.search(text) is not None


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired: which one, its category and the reason it gave."""

    rule: str
    category: str
    reason: str


def run_rules(rules: Iterable[GuardRule], target: Target, text: str) -> list[RuleHit]:
    """Every hit of the rules that apply to ``target`` on ``text``, in rule order."""
    hits: list[RuleHit] = []
    for rule in rules:
        if not rule.applies(target):
            continue
        reason = rule.check(text)
        if reason:
            hits.append(RuleHit(rule.name, rule.category, str(reason)))
    return hits


def collect_rules(results: Iterable[Iterable[Any] | None]) -> list[GuardRule]:
    """Flatten what ``lpo_review_guard_rules`` implementations returned and check the types.

    Raises :class:`~lpo_review.errors.ConfigError` naming the offending object if a plugin
    returns something that is not a :class:`GuardRule`, and on duplicate rule names.
    """
    rules: list[GuardRule] = []
    seen: set[str] = set()
    for result in results:
        for rule in result or []:
            if not isinstance(rule, GuardRule):
                raise ConfigError(f"lpo_review_guard_rules returned {rule!r}, not a GuardRule")
            if rule.name in seen:
                raise ConfigError(f"guard rule {rule.name!r} is registered twice")
            seen.add(rule.name)
            rules.append(rule)
    return rules


def guard_rules(pm: pluggy.PluginManager, config: Config) -> list[GuardRule]:
    """All guard rules the loaded plugins contribute (built-ins first, in registration order)."""
    # pluggy calls the most recently registered implementation first; reverse it so the
    # built-in rules (registered first) are tried first and third-party rules after them.
    return collect_rules(reversed(pm.hook.lpo_review_guard_rules(config=config)))
