"""Incremental and parallel builds give what a clean build gives, byte for byte."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import graph.build
from graph.build import build, sample_corpus
from graph.manifest import MANIFEST
from graph.output import BuildLocked, _lock
from conftest import named_answers
from graph.store import open_graph

SAMPLES = {p.name[:3]: p for p, _ in sample_corpus()}


def corpus(folder: Path, **files: str | Path) -> Path:
    """A folder of gazettes: name -> a sample's key ("000") or literal text."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, content in files.items():
        target = folder / f"{name}.txt"
        if content in SAMPLES:
            shutil.copy(SAMPLES[content], target)
        else:
            target.write_text(str(content), encoding="utf-8")
    return folder


def edited(key: str) -> str:
    """A sample with its 文号 and a title changed, as a corrected reissue would be."""
    text = SAMPLES[key].read_text(encoding="utf-8")
    return text.replace("〔2024〕", "〔2023〕").replace("鄂尔多斯市", "包头市", 3)


def answers(out: Path) -> dict:
    return named_answers(open_graph(out))


def assert_same_output(a: Path, b: Path) -> None:
    assert (a / "graph.trig").read_bytes() == (b / "graph.trig").read_bytes()
    totals = [json.loads((x / "report.json").read_text(encoding="utf-8"))["totals"] for x in (a, b)]
    assert totals[0] == totals[1]
    assert answers(a) == answers(b)


def build_graph(*args, **kwargs):
    """A build without its page, for the tests that compare graphs, reports and answers (the
    page's own incremental rules have tests of their own below)."""
    return build(*args, html=False, **kwargs)


def statuses(report) -> dict:
    return {f.name: f.skipped for f in report.files}


def test_a_rebuild_replaces_changed_files_and_prunes_removed_ones(tmp_path):
    out = tmp_path / "out"
    build_graph([corpus(tmp_path / "v1", a="000", b="001", c="002")], out)
    v2 = corpus(tmp_path / "v2", a="000", b=edited("001"), d="003")
    report = build_graph([v2], out, prune=True)
    assert statuses(report) == {"a.txt": "unchanged", "b.txt": None, "d.txt": None}
    assert report.removed == ("c.txt",)
    build_graph([v2], tmp_path / "clean")
    assert_same_output(out, tmp_path / "clean")


def test_without_prune_the_files_of_the_last_build_stay(tmp_path):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000", b="003")
    build_graph([v1], out)
    report = build_graph([SAMPLES["004"]], out)
    assert statuses(report) == {"004_8e672ddf229b4080.txt": None, "a.txt": "unchanged", "b.txt": "unchanged"}
    build_graph([v1, SAMPLES["004"]], tmp_path / "clean")
    assert_same_output(out, tmp_path / "clean")


def test_nothing_changed_nothing_extracted(tmp_path, monkeypatch):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000", b="003")
    build_graph([v1], out)
    before = (out / "graph.trig").read_bytes()
    monkeypatch.setattr(graph.build, "run_one", lambda *a: pytest.fail("extracted an unchanged file"))
    report = build_graph([v1], out)
    assert set(statuses(report).values()) == {"unchanged"}
    assert (out / "graph.trig").read_bytes() == before


def test_the_page_is_redrawn_only_when_the_graph_changed(tmp_path, monkeypatch):
    import graph.viz
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000")
    build([v1], out)
    page = (out / "graph.html").read_text(encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(graph.viz, "write_graph_html", lambda *a, **k: pytest.fail("redrew an unchanged graph"))
        build([v1], out)
    assert (out / "graph.html").read_text(encoding="utf-8") == page
    build([corpus(tmp_path / "v2", a="000", b="003")], out)
    redrawn = (out / "graph.html").read_text(encoding="utf-8")
    assert "鄂尔多斯市能源局" not in page and "鄂尔多斯市能源局" in redrawn     # 003's appointments
    build([v1], out, prune=True)              # back to the first graph: the first page again
    assert (out / "graph.html").read_text(encoding="utf-8") == page


def test_an_unchanged_rebuild_with_a_failed_file_keeps_the_page_and_entries(tmp_path, monkeypatch):
    """issue 16: the failed file's entry moved to a new offset, so the page was redrawn."""
    import graph.viz
    from graph.manifest import read_manifest
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000")
    (v1 / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    build([v1], out)
    entries = read_manifest(out).entries
    with monkeypatch.context() as m:
        m.setattr(graph.viz, "write_graph_html", lambda *a, **k: pytest.fail("redrew an unchanged graph"))
        report = build([v1], out)
    assert [f.skipped for f in report.files] == ["unchanged", "unchanged"] and len(report.failed) == 1
    assert read_manifest(out).entries == entries and (out / "graph.html").exists()


def test_a_build_killed_after_its_commit_leaves_no_older_page(tmp_path, monkeypatch):
    """issue 16: killed between the commit and the page, the old page stayed beside the new graph."""
    import graph.viz
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000")], out)
    assert (out / "graph.html").exists()

    def killed(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(graph.viz, "write_graph_html", killed)
    with pytest.raises(KeyboardInterrupt):
        build([corpus(tmp_path / "v2", a="000", b="003")], out)
    assert not (out / "graph.html").exists()
    assert len(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]) == 2


def test_the_fingerprint_reads_every_module_lexicon_and_asset():
    from importlib import resources
    from graph.manifest import _code
    names = {name for name, _ in _code(resources.files("graph"))}
    assert {"rdf.py", "patterns/bodies.py", "extract/tasks.py", "lexicon/__init__.py",
            "static/viz.js"} <= names
    assert any(n.startswith("lexicon/") and n.endswith(".tsv") for n in names)


def test_a_duplicate_takes_over_when_its_original_is_pruned(tmp_path):
    out = tmp_path / "out"
    report = build_graph([corpus(tmp_path / "v1", a="000", b="000")], out)
    assert statuses(report) == {"a.txt": None, "b.txt": "duplicate of a.txt"}
    v2 = corpus(tmp_path / "v2", b="000")
    build_graph([v2], out, prune=True)
    build_graph([v2], tmp_path / "clean")
    assert_same_output(out, tmp_path / "clean")


def test_any_number_of_jobs_gives_the_same_bytes(tmp_path, sample_build):
    build_graph([], tmp_path / "one", jobs=1)            # the sample build: a worker per core
    assert_same_output(tmp_path / "one", sample_build[0])


def test_workers_follow_the_cores_the_files_and_their_size(monkeypatch):
    from graph.build import EXTRACT, REUSE, Step, auto_jobs
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)

    def steps(*sizes, action=EXTRACT):
        return [Step(f"{i}.txt", Path(f"{i}.txt"), "0" * 64, size, action) for i, size in enumerate(sizes)]
    assert auto_jobs(steps(200_000, 200_000, 200_000, 200_000, 200_000, 200_000)) == 4     # the cores
    assert auto_jobs(steps(400_000, 400_000)) == 2                                         # the files
    assert auto_jobs(steps(*[20_000] * 10)) == 1        # 200 KB: one worker's worth of text
    assert auto_jobs(steps(5_000)) == 1
    assert auto_jobs(steps(400_000, 400_000, action=REUSE)) == 1                          # nothing to read


def test_other_code_rebuilds_everything(tmp_path):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000")
    build_graph([v1], out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["fingerprint"] = "made-by-older-code"
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert statuses(build_graph([v1], out)) == {"a.txt": None}


def test_an_interrupted_build_leaves_the_previous_output_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus(tmp_path / "v1", a="000", b="001")], out, store=True)   # a store, to be left whole too
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    answers_before = answers(out)
    v2 = corpus(tmp_path / "v2", a=edited("000"), b=edited("001"), c="002")
    calls = []

    def interrupted(path, name, *wants):
        calls.append(name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return run_one(path, name, *wants)
    run_one = graph.build.run_one
    monkeypatch.setattr(graph.build, "run_one", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([v2], out, jobs=1)      # in this process, where run_one is replaced
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert answers(out) == answers_before
    assert sorted(p.name for p in out.iterdir()) == [".lock", "graph.html", "graph.trig",
                                                     "manifest.json", "report.json", "rows.sqlite", "store", "store-1"]


def test_what_a_killed_build_left_is_swept_by_the_next(tmp_path):
    out = tmp_path / "out"
    v1 = corpus(tmp_path / "v1", a="000")
    build([v1], out, store=True)
    (out / "graph.trig.tmp").write_bytes(b"half a graph")
    (out / "store-7").mkdir()
    build([v1], out)
    assert sorted(p.name for p in out.iterdir()) == [".lock", "graph.html", "graph.trig",
                                                     "manifest.json", "report.json", "rows.sqlite", "store", "store-2"]


def test_one_build_at_a_time(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    held = _lock(out)
    try:
        with pytest.raises(BuildLocked):
            build([SAMPLES["000"]], out)
    finally:
        held.close()


def test_the_cli_says_what_it_reused_and_removed(tmp_path):
    from click.testing import CliRunner
    from graph.cli import main
    out = str(tmp_path / "out")
    v1 = corpus(tmp_path / "v1", a="000", b="003")
    first = CliRunner().invoke(main, ["build", str(v1), "--out", out, "--jobs", "2"])
    assert first.exit_code == 0 and "2 files (0 failed, 0 unchanged, 0 removed)" in first.output
    v2 = corpus(tmp_path / "v2", a="000")
    again = CliRunner().invoke(main, ["build", str(v2), "--out", out, "--prune"])
    assert again.exit_code == 0 and "1 files (0 failed, 1 unchanged, 1 removed)" in again.output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is chosen on Linux only")
def test_workers_are_forked_only_from_a_process_without_other_threads(monkeypatch):
    monkeypatch.setattr(graph.build.threading, "active_count", lambda: 1)
    assert graph.build._context().get_start_method() == "fork"
    monkeypatch.setattr(graph.build.threading, "active_count", lambda: 2)   # a notebook's, say
    assert graph.build._context().get_start_method() == "forkserver"
