#!/usr/bin/env python3
"""Benchmark: build and query the sample corpus and synthetic corpora 10×, 100×, 1,000× its size.

    python scripts/bench.py                       # scales 1, 10, 100
    python scripts/bench.py --scales 1,10,100,1000 --readme   # and keep the table in README.md
    python scripts/bench.py --profile             # where the time of one build goes, by stage

A synthetic corpus of scale N holds N replicas of every sample gazette.  Replica 0 is the
sample itself; in replica i every jurisdiction is replaced by another real one of the same
tier (a city or league by another, a banner, county or district by one under the new
city), years move back by i mod 10, and every 文号 gets the replica's number — so names,
documents and IRIs really differ, as they would in a province's ten years of gazettes.

Builds run as `python -m graph build` in a fresh process (imports included, as a user pays
them); wall time, CPU time and peak memory (PSS, summed over the build and its workers)
are sampled from /proc (Linux).  Query latency is the median of several runs in process,
and the wall time of `python -m graph query` end to end.  Generated corpora and outputs
are deleted afterwards unless --keep.

Beside each figure, its floor measured in the same run: the import floor (a process that
only imports the libraries a build with its page uses, and one that imports what every
command needs; the sample's build and the first of these are also run by turns, --pairs
times, unsampled, for their ratio), reading and decoding the corpus, Oxigraph's bulk load of
the same N-Quads into a new on-disk store, and each query's row count; and the build
without its page.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.build import EXTRACT, Step, auto_jobs, sample_corpus  # noqa: E402
from graph.lexicon import jurisdiction_pattern, jurisdictions  # noqa: E402
from graph.cli import DEFAULT_TIMEOUT                       # noqa: E402

PROVINCE = "内蒙古自治区"
YEAR = re.compile(r"(?<![0-9])(20[0-3][0-9])(?=年|[〕\]］）)])")
NUMBER = re.compile(r"([〕\]］）)])([0-9]+)(?=号)")
DAY = re.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日")
"""A date's month and day: each replica's are its own (the year, the month and the day
shifted by replica number: a file with no 文号 and few place names is not a copy of
another replica's, which the build would skip as a duplicate)."""
PARAMS = {"unit_bodies": {"unit": "鄂尔多斯市应急管理局"}, "unit_documents": {"unit": "鄂尔多斯市人民政府"},
          "unit_duties": {"unit": "鄂尔多斯市应急管理局"}, "unit_lead_tasks": {"unit": "鄂尔多斯市住房和城乡建设局"}}
# A question about one unit that the sample corpus can answer today (unit_bodies needs the
# membership facts): the documents one agency issued, its label bound as a value.
EXTRA = {"unit_documents": """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?unit ?document WHERE {
  GRAPH ?g { ?u skos:prefLabel ?unit . ?d dcterms:creator ?u ; skos:prefLabel ?document . }
} ORDER BY ?document"""}
MB = 1e6
ROWS: dict = {}                 # (query, store) -> rows of its last run


# ---------------------------------------------------------------------------------------
# Synthetic corpora

def _tiers():
    areas = jurisdictions()
    cities = sorted(n for n, j in areas.items() if j.parent == PROVINCE)
    children = {c: sorted(n for n, j in areas.items() if j.parent == c) for c in cities}
    return areas, cities, children


def replica_names(i: int) -> dict[str, str]:
    """Every jurisdiction (full and short name) -> its stand-in in replica ``i``."""
    areas, cities, children = _tiers()
    city_of = {c: cities[(k + i) % len(cities)] for k, c in enumerate(cities)}
    mapping = {}
    for name, j in areas.items():
        if name == PROVINCE:
            continue
        if name in city_of:
            target = city_of[name]
        else:
            siblings, kids = children.get(j.parent, [name]), children.get(city_of.get(j.parent), [])
            if not kids:
                continue
            target = kids[(siblings.index(name) + i // len(cities)) % len(kids)]
        mapping[name] = target
        mapping[j.short] = areas[target].short
    return mapping


def replicate(text: str, i: int) -> str:
    """Replica ``i`` of a gazette's text (replica 0 is the text itself): place names, years,
    dates and 文号 its own, so that no two replicas of a file are alike up to 3,360."""
    if i == 0:
        return text
    names = replica_names(i)
    text = jurisdiction_pattern().sub(lambda m: names.get(m.group(0), m.group(0)), text)
    text = YEAR.sub(lambda m: str(int(m.group(1)) - i % 10), text)
    text = DAY.sub(lambda m: f"{(int(m.group(1)) - 1 + i // 280) % 12 + 1}月{(int(m.group(2)) - 1 + i // 10) % 28 + 1}日",
                   text)
    return NUMBER.sub(lambda m: f"{m.group(1)}{m.group(2)}{i:03d}", text)


def make_corpus(scale: int, folder: Path) -> int:
    """Write ``scale`` replicas of the sample corpus into ``folder``; its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [(p.read_text(encoding="utf-8"), name) for p, name in sample_corpus()]
    size = 0
    for i in range(scale):
        for text, name in seeds:
            data = replicate(text, i).encode("utf-8")
            (folder / f"{i:04d}_{name}").write_bytes(data)
            size += len(data)
    return size


# ---------------------------------------------------------------------------------------
# Measuring a process tree

def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        kids = []
        for t in tasks:
            kids += [int(k) for k in (t / "children").read_text().split()]
        return kids
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def _cpu_and_pss(pid: int) -> tuple[float, float] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                   if line.startswith("Pss:")) * 1024
        return cpu, pss
    except (OSError, StopIteration, IndexError, ValueError):
        return None


def measure(argv: list[str]) -> dict:
    """Run ``argv``; its wall time, CPU time (all processes) and peak memory (summed PSS).

    CPU time is the larger of the sampled figure (which sees workers that are not the
    command's children) and the kernel's account of the children reaped (which sees a
    process too short to be sampled)."""
    reaped = _reaped_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cpu, peak = {}, 0.0
    while proc.poll() is None:
        total = 0.0
        for pid in _tree(proc.pid):
            got = _cpu_and_pss(pid)
            if got:
                cpu[pid] = got[0]
                total += got[1]
        peak = max(peak, total)
        time.sleep(0.1)             # reading smaps_rollup is not free: sample 10 times a second
    wall = time.perf_counter() - start
    reaped = _reaped_cpu() - reaped
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed: {err[-2000:]}")
    return {"wall": wall, "cpu": max(sum(cpu.values()), reaped), "peak_mb": peak / MB}


def _reaped_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------------------------------
# Floors: what no build can go below, measured beside it

IMPORT_FLOORS = {"libraries": "import pyoxigraph, rdflib, networkx, pyvis", "lean": "import click, pyoxigraph"}


def import_floors() -> dict:
    """A fresh process that only imports: the libraries of a build with its page (as the issue
    measured it), and what every govkg command needs; the minimum of three runs each."""
    return {name: min((measure([sys.executable, "-c", code]) for _ in range(3)), key=lambda m: m["cpu"])
            for name, code in IMPORT_FLOORS.items()}


def paired_sample(pairs: int, work: Path) -> dict:
    """The bundled sample's build with its page (as the README's command runs it, into a new
    folder each time) and the import floor, run by turns ``pairs`` times: the medians of each,
    and of the ratio within each pair (a shared machine's load changes less within a pair)."""
    out = work / "paired-sample"
    build = [sys.executable, "-m", "graph", "build", "--out", str(out), "-q"]
    floor = [sys.executable, "-c", IMPORT_FLOORS["libraries"]]
    runs: dict = {"build": [], "floor": []}
    for _ in range(pairs):
        shutil.rmtree(out, ignore_errors=True)
        runs["build"].append(_timed(build))
        runs["floor"].append(_timed(floor))
    shutil.rmtree(out, ignore_errors=True)
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu")} for k, v in runs.items()}
    med["ratio"] = statistics.median(b["wall"] / f["wall"] for b, f in zip(runs["build"], runs["floor"]))
    med["pairs"] = pairs
    return med


def _timed(argv: list[str]) -> dict:
    """One run of ``argv``, unsampled: its wall time, and the CPU time of it and its children."""
    reaped, start = _reaped_cpu(), time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    return {"wall": time.perf_counter() - start, "cpu": _reaped_cpu() - reaped}


def read_floor(corpus: Path) -> dict:
    """Reading every file of the corpus and decoding it (UTF-8), in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    for p in sorted(corpus.iterdir()):
        p.read_bytes().decode("utf-8")
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def load_floor(out: Path, work: Path) -> dict:
    """Oxigraph's bulk load of the build's own quads (dumped as N-Quads) into a new on-disk
    store, compaction included when the build compacts, in this process (all its threads);
    for a build too small to fill a store, what one would have cost it."""
    import pyoxigraph as ox
    from graph.output import OPTIMIZE_FROM
    from graph.store import open_graph
    dump, store_dir = work / "floor.nq", work / "floor-store"
    open_graph(out).dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
    shutil.rmtree(store_dir, ignore_errors=True)
    wall, cpu = time.perf_counter(), time.process_time()
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS, lenient=True)
    if dump.stat().st_size >= OPTIMIZE_FROM:
        store.optimize()
    store.flush()
    del store
    floor = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "nq_mb": dump.stat().st_size / MB}
    dump.unlink()
    shutil.rmtree(store_dir, ignore_errors=True)
    return floor


# ---------------------------------------------------------------------------------------
# Queries

def query_ms(graph, name: str, runs: int) -> float:
    from graph.query import query_text, run_query
    text = EXTRA.get(name) or query_text(name)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        rows = len(run_query(graph, text, PARAMS.get(name, {})).rows)
        times.append(time.perf_counter() - t)
    ROWS[name, id(graph)] = rows
    return statistics.median(times) * 1000


def cli_ms(out: Path, name: str, backend: str) -> float | str:
    """One run of ``govkg query`` with its defaults; a query past its ``--timeout`` is
    reported as such (exit status 3), not as a failure of the benchmark."""
    params = [a for k, v in PARAMS.get(name, {}).items() for a in ("--param", f"{k}={v}")]
    command = ["sparql", EXTRA[name]] if name in EXTRA else ["query", name]
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graph", *command, "--graph", str(out), "--format", "csv",
                           "--backend", backend, *params], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode == 3:
        return f"> {DEFAULT_TIMEOUT:.0f} s"
    if done.returncode != 0:
        raise RuntimeError(f"govkg query {name} failed: {done.stderr.decode('utf-8', 'replace')[-2000:]}")
    return (time.perf_counter() - t) * 1000


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file() and not p.is_symlink())


# ---------------------------------------------------------------------------------------

def run_scale(scale: int, work: Path, args) -> dict:
    from graph.manifest import ROWS_FILE
    from graph.query import named_queries, query_text
    from graph.rows import open_rows
    from graph.store import open_graph
    corpus, out = work / f"corpus-{scale}", work / f"out-{scale}"
    size = make_corpus(scale, corpus)
    jobs = args.jobs or auto_jobs([Step(p.name, p, None, p.stat().st_size, EXTRACT) for p in corpus.iterdir()])
    print(f"[{scale}×] {size / MB:.1f} MB of text, building with --jobs {jobs} …", file=sys.stderr)
    build = [sys.executable, "-m", "graph", "build", str(corpus), "-q", *(["-j", str(jobs)] if args.jobs else [])]
    row = {"scale": scale, "mb": size / MB, "jobs": jobs, "read": read_floor(corpus),
           **measure(build + ["--out", str(out)])}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    row["triples"] = report["totals"]["triples"]
    row["trig_mb"] = (out / "graph.trig").stat().st_size / MB
    row["rebuild"] = measure([sys.executable, "-m", "graph", "build", str(corpus), "--out", str(out), "-q"])["wall"]
    t = time.perf_counter()
    first = open_graph(out)                     # makes the store of a graph over READ_UP_TO
    row["first_open"] = time.perf_counter() - t
    del first
    store_dir = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["store"]
    row["store_mb"] = du(out / store_dir) / MB if store_dir else None      # None: a graph read from its TriG
    row["load"] = load_floor(out, work)
    if (out / "graph.html").exists():       # the page's share: the same build without it
        row["no_page"] = measure(build + ["--out", str(work / f"out-{scale}-no-page"), "--no-html"])
        shutil.rmtree(work / f"out-{scale}-no-page")
    t = time.perf_counter()
    store = open_graph(out)
    row["open_ms"] = (time.perf_counter() - t) * 1000
    names, runs = [*named_queries(), *EXTRA], args.runs if scale < 100 else 3 if scale < 1000 else 1
    row["queries"] = {name: {"oxigraph": query_ms(store, name, runs), "rows": ROWS[name, id(store)],
                             "cli": cli_ms(out, name, "oxigraph")} for name in names}
    row["rows_mb"] = (out / ROWS_FILE).stat().st_size / MB
    t = time.perf_counter()
    table = open_rows(out)
    row["open_rows_ms"] = (time.perf_counter() - t) * 1000
    for name in names:                  # from the rows table, where the build tabled the query
        if table.answer(EXTRA.get(name) or query_text(name), PARAMS.get(name, {}), None) is not None:
            row["queries"][name]["table"] = query_ms(table, name, max(runs, 5))
            if ROWS[name, id(table)] != ROWS[name, id(store)]:
                raise RuntimeError(f"{name}: {ROWS[name, id(table)]} rows from the table, "
                                   f"{ROWS[name, id(store)]} from the store")
    del store, table
    if scale <= args.rdflib_up_to:
        t = time.perf_counter()
        ds = open_graph(out, "rdflib")
        row["rdflib_open_ms"] = (time.perf_counter() - t) * 1000
        for name in names:
            row["queries"][name]["rdflib"] = query_ms(ds, name, max(1, runs // 3))
            row["queries"][name]["cli-rdflib"] = cli_ms(out, name, "rdflib") if scale == 1 else None
        del ds
    if not args.keep:
        shutil.rmtree(corpus)
        shutil.rmtree(out)
    return row


def tables(rows: list[dict], machine: str, floors: dict | None = None, paired: dict | None = None) -> str:
    lines = [f"Measured on {machine}.", ""]
    if paired:
        lines += [f"The sample's build with its page (`govkg build --out DIR`, a new DIR each time) and "
                  f"the import floor (`{IMPORT_FLOORS['libraries']}`), by turns, {paired['pairs']} pairs: "
                  f"build {paired['build']['wall']:.2f} s wall, {paired['build']['cpu']:.2f} CPU s; floor "
                  f"{paired['floor']['wall']:.2f} s wall; the build {paired['ratio']:.2f}× the floor by "
                  f"the median of the pairs' ratios, {paired['build']['wall'] / paired['floor']['wall']:.2f}× "
                  "by the ratio of the medians.", ""]
    if not rows:
        return "\n".join(lines)
    if floors:
        lines += ["Import floor (a process that only imports; wall / CPU s): " + "; ".join(
            f"`{IMPORT_FLOORS[k]}` {f['wall']:.2f} / {f['cpu']:.2f}" for k, f in floors.items()) + ".", ""]
    lines += ["| corpus | text MB | jobs | triples | build wall s | CPU s | peak MB | s per MB "
              "| without page: wall / CPU s | floor: read+decode s | floor: bulk load of the N-Quads, wall / CPU s "
              "| TriG MB | store MB (made by the first query, s) | unchanged rebuild s |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        no_page = f"{r['no_page']['wall']:.2f} / {r['no_page']['cpu']:.1f}" if r.get("no_page") else "(no page)"
        store = "none" if r["store_mb"] is None else f"{r['store_mb']:.1f} ({r['first_open']:.1f} s)"
        lines.append(f"| {r['scale']}× | {r['mb']:.1f} | {r['jobs']} | {r['triples']:,} | {r['wall']:.2f} | "
                     f"{r['cpu']:.1f} | {r['peak_mb']:.0f} | {r['wall'] / r['mb']:.2f} | {no_page} | "
                     f"{r['read']['wall']:.3f} | {r['load']['wall']:.2f} / {r['load']['cpu']:.1f} "
                     f"({r['load']['nq_mb']:.0f} MB) | {r['trig_mb']:.1f} | {store} | {r['rebuild']:.2f} |")
    scales = [f"{r['scale']}×" for r in rows]
    lines += ["", "Query latency, ms (in process: median; `govkg query` end to end: one run, CSV; both stop "
              "at the default row limit of 100,000, as `network` does from 100×). "
              "Opening the store once made (a graph without one: reading its TriG into memory): "
              + ", ".join(f"{r['open_ms']:.0f} ms at {r['scale']}×" for r in rows) + "; "
              "opening the rows table (`rows.sqlite`): " + ", ".join(
                  f"{r['open_rows_ms']:.0f} ms ({r['rows_mb']:.1f} MB) at {r['scale']}×" for r in rows) + ".", "",
              "| query | store | " + " | ".join(scales) + " |", "|---|---|" + "---:|" * len(rows)]
    for name in rows[0]["queries"]:
        for store, label in (("rows", "(rows)"), ("table", "rows table, in process"),
                             ("oxigraph", "Oxigraph, in process"), ("cli", "`govkg query` (rows table where it holds the query)"),
                             ("rdflib", "rdflib, in process"), ("cli-rdflib", "`govkg query --backend rdflib`")):
            cells = [r["queries"][name].get(store) for r in rows]
            if any(c is not None for c in cells):
                lines.append(f"| {name} | {label} | " + " | ".join(
                    "–" if c is None else c if isinstance(c, str) else f"{c:,}" if isinstance(c, int)
                    else f"{c:.2f}" if c < 1 else f"{c:.1f}" for c in cells) + " |")
    return "\n".join(lines) + "\n"


def write_readme(table: str, markers: tuple[str, str] = ("<!-- bench:start -->\n", "<!-- bench:end -->")) -> None:
    """Put ``table`` between the README's two markers."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = markers
    a, b = text.index(start) + len(start), text.index(end)
    readme.write_text(text[:a] + table + text[b:], encoding="utf-8")


def profile() -> None:
    """Seconds per stage over the sample corpus, in this process (imports excluded)."""
    from graph.clean import clean
    from graph.extract import extract
    from graph.ingest import read_source
    from graph.output import graph_chunk
    from graph.rdf import to_nquads
    from graph.resolve import resolve
    from graph.rows import file_rows
    from graph.segment import split_documents
    from graph.nquads import graph_lines
    stages = dict.fromkeys(("ingest", "clean", "segment", "extract", "resolve", "model", "serialize", "rows"), 0.0)

    def timed(stage, f, *a):
        t = time.perf_counter()
        out = f(*a)
        stages[stage] += time.perf_counter() - t
        return out
    for _ in range(3):
        for path, name in sample_corpus():
            source = timed("ingest", read_source, path, name)
            text = timed("clean", clean, source)
            docs = timed("segment", split_documents, text)
            facts = timed("resolve", resolve, timed("extract", extract, text, docs), docs)
            lines = timed("model", to_nquads, source, docs, facts)
            graph = timed("serialize", graph_lines, lines)
            timed("serialize", graph_chunk, graph)
            timed("rows", file_rows, graph)         # the named queries' rows of the file (rows.sqlite)
    total = sum(stages.values())
    print("| stage | s per sample corpus | share |\n|---|---:|---:|")
    for stage, s in stages.items():
        print(f"| {stage} | {s / 3:.3f} | {s / total:.0%} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the sample corpus")
    ap.add_argument("--jobs", type=int, default=None, help="workers (default: the build's own choice)")
    ap.add_argument("--runs", type=int, default=9, help="runs of each query in process")
    ap.add_argument("--rdflib-up-to", type=int, default=10, help="largest scale to load into rdflib")
    ap.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs")
    ap.add_argument("--keep", action="store_true", help="keep generated corpora and outputs")
    ap.add_argument("--readme", action="store_true", help="write the tables into README.md")
    ap.add_argument("--profile", action="store_true", help="only time the stages on the sample corpus")
    ap.add_argument("--pairs", type=int, default=20,
                    help="runs of the sample's build paired with the import floor (0: none)")
    args = ap.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)     # time what a user runs: compiled modules
    if args.profile:
        return profile()
    scales = [int(s) for s in args.scales.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="govkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    need = max(scales) * 20 * MB            # text, TriG, store and its copy while building
    free = shutil.disk_usage(work).free
    if free < need:
        sys.exit(f"{work}: {free / 1e9:.1f} GB free, the {max(scales)}× run needs about {need / 1e9:.1f} GB")
    started_load = os.getloadavg()[0]
    floors = import_floors()
    paired = paired_sample(args.pairs, work) if args.pairs else None
    if paired:
        print(tables([], "(the sample, paired)", paired=paired), file=sys.stderr)
    rows = []
    for scale in scales:
        rows.append(run_scale(scale, work, args))
        print(tables(rows[-1:], "(this scale)"), file=sys.stderr)   # figures survive a later failure
    if not args.keep and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0]
    machine = (f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}; "
               f"load average {started_load:.1f} at the start, {load:.1f} at the end")
    table = tables(rows, machine, floors, paired)
    print(table)
    if args.readme:
        write_readme(table)


if __name__ == "__main__":
    main()
