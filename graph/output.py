"""Writing a build: each file's graph as a TriG chunk, then ``graph.trig`` and the store.

A file's graph comes as N-Quads lines (``rdf.to_nquads``), written as TriG as pyoxigraph
writes it (``graph.trig``), and the store is bulk-loaded from the same N-Quads (no prefixes
to resolve, no rdflib).

The store is for graphs too large to read at every query, and only ad-hoc SPARQL needs it
(the named queries are answered from ``rows.sqlite``, the page from the build's own facts).
So a build fills one only when told to (``store=True``) or when the last build had one; a
query that needs one on a graph without it makes it from ``graph.trig``, once (``make_store``,
called by ``graph.store.open_graph``), and later builds go on with it.  The bulk load of a
1,000× corpus's N-Quads costs more than its extraction, and more per MB than a small one's,
so it is paid by those who query, when they first do.

A build never writes into what the last build left.  ``graph.trig`` grows in a temporary
file, chunk by chunk, in the order of the files; the Oxigraph store is a new folder — a
copy of the last one when the build is incremental (a RocksDB checkpoint: hard links to
immutable files, so the copy costs next to nothing), with the changed graphs replaced.
``commit`` renames the files into place and writes the manifest last: the manifest names
the current store folder, so an interrupted build leaves the previous output whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import threading
from dataclasses import replace
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .manifest import (MANIFEST, REPORT_FILE, ROWS_FILE, TRIG_FILE, Entry, Manifest, fingerprint, graph_digest,
                       read_manifest, stat_of, trig_is_current)
from .nquads import GraphLines, graph_lines, trig_chunk, trig_header
from .vocab import XSD

NQUADS, TRIG = ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG
LOCK_FILE = ".lock"
STORE_PREFIX, STORE_LINK = "store-", "store"
LOAD_BATCH = 48 << 20          # bytes of N-Quads handed to the store's bulk loader at a time
FIRST_BATCH = 512 << 10        # … at first: small, so loading starts while the build goes on
OPTIMIZE_FROM = 64 << 20       # bytes of N-Quads loaded from which the store is compacted …
OPTIMIZE_UP_TO = 2 << 30       # … and up to which (past it, compacting costs more than the rest)
NQUADS_PER_TRIG_BYTE = 3       # N-Quads of a TriG byte as the build writes it (the sample: 10.4 MB
                               # to 3.2 MB; 1,000× the sample: 10,050 MB to 3,340 MB)
XSD_STRING = XSD.string


# ---------------------------------------------------------------------------------------
# One graph as a TriG chunk

def graph_chunk(graph: GraphLines) -> tuple[bytes, bytes, int]:
    """One named graph (``nquads.graph_lines``) as TriG without the prefix lines, as sorted
    N-Quads, and its size.

    Triples come in the order of their N-Quads lines (subject, predicate, object), so the
    same quads always give the same bytes; repeated quads count once.
    """
    if not graph.lines:
        return b"", b"", 0
    data = graph.data
    return trig_chunk(data, graph.checked), data, len(graph.lines)


def nquad(quad: tuple) -> str:
    """An rdflib quad as one N-Quads line.

    >>> from rdflib import Literal, URIRef
    >>> nquad((URIRef("http://e/s"), URIRef("http://e/p"), Literal('说"是"'), URIRef("http://e/g")))
    '<http://e/s> <http://e/p> "说\\\\"是\\\\"" <http://e/g> .\\n'
    """
    s, p, o, g = quad
    return f"{_node(s)} <{p}> {_object(o)} <{g}> .\n"


def _node(term) -> str:
    from rdflib import BNode
    return f"_:{term}" if isinstance(term, BNode) else f"<{term}>"


def _object(term) -> str:
    from rdflib import Literal
    from .rdf import ESCAPES
    if not isinstance(term, Literal):
        return _node(term)
    text = f'"{str(term).translate(ESCAPES)}"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and str(term.datatype) != XSD_STRING:
        return f"{text}^^<{term.datatype}>"
    return text


def write_trig(quads: Iterable[tuple], path: Path) -> Path:
    """Quads of any graphs as one TriG file, graph by graph in IRI order (a fixture, an
    export); written aside and renamed into place."""
    by_graph: dict[str, list] = {}
    for q in quads:
        by_graph.setdefault(str(q[3]), []).append(q)
    data = trig_header() + b"".join(graph_chunk(graph_lines(map(nquad, by_graph[g])))[0] for g in sorted(by_graph))
    path = Path(path)
    os.replace(_write_tmp(path, data), path)
    return path


# ---------------------------------------------------------------------------------------
# The outputs of one build

class Output:
    """The outputs of one build of ``folder``, written aside until ``commit``.

    Used as a context manager: it takes the folder's lock (one build at a time), sweeps
    what an interrupted build left, and on an error drops what this build wrote.
    """

    def __init__(self, folder: Path, store: bool | None = None):
        self.folder = Path(folder)
        self.trig_tmp = self.folder / (TRIG_FILE + ".tmp")
        self.trig = self.previous_trig = self.loader = self.rows = None
        self.wants_store = store                # None: when the last build had one
        self.store_name = ""
        self.fresh = True                       # a store, once opened, starts empty: every graph goes in
        self.batches: dict = {NQUADS: [], TRIG: []}
        self.batched = self.loaded = self.nquads = self.loads = 0

    def __enter__(self) -> "Output":
        self.lock = _lock(self.folder)
        self.current = _current_store(self.folder)
        _sweep(self.folder, self.current)
        return self

    def __exit__(self, kind, error, tb) -> None:
        if kind is not None:
            self._abort()
        self.lock.close()

    def start(self, previous: Manifest | None, stale_graphs: Iterable[str]) -> None:
        """Open the TriG and, when the last build had a store, a new one: a copy of
        ``previous``'s, less ``stale_graphs``."""
        self.trig = open(self.trig_tmp, "wb")
        self.trig.write(trig_header())
        if previous is not None:
            self.previous_trig = open(self.folder / TRIG_FILE, "rb")
        self.fresh = previous is None or not previous.store
        if self.wants_store or (self.wants_store is None and not self.fresh):
            self._open_store(None if self.fresh else self.folder / previous.store, stale_graphs)
        from .rows import RowsFile
        self.rows = RowsFile(self.folder, previous is not None, stale_graphs)

    @property
    def fills_store(self) -> bool:
        """Whether the new graphs go into a store (``load``) as well as the TriG."""
        return self.loader is not None

    @property
    def store(self) -> ox.Store | None:
        return self.loader.store if self.loader else None

    def add(self, chunk: bytes) -> tuple[int, int]:
        """Append a new graph's TriG ``chunk`` (in the order of the files): its offset and
        length in the TriG."""
        offset = self.trig.tell()
        self.trig.write(chunk)
        self.loaded += len(chunk)
        return offset, len(chunk)

    def load(self, nquads: bytes) -> None:
        """Hand a new graph's N-Quads to the store, as soon as they are made (a store's
        content has no order)."""
        if nquads:
            self._hold(NQUADS, nquads)

    def copy(self, offset: int, length: int) -> tuple[int, int]:
        """Append the chunk at ``offset`` of the last build's TriG (its graph is in the
        store already): its new offset and length."""
        self.previous_trig.seek(offset)
        chunk = self.previous_trig.read(length)
        if len(chunk) != length:
            raise OSError(f"{TRIG_FILE} is shorter than its manifest says")
        new = self.trig.tell()
        self.trig.write(chunk)
        if self.fresh:                          # the last build had no store to copy it from
            self._hold(TRIG, chunk)
        return new, length

    def _hold(self, fmt: ox.RdfFormat, data: bytes) -> None:
        """Batch ``data`` for the store, when the build fills one."""
        if self.loader is None:
            return
        self.batches[fmt].append(data)
        self.batched += len(data)
        batch = min(LOAD_BATCH, FIRST_BATCH << self.loads)     # batches double up to LOAD_BATCH
        if self.batched >= (batch // 2 if self.loader.idle else batch):
            self._load()

    def _open_store(self, previous: Path | None, stale_graphs: Iterable[str]) -> None:
        self.store_name = _next_store_name(self.folder)
        path = self.folder / self.store_name
        self.loader = _Loader(lambda: _new_store(path, previous, stale_graphs))

    def _load(self) -> None:
        new, copied = self.batches[NQUADS], self.batches[TRIG]
        if new:
            self.loader.put(b"".join(new), NQUADS)
        if copied:                              # the chunks as copied: without the prefix lines
            self.loader.put(_as_trig(copied), TRIG)
        self.loads += bool(self.batched)
        self.nquads += self.batched
        self.batches, self.batched = {NQUADS: [], TRIG: []}, 0

    def commit(self, report: dict, entries: Iterable[Entry]) -> Manifest:
        """Finish the files, then rename them into place: the manifest last, which it returns."""
        if self.loader is not None:
            self._commit_store()
        _finish(self.trig)
        report_tmp = _write_tmp(self.folder / REPORT_FILE, (json.dumps(
            report, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        entries = tuple(entries)
        rows_tmp = self.rows.commit(graph_digest(entries), [e.graph for e in entries if e.graph])
        outputs = {TRIG_FILE: stat_of(self.trig_tmp), REPORT_FILE: stat_of(report_tmp),
                   ROWS_FILE: stat_of(rows_tmp or self.folder / ROWS_FILE)}
        manifest = Manifest(fingerprint(), self.store_name, outputs, entries)
        manifest_tmp = _write_tmp(self.folder / MANIFEST, manifest.as_json())
        os.replace(self.trig_tmp, self.folder / TRIG_FILE)
        os.replace(report_tmp, self.folder / REPORT_FILE)
        if rows_tmp is not None:
            os.replace(rows_tmp, self.folder / ROWS_FILE)
        os.replace(manifest_tmp, self.folder / MANIFEST)
        _link_store(self.folder, self.store_name)
        if self.current and self.current != self.store_name:
            shutil.rmtree(self.folder / self.current, ignore_errors=True)
        self.current = self.store_name
        return manifest

    def _commit_store(self) -> None:
        self._load()
        self.loader.close()
        if self.loaded * 4 >= self.trig.tell() and worth_compacting(self.nquads):
            self.store.optimize()               # mostly new graphs: merge the files the bulk loads left
        self.store.flush()
        self.loader = None                      # RocksDB closes with its last reference

    def _abort(self) -> None:
        """Drop everything this build wrote; the previous output stays as it was."""
        for f in (self.trig, self.previous_trig):
            if f is not None and not f.closed:
                f.close()
        self.trig_tmp.unlink(missing_ok=True)
        if self.rows is not None:
            self.rows.abort()
        if self.loader is not None:
            self.loader.close(raise_error=False)
        self.loader = None
        if self.store_name and self.store_name != self.current:
            shutil.rmtree(self.folder / self.store_name, ignore_errors=True)


def worth_compacting(nquads: int) -> bool:
    """Whether a store loaded from ``nquads`` bytes of N-Quads is compacted (its files
    merged): queries on a compacted store ran twice as fast at 300× the sample; it costs ~7%
    of the build at 100×, which a store the size of the sample's does not repay, and grows
    faster than the store: 6 minutes at 1,000×, where the named queries are answered from the
    rows table and ad-hoc SPARQL from the store as loaded."""
    return OPTIMIZE_FROM <= nquads <= OPTIMIZE_UP_TO


def make_store(folder: Path) -> Path | None:
    """The store of the build in ``folder``, made from its ``graph.trig`` if it has none yet
    (once: the manifest names it, and later builds go on with it); None when the folder holds
    no current build, or cannot be written (then a query reads the TriG into memory).

    Made under the build's lock, so that two queries never make it twice and a build never
    sweeps it half made; a query that comes during a build waits for it."""
    try:
        lock = _lock(folder, wait=True)
    except OSError:
        return None
    with lock:
        manifest = read_manifest(folder)
        if manifest is None or not trig_is_current(manifest, folder):
            return None
        if manifest.store and (folder / manifest.store).is_dir():
            return folder / manifest.store      # made meanwhile by another
        _sweep(folder, None)                    # what a process stopped while making one left
        name = _next_store_name(folder)
        try:
            store = ox.Store(str(folder / name))
            _load_chunks(store, folder / TRIG_FILE, manifest.entries)
            if worth_compacting((folder / TRIG_FILE).stat().st_size * NQUADS_PER_TRIG_BYTE):
                store.optimize()
            store.flush()
            del store
            os.replace(_write_tmp(folder / MANIFEST, replace(manifest, store=name).as_json()), folder / MANIFEST)
        except BaseException:
            shutil.rmtree(folder / name, ignore_errors=True)
            raise
        _link_store(folder, name)
    return folder / name


def _load_chunks(store: ox.Store, trig: Path, entries: Iterable[Entry]) -> None:
    """Load the graphs of the build's ``trig`` into ``store``, its chunks (``entries``) in
    batches of ``LOAD_BATCH`` bytes of N-Quads as a build loads its own: one bulk load of a
    whole TriG held 2.5 GB at 1,000× the sample.  Lenient: the build wrote these chunks."""
    for batch in _chunk_batches(trig, entries):
        store.bulk_load(input=_as_trig(batch), format=TRIG, lenient=True)


def _chunk_batches(trig: Path, entries: Iterable[Entry]) -> Iterable[list[bytes]]:
    batch: list[bytes] = []
    size = 0
    with open(trig, "rb") as f:
        for e in sorted((e for e in entries if e.graph and e.length), key=lambda e: e.offset):
            f.seek(e.offset)
            batch.append(f.read(e.length))
            size += e.length
            if size * NQUADS_PER_TRIG_BYTE >= LOAD_BATCH:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def _as_trig(chunks: list[bytes]) -> bytes:
    """TriG chunks (written without the prefix lines) as one TriG document."""
    return trig_header() + b"".join(chunks)


def _new_store(path: Path, previous: Path | None, stale_graphs: Iterable[str]) -> ox.Store:
    """A new store at ``path``: a copy of the ``previous`` one less ``stale_graphs``, or empty."""
    if previous is not None:
        ox.Store.read_only(str(previous)).backup(str(path))
    store = ox.Store(str(path))
    for g in sorted(stale_graphs):
        store.remove_graph(ox.NamedNode(g))
    return store


class _Loader:
    """Opens the store (``open_store``) and loads batches of N-Quads into it, in a thread of its
    own (RocksDB and the bulk loader let go of the GIL), so that the build takes in the next
    files meanwhile; one batch waits at most, so memory stays bounded.

    (All of a build's N-Quads read as one stream by one bulk load cost a sixth less at 100×
    the sample than 48 MB batches, but the bulk loader then holds ~2 GB: it fills a batch of a
    million quads while it writes the last two.)"""

    def __init__(self, open_store):
        self.store: ox.Store | None = None
        self.open_store = open_store
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.busy = True                        # until the store is open
        self.thread = threading.Thread(target=self._run, name="govkg-store-loader", daemon=True)
        self.thread.start()

    @property
    def idle(self) -> bool:
        """Nothing to load: a batch handed over now starts at once."""
        return not self.busy and self.queue.empty()

    def put(self, data: bytes, fmt: ox.RdfFormat = NQUADS) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((data, fmt))

    def close(self, raise_error: bool = True) -> None:
        self.queue.put(None)
        self.thread.join()
        if raise_error and self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            self.store = self.open_store()
        except BaseException as e:              # noqa: BLE001 — raised in the build's thread
            self.error = e
        self.busy = False
        while (batch := self.queue.get()) is not None:
            self.busy = True
            if self.error is None:
                try:    # lenient: pyoxigraph has parsed these very lines, their IRIs checked (``graph_chunk``),
                        # or (a TriG chunk of the last build) written them
                    self.store.bulk_load(input=batch[0], format=batch[1], lenient=True)
                except BaseException as e:      # noqa: BLE001 — raised in the build's thread
                    self.error = e
            self.busy = False


def _finish(f) -> None:
    f.flush()
    os.fsync(f.fileno())
    f.close()


def _write_tmp(path: Path, data: bytes) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        _finish(f)
    return tmp


def _lock(folder: Path, wait: bool = False):
    """An exclusive lock on ``folder`` for the length of a build (where the OS has flock);
    raises ``BuildLocked`` when another holds it, or, with ``wait``, waits for it."""
    f = open(folder / LOCK_FILE, "a+b")
    try:
        import fcntl
    except ImportError:                         # Windows: no lock
        return f
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        f.close()
        raise BuildLocked(f"another build is writing to {folder}") from None
    return f


class BuildError(RuntimeError):
    """A build that cannot go on; the previous output is left as it was."""


class BuildLocked(BuildError):
    """Another build holds the output folder."""


def _current_store(folder: Path) -> str | None:
    """The store folder the manifest names, trusted or not: readers use it until a commit."""
    manifest = read_manifest(folder)
    return manifest.store if manifest else None


def _sweep(folder: Path, current: str | None) -> None:
    """Remove what interrupted builds left: temporary files, store folders not current."""
    for p in folder.iterdir():
        if p.name.endswith(".tmp") and p.is_file():
            p.unlink()
        elif p.name.startswith(STORE_PREFIX) and p.is_dir() and p.name != current:
            shutil.rmtree(p, ignore_errors=True)


def _next_store_name(folder: Path) -> str:
    numbers = [int(p.name[len(STORE_PREFIX):]) for p in folder.glob(STORE_PREFIX + "*")
               if p.name[len(STORE_PREFIX):].isdigit()]
    return f"{STORE_PREFIX}{max(numbers, default=0) + 1}"


def _link_store(folder: Path, name: str) -> None:
    """``folder/store`` -> the current store folder, for people and other tools (best effort);
    no link when the build has no store."""
    link, tmp = folder / STORE_LINK, folder / (STORE_LINK + ".link.tmp")
    try:
        tmp.unlink(missing_ok=True)
        if not name:
            link.unlink(missing_ok=True)
            return
        tmp.symlink_to(name, target_is_directory=True)
        os.replace(tmp, link)
    except OSError:
        pass


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
