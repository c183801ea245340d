"""Shared fixtures: the bundled sample corpus built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build
from graph.store import open_graph
from plan_fixture import plan_build, plan_network  # noqa: F401  (fixtures: the hand-made plans)
from audit_fixture import audit_build  # noqa: F401  (fixture: a plan holding the audits' false alarms)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample corpus, built into a temporary folder (shared by the session)."""
    out = tmp_path_factory.mktemp("sample")
    report = build([], out)
    return out, report


@pytest.fixture(scope="session")
def sample_store(sample_build):
    return open_graph(sample_build[0])


def data_file(name: str) -> Path:
    return DATA / name


# values for the named queries that take a parameter
QUERY_PARAMS = {"unit_bodies": {"unit": "鄂尔多斯市应急管理局"}, "unit_duties": {"unit": "鄂尔多斯市应急管理局"},
                "unit_lead_tasks": {"unit": "鄂尔多斯市住房和城乡建设局"}}


def named_answers(graph) -> dict[str, tuple[tuple[str, ...], set]]:
    """Every named query's header and rows (as a set: stores may order ties apart)."""
    from graph.query import named_queries, query_text, run_query
    out = {}
    for name in named_queries():
        table = run_query(graph, query_text(name), QUERY_PARAMS.get(name, {}))
        out[name] = (table.header, set(table.rows))
    return out
