"""Nothing gets in: no network unless allowed, parameters bound, SERVICE refused."""
from __future__ import annotations

import socket
import urllib.request

import pytest

from graph import netguard
from graph.query import QueryError, check_network, query_text, run_query


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
    ("SELECT * WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }", True),
    ("SELECT * FROM <http://x.org/g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <http://x.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("LOAD <http://x.org/data.ttl>", True),
    ('SELECT * WHERE { ?s ?p "SERVICE FROM LOAD" }', False),          # words inside a string
    ("SELECT * WHERE { ?s <http://x.org/FROM> ?o } # SERVICE", False),   # in an IRI and a comment
])
def test_network_keywords(query, refused):
    if refused:
        with pytest.raises(QueryError, match="--allow-network"):
            check_network(query)
    else:
        check_network(query)


INJECTIONS = [
    '鄂尔多斯市应急管理局" } ?s ?p ?o . { ?x ?y "',
    "x' . ?s ?p ?o . FILTER('1'='1",
    "} ; DROP ALL ; SELECT * WHERE {",
    "<http://evil.example/x>\n} SERVICE <http://evil.example/s> {",
    '"""\\u0022 ) } #',
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_parameters_are_bound_not_interpolated(value, backend, sample_build):
    from graph.store import open_graph
    graph = open_graph(sample_build[0], backend)
    table = run_query(graph, query_text("unit_bodies"), {"unit": value})
    assert table.rows == ()                    # a value that names nothing finds nothing
    real = run_query(graph, query_text("references"), {"referenced": "中华人民共和国气象法"})
    assert {r[0] for r in real.rows} == {"额尔古纳市春季应对融雪应急预案", "兴安盟自然灾害救助应急预案（2024年版）"}
