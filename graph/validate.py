"""``govkg validate``: the SHACL shapes in ``ontology/shapes.ttl`` over a built graph.

The shapes run as SPARQL on Oxigraph (``graph.shacl``), on the build's store as it is;
``engine="pyshacl"`` runs pySHACL, the reference SHACL engine, over the same data (slower:
it walks the graph in Python)."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

ENGINES = ("sparql", "pyshacl")


@dataclass(frozen=True)
class Validation:
    """The verdict, the number of violations, the report as text, and each result as
    ``(focus node, source shape, constraint component, value node or None)`` in rdflib
    terms (the shapes' blank nodes are those of ``ontology_graph("shapes.ttl")``)."""
    conforms: bool
    violations: int
    text: str
    results: frozenset = frozenset()


def ontology_file(name: str) -> str:
    """The text of a file of the vocabulary (``govkg.ttl``, ``shapes.ttl``)."""
    return resources.files(f"{__package__}.ontology").joinpath(name).read_text(encoding="utf-8")


@cache
def ontology_graph(name: str) -> Graph:
    """A file of the vocabulary, parsed (read-only: callers must not change it)."""
    return Graph().parse(data=ontology_file(name), format="turtle")


def validate(folder: str | Path, engine: str = "sparql") -> Validation:
    """Run the shapes over the union of every graph in the built dataset (a folder, or a
    SPARQL endpoint's URL), with the vocabulary's class hierarchy beside it (so that a
    ``sh:class gov:CoordinatingBody`` accepts a ``gov:Headquarters``)."""
    from .shacl import Unsupported
    if engine == "sparql":
        try:
            return validate_sparql(folder)
        except Unsupported:
            pass  # a shape beyond the compiler: the reference engine reads every shape
    return validate_pyshacl(folder)


def validate_sparql(folder: str | Path) -> Validation:
    from .shacl import compile_shapes, run_checks
    checks = compile_shapes(ontology_graph("shapes.ttl"), ontology_graph("govkg.ttl"))
    from .store import to_rdflib
    found = run_checks(data_store(folder), checks)
    with ill_typed_literals_quiet():
        results = frozenset((to_rdflib(v.focus), v.check.shape, v.check.component, to_rdflib(v.value))
                            for v in found)
    return Validation(not found, len(found), report_text(found), results)


def data_store(folder: str | Path):
    """The built graph as a ``pyoxigraph.Store``: the build's own store, read-only, or an
    endpoint's statements copied into memory."""
    import pyoxigraph as ox
    from .export import read_quads
    from .remote import is_endpoint
    from .store import open_graph
    if not is_endpoint(str(folder)):
        return open_graph(folder)
    store = ox.Store()
    store.extend(read_quads(folder))
    return store


@contextmanager
def ill_typed_literals_quiet():
    """rdflib logs a traceback for each literal whose text is not of its datatype
    (``"abc"^^xsd:integer``); the shapes report those as violations, so no log is due."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def report_text(found) -> str:
    """The results as pySHACL words its report: one block per violation."""
    lines = ["Validation Report", f"Conforms: {not found}"]
    if found:
        lines.append(f"Results ({len(found)}):")
    for v in sorted(found, key=lambda v: (str(v.focus), str(v.check.component), str(v.value))):
        lines += [f"Constraint Violation in {v.check.component.fragment}:",
                  f"\tSource Shape: {v.check.label}", f"\tFocus Node: {v.focus}"]
        if v.value is not None:
            lines.append(f"\tValue Node: {v.value}")
        if v.check.message:
            lines.append(f"\tMessage: {v.check.message}")
    return "\n".join(lines) + "\n"


def validate_pyshacl(folder: str | Path) -> Validation:
    """The reference: pySHACL over the statements parsed into rdflib, the vocabulary
    beside them."""
    import pyshacl
    from .export import read_quads
    from .store import to_rdflib
    data = Graph().parse(data=ontology_file("govkg.ttl"), format="turtle")
    terms: dict = {}

    def term(t):
        if t not in terms:
            terms[t] = to_rdflib(t)
        return terms[t]
    with ill_typed_literals_quiet():
        data.addN((term(q.subject), term(q.predicate), term(q.object), data) for q in read_quads(folder))
    conforms, report, text = pyshacl.validate(data, shacl_graph=ontology_graph("shapes.ttl"),
                                              inference="none", allow_warnings=True)
    results = frozenset(tuple(report.value(r, p) for p in (SH.focusNode, SH.sourceShape,
                                                           SH.sourceConstraintComponent, SH.value))
                        for r in report.subjects(RDF.type, SH.ValidationResult))
    return Validation(bool(conforms), text.count("Constraint Violation"), text, results)
