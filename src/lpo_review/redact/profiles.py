"""Redaction profiles: which entity types each one masks.

* ``none``: nothing.
* ``standard``: direct identifiers and contact data (a VIN or a licence plate among them: it
  names the owner's vehicle).
* ``hipaa``: the 18 Safe Harbor identifiers of 45 CFR 164.514(b)(2): ``standard`` plus dates more
  specific than a year, ZIP codes, addresses and places smaller than a state (``LOCATION``
  minus states and the country), ages over 89, device identifiers.
* ``date-shifted``: masks what ``hipaa`` masks; drafts that order dates (the medical
  chronology) show them moved by one secret offset per document
  (:mod:`lpo_review.redact.date_shift`).  Not Safe Harbor, which removes dates: an expert
  determination (164.514(b)(1)) must find it adequate.
* ``strict``: ``hipaa`` plus quasi-identifiers: organisations, every place, every date,
  nationalities / religious or political groups (``NRP``), amounts of money and percentages
  (``MONEY``).

An entity type no profile mentions (a third-party recognizer's) is masked under every profile
except ``none``.  ``redaction.extra_entities`` adds types, ``redaction.keep_entities`` removes them.
"""

from __future__ import annotations

from collections.abc import Iterable

from lpo_review.config import Config

STANDARD = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "URL",
        "IP_ADDRESS",
        "US_SSN",
        "US_ITIN",
        "US_PASSPORT",
        "US_BANK_NUMBER",
        "CREDIT_CARD",
        "IBAN_CODE",
        "CRYPTO",
        "MEDICAL_LICENSE",
        "UK_NHS",
        "ACCOUNT_NUMBER",
        "MEDICAL_RECORD_NUMBER",
        "HEALTH_PLAN_ID",
        "NPI",
        "EMPLOYEE_ID",
        "ID_NUMBER",
        "CASE_NUMBER",
        "DRIVERS_LICENSE",
        "VEHICLE_ID",
        "STREET_ADDRESS",
        "DATE_OF_BIRTH",
    }
)
HIPAA = STANDARD | {"DATE", "ZIP_CODE", "AGE_OVER_89", "DEVICE_ID", "LOCATION"}
STRICT = HIPAA | {"ORGANIZATION", "LOCATION", "DATE_TIME", "NRP", "MONEY"}

PROFILES: dict[str, frozenset[str]] = {
    "none": frozenset(),
    "standard": STANDARD,
    "hipaa": HIPAA,
    "date-shifted": HIPAA,
    "strict": STRICT,
}
KNOWN_ENTITIES = STRICT


def profile_entities(profile: str) -> frozenset[str]:
    """Entity types the named profile masks (``KeyError`` for an unknown profile)."""
    return PROFILES[profile]


def entities_to_redact(config: Config, available: Iterable[str]) -> frozenset[str]:
    """Entity types to look for: the profile's, plus unknown types offered by recognizers
    (unless the profile is ``none``), plus ``extra_entities``, minus ``keep_entities``."""
    wanted = set(profile_entities(config.profile))
    if config.profile != "none":
        wanted |= {e for e in available if e not in KNOWN_ENTITIES}
    wanted |= set(config.redaction.extra_entities)
    wanted -= set(config.redaction.keep_entities)
    return frozenset(wanted)
