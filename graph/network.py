"""The NetworkX projection: the RDF graph as nodes and edges, defined by one named query.

``queries/network.rq`` says what the picture shows: units (agency 单位, collective 泛指单位),
bodies (议事协调机构), persons, posts, documents, duties, tasks and cited works, and the
relations between them (member_of, leads, holds, office_at, part_of, established_by,
has_duty, duty_in, lead/support/responsible, appointed_to/removed_from, post_in,
issued_by, cites, repeals).  ``govkg query network`` prints the same rows, so what the
view and the analyses see can always be checked against the data.

Nodes are keyed by IRI and carry ``kind`` and ``label`` (plus ``text``: a duty's or
task's wording; ``type``: a body's type; ``date``: a document's date; ``quote`` and
``document`` for duties and tasks).  Edges are keyed by relation and the statement
(``fact``, its IRI) they were read from and carry ``relation``, ``role``, ``quote``,
``document`` (IRI), ``document_title`` and ``date`` (of the decision, else of the document).
"""
from __future__ import annotations

import networkx as nx

from .query import query_text, run_query

KINDS = ("agency", "collective", "body", "person", "post", "document", "duty", "task", "work")
"""Node kinds, in the order a thing typed twice takes its kind from."""

UNIT_KINDS = ("agency", "collective")
LABEL_CHARS = 24


def to_networkx(graph) -> nx.MultiDiGraph:
    """Project a built graph (``pyoxigraph.Store`` or ``rdflib.Dataset``) to a MultiDiGraph."""
    table = run_query(graph, query_text("network"), limit=None)
    rows = table.records()
    G = nx.MultiDiGraph()
    for row in sorted((r for r in rows if not r["relation"]), key=_kind_rank):
        if row["node"] not in G:
            G.add_node(row["node"], **_node_attrs(row))
    for row in rows:
        if row["relation"]:
            _add_edge(G, row)
    return G


def _kind_rank(row: dict) -> tuple:
    return (KINDS.index(row["kind"]), row["node"])


def _node_attrs(row: dict) -> dict:
    text = row["text"]
    label = row["label"] or short(text) or row["node"].rsplit("/", 1)[-1]
    attrs = {"kind": row["kind"], "label": label, "type" if row["kind"] == "body" else "text": text,
             "quote": row["quote"], "document": row["document"], "date": row["date"], "page": row.get("page")}
    return {k: v for k, v in attrs.items() if v}


def short(text: str, n: int = LABEL_CHARS) -> str:
    """The first ``n`` characters of ``text``, with an ellipsis when cut.

    >>> short("负责森林草原火灾扑救的组织协调工作", 8)
    '负责森林草原火灾…'
    """
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def _add_edge(G: nx.MultiDiGraph, row: dict) -> None:
    for end in (row["node"], row["target"]):
        if end not in G:                  # a thing of no projected kind: keep the edge visible
            G.add_node(end, kind="other", label=end.rsplit("/", 1)[-1])
    attrs = {"relation": row["relation"], "role": row["role"], "quote": row["quote"],
             "document": row["document"], "date": row["date"], "fact": row["fact"], "page": row.get("page")}
    doc = row["document"]
    if doc and doc in G:
        attrs["document_title"] = G.nodes[doc]["label"]
    key = f"{row['relation']} {row['fact']}" if row["fact"] else row["relation"]
    G.add_edge(row["node"], row["target"], key=key, **{k: v for k, v in attrs.items() if v})


def nodes_of_kind(G: nx.MultiDiGraph, *kinds: str) -> list[str]:
    """The nodes of the given kinds, sorted."""
    return sorted(n for n, k in G.nodes(data="kind") if k in kinds)


def edges_of(G: nx.MultiDiGraph, *relations: str):
    """(source, target, data) of every edge with one of ``relations``, in a fixed order."""
    out = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] in relations]
    return sorted(out, key=lambda e: (e[0], e[1], e[2].get("document", ""), e[2].get("quote", "")))


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose label (or IRI) is ``name``; else the only one whose label contains it.

    Raises ``LookupError`` naming the candidates when there is none or more than one.
    """
    exact = sorted(n for n, label in G.nodes(data="label") if label == name or n == name)
    if exact:
        return exact[0]
    partial = sorted((label, n) for n, label in G.nodes(data="label") if name in (label or ""))
    if len(partial) == 1:
        return partial[0][1]
    if not partial:
        raise LookupError(f"no node named {name!r}")
    names = ", ".join(label for label, _ in partial[:10])
    raise LookupError(f"{len(partial)} nodes contain {name!r}: {names}{' …' if len(partial) > 10 else ''}")
