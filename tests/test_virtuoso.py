"""A real Virtuoso (Debian's virtuoso-opensource) on a loopback port with a throw-away
database: push the sample build with dba's password (Digest), get every named query's rows
as the local store gives them, replace on a second push, and prune a removed file's graph.

Skipped where Virtuoso is not installed; CI installs it and sets GOVKG_REQUIRE_VIRTUOSO=1,
which turns the skip into a failure."""
from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from conftest import named_answers as answers
from graph.build import build, sample_corpus
from graph.cli import main
from graph.manifest import read_manifest
from graph.query import run_query
from graph.remote import Endpoint, server_graphs
from servers import binary, virtuoso

REQUIRED = os.environ.get("GOVKG_REQUIRE_VIRTUOSO") == "1"
SOURCE = "https://w3id.org/govkg/id/source/"
COUNTS = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER (STRSTARTS(STR(?g), "{SOURCE}")) }} GROUP BY ?g"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if binary() is None:
        if REQUIRED:
            pytest.fail("GOVKG_REQUIRE_VIRTUOSO=1 but virtuoso-t is not installed")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource); CI runs these")
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as v:
        yield v


def push(server, folder, *extra, password=None):
    args = ["push", "--graph", str(folder), "--endpoint", server.graph_store, "--graph-param", "graph-uri",
            "--user", "dba", *extra]
    return CliRunner().invoke(main, args, env={"GOVKG_PASSWORD": password or server.password})


def counts(graph) -> dict[str, str]:
    return dict(run_query(graph, COUNTS).rows)


def test_push_with_digest_then_every_named_query_gives_the_local_rows(server, sample_build, sample_store):
    result = push(server, sample_build[0])
    assert result.exit_code == 0, result.output
    assert "pushed 5 graphs" in result.output
    remote = Endpoint(server.sparql)
    local, there = answers(sample_store), answers(remote)
    assert sorted(there) == sorted(local)
    for name in local:                      # one query at a time, so a failure names it
        assert there[name] == local[name], name
    # a second push replaces each graph: the same triples, not twice as many
    before = counts(remote)
    assert before == counts(sample_store) and len(before) == 5
    assert push(server, sample_build[0]).exit_code == 0
    assert counts(remote) == before


def test_a_wrong_password_is_refused_and_nothing_is_sent(server, sample_build):
    result = push(server, sample_build[0], password="not-the-password")
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "'dba' was refused" in result.output
    assert "0 of 5 graphs pushed" in result.output


def test_prune_deletes_the_graph_of_a_file_no_longer_built(server, sample_build, tmp_path):
    assert push(server, sample_build[0]).exit_code == 0
    files = [path for path, _ in sample_corpus()]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in files[1:]:                   # the build without its first file
        shutil.copy(path, corpus / path.name)
    build([corpus], tmp_path / "out", html=False)
    kept = sorted(e.graph for e in read_manifest(tmp_path / "out").entries)
    gone = sorted(set(server_graphs(server.sparql)) - set(kept))
    assert len(kept) == 4 and len(gone) == 1
    result = push(server, tmp_path / "out", "--prune", "--query-endpoint", server.sparql)
    assert result.exit_code == 0, result.output
    assert f"deleted {gone[0]}" in result.output and "deleted 1 stale" in result.output
    assert server_graphs(server.sparql) == kept
    assert run_query(Endpoint(server.sparql), f"ASK {{ GRAPH <{gone[0]}> {{ ?s ?p ?o }} }}") is False
