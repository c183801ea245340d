#!/usr/bin/env python3
"""Benchmark: push the sample corpus (and its 10× replica) to a real Virtuoso and to Oxigraph's
server, and time every named query on each, beside the local store's time.

    python scripts/bench_virtuoso.py                   # scales 1 and 10
    python scripts/bench_virtuoso.py --readme          # and keep the table in README.md

Needs Debian's virtuoso-opensource (``virtuoso-t``): a throw-away Virtuoso is started on
loopback ports with its own database in a temporary folder, as the tests do, and stopped
after; so is an ``oxigraph serve``.  Corpora are made as in scripts/bench.py.  A push is
timed twice: into the empty server (load) and again (every graph replaced).  A query's
time is the median of several runs through ``graph.query.run_query`` (HTTP and JSON
included for the servers); every server's rows are checked against the local store's.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench import PARAMS, make_corpus, write_readme                 # noqa: E402
from graph.query import named_queries, query_text, run_query       # noqa: E402
from graph.remote import Endpoint, oxigraph_binary, push            # noqa: E402
from graph.store import open_graph                                  # noqa: E402
from servers import free_port, running, virtuoso                    # noqa: E402

MARKERS = ("<!-- bench-virtuoso:start -->\n", "<!-- bench-virtuoso:end -->")


def timed(f, *args, **kwargs) -> float:
    t = time.perf_counter()
    f(*args, **kwargs)
    return time.perf_counter() - t


def query_ms(graph, name: str, runs: int) -> tuple[float, frozenset]:
    """The median time of ``runs`` runs of a named query, and its rows."""
    text, params = query_text(name), PARAMS.get(name, {})
    times, rows = [], None
    for _ in range(runs):
        t = time.perf_counter()
        rows = run_query(graph, text, params, limit=None).rows
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, frozenset(rows)


def run_scale(scale: int, work: Path, runs: int) -> dict:
    corpus, out = work / f"corpus-{scale}", work / f"out-{scale}"
    make_corpus(scale, corpus)
    print(f"[{scale}×] building …", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "graph", "build", str(corpus), "--out", str(out), "-q", "-j", "2",
                    "--no-html"], check=True, cwd=ROOT)
    row = {"scale": scale, "push": {}, "queries": {}, "differ": []}
    port = free_port()
    ox_server = [oxigraph_binary(), "serve", "--location", str(work / f"oxigraph-{scale}"),
                 "--bind", f"127.0.0.1:{port}"]
    with virtuoso(work / f"virtuoso-{scale}") as v, running(ox_server, port):
        gsp = {"Virtuoso": dict(endpoint=v.graph_store, user="dba", password=v.password, graph_param="graph-uri"),
               "Oxigraph server": dict(endpoint=f"http://127.0.0.1:{port}/store")}
        for server, kw in gsp.items():
            load = timed(push, out, **kw)
            row["push"][server] = (load, timed(push, out, **kw), len(push(out, **kw).sent))
            print(f"[{scale}×] push to {server}: {load:.2f} s", file=sys.stderr)
        stores = {"Oxigraph, in process": open_graph(out), "Oxigraph server": Endpoint(f"http://127.0.0.1:{port}/query"),
                  "Virtuoso": Endpoint(v.sparql)}
        for name in named_queries():
            cells = {label: query_ms(graph, name, runs) for label, graph in stores.items()}
            local = cells["Oxigraph, in process"][1]
            row["differ"] += [(name, label) for label, (_, rows) in cells.items() if rows != local]
            row["queries"][name] = {label: ms for label, (ms, _) in cells.items()} | {"rows": len(local)}
            print(f"[{scale}×] {name}: " + ", ".join(f"{k} {c:.0f}" for k, c in row["queries"][name].items()),
                  file=sys.stderr)
    shutil.rmtree(corpus)
    return row


def table(rows: list[dict], machine: str) -> str:
    labels = ("Oxigraph, in process", "Oxigraph server", "Virtuoso")
    lines = [f"Measured on {machine}; `python scripts/bench_virtuoso.py`.", "",
             "| | " + " | ".join(f"{r['scale']}× {label}" for r in rows for label in labels[1:]) + " |",
             "|---|" + "---:|" * (len(rows) * 2)]
    lines.append("| push, empty server → loaded, s | " + " | ".join(
        f"{r['push'][label][0]:.2f}" for r in rows for label in labels[1:]) + " |")
    lines.append("| push again (every graph replaced), s | " + " | ".join(
        f"{r['push'][label][1]:.2f}" for r in rows for label in labels[1:]) + " |")
    lines += ["", "Named queries, ms (median; the servers' through HTTP, rows as CSV — JSON for a bound unit name; "
              "rows identical on all three"
              + ("" if not any(r["differ"] for r in rows) else
                 " except " + ", ".join(f"{n} on {s} at {r['scale']}×" for r in rows for n, s in r["differ"])) + "):", "",
              "| query | " + " | ".join(f"{r['scale']}× {h}" for r in rows for h in ("rows", *labels)) + " |",
              "|---|" + "---:|" * (len(rows) * 4)]
    for name in rows[0]["queries"]:
        lines.append(f"| {name} | " + " | ".join(
            f"{r['queries'][name]['rows']:,} | " + " | ".join(f"{r['queries'][name][label]:.0f}" for label in labels)
            for r in rows) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10", help="comma-separated multiples of the sample corpus")
    ap.add_argument("--runs", type=int, default=5, help="runs of each query on each store")
    ap.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    if shutil.which("virtuoso-t") is None:
        sys.exit("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    started_load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="govkg-bench-virtuoso-") as work:
        rows = [run_scale(int(s), Path(work), args.runs) for s in args.scales.split(",")]
    machine = (f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, Virtuoso 7.2 (Debian), "
               f"{time.strftime('%Y-%m-%d')}; load average {started_load:.1f} at the start, "
               f"{os.getloadavg()[0]:.1f} at the end")
    text = table(rows, machine)
    print(text)
    if args.readme:
        write_readme(text, MARKERS)


if __name__ == "__main__":
    main()
