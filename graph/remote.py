"""SPARQL 1.1 servers: serve a build, push it to a server, query a server.

No home-made server: ``serve`` runs ``oxigraph serve-read-only`` (the ``oxigraph`` package
on PyPI, the same version as ``pyoxigraph``, which wrote the store) on the build's store.
``push`` uploads each named graph with the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT <endpoint>?graph=<iri>``, Turtle body), which Apache Jena Fuseki, GraphDB,
Virtuoso and Oxigraph all speak.  ``Endpoint`` is a SPARQL 1.1 Protocol query endpoint
that ``graph.query.run_query`` runs queries on like a local store.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from shutil import which
from typing import Callable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from .manifest import read_manifest
from .store import GraphNotFound, store_path

TIMEOUT = 300                   # seconds for one HTTP request


class RemoteError(RuntimeError):
    """A server that cannot be reached, or that refused a request; the message says which."""


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


def serve_command(folder: Path | str, host: str = "127.0.0.1", port: int = 7878) -> list[str]:
    """The command line that serves the build in ``folder`` read-only, every graph's union
    as the default graph (as ``govkg query`` sees it)."""
    path = store_path(folder)
    if path is None:
        raise GraphNotFound(f"no current store in {folder}; run `govkg build --out {folder}` first")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [oxigraph_binary(), "serve-read-only", "--location", str(path), "--bind", bind,
            "--union-default-graph"]


def check_server_version(binary: str) -> str | None:
    """A warning when the server is another minor version than the library that wrote the
    store (Oxigraph promises no storage compatibility across them), else None."""
    out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.split()
    version = out[-1] if out else "?"
    if version.split(".")[:2] != ox.__version__.split(".")[:2]:
        return f"oxigraph server {version} may not read a store written by pyoxigraph {ox.__version__}"
    return None


def serve(argv: list[str]) -> None:
    """Run the server command ``serve_command`` made in the foreground (this process
    becomes it, where the OS allows)."""
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(argv[0], argv)
    raise SystemExit(subprocess.call(argv))


# ---------------------------------------------------------------------------------------
# push

def push(folder: Path | str, endpoint: str, *, user: str | None = None, password: str | None = None,
         graph_param: str = "graph", progress: Callable[[str], None] | None = None) -> int:
    """PUT every named graph of the build in ``folder`` to a Graph Store Protocol endpoint;
    the number of graphs sent.  Each PUT replaces that graph on the server.  ``graph_param``
    names the graph's IRI in the URL (``graph``; Virtuoso's own endpoint: ``graph-uri``)."""
    manifest = read_manifest(Path(folder))
    path = store_path(folder)
    if manifest is None or path is None:
        raise GraphNotFound(f"no current build in {folder}; run `govkg build --out {folder}` first")
    store = ox.Store.read_only(str(path))
    sent = 0
    for graph in sorted(e.graph for e in manifest.entries if e.graph):
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        _request(_with_params(endpoint, {graph_param: graph}), body, "PUT",
                 {"Content-Type": "text/turtle; charset=utf-8"}, user, password)
        sent += 1
        if progress:
            progress(graph)
    return sent


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
        return _request(urlunsplit(parts._replace(query="")), urlencode(params).encode("ascii"), "POST",
                        {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
                        self.user, self.password)


def is_endpoint(location: str) -> bool:
    return str(location).startswith(("http://", "https://"))


def select_rows(data: bytes) -> tuple[tuple[str, ...], Iterator[tuple[str, ...]]]:
    """The header and rows of SPARQL JSON results (values as text, "" when unbound)."""
    result = json.loads(data)
    header = tuple(result["head"].get("vars", ()))
    rows = (tuple(b.get(v, {}).get("value", "") for v in header)
            for b in result["results"]["bindings"])
    return header, rows


def ask_answer(data: bytes) -> bool:
    return bool(json.loads(data)["boolean"])


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


def _request(url: str, body: bytes, method: str, headers: dict, user: str | None,
             password: str | None) -> bytes:
    """One HTTP request; with a user, Basic credentials go with it, and a Digest challenge
    (Virtuoso's ``-auth`` endpoints) is answered."""
    import urllib.request as ur                       # only when a server is used
    from urllib.error import HTTPError, URLError
    handlers = []
    if user is not None:
        passwords = ur.HTTPPasswordMgrWithPriorAuth()
        passwords.add_password(None, url, user, password or "", is_authenticated=True)
        handlers = [ur.HTTPBasicAuthHandler(passwords), ur.HTTPDigestAuthHandler(passwords)]
    try:
        with ur.build_opener(*handlers).open(ur.Request(url, data=body, method=method, headers=headers),
                                             timeout=TIMEOUT) as r:
            return r.read()
    except HTTPError as e:
        detail = e.read(500).decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{method} {url}: HTTP {e.code} {e.reason}"
                          + (f": {detail[0]}" if detail else "")) from None
    except (URLError, OSError) as e:
        raise RemoteError(f"{method} {url}: {getattr(e, 'reason', e)}") from None
