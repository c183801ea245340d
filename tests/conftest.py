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
    """The sample corpus, built into a temporary folder (shared by the session), with an
    Oxigraph store on disk, which a build does not fill unless told to, and a query on the
    sample alone would not make (``graph.store.READ_UP_TO``): the tests hold the store's
    answers to the TriG's."""
    out = tmp_path_factory.mktemp("sample")
    report = build([], out, store=True)
    return out, report


@pytest.fixture(scope="session")
def sample_store(sample_build):
    return open_graph(sample_build[0])


@pytest.fixture(scope="session")
def sample_oxigraph(sample_store):
    return sample_store


@pytest.fixture(scope="session")
def sample_rdflib(sample_build):
    """The sample in rdflib's memory store, parsed once (read-only: tests must not change it)."""
    return open_graph(sample_build[0], "rdflib")


def data_file(name: str) -> Path:
    return DATA / name


# values for the named queries that take a parameter
QUERY_PARAMS = {"unit_bodies": {"unit": "鄂尔多斯市应急管理局"}, "unit_duties": {"unit": "鄂尔多斯市应急管理局"},
                "unit_lead_tasks": {"unit": "鄂尔多斯市住房和城乡建设局"}}


def named_answers(graph, names=None) -> dict[str, tuple[tuple[str, ...], set]]:
    """Every named query's (or those in ``names``) header and rows (as a set: stores may
    order ties apart)."""
    from graph.query import named_queries, query_text, run_query
    out = {}
    for name in names if names is not None else named_queries():
        table = run_query(graph, query_text(name), QUERY_PARAMS.get(name, {}))
        out[name] = (table.header, set(table.rows))
    return out


QUICK_MODULES = frozenset({
    "test_clean", "test_segment", "test_ingest", "test_references", "test_parsers_bodies",
    "test_appointments", "test_tasks", "test_bodies", "test_duties", "test_duty_queries",
    "test_security", "test_discover", "test_drift", "test_analyze", "test_network",
})
"""The modules of the quick subset (`pytest -m quick`, with every doctest): each runs in
seconds once the sample is built.  A new module of fast unit tests belongs here."""


SLOW_TESTS = frozenset({"test_analyze_command_prints_every_table"})
"""Tests of the quick modules left out of the quick subset (centralities on the whole sample)."""


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""
        if (module in QUICK_MODULES or isinstance(item, pytest.DoctestItem)) \
                and getattr(item, "originalname", item.name) not in SLOW_TESTS:
            item.add_marker(pytest.mark.quick)
