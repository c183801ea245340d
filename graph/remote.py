"""SPARQL 1.1 servers: serve a build, push it to a server, query a server.

No home-made server: ``serve`` runs ``oxigraph serve-read-only`` (the ``oxigraph`` package
on PyPI, the same version as ``pyoxigraph``, which wrote the store) on the build's store,
or, for a build without one, on a temporary store loaded from its TriG.
``push`` uploads each named graph with the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT <endpoint>?graph=<iri>``, Turtle body), which Apache Jena Fuseki, GraphDB,
Virtuoso and Oxigraph all speak (Basic or Digest authentication: ``graph.httpauth``), and
can delete the server's govkg graphs that the build no longer has.  ``Endpoint`` is a
SPARQL 1.1 Protocol query endpoint that ``graph.query.run_query`` runs queries on like a
local store.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import sysconfig
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from shutil import which
from typing import Callable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from .httpauth import Login, RemoteError, Unauthorized, Unreachable, request
from .store import current_build, disk_store, load_trig, open_graph, trig_path


# ---------------------------------------------------------------------------------------
# serve

def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed beside this Python (or on PATH)."""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        for name in ("oxigraph", "oxigraph.exe"):
            if (folder / name).is_file():
                return str(folder / name)
    found = which("oxigraph")
    if found is None:
        raise RemoteError("the `oxigraph` server is not installed (pip install oxigraph)")
    return found


@contextmanager
def served_store(folder: Path | str) -> Iterator[Path]:
    """The folder of the store that serves the build in ``folder``: the build's own (made now
    if its graph is too large to read at each opening: ``store.disk_store``), or, for a small
    build without one, a temporary store loaded from its TriG (removed afterwards)."""
    current_build(folder)
    on_disk = disk_store(folder)
    if on_disk is not None:
        yield on_disk
        return
    with tempfile.TemporaryDirectory(prefix="govkg-serve-") as tmp:
        load_trig(trig_path(folder), Path(tmp)).flush()     # closed as it goes: the server opens it
        yield Path(tmp)


def serve_command(location: Path, host: str = "127.0.0.1", port: int = 7878) -> list[str]:
    """The command line that serves the store at ``location`` (``served_store``) read-only,
    every graph's union as the default graph (as ``govkg query`` sees it)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", bind,
            "--union-default-graph"]


def check_server_version(binary: str) -> str | None:
    """A warning when the server is another minor version than the library that wrote the
    store (Oxigraph promises no storage compatibility across them), else None."""
    out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.split()
    version = out[-1] if out else "?"
    if version.split(".")[:2] != ox.__version__.split(".")[:2]:
        return f"oxigraph server {version} may not read a store written by pyoxigraph {ox.__version__}"
    return None


# ---------------------------------------------------------------------------------------
# push

# The server's govkg graphs: each file's graph describes its file under the graph's own IRI
# (graph.vocab's NS and ID, spelt out: pushing needs no rdflib).
GOVKG_GRAPHS = """SELECT DISTINCT ?g WHERE {
  GRAPH ?g { ?g a <https://w3id.org/govkg/ns#SourceFile> }
  FILTER (STRSTARTS(STR(?g), "https://w3id.org/govkg/id/source/"))
}"""


@dataclass(frozen=True)
class PushResult:
    """What a push did: graphs stored, graphs refused (with the server's reason), and stale
    graphs deleted (``--prune``)."""

    sent: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]
    deleted: tuple[str, ...] = ()


def push(folder: Path | str, endpoint: str, *, user: str | None = None, password: str | None = None,
         graph_param: str = "graph", prune_from: str | None = None,
         progress: Callable[[str], None] | None = None) -> PushResult:
    """PUT every named graph of the build in ``folder`` to a Graph Store Protocol endpoint
    (each PUT replaces that graph on the server); a graph the server refuses is recorded and
    the others still go.  ``graph_param`` names the graph's IRI in the URL (``graph``;
    Virtuoso's own endpoint: ``graph-uri``).  With ``prune_from`` (the server's SPARQL query
    endpoint), the server's govkg graphs that the build no longer has are then deleted."""
    manifest = current_build(folder)
    store = open_graph(folder)
    login = Login(user, password or "") if user is not None else None
    graphs = sorted(e.graph for e in manifest.entries if e.graph)
    sent, failed = [], []
    for graph in graphs:
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        try:
            request(_with_params(endpoint, {graph_param: graph}), body, "PUT",
                    {"Content-Type": "text/turtle; charset=utf-8"}, login)
        except (Unreachable, Unauthorized) as e:
            raise RemoteError(f"{e} ({len(sent)} of {len(graphs)} graphs pushed)") from None
        except RemoteError as e:
            failed.append((graph, str(e)))
            continue
        sent.append(graph)
        if progress:
            progress(graph)
    deleted = () if prune_from is None else prune(endpoint, prune_from, set(graphs), login, graph_param)
    return PushResult(tuple(sent), tuple(failed), deleted)


def server_graphs(query_endpoint: str, login: Login | None = None) -> list[str]:
    """The govkg graphs a server holds (listed by a SPARQL query), sorted."""
    found = Endpoint.parse(query_endpoint)
    if found.user is None and login is not None:
        found = Endpoint(found.url, login.user, login.password)
    _, rows = select_rows(found.query(GOVKG_GRAPHS, "application/sparql-results+json"))
    return sorted(row[0] for row in rows)


def prune(endpoint: str, query_endpoint: str, keep: set[str], login: Login | None = None,
          graph_param: str = "graph") -> tuple[str, ...]:
    """Delete (Graph Store ``DELETE``) the server's govkg graphs that are not in ``keep``."""
    stale = [g for g in server_graphs(query_endpoint, login) if g not in keep]
    for graph in stale:
        request(_with_params(endpoint, {graph_param: graph}), None, "DELETE", {}, login)
    return tuple(stale)


# ---------------------------------------------------------------------------------------
# query

@dataclass(frozen=True)
class Endpoint:
    """A SPARQL 1.1 Protocol query endpoint; credentials may be given in the URL."""

    url: str
    user: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> "Endpoint":
        parts = urlsplit(url)
        if parts.username is None:
            return cls(url)
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        return cls(urlunsplit(parts._replace(netloc=netloc)), parts.username, parts.password)

    def query(self, query: str, accept: str) -> bytes:
        """POST the query form-encoded, as every server must take it; parameters written in
        the URL (``default-graph-uri=…``) go into the form with it, as the protocol says."""
        parts = urlsplit(self.url)
        params = parse_qsl(parts.query, keep_blank_values=True) + [("query", query)]
        login = Login(self.user, self.password or "") if self.user is not None else None
        return request(urlunsplit(parts._replace(query="")), urlencode(params).encode("ascii"), "POST",
                       {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, login)


def is_endpoint(location: str) -> bool:
    return str(location).startswith(("http://", "https://"))


# SELECT results as CSV where it is safe (``query.own_text_is_ascii``): the rows hold only text
SELECT_CSV = "text/csv, application/sparql-results+json;q=0.5"


def select_rows(data: bytes) -> tuple[tuple[str, ...], Iterator[tuple[str, ...]]]:
    """The header and rows of SPARQL CSV or JSON results (values as text, "" when unbound).

    >>> header, rows = select_rows(b'unit,n\\r\\n"a, b",1\\r\\n')
    >>> header, list(rows)
    (('unit', 'n'), [('a, b', '1')])
    """
    if data.lstrip()[:1] != b"{":
        reader = csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline=""))
        return tuple(next(reader, ())), (tuple(row) for row in reader)
    result = json.loads(data)
    header = tuple(result["head"].get("vars", ()))
    rows = (tuple(b.get(v, {}).get("value", "") for v in header)
            for b in result["results"]["bindings"])
    return header, rows


def ask_answer(data: bytes) -> bool:
    """The answer to an ASK; Virtuoso 7.2 sends it as a one-column table (a row when true).

    >>> ask_answer(b'{"head": {}, "boolean": false}')
    False
    >>> ask_answer(b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [{"__ASK_RETVAL": {"value": "1"}}]}}')
    True
    """
    result = json.loads(data)
    if "boolean" in result:
        return bool(result["boolean"])
    return any(row.get("value") not in ("0", "false") for b in result["results"]["bindings"] for row in b.values())


def values_clause(bindings: dict[str, str]) -> str:
    """Bound parameters as a trailing ``VALUES`` block: values as escaped RDF terms, so a
    value can never change the query (the protocol has no other way to bind)."""
    if not bindings:
        return ""
    names = sorted(bindings)
    terms = [str(ox.NamedNode(v[1:-1])) if v.startswith("<") and v.endswith(">")
             else str(ox.Literal(v)) for v in (bindings[n] for n in names)]
    return f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}\n"


# ---------------------------------------------------------------------------------------

def _with_params(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit(parts._replace(query=query))

