"""`govkg validate`: the shapes compiled to SPARQL give pySHACL's verdicts, result for result
(issue 16: validate took 5 s of CPU on the sample, nearly all of it in pySHACL)."""
from __future__ import annotations

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SH, SKOS, XSD

from graph.export import read_quads
from graph.output import write_trig
from graph.shacl import Unsupported, compile_shapes
from graph.store import to_rdflib
from graph.validate import ontology_graph, validate

GOV = Namespace("https://w3id.org/govkg/ns#")
# the two smallest files of the sample: every kind of statement but appointments
SMALL = ("https://w3id.org/govkg/id/source/f796072de40a734f", "https://w3id.org/govkg/id/source/6fa2328dd12a9de4")


def first(quads, cls):
    """The first node of a class, in IRI order."""
    return min(str(q[0]) for q in quads if q[1] == RDF.type and q[2] == cls)


def replace(quads, node, prop, *objects):
    """``node``'s values of ``prop`` replaced by ``objects`` (none: removed)."""
    g = next(q[3] for q in quads if str(q[0]) == node)
    kept = [q for q in quads if not (str(q[0]) == node and q[1] == prop)]
    return kept + [(URIRef(node), prop, o, g) for o in objects]


# Each breaks one node's statements; the comment names what the shapes must say.
BREAKS = [
    (GOV.Evidence, GOV.quote, ()),                                          # minCount
    (GOV.Citation, GOV.start, (Literal(9, datatype=XSD.integer),)),         # lessThanOrEquals
    (GOV.Duty, GOV.end, (Literal(1), Literal(2))),                          # maxCount, datatype
    (GOV.Duty, GOV.holder, (Literal("市应急管理局"),)),                       # nodeKind, or
    (GOV.Task, GOV.leadUnit, (URIRef("urn:not-a-unit"),)),                  # or on a path
    (GOV.Task, GOV.supportUnit, ()),
    (GOV.Section, GOV.level, (Literal(0),)),                                # minInclusive
    (GOV.Section, GOV.start, (Literal("abc", datatype=XSD.integer),)),      # ill-formed
    (GOV.Document, GOV.documentKind, (Literal("memo"),)),                   # in
    (GOV.Document, DCTERMS.identifier, (Literal("第8号"),)),                  # pattern
    (FOAF.Person, FOAF.name, (Literal("张 三"),)),                            # pattern
    (GOV.Leadership, ORG.role, (Literal("总指挥"),)),                          # class of a literal
    (ORG.Membership, ORG.member, ()),                                       # or of shapes
    (GOV.Mention, GOV.denotes, (Literal("x"),)),                            # nodeKind
    (GOV.Headquarters, GOV.bodyType, (Literal("club"),)),                   # in, targetSubjectsOf
    (GOV.SourceFile, GOV.sha256, (Literal("XYZ"),)),                        # pattern
]


def broken_quads(sample_build):
    quads = [tuple(to_rdflib(t) for t in q) for q in read_quads(sample_build[0]) if q.graph_name.value in SMALL]
    for cls, prop, objects in BREAKS:
        quads = replace(quads, first(quads, cls), prop, *objects)
    # a duty's text over two lines and too short; a post in two units, one not a unit
    duty = sorted({str(q[0]) for q in quads if q[1] == RDF.type and q[2] == GOV.Duty})[1]
    quads = replace(quads, duty, GOV.dutyText, Literal("第一段\n第二段"), Literal("x"))
    g, post, a = URIRef(SMALL[0]), URIRef("urn:post"), URIRef("urn:appointment")
    quads += [(a, RDF.type, GOV.Appointment, g), (a, GOV.action, Literal("appoint"), g),
              (a, GOV.post, post, g), (post, RDF.type, ORG.Post, g), (post, GOV.roleLabel, Literal("局长"), g),
              (post, ORG.postIn, URIRef(first(quads, GOV.Agency)), g), (post, ORG.postIn, URIRef("urn:x"), g)]
    return quads


@pytest.fixture(scope="module")
def broken_build(sample_build, tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    write_trig(broken_quads(sample_build), folder / "graph.trig")
    return folder


def test_the_sample_conforms_for_both_engines(sample_build):
    fast, reference = validate(sample_build[0]), validate(sample_build[0], engine="pyshacl")
    assert fast.conforms and reference.conforms
    assert fast.results == reference.results == frozenset()


def test_a_broken_graph_gets_the_reference_results(broken_build):
    fast, reference = validate(broken_build), validate(broken_build, engine="pyshacl")
    assert not fast.conforms and not reference.conforms
    assert sorted(map(str, fast.results)) == sorted(map(str, reference.results))
    components = {r[2].removeprefix(str(SH)) for r in fast.results}
    assert components == {f"{c}ConstraintComponent" for c in (
        "MinCount", "MaxCount", "LessThanOrEquals", "Datatype", "NodeKind", "Or", "MinInclusive",
        "In", "Pattern", "Class", "MinLength")}
    # one result for each pair of values compared (a start after two ends: two results)
    assert fast.violations == reference.violations == len(fast.results) + 1


def test_the_report_names_the_node_and_the_message(broken_build):
    text = validate(broken_build).text
    assert "Constraint Violation in PatternConstraintComponent" in text
    assert "Message: a person's name has no spaces" in text
    assert "Focus Node: <urn:appointment>" in text
    assert "Source Shape: shape:Person foaf:name" in text
    assert "Traceback" not in text


def test_a_shape_beyond_the_compiler_is_refused_not_skipped():
    from rdflib import Graph
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:uniqueLang true ] .""",
                           format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(shapes, ontology_graph("govkg.ttl"))


def test_every_shape_of_the_ontology_compiles():
    checks = compile_shapes(ontology_graph("shapes.ttl"), ontology_graph("govkg.ttl"))
    assert {c.shape for c in checks if isinstance(c.shape, URIRef)} >= {
        URIRef("https://w3id.org/govkg/shapes#Document"), URIRef("https://w3id.org/govkg/shapes#Membership")}
    assert "shape:Appointment (gov:post/org:postIn)" in {c.label for c in checks}
    assert any(f"{GOV.post.n3()}/{ORG.postIn.n3()}" in c.pattern for c in checks)
