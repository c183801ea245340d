#!/usr/bin/env python3
"""How fast the HTML view is: the build's page step, and the page in headless Chromium.

    .venv/bin/python scripts/bench_viz.py [--scales 1,10] [--runs 3] [--synthetic 20000]

For each scale it builds a corpus of that many replicas of the sample (``scripts/bench.py``'s
``make_corpus``: names, documents and IRIs really differ) in this process, and prints the
build's wall time, the time of its page step (``graph.build._Page``: from the end of the
extraction, the rows not yet read from the graphs in memory, projection, layout, page;
imports included, as a build pays them) and its share of the build, then what the page
added to the build ("added": the page is drawn in a thread beside the commit, and the
build waits for what is left of it after the commit) and its share.  Then, in headless Chromium, the median over --runs of: "settled", from
navigation until the opening view is drawn (``window.govkg.settledMs``); "click", from
pressing the mouse on the busiest body drawn until the frame that shows its details and its
neighbours is painted; and "wall", the same click on this process's clock (Playwright's
round trips included).  The targets are printed above the table.  --synthetic adds made-up
graphs of those sizes (a preferential-attachment network with every node kind).  Needs
Debian's chromium package and ``pip install playwright``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import graph.build as build_module                   # noqa: E402
from bench import make_corpus                        # noqa: E402
from graph.manifest import PAGE_FILE                 # noqa: E402

CHROMIUM = os.environ.get("GOVKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SHARE_TARGET, BROWSER_TARGET = 0.25, 3.0
"""Issue 15's targets: the build's page step at most this share of the build; the page
drawn, and a click answered, within this many seconds."""
CLICK = """() => {
    // the busiest body that a click at its centre reaches (no other node drawn over it)
    const bodies = nodes.get({filter: n => n.kind === "body"})
        .sort((p, q) => network.getConnectedEdges(q.id).length - network.getConnectedEdges(p.id).length);
    const r = document.getElementById("mynetwork").getBoundingClientRect();
    for (const b of bodies) {
        network.focus(b.id, {scale: 1.2, animation: false});
        network.redraw();
        const p = network.canvasToDOM(network.getPositions([b.id])[b.id]);
        if (network.getNodeAt(p) === b.id) return [r.left + p.x, r.top + p.y, b.name];
    }
    return null; }"""


def synthetic(n: int):
    """A scale-free graph of ``n`` nodes with kinds, labels and quotes."""
    import networkx as nx
    from graph.network import KINDS
    base = nx.barabasi_albert_graph(n, 2, seed=1)
    G = nx.MultiDiGraph()
    for i in base:
        G.add_node(str(i), kind=KINDS[i % len(KINDS)], label=f"单位{i:06d}应急管理局")
    for u, v in base.edges():
        G.add_edge(str(u), str(v), relation="member_of", quote=f"成员单位：单位{u}、单位{v}。", document_title="预案")
    return G


def timed_build(corpus: Path, out: Path) -> tuple[float, float, float]:
    """Build ``corpus`` into ``out``: the build's wall time, its page step's (drawn in a thread
    beside the commit: ``graph.build._Page.seconds``) and what the page added to the build
    after the commit (``_Page.waited``)."""
    pages = []

    class Page(build_module._Page):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pages.append(self)
    step = build_module._Page
    build_module._Page = Page
    try:
        start = time.perf_counter()
        build_module.build([corpus], out)
        return time.perf_counter() - start, pages[0].seconds, pages[0].waited
    finally:
        build_module._Page = step


def in_browser(browser, path: Path) -> tuple[float, float, float]:
    """Seconds until the opening view is drawn; from pressing the mouse on a body until the
    frame that shows its details and its neighbours is painted (as the page measures them:
    ``window.govkg.marks``); and the same click on this process's clock, from sending it
    until the page is seen to have answered."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_function("window.govkg && window.govkg.ready", timeout=120_000)
    settled = page.evaluate("window.govkg.settledMs") / 1000
    x, y, name = page.evaluate(CLICK)
    page.wait_for_timeout(500)
    page.evaluate("""() => document.addEventListener("mousedown",
        () => { window.govkg.marks.pressed = performance.now(); }, {capture: true, once: true})""")
    start = time.perf_counter()
    page.mouse.click(x, y)
    page.wait_for_function("window.govkg.marks.answered > window.govkg.marks.pressed", polling=10, timeout=60_000)
    wall = time.perf_counter() - start
    assert page.evaluate("document.querySelector('#govkg-details h2').textContent") == name
    clicked = page.evaluate("window.govkg.marks.answered - window.govkg.marks.pressed") / 1000
    page.close()
    return settled, clicked, wall


def report(browser, name: str, path: Path, runs: int, build_s: float | None = None,
           page_s: float | None = None, added_s: float | None = None) -> None:
    times = [in_browser(browser, path) for _ in range(runs)]
    data = json.loads(path.read_text(encoding="utf-8").split(
        '<script type="application/json" id="govkg-data">', 1)[1].split("</script>", 1)[0])
    share = f"{page_s / build_s:.0%}" if build_s else "-"
    added = f"{added_s / build_s:.0%}" if build_s else "-"
    settled, clicked, wall = (statistics.median(t[i] for t in times) for i in range(3))
    print(f"{name:>14} {len(data['nodes']):>7} {len(data['edges']):>7} {path.stat().st_size / 1e6:>6.1f} "
          f"{build_s or 0:>8.2f} {page_s or 0:>7.2f} {share:>6} {added_s or 0:>7.2f} {added:>6} "
          f"{settled:>9.2f} {clicked:>7.2f} {wall:>6.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10", help="comma-separated corpus scales (replicas of the sample)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--synthetic", default="", help="comma-separated node counts of made-up graphs")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"targets (issue 15, the 10x page): page step <= {SHARE_TARGET:.0%} of the build, settled <= "
              f"{BROWSER_TARGET:g} s, click <= {BROWSER_TARGET:g} s (in the page, and on this process's clock)")
        print(f"{'page':>14} {'nodes':>7} {'edges':>7} {'MB':>6} {'build s':>8} {'page s':>7} {'share':>6} "
              f"{'added s':>7} {'share':>6} {'settled s':>9} {'click s':>7} {'wall s':>6}")
        for scale in (int(x) for x in args.scales.split(",") if x.strip()):
            corpus, out = Path(tmp) / f"corpus-{scale}", Path(tmp) / f"out-{scale}"
            make_corpus(scale, corpus)
            build_s, page_s, added_s = timed_build(corpus, out)
            report(browser, f"{scale}x", out / PAGE_FILE, args.runs, build_s, page_s, added_s)
        for n in (int(x) for x in args.synthetic.split(",") if x.strip()):
            from graph.viz import write_html
            report(browser, f"synthetic-{n}", write_html(synthetic(n), Path(tmp) / f"synthetic-{n}.html"), args.runs)
        browser.close()


if __name__ == "__main__":
    main()
