"""build, query, validate end to end, through the CLI as a user runs them."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from graph.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_build_of_the_sample_corpus_reports_every_file(sample_build):
    out, report = sample_build
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["totals"]["files"] == 5 and data["totals"]["failed"] == 0
    assert data["totals"]["documents"] == report.totals()["documents"] >= 46
    by_name = {f["name"]: f for f in data["files"]}
    # the chronicle (大事记) of the 通辽 gazette is not a document, and the report says so
    assert by_name["004_8e672ddf229b4080.txt"]["chars_outside_documents"] > 1000
    assert by_name["004_8e672ddf229b4080.txt"]["furniture_removed"]["masthead"] >= 1


def test_an_unreadable_file_beside_a_good_one(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    good = "额尔古纳市人民政府关于印发就业促进行动实施方案的通知\n各苏木乡镇人民政府：\n现将方案印发给你们。\n2025年3月26日\n"
    (corpus / "good.txt").write_text(good, encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "broken.txt: binary file (a PNG image), not text" in result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert data["errors"] == [{"file": "broken.txt", "reason": "binary file (a PNG image), not text"}]
    assert [f["documents"] for f in data["files"] if f["name"] == "good.txt"] == [1]


def test_builds_are_byte_identical(tmp_path, sample_build):
    run("build", "--out", str(tmp_path), "-q")
    assert (tmp_path / "graph.trig").read_bytes() == (sample_build[0] / "graph.trig").read_bytes()


def test_query_documents_as_csv(sample_build):
    result = run("query", "documents", "--graph", str(sample_build[0]), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["document", "title", "number", "issuer", "date"]
    melt = next(r for r in rows if r["document"] == "额尔古纳市春季应对融雪应急预案")
    assert melt["issuer"] == "额尔古纳市人民政府办公室" and melt["date"] == "2025-02-28"
    assert melt["title"] == "额尔古纳市人民政府办公室关于印发《额尔古纳市春季应对融雪应急预案》的通知"


def test_query_references_both_backends_agree(sample_build):
    out = str(sample_build[0])
    a = run("query", "references", "--graph", out, "--format", "json").output
    b = run("query", "references", "--graph", out, "--format", "json", "--backend", "rdflib").output
    assert json.loads(a) == json.loads(b)
    assert {"document": "额尔古纳市春季应对融雪应急预案", "referenced": "中华人民共和国气象法"} in json.loads(a)


def test_sparql_with_a_bound_parameter(sample_build):
    result = run("sparql", "SELECT ?d ?n WHERE { ?d <http://purl.org/dc/terms/identifier> ?n }",
                 "--graph", str(sample_build[0]), "--param", "n=鄂府发〔2024〕8号", "--format", "csv")
    assert result.output.splitlines()[1].startswith("https://w3id.org/govkg/id/document/鄂府发")


def test_service_is_refused_without_allow_network(sample_build):
    result = CliRunner().invoke(main, ["sparql", "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }",
                                       "--graph", str(sample_build[0])])
    assert result.exit_code == 1 and "--allow-network" in result.output


def test_validate_conforms(sample_build):
    result = run("validate", "--graph", str(sample_build[0]))
    assert result.exit_code == 0 and "conforms" in result.output


def test_validate_catches_a_statement_without_its_quote(tmp_path, sample_build):
    text = (sample_build[0] / "graph.trig").read_text(encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    # drop the quote of every Evidence node: the shapes must notice
    out, drop = [], False
    for ln in text.splitlines():
        if ln.strip().startswith("gov:quote") and drop:
            continue
        out.append(ln)
        drop = "gov:Evidence" in ln or (drop and not ln.rstrip().endswith("."))
    (broken / "graph.trig").write_text("\n".join(out) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1 and "does not conform" in result.output


def test_missing_graph_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["query", "documents", "--graph", str(tmp_path)])
    assert result.exit_code == 1 and "run `govkg build` first" in result.output


def test_validate_catches_an_end_before_its_start(tmp_path):
    """The offsets check, now core SHACL (sh:lessThanOrEquals) instead of a SPARQL
    constraint that pyshacl parsed once per node (issue 16: validate took 17 s)."""
    from graph.output import write_trig
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import PROV, RDF, XSD
    gov, g = Namespace("https://w3id.org/govkg/ns#"), URIRef("urn:g")
    doc, src, ev = URIRef("urn:doc"), URIRef("urn:src"), URIRef("urn:ev")
    quads = [(src, RDF.type, gov.SourceFile, g), (src, gov.fileName, Literal("a.txt"), g),
             (src, gov.sha256, Literal("0" * 64), g), (src, gov.encoding, Literal("utf-8"), g),
             (doc, RDF.type, gov.Document, g), (doc, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                                Literal("文件"), g),
             (doc, gov.inSource, src, g), (doc, gov.documentKind, Literal("notice"), g),
             (doc, URIRef("http://purl.org/dc/terms/title"), Literal("文件"), g),
             (ev, RDF.type, gov.Evidence, g), (ev, gov.source, src, g), (ev, gov.field, gov.title, g),
             (ev, gov.quote, Literal("文件"), g), (ev, PROV.wasDerivedFrom, doc, g)]
    for start, end, conforms in ((3, 5, True), (5, 3, False)):
        folder = tmp_path / f"g{start}"
        folder.mkdir()
        write_trig(quads + [(ev, gov.start, Literal(start, datatype=XSD.integer), g),
                            (ev, gov.end, Literal(end, datatype=XSD.integer), g)], folder / "graph.trig")
        result = CliRunner().invoke(main, ["validate", "--graph", str(folder)])
        assert (result.exit_code == 0) is conforms, result.output
        if not conforms:
            assert "end offset before start offset" in result.output
