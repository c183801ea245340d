"""``govkg build``: plan, extract in worker processes, stream each graph into the outputs.

1. **Plan.** Every input file is hashed.  A file whose name and bytes match an entry of
   the last build's manifest is reused (its chunk of ``graph.trig`` is copied, its graph
   is already in the store); a file whose bytes were seen under an earlier name is a
   duplicate; the rest are extracted.  Files of the last build that are not among the
   inputs are kept, or removed with ``prune``.
2. **Extract.** ``run_one`` is a pure function of one file (``graph.pipeline.process``),
   run in worker processes with ``jobs`` > 1.  A worker hands back the file's report and
   its named graph as a TriG chunk (bytes, never rdflib objects) and, when the build fills
   a store, as N-Quads, with the named queries' rows on it and the rows of the page's
   projection.
3. **Stream.** Results are taken in file order (a bounded window of work in flight), each
   chunk appended to ``graph.trig`` and loaded into the store, so memory holds a few
   files' graphs, never the corpus; the output is the same for any ``jobs``.
4. **Commit.** See ``graph.output``: nothing of the previous output changes until the
   new files are complete, and the manifest, renamed last, makes them current.

A file that cannot be read or processed is reported with its name and the reason, and
the build goes on with the others.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .discover import Problem, find_inputs, not_regular, printable
from .ingest import DOCUMENT_SUFFIXES, SUFFIXES, SourceError, read_source
from .layout_worker import LayoutWorker
from .manifest import (PAGE_FILE, PAGE_STAMP, REPORT_FILE, Entry, Manifest, graph_digest, read_manifest,
                       trusted)
from .nquads import GraphLines, graph_lines
from .output import BuildError, Output, file_digest, graph_chunk
from .report import FileReport

EXTRACT, REUSE, DUPLICATE, FAILED = "extract", "reuse", "duplicate", "failed"
WINDOW = 8                      # files in flight per worker


class NoInputs(BuildError):
    """The paths given hold no file to read."""


@dataclass(frozen=True)
class BuildReport:
    out: Path
    files: tuple[FileReport, ...]
    removed: tuple[str, ...] = ()       # files of the last build no longer in it

    @property
    def failed(self) -> tuple[FileReport, ...]:
        return tuple(f for f in self.files if f.error)

    @property
    def unchanged(self) -> int:
        return sum(f.skipped == "unchanged" for f in self.files)

    def totals(self) -> dict:
        facts: dict[str, int] = {}
        for f in self.files:
            for k, n in f.facts.items():
                facts[k] = facts.get(k, 0) + n
        return {"files": len(self.files), "failed": len(self.failed),
                "documents": sum(f.documents for f in self.files),
                "triples": sum(f.triples for f in self.files), "facts": facts,
                "chars_outside_documents": sum(f.chars_outside_documents for f in self.files),
                "chars_unclaimed_in_documents": sum(f.chars_unclaimed_in_documents for f in self.files)}

    def as_dict(self) -> dict:
        return {"totals": self.totals(), "files": [f.as_dict() for f in self.files],
                "errors": [{"file": f.name, "reason": f.error} for f in self.failed]}


@dataclass(frozen=True)
class Step:
    """What the build does with one file."""

    name: str
    path: Path
    sha256: str | None
    size: int
    action: str                             # EXTRACT, REUSE, DUPLICATE or FAILED
    entry: Entry | None = None              # the last build's entry, to reuse
    report: FileReport | None = None        # for REUSE, DUPLICATE and FAILED


@dataclass(frozen=True)
class Extracted:
    """What a worker hands back for one file: its report, graph IRI, TriG chunk, the
    named queries' rows on it (``graph.rows``) and, when the build asked, the same graph
    as N-Quads (for a store it fills) and the rows of the page's projection (``network.rq``)."""

    report: FileReport
    graph: str | None = None
    chunk: bytes = b""
    nquads: bytes = b""
    rows: dict | None = None
    page: set | None = None


@dataclass(frozen=True)
class Progress:
    files_done: int
    files: int
    bytes_done: int
    bytes: int
    report: FileReport


def sample_corpus() -> list[tuple[Path, str]]:
    """The bundled sample gazettes (shipped inside the package)."""
    folder = resources.files(f"{__package__}.samples")
    return [(Path(str(p)), p.name) for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".txt")]


def run_one(path: Path, name: str, page: bool = False, nquads: bool = True) -> Extracted:
    """Read and process one file; a failure becomes a report naming the reason.  ``page``:
    read the rows of the page's projection too; ``nquads``: hand back the graph as N-Quads
    too (a build with no store to fill has no use for them)."""
    from .pipeline import process           # the stages: not for a build that extracts nothing
    from .rdf import source_iri
    from .rows import file_rows
    try:
        source = read_source(path, name)
    except SourceError as e:
        return Extracted(FileReport(name=name, error=e.reason))
    try:
        result = process(source)
        graph = graph_lines(result.nquads)
        chunk, lines, triples = graph_chunk(graph)
    except RecursionError:
        return Extracted(FileReport(name=name, sha256=source.digest,
                                    error="input too deeply nested to process"))
    except Exception as e:                                  # noqa: BLE001 — reported, not hidden
        return Extracted(FileReport(name=name, sha256=source.digest,
                                    error=f"internal error while processing: {type(e).__name__}: {e}"))
    return Extracted(replace(result.report, triples=triples), source_iri(source), chunk,
                     lines if nquads else b"", file_rows(graph), _page_rows(graph) if page else None)


def _page_rows(graph: GraphLines) -> set | None:
    """The rows of the page's projection on one file's graph (``nquads.GraphLines``); None
    when they cannot be read (the page then reads the store)."""
    from .network import graph_rows
    try:
        return graph_rows(graph)
    except Exception:                                       # noqa: BLE001 — the store answers instead
        return None


def build(paths: Iterable[str | Path], out: str | Path, *, jobs: int | None = None, prune: bool = False,
          progress: Callable[[Progress], None] | None = None, html: bool = True,
          follow_links: bool = False, store: bool | None = None) -> BuildReport:
    """Build the graph of ``paths`` (the sample corpus when empty) into folder ``out``.

    On an earlier build's folder, only new and changed files are extracted; ``prune``
    drops the files of the earlier build that are not among ``paths``; ``html`` writes
    the page of the whole graph too (``graph.html``); ``follow_links`` reads files that
    links in a folder point to outside it; ``jobs`` worker processes extract (``None``: as
    many as there are cores and files, see ``auto_jobs``); ``store`` fills an Oxigraph store
    on disk too (``None``: when the earlier build had one; else the first query that needs
    one makes it, see ``graph.store.open_graph``).  Raises ``NoInputs``
    when ``paths`` hold no input.
    """
    problems: list[Problem] = []
    files = list(find_inputs(paths, problems, follow_links)) if paths else sample_corpus()
    if not files and not problems:
        raise NoInputs(f"no file govkg reads under {', '.join(map(str, paths))} "
                       f"(it reads {', '.join(sorted({**SUFFIXES, **DOCUMENT_SUFFIXES}))})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with Output(out, store) as output:
        previous = read_manifest(out)
        previous = previous if trusted(previous, out) else None
        steps = sorted(plan(files, previous, _old_reports(out, previous), prune) + _passed_over(problems),
                       key=lambda s: (s.name, s.sha256 or ""))
        jobs = auto_jobs(steps) if jobs is None else jobs
        page = _PageGraphs(html, steps)
        with _workers(steps, jobs, page.wanted) as (pool, layouts):
            output.start(previous, stale_graphs(previous, steps))   # the store's threads: after the fork
            entries, reports = [], []
            total, done = sum(s.size for s in steps), 0

            def ready(extracted: Extracted) -> None:         # as soon as a worker is done
                output.load(extracted.nquads)
                page.add(extracted)
            for step, extracted in _outcomes(steps, pool, jobs, ready, lambda: (page.wanted, output.fills_store)):
                entry, report = _write(output, step, extracted)
                entries.append(entry)
                reports.append(report)
                done += step.size
                if progress:
                    progress(Progress(len(reports), len(steps), done, total, report))
            result = BuildReport(out, tuple(reports), _removed(previous, steps))
            stamp = graph_digest(entries)
            if not _stamped(out / PAGE_FILE, stamp):
                (out / PAGE_FILE).unlink(missing_ok=True)   # never an older graph's page beside this one
            drawing = _Page(out, stamp, result.totals()["triples"] if html else None,
                            corpus_name(entries), page, layouts)
        try:
            output.commit(result.as_dict(), entries)
        except BaseException:
            drawing.discard()
            raise
    drawing.place()
    return result


def corpus_name(entries: Iterable[Entry]) -> str:
    """What the page of a build is titled after: the folder its files (``Manifest.entries``)
    share (``samples`` for the bundled sample), the same wherever the output goes."""
    parents = sorted({str(Path(e.path).parent) for e in entries})
    if not parents:
        return "govkg"
    try:
        return Path(os.path.commonpath(parents)).name or parents[0]
    except ValueError:                      # paths on different drives
        return Path(parents[0]).name


HTML_MAX_TRIPLES = 1_000_000
"""Above this the whole graph is too large for one page (and slow to lay out): the build
writes none, and `govkg viz --focus/--document/--kinds` draws the part one needs."""


class _PageGraphs:
    """The rows of the page's projection (``network.rq``), read by the workers from the
    graphs they make (``run_one`` with ``page``) and gathered as they come, so that the page
    needs no query of the store: none when the build reuses an earlier build's graphs, when
    a worker could not read them, or when they pass what one page shows."""

    def __init__(self, html: bool, steps: list[Step]):
        self.wanted = html and not any(s.action == REUSE and s.entry.graph for s in steps)
        self.triples = 0
        self.read: set = set()

    def add(self, extracted: Extracted) -> None:
        """A new graph, in whatever order the workers finish (the rows are a set)."""
        if self.wanted and extracted.chunk:
            self.triples += extracted.report.triples
            if self.triples > HTML_MAX_TRIPLES or extracted.page is None:
                self.wanted, self.read = False, set()
                return
            self.read |= extracted.page

    def rows(self) -> set | None:
        """The rows of every graph added (None: the page reads the store)."""
        return self.read if self.wanted else None


class _Page:
    """The page of the graph ``stamp`` names, or none past ``HTML_MAX_TRIPLES`` (``triples``
    None: no page).  Drawn from the rows ``graphs`` read from the build's graphs, in a thread
    beside the commit (which waits on the store and the disk, and lets go of the GIL
    meanwhile), its layout computed by ``layouts`` when given (a ``LayoutWorker``), written
    aside and put in place once the commit is done; drawn from the store
    after the commit when the build reused earlier graphs.  A page already drawn from this
    very graph (an unchanged rebuild) is kept.  ``seconds``: how long the drawing took;
    ``waited``: what it added to the build after the commit."""

    def __init__(self, out: Path, stamp: str, triples: int | None, corpus: str, graphs: _PageGraphs,
                 layouts: LayoutWorker | None = None):
        self.out, self.stamp, self.corpus, self.graphs = out, stamp, corpus, graphs
        self.wanted = triples is not None and triples <= HTML_MAX_TRIPLES
        self.drawn = self.wanted and _stamped(out / PAGE_FILE, stamp)
        self.aside, self.error, self.seconds, self.waited = out / (PAGE_FILE + ".drawn.tmp"), None, 0.0, 0.0
        self.thread, self.layouts = None, layouts
        if self.wanted and not self.drawn and graphs.wanted:
            start = time.perf_counter()
            if layouts is not None:
                from .network import node_pairs
                layouts.ask(*node_pairs(graphs.read))
            self.thread = threading.Thread(target=self._draw, args=(True, None, start), name="govkg-page", daemon=True)
            self.thread.start()

    def _draw(self, from_memory: bool = False, path: Path | None = None, start: float | None = None) -> None:
        start = start or time.perf_counter()
        try:
            from .viz import write_graph_html     # only for the page
            rows = self.graphs.rows() if from_memory else None
            write_graph_html(self.out, stamp=self.stamp, corpus=self.corpus, rows=rows, path=path or self.aside,
                             positions=self.layouts.positions if self.layouts is not None else None)
        except BaseException as error:           # raised in the build's thread, after the commit
            self.error = error
        self.seconds = time.perf_counter() - start

    def place(self) -> None:
        """Once the commit is done: the page in place (or no page), or the drawing's error."""
        start = time.perf_counter()
        page = self.out / PAGE_FILE
        if not self.wanted:
            page.unlink(missing_ok=True)
        elif self.thread is not None:
            self.thread.join()
            if self.error is None:
                os.replace(self.aside, page)
        elif not self.drawn:
            self._draw(path=page)
        if self.layouts is not None:
            self.layouts.close()
        self.waited = time.perf_counter() - start
        if self.error is not None:
            self.aside.unlink(missing_ok=True)
            raise self.error

    def discard(self) -> None:
        """The commit failed: no page."""
        if self.thread is not None:
            self.thread.join()
        if self.layouts is not None:
            self.layouts.close()
        self.aside.unlink(missing_ok=True)


def _stamped(page: Path, stamp: str) -> bool:
    """The page carries ``stamp`` in its head (``viz.to_html`` puts it there)."""
    try:
        with open(page, "rb") as f:
            return PAGE_STAMP.format(stamp).encode() in f.read(4096)
    except OSError:
        return False


def _write(output: Output, step: Step, extracted: Extracted | None) -> tuple[Entry, FileReport]:
    """Put one file's graph into the outputs; its manifest entry and report."""
    entry = Entry(step.name, printable(str(step.path)), step.sha256)
    if step.action == REUSE and step.entry.graph is None:      # failed before: no chunk to copy
        return entry, step.report
    if step.action == REUSE:
        offset, length = output.copy(step.entry.offset, step.entry.length)
        return replace(entry, graph=step.entry.graph, offset=offset, length=length), step.report
    if step.action != EXTRACT:
        return entry, step.report
    if extracted.graph is None:
        return entry, extracted.report
    offset, length = output.add(extracted.chunk)
    output.rows.add(extracted.graph, extracted.rows)
    return replace(entry, graph=extracted.graph, offset=offset, length=length), extracted.report


# ---------------------------------------------------------------------------------------
# The plan

def plan(files, previous: Manifest | None, old_reports: dict, prune: bool) -> list[Step]:
    """One step per file, in the order of the output: by name, then content."""
    steps = [_hashed(path, name) for path, name in files]
    if previous is not None and not prune:
        given = {s.name for s in steps}
        steps += [_kept(e, old_reports.get((e.name, e.sha256))) for e in previous.entries
                  if e.name not in given]
    old = {(e.name, e.sha256): e for e in previous.entries} if previous else {}
    first: dict[str, str] = {}
    return [_decide(s, first, old, old_reports)
            for s in sorted(steps, key=lambda s: (s.name, s.sha256 or ""))]


def _decide(step: Step, first: dict, old: dict, old_reports: dict) -> Step:
    """Fail, duplicate, reuse or extract; ``first`` maps each digest to the file that has it."""
    if step.action == FAILED:
        return step
    if step.sha256 in first:
        return replace(step, action=DUPLICATE, report=FileReport(
            step.name, sha256=step.sha256, bytes=step.size, skipped=f"duplicate of {first[step.sha256]}"))
    first[step.sha256] = step.name
    entry, report = old.get((step.name, step.sha256)), old_reports.get((step.name, step.sha256))
    if entry is not None and report is not None and (entry.graph or report.error):
        return replace(step, action=REUSE, entry=entry, report=replace(report, skipped="unchanged"))
    return step


def _hashed(path: Path, name: str) -> Step:
    """A file to extract, with its digest and size; or a failure when it cannot be read."""
    refused = not_regular(path)                 # reading a FIFO would wait for ever
    if refused:
        return Step(name, path, None, 0, FAILED, report=FileReport(name, error=refused))
    try:
        return Step(name, path, file_digest(path), path.stat().st_size, EXTRACT)
    except OSError as e:
        reason = f"cannot read: {e.strerror or e}"
        return Step(name, path, None, 0, FAILED, report=FileReport(name, error=reason))


def _passed_over(problems: list[Problem]) -> list[Step]:
    """What discovery did not read, reported: an error, or skipped on purpose."""
    return [Step(p.name, Path(p.name), None, 0, FAILED,
                 report=FileReport(p.name, error=p.reason) if p.error else FileReport(p.name, skipped=p.reason))
            for p in problems]


def _kept(entry: Entry, report: FileReport | None) -> Step:
    """A file of the last build that is not among the inputs, kept as it was."""
    if entry.sha256 is None:
        return Step(entry.name, Path(entry.path), None, 0, FAILED,
                    report=report or FileReport(entry.name, error="could not be read"))
    return Step(entry.name, Path(entry.path), entry.sha256, report.bytes if report else 0, EXTRACT)


def stale_graphs(previous: Manifest | None, steps: list[Step]) -> set[str]:
    """Graphs in the last build's store that this build does not keep."""
    if previous is None:
        return set()
    kept = {s.entry.graph for s in steps if s.action == REUSE}
    return {e.graph for e in previous.entries if e.graph and e.graph not in kept}


def _removed(previous: Manifest | None, steps: list[Step]) -> tuple[str, ...]:
    names = {s.name for s in steps}
    return tuple(sorted({e.name for e in previous.entries} - names)) if previous else ()


def _old_reports(out: Path, previous: Manifest | None) -> dict:
    """The last build's file reports by (name, sha256), when they match its manifest."""
    if previous is None:
        return {}
    try:
        files = json.loads((out / REPORT_FILE).read_text(encoding="utf-8"))["files"]
        reports = [FileReport(**{**f, "unused_samples": tuple(f["unused_samples"]),
                                 "unused_composition": tuple(f.get("unused_composition", ())),
                                 "warnings": tuple(f["warnings"]), "skipped": None,
                                 "ocr_pages": tuple(f.get("ocr_pages", ()))}) for f in files]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if [r.name for r in reports] != [e.name for e in previous.entries]:
        return {}
    return {(e.name, e.sha256): r for e, r in zip(previous.entries, reports)}


# ---------------------------------------------------------------------------------------
# Workers

BYTES_PER_WORKER = 128 << 10
"""Text a worker should have to extract before it is worth starting (the build loads the
stages before it forks workers, ~0.15 s of CPU, which a build of one job does as it goes; a
worker that is not forked loads them again)."""


def auto_jobs(steps: list[Step]) -> int:
    """Workers for a build: one per core, no more than the files to extract, and one per
    ``BYTES_PER_WORKER`` of their text (a single small file is read in this process)."""
    sizes = [s.size for s in steps if s.action == EXTRACT]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, len(sizes), sum(sizes) // BYTES_PER_WORKER))


@contextmanager
def _workers(steps: list[Step], jobs: int, page: bool = False) -> Iterator[tuple[ProcessPoolExecutor | None,
                                                                                  LayoutWorker | None]]:
    """A pool of ``jobs`` workers (none for one job or one file), started at once: forked
    before the build opens its store, so that no worker inherits the store or its threads,
    and after the stages are loaded (``graph.warm``), so that every worker shares them; and
    with them, for a ``page``, the process that lays it out (``LayoutWorker``), started
    first, so that it loads numpy while the build loads the stages.  The build does not
    wait for the workers to leave."""
    if jobs <= 1 or sum(s.action == EXTRACT for s in steps) <= 1:
        yield None, None
        return
    context = _context()
    layouts = LayoutWorker(context) if page else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(),))
    try:
        _start(pool, jobs, forked=context.get_start_method() == "fork")
        yield pool, layouts
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        if layouts is not None:
            layouts.close()
        raise
    pool.shutdown(wait=False)


def _start(pool: ProcessPoolExecutor, jobs: int, forked: bool) -> None:
    """Start every worker of ``pool`` now.  ``forked`` workers are forked once the stages
    are loaded here (once, not once in each worker), and with this process's objects frozen
    out of the collector's reach, so that the workers' collections leave what they share
    alone."""
    if forked:
        _warm()
        gc.freeze()
    try:
        for _ in range(jobs):
            pool.submit(os.getpid)          # a forking pool starts every worker at the first task
    finally:
        if forked:
            gc.unfreeze()


def _outcomes(steps: list[Step], pool: ProcessPoolExecutor | None, jobs: int, ready: Callable[[Extracted], None],
              wants: Callable[[], tuple[bool, bool]]) -> Iterator[tuple[Step, Extracted | None]]:
    """Each step with its extraction (None when nothing is extracted), in step order, with at
    most ``WINDOW`` files in flight per worker; ``ready`` is given each extraction as soon
    as it is done, in whatever order the workers finish; ``wants`` says, as each file is
    handed to a worker, whether it should read the page's rows and hand back N-Quads too
    (``run_one``'s ``page`` and ``nquads``)."""
    if pool is None:
        for step in steps:
            extracted = run_one(step.path, step.name, *wants()) if step.action == EXTRACT else None
            if extracted is not None:
                ready(extracted)
            yield step, extracted
        return
    early = _largest_first(steps, WINDOW * jobs, pool, wants())
    queue: deque = deque()
    steps_of: dict = {}                      # the jobs in flight, with their steps
    for i, step in enumerate(steps):
        job = early.pop(i) if i in early else \
            pool.submit(run_one, step.path, step.name, *wants()) if step.action == EXTRACT else None
        queue.append((step, job))
        if job is not None:
            steps_of[job] = step
        while len(queue) > WINDOW * jobs:
            yield _first(queue, steps_of, ready)
    while queue:
        yield _first(queue, steps_of, ready)


def _first(queue: deque, steps_of: dict, ready) -> tuple[Step, Extracted | None]:
    """The first step of ``queue`` with its extraction, once done; every other job done
    meanwhile is handed to ``ready`` (each once)."""
    step, job = queue.popleft()
    while job in steps_of:
        for done in wait(steps_of, return_when=FIRST_COMPLETED).done:
            ready(_result(steps_of.pop(done), done))
    return step, _result(step, job)


def _largest_first(steps: list[Step], window: int, pool: ProcessPoolExecutor, wants: tuple[bool, bool]) -> dict:
    """When every file fits in the window, all of them submitted at once, the largest
    first, so the workers finish together (results are still taken in step order)."""
    todo = [i for i, s in enumerate(steps) if s.action == EXTRACT]
    if len(todo) > window:
        return {}
    return {i: pool.submit(run_one, steps[i].path, steps[i].name, *wants)
            for i in sorted(todo, key=lambda i: -steps[i].size)}


def _result(step: Step, job) -> Extracted | None:
    try:
        return job.result() if job is not None else None
    except BrokenProcessPool:
        raise BuildError(f"a worker process died while reading {step.name} "
                         "(out of memory? try fewer --jobs)") from None


def _start_worker(build_pid: int) -> None:
    """In a new worker: watch the build, and load the stages (``graph.warm``: at once when
    the worker was forked after the build loaded them) while the build opens its outputs."""
    _watch_build(build_pid)
    _warm()


def _warm() -> None:
    """Load the stages now (``graph.warm``).  What fails here fails again where a file needs
    it, and is reported with that file."""
    try:
        from .warm import warm
        warm()
    except Exception:                                       # noqa: BLE001 — reported with a file
        pass


def _watch_build(build_pid: int) -> None:
    """In a worker: leave when the build that started it is gone (killed, say), rather than
    wait for work forever — a killed build leaves no processes behind."""
    def watch():
        while True:
            time.sleep(1)
            try:
                os.kill(build_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
    threading.Thread(target=watch, name="govkg-watch-build", daemon=True).start()


def _context():
    """Workers forked from this process where that is safe (Linux, no other thread running:
    they start at once, sharing what is imported); else forked from a server that has
    imported the stages once, or spawned where there is no fork."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__, f"{__package__}.warm", f"{__package__}.rdf"])
        return ctx
    return multiprocessing.get_context("spawn")
