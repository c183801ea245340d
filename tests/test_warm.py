"""graph.warm: what a build loads once before it forks its workers."""
import subprocess
import sys
import textwrap

from graph.warm import LOADERS

AFTER_WARM = textwrap.dedent("""
    from graph import lexicon
    from graph.build import sample_corpus
    from graph.ingest import read_source
    from graph.pipeline import process
    from graph.warm import warm
    warm()
    loaded = lexicon.read_table.cache_info().currsize
    for path, name in sample_corpus():
        process(read_source(path, name))
    print(loaded, lexicon.read_table.cache_info().currsize)
""")


def test_after_warm_the_stages_read_no_lexicon_table():
    # in a fresh process, as a forked worker starts: every table the sample needs is loaded
    out = subprocess.run([sys.executable, "-c", AFTER_WARM], capture_output=True, text=True, check=True)
    loaded, after = map(int, out.stdout.split())
    assert loaded == after
    assert loaded >= 15


def test_every_loader_keeps_what_it_loads():
    # a loader without a cache would be loaded again in each worker
    assert all(callable(getattr(loader, "cache_info", None)) for loader in LOADERS)


def test_a_build_whose_warm_up_fails_builds_all_the_same(tmp_path, monkeypatch):
    # the stages then load in each worker on first use, as they did before warm-ups
    import graph.warm
    from graph.build import build, sample_corpus

    def broken():
        raise OSError("a lexicon cannot be read")
    monkeypatch.setattr(graph.warm, "warm", broken)
    files = [path for path, _ in sample_corpus()[:2]]
    warmed = build(files, tmp_path / "warmed", jobs=2, html=False)
    monkeypatch.undo()
    plain = build(files, tmp_path / "plain", jobs=1, html=False)
    assert [f.error for f in warmed.files] == [None, None]
    assert (tmp_path / "warmed" / "graph.trig").read_bytes() == (tmp_path / "plain" / "graph.trig").read_bytes()
