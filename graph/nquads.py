"""One file's graph as N-Quads lines, read once: sorted, split, written as TriG.

The model writes each file's graph as N-Quads lines (``rdf.to_nquads``).  ``graph_lines``
sorts them once and splits each at its first two spaces; the TriG chunk (``trig_chunk``,
pyoxigraph's strict parse and its serialiser), the rows table (``rows.file_rows``) and the
page's rows (``network.read_lines``) are all made from that one reading.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable, Iterator

import pyoxigraph as ox

from .vocab import PREFIXES, RDF

TRIG, NQUADS = ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS
RDF_TYPE = f"<{RDF.type}>".encode()


@dataclass(frozen=True)
class GraphLines:
    """One file's graph: its distinct N-Quads lines, sorted (as UTF-8, which sorts as the
    text does, faster), and each split at its first two spaces: subject, predicate, and the
    rest (object, graph and the final dot)."""

    lines: list[bytes]
    terms: list[list[bytes]]

    @property
    def data(self) -> bytes:
        return b"".join(self.lines)


def graph_lines(lines: Iterable[str]) -> GraphLines:
    """N-Quads lines (a repeated line counts once) as ``GraphLines``.

    >>> graph_lines(['<http://e/s> <http://e/p> "b" <http://e/g> .\\n'] * 2).terms
    [[b'<http://e/s>', b'<http://e/p>', b'"b" <http://e/g> .\\n']]
    """
    lines = sorted({line.encode("utf-8") for line in lines})
    return GraphLines(lines, [line.split(b" ", 2) for line in lines])


def read_by(split_lines: Iterable[list[bytes]], predicates: frozenset[bytes],
            classes: frozenset[bytes]) -> Iterator[list[bytes]]:
    """The split lines (``GraphLines.terms``) a reader wants: those whose predicate is one of
    ``predicates`` and, for ``rdf:type``, whose class is one of ``classes`` (terms as the
    N-Quads write them, ``<…>``, UTF-8).

    >>> t = graph_lines(['<http://e/s> <http://e/p> "b" <http://e/g> .\\n',
    ...                  f'<http://e/s> <{RDF.type}> <http://e/C> <http://e/g> .\\n']).terms
    >>> [terms[1] for terms in read_by(t, frozenset([b"<http://e/p>", RDF_TYPE]), frozenset())]
    [b'<http://e/p>']
    """
    for terms in split_lines:
        if len(terms) == 3 and terms[1] in predicates and (
                terms[1] != RDF_TYPE or terms[2][:terms[2].find(b" ")] in classes):
            yield terms


@cache
def trig_header() -> bytes:
    """The ``@prefix`` lines pyoxigraph writes at the top of every TriG serialisation."""
    node = ox.NamedNode("urn:x")
    trig = ox.serialize([ox.Quad(node, node, node, node)], format=TRIG, prefixes=PREFIXES)
    return trig[:trig.index(b"<urn:x>")]


def trig_chunk(data: bytes) -> bytes:
    """One named graph's N-Quads as TriG without the prefix lines.  The parse is strict: it
    checks every IRI we write, and raises ``SyntaxError`` for a line that is not N-Quads."""
    trig = ox.serialize(ox.parse(data, format=NQUADS), format=TRIG, prefixes=PREFIXES)
    header = trig_header()
    if not trig.startswith(header):
        raise AssertionError("pyoxigraph wrote an unexpected TriG header")
    return trig[len(header):]
