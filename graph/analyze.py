"""Analyses on the NetworkX projection: who matters, who works together, what a plan lacks.

Each function takes the MultiDiGraph of ``network.to_networkx`` and returns a
``query.Table``, so the CLI prints analyses exactly as it prints query answers.

- ``rank_units``: units by the bodies they serve on (成员单位) and the duties they hold
  (职责), with degree and betweenness centrality;
- ``co_serving``: pairs of units that sit on the same bodies most often;
- plan audits, the checks a planner runs before approving a plan:
  ``duties_off_bodies`` (units charged with duties in a plan that serve on none of its
  bodies), ``members_without_duties`` (member units the plan lists no duty for),
  ``bodies_missing`` (bodies with no office 办公室 or no leader), and
  ``removed_leaders`` (persons who lead a body in a post a later personnel notice
  removed them from).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .network import UNIT_KINDS, edges_of, nodes_of_kind
from .query import Table

EXACT_BETWEENNESS = 2000
"""Past this many nodes betweenness is estimated from a fixed sample of sources."""


def analyze(G: nx.MultiDiGraph, top: int = 20) -> dict[str, Table]:
    """Every analysis, by title, in the order a report shows them."""
    return {
        "Units by bodies served on and duties held": rank_units(G, top),
        "Units that co-serve most often (on two bodies or more)": co_serving(G, top),
        "Audit: units with duties in a plan but on none of its bodies": duties_off_bodies(G),
        "Audit: member units with no duty listed": members_without_duties(G),
        "Audit: bodies with no office or no leader": bodies_missing(G),
        "Audit: leaders removed from their post by a later notice": removed_leaders(G),
    }


def label(G: nx.MultiDiGraph, node: str) -> str:
    return G.nodes[node].get("label", node)


def _table(header: tuple[str, ...], rows) -> Table:
    return Table(header, tuple(tuple(str(c) for c in r) for r in rows))


# ---------------------------------------------------------------------------------------
# Who serves where

def serves_on(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Unit → bodies it serves on: as a member unit, or through a member official's post."""
    out: dict[str, set[str]] = defaultdict(set)
    for u, body, d in edges_of(G, "member_of"):
        kind = G.nodes[u]["kind"]
        if kind in UNIT_KINDS:
            out[u].add(body)
        elif kind == "person":
            for unit in _units_of_person_in(G, u, d.get("fact")):
                out[unit].add(body)
    return out


def _units_of_person_in(G: nx.MultiDiGraph, person: str, fact: str | None) -> list[str]:
    """The units whose post ``person`` holds in the statement ``fact``."""
    posts = [v for _, v, d in G.out_edges(person, data=True)
             if d["relation"] == "holds" and fact and d.get("fact") == fact]
    return [v for p in posts for _, v, d in G.out_edges(p, data=True) if d["relation"] == "post_in"]


def duties_held(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, dict]]]:
    """Holder → [(duty node, edge data)] of its has_duty edges."""
    out: dict[str, list] = defaultdict(list)
    for holder, duty, d in edges_of(G, "has_duty"):
        out[holder].append((duty, d))
    return out


def rank_units(G: nx.MultiDiGraph, top: int = 20) -> Table:
    """Units ranked by bodies served on, then duties held; with degree and betweenness."""
    units = nodes_of_kind(G, "agency")
    served, duties = serves_on(G), duties_held(G)
    simple = nx.Graph(G)
    degree = nx.degree_centrality(simple) if len(simple) > 1 else {}
    k = min(EXACT_BETWEENNESS // 4, len(simple)) if len(simple) > EXACT_BETWEENNESS else None
    between = nx.betweenness_centrality(simple, k=k, seed=0) if len(simple) > 2 else {}
    rows = [(label(G, u), len(served.get(u, ())), len(duties.get(u, ())),
             f"{degree.get(u, 0):.4f}", f"{between.get(u, 0):.4f}") for u in units]
    rows.sort(key=lambda r: (-r[1], -r[2], -float(r[4]), r[0]))
    return _table(("unit", "bodies", "duties", "degree", "betweenness"), rows[:top])


def co_serving(G: nx.MultiDiGraph, top: int = 20) -> Table:
    """Pairs of units serving on two or more of the same bodies, most shared bodies first
    (pairs that share one body are as many as the members of every body, and say little)."""
    members: dict[str, set[str]] = defaultdict(set)
    for unit, bodies in serves_on(G).items():
        if G.nodes[unit]["kind"] == "agency":
            for b in bodies:
                members[b].add(unit)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for body, units in members.items():
        for a, b in combinations(sorted(units, key=lambda n: label(G, n)), 2):
            shared[a, b].add(body)
    rows = [(label(G, a), label(G, b), len(bodies), "、".join(sorted(label(G, x) for x in bodies)))
            for (a, b), bodies in shared.items() if len(bodies) > 1]
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return _table(("unit", "with", "bodies", "shared"), rows[:top])


# ---------------------------------------------------------------------------------------
# Plan audits

def bodies_of(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Document → the bodies it sets up or lists members of."""
    out: dict[str, set[str]] = defaultdict(set)
    for body, doc, _ in edges_of(G, "established_by"):
        out[doc].add(body)
    for _, body, d in edges_of(G, "member_of"):
        if d.get("document"):
            out[d["document"]].add(body)
    return out


def duties_by_document(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Document → unit → number of duties the document lists for it (single units only)."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for holder, _, d in edges_of(G, "has_duty"):
        if G.nodes[holder]["kind"] == "agency" and d.get("document"):
            out[d["document"]][holder] += 1
    return out


def duties_off_bodies(G: nx.MultiDiGraph) -> Table:
    """Units charged with duties in a plan that serve on none of the plan's bodies."""
    served, bodies = serves_on(G), bodies_of(G)
    rows = []
    for doc, units in duties_by_document(G).items():
        if not bodies.get(doc):
            continue
        for unit, n in units.items():
            if not served.get(unit, set()) & bodies[doc]:
                rows.append((label(G, doc), label(G, unit), n))
    rows.sort()
    return _table(("document", "unit", "duties"), rows)


def members_without_duties(G: nx.MultiDiGraph) -> Table:
    """Member units a plan lists no duty for (plans that list duties at all)."""
    duties = duties_by_document(G)
    rows = set()
    for unit, body, d in edges_of(G, "member_of"):
        doc = d.get("document")
        if G.nodes[unit]["kind"] == "agency" and doc in duties and unit not in duties[doc]:
            rows.add((label(G, doc), label(G, body), label(G, unit)))
    return _table(("document", "body", "unit"), sorted(rows))


def bodies_missing(G: nx.MultiDiGraph) -> Table:
    """Bodies a document sets up with no leader, or with no office (offices themselves and
    groups under a parent body, which work through the parent's office, need none)."""
    rows = []
    for body, doc, _ in edges_of(G, "established_by"):
        relations = {d["relation"] for _, _, d in G.out_edges(body, data=True)}
        led = any(d["relation"] == "leads" for _, _, d in G.in_edges(body, data=True))
        missing = []
        if "office_at" not in relations and "part_of" not in relations \
                and G.nodes[body].get("type") != "office":
            missing.append("office")
        if not led:
            missing.append("leader")
        if missing:
            rows.append((label(G, body), G.nodes[body].get("type", ""), label(G, doc), ", ".join(missing)))
    return _table(("body", "type", "document", "missing"), sorted(set(rows)))


def removed_leaders(G: nx.MultiDiGraph) -> Table:
    """Persons leading a body in a post that a later personnel decision removed them from."""
    rows = set()
    for person, body, lead in edges_of(G, "leads"):
        if G.nodes[person]["kind"] != "person" or not lead.get("date"):
            continue
        posts = {v for _, v, d in G.out_edges(person, data=True)
                 if d["relation"] == "holds" and d.get("fact") == lead.get("fact")}
        for _, post, removal in G.out_edges(person, data=True):
            if removal["relation"] == "removed_from" and _same_post(G, post, posts) \
                    and removal.get("date", "") > lead["date"]:
                rows.add((label(G, person), label(G, body), lead.get("role", ""), label(G, post),
                          lead.get("document_title", ""), lead["date"],
                          removal.get("document_title", ""), removal.get("date", "")))
    return _table(("person", "body", "role", "post", "document", "date", "removed_by", "removed_on"),
                  sorted(rows))


def _same_post(G: nx.MultiDiGraph, post: str, posts: set[str]) -> bool:
    return post in posts or label(G, post) in {label(G, p) for p in posts}
