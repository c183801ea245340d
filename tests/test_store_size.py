"""A build fills an Oxigraph store on disk once its graph is large enough to need one
(``graph.output.STORE_FROM``), or when told to; below that, queries read ``graph.trig``.
Whichever way, every query answers the same, and the store holds exactly the TriG's quads."""
from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import graph.output
from conftest import named_answers
from graph.build import build
from graph.cli import main
from graph.manifest import MANIFEST
from graph.remote import push
from graph.rows import open_rows
from graph.store import load_trig, open_graph, store_path
from servers import free_port, running
from test_incremental import corpus, edited

UNIT = "鄂尔多斯市应急管理局"


def quads(store) -> set:
    return set(store.quads_for_pattern(None, None, None, None))


def trig_quads(out) -> set:
    return quads(load_trig(out / "graph.trig"))


def stored(out) -> ox.Store | None:
    path = store_path(out)
    return None if path is None else ox.Store.read_only(str(path))


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory):
    """The sample built as a user builds it: too small for a store."""
    out = tmp_path_factory.mktemp("plain")
    return out, build([], out)


def test_the_sample_alone_is_kept_as_trig_and_answers_as_the_store_does(plain_build, sample_build):
    out = plain_build[0]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["store"] == ""
    assert not (out / "store").exists() and not list(out.glob("store-*"))
    assert store_path(out) is None
    assert (out / "graph.trig").read_bytes() == (sample_build[0] / "graph.trig").read_bytes()
    memory = open_graph(out)
    assert quads(memory) == quads(open_graph(sample_build[0]))
    assert named_answers(memory) == named_answers(open_graph(sample_build[0]))
    # the rows table is the build's: named queries come from it, the rest from the TriG
    rows = open_rows(out)
    assert rows is not None
    from graph.query import named_query
    assert named_query(rows, "unit_bodies", unit=UNIT).rows == \
        named_query(open_graph(sample_build[0]), "unit_bodies", unit=UNIT).rows
    assert named_query(rows, "network").rows == named_query(open_graph(sample_build[0]), "network").rows


def test_an_unchanged_rebuild_of_a_build_without_a_store_extracts_nothing(tmp_path):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000", b="001")
    build([v1], out, html=False)
    report = build([v1], out, html=False)
    assert report.unchanged == 2 and store_path(out) is None


def test_a_graph_that_grows_past_the_threshold_mid_build_gets_the_whole_of_itself_stored(tmp_path, monkeypatch):
    # the first file's graph alone is under the threshold; the first two are over it
    monkeypatch.setattr(graph.output, "STORE_FROM", 1_000_000)     # 000: 0.76 MB of N-Quads, 001: 0.95
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000", b="001", c="002")], out, html=False, jobs=1)
    store = stored(out)
    assert store is not None and (out / "store").resolve() == store_path(out).resolve()
    assert quads(store) == trig_quads(out)
    assert {g.value for g in store.named_graphs()} == {e["graph"] for e in json.loads(
        (out / MANIFEST).read_text(encoding="utf-8"))["files"]}


def test_a_corpus_that_outgrows_its_trig_gets_a_store_with_the_graphs_it_kept(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000")], out, html=False)
    assert store_path(out) is None
    monkeypatch.setattr(graph.output, "STORE_FROM", 1)
    report = build([corpus(tmp_path / "v1", a="000", b="001")], out, html=False)
    assert report.unchanged == 1                    # a's graph is copied, not extracted again …
    assert quads(stored(out)) == trig_quads(out)    # … and loaded into the new store from the TriG


def test_a_build_with_a_store_keeps_it_through_changes_and_removals(tmp_path):
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000", b="001", c="002")], out, html=False, store=True)
    v2 = corpus(tmp_path / "v2", a="000", b=edited("001"))
    build([v2], out, html=False, prune=True)         # no --store: it goes on with the one it has
    assert quads(stored(out)) == trig_quads(out)
    assert sorted(p.name for p in out.glob("store*")) == ["store", "store-2"]
    build([v2], out, html=False, store=False)
    assert store_path(out) is None and not list(out.glob("store*"))
    assert named_answers(open_graph(out)) == named_answers(load_trig(out / "graph.trig"))


def test_the_build_options_help_gives_the_threshold_the_build_uses():
    help_text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    figure = re.search(r"once the graph has (\d+) MB of N-Quads", help_text)
    assert figure and int(figure.group(1)) << 20 == graph.output.STORE_FROM


def test_govkg_serve_and_push_a_build_without_a_store(plain_build, sample_store, tmp_path):
    served = free_port()
    argv = [sys.executable, "-m", "graph", "serve", "--graph", str(plain_build[0]), "--port", str(served)]
    temporary = set(Path(tempfile.gettempdir()).glob("govkg-serve-*"))
    with running(argv, served):
        remote = open_graph(f"http://127.0.0.1:{served}/query")
        assert named_answers(remote) == named_answers(sample_store)
        assert set(Path(tempfile.gettempdir()).glob("govkg-serve-*")) - temporary      # served from a store …
    assert set(Path(tempfile.gettempdir()).glob("govkg-serve-*")) == temporary        # … removed when it stops
    from graph.remote import oxigraph_binary
    port = free_port()
    server = [oxigraph_binary(), "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"]
    with running(server, port):
        assert len(push(plain_build[0], f"http://127.0.0.1:{port}/store").sent) == 5
    assert quads(ox.Store.read_only(str(tmp_path / "server"))) == quads(sample_store)
