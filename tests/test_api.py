"""The Python API a notebook user finds (issue 16): `import govkg`, even in a folder that
holds a `graph.py` of one's own; build, open, a named query by name, records or a DataFrame."""
from __future__ import annotations

import subprocess
import sys

import pytest

from graph.query import QueryError, Table, named_query

SCRIPT = """
import json, sys
import govkg
from graph_user_check import check
if __name__ == "__main__":
    report = govkg.build(sys.argv[1:3], sys.argv[3], jobs=2, html=False)
    again = govkg.build(sys.argv[1:3], sys.argv[3], html=False)      # the verb, not its module
    g = govkg.open_graph(sys.argv[3])
    rows = govkg.named_query(g, "documents").records()
    bodies = govkg.named_query(g, "unit_bodies", unit="鄂尔多斯市应急管理局").records()
    print(json.dumps({"files": len(report.files), "documents": len(rows), "bodies": len(bodies),
                      "name": govkg.core.__name__, "user": check(), "unchanged": again.unchanged}))
"""


def test_import_govkg_in_a_folder_with_its_own_graph_py(tmp_path):
    from graph.build import sample_corpus
    (tmp_path / "graph.py").write_text("raise SystemExit('the user graph.py shadowed govkg')\n", encoding="utf-8")
    (tmp_path / "graph_user_check.py").write_text("def check():\n    return 'ok'\n", encoding="utf-8")
    (tmp_path / "notebook.py").write_text(SCRIPT, encoding="utf-8")
    files = [str(p) for p, _ in sample_corpus()[2:4]]
    result = subprocess.run([sys.executable, "notebook.py", *files, str(tmp_path / "out")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    import json
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["files"] == 2 and answer["documents"] >= 2 and answer["bodies"] >= 1
    assert answer["name"] == "govkg.core" and answer["user"] == "ok" and answer["unchanged"] == 2


def test_named_query_by_name(sample_store):
    table = named_query(sample_store, "unit_bodies", unit="鄂尔多斯市应急管理局")
    assert table.header == ("unit", "body") and table.rows
    assert all(r["unit"] == "鄂尔多斯市应急管理局" for r in table.records())
    with pytest.raises(QueryError, match="no named query 'bodys'"):
        named_query(sample_store, "bodys")


def test_to_dataframe_says_what_it_needs(monkeypatch):
    table = Table(("a", "b"), (("1", "2"),))
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="needs pandas .* Table.records"):
        table.to_dataframe()


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    """The README's `From Python` block, on one sample file, as a notebook would run it."""
    import re
    from pathlib import Path
    from graph.build import sample_corpus
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## From Python.*?```python\n(.*?)```", readme, re.DOTALL).group(1)
    folder = tmp_path / "gazettes"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sample_corpus()[3][0].read_bytes())
    monkeypatch.chdir(tmp_path)
    code = code.replace("table.to_dataframe()", "") if not _has_pandas() else code
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert namespace["table"].records() and namespace["report"].totals()["documents"] >= 1


def _has_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True
