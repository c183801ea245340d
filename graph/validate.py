"""``govkg validate``: the SHACL shapes in ``ontology/shapes.ttl`` over a built graph."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: int
    text: str


def ontology_file(name: str) -> str:
    """The text of a file of the vocabulary (``govkg.ttl``, ``shapes.ttl``)."""
    return resources.files(f"{__package__}.ontology").joinpath(name).read_text(encoding="utf-8")


def validate(folder: str | Path) -> Validation:
    """Run the shapes over the union of every graph in the built dataset (a folder, or a
    SPARQL endpoint's URL), with the vocabulary's class hierarchy beside it (so that a
    ``sh:class gov:CoordinatingBody`` accepts a ``gov:Headquarters``)."""
    import pyshacl
    from .export import read_quads
    from .store import to_rdflib
    data = Graph().parse(data=ontology_file("govkg.ttl"), format="turtle")
    terms: dict = {}

    def term(t):
        if t not in terms:
            terms[t] = to_rdflib(t)
        return terms[t]
    data.addN((term(q.subject), term(q.predicate), term(q.object), data) for q in read_quads(folder))
    shapes = Graph().parse(data=ontology_file("shapes.ttl"), format="turtle")
    conforms, results, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                               allow_warnings=True)
    violations = text.count("Constraint Violation")
    return Validation(bool(conforms), violations, text)
