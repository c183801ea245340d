"""Nothing gets in: no network unless allowed, parameters bound, SERVICE refused."""
from __future__ import annotations

import socket
import urllib.request

import pytest

from graph import netguard
from graph.query import QueryError, check_network, named_queries, network_reads, parse_query, query_text, run_query


@pytest.mark.parametrize("attempt", [
    pytest.param(lambda: socket.create_connection(("93.184.216.34", 80), timeout=1), id="connect-ip"),
    pytest.param(lambda: socket.getaddrinfo("example.org", 80), id="name-lookup"),
    pytest.param(lambda: urllib.request.urlopen("http://example.org/", timeout=1), id="urllib"),
])
def test_the_network_is_off(attempt):
    with netguard.network_off():
        with pytest.raises(netguard.NetworkRefused, match="--allow-network"):
            attempt()


def test_loopback_stays_reachable_while_offline():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with netguard.network_off():
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    server.close()


def test_rdflib_service_query_is_refused_by_the_guard():
    from rdflib import Dataset
    with netguard.network_off():
        with pytest.raises(QueryError):
            run_query(Dataset(), "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                      allow_network=True)


@pytest.mark.parametrize("query, refused", [
    # issue 16: a text scan took `#` in an escaped local name for a comment, so SERVICE ran
    pytest.param("PREFIX e: <http://e/> SELECT * WHERE { ?s e:a\\#b ?o . SERVICE <http://x.org/s> { ?s ?p ?o } }",
                 "syntax error", id="escaped-hash-then-service"),
    pytest.param("PREFIX e: <http://e/> SELECT * WHERE { ?s e:a\\#b ?o .\n"
                 " SERVICE <http://x.org/s> { ?s ?p ?o } }", "syntax error|--allow-network", id="escaped-hash-newline"),
    pytest.param("select * where { service silent <http://x.org/s> { ?s ?p ?o } }", "--allow-network",
                 id="lower-case-silent"),
    pytest.param("SELECT * WHERE { { SELECT * WHERE { OPTIONAL { SERVICE ?x { ?s ?p ?o } } } } }",
                 "--allow-network", id="nested-variable-service"),
    pytest.param("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "--allow-network", id="from-file"),
    pytest.param("SELECT * WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }", "--allow-network", id="service"),
    pytest.param("SELECT * FROM <http://x.org/g> WHERE { ?s ?p ?o }", "--allow-network", id="from"),
    pytest.param("SELECT * FROM NAMED <http://x.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "--allow-network",
                 id="from-named"),
    pytest.param("LOAD <http://x.org/data.ttl>", "updates .* are refused", id="load"),
    pytest.param("DELETE WHERE { ?s ?p ?o }", "updates .* are refused", id="delete"),
    pytest.param('SELECT * WHERE { ?s ?p "SERVICE FROM LOAD" }', None, id="words-in-a-string"),
    pytest.param("SELECT * WHERE { ?s <http://x.org/FROM> ?o } # SERVICE", None, id="in-an-iri-and-a-comment"),
    pytest.param("PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:from ?o }", None,
                 id="names-that-look-like-keywords"),
])
def test_network_reads_are_decided_on_the_parsed_query(query, refused):
    if refused:
        with pytest.raises(QueryError, match=refused):
            check_network(query)
    else:
        check_network(query)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_a_refused_query_reaches_no_engine(backend, request):
    """The bypass of issue 16 on both stores: refused before any engine sees it."""
    graph = request.getfixturevalue(f"sample_{backend}")
    for q in ("PREFIX e: <http://e/> SELECT * WHERE { ?s e:a\\#b ?o . SERVICE <http://127.0.0.1:1/s> { ?s ?p ?o } }",
              "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"):
        with pytest.raises(QueryError):
            run_query(graph, q)


def test_rdflib_never_loads_a_from_graph_even_when_allowed(tmp_path):
    """Engine level: with the network allowed, FROM still picks among held graphs only."""
    from rdflib import Dataset
    secret = tmp_path / "secret.nt"
    secret.write_text('<http://e/s> <http://e/p> "secret" .\n', encoding="utf-8")
    table = run_query(Dataset(), f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", allow_network=True)
    assert table.rows == ()


INJECTIONS = [
    '鄂尔多斯市应急管理局" } ?s ?p ?o . { ?x ?y "',
    "x' . ?s ?p ?o . FILTER('1'='1",
    "} ; DROP ALL ; SELECT * WHERE {",
    "<http://evil.example/x>\n} SERVICE <http://evil.example/s> {",
    '"""\\u0022 ) } #',
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_parameters_are_bound_not_interpolated(value, backend, request):
    graph = request.getfixturevalue(f"sample_{backend}")
    table = run_query(graph, query_text("unit_bodies"), {"unit": value})
    assert table.rows == ()                    # a value that names nothing finds nothing
    real = run_query(graph, query_text("references"), {"referenced": "中华人民共和国气象法"})
    assert {r[0] for r in real.rows} == {"额尔古纳市春季应对融雪应急预案", "兴安盟自然灾害救助应急预案（2024年版）"}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_parses_and_reads_nothing_from_outside(name):
    """What lets a named query's exact text run unparsed (``query._named_texts``)."""
    text = query_text(name)
    assert network_reads(text) == () and parse_query(text).algebra.name == "SelectQuery"


def test_a_named_query_changed_by_one_character_is_checked_again():
    text = query_text("documents")
    tampered = text.replace("WHERE {", "WHERE { SERVICE <http://e/s> { ?x ?y ?z } ", 1)
    assert tampered != text
    with pytest.raises(QueryError, match="SERVICE"):
        check_network(tampered)
