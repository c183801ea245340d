"""Analyses: rankings, co-serving, and one true finding per plan audit on the hand-made plans."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import analyze as A
from graph.cli import main

FIRE = "鄂尔多斯市森林草原防灭火应急预案"
FLOOD = "鄂尔多斯市防汛抗旱应急预案"


def rows(table):
    return table.records()


@pytest.mark.parametrize("audit, finding", [
    pytest.param(A.duties_off_bodies, {"document": FIRE, "unit": "鄂尔多斯市财政局", "duties": "1"},
                 id="duties-off-bodies"),
    pytest.param(A.members_without_duties,
                 {"document": FLOOD, "body": "鄂尔多斯市防汛抗旱指挥部", "unit": "鄂尔多斯市气象局"},
                 id="member-without-duty"),
    pytest.param(A.bodies_missing, {"body": "鄂尔多斯市防汛抗旱指挥部", "type": "headquarters",
                                    "document": FLOOD, "missing": "office"}, id="no-office"),
    pytest.param(A.bodies_missing, {"body": "鄂尔多斯市森林草原防灭火指挥部专家组", "type": "expert_group",
                                    "document": FIRE, "missing": "leader"}, id="no-leader"),
    pytest.param(A.removed_leaders, {
        "person": "张三", "body": "鄂尔多斯市森林草原防灭火指挥部", "role": "总指挥", "post": "鄂尔多斯市市长",
        "document": FIRE, "date": "2024-03-01",
        "removed_by": "鄂尔多斯市人民政府关于张三等同志职务任免的通知", "removed_on": "2024-06-01"},
        id="leader-removed-later"),
])
def test_each_audit_finds_what_the_fixture_hides(plan_network, audit, finding):
    assert finding in rows(audit(plan_network))


@pytest.mark.parametrize("audit, column, value", [
    # collective entries (各旗区人民政府) are many units: no audit of theirs
    pytest.param(A.duties_off_bodies, "unit", "各旗区人民政府", id="collective-not-audited"),
    # 李四 was removed from another post, before the plan: no finding
    pytest.param(A.removed_leaders, "person", "李四", id="earlier-removal"),
    # an office needs no office; a group under a parent works through the parent's
    pytest.param(A.bodies_missing, "body", "鄂尔多斯市森林草原防灭火指挥部办公室", id="office-body"),
    pytest.param(A.members_without_duties, "unit", "鄂尔多斯市应急管理局", id="member-with-duty"),
])
def test_audits_stay_quiet_where_nothing_is_wrong(plan_network, audit, column, value):
    assert value not in [r[column] for r in rows(audit(plan_network))]


def test_units_ranked_by_bodies_then_duties(plan_network):
    ranked = rows(A.rank_units(plan_network))
    assert [r["unit"] for r in ranked[:2]] == ["鄂尔多斯市应急管理局", "鄂尔多斯市气象局"]
    assert ranked[0]["bodies"] == "2" and ranked[0]["duties"] == "2"
    assert float(ranked[0]["betweenness"]) > float(ranked[1]["betweenness"]) > 0


def test_units_that_co_serve(plan_network):
    assert rows(A.co_serving(plan_network)) == [{
        "unit": "鄂尔多斯市应急管理局", "with": "鄂尔多斯市气象局", "bodies": "2",
        "shared": "鄂尔多斯市森林草原防灭火指挥部、鄂尔多斯市防汛抗旱指挥部"}]


def test_analyze_command_prints_every_table(sample_build, plan_build):
    for folder in (sample_build[0], plan_build):
        result = CliRunner().invoke(main, ["analyze", "--graph", str(folder)])
        assert result.exit_code == 0, result.output
        for title in A.analyze(nx.MultiDiGraph()):
            assert f"## {title}" in result.output
    assert "张三" in result.output and "鄂尔多斯市财政局" in result.output


def test_a_unit_serves_through_its_official(plan_network):
    served = A.serves_on(plan_network)
    assert served["https://w3id.org/govkg/id/agency/鄂尔多斯市民政局"] == {
        "https://w3id.org/govkg/id/body/鄂尔多斯市减灾委员会"}
    assert "鄂尔多斯市民政局" not in [r["unit"] for r in rows(A.duties_off_bodies(plan_network))]
