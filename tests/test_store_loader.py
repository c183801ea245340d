"""The build's store loader: every batch handed to it goes into the store; an error ends the
build cleanly and never leaves it waiting."""
from __future__ import annotations

import threading

import pyoxigraph as ox
import pytest

from graph.output import _Loader


def quads(graph: str, n: int) -> bytes:
    return "".join(f'<http://e/s{i}> <http://e/p> "第{i}条" <http://e/{graph}> .\n' for i in range(n)).encode()


def test_batches_handed_over_one_by_one_all_reach_the_store(tmp_path):
    loader = _Loader(lambda: ox.Store(str(tmp_path / "store")))
    for g in ("a", "b", "c"):
        loader.put(quads(g, 3000))
    loader.close()
    store = loader.store
    assert len(store) == 9000
    assert ox.Quad(ox.NamedNode("http://e/s2999"), ox.NamedNode("http://e/p"), ox.Literal("第2999条"),
                   ox.NamedNode("http://e/b")) in store


def test_a_build_with_nothing_new_leaves_the_store_as_opened(tmp_path):
    loader = _Loader(lambda: ox.Store(str(tmp_path / "store")))
    loader.close()
    assert loader.error is None and len(loader.store) == 0


def test_a_bad_batch_is_raised_and_the_build_is_not_left_waiting(tmp_path):
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
    assert len(loader.store) == 300         # what came before the bad batch is kept
