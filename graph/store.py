"""Where a built graph lives, and how queries open it.

A build writes the dataset into its folder (see ``graph.output``) as ``graph.trig``, a
standard text format written in one fixed order, and, when asked to or once a query has
needed one, as an Oxigraph store on disk too (``store-N``, named by ``manifest.json``;
``store`` links to it).  ``open_graph`` opens the store read-only — no text is parsed, so
it takes milliseconds at any size — or, with ``backend="rdflib"``, parses the TriG into
rdflib's memory store.  Both answer every query the same.  A build without a store gets one
the first time its graph is opened, if its TriG is over ``READ_UP_TO``; a smaller graph, or
a folder that cannot be written to or holds a TriG written by hand, is read from its TriG
into a memory store at each opening.
"""
from __future__ import annotations

from pathlib import Path

from .manifest import TRIG_FILE, Manifest, has_its_store, read_manifest, trig_is_current

BACKENDS = ("oxigraph", "rdflib")
READ_UP_TO = 5 << 20
"""Bytes of TriG up to which a graph without a store is read into memory at each opening
(~16 MB of N-Quads; the sample's 3.2 MB read in 0.1 s); a larger one is given a store on
disk the first time it is opened (10× the sample: 35 MB, ~5 s, once)."""


class GraphNotFound(FileNotFoundError):
    """The folder holds no built graph."""


def trig_path(folder: Path | str) -> Path:
    path = Path(folder) / TRIG_FILE
    if not path.is_file():
        raise GraphNotFound(f"no built graph in {folder} (expected {path}); run `govkg build` first")
    return path


def store_path(folder: Path | str) -> Path | None:
    """The folder of the store a build wrote, while ``graph.trig`` is as that build left it."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None or not manifest.store or not trig_is_current(manifest, folder):
        return None
    path = folder / manifest.store
    return path if path.is_dir() else None


def open_graph(folder: Path | str, backend: str = "oxigraph", *, make_store: bool = True):
    """The built graph in ``folder``: a read-only ``pyoxigraph.Store`` or an ``rdflib.Dataset``;
    or, when ``folder`` is an http(s) URL, that SPARQL endpoint (``graph.remote.Endpoint``).
    ``make_store=False``: a graph without a store is read from its TriG whatever its size
    (for one reading, as the page's, which a store would cost more than)."""
    if str(folder).startswith(("http://", "https://")):
        from .remote import Endpoint
        return Endpoint.parse(str(folder))
    path = trig_path(folder)
    if backend == "rdflib":
        from rdflib import Dataset
        ds = Dataset(default_union=True)
        ds.parse(path, format="trig")
        return ds
    import pyoxigraph as ox                 # not imported for a command that opens no graph
    if backend != "oxigraph":
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    on_disk = disk_store(folder) if make_store else store_path(folder)
    if on_disk is not None:
        return ox.Store.read_only(str(on_disk))
    return load_trig(path)


def disk_store(folder: Path | str) -> Path | None:
    """The folder of the build's store: the one it has, or, for a graph too large to read at
    each opening (``READ_UP_TO``), one made now from its TriG (``graph.output.make_store``);
    None for a graph read from its TriG."""
    on_disk = store_path(folder)
    if on_disk is None and _too_large_to_read(folder):
        from .output import make_store
        on_disk = make_store(Path(folder))
    return on_disk


def store_to_make(folder: Path | str) -> int:
    """The bytes of TriG an opening of the graph in ``folder`` makes its store from (0: it
    has a store, or is read into memory, or is not a folder)."""
    if str(folder).startswith(("http://", "https://")) or store_path(folder) is not None:
        return 0
    return _too_large_to_read(folder)


def _too_large_to_read(folder: Path | str) -> int:
    """The size of the graph's TriG when it is over ``READ_UP_TO``, else 0."""
    path = Path(folder) / TRIG_FILE
    size = path.stat().st_size if path.is_file() else 0
    return size if size > READ_UP_TO else 0


def current_build(folder: Path | str) -> Manifest:
    """The manifest of the build in ``folder``, while its TriG and store are as it left them."""
    manifest = read_manifest(folder)
    if manifest is None or not trig_is_current(manifest, folder) or not has_its_store(manifest, folder):
        raise GraphNotFound(f"no current build in {folder}; run `govkg build --out {folder}` first")
    return manifest


def load_trig(trig: Path, location: Path | None = None):
    """A store (in memory, or on disk at ``location``) holding the dataset of ``trig``."""
    import pyoxigraph as ox
    store = ox.Store(None if location is None else str(location))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    return store


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = None
        return Literal(term.value, datatype=dt)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return term
