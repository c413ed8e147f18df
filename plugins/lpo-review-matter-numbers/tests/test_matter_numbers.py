"""The example plugin's own tests, written with lpo-review's test kit (the ``lpo_engine``
fixture of ``lpo_review.testing``), as any plugin author would write them."""

from __future__ import annotations

import lpo_review_matter_numbers as plugin
import pytest

from lpo_review import ConfigError
from lpo_review.testing import entity_types

TEXT = "Re: client CLT-004512, Matter No. 2024-00731 (MAT-2024-00731). Counsel: Dana Whitfield."


def test_client_and_matter_numbers_are_masked(lpo_engine):
    packet = lpo_engine(plugin, trusted=True).review_text(TEXT).packet
    for number in ("CLT-004512", "MAT-2024-00731", "2024-00731"):
        assert number not in packet.redacted_text
    assert {"MATTER_NUMBER", "PERSON"} <= entity_types(packet)


def test_through_its_entry_point_as_a_configuration_enables_it(lpo_engine):
    packet = lpo_engine("matter_numbers", trusted=True).review_text(TEXT).packet
    assert "MATTER_NUMBER" in entity_types(packet)


def test_a_recognizer_reads_originals_so_the_plugin_must_be_trusted(lpo_engine):
    with pytest.raises(ConfigError, match="trusted_with_originals"):
        lpo_engine(plugin)


def test_nothing_is_added_under_the_none_profile(lpo_engine):
    packet = lpo_engine(plugin, trusted=True, profile="none").review_text(TEXT).packet
    assert "CLT-004512" in packet.redacted_text
