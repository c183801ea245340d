"""A small hand-made corpus for the graph view and the analyses: two plans and two
personnel notices of one city, made into RDF through the real model (``rdf.to_quads``).

Each fact stands on the line it quotes; names carry the canonical ``value`` the resolve
stage would give them.  What the audits must find is built in on purpose:

- 市财政局 has a duty in the fire plan but sits on none of its bodies;
- 市气象局 serves on both headquarters but no plan lists a duty for it;
- 专家组 has no leader, 防汛抗旱指挥部 no office;
- 张三 commands the fire headquarters as 市长, and a later notice removed him from that
  post (李四's removal came before the plan, so it is no finding);
- 市应急管理局 and 市气象局 co-serve on both headquarters;
- 市民政局 serves on the 减灾委员会 through its 局长 王七, so its duty there is no finding.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.document import Document, Mention, Source, Span
from graph.facts import (Appointment, Body, Duty, Leader, Membership, Office, Reference, Task,
                         TaskUnit)
from graph.network import to_networkx
from graph.rdf import to_quads
from graph.output import write_trig
from graph.store import open_graph
from graph.viz import write_graph_html

CITY = "鄂尔多斯市"
LINES = (
    # D1: the fire plan                                                              line
    "鄂尔多斯市人民政府办公室关于印发鄂尔多斯市森林草原防灭火应急预案的通知",  # 0
    "鄂尔多斯市森林草原防灭火应急预案",                                         # 1
    "依据《中华人民共和国森林法》等法律法规，制定本预案。",                         # 2
    "成立鄂尔多斯市森林草原防灭火指挥部（以下简称市指挥部），负责全市森林草原防灭火工作。",  # 3
    "总指挥：张三（市长）",                                                       # 4
    "副总指挥：李四（市应急管理局局长）",                                          # 5
    "成员单位：市应急管理局、市林业和草原局、市公安局、市气象局。",                  # 6
    "市指挥部办公室设在市应急管理局，办公室主任由李四兼任。",                        # 7
    "市指挥部下设专家组，为防灭火工作提供技术支持。",                               # 8
    "市应急管理局：负责组织协调森林草原火灾扑救工作。",                            # 9
    "市林业和草原局：负责森林草原火灾预防工作。",                                  # 10
    "市公安局：负责火案侦破工作。",                                              # 11
    "市财政局：负责保障防灭火工作经费。",                                         # 12
    "各旗区人民政府：负责本辖区森林草原防灭火工作。",                               # 13
    "加强野外火源管控。（牵头单位：市林业和草原局；配合单位：市公安局；责任单位：各旗区人民政府）",  # 14
    "2024年3月1日",                                                              # 15
    # D2: the flood plan
    "鄂尔多斯市防汛抗旱应急预案",                                                 # 16
    "成立鄂尔多斯市防汛抗旱指挥部，负责全市防汛抗旱工作。",                          # 17
    "指挥长：王六（副市长）",                                                     # 18
    "成员单位：市应急管理局、市水利局、市气象局。",                                 # 19
    "市应急管理局：负责防汛抗旱应急救援工作。",                                    # 20
    "市水利局：负责水旱灾害防御工作。",                                           # 21
    "2024年4月1日",                                                              # 22
    # D3: a personnel notice after the fire plan
    "鄂尔多斯市人民政府关于张三等同志职务任免的通知",                              # 23
    "任命王五为鄂尔多斯市市长；免去张三的鄂尔多斯市市长职务。",                      # 24
    "2024年6月1日",                                                              # 25
    # D4: a personnel notice before it
    "鄂尔多斯市人民政府关于李四同志职务任免的通知",                                # 26
    "免去李四的鄂尔多斯市水利局局长职务。",                                        # 27
    "2023年12月1日",                                                             # 28
    # D5: a plan whose committee counts a unit as member through its official
    "鄂尔多斯市自然灾害救助应急预案",                                             # 29
    "成立鄂尔多斯市减灾委员会，主任：王六（副市长），办公室设在市应急管理局。",        # 30
    "委员：王七（市民政局局长）。",                                                # 31
    "市民政局：负责受灾群众基本生活救助工作。",                                    # 32
    "2024年5月1日",                                                              # 33
)


@dataclass(frozen=True)
class Lines:
    """A hand-made source file of one statement a line, and what is found on its lines."""

    name: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def source(self) -> Source:
        text = self.text
        return Source(name=self.name, text=text, digest=hashlib.sha256(text.encode()).hexdigest(),
                      encoding="utf-8", size=len(text.encode()))

    def span(self, i: int) -> Span:
        start = sum(len(line) + 1 for line in self.lines[:i])
        return Span(start, start + len(self.lines[i]))

    def mention(self, text: str, i: int, value: str | None = None, collective: bool = False) -> Mention:
        """``text`` as found on line ``i``, with its canonical ``value``."""
        at = self.span(i).start + self.lines[i].index(text)
        return Mention(text, Span(at, at + len(text)), value, collective)


PLAN = Lines("plan.txt", LINES)
TEXT, SOURCE = PLAN.text, PLAN.source()
line_span, m = PLAN.span, PLAN.mention


def unit(short: str, i: int) -> Mention:
    """A city unit printed as 市X局, canonically 鄂尔多斯市X局."""
    return m(short, i, CITY + short[1:] if short.startswith("市") else None,
             collective=short.startswith("各"))


def document(key: str, first: int, last: int, title: Mention, issuer: str, date: str,
             kind: str = "notice", notice_title: Mention | None = None) -> Document:
    span = Span(line_span(first).start, line_span(last).end)
    return Document(key=key, source=SOURCE, start=span.start, end=span.end, kind=kind,
                    notice_title=notice_title, title=title, date=m(LINES[last], last, date),
                    issuer=Mention(issuer, title.span, issuer), jurisdiction=CITY, span=span)


FIRE_HQ = "鄂尔多斯市森林草原防灭火指挥部"
FLOOD_HQ = "鄂尔多斯市防汛抗旱指挥部"
EXPERTS = FIRE_HQ + "专家组"
OFFICE = FIRE_HQ + "办公室"
MAYOR = "鄂尔多斯市市长"
COMMITTEE = "鄂尔多斯市减灾委员会"


def documents() -> tuple[Document, ...]:
    return (
        document("D1", 0, 15, m(LINES[1], 1), "鄂尔多斯市人民政府办公室", "2024-03-01",
                 notice_title=m(LINES[0], 0)),
        document("D2", 16, 22, m(LINES[16], 16), "鄂尔多斯市人民政府办公室", "2024-04-01"),
        document("D3", 23, 25, m(LINES[23], 23), "鄂尔多斯市人民政府", "2024-06-01", "personnel"),
        document("D4", 26, 28, m(LINES[26], 26), "鄂尔多斯市人民政府", "2023-12-01", "personnel"),
        document("D5", 29, 33, m(LINES[29], 29), "鄂尔多斯市人民政府办公室", "2024-05-01"),
    )


def fire_plan_facts() -> list:
    hq = m("市指挥部", 3, FIRE_HQ)             # the body as named where it is set up
    facts = [
        Reference("D1", line_span(2), "fixture", m("中华人民共和国森林法", 2)),
        Body("D1", line_span(3), "fixture", m("鄂尔多斯市森林草原防灭火指挥部", 3, FIRE_HQ),
             "headquarters", aliases=(m("市指挥部", 3),)),
        Leader("D1", line_span(4), "fixture", hq, "总指挥", m("张三", 4), m("市长", 4, MAYOR)),
        Leader("D1", line_span(5), "fixture", hq, "副总指挥", m("李四", 5),
               m("市应急管理局局长", 5, "鄂尔多斯市应急管理局局长")),
        Body("D1", line_span(7), "fixture", m("市指挥部办公室", 7, OFFICE), "office", parent=hq),
        Office("D1", line_span(7), "fixture", hq, unit("市应急管理局", 7)),
        Leader("D1", line_span(7), "fixture", m("市指挥部办公室", 7, OFFICE), "主任", m("李四", 7), None),
        Body("D1", line_span(8), "fixture", m("专家组", 8, EXPERTS), "expert_group", parent=hq),
    ]
    facts += [Membership("D1", line_span(6), "fixture", hq, unit(u, 6))
              for u in ("市应急管理局", "市林业和草原局", "市公安局", "市气象局")]
    for i in range(9, 14):
        holder, text = LINES[i].rstrip("。").split("：")
        facts.append(Duty("D1", line_span(i), "fixture", unit(holder, i), "unit", hq, text))
    facts.append(Task("D1", line_span(14), "fixture", "加强野外火源管控", (
        TaskUnit("lead", unit("市林业和草原局", 14)), TaskUnit("support", unit("市公安局", 14)),
        TaskUnit("responsible", unit("各旗区人民政府", 14)))))
    return facts


def flood_plan_facts() -> list:
    hq = m("鄂尔多斯市防汛抗旱指挥部", 17, FLOOD_HQ)
    facts = [
        Body("D2", line_span(17), "fixture", m("鄂尔多斯市防汛抗旱指挥部", 17, FLOOD_HQ), "headquarters"),
        Leader("D2", line_span(18), "fixture", hq, "指挥长", m("王六", 18),
               m("副市长", 18, "鄂尔多斯市副市长")),
    ]
    facts += [Membership("D2", line_span(19), "fixture", hq, unit(u, 19))
              for u in ("市应急管理局", "市水利局", "市气象局")]
    for i in (20, 21):
        holder, text = LINES[i].rstrip("。").split("：")
        facts.append(Duty("D2", line_span(i), "fixture", unit(holder, i), "unit", hq, text))
    return facts


def relief_plan_facts() -> list:
    committee = m("鄂尔多斯市减灾委员会", 30, COMMITTEE)
    return [
        Body("D5", line_span(30), "fixture", committee, "committee"),
        Office("D5", line_span(30), "fixture", committee, unit("市应急管理局", 30)),
        Leader("D5", line_span(30), "fixture", committee, "主任", m("王六", 30), m("副市长", 30, "鄂尔多斯市副市长")),
        Membership("D5", line_span(31), "fixture", committee, None, m("王七", 31),
                   m("市民政局局长", 31, "鄂尔多斯市民政局局长")),
        Duty("D5", line_span(32), "fixture", unit("市民政局", 32), "unit", committee, "负责受灾群众基本生活救助工作"),
    ]


def personnel_facts() -> list:
    return [
        Appointment("D3", line_span(24), "fixture", m("王五", 24), "appoint", m("鄂尔多斯市市长", 24), None),
        Appointment("D3", line_span(24), "fixture", m("张三", 24), "remove",
                    m("鄂尔多斯市市长", 24, MAYOR), None, "2024-06-01"),
        Appointment("D4", line_span(27), "fixture", m("李四", 27), "remove",
                    m("鄂尔多斯市水利局局长", 27), unit("鄂尔多斯市水利局", 27)),
    ]


def quads() -> list:
    """The fixture corpus as the quads of one named graph."""
    facts = fire_plan_facts() + flood_plan_facts() + relief_plan_facts() + personnel_facts()
    return to_quads(SOURCE, documents(), facts)


def write_build(out: Path) -> Path:
    """A build folder (graph.trig and graph.html) holding the plans."""
    out.mkdir(parents=True, exist_ok=True)
    write_trig(quads(), out / "graph.trig")
    write_graph_html(out, "fixture")
    return out


@pytest.fixture(scope="session")
def plan_build(tmp_path_factory) -> Path:
    """The fixture corpus built into a folder, as `govkg build` would leave it."""
    return write_build(tmp_path_factory.mktemp("plans"))


@pytest.fixture(scope="session")
def plan_network(plan_build):
    return to_networkx(open_graph(plan_build))
