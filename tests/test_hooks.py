"""The hook contract end to end: a plugin's renderer writes a packet file and its
packet-written hook sees it; the streaming API yields results and failures; every hook the
engine calls is exercised by some test (as datasette checks its own)."""

from __future__ import annotations

import re
from pathlib import Path

from lpo_review import Engine, Renderer, Review, ReviewFailure, hookimpl
from lpo_review.run import review_dir
from lpo_review.testing import make_engine

TESTS = Path(__file__).resolve().parent
HOOKSPECS = TESTS.parent / "src" / "lpo_review" / "hookspecs.py"


class _Summary(Renderer):
    name = "summary"
    suffix = ".summary.txt"

    def render(self, packet, audience="attorney") -> bytes:
        return f"{packet.doc_id}: {len(packet.redactions)} redactions\n".encode()


class _LoadFilePlugin:
    def __init__(self) -> None:
        self.written: list[tuple[str, list[Path]]] = []

    @hookimpl
    def lpo_review_renderers(self, config):
        return [_Summary()]

    @hookimpl
    def lpo_review_packet_written(self, packet, paths, config):
        self.written.append((packet.doc_id, list(paths)))


def test_a_plugin_renderer_writes_beside_the_packet_and_is_told(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.txt").write_text("Dana Whitfield called about the lease on Elm Street.\n")
    plugin = _LoadFilePlugin()
    report = review_dir(make_engine(plugin, name="load_file"), src, tmp_path / "out")
    assert report.totals()["ok"] == 1
    (doc_id, paths), = plugin.written
    summary = tmp_path / "out" / "packets" / f"{doc_id}.summary.txt"
    assert summary in paths and summary.read_text().startswith(f"{doc_id}: 1 redactions")
    assert "Whitfield" not in summary.read_text()


def test_review_many_streams_reviews_and_failures(tmp_path: Path) -> None:
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("Dana Whitfield signed on 3 March 2021.\n")
    empty.write_text("")
    results = list(Engine().review_many([good, empty, good]))
    assert [type(r) for r in results] == [Review, ReviewFailure, Review]
    assert results[1].reason == "empty" and str(empty) in results[1].source
    assert "Whitfield" not in results[0].packet.redacted_text


def test_every_hook_is_exercised_by_a_test() -> None:
    hooks = re.findall(r"^def (lpo_review_\w+)\(", HOOKSPECS.read_text(), flags=re.M)
    tests = "\n".join(p.read_text() for p in TESTS.rglob("test_*.py"))
    untested = [h for h in hooks if h not in tests.replace(HOOKSPECS.read_text(), "")]
    assert hooks and untested == []


class _KindPlugin:
    @hookimpl
    def lpo_review_detect_kind(self, text, config):
        return "medical" if "TRIAGE NOTE" in text else None


def test_a_trusted_plugin_can_say_which_kind_a_document_is() -> None:
    engine = make_engine(_KindPlugin(), name="triage_kind", trusted=True)
    assert engine.review_text("TRIAGE NOTE\nPatient seen at 10:30.\n").packet.kind == "medical"
    assert engine.review_text("Dana signed the lease.\n").packet.kind != "medical"


class _Wrapping:
    @hookimpl(wrapper=True)
    def lpo_review_renderers(self, config):
        return (yield)


def test_attributed_calls_follow_pluggy_order_and_ignore_wrappers() -> None:
    engine = make_engine(_LoadFilePlugin(), name="load_file")
    engine.pm.register_named(_Wrapping(), "wrapping", "1")
    pairs = engine.pm.call_attributed("lpo_review_renderers", config=engine.config)
    assert None not in [item for _, item in pairs]
    through_pluggy = [r for result in engine.pm.hook.lpo_review_renderers(config=engine.config)
                      for r in result]
    assert [type(r) for _, r in pairs] == [type(r) for r in through_pluggy]
    assert pairs[0][0] == "load_file"  # the last registered plugin is called first
