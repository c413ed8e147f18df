"""redact/recognizers."""
