"""Where a built graph lives: the TriG file, and the stores that queries open.

``graph.trig`` in the output folder is the dataset in a standard format, written in one
fixed order so that the same inputs give the same bytes.  Queries open it in Oxigraph
(``pyoxigraph``, the default: fast to load and to query) or in rdflib's memory store;
both answer the same.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from .rdf import PREFIXES, Quad, sorted_quads

TRIG = "graph.trig"
BACKENDS = ("oxigraph", "rdflib")


class GraphNotFound(FileNotFoundError):
    """The folder holds no built graph."""


def to_ox(term):
    """An rdflib term as the pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term."""
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


def ox_quads(quads: Iterable[Quad]):
    for s, p, o, g in quads:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))


def write_trig(quads: Iterable[Quad], path: Path) -> None:
    """Write quads as TriG, sorted, atomically (a temporary file renamed into place)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        ox.serialize(ox_quads(sorted_quads(quads)), f, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def trig_path(folder: Path | str) -> Path:
    path = Path(folder) / TRIG
    if not path.is_file():
        raise GraphNotFound(f"no built graph in {folder} (expected {path}); run `govkg build` first")
    return path


def open_graph(folder: Path | str, backend: str = "oxigraph"):
    """The built graph in ``folder``: a ``pyoxigraph.Store`` or an ``rdflib.Dataset``."""
    path = trig_path(folder)
    if backend == "rdflib":
        ds = Dataset(default_union=True)
        ds.parse(path, format="trig")
        return ds
    if backend != "oxigraph":
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return store
