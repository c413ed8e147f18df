"""The matter's vendors, attorneys and cross-border policy (``[matter]`` in the configuration).

Example::

    [matter]
    name = "Smithers v. Acme"
    data_tags = ["eu_personal_data"]

    [matter.cross_border]
    eu_personal_data = ["DE", "FR", "IE", "NL", "GB", "CH"]   # tag -> allowed jurisdictions

    [[matter.vendors]]
    name = "Acme LPO"
    jurisdiction = "IN"
    nda_on_file = true
    nda_expires = 2027-06-30
    profile = "strict"
    public_key = "keys/acme-lpo.pub"   # optional: seal exports to this X25519 key
    signing_key = "keys/acme-lpo-signing.pub"  # its Ed25519 key: returns must be signed by it

    [[matter.attorneys]]               # optional: only these keys may sign off
    name = "Jane Roe"
    bar_number = "NY-123456"
    public_key = "keys/jane.pub"

Relative key paths are resolved against the configuration file's folder.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from lpo_review.config import Config, Profile
from lpo_review.errors import ConfigError, GuardRefusal

#: Redaction profiles from weakest to strongest: a vendor may receive its profile or stronger.
#: ``date-shifted`` masks what ``hipaa`` masks but its drafts show intervals between dates: a
#: vendor cleared for ``hipaa`` packets does not get it.
PROFILE_STRENGTH: dict[str, int] = {"none": 0, "standard": 1, "date-shifted": 2, "hipaa": 3,
                                    "strict": 4}
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Vendor(_Section):
    """A registered vendor."""

    name: str = Field(min_length=1)
    jurisdiction: str = Field(description="ISO 3166-1 alpha-2 country code, e.g. IN.")
    nda_on_file: bool = False
    nda_expires: dt.date | None = None
    profile: Profile = "strict"
    public_key: Path | None = None
    signing_key: Path | None = Field(
        default=None, description="The vendor's Ed25519 public key; a return it sends must be "
                                  "signed with the private half (lpo-review keygen vendor-signing).")

    @field_validator("jurisdiction")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.strip().upper()
        if not _COUNTRY.match(value):
            raise ValueError("expected a two-letter country code such as IN or DE")
        return value


class Attorney(_Section):
    """An attorney allowed to sign off packets of this matter."""

    name: str = Field(min_length=1)
    bar_number: str = Field(min_length=1)
    public_key: Path


class Matter(_Section):
    """The ``[matter]`` table."""

    name: str = ""
    data_tags: list[str] = Field(default_factory=list)
    cross_border: dict[str, list[str]] = Field(default_factory=dict)
    vendors: list[Vendor] = Field(default_factory=list)
    attorneys: list[Attorney] = Field(default_factory=list)
    firm_key: Path | None = Field(
        default=None, description="The firm's X25519 public key, which vendors seal their returns "
                                  "to (lpo-review keygen firm); the private half stays with the firm.")
    leak_check_allow: list[str] = Field(
        default_factory=list,
        description="Redacted values that are not confidential (e.g. a defined term the "
        "redactor took for a name); the leak check ignores them.",
    )

    @field_validator("cross_border")
    @classmethod
    def _countries(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for tag, countries in value.items():
            for country in countries:
                if not _COUNTRY.match(country.strip().upper()):
                    raise ValueError(f"{tag}: {country!r} is not a two-letter country code")
        return {t: [c.strip().upper() for c in cs] for t, cs in value.items()}

    @model_validator(mode="after")
    def _policies_and_names(self) -> Matter:
        missing = [t for t in self.data_tags if t not in self.cross_border]
        if missing:
            raise ValueError(
                f"data tag(s) {', '.join(missing)} have no [matter.cross_border] entry "
                "(list the jurisdictions the data may go to; [] for none)"
            )
        names = [v.name.casefold() for v in self.vendors]
        if len(names) != len(set(names)):
            raise ValueError("two vendors have the same name")
        return self

    def vendor(self, name: str) -> Vendor:
        """The vendor called ``name`` (case-insensitive); refused when not registered."""
        for vendor in self.vendors:
            if vendor.name.casefold() == name.casefold():
                return vendor
        known = ", ".join(v.name for v in self.vendors) or "none"
        raise GuardRefusal(
            f"vendor {name!r} is not registered for this matter (registered: {known})"
        )


def parse_matter(
    data: dict[str, Any], base_dir: Path | None = None, label: str = "config"
) -> Matter:
    """Validate a ``[matter]`` table; errors name the key, e.g. ``matter.vendors.0.nda_expires``."""
    try:
        matter = Matter.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(["matter", *(str(p) for p in err["loc"])])
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{key}: {msg}")
        raise ConfigError(f"{label}: " + "; ".join(problems)) from None
    if base_dir is not None:
        items: list[Vendor | Attorney] = [*matter.vendors, *matter.attorneys]
        for item in items:
            if item.public_key is not None and not item.public_key.is_absolute():
                item.public_key = base_dir / item.public_key
        for vendor in matter.vendors:
            if vendor.signing_key is not None and not vendor.signing_key.is_absolute():
                vendor.signing_key = base_dir / vendor.signing_key
        if matter.firm_key is not None and not matter.firm_key.is_absolute():
            matter.firm_key = base_dir / matter.firm_key
    return matter


def load_matter(config_path: Path | None) -> Matter:
    """The matter of a configuration file (an empty matter for the defaults)."""
    config = Config.load(config_path)
    base = Path(config_path).resolve().parent if config_path is not None else None
    return parse_matter(config.matter, base, str(config_path or "configuration"))


def check_vendor(matter: Matter, name: str, today: dt.date | None = None) -> Vendor:
    """The vendor, if the matter allows sending it data today; else :class:`GuardRefusal`."""
    vendor = matter.vendor(name)
    today = today or dt.date.today()
    if not vendor.nda_on_file:
        raise GuardRefusal(f"vendor {vendor.name!r}: no confidentiality agreement (NDA) on file")
    if vendor.nda_expires is not None and vendor.nda_expires < today:
        raise GuardRefusal(
            f"vendor {vendor.name!r}: confidentiality agreement (NDA) expired on "
            f"{vendor.nda_expires.isoformat()}"
        )
    for tag in matter.data_tags:
        allowed = matter.cross_border[tag]
        if vendor.jurisdiction not in allowed:
            raise GuardRefusal(
                f"vendor {vendor.name!r}: matter data tagged {tag!r} may not go to "
                f"{vendor.jurisdiction} (allowed: {', '.join(allowed) or 'nowhere'})"
            )
    return vendor


def check_profile(vendor: Vendor, packet_profile: str, doc_id: str) -> None:
    """Refuse a packet redacted under a weaker profile than the vendor may receive."""
    have = PROFILE_STRENGTH.get(packet_profile, -1)
    if have < PROFILE_STRENGTH[vendor.profile]:
        raise GuardRefusal(
            f"{doc_id}: redacted under profile {packet_profile!r}, weaker than "
            f"{vendor.profile!r} which vendor {vendor.name!r} may receive"
        )
