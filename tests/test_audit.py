"""Plan audits on a plan that holds the false alarms of the first audits and their true
findings (``audit_fixture``), and the ``govkg audit`` report in CSV, JSON and HTML."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from graph import analyze as A
from graph.audit import audit_report
from graph.cli import main
from graph.network import to_networkx
from graph.plans import read_plans
from graph.store import open_graph
from audit_fixture import TITLE, TEXT


@pytest.fixture(scope="module")
def plan(audit_build):
    G = to_networkx(open_graph(audit_build))
    (p,) = read_plans(G)
    return p, G


def subjects(plan, audit) -> list[str]:
    p, G = plan
    return [f.subject for f in audit(p, G) or ()]


@pytest.mark.parametrize("audit, subject", [
    pytest.param(A.work_off_bodies, "洛阳市财政局", id="duty-off-bodies"),
    # the misspelt name sits on no body: true, and the variant audit says why
    pytest.param(A.work_off_bodies, "洛阳市文旅广电局", id="misspelt-off-bodies"),
    pytest.param(A.members_without_work, "洛阳市民政局", id="member-without-work"),
    pytest.param(A.spelling_variants, "洛阳市文广广电局 / 洛阳市文旅广电局", id="spelt-two-ways"),
    # a fire brigade of the forest is another unit than the city's fire brigade on the list
    pytest.param(A.work_off_bodies, "洛阳市森林消防救援支队", id="another-unit-with-a-longer-name"),
    # 市直有关部门 on the member list is an open class: it does not put 市审计局 on the body
    pytest.param(A.work_off_bodies, "洛阳市审计局", id="open-class-on-the-body"),
    pytest.param(A.bodies_missing, "洛阳市河湖管理工作领导小组", id="group-without-leader-or-office"),
])
def test_true_findings(plan, audit, subject):
    assert subject in subjects(plan, audit)


@pytest.mark.parametrize("audit, subject", [
    # the false alarms of the first audits, one per cause
    pytest.param(A.work_off_bodies, "洛阳市应急管理局", id="leader-unit"),
    pytest.param(A.work_off_bodies, "洛阳市气象局", id="leader-unit-2"),
    pytest.param(A.work_off_bodies, "洛阳市住房和城乡建设局", id="office-host"),
    pytest.param(A.work_off_bodies, "洛阳市城投集团", id="company-form-variant"),
    pytest.param(A.work_off_bodies, "各县区人民政府", id="collective"),
    pytest.param(A.work_off_bodies, "洛阳市消防救援支队以及其他应急救援力量", id="listing"),
    pytest.param(A.members_without_work, "洛阳市水利局", id="tasks-not-duties-lead"),
    pytest.param(A.members_without_work, "洛阳市公安局", id="tasks-not-duties-support"),
    pytest.param(A.members_without_work, "洛阳市城投集团有限公司", id="company-form-has-duty"),
    # the second post of a leader's (…主任、市水务局局长) makes its unit serve too
    pytest.param(A.work_off_bodies, "洛阳市水务局", id="second-post"),
    # groups under a parent body are formed and led as the parent decides
    pytest.param(A.bodies_missing, "洛阳市防汛抗旱指挥部现场工作组", id="sub-group"),
    pytest.param(A.bodies_missing, "洛阳市防汛抗旱指挥部", id="headquarters-with-both"),
    # formed on the scene, no parent recorded: its head is named when it is formed
    pytest.param(A.bodies_missing, "洛阳市防汛现场应急指挥部", id="on-site-headquarters"),
    # work given to a listing that names the unit, or to a collective that stands for it
    pytest.param(A.members_without_work, "洛阳市消防救援支队", id="named-in-a-listing"),
    pytest.param(A.members_without_work, "洛阳市西工区人民政府", id="covered-by-collective"),
    # a table of plans to draft (编制单位) names members in other forms: each drafts, each serves
    pytest.param(A.members_without_work, "洛阳市水务建设投资集团有限公司", id="contraction-member"),
    pytest.param(A.work_off_bodies, "洛阳市水务投资集团", id="contraction-drafter"),
    pytest.param(A.members_without_work, "电力检修有限公司", id="subsidiary-member"),
    pytest.param(A.work_off_bodies, "洛阳供电公司电力检修有限公司", id="subsidiary-after-parent"),
    pytest.param(A.work_off_bodies, "洛阳市宣传部", id="party-department-without-its-committee"),
    pytest.param(A.members_without_work, "洛阳市委宣传部", id="party-department-member"),
    pytest.param(A.work_off_bodies, "洛阳市人民政府督查室", id="government-written-out"),
    pytest.param(A.spelling_variants, "洛阳市水务投资集团 / 洛阳市水务建设投资集团有限公司", id="contraction-no-misspelling"),
    # one headquarters printed two ways: its leaders and office are named on the other name
    pytest.param(A.bodies_missing, "洛阳市城市防汛抗旱指挥部", id="body-printed-two-ways"),
    # a town's level word and no town: every town's government, no unit
    pytest.param(A.work_off_bodies, "镇人民政府", id="township-without-a-place"),
    # the plan's own government serves through its 副秘书长: the whole plan is its work
    pytest.param(A.members_without_work, "洛阳市人民政府", id="own-government"),
    # 园区管委会 on the member list stands for every zone: the zone that drafts a plan serves
    pytest.param(A.work_off_bodies, "洛阳市伊滨经济开发区", id="zone-through-a-collective-member"),
])
def test_no_false_alarm(plan, audit, subject):
    assert subject not in subjects(plan, audit)


def test_findings_are_exactly_these(plan):
    p, G = plan
    found = {(f.rule, f.subject) for found in A.audit_plan(p, G).values() for f in found or ()}
    assert found == {
        ("audit.work_off_bodies", "洛阳市财政局"), ("audit.work_off_bodies", "洛阳市文旅广电局"),
        ("audit.work_off_bodies", "洛阳市森林消防救援支队"), ("audit.work_off_bodies", "洛阳市审计局"),
        ("audit.member_without_work", "洛阳市民政局"), ("audit.member_without_work", "洛阳市文广广电局"),
        ("audit.spelling_variant", "洛阳市文广广电局 / 洛阳市文旅广电局"),
        ("audit.body_missing", "洛阳市河湖管理工作领导小组")}


def test_a_variant_finding_quotes_both_names(plan):
    p, G = plan
    (f,) = A.spelling_variants(p, G)
    assert [x.quote for x in f.evidence] == [
        "成员单位：市水利局、市文广广电局、市城投集团有限公司、市公安局、市民政局。", "市文旅广电局：负责防汛宣传工作。"]


def test_composition_counts_leaders_members_and_office(plan):
    p, _ = plan
    served = p.units_serving()
    assert {"洛阳市应急管理局", "洛阳市气象局", "洛阳市住房和城乡建设局", "洛阳市城投集团有限公司"} <= served
    assert {x.how for x in p.serving} == {"leader", "member", "office", "official"}


def test_every_finding_places_its_quotes_in_the_file(audit_build):
    (report,) = audit_report(open_graph(audit_build))
    assert report.findings()
    for f in report.findings():
        for link in f.evidence:
            place = report.place(link)
            assert TEXT[place.start:place.end] == place.quote == link.quote
            assert place.file == "luoyang.txt"
    assert report.results["audit.leader_removed"] == []             # no later notice removed them
    (body,) = report.results["audit.body_missing"]
    assert body.detail == "leading_group with no office and no leader named in the plan"


def test_the_report_shows_how_names_were_read_as_one_unit(audit_build):
    (report,) = audit_report(open_graph(audit_build))
    names = {unit: {n: (how, x.quote) for n, how, x in printed} for unit, printed in report.names()}
    assert names["洛阳市水务建设投资集团有限公司"] == {
        "洛阳市水务建设投资集团有限公司": ((), "成员单位另有市水务建设投资集团有限公司、电力检修有限公司、市委宣传部、市政府督查室。"),
        "洛阳市水务投资集团": (("contraction",), "1\t城市供水保障方案\t市水务投资集团")}
    assert names["电力检修有限公司"]["洛阳供电公司电力检修有限公司"][0][-1] == "parent"
    assert names["洛阳市委宣传部"]["洛阳市宣传部"][0] == ("organ",)
    assert "洛阳市森林消防救援支队" not in names and "洛阳市消防救援支队" not in names


@pytest.mark.parametrize("ending", ["csv", "json", "html"])
def test_audit_command_writes_each_format(audit_build, tmp_path, ending):
    out = tmp_path / f"audit.{ending}"
    result = CliRunner().invoke(main, ["audit", "--graph", str(audit_build), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "市文旅广电局：负责防汛宣传工作。" in text and "audit.spelling_variant" in text
    if ending == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        row = next(r for r in rows if r["subject"] == "洛阳市财政局")
        assert TEXT[int(row["start"]):int(row["end"])] == row["quote"] == "市财政局：负责保障防汛经费。"
    if ending == "json":
        (plan,) = json.loads(text)
        assert plan["document"] == TITLE and plan["checks"]["audit.leader_removed"] == "passed"
        assert "洛阳市住房和城乡建设局" in plan["bodies"]["洛阳市防汛抗旱指挥部"]["office"]
        (drafter,) = [x for x in plan["names"]["洛阳市水务建设投资集团有限公司"] if x["how"]]
        assert TEXT[drafter["start"]:drafter["end"]] == drafter["quote"] and drafter["how"] == ["contraction"]
    if ending == "html":
        assert "<script" not in text and "http" not in text.split("</style>")[1]
        assert "<h3>Names read as one unit</h3>" in text and "<td>contraction</td>" in text


@pytest.mark.parametrize("args, message", [
    pytest.param(["--document", "no such plan"], "no plans titled", id="unknown-plan"),
    pytest.param(["-o", "audit.txt"], ".html, .csv or .json", id="unknown-format"),
])
def test_audit_command_errors_are_clear(audit_build, tmp_path, args, message):
    argv = ["audit", "--graph", str(audit_build), "-o", str(tmp_path / "a.html"), *args]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_sample_audit_finds_the_postal_misspelling(sample_store):
    reports = {r.plan.title: r for r in audit_report(sample_store)}
    postal = reports["通辽市邮政业突发事件应急预案"]
    (f,) = postal.results["audit.spelling_variant"]
    assert f.subject == "通辽市文广广电局 / 通辽市文旅广电局"
    assert [postal.place(x).file for x in f.evidence] == ["004_8e672ddf229b4080.txt"] * 2


def test_audit_command_on_the_sample_writes_every_plan(sample_build, sample_store, tmp_path):
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(main, ["audit", "--graph", str(sample_build[0]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plans = read_plans(to_networkx(sample_store))
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="plan"') == len(plans) > 20
    assert all(f"<h2>{p.title}</h2>" in page for p in plans if "<" not in p.title and "&" not in p.title)


def test_audit_command_reports_one_plan(sample_build, tmp_path):
    out = tmp_path / "postal.csv"
    argv = ["audit", "--graph", str(sample_build[0]), "--document", "邮政业", "-o", str(out)]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 0 and "1 plan(s)" in result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert {r["document"] for r in rows} == {"通辽市邮政业突发事件应急预案"}
    variant = [r for r in rows if r["rule"] == "audit.spelling_variant"]
    assert [r["quote"][:5] for r in variant] == ["成员单位：", "市文旅广电"]
