"""A plan of a city outside the sample's region (洛阳市), made into RDF through the real
model, that holds each false alarm the first audits raised on the sample and each true
finding they must keep:

- no finding: 市应急管理局 and 市气象局 hold duties and serve through their heads, listed
  as 副总指挥; 市住房和城乡建设局 hosts the office; 市城投集团 is 市城投集团有限公司 on the
  member list; 市水利局 and 市公安局 carry tasks (牵头/配合), not duties; 各县区人民政府 is a
  collective and 市消防救援支队以及其他应急救援力量 a listing, neither audited as a unit;
  市水务局 serves through its head, whose post is printed second (…主任、市水务局局长);
  the 现场工作组 under the headquarters needs no leader or office of its own; 市消防救援支队
  and 西工区人民政府 are members whose work is given to 市消防救援支队以及其他应急救援力量 and
  各县区人民政府;
- no finding either: a table of plans to draft (专项方案 / 编制单位) names the members in other
  forms: 市水务投资集团 (a contraction of 市水务建设投资集团有限公司), 洛阳供电公司电力检修有限公司
  (the subsidiary 电力检修有限公司 after its parent company), 宣传部 (市委宣传部 without its
  committee's 委), 市人民政府督查室 (市政府督查室 written out);
- no finding either: the headquarters printed a second way (洛阳市城市防汛抗旱指挥部, set up
  with no leader or office of its own: the same body); 镇人民政府 (every town's government);
  市人民政府, a member through its 副秘书长, is the plan's own government (its work is the plan);
  伊滨经济开发区 drafts a plan and serves through 园区管委会 on the member list (every zone);
  the 现场应急指挥部 is formed on the scene, its head named by the standing headquarters then;
- findings: 市审计局 drafts a plan and serves on no body: 市直有关部门 on the list is an open
  class, which cannot show that it is among them;
- findings: 市森林消防救援支队 drafts a plan and sits on no body (it is not the 市消防救援支队
  on the list); 市财政局 has a duty and sits on no body; 市民政局 is a member with no work;
  市文广广电局 (member) and 市文旅广电局 (duty) are one unit misspelt; the 领导小组 has no
  leader and no office.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.document import Document, Mention, Span
from graph.facts import Body, Duty, Leader, Membership, Office, Task, TaskUnit
from graph.output import write_trig
from graph.rdf import to_quads
from plan_fixture import Lines

CITY = "洛阳市"
TITLE = "洛阳市防汛抗旱应急预案"
HQ = "洛阳市防汛抗旱指挥部"
LINES = (
    TITLE,                                                              # 0
    "成立洛阳市防汛抗旱指挥部，负责全市防汛抗旱工作。",                     # 1
    "总指挥：张一（市长）",                                               # 2
    "副总指挥：李二（市应急管理局局长）、王三（市气象局局长）",               # 3
    "成员单位：市水利局、市文广广电局、市城投集团有限公司、市公安局、市民政局。",  # 4
    "指挥部办公室设在市住房和城乡建设局。",                                # 5
    "市应急管理局：负责组织协调抢险救援工作。",                             # 6
    "市气象局：负责天气监测预报工作。",                                    # 7
    "市住房和城乡建设局：负责城市排涝工作。",                               # 8
    "市文旅广电局：负责防汛宣传工作。",                                    # 9
    "市城投集团：负责排水设施建设。",                                      # 10
    "市财政局：负责保障防汛经费。",                                        # 11
    "各县区人民政府：负责本辖区防汛工作。",                                 # 12
    "市消防救援支队以及其他应急救援力量：负责抢险救援。",                     # 13
    "加强河道巡查。（牵头单位：市水利局；配合单位：市公安局）",                # 14
    "2024年5月1日",                                                      # 15
    "成立洛阳市河湖管理工作领导小组，负责全市河湖管理工作。",                   # 16
    "市防汛抗旱指挥部下设现场工作组，由市水利局牵头。",                        # 17
    "副总指挥：赵四（市发展和改革委员会主任、市水务局局长）",                  # 18
    "市水务局：负责城市供水保障。",                                         # 19
    "指挥部成员单位还包括市消防救援支队、西工区人民政府。",                    # 20
    "成员单位另有市水务建设投资集团有限公司、电力检修有限公司、市委宣传部、市政府督查室。",  # 21
    "序号\t专项方案\t编制单位",                                              # 22
    "1\t城市供水保障方案\t市水务投资集团",                                     # 23
    "2\t城市供电保障方案\t洛阳供电公司电力检修有限公司",                        # 24
    "3\t宣传报道保障方案\t宣传部",                                             # 25
    "4\t督查考评工作方案\t市人民政府督查室",                                   # 26
    "5\t森林防火保障方案\t市森林消防救援支队",                                 # 27
    "汛期成立洛阳市城市防汛抗旱指挥部，统一指挥城区防汛工作。",                    # 28
    "镇人民政府：负责本镇防汛工作。",                                          # 29
    "成员：刘五（市人民政府副秘书长）",                                          # 30
    "成员还有园区管委会、市直有关部门负责人。",                                    # 31
    "6\t园区运维保障工作方案\t伊滨经济开发区",                                  # 32
    "7\t审计监督保障方案\t市审计局",                                            # 33
    "事发后成立洛阳市防汛现场应急指挥部，总指挥由市指挥部指定。",                    # 34
)
LUOYANG = Lines("luoyang.txt", LINES)
TEXT, SOURCE = LUOYANG.text, LUOYANG.source()
line_span, m = LUOYANG.span, LUOYANG.mention


def unit(short: str, i: int, value: str | None = None) -> Mention:
    """市X printed, 洛阳市X canonical; 各… a collective."""
    value = value or (CITY + short[1:] if short.startswith("市") else short)
    return m(short, i, value, collective=short.startswith("各"))


def facts() -> list:
    hq = m(HQ, 1, HQ)
    out = [
        Body("P", line_span(1), "fixture", hq, "headquarters"),
        Leader("P", line_span(2), "fixture", hq, "总指挥", m("张一", 2), m("市长", 2, "洛阳市市长")),
        Leader("P", line_span(3), "fixture", hq, "副总指挥", m("李二", 3),
               m("市应急管理局局长", 3, "洛阳市应急管理局局长")),
        Leader("P", line_span(3), "fixture", hq, "副总指挥", m("王三", 3), m("市气象局局长", 3, "洛阳市气象局局长")),
        Office("P", line_span(5), "fixture", hq, unit("市住房和城乡建设局", 5)),
    ]
    out += [Membership("P", line_span(4), "fixture", hq, unit(u, 4))
            for u in ("市水利局", "市文广广电局", "市城投集团有限公司", "市公安局", "市民政局")]
    out += [
        Body("P", line_span(16), "fixture", m("洛阳市河湖管理工作领导小组", 16, "洛阳市河湖管理工作领导小组"),
             "leading_group"),
        Body("P", line_span(17), "fixture", m("现场工作组", 17, HQ + "现场工作组"), "working_group", parent=hq),
        Leader("P", line_span(18), "fixture", hq, "副总指挥", m("赵四", 18),
               m("市发展和改革委员会主任、市水务局局长", 18, "洛阳市发展和改革委员会主任、市水务局局长")),
    ]
    out += [Membership("P", line_span(20), "fixture", hq, unit(u, 20, value))
            for u, value in (("市消防救援支队", None), ("西工区人民政府", "洛阳市西工区人民政府"))]
    for i in (*range(6, 14), 19):
        holder, text = LINES[i].rstrip("。").split("：")
        out.append(Duty("P", line_span(i), "fixture", unit(holder, i), "unit", hq, text))
    out += [Membership("P", line_span(21), "fixture", hq, unit(u, 21, value)) for u, value in (
        ("市水务建设投资集团有限公司", None), ("电力检修有限公司", "电力检修有限公司"), ("市委宣传部", None),
        ("市政府督查室", None))]
    for i, value in ((23, None), (24, "洛阳供电公司电力检修有限公司"), (25, CITY + "宣传部"), (26, None), (27, None)):
        _, plan, drafter = LINES[i].split("\t")
        out.append(Task("P", line_span(i), "fixture", plan, (TaskUnit("responsible", unit(drafter, i, value)),)))
    out.append(Body("P", line_span(28), "fixture", m("洛阳市城市防汛抗旱指挥部", 28, "洛阳市城市防汛抗旱指挥部"),
                    "headquarters"))
    out.append(Duty("P", line_span(29), "fixture", unit("镇人民政府", 29), "unit", hq, "负责本镇防汛工作"))
    out += [Membership("P", line_span(31), "fixture", hq, m(u, 31, u, collective=True)) for u in ("园区管委会", "市直有关部门")]
    for i, value in ((32, CITY + "伊滨经济开发区"), (33, None)):
        _, plan, drafter = LINES[i].split("\t")
        out.append(Task("P", line_span(i), "fixture", plan, (TaskUnit("responsible", unit(drafter, i, value)),)))
    out.append(Body("P", line_span(34), "fixture", m("洛阳市防汛现场应急指挥部", 34, "洛阳市防汛现场应急指挥部"),
                    "headquarters"))
    out.append(Membership("P", line_span(30), "fixture", hq, None, m("刘五", 30),
                          m("市人民政府副秘书长", 30, "洛阳市人民政府副秘书长")))
    out.append(Task("P", line_span(14), "fixture", "加强河道巡查", (
        TaskUnit("lead", unit("市水利局", 14)), TaskUnit("support", unit("市公安局", 14)))))
    return out


def document() -> Document:
    span = Span(0, line_span(len(LINES) - 1).end)
    title = m(TITLE, 0)
    return Document(key="P", source=SOURCE, start=span.start, end=span.end, kind="notice",
                    notice_title=None, title=title, date=m(LINES[15], 15, "2024-05-01"),
                    issuer=Mention("洛阳市人民政府办公室", title.span, "洛阳市人民政府办公室"),
                    jurisdiction=CITY, span=span)


@pytest.fixture(scope="session")
def audit_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    write_trig(to_quads(SOURCE, (document(),), facts()), out / "graph.trig")
    return out
