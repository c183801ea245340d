"""What drifts: CLI vs README, vocabulary vs ontology, lexicons well-formed, queries run."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph import lexicon
from graph.cli import main
from graph.query import named_queries, query_text, run_query, Table
from graph.validate import ontology_file
from graph.vocab import GOV, NS

ROOT = Path(__file__).resolve().parents[1]


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"govkg {name}" in readme, f"`govkg {name}` is not documented in README.md"


def test_every_command_has_help_with_an_example_or_description():
    from click.testing import CliRunner
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def ontology_terms() -> set[str]:
    g = Graph().parse(data=ontology_file("govkg.ttl"), format="turtle")
    return {str(s)[len(NS):] for s in g.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_vocabulary_and_ontology_hold_the_same_terms():
    code = {name for name in GOV.__annotations__}
    assert code == ontology_terms()


def test_every_ontology_term_has_english_and_chinese_labels():
    g = Graph().parse(data=ontology_file("govkg.ttl"), format="turtle")
    for term in ontology_terms():
        langs = {lbl.language for lbl in g.objects(URIRef(NS + term), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
        assert {"en", "zh"} <= langs, term


def test_shapes_parse():
    g = Graph().parse(data=ontology_file("shapes.ttl"), format="turtle")
    assert len(g) > 100


@pytest.mark.parametrize("name", lexicon.table_names())
def test_lexicon_files_are_well_formed(name):
    rows = lexicon.read_table(name)
    text = (ROOT / "graph" / "lexicon" / f"{name}.tsv").read_text(encoding="utf-8")
    header = text.splitlines()[0].split("\t")
    assert header[-1] == "note", f"{name}.tsv needs a note column last"
    lines = [ln for ln in text.splitlines()[1:] if ln and not ln.startswith("#")]
    assert all(ln.count("\t") == len(header) - 1 for ln in lines), f"{name}.tsv: wrong column count"
    assert lines == sorted(lines), f"{name}.tsv is not sorted"
    assert len(rows) == len(lines)


def test_every_jurisdiction_has_a_known_parent():
    areas = lexicon.jurisdictions()
    for j in areas.values():
        assert j.parent is None or j.parent in areas, j.name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs_on_the_sample_graph(name, sample_store):
    text = query_text(name)
    assert text.startswith("# "), "a named query starts with a one-line description"
    result = run_query(sample_store, text, {"unit": "鄂尔多斯市应急管理局"} if "?unit" in text else {})
    assert isinstance(result, Table) and result.header


def test_the_ontology_glossary_lists_every_term():
    glossary = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    for term in ontology_terms():
        assert f"`gov:{term}`" in glossary, f"gov:{term} is missing from ontology/README.md"
