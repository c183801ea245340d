"""The build's store loader: every graph handed to it goes into the store, by a bulk load of
what waits at first, then through one bulk load read as a stream; an error ends the build
cleanly and never leaves it waiting."""
from __future__ import annotations

import threading

import pyoxigraph as ox
import pytest

from graph import output
from graph.output import _Loader, _Stream

STREAMED_FROM = [0, 10_000, output.STREAM_FROM]
"""Where the loader goes over to one stream: at once, after the first graph, never (here)."""


@pytest.fixture(params=STREAMED_FROM, ids=["stream", "both", "loads"])
def stream_from(request, monkeypatch):
    monkeypatch.setattr(output, "STREAM_FROM", request.param)
    return request.param


def quads(graph: str, n: int) -> bytes:
    return "".join(f'<http://e/s{i}> <http://e/p> "第{i}条" <http://e/{graph}> .\n' for i in range(n)).encode()


def test_graphs_handed_over_one_by_one_all_reach_the_store(tmp_path, stream_from):
    loader = _Loader(lambda: ox.Store(str(tmp_path / "store")))
    for g in ("a", "b", "c"):
        loader.put(quads(g, 3000))          # far more than the loader reads at a time
    loader.close()
    store = loader.store
    assert len(store) == 9000
    assert ox.Quad(ox.NamedNode("http://e/s2999"), ox.NamedNode("http://e/p"), ox.Literal("第2999条"),
                   ox.NamedNode("http://e/b")) in store


def test_a_build_with_nothing_new_leaves_the_store_as_opened(tmp_path, stream_from):
    loader = _Loader(lambda: ox.Store(str(tmp_path / "store")))
    loader.close()
    assert loader.error is None and len(loader.store) == 0


def test_a_bad_graph_is_raised_and_the_build_is_not_left_waiting(tmp_path, stream_from):
    loader = _Loader(lambda: ox.Store(str(tmp_path / "store")))
    loader.put(quads("a", 300))
    loader.put(b"<http://e/s> <http://e/p> not a term <http://e/g> .\n")
    done = threading.Event()

    def hand_over_more():
        try:
            for _ in range(50):             # more than the queue holds: each must be taken
                loader.put(quads("x", 10))
        except SyntaxError:
            pass
        done.set()
    threading.Thread(target=hand_over_more, daemon=True).start()
    assert done.wait(30)
    with pytest.raises(SyntaxError):
        loader.close()


def test_the_stream_never_gives_more_than_asked_and_ends_once():
    import queue
    chunks: queue.Queue = queue.Queue()
    for chunk in (b"bc", b"def", None):
        chunks.put(chunk)
    stream = _Stream(b"a", chunks)
    read = [stream.read(2) for _ in range(6)]
    assert read == [b"a", b"bc", b"de", b"f", b"", b""]
    assert chunks.get_nowait() is None      # the end stays for the loader to see
