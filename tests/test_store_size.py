"""A build fills an Oxigraph store on disk only when told to, or when the last build had one;
the first query on a graph too large to read at each opening (``graph.store.READ_UP_TO``)
makes it from ``graph.trig``, once, and later builds go on with it; a smaller graph is read
from ``graph.trig``.  Whichever way, every query answers the same, and the store holds
exactly the TriG's quads."""
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
import graph.store
from conftest import named_answers
from graph.build import build, sample_corpus
from graph.cli import main
from graph.manifest import MANIFEST
from graph.remote import push
from graph.query import named_query
from graph.rows import open_rows
from graph.store import READ_UP_TO, load_trig, open_graph, store_path
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
    assert named_query(rows, "unit_bodies", unit=UNIT).rows == \
        named_query(open_graph(sample_build[0]), "unit_bodies", unit=UNIT).rows
    assert named_query(rows, "network").rows == named_query(open_graph(sample_build[0]), "network").rows


def test_an_unchanged_rebuild_of_a_build_without_a_store_extracts_nothing(tmp_path):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000", b="001")
    build([v1], out, html=False)
    report = build([v1], out, html=False)
    assert report.unchanged == 2 and store_path(out) is None


def test_a_graph_too_large_to_read_at_each_query_gets_its_store_when_first_opened(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.store, "READ_UP_TO", 1_000_000)       # the three files' TriG: ~0.7 MB each
    monkeypatch.setattr(graph.output, "LOAD_BATCH", 1)              # each file's chunk a load of its own
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000", b="001", c="002")], out, html=False)
    assert store_path(out) is None and not list(out.glob("store*"))     # the build did not fill one …
    bodies = named_query(open_rows(out), "bodies").rows                 # … nor do the named queries need it
    assert bodies and store_path(out) is None
    first = open_graph(out)                                             # ad-hoc SPARQL does: made now
    assert named_query(first, "bodies").rows == bodies
    store = stored(out)
    assert store is not None and (out / "store").resolve() == store_path(out).resolve()
    assert quads(store) == trig_quads(out) == quads(first)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["store"] == store_path(out).name
    assert {g.value for g in store.named_graphs()} == {e["graph"] for e in manifest["files"]}
    open_graph(out)                                                     # once: the next opening uses it
    assert sorted(p.name for p in out.glob("store*")) == ["store", "store-1"]
    assert build([corpus(tmp_path / "v1", a="000", b="001", c="002")], out, html=False).unchanged == 3


def test_a_store_made_by_a_query_is_kept_up_to_date_by_the_next_builds(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.store, "READ_UP_TO", 1)
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000")], out, html=False)
    open_graph(out)
    report = build([corpus(tmp_path / "v1", a="000", b="001")], out, html=False)
    assert report.unchanged == 1                    # a's graph is copied, not extracted again …
    assert quads(stored(out)) == trig_quads(out)    # … and the new store is the last one with b's graph


def test_a_small_graph_is_read_from_its_trig_and_never_given_a_store(plain_build):
    out = plain_build[0]
    assert (out / "graph.trig").stat().st_size <= READ_UP_TO
    open_graph(out)
    assert store_path(out) is None and not list(out.glob("store*"))


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


def test_the_build_options_help_gives_the_threshold_queries_use():
    help_text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    figure = re.search(r"once a graph has over (\d+) MB of TriG", help_text)
    assert figure and int(figure.group(1)) << 20 == READ_UP_TO


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


def test_a_query_that_makes_the_store_is_not_cut_by_its_timeout(tmp_path):
    """The first query on a graph over ``READ_UP_TO`` makes its store before ``--timeout``'s
    timer starts (a timer that ran out would end the process with the store half made)."""
    texts = tmp_path / "in"
    texts.mkdir()
    for copy in ("一", "二"):                       # two copies of the sample: ~6.4 MB of TriG
        for path, name in sample_corpus():
            (texts / f"{copy}-{name}").write_text(f"（副本{copy}）\n" + path.read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    out = tmp_path / "out"
    build([texts], out, html=False)
    assert (out / "graph.trig").stat().st_size > READ_UP_TO and store_path(out) is None
    import subprocess
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    done = subprocess.run([sys.executable, "-m", "graph", "sparql", query, "--graph", str(out), "--format", "csv",
                           "--timeout", "0.2"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "making the store" in done.stderr
    assert int(done.stdout.split()[-1]) == len(trig_quads(out)) and quads(stored(out)) == trig_quads(out)
    again = subprocess.run([sys.executable, "-m", "graph", "sparql", query, "--graph", str(out), "--format", "csv"],
                           capture_output=True, text=True, timeout=300)
    assert again.stdout == done.stdout and "making the store" not in again.stderr


def test_the_page_of_a_build_that_reused_graphs_is_drawn_without_making_a_store(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.store, "READ_UP_TO", 1)       # every graph "large"
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build([corpus(tmp_path / "v1", a="000")], out, html=False)
    v2 = corpus(tmp_path / "v2", a="000", b="001")
    build([v2], out)                                        # a's graph reused: the page reads the TriG
    assert store_path(out) is None and not list(out.glob("store*"))
    build([v2], fresh)                                      # the same graph's page, drawn from memory
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()


def test_workers_hand_back_n_quads_only_to_a_build_that_fills_a_store(tmp_path, monkeypatch):
    """The N-Quads of a file's graph are for the store: a build with none to fill is not
    sent them (at 1,000x they are gigabytes through the workers' pipes), one that fills a
    store is, and its store holds exactly the TriG's quads."""
    import graph.build
    asked, run_one = {}, graph.build.run_one

    def recording(path, name, page=False, nquads=True):
        extracted = run_one(path, name, page, nquads)
        asked.setdefault(path.parent.name, []).append((nquads, bool(extracted.nquads), bool(extracted.chunk)))
        return extracted
    monkeypatch.setattr(graph.build, "run_one", recording)
    files = [path for path, _ in sample_corpus()[:2]]
    for out, store in (("plain", False), ("stored", True)):
        folder = tmp_path / out
        folder.mkdir()
        for path in files:
            (folder / path.name).write_bytes(path.read_bytes())
        build([folder], tmp_path / f"out-{out}", jobs=1, store=store, html=False)
    assert asked == {"plain": [(False, False, True)] * 2, "stored": [(True, True, True)] * 2}
    assert stored(tmp_path / "out-plain") is None
    assert quads(stored(tmp_path / "out-stored")) == trig_quads(tmp_path / "out-stored")
