"""A plan as its audits read it, from the NetworkX projection: its bodies and their
composition, who serves on them, and which units have work in it.

A unit serves on a body (``Link.how``) as a ``member`` unit, through an ``official`` of its
listed as a member, through a ``leader``'s post (副总指挥：市应急管理局局长), or as the
``office`` host (办公室设在市应急管理局).  A unit has work in a plan when it holds a ``duty``
or a task (``lead``, ``support``, ``responsible``) in it, or when a collective that stands for
it does (各镇人民政府, 旗直各有关部门: ``unit_names.covers``).  Everything is read from the plan's
own statements, and names are compared as ``unit_names`` says: printed variants of one unit
are one unit, and collectives or listings are no unit at all — but a collective on a body
that names every unit of a kind (园区管委会, 各属地镇政府) makes them serve on it, as one with
work gives them work.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from . import lexicon
from .network import edges_of
from .resolve import canonical_unit, split_level, split_post
from .unit_names import Reading, area_of, covers, covers_every, is_one_unit, read_names

POST_JOIN = re.compile(r"[、，,]")
"""Between the posts one person holds: 旗发展和改革委员会主任、水利局局长."""

WORK_RELATIONS = ("has_duty", "lead", "support", "responsible")
BODY_RELATIONS = ("member_of", "leads", "office_at")


@dataclass(frozen=True)
class Link:
    """One statement tying a unit (or person) to a body or a piece of work."""

    unit: str          # the unit's name as the plan's statement gives it
    target: str        # body name, or the duty's / task's wording
    how: str           # member | official | leader | office | duty | lead | support | responsible
    fact: str          # IRI of the statement
    quote: str
    role: str = ""     # the role or post, for leaders and officials
    second_post: bool = False   # the unit of a post printed after the first (…主任、水利局局长)


@dataclass
class Plan:
    """One document's bodies, composition, serving units and work, names resolved."""

    document: str                      # IRI
    title: str
    bodies: list[str] = field(default_factory=list)           # names, sorted
    composition: list[Link] = field(default_factory=list)     # every leader, member, office
    serving: list[Link] = field(default_factory=list)         # unit → body links
    work: list[Link] = field(default_factory=list)            # unit → duty/task links
    general_work: list[Link] = field(default_factory=list)    # the same, of collectives and listings
    general_serving: list[Link] = field(default_factory=list)  # collectives and listings on the bodies
    unit_of: dict[str, str] = field(default_factory=dict)     # printed unit → its unit
    readings: dict[str, Reading] = field(default_factory=dict)    # printed unit → how it is read

    def units_serving(self) -> set[str]:
        return {self.unit_of[x.unit] for x in self.serving}

    def units_working(self) -> set[str]:
        return {self.unit_of[x.unit] for x in self.work}

    def by_unit(self, links) -> dict[str, list[Link]]:
        """The links grouped by the unit they name (printed variants together)."""
        out: dict[str, list[Link]] = defaultdict(list)
        for x in links:
            out[self.unit_of[x.unit]].append(x)
        return out

    def printed(self, unit: str) -> list[str]:
        """The names the plan prints for ``unit``."""
        return sorted(n for n, u in self.unit_of.items() if u == unit)

    def joined(self) -> dict[str, list[str]]:
        """Unit → its printed names, for the units the plan prints two ways or more."""
        out: dict[str, list[str]] = defaultdict(list)
        for n in sorted(self.unit_of):
            out[self.unit_of[n]].append(n)
        return {u: names for u, names in sorted(out.items()) if len(names) > 1}

    def general_serving_for(self, unit: str) -> list[Link]:
        """Collectives or listings on the plan's bodies that stand for ``unit`` too
        (园区管委会有关负责人 for a zone, 各属地镇政府 for a town's government; not an open
        class such as 市直各相关部门: ``unit_names.covers_every``)."""
        return [x for x in self.general_serving if covers_every(x.unit, unit)]

    def general_work_for(self, unit: str) -> list[Link]:
        """Work the plan gives to collectives or listings that stand for ``unit`` too
        (各镇人民政府 for a town's government, 旗直各有关部门 for any department)."""
        return [x for x in self.general_work if covers(x.unit, unit)]


def label(G: nx.MultiDiGraph, node: str) -> str:
    return G.nodes[node].get("label", node)


def read_plans(G: nx.MultiDiGraph) -> list[Plan]:
    """Every document that sets up a body or gives a unit work, in title order."""
    plans: dict[str, Plan] = {}

    def plan(doc: str) -> Plan:
        if doc not in plans:
            plans[doc] = Plan(doc, label(G, doc) if doc in G else doc)
        return plans[doc]

    for body, doc, _ in edges_of(G, "established_by"):
        plan(doc).bodies.append(label(G, body))
    for u, body, d in edges_of(G, *BODY_RELATIONS):
        if d["relation"] == "office_at":            # drawn body → host
            u, body = body, u
        if d.get("document"):
            p = plan(d["document"])
            p.bodies.append(label(G, body))
            p.composition.append(_composition_link(G, u, body, d))
            p.serving += _serving_links(G, u, body, d)
            if G.nodes[u]["kind"] in ("agency", "collective") and not _one_unit(G, u):
                p.general_serving.append(_composition_link(G, u, body, d))
    for u, task, d in edges_of(G, *WORK_RELATIONS):
        if d.get("document") and G.nodes[u]["kind"] in ("agency", "collective"):
            how = "duty" if d["relation"] == "has_duty" else d["relation"]
            link = Link(label(G, u), G.nodes[task].get("text", label(G, task)), how, d.get("fact", ""),
                        d.get("quote", ""))
            (plan(d["document"]).work if _one_unit(G, u) else plan(d["document"]).general_work).append(link)
    for p in plans.values():
        p.bodies = sorted(set(p.bodies))
        p.readings = read_names({x.unit for x in p.work + p.serving})
        p.unit_of = {n: r.unit for n, r in p.readings.items()}
        p.serving = _named_elsewhere(p)
    return sorted(plans.values(), key=lambda p: (p.title, p.document))


def _one_unit(G, u: str) -> bool:
    return G.nodes[u]["kind"] == "agency" and is_one_unit(label(G, u))


def _named_elsewhere(p: Plan) -> list[Link]:
    """The serving links, less those through a second post whose unit the plan names nowhere
    else (a title read as a unit: 三级高级监察官)."""
    named = {p.unit_of[x.unit] for x in p.work + p.serving if not x.second_post}
    return [x for x in p.serving if not x.second_post or p.unit_of[x.unit] in named]


HOW = {"member_of": "member", "leads": "leader", "office_at": "office"}


def _composition_link(G, u: str, body: str, d: dict) -> Link:
    how = HOW[d["relation"]]
    if how == "member" and G.nodes[u]["kind"] == "person":
        how = "official"
    role = d.get("role", "")
    post = posts_in(G, u, d.get("fact"))
    if G.nodes[u]["kind"] == "person" and post:
        role = "、".join(x for x in (role if how == "leader" else "", label(G, post[0])) if x)
    return Link(label(G, u), label(G, body), how, d.get("fact", ""), d.get("quote", ""), role)


def _serving_links(G, u: str, body: str, d: dict) -> list[Link]:
    """The units that ``u`` (a unit, a person or a post) makes serve on ``body``."""
    kind, c = G.nodes[u]["kind"], _composition_link(G, u, body, d)
    if kind in ("agency", "collective"):
        units = [(label(G, u), False)] if _one_unit(G, u) else []
    elif kind == "person":
        units = [t for p in posts_in(G, u, d.get("fact")) for t in _post_units(G, p)]
    else:                                   # a post leading a body, no person named
        units = _post_units(G, u)
    return [Link(x, c.target, c.how, c.fact, c.quote, c.role, second) for x, second in units]


def posts_in(G, person: str, fact: str | None) -> list[str]:
    """The posts ``person`` holds in the statement ``fact``."""
    return sorted(v for _, v, d in G.out_edges(person, data=True)
                  if d["relation"] == "holds" and fact and d.get("fact") == fact)


def _post_units(G, post: str) -> list[tuple[str, bool]]:
    """(unit, second) for the units of a post: its ``post_in`` unit, and the units of the
    further posts its label joins with 、 (旗发展和改革委员会主任、水利局局长 is 水利局's head
    too), in that unit's area."""
    units = sorted(label(G, v) for _, v, d in G.out_edges(post, data=True) if d["relation"] == "post_in")
    area = area_of(units[0]) if units else ""
    out = [(x, False) for x in units]
    for part in POST_JOIN.split(label(G, post))[1:]:
        unit = split_post(part)[0]
        if unit and area:
            out.append((in_area(unit, area), True))
    return out


def in_area(unit: str, area: str) -> str:
    """``unit`` as a unit of ``area``: 市水务局 of 洛阳市 → 洛阳市水务局."""
    if area in lexicon.jurisdictions():
        return canonical_unit(unit, area)
    if unit.startswith(area):
        return unit
    return area + split_level(unit)[1]


def by_unit(links) -> dict[str, list[Link]]:
    out: dict[str, list[Link]] = defaultdict(list)
    for x in links:
        out[x.unit].append(x)
    return out
