"""The interactive HTML view: a vis-network page that works with no network at all.

``to_html(G)`` takes the projection (a ``network.Projection``, or a NetworkX graph such as
``network.to_networkx`` gives), computes the layout in Python (``layout.layout``) and writes
the page itself: vis-network's script and style (the copy pyvis ships) inline, the nodes
and edges as data, the page's own panel — search box, filters, legend, details — and
script.  Neither pyvis nor jinja2 nor IPython is imported.  Quotes, names and titles
travel as JSON (``<`` ``>`` ``&`` escaped) and the page writes them with ``textContent``
only, so text in a document can never run as script.  ``write_html`` writes the page as
UTF-8, through a temporary file.

A big graph's page draws what is in view, its bodies and their members first
(``opening``), and adds the rest as the view moves, around a node clicked or found, or all
of it on "Show all".  The page shows only the node
labels that fit side by side at the scale it is seen at (``static/viz.js``), so the first
view is readable; zooming in shows more.

>>> from graph.network import Projection
>>> P = Projection({"u": {"kind": "agency", "label": "市应急管理局"}}, ())
>>> "vis.Network" in to_html(P) and remote_references(to_html(P)) == []
True
"""
from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Callable

from .manifest import PAGE_FILE, PAGE_STAMP
from .network import KINDS, Projection, as_projection, find_node, short

KIND_STYLE = {  # kind: (colour, vis shape, 中文, size, label font size)
    "agency": ("#4e79a7", "dot", "单位", 12, 15),
    "collective": ("#9fd4cf", "box", "泛指单位", 10, 13),
    "body": ("#e15759", "hexagon", "议事协调机构", 20, 20),
    "person": ("#ffbe7d", "ellipse", "人员", 10, 14),
    "post": ("#edc948", "diamond", "职务", 9, 12),
    "document": ("#59a14f", "square", "公文", 12, 16),
    "duty": ("#b07aa1", "star", "职责", 9, 12),
    "task": ("#ff9da7", "triangle", "任务", 9, 12),
    "work": ("#9c755f", "triangleDown", "被引文件", 7, 12),
    "other": ("#bab0ac", "dot", "其他", 7, 12),
}
FOCUS_BORDER = "#111111"
ID_BASE = "https://w3id.org/govkg/id/"
"""Where govkg's IRIs start (``vocab.iri_for``): the page's data leaves it out."""
TEXT_KINDS = ("work", "duty", "task")     # labelled by their text's beginning; names by both ends
RELATION_LABELS = {  # relation: (中文, edge colour)
    "member_of": ("成员", "#4e79a7"), "leads": ("领导", "#e15759"), "holds": ("任职", "#f28e2b"),
    "office_at": ("办公室设在", "#e15759"), "part_of": ("下设于", "#e15759"),
    "established_by": ("设立于", "#59a14f"), "mentioned_in": ("提及于", "#8cd17d"),
    "has_duty": ("职责", "#b07aa1"), "duty_in": ("所属机构", "#d4a6c8"),
    "lead": ("牵头", "#ff9da7"), "support": ("配合", "#ff9da7"), "responsible": ("责任", "#ff9da7"),
    "appointed_to": ("任", "#f28e2b"), "removed_from": ("免去", "#f28e2b"),
    "confirmed_in": ("试用期满任职", "#f28e2b"), "seconded_to": ("挂职", "#f28e2b"),
    "post_in": ("职务所在", "#edc948"), "issued_by": ("发文机关", "#59a14f"),
    "cites": ("引用", "#9c755f"), "repeals": ("废止", "#9c755f"),
}
BIG_GRAPH = 3000
"""Past this many nodes the page draws what is in view, bodies and their members first."""
OPENING_RELATIONS = ("member_of", "leads", "office_at", "part_of")
FONT_FACE = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
EDGE_LABEL_THRESHOLD = 12
SMALL_GRAPH = 150
"""Up to this many nodes the page lets vis's physics polish the layout, then turns it off."""
STABILIZATION = 200

REMOTE_REFERENCE = re.compile(r"""
    \b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//   # an attribute that loads
  | url\(\s*["']?\s*(?:https?:)?//                                    # a CSS url()
  | @import\s+["']?(?:url\()?\s*["']?\s*(?:https?:)?//                # a CSS import
""", re.VERBOSE | re.IGNORECASE)


def select(G, *, focus: str | None = None, depth: int = 1,
           document: str | None = None, kinds: tuple[str, ...] | None = None):
    """The part of ``G`` (a MultiDiGraph) to draw: one document's statements, the
    neighbourhood of one node (``depth`` steps, either direction), and/or the nodes of
    chosen kinds."""
    import networkx as nx
    H = G
    if document:
        doc = find_node(H.subgraph(n for n, k in H.nodes(data="kind") if k == "document"), document)
        edges = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d.get("document") == doc]
        H = H.edge_subgraph(edges).copy()
        H.add_node(doc, **G.nodes[doc])
    if focus:
        centre = find_node(H, focus)
        H = H.subgraph(nx.ego_graph(H.to_undirected(as_view=True), centre, radius=depth)).copy()
    if kinds:
        H = H.subgraph(n for n, k in H.nodes(data="kind") if k in kinds).copy()
    return H if H is not G else G.copy()


def to_html(G, title: str = "govkg", stamp: str | None = None, focus: str | None = None,
            positions: Callable[[], dict] | None = None) -> str:
    """The page of ``G`` (a ``Projection`` or a NetworkX graph): offline, with the panel,
    positions computed in Python (``layout``; or ``positions()``, asked for once the rest
    of the page's data is made: a layout computed elsewhere meanwhile, None when it
    failed); ``stamp`` names the
    build's graph (``Manifest.graph_digest``) so that a rebuild can keep it; the node
    ``focus`` (an IRI) is drawn highlighted."""
    P = _projection(G)
    nodes, edges, data = page_data(P, lambda: (positions() if positions else None) or _laid_out(P), focus)
    data.update(nodes=nodes, edges=edges, options=options(len(nodes)), opening=opening(P, focus))
    stamp_line = "\n" + PAGE_STAMP.format(html.escape(stamp)) if stamp else ""
    vis_js, vis_css = _vis()
    page = "".join((
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n',
        f"<title>{html.escape(title)}</title>\n", '<meta name="viewport" content="width=device-width">',
        stamp_line, f"\n<style>{vis_css}</style>\n<script>{vis_js}</script>\n",
        f"<style>{_asset('viz.css')}</style>\n</head>\n<body>\n",
        '<div class="card" style="width: 100%"><div id="mynetwork" class="card-body"></div></div>\n',
        panel(P, title), '\n<script type="application/json" id="govkg-data">', script_json(data),
        f"</script>\n<script>{_asset('viz.js')}</script>\n</body>\n</html>\n"))
    left = remote_references(page)
    if left:
        raise RuntimeError(f"the page would load from the network: {left[:3]}")
    return page


def _laid_out(P: Projection) -> dict:
    from .layout import layout          # numpy: only where the page is laid out here
    return layout(P)


def _projection(G) -> Projection:
    return G if isinstance(G, Projection) else as_projection(G)


def write_html(G, path: str | Path, title: str = "govkg", stamp: str | None = None, focus: str | None = None,
               positions: Callable[[], dict] | None = None) -> Path:
    """Write the page of ``G`` to ``path`` (UTF-8), through a temporary file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(to_html(G, title, stamp, focus, positions), encoding="utf-8")
    tmp.replace(path)
    return path


def write_graph_html(folder: str | Path, title: str | None = None, stamp: str | None = None,
                     corpus: str | None = None, rows: set | None = None, path: Path | None = None,
                     positions: Callable[[], dict] | None = None) -> Path:
    """The page of the whole graph built in ``folder``, written beside its TriG (or to
    ``path``); titled with the ``corpus`` (or the folder) and its size unless told.
    ``rows``: the rows of ``network.rq`` a build read from the graphs it holds
    (``network.rows_from_quads``), drawn without a query; else the store is read.
    ``positions``: see ``to_html``."""
    from .network import project, read_projection
    if rows is not None:
        P = project(rows)
    else:
        from .store import open_graph       # a page is up to a million triples: read once, no store made
        P = read_projection(open_graph(folder, make_store=False))
    what = corpus or Path(folder).resolve().name
    return write_html(P, path or Path(folder) / PAGE_FILE, title or page_title(P, what), stamp, positions=positions)


def page_title(G, what: str) -> str:
    """``govkg — WHAT (N nodes, M documents)``: which corpus or part a page shows, in its title.

    >>> page_title(Projection({"d": {"kind": "document"}, "u": {"kind": "agency"}}, ()), "govkg-out")
    'govkg — govkg-out (2 nodes, 1 documents)'
    """
    P = _projection(G)
    documents = sum(a.get("kind") == "document" for a in P.nodes.values())
    return f"govkg — {what} ({len(P.nodes)} nodes, {documents} documents)"


REFERENCE_BEFORE = re.compile(f"(?:{REMOTE_REFERENCE.pattern})\\Z", re.VERBOSE | re.IGNORECASE)
"""``REMOTE_REFERENCE`` ending where the search ends (at a ``//``)."""
REACH = 200


def remote_references(page: str) -> list[str]:
    """Every place in ``page`` that would make the browser fetch from elsewhere (each
    reference ends in ``//``: only the text before each ``//`` is searched, which is fast)."""
    found = []
    for slashes in re.finditer("//", page):
        hit = REFERENCE_BEFORE.search(page, max(0, slashes.start() - REACH), slashes.end())
        if hit:
            found.append(hit.group(0))
    return found


def script_json(value) -> str:
    """JSON that cannot close or open a tag inside ``<script>``.

    >>> script_json({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


VIS = "templates/lib/vis-9.1.2"
"""Where pyvis keeps the vis-network release its pages use (read, never imported)."""


@cache
def _vis() -> tuple[str, str]:
    """vis-network's script and style, from the copy inside the installed pyvis package
    (found without importing pyvis, which would import jinja2 and IPython)."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the page needs vis-network, which comes with pyvis: pip install pyvis")
    folder = Path(list(spec.submodule_search_locations)[0]) / VIS
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------

def page_data(G, pos: dict | Callable[[], dict], focus: str | None = None) -> tuple[list[dict], list[dict], dict]:
    """vis node and edge dicts of ``G`` (a ``Projection`` or a NetworkX graph), and the
    shared tables (quotes, documents) they index; the ``focus`` node highlighted (a thick
    dark border, a larger bold label).  ``pos``: each node's position, or a function that
    gives them, called once the rest is made."""
    P = _projection(G)
    rank = {k: i for i, k in enumerate(KINDS)}
    order = sorted(P.nodes, key=lambda n: (rank.get(P.nodes[n]["kind"], len(KINDS)), n))
    ids = {n: i for i, n in enumerate(order)}
    quotes, docs = _Index(), _Index()
    degrees, labels = P.degrees(), node_labels(P)
    nodes = [_node(P, n, ids[n], degrees[n], labels[n], quotes, docs) for n in order]
    if focus in ids:
        node = nodes[ids[focus]]
        node.update(focus=True, borderWidth=5, size=node["size"] * 1.5,
                    color={"background": KIND_STYLE.get(node["kind"], KIND_STYLE["other"])[0], "border": FOCUS_BORDER},
                    font={"size": node["font"]["size"] + 6, "bold": True})
    edges = []
    for u, v, k, d in sorted(P.edges, key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        edges.append(_edge(len(edges), ids[u], ids[v], d, quotes, docs))
    pos = pos() if callable(pos) else pos
    for n, node in zip(order, nodes):
        node["x"], node["y"] = pos[n]
    data = {"quotes": quotes.items, "documents": docs.items, "physics": physics(len(nodes)),
            "stabilization": STABILIZATION,
            "kinds": {k: [s[0], s[2], s[1]] for k, s in KIND_STYLE.items()},
            "relations": {r: list(s) for r, s in RELATION_LABELS.items()}, "base": ID_BASE}
    return nodes, edges, data


class _Index:
    """Strings stored once, referred to by position."""

    def __init__(self):
        self.items: list[str] = []
        self.positions: dict[str, int] = {}

    def __call__(self, text: str | None) -> int | None:
        if not text:
            return None
        if text not in self.positions:
            self.positions[text] = len(self.items)
            self.items.append(text)
        return self.positions[text]


def _node(P: Projection, n: str, i: int, degree: int, label: str, quotes: _Index, docs: _Index) -> dict:
    """One node's entry in the page's data, but for its position: shape and colour come
    with its kind (``kinds``), the label only where it is not the name, the IRI without
    ``ID_BASE``."""
    a = P.nodes[n]
    kind = a.get("kind", "other")
    _, _, _, size, font = KIND_STYLE.get(kind, KIND_STYLE["other"])
    name = a.get("label", n)
    busy = degree ** 0.5                              # busy nodes: bigger, and readable from afar
    node = {"id": i, "label": label if label != name else None,
            "size": round(size + min(10.0, 1.5 * busy), 1), "font": {"size": round(font + min(6.0, busy))},
            "kind": kind, "name": name, "text": a.get("text"), "type": a.get("type"),
            "date": a.get("date"), "q": quotes(a.get("quote")), "d": docs(_doc_title(P, a.get("document"))),
            "page": a.get("page")}
    node.update({"i": n[len(ID_BASE):]} if n.startswith(ID_BASE) else {"iri": n})
    return {k: v for k, v in node.items() if v is not None}


def node_labels(P: Projection) -> dict[str, str]:
    """Each node's label: a name cut in the middle (``label_of``), a text cut at its end
    (``network.short``); different names that would share a label are cut longer until
    their labels differ.

    >>> groups = [f"鄂尔多斯市森林草原防灭火指挥部现场指挥部第{i}工作组组长单位" for i in "一二"]
    >>> P = Projection({g: {"kind": "body", "label": g} for g in groups}, ())
    >>> sorted(node_labels(P).values())
    ['鄂尔多斯市森林草原防灭…指挥部第一工作组组长单位', '鄂尔多斯市森林草原防灭…指挥部第二工作组组长单位']
    """
    names = {n: a.get("label", n) for n, a in P.nodes.items()}
    kinds = {n: a.get("kind") for n, a in P.nodes.items()}
    out = {n: _cut(names[n], kinds[n], 0) for n in P.nodes}
    sharing: dict[str, list[str]] = {}
    for n, label in out.items():
        sharing.setdefault(label, []).append(n)
    for members in sharing.values():
        if len({names[n] for n in members}) > 1:
            out.update(_apart(members, names, kinds))
    return out


def _apart(members: list[str], names: dict, kinds: dict) -> dict[str, str]:
    """Labels for nodes of different names that were cut alike: cut longer, till they differ."""
    for longer in range(4, 400, 4):
        labels = {n: _cut(names[n], kinds[n], longer) for n in members}
        if len(set(labels.values())) == len({names[n] for n in members}):
            return labels
    return {n: names[n] for n in members}


def _cut(name: str, kind: str | None, longer: int) -> str:
    if kind in TEXT_KINDS:
        return short(name, (16 if kind == "work" else 24) + longer)
    return label_of(name, 24 + longer)


def _edge(i: int, u: int, v: int, d: dict, quotes: _Index, docs: _Index) -> dict:
    """One edge's entry: its label (the relation's, or a leader's role) and colour come
    with its relation (``relations``)."""
    relation = d["relation"]
    edge = {"id": i, "from": u, "to": v, "relation": relation, "role": d.get("role"), "date": d.get("date"),
            "q": quotes(d.get("quote")), "d": docs(d.get("document_title")), "page": d.get("page")}
    return {k: v for k, v in edge.items() if v is not None}


def _doc_title(P: Projection, doc: str | None) -> str | None:
    return P.nodes[doc].get("label") if doc and doc in P.nodes else None


def physics(n: int) -> bool:
    """Whether vis's physics polishes a graph of ``n`` nodes (there is nothing to polish in one)."""
    return 2 <= n <= SMALL_GRAPH


def options(n: int) -> dict:
    """vis options: physics only for small graphs, light drawing for large ones."""
    small = physics(n)
    return {   # the page stabilises small graphs itself (network.stabilize), then stops physics
        "physics": {"enabled": small, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 120},
                    "stabilization": {"enabled": False, "iterations": STABILIZATION, "fit": True}},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff", "face": FONT_FACE},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#555555", "face": FONT_FACE},
                  # relation names only once zoomed in past the opening scale (at most 1)
                  "scaling": {"label": {"drawThreshold": EDGE_LABEL_THRESHOLD}},
                  "smooth": {"type": "continuous"} if small else False, "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not small,
                        "hideEdgesOnZoom": not small, "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"improvedLayout": False},
    }


def opening(P: Projection, focus: str | None = None) -> list[int] | None:
    """The nodes a big graph's page draws first where a view holds too many to draw all
    (their numbers in ``page_data``'s order): the bodies, their members and leaders, and the
    ``focus``; None up to ``BIG_GRAPH`` nodes (the page draws them all at once)."""
    if len(P.nodes) <= BIG_GRAPH:
        return None
    keep = {n for n, a in P.nodes.items() if a.get("kind") == "body" or n == focus}
    keep |= {u for u, v, _, d in P.edges if v in keep and d.get("relation") in OPENING_RELATIONS}
    rank = {k: i for i, k in enumerate(KINDS)}
    order = sorted(P.nodes, key=lambda n: (rank.get(P.nodes[n]["kind"], len(KINDS)), n))
    return [i for i, n in enumerate(order) if n in keep]


def panel(P: Projection, title: str) -> str:
    """The side panel: title, search, filters, the legend (kinds by colour and shape), details."""
    counts: dict[str, int] = {}
    for a in P.nodes.values():
        counts[a.get("kind")] = counts.get(a.get("kind"), 0) + 1
    rows = "\n".join(_legend_row(kind, counts[kind]) for kind in KIND_STYLE if counts.get(kind))
    relations: dict[str, int] = {}
    for _, _, _, d in P.edges:
        relations[d["relation"]] = relations.get(d["relation"], 0) + 1
    edge_rows = "\n".join(_relation_row(r, relations[r]) for r in RELATION_LABELS if relations.get(r))
    return f"""<aside id="govkg-panel">
<h1>{html.escape(title)}</h1>
<p id="govkg-counts">{len(P.nodes)} nodes · {len(P.edges)} edges</p>
<div class="row"><input id="govkg-search" list="govkg-names" placeholder="搜索名称 search a name" autocomplete="off">
<button id="govkg-find" type="button">Find</button></div>
<datalist id="govkg-names"></datalist>
<label>Document 公文 <select id="govkg-document"><option value="">(all)</option></select></label>
<label>Body 机构 <select id="govkg-body"><option value="">(all)</option></select></label>
<fieldset id="govkg-legend"><legend>Kinds 类别</legend>
{rows}
</fieldset>
<fieldset id="govkg-edge-legend"><legend>Relations 关系</legend>
{edge_rows}
</fieldset>
<button id="govkg-reset" type="button">Show all</button>
<section id="govkg-details"><p class="hint">Click a node or an edge to see where it was read.</p></section>
</aside>"""


SVG_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>', "square": '<rect x="2" y="2" width="12" height="12"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>', "triangle": '<polygon points="8,1 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,15"/>', "hexagon": '<polygon points="4,1 12,1 16,8 12,15 4,15 0,8"/>',
    "star": '<polygon points="8,0 10,6 16,6 11,10 13,16 8,12 3,16 5,10 0,6 6,6"/>',
    "box": '<rect x="0" y="4" width="16" height="9" rx="2"/>', "ellipse": '<ellipse cx="8" cy="8" rx="8" ry="5"/>',
}


def _relation_row(relation: str, count: int) -> str:
    """One edge colour of the legend: a line of the colour, the relation in 中文 and English."""
    chinese, colour = RELATION_LABELS[relation]
    icon = f'<svg width="16" height="8" viewBox="0 0 16 8"><line x1="0" y1="4" x2="16" y2="4" stroke="{colour}" ' \
           'stroke-width="3"/></svg>'
    return f'<div class="relation">{icon} {chinese} {relation} <span class="n">{count}</span></div>'


def label_of(name: str, n: int) -> str:
    """A node's label of at most ``n`` characters, cut in the middle: names that share a long
    beginning (a body's ten working groups) keep the end that tells them apart.

    >>> label_of("鄂尔多斯市森林草原防灭火指挥部现场指挥部综合协调组", 16)
    '鄂尔多斯市森林…指挥部综合协调组'
    """
    name = " ".join(name.split())
    if len(name) <= n:
        return name
    head = (n - 1) // 2
    return name[:head] + "…" + name[len(name) - (n - 1 - head):]


def _legend_row(kind: str, count: int) -> str:
    colour, shape, chinese = KIND_STYLE[kind][:3]
    icon = f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{colour}">{SVG_SHAPES[shape]}</svg>'
    return (f'<label class="kind"><input type="checkbox" value="{kind}" checked> {icon} '
            f'{chinese} {kind} <span class="n">{count}</span></label>')
