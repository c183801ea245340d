"""The stores a build leaves answer alike: Oxigraph on disk, rdflib in memory, the TriG."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from conftest import named_answers
from graph.query import named_queries, query_text, run_query
from graph.store import open_graph, store_path


HEAVY = ("network", "tasks")
"""Named queries that rdflib's engine takes half a minute over on the whole sample (its joins
grow with the square of a file's statements): both engines answer them on the sample thinned
to ten statement nodes of each kind per file (every appointment kept), which still gives
every kind of row."""
FACT_CLASSES = frozenset(f"https://w3id.org/govkg/ns#{c}" for c in (
    "Leadership", "OfficeArrangement", "BodyDescription", "Duty", "Task", "Appointment", "Citation",
    "Repeal", "Evidence", "Mention", "Section")) | {"http://www.w3.org/ns/org#Membership"}


def thinned(store, per_kind: int = 10) -> list[ox.Quad]:
    """The store's statements, but of each file's statement nodes (facts, mentions,
    sections) only the first ``per_kind`` of each class, in IRI order; all appointments."""
    quads = list(store.quads_for_pattern(None, None, None, None))
    kind = {}
    for q in quads:
        if q.predicate.value.endswith("#type") and q.object.value in FACT_CLASSES:
            kind[(q.graph_name, q.subject)] = min(kind.get((q.graph_name, q.subject), q.object.value),
                                                  q.object.value)
    kept, count = set(), {}
    for (g, node), cls in sorted(kind.items(), key=lambda x: (str(x[0][0]), str(x[0][1]))):
        count[(g, cls)] = count.get((g, cls), 0) + 1
        if count[(g, cls)] <= per_kind or cls.endswith("#Appointment"):
            kept.add((g, node))
    return [q for q in quads if (q.graph_name, q.subject) not in kind or (q.graph_name, q.subject) in kept]


@pytest.fixture(scope="module")
def answers_of(sample_store, sample_rdflib, tmp_path_factory):
    light = [n for n in named_queries() if n not in HEAVY]
    folder = tmp_path_factory.mktemp("thinned")
    (folder / "graph.trig").write_bytes(ox.serialize(thinned(sample_store), format=ox.RdfFormat.TRIG))
    return {"oxigraph": named_answers(sample_store, light) | named_answers(open_graph(folder), HEAVY),
            "rdflib": named_answers(sample_rdflib, light) | named_answers(open_graph(folder, "rdflib"), HEAVY),
            "whole": named_answers(sample_store, HEAVY)}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_oxigraph_on_disk_and_rdflib_give_the_same_rows(name, answers_of):
    assert answers_of["oxigraph"][name] == answers_of["rdflib"][name]
    assert answers_of["oxigraph"][name][1], f"{name} answers nothing: the comparison says nothing"


@pytest.mark.parametrize("name", HEAVY)
def test_the_thinned_sample_gives_every_kind_of_row(name, answers_of):
    """The heavy queries are compared on the thinned sample: it must still give each
    relation (and each kind of node) the whole sample gives."""
    def kinds(answer):
        header, rows = answer
        return {(c, row[header.index(c)]) for row in rows for c in ("relation", "kind") if c in header}
    assert kinds(answers_of["oxigraph"][name]) == kinds(answers_of["whole"][name])


def test_the_build_writes_a_store_that_opens_without_parsing(sample_build):
    out = sample_build[0]
    path = store_path(out)
    assert path is not None and path.parent == out and (out / "store").resolve() == path.resolve()
    store = open_graph(out)
    assert isinstance(store, ox.Store)
    with pytest.raises((OSError, RuntimeError)):   # read-only: a query can never change the build
        store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o")))
    assert len(store) == sample_build[1].totals()["triples"]


def test_a_folder_holding_only_a_trig_is_loaded_from_it(tmp_path, sample_build, sample_store):
    # a TriG from elsewhere, or one edited by hand: the store no longer speaks for it
    shutil.copy(sample_build[0] / "graph.trig", tmp_path / "graph.trig")
    assert store_path(tmp_path) is None
    assert named_answers(open_graph(tmp_path)) == named_answers(sample_store)


def test_an_edited_trig_is_not_answered_from_the_stale_store(tmp_path, sample_build):
    out = tmp_path / "out"
    shutil.copytree(sample_build[0], out, symlinks=True)
    text = (out / "graph.trig").read_text(encoding="utf-8")
    (out / "graph.trig").write_text(text.replace("中华人民共和国气象法", "气象法（改）"), encoding="utf-8")
    assert store_path(out) is None
    rows = named_answers(open_graph(out))["references"][1]
    assert ("额尔古纳市春季应对融雪应急预案", "气象法（改）") in rows


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_matches_within_one_files_graph(name):
    # Oxigraph's union default graph is a bag: a label repeated in every file that names a
    # unit multiplies the rows of a join by the number of those files, so a query over the
    # union grows with the square of the corpus.  Inside GRAPH ?g it grows linearly.
    text = query_text(name)
    assert "GRAPH ?g {" in text, f"{name}.rq: put the WHERE body inside GRAPH ?g {{ … }}"


def test_rows_sorted_outside_oxigraph_keep_sparqls_order(sample_store):
    query = """SELECT ?n ?s WHERE { VALUES (?n ?s) { (10 "b") (9 "a") (UNDEF "c") (9 "乙") (9 "甲") } }
               ORDER BY ?n DESC(?s)"""
    rows = run_query(sample_store, query).rows
    assert rows == (("", "c"), ("9", "甲"), ("9", "乙"), ("9", "a"), ("10", "b"))
    # with a LIMIT after it, ORDER BY stays in the query: Oxigraph sorts alike
    assert run_query(sample_store, query + " LIMIT 10").rows == rows


def test_a_row_limit_bounds_an_order_by(sample_store):
    """issue 16: `--limit` did not bound a query ending in ORDER BY (1.1 GB, no rows)."""
    import tracemalloc
    from graph.query import run_query
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) ?s ?p"
    full = run_query(sample_store, q, limit=None)
    assert len(full.rows) > 40_000
    tracemalloc.start()
    top = run_query(sample_store, q, limit=7)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert top.rows == full.rows[:7] and top.truncated
    assert peak < 2_000_000, peak            # the full answer's rows take tens of MB
