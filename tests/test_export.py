"""Exports: every RDF format parses back isomorphic; GraphML/GEXF keep labels and kinds; CSVs."""
from __future__ import annotations

import csv

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.cli import main
from graph.export import export
from graph.query import named_queries
from graph.store import trig_path


def original(folder) -> Dataset:
    ds = Dataset()
    ds.parse(trig_path(folder), format="trig")
    return ds


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def named(ds: Dataset) -> dict:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("fmt, parse_as, keeps_graphs", [
    pytest.param("ttl", "turtle", False, id="turtle"),
    pytest.param("nt", "nt", False, id="n-triples"),
    pytest.param("nq", "nquads", True, id="n-quads"),
    pytest.param("jsonld", "json-ld", True, id="json-ld"),
])
@pytest.mark.parametrize("corpus", ["plans", "sample"])
def test_rdf_exports_parse_back_isomorphic(tmp_path, plan_build, sample_build, corpus, fmt, parse_as, keeps_graphs):
    folder = plan_build if corpus == "plans" else sample_build[0]
    path = export(folder, fmt, tmp_path / f"out.{fmt}")
    before = original(folder)
    if keeps_graphs:
        after = Dataset()
        after.parse(path, format=parse_as)
        a, b = named(before), named(after)
        assert sorted(a) == sorted(b)
        assert all(isomorphic(a[k], b[k]) for k in a)
    else:
        after = Graph().parse(path, format=parse_as)
        assert len(after) > 100 and isomorphic(union(before), after)


@pytest.mark.parametrize("fmt, read", [
    pytest.param("graphml", nx.read_graphml, id="graphml"),
    pytest.param("gexf", nx.read_gexf, id="gexf"),
])
def test_network_exports_keep_labels_kinds_and_quotes(tmp_path, plan_build, plan_network, fmt, read):
    G = read(export(plan_build, fmt, tmp_path / f"out.{fmt}"))
    assert G.number_of_nodes() == plan_network.number_of_nodes()
    assert G.number_of_edges() == plan_network.number_of_edges()
    unit = G.nodes["https://w3id.org/govkg/id/agency/鄂尔多斯市应急管理局"]
    assert unit["label"] == "鄂尔多斯市应急管理局" and unit["kind"] == "agency"
    offices = {d["quote"] for _, _, d in G.edges(data=True) if d.get("relation") == "office_at"}
    assert "市指挥部办公室设在市应急管理局，办公室主任由李四兼任。" in offices


def test_csv_export_is_a_folder_of_every_named_query(tmp_path, plan_build):
    folder = export(plan_build, "csv", tmp_path / "tables")
    assert sorted(p.stem for p in folder.iterdir()) == sorted(named_queries())
    raw = (folder / "memberships.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")               # BOM: Excel reads the Chinese
    with open(folder / "memberships.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {"body": "鄂尔多斯市防汛抗旱指挥部", "unit": "鄂尔多斯市水利局"} in rows


def test_export_command_default_path(tmp_path, plan_build):
    result = CliRunner().invoke(main, ["export", "--graph", str(plan_build), "--format", "nq"])
    assert result.exit_code == 0 and (plan_build / "graph.nq").is_file()
    missing = CliRunner().invoke(main, ["export", "--graph", str(tmp_path), "--format", "ttl"])
    assert missing.exit_code == 1 and "run `govkg build` first" in missing.output


# issue 16: exports for the tools people use

def test_gexf_carries_the_pages_colours_sizes_and_positions(plan_build, tmp_path):
    import xml.etree.ElementTree as ET
    from graph.viz import KIND_STYLE
    path = export(plan_build, "gexf", tmp_path / "g.gexf")
    viz = "{http://www.gexf.net/1.2draft/viz}"
    nodes = ET.parse(path).getroot().iter("{http://www.gexf.net/1.2draft}node")
    G = nx.read_gexf(path)
    seen = 0
    for node in nodes:
        colour = node.find(f"{viz}color")
        position = node.find(f"{viz}position")
        assert colour is not None and position is not None and node.find(f"{viz}size") is not None
        kind = G.nodes[node.get("id")].get("kind")
        expected = KIND_STYLE.get(kind, KIND_STYLE["other"])[0]
        assert "#{:02x}{:02x}{:02x}".format(*(int(colour.get(c)) for c in "rgb")) == expected.lower()
        seen += 1
    assert seen == G.number_of_nodes() > 20
    xs = {float(n.find(f"{viz}position").get("x")) for n in ET.parse(path).getroot().iter(
        "{http://www.gexf.net/1.2draft}node")}
    assert len(xs) > seen // 2                 # laid out, not piled on one point


def test_jsonld_has_a_context_and_reads_back_the_same_quads(plan_build, tmp_path):
    import json
    path = export(plan_build, "jsonld", tmp_path / "g.jsonld")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["gov"] == "https://w3id.org/govkg/ns#"
    assert '"gov:quote"' in path.read_text(encoding="utf-8")
    back = Dataset()
    back.parse(path, format="json-ld")
    assert isomorphic(union(back), union(original(plan_build)))


def test_construct_output_uses_the_projects_prefixes(sample_build):
    q = "PREFIX gov: <https://w3id.org/govkg/ns#> CONSTRUCT { ?s gov:quote ?o } WHERE { ?s gov:quote ?o } LIMIT 3"
    result = CliRunner().invoke(main, ["sparql", q, "--graph", str(sample_build[0])])
    assert result.exit_code == 0 and "@prefix gov: <https://w3id.org/govkg/ns#>" in result.output
    assert "ns1:" not in result.output and " gov:quote " in result.output


def test_analyze_json_has_numbers_as_numbers(plan_build):
    import json
    result = CliRunner().invoke(main, ["analyze", "--graph", str(plan_build), "--format", "json", "--top", "3"])
    ranking = next(iter(json.loads(result.output).values()))
    assert ranking and all(isinstance(r["bodies"], int) and isinstance(r["degree"], (int, float)) for r in ranking)
    assert all(isinstance(r["unit"], str) for r in ranking)
