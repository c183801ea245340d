"""Real SPARQL servers on a loopback port: push a build to Oxigraph's server, serve a build
with `govkg serve`, and get over HTTP the answers the local store gives."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import pytest
from click.testing import CliRunner

from graph.cli import main
from conftest import named_answers as answers
from servers import free_port, running
from graph.query import QueryError, run_query
from graph.httpauth import request
from graph.manifest import read_manifest
from graph.remote import Endpoint, RemoteError, oxigraph_binary, push, server_graphs, values_clause
from graph.store import open_graph
from graph.vocab import NS as GOV



def test_push_to_an_oxigraph_server_then_query_it_over_http(tmp_path, sample_build, sample_store):
    port = free_port()
    argv = [oxigraph_binary(), "serve", "--location", str(tmp_path / "server"),
            "--bind", f"127.0.0.1:{port}"]
    with running(argv, port):
        result = CliRunner().invoke(main, ["push", "--graph", str(sample_build[0]),
                                           "--endpoint", f"http://127.0.0.1:{port}/store"])
        assert result.exit_code == 0 and "pushed 5 graphs" in result.output
        # pushing again replaces each graph, it does not add to it
        assert len(push(sample_build[0], f"http://127.0.0.1:{port}/store").sent) == 5
        remote = Endpoint.parse(f"http://127.0.0.1:{port}/query")
        assert answers(remote) == answers(sample_store)
        # a parameter written in the URL reaches the server (here: every graph as default)
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert run_query(remote, count).rows == (("0",),)
        union = Endpoint.parse(f"http://127.0.0.1:{port}/query?union-default-graph")
        assert run_query(union, count).rows == ((str(len(sample_store)),),)


def test_govkg_serve_answers_like_the_local_store(sample_build, sample_store):
    port = free_port()
    argv = [sys.executable, "-m", "graph", "serve", "--graph", str(sample_build[0]), "--port", str(port)]
    with running(argv, port):
        remote = open_graph(f"http://127.0.0.1:{port}/query")
        assert answers(remote) == answers(sample_store)
        assert run_query(remote, "ASK { ?s ?p ?o }") is True
        construct = "CONSTRUCT { ?d ?p ?o } WHERE { ?d <http://purl.org/dc/terms/identifier> ?o ; ?p ?o }"
        assert len(run_query(remote, construct)) == len(run_query(sample_store, construct))
        # read-only: an update is refused
        with pytest.raises(RemoteError):
            Endpoint(f"http://127.0.0.1:{port}/update").query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "*/*")


def test_a_server_that_is_not_there_is_a_clear_error():
    with pytest.raises(QueryError, match="127.0.0.1"):
        run_query(Endpoint(f"http://127.0.0.1:{free_port()}/query"), "ASK {}")


@pytest.mark.parametrize("value, clause", [
    pytest.param("鄂尔多斯市应急管理局", '(?unit) { ("鄂尔多斯市应急管理局") }', id="a-name"),
    # a value cannot close the string and add to the query
    pytest.param('x" } ?s ?p ?o { "', r'(?unit) { ("x\" } ?s ?p ?o { \"") }', id="quote-injection"),
    pytest.param("<https://w3id.org/govkg/id/agency/x>", "(?unit) { (<https://w3id.org/govkg/id/agency/x>) }",
                 id="an-iri"),
])
def test_parameters_on_a_server_are_bound_by_a_values_block(value, clause):
    assert values_clause({"unit": value}).strip() == f"VALUES {clause}"


class GraphStore:
    """A stand-in Graph Store endpoint on loopback that demands credentials in one scheme
    (checked here with hashlib, apart from govkg's code) and refuses one graph."""

    def __init__(self, scheme: str, refuse: str = ""):
        import threading
        from http.server import BaseHTTPRequestHandler, HTTPServer
        self.seen, outer = [], self

        class Handler(BaseHTTPRequestHandler):
            def do_HEAD(self):
                self.answer(outer.allowed(self) and 405 or 401)

            def do_PUT(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if not outer.allowed(self):
                    return self.answer(401)
                params = parse_qs(urlsplit(self.path).query)
                outer.seen.append((params, self.headers["Content-Type"], body))
                self.answer(500 if refuse and refuse in str(params) else 204)

            def answer(self, code):
                self.send_response(code)
                if code == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="govkg"' if scheme == "basic" else
                                     'Digest realm="govkg", nonce="n0nce", qop="auth", algorithm=MD5, opaque="op"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass
        self.scheme = scheme
        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def allowed(self, request) -> bool:
        import base64
        import hashlib
        import re
        auth = request.headers.get("Authorization") or ""
        if self.scheme == "basic":
            return auth == "Basic " + base64.b64encode(b"admin:pw").decode()
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', auth[len("Digest "):]))
        md5 = lambda s: hashlib.md5(s.encode()).hexdigest()     # noqa: E731
        expected = md5(":".join([md5("admin:govkg:pw"), "n0nce", fields.get("nc", ""), fields.get("cnonce", ""),
                                 "auth", md5(f"{request.command}:{request.path}")]))
        return auth.startswith("Digest ") and fields.get("response") == expected and fields.get("uri") == request.path

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_port}/ds?x=1"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_push_answers_the_servers_challenge_and_names_each_graph(sample_build, scheme):
    with GraphStore(scheme) as url:
        with pytest.raises(RemoteError, match="HTTP 401.*'admin' was refused"):
            push(sample_build[0], url, user="admin", password="wrong")
        with pytest.raises(RemoteError, match="give a user name"):
            push(sample_build[0], url)
        result = push(sample_build[0], url, user="admin", password="pw", graph_param="graph-uri")
    assert len(result.sent) == 5 and result.failed == ()


def test_push_sends_each_graph_once_with_its_iri(sample_build):
    server = GraphStore("digest")
    with server as url:
        push(sample_build[0], url, user="admin", password="pw", graph_param="graph-uri")
    graphs = sorted(params["graph-uri"][0] for params, _, _ in server.seen)
    assert graphs[0].startswith("https://w3id.org/govkg/id/source/") and len(set(graphs)) == len(graphs) == 5
    assert all(params["x"] == ["1"] and ctype.startswith("text/turtle") for params, ctype, _ in server.seen)
    assert any("鄂尔多斯市人民政府".encode() in body for _, _, body in server.seen)


def test_a_refused_graph_is_reported_and_the_others_are_pushed(sample_build):
    graphs = sorted(e.graph for e in read_manifest(sample_build[0]).entries)
    server = GraphStore("basic", refuse=graphs[2])
    with server as url:
        result = CliRunner().invoke(main, ["push", "--graph", str(sample_build[0]), "--endpoint", url,
                                           "--user", "admin"], env={"GOVKG_PASSWORD": "pw"})
    assert result.exit_code == 1                # the number of graphs that failed
    assert f"error: {graphs[2]}: PUT" in result.output and "HTTP 500" in result.output
    assert "pushed 4 graphs" in result.output and "1 failed" in result.output
    assert len(server.seen) == 5


def test_prune_deletes_only_stale_govkg_graphs(tmp_path, sample_build):
    port = free_port()
    argv = [oxigraph_binary(), "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"]
    stale, other = "https://w3id.org/govkg/id/source/0000000000000000", "https://example.org/theirs"
    with running(argv, port):
        for graph in (stale, other):
            request(f"http://127.0.0.1:{port}/store?graph={graph}", f"<{graph}> a <{GOV}SourceFile> .".encode(),
                    "PUT", {"Content-Type": "text/turtle"})
        result = CliRunner().invoke(main, ["push", "--graph", str(sample_build[0]), "--endpoint",
                                           f"http://127.0.0.1:{port}/store", "--prune"])
        assert result.exit_code == 2 and "--query-endpoint" in result.output
        done = push(sample_build[0], f"http://127.0.0.1:{port}/store", prune_from=f"http://127.0.0.1:{port}/query")
        assert done.deleted == (stale,) and len(done.sent) == 5
        listed = server_graphs(f"http://127.0.0.1:{port}/query")
        assert stale not in listed and len(listed) == 5
        theirs = run_query(Endpoint(f"http://127.0.0.1:{port}/query"), f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}")
        assert theirs is True                   # not a govkg graph: left alone


def test_govkg_serve_refuses_service_and_stops_a_long_query(sample_build):
    """issue 16: the endpoint made HTTP calls for anyone (SERVICE) and ran a query for ever."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.error import HTTPError
    from urllib.parse import quote
    called = []

    class Witness(BaseHTTPRequestHandler):
        def do_POST(self):
            called.append(self.path)
            self.send_response(500)
            self.end_headers()
        do_GET = do_POST

        def log_message(self, *args):
            pass
    witness = HTTPServer(("127.0.0.1", 0), Witness)
    threading.Thread(target=witness.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{witness.server_address[1]}/sparql"
    port = free_port()
    argv = [sys.executable, "-m", "graph", "serve", "--graph", str(sample_build[0]), "--port", str(port),
            "--timeout", "2"]
    with running(argv, port):
        base = f"http://127.0.0.1:{port}/query?query="
        for q in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                  f"PREFIX e: <http://e/> SELECT * WHERE {{ ?s e:a\\#b ?o . SERVICE <{target}> {{ ?s ?p ?o }} }}",
                  "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"):
            with pytest.raises(HTTPError) as refused:
                urlopen(base + quote(q), timeout=10)
            assert 400 <= refused.value.code < 500
        assert called == []
        started = time.monotonic()
        with pytest.raises(HTTPError):
            urlopen(base + quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), timeout=60)
        assert time.monotonic() - started < 20
        assert b"true" in urlopen(base + quote("ASK { ?s ?p ?o }"), timeout=10).read()
        page = urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()     # Oxigraph's query page
        assert b"<html" in page.lower()
    witness.shutdown()


def test_govkg_serve_on_a_busy_port_is_a_clear_error(sample_build):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "graph", "serve", "--graph", str(sample_build[0]),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "another server" in result.stderr
    assert "panicked" not in result.stderr and "SPARQL endpoint" not in result.stderr


def test_validate_and_export_take_an_endpoint_url(sample_build, tmp_path):
    """issue 16: `--graph URL` is documented for every command, but validate and export
    --format ttl read `http:/…/graph.trig`."""
    port = free_port()
    argv = [sys.executable, "-m", "graph", "serve", "--graph", str(sample_build[0]), "--port", str(port)]
    url = f"http://127.0.0.1:{port}/query"
    with running(argv, port):
        result = CliRunner().invoke(main, ["validate", "--graph", url])
        assert result.exit_code == 0 and "conforms" in result.output, result.output
        for fmt in ("ttl", "nq"):
            remote, local = tmp_path / f"remote.{fmt}", tmp_path / f"local.{fmt}"
            assert CliRunner().invoke(main, ["export", "--graph", url, "--format", fmt, "-o", str(remote)]).exit_code == 0
            assert CliRunner().invoke(main, ["export", "--graph", str(sample_build[0]), "--format", fmt,
                                             "-o", str(local)]).exit_code == 0
            assert remote.read_bytes() == local.read_bytes()
