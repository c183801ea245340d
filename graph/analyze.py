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

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

import networkx as nx

from .network import UNIT_KINDS, edges_of, nodes_of_kind
from .plans import Link, Plan, by_unit, label, posts_in, read_plans
from .query import Table
from .unit_names import area_of, is_formed_on_site, spelling_variant, split_jurisdiction

EXACT_BETWEENNESS = 2000
"""Past this many nodes betweenness is estimated from a fixed sample of sources."""


def analyze(G: nx.MultiDiGraph, top: int = 20) -> dict[str, Table]:
    """Every analysis, by title, in the order a report shows them."""
    return {
        "Units by bodies served on and duties held": rank_units(G, top),
        "Units that co-serve most often (on two bodies or more)": co_serving(G, top),
        **audit_tables(G),
    }


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
    return [v for p in posts_in(G, person, fact) for _, v, d in G.out_edges(p, data=True)
            if d["relation"] == "post_in"]


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
# Plan audits: the checks a planner runs before approving a plan (see ``plans.Plan``)

@dataclass(frozen=True)
class Finding:
    """One claim about a plan, with the rule that made it and the statements behind it."""

    rule: str              # the audit's name in ``AUDITS``, set by ``run_audit``
    document: str          # the plan's title
    subject: str           # the unit, body or person the finding is about
    detail: str
    evidence: tuple[Link, ...]

    def as_dict(self) -> dict:
        return {"rule": self.rule, "document": self.document, "subject": self.subject,
                "detail": self.detail, "evidence": [x.quote for x in self.evidence]}


def work_off_bodies(plan: Plan, G=None) -> list[Finding] | None:
    """Units with a duty or task in the plan that serve on none of its bodies, not even through
    a collective on them that stands for them (园区管委会, 各属地镇政府); a name on the bodies
    that is probably the same unit spelt another way is named in the finding."""
    if not plan.bodies or not plan.work:
        return None
    serving, out = plan.units_serving(), []
    for unit, links in sorted(plan.by_unit(plan.work).items()):
        if unit not in serving and not plan.general_serving_for(unit):
            kinds = "、".join(f"{n} {WORK_WORDS[how][n > 1]}"
                             for how, n in sorted(Counter(x.how for x in links).items()))
            alike = alike_units(plan, unit, serving)
            note = f"; {'、'.join(alike)} on them is probably the same unit spelt another way" if alike else ""
            out.append(Finding("", plan.title, unit,
                               f"{kinds} in the plan, on none of its {len(plan.bodies)} bodies "
                               f"by this name{note}", tuple(links)))
    return out


def own_governments(plan: Plan) -> set[str]:
    """The governments of the areas the plan's bodies belong to (鄂尔多斯市人民政府 for the
    鄂尔多斯市产业基金发展运作联席会议)."""
    return {area + GOVERNMENT for b in plan.bodies if (area := area_of(b))}


GOVERNMENT = "人民政府"

WORK_WORDS = {"duty": ("duty", "duties"), "lead": ("lead task", "lead tasks"),
              "support": ("support task", "support tasks"),
              "responsible": ("responsible task", "responsible tasks")}


def members_without_work(plan: Plan, G=None) -> list[Finding] | None:
    """Member units (listed, or through an official) with no duty or task in the plan, not
    even through a collective that stands for them (各镇人民政府, 各有关部门).  The plan's own
    government (the government of its bodies' area: 市人民政府 through its 副秘书长) is not
    audited: the whole plan is its work."""
    members = [x for x in plan.serving if x.how in ("member", "official")]
    if not members or not (plan.work or plan.general_work):
        return None
    working, out = plan.units_working() | own_governments(plan), []
    for unit, links in sorted(plan.by_unit(members).items()):
        if unit not in working and not plan.general_work_for(unit):
            bodies = "、".join(sorted({x.target for x in links}))
            alike = alike_units(plan, unit, working)
            note = f"; {'、'.join(alike)}, which has some, is probably the same unit spelt another way" \
                if alike else ""
            out.append(Finding("", plan.title, unit, f"member of {bodies}, with no duty or task in the plan{note}",
                               tuple({x.fact: x for x in links}.values())))
    return out


def alike_units(plan: Plan, unit: str, others) -> list[str]:
    """The units among ``others`` that ``unit`` is probably spelt for: a name printed for one
    a spelling variant of a name printed for the other."""
    return sorted(o for o in others if o != unit and _variant_pair(plan, unit, o))


def _variant_pair(plan: Plan, a: str, b: str) -> tuple[str, str] | None:
    """The first printed names of units ``a`` and ``b`` that are spelling variants."""
    return next(((x, y) for x in plan.printed(a) for y in plan.printed(b) if spelling_variant(x, y)), None)


def spelling_variants(plan: Plan, G=None) -> list[Finding] | None:
    """Two names in the plan that are probably one unit spelt two ways (each printed name
    compared, so 市政公共事业中心 is caught beside 市政公用事业中心 even where the plan also
    prints 市政公用事业服务中心 for that unit)."""
    printed = by_unit([x for x in plan.work + plan.serving if x.how not in ("official", "leader")])
    units = sorted({plan.unit_of[n] for n in printed})
    if len(units) < 2:
        return None
    out = []
    for a, b in combinations(units, 2):
        pair = _variant_pair(plan, a, b)
        if pair and all(n in printed for n in pair):
            quotes = tuple(printed[n][0] for n in pair)
            out.append(Finding("", plan.title, " / ".join(pair),
                               f"probably one unit spelt two ways ({spelling_variant(*pair)})", quotes))
    return out


def bodies_missing(plan: Plan, G: nx.MultiDiGraph) -> list[Finding] | None:
    """Bodies the plan sets up with no leader named, or, for a commanding body (指挥部, 领导小组,
    委员会, 联席会议), no office.  A body under a parent (an office, an on-site headquarters,
    a working or expert group) works under the parent's command and is not checked: plans
    name its lead unit or let the parent appoint its head when it is formed; so does a body
    formed on the scene (现场应急指挥部: ``unit_names.is_formed_on_site``), parent named or
    not.  Names of one body printed several ways (``same_bodies``) are checked as one body."""
    set_up = {b: d for b, doc, d in edges_of(G, "established_by") if doc == plan.document}
    if not set_up:
        return None
    top = [b for b in sorted(set_up) if not any(e["relation"] == "part_of" for _, _, e in G.out_edges(b, data=True))
           and not is_formed_on_site(label(G, b))]
    out = []
    for group in same_bodies(G, top):
        missing = [what for what, lacks in (("office", _lacks_office), ("leader", _lacks_leader))
                   if all(lacks(G, b) for b in group)]
        if missing:
            also = f"; also printed as {'、'.join(label(G, b) for b in group[1:])}" if len(group) > 1 else ""
            out.append(Finding("", plan.title, label(G, group[0]),
                               f"{G.nodes[group[0]].get('type', 'body')} with no {' and no '.join(missing)} "
                               f"named in the plan{also}",
                               tuple(Link(label(G, b), label(G, b), "set_up", set_up[b].get("fact", ""),
                                          set_up[b].get("quote", "")) for b in group)))
    return out


BODY_TAIL = 6
"""The shortest name (without its area) that names one body where another body of the plan
of its type ends with it: 城市运维保障工作指挥部 (not 指挥部, nor 防汛指挥部)."""


def same_bodies(G: nx.MultiDiGraph, bodies: list[str]) -> list[list[str]]:
    """The bodies grouped by the body they name: of one type, and one's name, without its
    area, ending another's (伊金霍洛旗城市运维保障工作指挥部 / 伊金霍洛旗极端气候天气…城市运维
    保障工作指挥部: one headquarters printed two ways), the group joined through such pairs."""
    group = {b: [b] for b in bodies}
    for a, b in combinations(bodies, 2):
        if group[a] is not group[b] and G.nodes[a].get("type") == G.nodes[b].get("type") \
                and _ends_other(label(G, a), label(G, b)):
            merged = group[a] + group[b]
            for x in merged:
                group[x] = merged
    return sorted({id(g): sorted(g, key=lambda b: label(G, b)) for g in group.values()}.values(),
                  key=lambda g: label(G, g[0]))


def _ends_other(a: str, b: str) -> bool:
    short, long_ = sorted((split_jurisdiction(a)[1], split_jurisdiction(b)[1]), key=len)
    return len(short) >= BODY_TAIL and short != long_ and long_.endswith(short)


COMMANDING = ("headquarters", "leading_group", "committee", "joint_conference")
"""Body types that work through an office of their own (办公室设在…)."""


def _lacks_office(G: nx.MultiDiGraph, body: str) -> bool:
    if G.nodes[body].get("type") not in COMMANDING:
        return False
    offices = [u for u, _, d in G.in_edges(body, data=True)
               if d["relation"] == "part_of" and G.nodes[u].get("type") == "office"]
    return not offices and not any(d["relation"] == "office_at" for _, _, d in G.out_edges(body, data=True))


def _lacks_leader(G: nx.MultiDiGraph, body: str) -> bool:
    return not any(d["relation"] == "leads" for _, _, d in G.in_edges(body, data=True))


def removed_leaders(plan: Plan, G: nx.MultiDiGraph) -> list[Finding] | None:
    """Persons leading a body of the plan in a post a later personnel decision removed them from."""
    leads = [(p, b, d) for p, b, d in edges_of(G, "leads")
             if d.get("document") == plan.document and G.nodes[p]["kind"] == "person" and d.get("date")]
    if not leads:
        return None
    out = []
    for person, body, lead in leads:
        posts = set(posts_in(G, person, lead.get("fact")))
        for _, post, removal in G.out_edges(person, data=True):
            if removal["relation"] == "removed_from" and _same_post(G, post, posts) \
                    and removal.get("date", "") > lead["date"]:
                out.append(Finding(
                    "", plan.title, label(G, person),
                    f"{lead.get('role', '')} of {label(G, body)} as {label(G, post)} (plan of {lead['date']}); "
                    f"removed from that post by {removal.get('document_title', '')} of {removal.get('date', '')}",
                    tuple(Link(label(G, person), label(G, body), how, d.get("fact", ""), d.get("quote", ""))
                          for how, d in (("leader", lead), ("removed", removal)))))
    return out


def _same_post(G: nx.MultiDiGraph, post: str, posts: set[str]) -> bool:
    return post in posts or label(G, post) in {label(G, p) for p in posts}


AUDITS = (
    ("audit.work_off_bodies", "Audit: units with duties or tasks in a plan but on none of its bodies",
     work_off_bodies),
    ("audit.member_without_work", "Audit: member units with no duty or task in the plan", members_without_work),
    ("audit.spelling_variant", "Audit: names in a plan that are probably one unit spelt two ways",
     spelling_variants),
    ("audit.body_missing", "Audit: bodies with no office or no leader", bodies_missing),
    ("audit.leader_removed", "Audit: leaders removed from their post by a later notice", removed_leaders),
)
"""(rule, title, audit): each audit takes a plan and the graph and returns its findings, or
None where it does not apply to the plan (no bodies, no work, no leaders …)."""


def run_audit(rule: str, audit, plan: Plan, G: nx.MultiDiGraph) -> list[Finding] | None:
    """The findings of ``audit`` on ``plan``, each naming ``rule``."""
    found = audit(plan, G)
    return None if found is None else [replace(f, rule=rule) for f in found]


def audit_plan(plan: Plan, G: nx.MultiDiGraph) -> dict[str, list[Finding] | None]:
    """Rule → the plan's findings under it (None: the check does not apply)."""
    return {rule: run_audit(rule, fn, plan, G) for rule, _, fn in AUDITS}


def audit_tables(G: nx.MultiDiGraph) -> dict[str, Table]:
    """Every audit over every plan, one table per audit."""
    plans = read_plans(G)
    tables = {}
    for rule, title, fn in AUDITS:
        found = [f for p in plans for f in (run_audit(rule, fn, p, G) or ())]
        tables[title] = _table(("document", "subject", "finding", "rule"),
                               sorted((f.document, f.subject, f.detail, f.rule) for f in found))
    return tables
