"""Recognizers that search only candidate lines or words find what a whole-text search finds."""

from __future__ import annotations

import pytest
from presidio_analyzer.predefined_recognizers import IpRecognizer, UrlRecognizer

from lpo_review.redact.recognizers.ip import WindowedIpRecognizer
from lpo_review.redact.recognizers.labelled_name import LabelledNameRecognizer
from lpo_review.redact.recognizers.url import WindowedUrlRecognizer

FORM = """INTAKE FORM
Patient: Priya Raghunathan
Provider: Valley Medical Center
Emergency Contact: Ana Ruiz
The agreement was reviewed and signed by Karl Strobel on the same day.
  4                 DEPOSITION OF
  5                 MAARTEN BROUWER
  6   taken on behalf of the Plaintiff.
Notes: none.   Witness: Jan de Vries
"""


class WholeTextLabelledName(LabelledNameRecognizer):
    LINES = None


def test_labelled_names_on_candidate_lines_equal_a_whole_text_search():
    windowed = LabelledNameRecognizer().spans(FORM)
    assert windowed == WholeTextLabelledName().spans(FORM)
    found = {FORM[s:e] for s, e in windowed}
    assert {"Priya Raghunathan", "Ana Ruiz", "Karl Strobel", "MAARTEN BROUWER",
            "Jan de Vries"} <= found
    assert "Valley Medical Center" not in found


NETWORK = """Portal: https://records.example.org/patient?id=7 and www.firm-intranet.com/path.
Quoted: 'http://quoted.example.net' "docs.example.co.uk" (see mail.example.com).
Section 3.2 of the Agreement, e.g. the U.S. rules, end.Next sentence; v.2.io
Logged from 10.0.0.12 and fe80::1ff:fe23:4567:890a, (::1) at 10:30; gateway 2001:db8::8a2e:370:7334.
"""


def _spans(results):
    return sorted((r.start, r.end, r.score, r.entity_type) for r in results)


def test_a_file_name_is_no_url_a_reserved_domain_with_a_scheme_is():
    text = "Template Normal.dotm; see https://records.libertycourt.example/v2 or x.example.org"
    found = {text[r.start:r.end] for r in WindowedUrlRecognizer().analyze(text, ["URL"])}
    assert not any("dotm" in f for f in found)
    assert "https://records.li" in found and "x.example.org" in found  # widened by spans.py


@pytest.mark.parametrize("windowed, presidio, entity, expected", [
    (WindowedUrlRecognizer, UrlRecognizer, "URL",
     {"https://records.example.org/patient?id=7", "mail.example.com"}),
    (WindowedIpRecognizer, IpRecognizer, "IP_ADDRESS",
     {"10.0.0.12", "fe80::1ff:fe23:4567:890a", "::1", "2001:db8::8a2e:370:7334"}),
])
def test_candidate_words_give_presidios_whole_text_results(windowed, presidio, entity, expected):
    """The same matches as Presidio's, less what the URL recognizer drops on purpose: a "host"
    with no public suffix (none is in the text) and a bare one that is a sentence run into the
    next ("end.Next") or a version number ("v.2.io")."""
    ours = windowed().analyze(NETWORK, [entity])
    dropped = {"end.Ne", "v.2.io"}
    theirs = [r for r in presidio().analyze(NETWORK, [entity])
              if NETWORK[r.start:r.end] not in dropped]
    assert _spans(ours) == _spans(theirs)
    assert expected <= {NETWORK[r.start:r.end] for r in ours}
    assert {r.recognition_metadata["recognizer_name"] for r in ours} == {presidio.__name__}


def test_a_phone_extension_is_masked_with_its_number():
    from lpo_review.redact.recognizers.phone import WindowedPhoneRecognizer

    text = "Direct (414) 555-0120 ext. 3, mobile 808-555-0100 x4410 or the desk."
    results = WindowedPhoneRecognizer().analyze(text, ["PHONE_NUMBER"], None)
    assert sorted(text[r.start:r.end] for r in results) == ["(414) 555-0120 ext. 3",
                                                            "808-555-0100 x4410"]
