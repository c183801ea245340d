"""Analyses: rankings, co-serving, and one true finding per plan audit on the hand-made plans."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import analyze as A
from graph.cli import main
from graph.plans import read_plans

FIRE = "鄂尔多斯市森林草原防灭火应急预案"
FLOOD = "鄂尔多斯市防汛抗旱应急预案"


def rows(table):
    return table.records()


def findings(G, audit) -> list:
    return [f for p in read_plans(G) for f in audit(p, G) or ()]


@pytest.mark.parametrize("audit, document, subject, detail", [
    pytest.param(A.work_off_bodies, FIRE, "鄂尔多斯市财政局", "1 duty in the plan, on none of its",
                 id="duties-off-bodies"),
    pytest.param(A.members_without_work, FLOOD, "鄂尔多斯市气象局",
                 "member of 鄂尔多斯市防汛抗旱指挥部, with no duty or task", id="member-without-work"),
    pytest.param(A.bodies_missing, FLOOD, "鄂尔多斯市防汛抗旱指挥部", "headquarters with no office named in the plan",
                 id="no-office"),
    pytest.param(A.removed_leaders, FIRE, "张三",
                 "总指挥 of 鄂尔多斯市森林草原防灭火指挥部 as 鄂尔多斯市市长 (plan of 2024-03-01); removed "
                 "from that post by 鄂尔多斯市人民政府关于张三等同志职务任免的通知 of 2024-06-01",
                 id="leader-removed-later"),
])
def test_each_audit_finds_what_the_fixture_hides(plan_network, audit, document, subject, detail):
    hits = [f for f in findings(plan_network, audit) if f.subject == subject and f.document == document]
    assert len(hits) == 1 and hits[0].detail.startswith(detail)
    assert hits[0].evidence and all(x.quote for x in hits[0].evidence)


@pytest.mark.parametrize("audit, subject", [
    # collective entries (各旗区人民政府) are many units: no audit of theirs
    pytest.param(A.work_off_bodies, "各旗区人民政府", id="collective-not-audited"),
    # 李四 was removed from another post, before the plan: no finding
    pytest.param(A.removed_leaders, "李四", id="earlier-removal"),
    # an office needs no office; a group under a parent works through the parent's
    pytest.param(A.bodies_missing, "鄂尔多斯市森林草原防灭火指挥部办公室", id="office-body"),
    pytest.param(A.bodies_missing, "鄂尔多斯市森林草原防灭火指挥部专家组", id="group-under-parent"),
    pytest.param(A.members_without_work, "鄂尔多斯市应急管理局", id="member-with-duty"),
    # 市林业和草原局 leads a task and holds a duty; 市公安局 supports one
    pytest.param(A.members_without_work, "鄂尔多斯市公安局", id="member-with-task"),
])
def test_audits_stay_quiet_where_nothing_is_wrong(plan_network, audit, subject):
    assert subject not in [f.subject for f in findings(plan_network, audit)]


def test_every_audit_row_names_its_rule(plan_network):
    for rule, title, _ in A.AUDITS:
        table = A.analyze(plan_network)[title]
        assert table.header == ("document", "subject", "finding", "rule")
        assert {r["rule"] for r in table.records()} <= {rule}


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
    assert "鄂尔多斯市民政局" not in [f.subject for f in findings(plan_network, A.work_off_bodies)]
