"""E-mail: a summary row per message (date, sender and recipients as placeholders, subject,
attachments), registered through ``lpo_review_summarizers``."""

from lpo_review.stages.email.summary import EmailSummary

__all__ = ["EmailSummary"]
