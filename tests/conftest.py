"""Shared fixtures: the bundled sample corpus built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build
from graph.store import open_graph
from plan_fixture import plan_build, plan_network  # noqa: F401  (fixtures: the hand-made plans)

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
