"""The interactive HTML view: a pyvis page that works with no network at all.

``to_html(G)`` takes the NetworkX projection (``network.to_networkx``), computes the
layout in Python (``layout.layout``), fills pyvis's node and edge lists directly (its
``add_node`` is quadratic) and takes ``Network.generate_html()`` with every library inline.
The Bootstrap links pyvis's template adds even then are removed, and the page's own panel
— search box, filters, legend, details — is added.  Quotes, names and titles travel as JSON
(``<`` ``>`` ``&`` escaped) and the page writes them with ``textContent`` only, so text in a
document can never run as script.  ``write_html`` writes the page as UTF-8 itself: pyvis's
``write_html`` opens the file without an encoding and may write a ``lib/`` folder.

>>> G = nx.MultiDiGraph()
>>> G.add_node("u", kind="agency", label="市应急管理局")
>>> "vis.Network" in to_html(G) and remote_references(to_html(G)) == []
True
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .layout import layout
from .manifest import PAGE_FILE, PAGE_STAMP
from .network import KINDS, find_node, short, to_networkx
from .store import open_graph

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
SMALL_GRAPH = 150
"""Up to this many nodes the page lets vis's physics polish the layout, then turns it off."""
STABILIZATION = 200

REMOTE_TAG = re.compile(r"""
    <link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>                 # a remote stylesheet
  | <script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>   # a remote script
""", re.VERBOSE | re.IGNORECASE)
REMOTE_REFERENCE = re.compile(r"""
    \b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//   # an attribute that loads
  | url\(\s*["']?\s*(?:https?:)?//                                    # a CSS url()
  | @import\s+["']?(?:url\()?\s*["']?\s*(?:https?:)?//                # a CSS import
""", re.VERBOSE | re.IGNORECASE)
EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")


def select(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1,
           document: str | None = None, kinds: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """The part of ``G`` to draw: one document's statements, the neighbourhood of one node
    (``depth`` steps, either direction), and/or the nodes of chosen kinds."""
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


def to_html(G: nx.MultiDiGraph, title: str = "govkg", stamp: str | None = None,
            focus: str | None = None) -> str:
    """The page of ``G``: offline, with the panel, positions computed in Python; ``stamp``
    names the build's graph (``Manifest.graph_digest``) so that a rebuild can keep it;
    the node ``focus`` (an IRI) is drawn highlighted."""
    nodes, edges, data = page_data(G, layout(G), focus)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    net.nodes, net.edges, net.options = nodes, edges, options(len(nodes))
    page = EMPTY_HEADING.sub("", REMOTE_TAG.sub("", net.generate_html()))
    page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>"
                        '\n<meta name="viewport" content="width=device-width">'
                        + ("\n" + PAGE_STAMP.format(html.escape(stamp)) if stamp else ""), 1)
    page = page.replace("</head>", f"<style>{_asset('viz.css')}</style>\n</head>", 1)
    page = page.replace("</body>", f"{panel(G, title)}\n<script type=\"application/json\" id=\"govkg-data\">"
                        f"{script_json(data)}</script>\n<script>{_asset('viz.js')}</script>\n</body>", 1)
    left = remote_references(page)
    if left:
        raise RuntimeError(f"the page would load from the network: {left[:3]}")
    return page


def write_html(G: nx.MultiDiGraph, path: str | Path, title: str = "govkg",
               stamp: str | None = None, focus: str | None = None) -> Path:
    """Write the page of ``G`` to ``path`` (UTF-8), through a temporary file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(to_html(G, title, stamp, focus), encoding="utf-8")
    tmp.replace(path)
    return path


def write_graph_html(folder: str | Path, title: str | None = None, stamp: str | None = None,
                     corpus: str | None = None) -> Path:
    """The page of the whole graph built in ``folder``, written beside its TriG; titled with
    the ``corpus`` (or the folder) and its size unless told."""
    G = to_networkx(open_graph(folder))
    what = corpus or Path(folder).resolve().name
    return write_html(G, Path(folder) / PAGE_FILE, title or page_title(G, what), stamp)


def page_title(G: nx.MultiDiGraph, what: str) -> str:
    """``govkg — WHAT (N nodes, M documents)``: which corpus or part a page shows, in its title.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d", kind="document"); G.add_node("u", kind="agency")
    >>> page_title(G, "govkg-out")
    'govkg — govkg-out (2 nodes, 1 documents)'
    """
    documents = sum(k == "document" for _, k in G.nodes(data="kind"))
    return f"govkg — {what} ({G.number_of_nodes()} nodes, {documents} documents)"


def remote_references(page: str) -> list[str]:
    """Every place in ``page`` that would make the browser fetch from elsewhere."""
    return [m.group(0) for m in REMOTE_REFERENCE.finditer(page)]


def script_json(value) -> str:
    """JSON that cannot close or open a tag inside ``<script>``.

    >>> script_json({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------

def page_data(G: nx.MultiDiGraph, pos: dict, focus: str | None = None) -> tuple[list[dict], list[dict], dict]:
    """vis node and edge dicts, and the shared tables (quotes, documents) they index; the
    ``focus`` node highlighted (a thick dark border, a larger bold label)."""
    order = sorted(G, key=lambda n: (KINDS.index(G.nodes[n]["kind"]) if G.nodes[n]["kind"] in KINDS
                                     else len(KINDS), n))
    ids = {n: i for i, n in enumerate(order)}
    quotes, docs = _Index(), _Index()
    nodes = [_node(G, n, ids[n], pos[n], quotes, docs) for n in order]
    if focus in ids:
        node = nodes[ids[focus]]
        node.update(focus=True, borderWidth=5, size=node["size"] * 1.5,
                    color={"background": node["color"], "border": FOCUS_BORDER},
                    font={"size": node["font"]["size"] + 6, "bold": True})
    edges = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        edges.append(_edge(len(edges), ids[u], ids[v], d, quotes, docs))
    data = {"quotes": quotes.items, "documents": docs.items, "physics": physics(len(nodes)),
            "stabilization": STABILIZATION,
            "kinds": {k: [s[0], s[2]] for k, s in KIND_STYLE.items()},
            "relations": {r: s[0] for r, s in RELATION_LABELS.items()}}
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


def _node(G, n: str, i: int, xy, quotes: _Index, docs: _Index) -> dict:
    a = G.nodes[n]
    kind = a.get("kind", "other")
    colour, shape, _, size, font = KIND_STYLE.get(kind, KIND_STYLE["other"])
    name = a.get("label", n)
    degree = G.degree(n) ** 0.5                       # busy nodes: bigger, and readable from afar
    label = short(name, 16 if kind == "work" else 24) if kind in TEXT_KINDS else label_of(name, 24)
    node = {"id": i, "x": xy[0], "y": xy[1], "label": label,
            "shape": shape, "color": colour, "size": round(size + min(10.0, 1.5 * degree), 1),
            "font": {"size": round(font + min(6.0, degree))},
            "kind": kind, "name": name, "iri": n, "text": a.get("text"), "type": a.get("type"),
            "date": a.get("date"), "q": quotes(a.get("quote")), "d": docs(_doc_title(G, a.get("document"))),
            "page": a.get("page")}
    if "href" not in name:          # pyvis would render such a title as HTML
        node["title"] = name
    return {k: v for k, v in node.items() if v is not None}


def _edge(i: int, u: int, v: int, d: dict, quotes: _Index, docs: _Index) -> dict:
    relation = d["relation"]
    label, colour = RELATION_LABELS.get(relation, (relation, "#999999"))
    if relation == "leads" and d.get("role"):
        label = d["role"]
    edge = {"id": i, "from": u, "to": v, "label": label, "title": f"{label} ({relation})",
            "color": colour, "relation": relation, "role": d.get("role"), "date": d.get("date"),
            "q": quotes(d.get("quote")), "d": docs(d.get("document_title")), "page": d.get("page")}
    return {k: v for k, v in edge.items() if v is not None}


def _doc_title(G, doc: str | None) -> str | None:
    return G.nodes[doc].get("label") if doc and doc in G else None


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
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#555555"},
                  "smooth": {"type": "continuous"} if small else False, "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not small,
                        "hideEdgesOnZoom": not small, "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"improvedLayout": False},
    }


def panel(G: nx.MultiDiGraph, title: str) -> str:
    """The side panel: title, search, filters, the legend (kinds by colour and shape), details."""
    counts = {}
    for _, kind in G.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    rows = "\n".join(_legend_row(kind, counts[kind]) for kind in KIND_STYLE if counts.get(kind))
    relations: dict[str, int] = {}
    for _, _, relation in G.edges(data="relation"):
        relations[relation] = relations.get(relation, 0) + 1
    edge_rows = "\n".join(_relation_row(r, relations[r]) for r in RELATION_LABELS if relations.get(r))
    return f"""<aside id="govkg-panel">
<h1>{html.escape(title)}</h1>
<p id="govkg-counts">{G.number_of_nodes()} nodes · {G.number_of_edges()} edges</p>
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
