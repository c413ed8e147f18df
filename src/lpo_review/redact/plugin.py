"""The built-in redaction plugin: registers the custom recognizers and the Presidio redactor
through the same hooks a third-party plugin would use."""

from __future__ import annotations

import threading
from typing import Any

from lpo_review.config import Config
from lpo_review.hookspecs import hookimpl
from lpo_review.redact.offline import ensure_offline
from lpo_review.redact.presidio_redactor import PresidioRedactor
from lpo_review.redact.recognizers import builtin_recognizers
from lpo_review.redact.recognizers.counsel import CounselRecognizer

_cache: dict[tuple[str, tuple[str, ...]], PresidioRedactor] = {}
_lock = threading.Lock()


@hookimpl
def lpo_review_recognizers(config: Config, profile: str) -> list[Any]:
    """The built-in recognizers (none under the ``none`` profile), with the matter's counsel
    when the configuration lists them."""
    ensure_offline()
    if profile == "none":
        return []
    counsel = config.privilege
    extra = ([CounselRecognizer(counsel.counsel_names, counsel.counsel_domains)]
             if counsel.counsel_names or counsel.counsel_domains else [])
    return [*builtin_recognizers(), *extra]


@hookimpl(trylast=True)
def lpo_review_redactor(config: Config, recognizers: list[Any]) -> PresidioRedactor:
    """The Presidio redactor, built once per process for a given configuration."""
    names = tuple(sorted(f"{type(r).__module__}.{type(r).__qualname__}" for r in recognizers))
    key = (config.model_dump_json(), names)
    with _lock:
        redactor = _cache.get(key)
        if redactor is None:
            redactor = PresidioRedactor(config, recognizers)
            _cache[key] = redactor
        return redactor
