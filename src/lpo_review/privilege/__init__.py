"""Privilege: the screen that flags documents looking like attorney-client communications or
work product, and the attorney's signed decision on each (withhold, redact, or release)."""
