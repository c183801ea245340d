"""What a new user and a hostile input see when something is wrong (issue 16): a clear
message and a non-zero exit, never a traceback; the previous output left as it was."""
from __future__ import annotations

import errno
import json

import pytest
from click.testing import CliRunner

from graph import output
from graph.cli import main


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("param, message", [
    pytest.param("unit=<} ; DROP>", "not an IRI", id="iri-with-code-points"),       # was a ValueError
    pytest.param("a b=1", "not a variable name", id="space-in-name"),               # was a ValueError
    pytest.param("unit", "is not NAME=VALUE", id="no-equals"),
    pytest.param("=1", "not a variable name", id="empty-name"),
])
@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_a_bad_param_is_a_clear_error(param, message, backend, sample_build):
    result = run("query", "unit_bodies", "--graph", sample_build[0], "--param", param, "--backend", backend)
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("query, message", [
    pytest.param("DELETE WHERE { ?s ?p ?o }", "updates (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused",
                 id="update"),
    pytest.param("SELEC ?s WHERE { ?s ?p ?o }", "syntax error at line 1, column 1", id="misspelt-keyword"),
    pytest.param("SELECT ?s WHERE {\n ?s ?p ?o", "syntax error at line 2, column 10", id="unclosed"),
    pytest.param("nosuch.rq", "no query file 'nosuch.rq'", id="missing-file"),
    pytest.param("documnets", "no named query or query file 'documnets'", id="misspelt-name"),
])
def test_sparql_says_what_is_wrong_with_a_query(query, message, sample_build):
    result = run("sparql", query, "--graph", sample_build[0])
    assert result.exit_code == 1 and message in result.output, result.output


def _built(tmp_path, sample_build):
    """A small earlier build in a folder of its own, and its manifest's bytes."""
    from graph.build import sample_corpus
    out = tmp_path / "out"
    run("build", sample_corpus()[0][0], "--out", out, "-q", "--no-html")
    return out, (out / "manifest.json").read_bytes()


@pytest.mark.parametrize("where, error", [
    pytest.param("add", OSError(errno.ENOSPC, "No space left on device"), id="disk-full-trig"),
    pytest.param("commit", OSError(errno.ENOSPC, "No space left on device"), id="disk-full-commit"),
    pytest.param("start", PermissionError(errno.EACCES, "Permission denied", "out/store-2"), id="read-only"),
])
def test_a_write_that_fails_is_an_error_and_keeps_the_previous_output(where, error, tmp_path, sample_build,
                                                                      monkeypatch):
    out, manifest = _built(tmp_path, sample_build)

    def fail(*args, **kwargs):
        raise error
    monkeypatch.setattr(output.Output, where, fail)
    from graph.build import sample_corpus
    result = run("build", sample_corpus()[1][0], "--out", out, "-q", "--no-html")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert error.strerror in result.output and f"the previous output in {out} is left as it was" in result.output
    assert (out / "manifest.json").read_bytes() == manifest
    monkeypatch.undo()
    rows = run("query", "documents", "--graph", out, "--format", "json")
    assert rows.exit_code == 0 and len(json.loads(rows.output)) >= 1


def test_an_output_folder_that_cannot_be_made_is_an_error(tmp_path, monkeypatch):
    from pathlib import Path
    real = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "ro":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    result = run("build", "--out", tmp_path / "ro", "-q")
    assert result.exit_code == 1 and "Permission denied" in result.output and "ro" in result.output


def test_an_export_to_a_folder_that_cannot_be_written_is_an_error(sample_build, tmp_path):
    result = run("export", "--graph", sample_build[0], "--format", "nt", "-o", tmp_path / "no" / "such" / "g.nt")
    assert result.exit_code == 1 and "No such file or directory" in result.output


# issue 16, a new user's first hour: no silence

def test_a_file_with_no_document_is_said_on_stderr_not_only_in_the_report(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("会议纪要\n今天下雨。\n", encoding="utf-8")
    result = run("build", tmp_path / "in", "--out", tmp_path / "out", "--no-html")
    # the text is read as an inferred document (its facts kept), and that is said
    assert result.exit_code == 0 and "warning: notes.txt: no document header recognised" in result.output


def test_an_unknown_fact_kind_is_refused_with_the_kinds(sample_build):
    from graph.build import sample_corpus
    result = run("facts", sample_corpus()[0][0], "--kind", "memberships")
    assert result.exit_code == 2 and "'memberships' is not one of" in result.output and "'membership'" in result.output


def test_a_printed_name_that_finds_nothing_gets_the_canonical_names(sample_build):
    result = run("query", "unit_bodies", "--graph", sample_build[0], "--param", "unit=市应急管理局")
    assert result.exit_code == 0 and "(0 rows)" in result.output
    assert "names in the graph that contain it: " in result.output and "鄂尔多斯市应急管理局" in result.output
    exact = run("query", "unit_bodies", "--graph", sample_build[0], "--param", "unit=鄂尔多斯市应急管理局")
    assert "names in the graph" not in exact.output
