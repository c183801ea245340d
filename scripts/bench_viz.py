#!/usr/bin/env python3
"""How fast the HTML view is: writing it, and settling in headless Chromium.

    python scripts/bench_viz.py [--graph DIR] [--runs 3] [--synthetic 1000,10000]

Without --graph it builds the bundled sample corpus.  --synthetic adds made-up graphs of
those sizes (a preferential-attachment network with every node kind), to see how the page
scales.  "settled" is the time from navigation to the first drawing of the final layout
(``window.govkg.settledMs``), as Chromium measures it.  Needs Debian's chromium package and
``pip install playwright``.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from graph.build import build
from graph.network import KINDS, to_networkx
from graph.store import open_graph
from graph.viz import write_html

CHROMIUM = os.environ.get("GOVKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def synthetic(n: int) -> nx.MultiDiGraph:
    """A scale-free graph of ``n`` nodes with kinds, labels and quotes."""
    base = nx.barabasi_albert_graph(n, 2, seed=1)
    G = nx.MultiDiGraph()
    for i in base:
        G.add_node(str(i), kind=KINDS[i % len(KINDS)], label=f"单位{i:06d}应急管理局")
    for u, v in base.edges():
        G.add_edge(str(u), str(v), relation="member_of", quote=f"成员单位：单位{u}、单位{v}。", document_title="预案")
    return G


def settle(browser, path: Path) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.govkg && window.govkg.ready", timeout=120_000)
    wall = time.perf_counter() - start
    settled = page.evaluate("window.govkg.settledMs") / 1000
    page.close()
    return settled, wall


def measure(browser, name: str, G: nx.MultiDiGraph, folder: Path, runs: int) -> None:
    path = folder / f"{name}.html"
    start = time.perf_counter()
    write_html(G, path, name)
    written = time.perf_counter() - start
    times = [settle(browser, path) for _ in range(runs)]
    best = min(times)
    print(f"{name:>16} {G.number_of_nodes():>7} {G.number_of_edges():>7} {path.stat().st_size / 1e6:>8.2f} "
          f"{written:>8.2f} {best[0]:>9.2f} {best[1]:>8.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a built graph (default: build the sample corpus)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--synthetic", default="", help="comma-separated node counts of made-up graphs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(args.graph) if args.graph else Path(tmp)
        if not args.graph:
            build([], folder)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"{'page':>16} {'nodes':>7} {'edges':>7} {'MB':>8} {'write s':>8} {'settled s':>9} {'wall s':>8}")
        measure(browser, "sample" if not args.graph else "graph", to_networkx(open_graph(folder)), Path(tmp), args.runs)
        for n in (int(x) for x in args.synthetic.split(",") if x.strip()):
            measure(browser, f"synthetic-{n}", synthetic(n), Path(tmp), args.runs)
        browser.close()


if __name__ == "__main__":
    main()
