"""The model writes N-Quads text itself (``rdf.to_nquads``, no rdflib on the build's path):
its lines must say what rdflib's terms said, so that graph.trig stays byte-identical."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from graph.build import sample_corpus
from graph.ingest import read_source
from graph.nquads import graph_lines, index_lines, trig_header
from graph.output import _object, graph_chunk
from graph.pipeline import process
from graph.rdf import Lit, NQuads, lit
from graph.vocab import NS as GOV


@pytest.mark.parametrize("value, datatype", [
    pytest.param("鄂尔多斯市应急管理局", None, id="chinese"),
    pytest.param('他说："是"\\否', None, id="quotes-and-backslash"),
    pytest.param("第一行\n第二行\r\t末", None, id="line-breaks-and-tab"),
    pytest.param("", None, id="empty"),
    pytest.param(0, None, id="zero"),
    pytest.param(12345, None, id="integer"),
    pytest.param(-7, None, id="negative"),
    pytest.param(True, None, id="true"),
    pytest.param(False, None, id="false"),
    pytest.param("2024-02-29", XSD.date, id="date"),
])
def test_a_literal_is_written_as_rdflib_writes_it(value, datatype):
    expected = _object(Literal(value, datatype=URIRef(datatype) if datatype else None))
    assert lit(value, str(datatype) if datatype else None) == expected
    assert type(lit(value)) is Lit


def test_lit_refuses_a_type_it_cannot_write():
    with pytest.raises(TypeError, match="float"):
        lit(1.5)


@pytest.fixture(scope="module")
def sample_lines():
    path, name = sample_corpus()[0]
    return process(read_source(path, name)).nquads


def test_rdflib_reads_the_lines_as_the_same_quads(sample_lines):
    """rdflib parses the N-Quads and writes them back as TriG: pyoxigraph reads the same
    quads from both (every term, literal and datatype agree)."""
    data = "".join(sample_lines).encode("utf-8")
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    trig = ds.serialize(format="trig", encoding="utf-8")
    ours = set(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    theirs = set(ox.parse(trig, format=ox.RdfFormat.TRIG))
    assert len(ours) > 1000 and ours == theirs


def test_the_model_files_each_line_under_its_property(sample_lines):
    """The model hands its lines over by property (``rdf.NQuads``): the same lines, each
    under the property (for rdf:type, the class) a reading of the line finds."""
    assert isinstance(sample_lines, NQuads) and sample_lines.typed and len(sample_lines.by) > 20
    by, typed = index_lines(list(sample_lines))
    assert sample_lines.by == by and sample_lines.typed == typed
    assert graph_lines(sample_lines).index() == (by, typed) == graph_lines(list(sample_lines)).index()
    wanted = [f"{GOV}dutyText", "http://www.w3.org/2004/02/skos/core#prefLabel"]
    kept = [line for line in sample_lines if line.split(" ")[1][1:-1] in wanted
            or f"<{GOV}Duty> " in line and " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " in line]
    assert sorted(graph_lines(sample_lines).lines_of(wanted, [f"{GOV}Duty"])) == sorted(kept)


def test_the_chunk_holds_each_quad_once_in_order(sample_lines):
    graph = graph_lines(sample_lines + sample_lines[:10])
    assert graph.lines == sorted({line.encode("utf-8") for line in sample_lines})
    trig, nquads, triples = graph_chunk(graph)
    lines = nquads.decode("utf-8").splitlines(keepends=True)
    assert lines == sorted(set(sample_lines)) and triples == len(lines)
    quads = set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(trig_header() + trig, format=ox.RdfFormat.TRIG)) == quads


def test_a_file_whose_graph_holds_a_bad_iri_is_a_file_error(monkeypatch):
    """The model checks each IRI it writes once (the TriG chunk's parse then need not): one
    that is not an IRI fails the file, with a reason naming it, as the strict parse did."""
    from graph import rdf
    from graph.build import run_one
    monkeypatch.setattr(rdf, "agency_iri", lambda m, jurisdiction: f"agency {m.name}")
    path, name = sample_corpus()[0]
    extracted = run_one(path, name)
    assert extracted.graph is None and extracted.report.sha256
    assert "ValueError: not an IRI: 'agency " in extracted.report.error


def test_the_page_reads_the_model_s_lines_as_any_lines(sample_lines):
    """The page's rows of a file (``network.graph_rows``) find the terms of the model's
    lines by their place: the same rows as reading them as any N-Quads lines, escapes and
    all."""
    from graph.network import graph_rows, read_graph, rows_from_quads
    model, plain = graph_lines(sample_lines), graph_lines(list(sample_lines))
    assert model.graph and plain.graph is None
    rows = graph_rows(model)
    assert len(rows) > 300 and any("\\" in line for line in sample_lines if "#quote>" in line)
    assert rows == graph_rows(plain) == rows_from_quads(read_graph(plain)) == rows_from_quads(read_graph(model))


def test_rdf_type_lines_are_filed_by_their_class_when_it_is_an_iri():
    typed = '<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> <http://e/g> .\n'
    odd = '<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "C" <http://e/g> .\n'
    graph = graph_lines([typed, odd])
    assert list(graph.lines_of([], ["http://e/C", '"C"', "C"])) == [typed]
    assert list(graph.lines_of(["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"], [])) == [odd]
