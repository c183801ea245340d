"""The queries users write next about duties and tasks, on a small graph built from facts.

Memberships come from the body extractors; here they are written as Fact objects, so the
queries are tested on what the model makes of them (rdf.to_quads), whatever finds them.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from graph.document import Mention, Span
from graph.facts import Body, Duty, Membership, Task, TaskUnit
from graph.ingest import parse_bytes
from graph.query import query_text, run_query
from graph.rdf import to_quads
from graph.segment import split_documents
from graph.clean import clean
from graph.output import nquad

TEXT = "鄂尔多斯市人民政府办公室关于印发生产安全事故应急预案的通知\n鄂府办发〔2024〕17号\n各旗区人民政府:\n" \
       "现将预案印发给你们。\n鄂尔多斯市人民政府办公室\n2024年3月10日\n鄂尔多斯市生产安全事故应急预案\n正文。\n"
SPAN = Span(0, 10)


def m(text: str, value: str | None = None, collective: bool = False) -> Mention:
    return Mention(text, SPAN, value or text, collective)


HQ = m("市指挥部", "鄂尔多斯市生产安全事故应急指挥部")
EMERGENCY = m("市应急管理局", "鄂尔多斯市应急管理局")
MEDIA = m("市融媒体中心", "鄂尔多斯市融媒体中心")
ENERGY = m("市能源局", "鄂尔多斯市能源局")


def facts(doc: str):
    return [
        Body(doc, SPAN, "bodies.test", HQ, "headquarters"),
        Membership(doc, SPAN, "memberships.test", HQ, EMERGENCY),
        Duty(doc, SPAN, "duties.listing", EMERGENCY, "unit", HQ, "负责组织协调生产安全事故的应急处置工作。"),
        Duty(doc, SPAN, "duties.listing", MEDIA, "unit", HQ, "负责加强事故应急救援新闻报道。"),
        Duty(doc, SPAN, "duties.listing", m("铁路部门", collective=True), "unit", HQ, "负责铁路运输保障。"),
        Duty(doc, SPAN, "duties.body_item", HQ, "body", HQ, "负责应急救援重大事项的决策。"),
        Duty(doc, SPAN, "duties.narrative", EMERGENCY, "unit", None, "本预案由市应急管理局负责解释。", listed=False),
        Task(doc, SPAN, "tasks.labelled", "加快推进绿电上网", (TaskUnit("lead", ENERGY), TaskUnit("support", MEDIA))),
    ]


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def graph(request):
    c = clean(parse_bytes(TEXT.encode("utf-8"), "t.txt"))
    documents = split_documents(c)
    quads = to_quads(c.source, documents, facts(documents[0].key))
    if request.param == "rdflib":
        ds = Dataset(default_union=True)
        ds.addN(quads)
        return ds
    store = ox.Store()
    store.load("".join(nquad(q) for q in quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


PLAN = "鄂尔多斯市生产安全事故应急预案"


def test_units_with_duties_but_on_no_body_of_the_plan(graph):
    rows = run_query(graph, query_text("units_without_body")).rows
    # 市应急管理局 serves on the headquarters; 铁路部门 is collective; the body holds its own duties
    assert rows == ((PLAN, "鄂尔多斯市融媒体中心"),)


def test_all_duties_of_a_unit_listed_first(graph):
    rows = run_query(graph, query_text("unit_duties"), {"unit": "鄂尔多斯市应急管理局"}).rows
    assert rows == (("鄂尔多斯市应急管理局", PLAN, "鄂尔多斯市生产安全事故应急指挥部",
                     "负责组织协调生产安全事故的应急处置工作。", "true"),
                    ("鄂尔多斯市应急管理局", PLAN, "", "本预案由市应急管理局负责解释。", "false"))


def test_tasks_a_unit_leads_and_not_those_it_supports(graph):
    assert run_query(graph, query_text("unit_lead_tasks"), {"unit": "鄂尔多斯市能源局"}).rows == \
        (("鄂尔多斯市能源局", PLAN, "加快推进绿电上网"),)
    assert run_query(graph, query_text("unit_lead_tasks"), {"unit": "鄂尔多斯市融媒体中心"}).rows == ()


def test_the_duties_query_returns_listed_duties_only(graph):
    rows = run_query(graph, query_text("duties")).rows
    assert "本预案由市应急管理局负责解释。" not in {r[3] for r in rows}
    assert ("鄂尔多斯市生产安全事故应急指挥部", "鄂尔多斯市生产安全事故应急指挥部", PLAN,
            "负责应急救援重大事项的决策。") in rows
    listed = {r[4] for r in run_query(graph, query_text("all_duties")).rows}
    assert listed == {"true", "false"}
