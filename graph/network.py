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

The rows come from the query on a store (``read_projection``, ``to_networkx``), or — for
the page a build draws — from each file's N-Quads lines as its worker holds them
(``graph_rows``; ``read_graph`` for lines of any writer, ``read_nquads`` for N-Quads text,
``parse_projection`` for RDF text in one piece): ``rows_from_quads`` evaluates the same
query on one graph's triples in Python, and a test holds it to the query on the sample.
``project`` turns rows into a ``Projection`` (plain dicts; networkx is imported only by
``as_networkx``).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from operator import itemgetter
from typing import Iterable

from .vocab import BODY_CLASSES, DCTERMS, FOAF, GOV, ORG, PROV, RDF, RELATION_PROPERTIES, SKOS

KINDS = ("agency", "collective", "body", "person", "post", "document", "duty", "task", "work")
"""Node kinds, in the order a thing typed twice takes its kind from."""

UNIT_KINDS = ("agency", "collective")
LABEL_CHARS = 24


@dataclass(frozen=True)
class Projection:
    """The picture without networkx (the page is drawn from it): ``nodes`` maps each IRI to
    its attributes, in the order they were added; ``edges`` holds (source, target, key,
    attributes), in the order a MultiDiGraph would list them."""

    nodes: dict
    edges: tuple

    def degrees(self) -> dict[str, int]:
        """Each node's number of edge ends, as ``nx.MultiDiGraph.degree``."""
        out = dict.fromkeys(self.nodes, 0)
        for u, v, _, _ in self.edges:
            out[u] += 1
            out[v] += 1
        return out


def to_networkx(graph):
    """Project a built graph (``pyoxigraph.Store`` or ``rdflib.Dataset``) to a MultiDiGraph."""
    return as_networkx(read_projection(graph))


def read_projection(graph) -> Projection:
    """The projection of a built graph, through the named query ``network``."""
    from .query import query_text, run_query
    table = run_query(graph, query_text("network"), limit=None)
    index = [table.header.index(c) for c in COLUMNS]
    return project(tuple(row[i] for i in index) for row in table.rows)


def project(rows) -> Projection:
    """The nodes and edges of ``network.rq``'s rows (``COLUMNS`` tuples, "" where unbound),
    in any order: a node takes the first row of its first kind, an edge the union of its
    rows, as the query's ``ORDER BY`` lists them."""
    rows = _in_query_order(set(rows))
    nodes: dict[str, dict] = {}
    rank = {kind: i for i, kind in enumerate(KINDS)}
    for row in sorted((r for r in rows if not r[4]), key=lambda r: (rank[r[1]], r[0])):
        if row[0] not in nodes:
            nodes[row[0]] = _node_attrs(dict(zip(COLUMNS, row)))
    edges: dict[tuple, dict] = {}
    for row in rows:
        if row[4]:
            _add_edge(nodes, edges, row)
    return Projection(nodes, tuple((u, v, k, d) for (u, v, k), d in edges.items()))


def node_pairs(rows) -> tuple[set[str], list[tuple[str, str]]]:
    """The nodes of ``project(rows)`` and its edges as pairs (source, target), as ``layout``
    reads them, found in one pass over the rows instead of the whole projection: a node of
    a node row, or an end of an edge.

    >>> rows = [("d", "document") + ("",) * 10, ("u", "", "", "", "issued_by", "d") + ("",) * 6]
    >>> node_pairs(rows) == ({"d", "u"}, [("u", "d")]) and set(project(rows).nodes) == {"d", "u"}
    True
    """
    nodes, pairs = set(), []
    for row in rows:
        nodes.add(row[0])
        if row[4]:
            nodes.add(row[5])
            pairs.append((row[0], row[5]))
    return nodes, pairs


def parse_projection(data: bytes, rdf_format) -> Projection:
    """The projection of RDF text held in memory (a build's new graphs, as TriG or
    N-Quads: ``rdf_format`` is a ``pyoxigraph.RdfFormat``), without a store or a query.
    N-Quads are read line by line, only the lines the query reads (``read_nquads``)."""
    import pyoxigraph as ox
    if rdf_format == ox.RdfFormat.N_QUADS:
        quads = read_nquads(data)
    else:
        quads = (_strings(q) for q in ox.parse(data, format=rdf_format))
    return project(rows_from_quads(quads))


def _strings(q) -> tuple[str, str, str, str]:
    """A pyoxigraph quad as (subject, predicate, object, graph) strings ("": the default graph)."""
    return q.subject.value, q.predicate.value, q.object.value, getattr(q.graph_name, "value", "")


ORDER_BY = itemgetter(4, 0, 5, 10, 1, 2, 3, 6, 7, 8, 9)
"""The query's ``ORDER BY ?relation ?node ?target ?fact ?kind ?label ?text ?role ?quote
?document ?date`` as positions in ``COLUMNS`` (then ``?page``: ``_in_query_order``)."""


def _in_query_order(rows) -> list[tuple]:
    """``rows`` sorted as the query's ``ORDER BY`` (unbound first; a page is a number): two
    stable sorts, the last key first.

    >>> rows = [("n", "", "", "", "r", "t", "", "", "", "", "f", p) for p in ("10", "9", "")]
    >>> [r[-1] for r in _in_query_order(rows)]
    ['', '9', '10']
    """
    return sorted(sorted(rows, key=lambda r: (len(r[11]), r[11])), key=ORDER_BY)


def as_networkx(p: Projection):
    """The projection as a ``networkx.MultiDiGraph`` (nodes and edges in its order)."""
    import networkx as nx                   # only where a NetworkX graph is wanted
    G = nx.MultiDiGraph()
    G.add_nodes_from(p.nodes.items())
    G.add_edges_from(p.edges)
    return G


def as_projection(G) -> Projection:
    """A ``networkx.MultiDiGraph`` (a part of one, say) as a ``Projection``."""
    return Projection(dict(G.nodes(data=True)), tuple(G.edges(keys=True, data=True)))


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


def _add_edge(nodes: dict, edges: dict, row: tuple) -> None:
    node, _, _, _, relation, target, role, quote, document, date, fact, page = row
    for end in (node, target):
        if end not in nodes:              # a thing of no projected kind: keep the edge visible
            nodes[end] = {"kind": "other", "label": end.rsplit("/", 1)[-1]}
    attrs = {"relation": relation, "role": role, "quote": quote, "document": document, "date": date,
             "fact": fact, "page": page}
    if document and document in nodes:
        attrs["document_title"] = nodes[document]["label"]
    key = f"{relation} {fact}" if fact else relation
    edge = edges.get((node, target, key))
    if edge is None:
        edge = edges[node, target, key] = {}
    edge.update({k: v for k, v in attrs.items() if v})


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


# ---------------------------------------------------------------------------------------
# The same rows from quads in memory (what a build holds), without a store

A = RDF.type
NODE_CLASSES = {
    GOV.Agency: "agency", GOV.CollectiveUnit: "collective", FOAF.Person: "person", ORG.Post: "post",
    GOV.Document: "document", GOV.Duty: "duty", GOV.Task: "task", GOV.CitedWork: "work",
    GOV.CoordinatingBody: "body", **dict.fromkeys(BODY_CLASSES.values(), "body")}
ACTIONS = {"appoint": "appointed_to", "remove": "removed_from", "confirm": "confirmed_in",
           "secondment": "seconded_to"}
READ = frozenset([A, SKOS.prefLabel, PROV.wasDerivedFrom, DCTERMS.issued, DCTERMS.date, DCTERMS.creator,
                  ORG.organization, ORG.member, ORG.postIn]
                 + [getattr(GOV, p) for p in ("dutyText", "taskText", "bodyType", "quote", "page", "representative",
                                              "post", "roleLabel", "body", "host", "describes", "parentBody",
                                              "establishedBy", "holder", "inBody", "person", "action", "evidence",
                                              "field", "citingDocument", "cites")]
                 + list(RELATION_PROPERTIES.values()))
"""The properties the query reads: the rest of a graph (spans, sections, rules) is passed over."""
COLUMNS = ("node", "kind", "label", "text", "relation", "target", "role", "quote", "document",
           "date", "fact", "page")


class _Graph:
    """One named graph's triples, by subject (``objects(s, p)`` in the order read), and its
    subjects by class (``typed``)."""

    def __init__(self):
        self.out: dict[str, dict[str, list[str]]] = {}
        self.types: dict[str, list[str]] = {}

    def add(self, s: str, p: str, o: str) -> None:
        props = self.out.get(s)
        if props is None:
            props = self.out[s] = {}
        values = props.get(p)
        if values is None:
            props[p] = [o]
        elif o in values:
            return
        else:
            values.append(o)
        if p == A:
            self.types.setdefault(o, []).append(s)

    def objects(self, s: str, p: str) -> list[str]:
        return self.out.get(s, {}).get(p, [])

    def typed(self, cls: str) -> list[str]:
        return self.types.get(cls, [])

    def has(self, s: str, p: str, o: str | None = None) -> bool:
        values = self.objects(s, p)
        return bool(values) if o is None else o in values


READ_CLASSES = frozenset(NODE_CLASSES) | {
    ORG.Membership, GOV.Leadership, GOV.OfficeArrangement, GOV.BodyDescription,
    GOV.Appointment, GOV.Citation, GOV.Repeal}
"""The classes the query matches (``rdf:type`` with another class is passed over)."""
PROPERTIES_READ = tuple(sorted(READ - {A}))
CLASSES_READ = tuple(sorted(READ_CLASSES))


def read_nquads(data: bytes):
    """(subject, predicate, object, graph) strings of the N-Quads lines of ``data`` that the
    query reads (``read_graph``).

    >>> lines = (b'<http://e/s> <http://www.w3.org/2004/02/skos/core#prefLabel> "a b"@zh <http://e/g> .\\n'
    ...          b'<http://e/s> <https://w3id.org/govkg/ns#start> "3" <http://e/g> .\\n'
    ...          b'<http://e/s> <https://w3id.org/govkg/ns#quote> "\\\\"q\\\\"" <http://e/g> .\\n')
    >>> sorted(q[2] for q in read_nquads(lines))
    ['"q"', 'a b']
    """
    from .nquads import GraphLines          # read by property only: no sorted, encoded copy
    return read_graph(GraphLines([], data.decode("utf-8").splitlines(keepends=True)))


def read_graph(graph):
    """(subject, predicate, object, graph) strings of the lines of a graph
    (``nquads.GraphLines``) that the query reads (``READ``, and ``rdf:type`` of
    ``READ_CLASSES``; terms separated by one space as the build writes them); the rest
    (spans, sections, mentions: two thirds of a build's lines) is passed over unread.  A
    plain line is read by hand; one with an escape or a blank node goes to pyoxigraph's
    parser."""
    odd: list[str] = []
    text = {}                       # each term's text, once (one string, pickled once)
    for line in graph.lines_of(PROPERTIES_READ, CLASSES_READ):
        subject, predicate, rest = line.split(" ", 2)
        plain = _plain_object(rest)
        if plain is None or subject[:1] != "<" or "\\" in subject:
            odd.append(line)
            continue
        subject, predicate = subject[1:-1], predicate[1:-1]
        obj, g = plain
        yield (text.get(subject) or text.setdefault(subject, subject),
               text.get(predicate) or text.setdefault(predicate, predicate),
               text.get(obj) or text.setdefault(obj, obj),
               text.get(g) or text.setdefault(g, g))
    yield from _parsed(odd)


def _parsed(lines: list[str]):
    """(subject, predicate, object, graph) strings of N-Quads lines, as pyoxigraph reads them."""
    if lines:
        import pyoxigraph as ox
        yield from (_strings(q) for q in ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS))


def graph_rows(graph) -> set[tuple[str, ...]]:
    """``rows_from_quads(read_graph(graph))`` on one file's graph (``nquads.GraphLines``);
    the model's lines (``rdf.NQuads``: ``<s> <p> o <g> .``, one graph) are read straight
    into one ``_Graph``, each term found by its place."""
    if graph.graph is None:
        return rows_from_quads(read_graph(graph))
    found, odd = _Graph(), []
    by, typed = graph.index()
    tail, text = len(graph.graph) + 6, {}     # " <g> .\n"; each term's text, once (pickled once)
    for p in PROPERTIES_READ:
        skip = len(p) + 5                       # "> <p> "
        for line in by.get(p, ()):
            end = line.index(">")
            obj = line[end + skip:-tail]
            if obj[0] == "<":
                obj = obj[1:-1]
            elif "\\" in obj:
                odd.append(line)
                continue
            else:
                obj = obj[1:obj.rindex('"')]
            s = line[1:end]
            found.add(text.get(s) or text.setdefault(s, s), p, text.get(obj) or text.setdefault(obj, obj))
    for cls in CLASSES_READ:
        for line in typed.get(cls, ()):
            s = line[1:line.index(">")]
            found.add(text.get(s) or text.setdefault(s, s), A, cls)
    for s, p, o, _ in _parsed(odd):
        found.add(s, p, o)
    return _rows([found])


def _plain_object(rest: str) -> tuple[str, str] | None:
    """The object and graph of an N-Quads line after its predicate (``rest``); None unless
    they are plain (an IRI or a literal, no escape).

    >>> _plain_object('"a"@zh <http://e/g> .'), _plain_object('<http://e/o> .\\n')
    (('a', 'http://e/g'), ('http://e/o', ''))
    """
    if "\\" in rest:
        return None
    end = rest.find(">" if rest[:1] == "<" else '"', 1)
    if end < 0 or rest[:1] not in ("<", '"'):
        return None
    obj, tail = rest[1:end], rest[end + 1:]
    if tail[:1] in ("^", "@"):                        # a literal's datatype or language
        tail = tail[tail.find(" "):] if " " in tail else ""
    tail = tail.strip()
    if tail == ".":
        return obj, ""
    if tail[:1] == "<" and tail[-3:] == "> .":
        return obj, tail[1:-3]
    return None


def rows_from_quads(quads) -> set[tuple[str, ...]]:
    """The rows of ``queries/network.rq`` (as ``COLUMNS`` tuples, "" where unbound) from
    quads of strings (subject, predicate, object, graph): the query, evaluated on the
    triples a build holds in memory, graph by graph.  A test holds it to the query."""
    graphs: dict[str, _Graph] = {}
    name, graph = None, None
    for s, p, o, g in quads:
        if p in READ:
            if g != name:                 # a graph's quads mostly come together
                name, graph = g, graphs.get(g) or graphs.setdefault(g, _Graph())
            graph.add(s, p, o)
    return _rows(graphs.values())


def _rows(graphs) -> set[tuple[str, ...]]:
    rows: set[tuple[str, ...]] = set()
    for graph in graphs:
        rows.update(_node_rows(graph))
        for node, relation, target, fact, role in _edges(graph):
            rows.update(_edge_rows(graph, node, relation, target, fact, role))
    return rows


def _node_rows(g: _Graph):
    for node, props in g.out.items():
        for cls in props.get(A, ()):
            kind = NODE_CLASSES.get(cls)
            if kind is None:
                continue
            texts = props.get(GOV.dutyText, []) + props.get(GOV.taskText, []) + props.get(GOV.bodyType, [])
            for label, text, quote, page, document, issued in product(
                    _opt(props.get(SKOS.prefLabel)), _opt(texts), _opt(props.get(GOV.quote)),
                    _opt(props.get(GOV.page)), _opt(props.get(PROV.wasDerivedFrom)),
                    _opt(props.get(DCTERMS.issued))):
                yield (node, kind, label, text, "", "", "", quote, document, issued, "", page)


def _opt(values) -> list[str]:
    """An OPTIONAL's bindings: its values, or one unbound."""
    return values or [""]


def _edge_rows(g: _Graph, node: str, relation: str, target: str, fact: str, role: str):
    documents = [(d, i) for d in g.objects(fact, PROV.wasDerivedFrom)
                 for i in _opt(g.objects(d, DCTERMS.issued))] or [("", "")]
    for quote, page, (document, issued), decided in product(
            _opt(g.objects(fact, GOV.quote)), _opt(g.objects(fact, GOV.page)), documents,
            _opt(g.objects(fact, DCTERMS.date))):
        yield (node, "", "", "", relation, target, role, quote, document, decided or issued, fact, page)


def _edges(g: _Graph):
    """(node, relation, target, fact, role) of every edge, branch by branch of the query."""
    memberships, leaderships = g.typed(ORG.Membership), g.typed(GOV.Leadership)
    for fact in memberships:
        for target in g.objects(fact, ORG.organization):
            for node in g.objects(fact, ORG.member):
                yield node, "member_of", target, fact, ""
            for node in g.objects(fact, GOV.representative):
                roles = [r for post in g.objects(fact, GOV.post) for r in g.objects(post, SKOS.prefLabel)]
                for role in _opt(roles):
                    yield node, "member_of", target, fact, role
    for fact in leaderships:
        members = g.objects(fact, ORG.member)
        heads = members or g.objects(fact, GOV.post)
        for target, role, node in product(g.objects(fact, ORG.organization),
                                          g.objects(fact, GOV.roleLabel), heads):
            yield node, "leads", target, fact, role
    for fact in dict.fromkeys(leaderships + memberships):
        people = [n for n in g.objects(fact, ORG.member) + g.objects(fact, GOV.representative)
                  if g.has(n, A, FOAF.Person)]
        for node, target in product(people, g.objects(fact, GOV.post)):
            yield node, "holds", target, fact, ""
    yield from _simple_edges(g)
    yield from _document_edges(g)


def _simple_edges(g: _Graph):
    for fact in g.typed(GOV.OfficeArrangement):
        for node, target in product(g.objects(fact, GOV.body), g.objects(fact, GOV.host)):
            yield node, "office_at", target, fact, ""
    for fact in g.typed(GOV.BodyDescription):
        for node in g.objects(fact, GOV.describes):
            for target in g.objects(fact, GOV.parentBody):
                yield node, "part_of", target, fact, ""
            for target in g.objects(fact, PROV.wasDerivedFrom):
                founded = g.has(node, GOV.establishedBy, target)
                yield node, "established_by" if founded else "mentioned_in", target, fact, ""
    for fact in g.typed(GOV.Duty):
        for node in g.objects(fact, GOV.holder):
            yield node, "has_duty", fact, fact, ""
        for target in g.objects(fact, GOV.inBody):
            yield fact, "duty_in", target, fact, ""
    for fact in g.typed(GOV.Task):
        for relation, p in RELATION_PROPERTIES.items():
            for node in g.objects(fact, p):
                yield node, relation, fact, fact, ""
    for fact in g.typed(GOV.Appointment):
        relations = [ACTIONS[a] for a in g.objects(fact, GOV.action) if a in ACTIONS]
        for node, relation, target in product(g.objects(fact, GOV.person), relations,
                                              g.objects(fact, GOV.post)):
            yield node, relation, target, fact, ""
    for node in g.typed(ORG.Post):
        for target in g.objects(node, ORG.postIn):
            yield node, "post_in", target, node, ""


def _document_edges(g: _Graph):
    for node, props in g.out.items():
        for target in props.get(DCTERMS.creator, ()):
            for fact in props.get(GOV.evidence, ()):
                if g.has(fact, GOV.field, DCTERMS.creator):
                    yield node, "issued_by", target, fact, ""
    for cls, relation in ((GOV.Citation, "cites"), (GOV.Repeal, "repeals")):
        for fact in g.typed(cls):
            for node, target in product(g.objects(fact, GOV.citingDocument), g.objects(fact, GOV.cites)):
                yield node, relation, target, fact, ""
