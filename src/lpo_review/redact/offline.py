"""Keep Presidio (and anything it imports) off the network.

Presidio's e-mail recognizer calls ``tldextract.extract``, whose default extractor downloads the
public suffix list on first use.  :func:`ensure_offline` swaps in an extractor that only reads the
snapshot bundled with tldextract, and sets the environment variables that stop hub clients from
reaching out.  It is idempotent and cheap, so every code path that builds an analyzer calls it
(worker processes included).
"""

from __future__ import annotations

import os
import threading
from types import SimpleNamespace

_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TLDEXTRACT_CACHE_TIMEOUT": "0",
}

_lock = threading.Lock()
_done = False


def offline_extractor():  # type: ignore[no-untyped-def]
    """A ``tldextract.TLDExtract`` that uses the bundled suffix snapshot and no disk cache."""
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(),
        cache_dir=None,
        fallback_to_snapshot=True,
        include_psl_private_domains=False,
    )


def ensure_offline() -> None:
    """Patch Presidio's tldextract use to the bundled snapshot and set offline env vars."""
    global _done
    with _lock:
        if _done:
            return
        for key, value in _OFFLINE_ENV.items():
            os.environ.setdefault(key, value)
        extractor = offline_extractor()
        extractor("warm.example.com")  # loads the snapshot now, not mid-document
        from presidio_analyzer.predefined_recognizers.generic import email_recognizer

        email_recognizer.tldextract = SimpleNamespace(  # type: ignore[assignment]
            extract=extractor, TLDExtract=None)
        _done = True
