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


# ---------------------------------------------------------------------------------------
# README and help against what the sample graph and the CLI are (issue 16)

def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _help_texts() -> str:
    return "\n".join((cmd.epilog or "") + (cmd.help or "") for cmd in main.commands.values())


def test_every_option_of_every_command_is_in_the_readme():
    readme = _readme()
    missing = [f"{name} {o}" for name, cmd in main.commands.items() for p in cmd.params
               for o in (*p.opts, *p.secondary_opts) if o.startswith("--") and o != "--help" and o not in readme]
    assert not missing, f"options not in README.md: {missing}"


def test_names_in_the_readme_and_help_examples_are_in_the_sample(sample_store):
    """`--document X`, `--focus X`, `--unit X`, `unit=X` in examples name something the sample holds."""
    import re
    labels = {r[0] for r in run_query(sample_store, "SELECT DISTINCT ?l WHERE { ?x "
                                      "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }", limit=None).rows}
    pattern = r"(?<![/\w])(?:--document|--focus|--unit|unit=)[ =]?([^-/\s`'\"|\]]+)(` →)?"
    named = {m.group(1) for m in re.finditer(pattern, _readme() + _help_texts())
             if not m.group(2)}                 # `unit=市应急管理局` → …: the printed name, on purpose
    named -= {"NAME", "TITLE", "…"}
    assert named and named <= labels, sorted(named - labels)


def test_the_readme_sparql_example_runs_and_prints_each_row_once(sample_build):
    import re
    from click.testing import CliRunner
    example = re.search(r"govkg sparql '\n(.*?)' --graph govkg-out", _readme(), re.DOTALL).group(1)
    result = CliRunner().invoke(main, ["sparql", example, "--graph", str(sample_build[0]), "--format", "csv"])
    rows = result.output.splitlines()[1:]
    assert result.exit_code == 0 and rows and len(rows) == len(set(rows))


def test_scripts_are_run_with_the_venvs_python_in_the_readme():
    import re
    bare = [m.group(0) for m in re.finditer(r"(?<![/\w])python3? scripts/\S+", _readme())]
    assert not bare, f"a system python does not see the package: {bare}"


def test_the_readme_page_figures_are_the_sample_pages(sample_build):
    import re
    from graph.network import to_networkx
    m = re.search(r"the sample page \((\d+) nodes, ([\d.]+) MB\)", _readme())
    G = to_networkx(sample_store_of(sample_build))
    size = (sample_build[0] / "graph.html").stat().st_size / 1e6
    assert int(m.group(1)) == G.number_of_nodes() and abs(float(m.group(2)) - size) < 0.1 * size


def sample_store_of(sample_build):
    from graph.store import open_graph
    return open_graph(sample_build[0])



def cued_patterns():
    """Every ``Cued`` pattern of the stages, by module and name."""
    import importlib
    from graph.patterns import Cued
    for module in ("graph.patterns", "graph.segment", "graph.extract.units", "graph.extract.duties"):
        for name, value in vars(importlib.import_module(module)).items():
            if isinstance(value, Cued):
                yield pytest.param(value, id=f"{module}.{name}")


@pytest.mark.parametrize("pattern", list(cued_patterns()))
def test_every_match_of_a_cued_pattern_holds_a_cue(pattern):
    """A cue is a promise that text without it cannot match: on every line of the sample,
    each match of the pattern itself (ungated) holds one (a drifted pattern fails here)."""
    from graph.build import sample_corpus
    from graph.clean import clean
    from graph.ingest import read_source
    for path, name in sample_corpus():
        text = clean(read_source(path, name)).text
        for line in [text, *text.split("\n")]:
            for m in pattern.compiled.finditer(line):
                assert any(cue in m.group() for cue in pattern.cues), m.group()
