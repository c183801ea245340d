"""The HTML page without a browser: offline, escaped, complete, deterministic; `govkg viz`."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.layout import SPACING, layout
from graph.viz import page_data, remote_references, script_json, select, to_html

HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def page_json(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


@pytest.mark.parametrize("page, remote", [
    # pyvis's template links Bootstrap from a CDN even with cdn_resources="in_line"
    pytest.param('<link href="https://cdn.jsdelivr.net/x.css" rel="stylesheet"/>', True, id="bootstrap-css"),
    pytest.param('<script src="//cdn.example/x.js"></script>', True, id="protocol-relative"),
    pytest.param("<style>a{background:url('http://x/y.png')}</style>", True, id="css-url"),
    pytest.param("<style>@import url(https://x/y.css);</style>", True, id="css-import"),
    pytest.param('<svg xmlns="http://www.w3.org/2000/svg">', False, id="namespace-is-no-fetch"),
    pytest.param('var s = "see https://visjs.github.io";', False, id="url-in-a-string"),
    pytest.param('<img src="data:image/png;base64,AAAA">', False, id="data-uri"),
])
def test_remote_reference_detector(page, remote):
    assert bool(remote_references(page)) == remote


def test_page_needs_no_network(plan_build):
    page = (plan_build / "graph.html").read_text(encoding="utf-8")
    assert remote_references(page) == []
    assert "bootstrap" not in page.lower() and "cdn." not in page
    assert "vis.Network" in page and 'id="govkg-legend"' in page


def test_page_holds_every_node_and_edge(plan_network):
    nodes, edges, data = page_data(plan_network, layout(plan_network))
    assert len(nodes) == plan_network.number_of_nodes() and len(edges) == plan_network.number_of_edges()
    unit = next(n for n in nodes if n["name"] == "鄂尔多斯市应急管理局")
    member = [e for e in edges if e["from"] == unit["id"] and e["relation"] == "member_of"]
    assert {data["quotes"][e["q"]] for e in member} == {
        "成员单位：市应急管理局、市林业和草原局、市公安局、市气象局。", "成员单位：市应急管理局、市水利局、市气象局。"}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    lead = next(e for e in edges if e["relation"] == "leads" and e.get("role") == "总指挥")
    assert data["relations"]["leads"][0] == "领导"        # drawn with its role instead (viz.js drawnEdge)


def test_hostile_text_is_inert_in_the_page(plan_network):
    G = plan_network.copy()
    G.add_node("x", kind="agency", label=HOSTILE, quote=HOSTILE)
    G.add_edge("x", next(iter(G)), key="k", relation="member_of", quote=HOSTILE, document_title=HOSTILE)
    page = to_html(G, title=HOSTILE)
    assert "window.pwned" in page                       # the text is there …
    assert "<script>window.pwned" not in page           # … never as markup
    assert "<img src=x" not in page
    assert "<title>&lt;/script&gt;" in page
    assert HOSTILE in page_json(page)["quotes"]


def test_script_json_cannot_close_the_script():
    assert "</" not in script_json({"a": "</script>"}) and json.loads(script_json({"a": "<&>"})) == {"a": "<&>"}


def test_page_is_deterministic(plan_network):
    assert to_html(plan_network) == to_html(plan_network.copy())


def test_layout_spreads_every_component_and_is_deterministic():
    ring = [(f"r{i:04d}", f"r{(i + 1) % 2000:04d}") for i in range(2000)]
    pairs = [(f"p{i}", f"q{i}") for i in range(50)]
    nodes = sorted({n for e in ring + pairs for n in e} | {"alone"})
    pos = layout((nodes, ring + pairs))
    assert pos == layout((list(reversed(nodes)), list(reversed(ring + pairs))))   # any input order
    assert len(pos) == len(nodes) and len(set(pos.values())) == len(nodes)     # no two nodes on one spot
    neighbours = [abs(complex(*pos[u]) - complex(*pos[v])) for u, v in ring]
    assert sorted(neighbours)[len(neighbours) // 2] < 4 * SPACING              # neighbours stay close


@pytest.mark.parametrize("kwargs, present, absent", [
    pytest.param({"focus": "鄂尔多斯市气象局"}, {"鄂尔多斯市防汛抗旱指挥部", "鄂尔多斯市森林草原防灭火指挥部"},
                 {"张三", "鄂尔多斯市应急管理局"}, id="focus-depth-1"),
    pytest.param({"focus": "鄂尔多斯市气象局", "depth": 2}, {"鄂尔多斯市应急管理局", "王六"}, {"王五"},
                 id="focus-depth-2"),
    pytest.param({"document": "鄂尔多斯市防汛抗旱应急预案"}, {"鄂尔多斯市水利局", "鄂尔多斯市防汛抗旱应急预案"},
                 {"鄂尔多斯市公安局", "张三"}, id="one-document"),
    pytest.param({"kinds": ("agency", "body")}, {"鄂尔多斯市水利局", "鄂尔多斯市防汛抗旱指挥部"},
                 {"张三", "负责火案侦破工作"}, id="kinds"),
])
def test_select(plan_network, kwargs, present, absent):
    labels = {d["label"] for _, d in select(plan_network, **kwargs).nodes(data=True)}
    assert present <= labels and not (absent & labels)


def test_viz_command_writes_utf8_and_no_lib_folder(tmp_path, monkeypatch, plan_build):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "ems.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(plan_build), "--focus", "鄂尔多斯市应急管理局",
                                       "--depth", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "鄂尔多斯市应急管理局" in out.read_text(encoding="utf-8")
    assert not (tmp_path / "lib").exists()


@pytest.mark.parametrize("args, message", [
    pytest.param(["--focus", "指挥部"], "4 nodes contain '指挥部'", id="ambiguous-focus"),
    pytest.param(["--kinds", "agency,unit"], "unknown kind(s) unit", id="unknown-kind"),
])
def test_viz_command_errors(plan_build, args, message):
    result = CliRunner().invoke(main, ["viz", "--graph", str(plan_build), *args])
    assert result.exit_code != 0 and message in result.output


def page_nodes(page: str) -> list[dict]:
    """The page's nodes, with the label the page gives a node whose label is its name."""
    return [{"label": n["name"], **n} for n in page_json(page)["nodes"]]


def test_build_writes_the_page_beside_the_trig(sample_build):
    page = (sample_build[0] / "graph.html").read_text(encoding="utf-8")
    documents = [n for n in page_nodes(page) if n["kind"] == "document"]
    assert remote_references(page) == [] and len(documents) == sample_build[1].totals()["documents"]


def test_page_is_byte_identical_across_builds(tmp_path, sample_build):
    # a subgraph view iterates in set order: the layout once changed with the hash seed
    env = {**os.environ, "PYTHONHASHSEED": "99"}
    subprocess.run([sys.executable, "-m", "graph", "build", "--out", str(tmp_path), "-q"], check=True, env=env)
    assert (tmp_path / "graph.html").read_bytes() == (sample_build[0] / "graph.html").read_bytes()


def test_a_page_is_titled_after_its_corpus_or_focus_and_marks_the_focus(sample_build, tmp_path):
    """issue 16: every page was titled "govkg", and the --focus node was not told apart."""
    page = (sample_build[0] / "graph.html").read_text(encoding="utf-8")
    documents = sample_build[1].totals()["documents"]
    assert re.search(rf"<title>govkg — samples \(\d+ nodes, {documents} documents\)</title>", page)
    out = tmp_path / "ems.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(sample_build[0]), "--focus", "鄂尔多斯市应急管理局",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    view = out.read_text(encoding="utf-8")
    assert "<title>govkg — 鄂尔多斯市应急管理局 (" in view
    focused = [n for n in page_nodes(view) if n.get("focus")]
    assert [n["name"] for n in focused] == ["鄂尔多斯市应急管理局"]
    assert focused[0]["borderWidth"] > 1 and focused[0]["font"]["bold"] is True


def test_names_get_distinct_labels_and_edge_colours_a_legend(sample_build):
    """issue 16: ten working groups shared one truncated label; edge colours had no legend."""
    from graph.viz import RELATION_LABELS
    page = (sample_build[0] / "graph.html").read_text(encoding="utf-8")
    named = [n for n in page_nodes(page) if n["kind"] in ("body", "agency", "person", "post")]
    labels: dict[str, set] = {}
    for n in named:
        labels.setdefault(n["label"], set()).add(n["name"])
    shared = {label: names for label, names in labels.items() if len(names) > 1}
    assert not shared, list(shared.items())[:3]
    assert any("…" in n["label"] for n in named)          # long names are cut, in the middle
    legend = re.search(r'<fieldset id="govkg-edge-legend">(.*?)</fieldset>', page, re.DOTALL).group(1)
    for relation in ("member_of", "leads", "has_duty"):
        chinese, colour = RELATION_LABELS[relation]
        assert f'stroke="{colour}"' in legend and f"{chinese} {relation}" in legend


PAGE_FROM_MEMORY = """
import sys
import graph.network as N
from graph.build import build, sample_corpus
def refuse(*args, **kwargs):
    raise AssertionError("the build queried the store for its page")
N.read_projection = refuse
build([sample_corpus()[0][0]], sys.argv[1])
print(sorted({m.split(".")[0] for m in sys.modules} & {"pyvis", "jinja2", "IPython", "networkx", "scipy"}))
"""


def test_the_build_draws_its_page_from_the_graphs_it_holds(tmp_path):
    """issue 15: the page is a product of the build — no query of the store, and none of
    pyvis (its jinja2 and IPython), networkx or scipy imported."""
    done = subprocess.run([sys.executable, "-c", PAGE_FROM_MEMORY, str(tmp_path)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
    assert len(page_nodes((tmp_path / "graph.html").read_text(encoding="utf-8"))) > 50


def test_a_page_from_memory_is_the_page_from_the_store(tmp_path):
    """An incremental build reuses a graph it does not hold, so it reads the store: its page
    is byte for byte the page of a fresh build, drawn from memory."""
    from graph.build import build, sample_corpus
    first, second = (path for path, _ in sample_corpus()[:2])
    build([first], tmp_path / "grown")
    assert build([first, second], tmp_path / "grown").unchanged == 1
    build([first, second], tmp_path / "fresh")
    grown, fresh = ((tmp_path / d / "graph.html").read_bytes() for d in ("grown", "fresh"))
    assert grown == fresh and len(page_nodes(fresh.decode("utf-8"))) > 100


def _failing_layout(nodes, pairs):
    raise MemoryError("no room for the layout")


def _dying_layout(nodes, pairs):
    os._exit(1)


def test_the_page_is_laid_out_in_a_process_of_its_own_and_is_the_same_page(tmp_path, monkeypatch):
    """A build with workers has the page's layout computed by a process of its own
    (``LayoutWorker``) beside the rest of the page: the page is byte for byte the one laid
    out in the build's process (one job); a layout process that fails at it, or dies,
    leaves the layout to the build's process: the same page again."""
    import graph.build
    import graph.layout_worker
    from graph.build import build, sample_corpus
    files = [path for path, _ in sample_corpus()[:3]]
    laid_out = []
    drawing = graph.build._Page

    class Page(drawing):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            laid_out.append(self.layouts is not None)
    monkeypatch.setattr(graph.build, "_Page", Page)
    build(files, tmp_path / "here", jobs=1)
    build(files, tmp_path / "apart", jobs=2)
    monkeypatch.setattr(graph.layout_worker, "lay_out", _failing_layout)
    build(files, tmp_path / "failed", jobs=2)
    monkeypatch.setattr(graph.layout_worker, "lay_out", _dying_layout)
    build(files, tmp_path / "died", jobs=2)
    assert laid_out == [False, True, True, True]
    here, apart, failed, died = ((tmp_path / d / "graph.html").read_bytes() for d in ("here", "apart", "failed", "died"))
    assert apart == here == failed == died and len(page_nodes(here.decode("utf-8"))) > 100
    positions = {n["name"]: (n["x"], n["y"]) for n in page_nodes(here.decode("utf-8"))}
    assert len(set(positions.values())) > 0.9 * len(positions)        # laid out, not piled up


def test_a_build_leaves_no_layout_process_behind(tmp_path, monkeypatch):
    """The layout process is gone when the build returns (it holds the build's lock, which
    the next build takes at once): once it has answered, and when the build turns out to
    want no page (past what one page shows)."""
    import multiprocessing
    import time
    import graph.build
    import graph.layout_worker
    from graph.build import build, sample_corpus
    files = [path for path, _ in sample_corpus()[:2]]
    serve = graph.layout_worker._serve

    def slow_to_leave(conn):                    # the process lingers after its answer
        serve(conn)
        time.sleep(0.5)

    def layout_processes():
        return [c for c in multiprocessing.active_children() if c.name == "govkg-layout"]
    monkeypatch.setattr(graph.layout_worker, "_serve", slow_to_leave)
    build(files, tmp_path / "page", jobs=2)
    assert not layout_processes()
    monkeypatch.setattr(graph.build, "HTML_MAX_TRIPLES", 10)
    build(files, tmp_path / "no-page", jobs=2)
    assert not layout_processes()
    assert (tmp_path / "page" / "graph.html").exists() and not (tmp_path / "no-page" / "graph.html").exists()


def test_a_graph_whose_page_rows_a_worker_could_not_read_leaves_the_page_to_the_store(tmp_path, monkeypatch):
    """The workers read the page's rows from the lines they hold (build._page_rows); one that
    cannot (None) sends the page to the store, which draws the same page."""
    import graph.build
    from graph.build import build, sample_corpus
    first = sample_corpus()[0][0]
    build([first], tmp_path / "memory", jobs=1)
    monkeypatch.setattr(graph.build, "_page_rows", lambda lines: None)
    build([first], tmp_path / "store", jobs=1)
    memory, store = ((tmp_path / d / "graph.html").read_bytes() for d in ("memory", "store"))
    assert memory == store and len(page_nodes(memory.decode("utf-8"))) > 50


def test_the_workers_stop_reading_the_page_s_rows_once_the_page_will_not_use_them(tmp_path, monkeypatch):
    """Past what one page shows there is no page: the files handed out after that are not
    asked for the page's rows (a corpus a thousand times the sample pays nothing for it)."""
    import graph.build
    from graph.build import build, sample_corpus
    asked, run_one = [], graph.build.run_one

    def recording(path, name, page=False, nquads=True):
        asked.append(page)
        return run_one(path, name, page, nquads)
    monkeypatch.setattr(graph.build, "run_one", recording)
    monkeypatch.setattr(graph.build, "HTML_MAX_TRIPLES", 1)     # the first graph passes it
    build([path for path, _ in sample_corpus()[:3]], tmp_path / "out", jobs=1)
    assert asked == [True, False, False]
    assert not (tmp_path / "out" / "graph.html").exists()
