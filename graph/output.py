"""Writing a build: each file's graph as a TriG chunk, then ``graph.trig`` and the store.

A file's graph comes as N-Quads lines (``rdf.to_nquads``), written as TriG as pyoxigraph
writes it (``graph.trig``), and the store is bulk-loaded from the same N-Quads (no prefixes
to resolve, no rdflib).

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
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .manifest import (MANIFEST, REPORT_FILE, ROWS_FILE, TRIG_FILE, Entry, Manifest, fingerprint, graph_digest,
                       read_manifest, stat_of)
from .nquads import GraphLines, graph_lines, trig_chunk, trig_header
from .vocab import XSD

NQUADS = ox.RdfFormat.N_QUADS
LOCK_FILE = ".lock"
STORE_PREFIX, STORE_LINK = "store-", "store"
LOAD_AHEAD = 8                 # files' N-Quads waiting for the store's loader, at most
STREAM_FROM = 128 << 20        # bytes of N-Quads loaded, from which the rest goes as one stream
OPTIMIZE_FROM = 64 << 20       # bytes of N-Quads loaded from which the store is compacted
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
    return trig_chunk(data), data, len(graph.lines)


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

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.trig_tmp = self.folder / (TRIG_FILE + ".tmp")
        self.trig = self.previous_trig = self.loader = self.rows = None
        self.store_name = ""
        self.loaded = self.nquads = 0

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
        """Open the TriG and a new store: a copy of ``previous``'s, less ``stale_graphs``."""
        self.trig = open(self.trig_tmp, "wb")
        self.trig.write(trig_header())
        if previous is not None:
            self.previous_trig = open(self.folder / TRIG_FILE, "rb")
        self.store_name = _next_store_name(self.folder)
        path = self.folder / self.store_name
        old = self.folder / previous.store if previous is not None else None
        self.loader = _Loader(lambda: _new_store(path, old, stale_graphs))
        from .rows import RowsFile
        self.rows = RowsFile(self.folder, previous is not None, stale_graphs)

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
            self.loader.put(nquads)
            self.nquads += len(nquads)

    def copy(self, offset: int, length: int) -> tuple[int, int]:
        """Append the chunk at ``offset`` of the last build's TriG (its graph is in the
        store already): its new offset and length."""
        self.previous_trig.seek(offset)
        chunk = self.previous_trig.read(length)
        if len(chunk) != length:
            raise OSError(f"{TRIG_FILE} is shorter than its manifest says")
        new = self.trig.tell()
        self.trig.write(chunk)
        return new, length

    def commit(self, report: dict, entries: Iterable[Entry]) -> Manifest:
        """Finish the files, then rename them into place: the manifest last, which it returns."""
        self.loader.close()
        if self.loaded * 4 >= self.trig.tell() and self.nquads >= OPTIMIZE_FROM:
            # mostly new graphs: merge the files the bulk loads left (queries on a
            # compacted store ran twice as fast at 300×; it costs ~7% of the build,
            # which a store the size of the sample's does not repay)
            self.store.optimize()
        self.store.flush()
        self.loader = None                      # RocksDB closes with its last reference
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


def _new_store(path: Path, previous: Path | None, stale_graphs: Iterable[str]) -> ox.Store:
    """A new store at ``path``: a copy of the ``previous`` one less ``stale_graphs``, or empty."""
    if previous is not None:
        ox.Store.read_only(str(previous)).backup(str(path))
    store = ox.Store(str(path))
    for g in sorted(stale_graphs):
        store.remove_graph(ox.NamedNode(g))
    return store


class _Loader:
    """Opens the store (``open_store``) and loads the N-Quads it is given into it, in a thread
    of its own (RocksDB and the bulk loader let go of the GIL), so that the build takes in the
    next files meanwhile.

    At first each bulk load takes what waits (one file, or those handed over while the last
    load ran), so that a small build's store is loaded by the time its last file is made.
    Past ``STREAM_FROM`` the rest goes through one bulk load, read as a stream (``_Stream``):
    each bulk load leaves files that the store merges into the others', a cost that grows
    faster than the store (a third of the store's cost at 100× the sample with 48 MB
    loads), while one load writes its files in batches of a million quads, few and already
    merged.  At most ``LOAD_AHEAD`` files wait, so memory stays bounded."""

    def __init__(self, open_store):
        self.store: ox.Store | None = None
        self.open_store = open_store
        self.queue: queue.Queue = queue.Queue(maxsize=LOAD_AHEAD)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="govkg-store-loader", daemon=True)
        self.thread.start()

    def put(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(data)

    def close(self, raise_error: bool = True) -> None:
        self.queue.put(None)
        self.thread.join()
        if raise_error and self.error is not None:
            raise self.error

    def _run(self) -> None:
        ended, loaded = False, 0
        try:
            self.store = self.open_store()
            while not ended:
                data = self.queue.get()
                if data is None:
                    ended = True
                elif loaded >= STREAM_FROM:     # the rest, up to the end the stream puts back
                    self._load(_Stream(data, self.queue))
                    break
                else:
                    data, ended = self._waiting(data)
                    self._load(data)
                    loaded += len(data)
        except BaseException as e:              # noqa: BLE001 — raised in the build's thread
            self.error = e
        while not ended and self.queue.get() is not None:
            pass                                # the end (or, after an error, what is still handed over)

    def _load(self, data) -> None:
        """lenient: pyoxigraph has parsed these very lines (``graph_chunk``)."""
        self.store.bulk_load(input=data, format=NQUADS, lenient=True)

    def _waiting(self, first: bytes) -> tuple[bytes, bool]:
        """``first`` with the N-Quads handed over behind it; and whether the end was among them."""
        parts = [first]
        while True:
            try:
                data = self.queue.get_nowait()
            except queue.Empty:
                return b"".join(parts), False
            if data is None:
                return b"".join(parts), True
            parts.append(data)


class _Stream:
    """The N-Quads handed to a ``_Loader`` as one file-like object for ``Store.bulk_load``:
    ``read`` gives at most the bytes asked for, waiting for the next graph when it has none,
    and nothing (the end) once the build has handed over its last (None)."""

    def __init__(self, first: bytes, chunks: queue.Queue):
        self.chunk, self.pos, self.chunks = first, 0, chunks

    def read(self, size: int = -1) -> bytes:
        if self.pos >= len(self.chunk):
            chunk = self.chunks.get()
            if chunk is None:
                self.chunks.put(None)           # the loader's own wait for the end sees it too
                return b""
            self.chunk, self.pos = chunk, 0
        end = len(self.chunk) if size is None or size < 0 else self.pos + size
        data = self.chunk[self.pos:end]
        self.pos += len(data)
        return data


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


def _lock(folder: Path):
    """An exclusive lock on ``folder`` for the length of a build (where the OS has flock)."""
    f = open(folder / LOCK_FILE, "a+b")
    try:
        import fcntl
    except ImportError:                         # Windows: no lock
        return f
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
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
    """``folder/store`` -> the current store folder, for people and other tools (best effort)."""
    link, tmp = folder / STORE_LINK, folder / (STORE_LINK + ".link.tmp")
    try:
        tmp.unlink(missing_ok=True)
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
