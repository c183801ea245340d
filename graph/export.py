"""``govkg export``: a built graph in the formats other tools read.

- RDF (``ttl``, ``nt``, ``nq``, ``jsonld``) from the dataset itself.  Turtle and N-Triples
  hold one graph, so they get the union of the per-file graphs; N-Quads and JSON-LD keep
  the named graphs.  Statements are written in one fixed order.
- ``graphml`` and ``gexf`` from the NetworkX projection (``network.to_networkx``), with
  ``label`` and ``kind`` on every node and ``relation``, ``quote`` and ``document_title`` on
  every edge, as Gephi and yEd read them.
- ``csv``: a folder holding the answer of every named query, one file each, UTF-8 with a
  byte-order mark so that Excel shows the Chinese.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .network import to_networkx
from .query import QueryError, format_table, named_queries, query_text, run_query
from .remote import Endpoint, RemoteError, is_endpoint
from .rdf import PREFIXES
from .store import open_graph, trig_path

RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
NETWORK_FORMATS = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS, "csv")


def default_path(folder: str | Path, fmt: str) -> Path:
    """Where an export goes unless told: ``DIR/graph.<fmt>``, or ``DIR/csv/``; for an
    endpoint, the current folder."""
    return Path("." if is_endpoint(str(folder)) else folder) / ("csv" if fmt == "csv" else f"graph.{fmt}")


def export(folder: str | Path, fmt: str, path: str | Path | None = None) -> Path:
    """Write the graph built in ``folder`` as ``fmt`` to ``path``; return the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path) if path else default_path(folder, fmt)
    if fmt in RDF_FORMATS:
        write_rdf(folder, fmt, path)
    elif fmt in NETWORK_FORMATS:
        write_network(to_networkx(open_graph(folder)), fmt, path)
    else:
        write_csvs(open_graph(folder), path)
    return path


ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def read_quads(folder: str | Path) -> list[ox.Quad]:
    """The quads of the built graph in ``folder`` or at a SPARQL endpoint (every named
    graph's), in one fixed order."""
    if is_endpoint(str(folder)):
        quads = _endpoint_quads(Endpoint.parse(str(folder)))
    else:
        quads = ox.parse(path=str(trig_path(folder)), format=ox.RdfFormat.TRIG)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _endpoint_quads(endpoint: Endpoint) -> list[ox.Quad]:
    """Every named graph's statements from an endpoint, as typed terms (SPARQL JSON results)."""
    try:
        data = endpoint.query(ALL_QUADS, "application/sparql-results+json")
    except RemoteError as e:
        raise QueryError(str(e)) from None
    solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return [ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in solutions]


def write_rdf(folder: str | Path, fmt: str, path: Path) -> None:
    quads = read_quads(folder)
    if RDF_FORMATS[fmt].supports_datasets:
        statements = quads
    else:
        seen, statements = set(), []
        for q in quads:
            if q.triple not in seen:
                seen.add(q.triple)
                statements.append(q.triple)
    data = ox.serialize(statements, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    if fmt == "jsonld":
        data = with_context(data)
    with open(path, "wb") as f:
        f.write(data)


def with_context(data: bytes) -> bytes:
    """JSON-LD with an ``@context`` of the project's prefixes, its IRIs written with them
    (``gov:quote``), so that a reader sees names, not full IRIs; literals unchanged.

    >>> with_context(b'[{"@id":"https://w3id.org/govkg/ns#a","http://www.w3.org/2004/02/skos/core#prefLabel":[{"@value":"x"}]}]')[-66:]
    b'"@graph": [{"@id": "gov:a", "skos:prefLabel": [{"@value": "x"}]}]}'
    """
    import json

    def compact(iri: str) -> str:
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def walk(node):
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        return {compact(k) if not k.startswith("@") else k:
                (compact(v) if k in ("@id", "@type") and isinstance(v, str) else
                 [compact(t) for t in v] if k == "@type" and isinstance(v, list) else walk(v))
                for k, v in node.items()}
    document = {"@context": dict(PREFIXES), "@graph": walk(json.loads(data))}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def write_network(G: nx.MultiDiGraph, fmt: str, path: Path) -> None:
    """GraphML or GEXF; attributes that are missing stay missing (no empty strings).  GEXF
    carries the page's look too (``viz:color``, ``viz:size``, ``viz:position``), so that Gephi
    opens it laid out and coloured as ``graph.html`` is."""
    NETWORK_FORMATS[fmt](with_viz(G) if fmt == "gexf" else G, str(path))


def with_viz(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose nodes carry GEXF's viz attributes: the kind's colour and size on
    the page, and the page's position (y upwards, as Gephi draws)."""
    from .layout import layout
    from .viz import KIND_STYLE
    H = G.copy()
    for n, (x, y) in layout(G).items():
        colour, _, _, size, _ = KIND_STYLE.get(G.nodes[n].get("kind"), KIND_STYLE["other"])
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        H.nodes[n]["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": float(size),
                             "position": {"x": round(x, 2), "y": round(-y, 2), "z": 0.0}}
    return H


def write_csvs(graph, folder: Path) -> list[Path]:
    """One ``NAME.csv`` per named query, UTF-8 with BOM."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in named_queries():
        table = run_query(graph, query_text(name), limit=None)
        out = folder / f"{name}.csv"
        out.write_text(format_table(table, "csv"), encoding="utf-8-sig", newline="")
        written.append(out)
    return written
