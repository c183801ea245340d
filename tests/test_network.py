"""The NetworkX projection (network.rq → MultiDiGraph) on the hand-made plans and the sample."""
from __future__ import annotations

import pytest

from graph.network import (KINDS, READ, READ_CLASSES, find_node, parse_projection, read_graph, read_nquads,
                           read_projection, rows_from_quads, to_networkx)
from graph.nquads import graph_lines
from graph.query import query_text, run_query
from graph.store import open_graph

FIRE = "鄂尔多斯市森林草原防灭火应急预案"
FLOOD = "鄂尔多斯市防汛抗旱应急预案"
NOTICE = "鄂尔多斯市人民政府关于张三等同志职务任免的通知"


def edges_between(G, source, target):
    return [d for _, v, d in G.out_edges(find_node(G, source), data=True) if v == find_node(G, target)]


@pytest.mark.parametrize("source, relation, target, role, quote, document", [
    # the bug that shaped network.rq: an edge with no statement (post_in) matched every quote
    pytest.param("鄂尔多斯市市长", "post_in", "鄂尔多斯市人民政府", None, None, None, id="post-in-no-quote"),
    pytest.param("鄂尔多斯市应急管理局", "member_of", "鄂尔多斯市森林草原防灭火指挥部", None,
                 "成员单位：市应急管理局、市林业和草原局、市公安局、市气象局。", FIRE, id="member"),
    pytest.param("鄂尔多斯市应急管理局", "member_of", "鄂尔多斯市防汛抗旱指挥部", None,
                 "成员单位：市应急管理局、市水利局、市气象局。", FLOOD, id="member-second-plan"),
    pytest.param("张三", "leads", "鄂尔多斯市森林草原防灭火指挥部", "总指挥", "总指挥：张三（市长）", FIRE, id="leads-role"),
    pytest.param("张三", "holds", "鄂尔多斯市市长", None, "总指挥：张三（市长）", FIRE, id="holds-post"),
    pytest.param("鄂尔多斯市森林草原防灭火指挥部", "office_at", "鄂尔多斯市应急管理局", None,
                 "市指挥部办公室设在市应急管理局，办公室主任由李四兼任。", FIRE, id="office"),
    pytest.param("鄂尔多斯市森林草原防灭火指挥部专家组", "part_of", "鄂尔多斯市森林草原防灭火指挥部", None,
                 "市指挥部下设专家组，为防灭火工作提供技术支持。", FIRE, id="part-of"),
    pytest.param("鄂尔多斯市防汛抗旱指挥部", "established_by", FLOOD, None,
                 "成立鄂尔多斯市防汛抗旱指挥部，负责全市防汛抗旱工作。", FLOOD, id="established"),
    pytest.param("鄂尔多斯市财政局", "has_duty", "负责保障防灭火工作经费", None,
                 "市财政局：负责保障防灭火工作经费。", FIRE, id="duty"),
    pytest.param("负责保障防灭火工作经费", "duty_in", "鄂尔多斯市森林草原防灭火指挥部", None,
                 "市财政局：负责保障防灭火工作经费。", FIRE, id="duty-in-body"),
    pytest.param("鄂尔多斯市公安局", "support", "加强野外火源管控", None,
                 "加强野外火源管控。（牵头单位：市林业和草原局；配合单位：市公安局；责任单位：各旗区人民政府）",
                 FIRE, id="task-support"),
    pytest.param("张三", "removed_from", "鄂尔多斯市市长", None,
                 "任命王五为鄂尔多斯市市长；免去张三的鄂尔多斯市市长职务。", NOTICE, id="removed"),
    pytest.param(FIRE, "cites", "中华人民共和国森林法", None,
                 "依据《中华人民共和国森林法》等法律法规，制定本预案。", FIRE, id="cites"),
    pytest.param(FLOOD, "issued_by", "鄂尔多斯市人民政府办公室", None, FLOOD, FLOOD, id="issued-by"),
])
def test_edges_carry_relation_quote_and_document(plan_network, source, relation, target, role, quote, document):
    found = [d for d in edges_between(plan_network, source, target) if d["relation"] == relation]
    assert len(found) == 1, found
    d = found[0]
    assert (d.get("role"), d.get("quote"), d.get("document_title")) == (role, quote, document)


@pytest.mark.parametrize("name, kind", [
    pytest.param("鄂尔多斯市应急管理局", "agency", id="agency"),
    pytest.param("各旗区人民政府", "collective", id="collective"),
    pytest.param("鄂尔多斯市森林草原防灭火指挥部办公室", "body", id="office-is-a-body"),
    pytest.param("张三", "person", id="person"),
    pytest.param("鄂尔多斯市应急管理局局长", "post", id="post"),
    pytest.param(FIRE, "document", id="document"),
    pytest.param("负责火案侦破工作", "duty", id="duty"),
    pytest.param("加强野外火源管控", "task", id="task"),
    pytest.param("中华人民共和国森林法", "work", id="work"),
])
def test_node_kinds_and_labels(plan_network, name, kind):
    assert plan_network.nodes[find_node(plan_network, name)]["kind"] == kind


def test_node_attributes(plan_network):
    G = plan_network
    assert G.nodes[find_node(G, "鄂尔多斯市防汛抗旱指挥部")]["type"] == "headquarters"
    assert G.nodes[find_node(G, FLOOD)]["date"] == "2024-04-01"
    duty = G.nodes[find_node(G, "负责火案侦破工作")]
    assert duty["text"] == "负责火案侦破工作" and duty["quote"] == "市公安局：负责火案侦破工作。"


def test_decision_dates_win_over_document_dates(plan_network):
    (removal,) = [d for d in edges_between(plan_network, "张三", "鄂尔多斯市市长") if d["relation"] == "removed_from"]
    assert removal["date"] == "2024-06-01"


def test_both_stores_give_the_same_projection(plan_build):
    a, b = (to_networkx(open_graph(plan_build, backend)) for backend in ("oxigraph", "rdflib"))
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=str) == sorted(b.edges(keys=True, data=True), key=str)


@pytest.mark.parametrize("name, error", [
    pytest.param("指挥部", "4 nodes contain '指挥部'", id="ambiguous"),
    pytest.param("不存在的单位", "no node named", id="missing"),
])
def test_find_node_explains_misses(plan_network, name, error):
    with pytest.raises(LookupError, match=error):
        find_node(plan_network, name)


def test_sample_corpus_projection(sample_store):
    G = to_networkx(sample_store)
    documents = run_query(sample_store, "PREFIX gov: <https://w3id.org/govkg/ns#> "
                                        "SELECT DISTINCT ?d WHERE { ?d a gov:Document }")
    assert {n for n, k in G.nodes(data="kind") if k == "document"} == {r[0] for r in documents.rows}
    assert {k for _, k in G.nodes(data="kind")} <= set(KINDS)
    cites = [d for _, _, d in G.edges(data=True) if d["relation"] == "cites"]
    assert cites and all(d["quote"] and d["document_title"] for d in cites)
    melt = find_node(G, "额尔古纳市春季应对融雪应急预案")
    assert "中华人民共和国气象法" in {G.nodes[v]["label"] for _, v in G.out_edges(melt)}


@pytest.mark.parametrize("build", ["plan_build", "sample_build"])
def test_the_projection_of_graphs_in_memory_is_the_query_s(request, build):
    """The build draws its page from the graphs it holds (network.parse_projection), `govkg
    viz --graph` from the store (network.rq): the two must give the same nodes and edges."""
    import pyoxigraph as ox
    folder = request.getfixturevalue(build)
    folder = folder[0] if isinstance(folder, tuple) else folder
    trig = (folder / "graph.trig").read_bytes()
    store = open_graph(folder)
    table = run_query(store, query_text("network"), limit=None)
    assert rows_from_quads((q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
                           for q in ox.parse(trig, format=ox.RdfFormat.TRIG)) == set(table.rows)
    assert parse_projection(trig, ox.RdfFormat.TRIG) == read_projection(store)
    nquads = ox.serialize(ox.parse(trig, format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS)
    assert parse_projection(nquads, ox.RdfFormat.N_QUADS) == read_projection(store)
    lines = graph_lines(nquads.decode("utf-8").splitlines(keepends=True))     # as a worker holds them
    assert rows_from_quads(read_graph(lines)) == set(table.rows)


LABEL, QUOTE = "<http://www.w3.org/2004/02/skos/core#prefLabel>", "<https://w3id.org/govkg/ns#quote>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@pytest.mark.parametrize("line", [
    pytest.param(f'<http://e/s> {LABEL} "市 <http://e/x> . 局" <http://e/g> .', id="literal-with-an-iri-and-a-dot"),
    pytest.param(f'<http://e/s> {QUOTE} "说\\"是\\"\\n第二行\\\\" <http://e/g> .', id="escapes"),
    pytest.param(f'<http://e/s> {QUOTE} "\\u5E02\\U00005C40" <http://e/g> .', id="unicode-escapes"),
    pytest.param(f'<http://e/s> {LABEL} "局"@zh-Hans <http://e/g> .', id="language"),
    pytest.param(f'<http://e/s> <http://purl.org/dc/terms/issued> "2024-03-01"^^<http://www.w3.org/2001/XMLSchema#date> '
                 '<http://e/g> .', id="datatype"),
    pytest.param(f'<http://e/s> {LABEL} "局" .', id="default-graph"),
    pytest.param(f'<http://e/s> <http://www.w3.org/ns/org#member> <http://e/o> .', id="default-graph-iri"),
    pytest.param(f'_:b0 {LABEL} "局" <http://e/g> .', id="blank-node"),
    pytest.param(f'<http://e/s> {TYPE} <https://w3id.org/govkg/ns#Agency> <http://e/g> .', id="a-class-read"),
    pytest.param(f'<http://e/s> {TYPE} <https://w3id.org/govkg/ns#Mention> <http://e/g> .', id="a-class-passed-over"),
    pytest.param('<http://e/s> <https://w3id.org/govkg/ns#start> "3"^^<http://www.w3.org/2001/XMLSchema#integer> '
                 '<http://e/g> .', id="a-property-passed-over"),
])
def test_nquads_lines_read_as_pyoxigraph_reads_them(line):
    """The build's page reads N-Quads lines by hand (network.read_nquads): every line the
    query reads gives pyoxigraph's terms, and the rest is passed over."""
    import pyoxigraph as ox
    data = (line + "\n").encode("utf-8")
    expected = [(q.subject.value, q.predicate.value, q.object.value, getattr(q.graph_name, "value", ""))
                for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]
    expected = [q for q in expected if q[1] in READ and (not q[1].endswith("#type") or q[2] in READ_CLASSES)]
    assert list(read_nquads(data)) == expected
    assert list(read_graph(graph_lines([line + "\n"]))) == expected     # as a worker holds it
