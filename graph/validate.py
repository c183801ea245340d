"""``govkg validate``: the SHACL shapes in ``ontology/shapes.ttl`` over a built graph."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph

from .store import trig_path


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: int
    text: str


def ontology_file(name: str) -> str:
    """The text of a file of the vocabulary (``govkg.ttl``, ``shapes.ttl``)."""
    return resources.files("graph.ontology").joinpath(name).read_text(encoding="utf-8")


def validate(folder: str | Path) -> Validation:
    """Run the shapes over the union of every graph in the built dataset."""
    import pyshacl
    dataset = Dataset(default_union=True)
    dataset.parse(trig_path(folder), format="trig")
    data = Graph()
    data.addN((s, p, o, data) for s, p, o, _ in dataset.quads((None, None, None, None)))
    shapes = Graph().parse(data=ontology_file("shapes.ttl"), format="turtle")
    ontology = Graph().parse(data=ontology_file("govkg.ttl"), format="turtle")
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        advanced=True, allow_warnings=True)
    violations = text.count("Constraint Violation")
    return Validation(bool(conforms), violations, text)
