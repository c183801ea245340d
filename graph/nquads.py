"""One file's graph as N-Quads lines, read once: sorted, written as TriG, read by property.

The model writes each file's graph as N-Quads lines, by property (``rdf.to_nquads``).
``graph_lines`` sorts the lines once for the TriG chunk (``trig_chunk``: pyoxigraph's
parse and its serialiser) and the store; the rows table (``rows.file_rows``) and the page's
rows (``network.graph_rows``) read only the lines of the properties they want.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

import pyoxigraph as ox

from .vocab import PREFIXES, RDF

TRIG, NQUADS = ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS
RDF_TYPE = f"<{RDF.type}>"

Index = dict  # a property's IRI (a class's, for rdf:type lines) -> its N-Quads lines (str)


@dataclass
class GraphLines:
    """One file's graph: its distinct N-Quads lines, sorted (as UTF-8, which sorts as the
    text does, faster), and the same lines by property (``by``) and, for ``rdf:type``, by
    class (``typed``), as the model wrote them (a line may repeat)."""

    lines: list[bytes]
    written: Iterable[str] = field(default=(), repr=False)
    _index: tuple[Index, Index] | None = field(default=None, repr=False)
    graph: str | None = None    # the model's lines (``rdf.NQuads``): their graph; IRIs checked

    @property
    def data(self) -> bytes:
        return b"".join(self.lines)

    @property
    def checked(self) -> bool:
        """Every IRI in the lines is checked (the model's: ``rdf.check_iris``)."""
        return self.graph is not None

    def index(self) -> tuple[Index, Index]:
        """``(by, typed)``: the model's, or read from lines of any other writer."""
        if self._index is None:
            self._index = index_lines(self.written)
        return self._index

    def lines_of(self, properties: Iterable[str], classes: Iterable[str]) -> Iterable[str]:
        """The lines of ``properties`` and the ``rdf:type`` lines of ``classes`` (IRIs; the
        lines of ``rdf:type`` itself are those whose class is not an IRI)."""
        by, typed = self.index()
        for found, keys in ((by, properties), (typed, classes)):
            for key in keys:
                yield from found.get(key, ())


def graph_lines(lines: Iterable[str]) -> GraphLines:
    """N-Quads lines (a repeated line counts once) as ``GraphLines``; ``rdf.NQuads`` bring
    their lines by property, other lines are read for it when asked.

    >>> g = graph_lines(['<http://e/s> <http://e/p> "b" <http://e/g> .\\n'] * 2)
    >>> g.lines, len(list(g.lines_of(["http://e/p"], [])))
    ([b'<http://e/s> <http://e/p> "b" <http://e/g> .\\n'], 2)
    """
    graph = getattr(lines, "graph", None)        # rdf.NQuads: the model's lines, by property
    if graph is None:
        lines = list(lines)
        return GraphLines(sorted({line.encode("utf-8") for line in lines}), lines)
    return GraphLines(sorted({line.encode("utf-8") for line in lines}), lines, (lines.by, lines.typed), graph)


def index_lines(lines: Iterable[str]) -> tuple[Index, Index]:
    """N-Quads lines (terms separated by one space, as the build writes them) by property,
    and ``rdf:type`` lines by class (an IRI); a line that is not of that form is left out.

    >>> index_lines([f'<http://e/s> {RDF_TYPE} <http://e/C> <http://e/g> .\\n'])[1]
    {'http://e/C': ['<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> <http://e/g> .\\n']}
    """
    by: Index = {}
    typed: Index = {}
    for line in lines:
        terms = line.split(" ", 2)
        if len(terms) < 3 or terms[1][:1] != "<":
            continue
        if terms[1] == RDF_TYPE and terms[2][:1] == "<":
            typed.setdefault(terms[2][1:terms[2].find(">")], []).append(line)
        else:
            by.setdefault(terms[1][1:-1], []).append(line)
    return by, typed


@cache
def trig_header() -> bytes:
    """The ``@prefix`` lines pyoxigraph writes at the top of every TriG serialisation."""
    node = ox.NamedNode("urn:x")
    trig = ox.serialize([ox.Quad(node, node, node, node)], format=TRIG, prefixes=PREFIXES)
    return trig[:trig.index(b"<urn:x>")]


def trig_chunk(data: bytes, checked: bool = False) -> bytes:
    """One named graph's N-Quads as TriG without the prefix lines.  The parse raises
    ``SyntaxError`` for a line that is not N-Quads; it checks every IRI too unless they are
    ``checked`` already (half its cost)."""
    trig = ox.serialize(ox.parse(data, format=NQUADS, lenient=checked), format=TRIG, prefixes=PREFIXES)
    header = trig_header()
    if not trig.startswith(header):
        raise AssertionError("pyoxigraph wrote an unexpected TriG header")
    return trig[len(header):]
