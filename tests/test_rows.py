"""The rows table (``rows.sqlite``): every named query it holds answers byte for byte as the
store does, in every format, on the sample and on a corpus built again after files changed,
were removed and were added; and the table is left alone where it does not match the build."""
from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from graph.build import build, sample_corpus
from graph.cli import main
from graph.manifest import ROWS_FILE
from graph.query import FORMATS, format_table, named_queries, query_text, run_query
from graph.rows import UNTABLED, open_rows, specs, wanted_terms
from graph.store import open_graph

ONE_UNIT = ("unit_bodies", "unit_duties", "unit_lead_tasks")


def same_answers(out, units: int | None = None) -> int:
    """Assert that the table and the store give the same text for every named query (bound
    ones for the first ``units`` units, all when None, and a name no file holds); the number
    of comparisons made."""
    rows, store = open_rows(out), open_graph(out)
    assert rows is not None, "the build's rows table is not used"
    assert {name for name, *_ in rows.tabled.values()} == set(specs())
    compared = 0
    for name in specs():
        if name in ONE_UNIT:
            continue
        text = query_text(name)
        assert rows.answer(text, {}, None) is not None         # really from the table
        mine, theirs = run_query(rows, text), run_query(store, text)
        assert mine.rows, name
        for fmt in FORMATS:
            assert format_table(mine, fmt) == format_table(theirs, fmt), (name, fmt)
            compared += 1
    units_named = sorted({r[0] for r in run_query(rows, query_text("unit_bodies"), limit=None).rows}
                         | {r[0] for r in run_query(rows, query_text("unit_duties"), limit=None).rows})
    for unit in units_named[:units] + ["不存在的单位"]:
        for name in ONE_UNIT:
            text = query_text(name)
            assert rows.answer(text, {"unit": unit}, 100) is not None
            assert run_query(rows, text, {"unit": unit}) == run_query(store, text, {"unit": unit}), (name, unit)
            compared += 1
    return compared


def test_the_sample_tables_every_query_but_the_untabled(sample_build):
    assert set(specs()) == set(named_queries()) - set(UNTABLED)
    assert same_answers(sample_build[0], units=None) > 3 * 300


def test_only_the_triples_the_queries_name_are_read():
    wanted = wanted_terms()
    assert "<http://www.w3.org/ns/org#memberOf>" in wanted and "<https://w3id.org/govkg/ns#Duty>" in wanted
    assert "<https://w3id.org/govkg/ns#quote>" not in wanted       # spans and quotes: provenance's
    assert not any("prefix" in t.lower() or " " in t for t in wanted)


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seven files: the sample, one of its files again with a line more (the same facts,
    another file: rows that two files give), and one with its places renamed."""
    folder = tmp_path_factory.mktemp("rows-corpus")
    texts = {name: path.read_text(encoding="utf-8") for path, name in sample_corpus()}
    for name, text in texts.items():
        _write(folder, name, text)
    first, third = sorted(texts)[0], sorted(texts)[2]        # 额尔古纳's plans; 鄂尔多斯 and 伊金霍洛旗's
    _write(folder, "100_again.txt", texts[first] + "\n附件：无\n")
    _write(folder, "101_renamed.txt", texts[third].replace("鄂尔多斯", "包头").replace("伊金霍洛旗", "达拉特旗"))
    return folder, first


def _text(out) -> str:
    rows = open_rows(out)
    return "".join(format_table(run_query(rows, query_text(name)), "csv") for name in ("memberships", "tasks"))


def test_a_corpus_built_again_answers_as_its_store(corpus, tmp_path):
    folder, first = corpus
    out = tmp_path / "out"
    build([folder], out, jobs=2, html=False)
    same_answers(out, units=40)
    before = _text(out)

    # change one file, remove two (one whose rows another file also gives), add one; prune
    (folder / "101_renamed.txt").write_text((folder / "101_renamed.txt").read_text(encoding="utf-8")
                                            .replace("包头", "乌海"), encoding="utf-8")
    moved = tmp_path / "moved"
    moved.mkdir()
    for name in (first, "100_again.txt"):
        shutil.move(folder / name, moved / name)
    _write(folder, "102_added.txt", (moved / first).read_text(encoding="utf-8").replace("额尔古纳", "根河"))
    report = build([folder], out, prune=True, html=False)
    assert report.unchanged == 4 and set(report.removed) == {first, "100_again.txt"}
    same_answers(out, units=40)
    after = _text(out)
    assert "包头" in before and "包头" not in after and "乌海" in after
    assert "根河" not in before and "根河" in after

    # nothing changed: the rows file is kept as it is
    stat = os.stat(out / ROWS_FILE)
    assert build([folder], out, html=False).unchanged == 7 - 1
    assert os.stat(out / ROWS_FILE).st_mtime_ns == stat.st_mtime_ns
    same_answers(out, units=5)


def test_the_table_is_left_alone_where_it_does_not_match(sample_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sample_build[0], out, symlinks=True)
    text = query_text("memberships")
    rows = open_rows(out)
    assert rows.answer(text, {}, None) is not None
    assert rows.answer(text + " ", {}, None) is None                # another text: the store runs it
    assert rows.answer(query_text("provenance"), {}, None) is None
    assert rows.answer(query_text("unit_bodies"), {"unit": "<https://example.org/u>"}, None) is None
    assert rows.answer(query_text("unit_bodies"), {"nothing": "x"}, None) is None
    assert rows.answer(query_text("documents"), {"date": "2025-02-28"}, None) is None   # a date, not a string
    with open(out / ROWS_FILE, "ab") as f:                          # changed since the build
        f.write(b"\0")
    assert open_rows(out) is None
    (out / ROWS_FILE).unlink()                                      # missing
    assert open_rows(out) is None
    result = CliRunner().invoke(main, ["query", "memberships", "--graph", str(out), "--format", "csv"])
    assert result.exit_code == 0 and result.output == format_table(run_query(open_graph(out), text), "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_prints_the_same_from_the_table_and_the_store(sample_build, fmt):
    out = sample_build[0]
    for name, params, limit in (("memberships", [], 100_000), ("tasks", [], 7), ("provenance", [], 100_000),
                                ("unit_duties", ["-p", "unit=鄂尔多斯市应急管理局"], 100_000)):
        result = CliRunner().invoke(
            main, ["query", name, "--graph", str(out), "--format", fmt, "--limit", str(limit), *params])
        bindings = dict(p.split("=", 1) for p in params[1::2])
        assert result.exit_code == 0, result.output
        store = run_query(open_graph(out), query_text(name), bindings, limit=limit)
        assert result.stdout == format_table(store, fmt)
        assert ("truncated at the row limit" in result.stderr) == store.truncated == (limit == 7)


def test_a_file_whose_rows_fail_leaves_every_query_to_the_store(tmp_path, monkeypatch):
    import graph.rows
    folder = tmp_path / "in"
    folder.mkdir()
    for path, name in sample_corpus()[:2]:
        shutil.copy(path, folder / name)
    real = graph.rows._file_rows

    def failing(graph):
        if any(b"e94e30dbfb22d546" in line for line in graph.lines):
            raise ValueError("a term Oxigraph cannot read")
        return real(graph)
    monkeypatch.setattr(graph.rows, "_file_rows", failing)
    out = tmp_path / "out"
    build([folder], out, html=False)
    rows = open_rows(out)
    assert rows is not None and rows.tabled == {}
    text = query_text("memberships")
    assert run_query(rows, text) == run_query(open_graph(out), text) and run_query(rows, text).rows
