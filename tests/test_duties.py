"""duties: per-unit listings, a body's own functions, and narrative X负责 sentences."""
from __future__ import annotations

import pytest

from graph.ingest import parse_bytes
from graph.pipeline import process
from graph.query import query_text, run_query

HEADER = "额尔古纳市人民政府办公室关于印发《额尔古纳市春季应对融雪应急预案》的通知\n各苏木乡镇人民政府：\n" \
         "现将预案印发给你们。\n2025年2月28日\n额尔古纳市春季应对融雪应急预案\n"


def duties(body: str, header: str = HEADER, listed: bool | None = True):
    """(holder kind, holder, body, text) of each duty found in a short document."""
    result = process(parse_bytes((header + body).encode("utf-8"), "t.txt"))
    return [(f.holder_kind, f.holder.name, f.body.name if f.body else None, f.text)
            for f in result.facts if f.kind == "duty" and (listed is None or f.listed == listed)]


@pytest.mark.parametrize("body, expected", [
    # bugs caught: the table of contents (2.1 …及职责, 2.2 …) was read as numbered functions
    pytest.param("目录\n2.1 市邮政业应急指挥部及职责\t5\n2.2 市邮政业应急指挥部办公室及职责\t6\n"
                 "一、总则\n2.1 市邮政业应急指挥部及职责\n市政府设立市邮政业应急指挥部，是市处置邮政业突发事件的领导机构。\n", [],
                 id="toc-is-not-a-list"),
    # an item broken over two lines is one item, not a heading
    pytest.param("2.3 现场应急指挥部及职责\n主要职责如下：\n(1) 负责现场处置、救援、善后和保障工\n作。\n(2) 完成市指挥部交办的其他任务。\n",
                 [("body", "额尔古纳市现场应急指挥部", "额尔古纳市现场应急指挥部", "负责现场处置、救援、善后和保障工作。"),
                  ("body", "额尔古纳市现场应急指挥部", "额尔古纳市现场应急指挥部", "完成市指挥部交办的其他任务。")],
                 id="broken-item"),
    # a listing: each unit heads its paragraph; the body is the one whose functions came before
    pytest.param("（二）指挥机构\n市减灾指挥部的主要职责：指挥和协调春季融雪灾害应急工作。\n（四）各部门职责分工\n"
                 "为确保工作高效有序开展，明确各部门职责分工如下：\n1. 市气象局\n负责春季融雪灾害的监测、预警。\n"
                 "2. 铁路部门\n加强对铁路沿线的巡查。\n三、预防与预警\n",
                 [("body", "额尔古纳市减灾指挥部", "额尔古纳市减灾指挥部", "指挥和协调春季融雪灾害应急工作。"),
                  ("unit", "额尔古纳市气象局", "额尔古纳市减灾指挥部", "负责春季融雪灾害的监测、预警。"),
                  ("unit", "铁路部门", "额尔古纳市减灾指挥部", "加强对铁路沿线的巡查。")], id="heading-listing"),
    # a listing of 单位：职责 paragraphs, one broken over two lines, closed by 其他…
    pytest.param("2.1.2 市指挥部成员单位职责\n市委组织部：注重了解领导干部的表现。\n市公安局：在发生疫情期\n"
                 "间，负责维护社会治安秩序。\n中国铁路沈阳局集团有限公司通辽工务段：做好铁路、车站防控工作。\n"
                 "其他有关部门单位根据本部门职责组织做好相关工作。\n",
                 [("unit", "额尔古纳市委组织部", "额尔古纳市指挥部", "注重了解领导干部的表现。"),
                  ("unit", "额尔古纳市公安局", "额尔古纳市指挥部", "在发生疫情期间，负责维护社会治安秩序。"),
                  ("unit", "中国铁路沈阳局集团有限公司通辽工务段", "额尔古纳市指挥部", "做好铁路、车站防控工作。")],
                 id="colon-listing"),
    # a section headed by the body's name says what it does (not what it is)
    pytest.param("2.1 兴安盟防灾减灾救灾委员会\n兴安盟防灾减灾救灾委员会负责统筹指导全盟灾害救助工作。\n"
                 "2.3 专家组\n兴安盟防灾减灾救灾委员会设立专家组，提供政策咨询。\n",
                 [("body", "兴安盟防灾减灾救灾委员会", "兴安盟防灾减灾救灾委员会", "负责统筹指导全盟灾害救助工作。")],
                 id="body-named-section"),
    # unit names on lines of their own, a two-unit label kept whole as the key does
    pytest.param("附件1\n市减灾委成员单位职责\n市委宣传部\n负责宣传报道工作。\n市发改委、市财政局：负责资金保障。\n",
                 [("unit", "额尔古纳市委宣传部", "额尔古纳市减灾委", "负责宣传报道工作。"),
                  ("unit", "额尔古纳市发改委、市财政局", "额尔古纳市减灾委", "负责资金保障。")], id="unnumbered-listing"),
    # a heading announcing functions over numbered items: one duty per item
    pytest.param("2.市指挥部职责\n(1)负责应急救援重大事项的决策。\n(2)向市委报告事故和救援情况。\n3.市指挥部办公室\n"
                 "市指挥部办公室职责:承担应急值守工作;承担市指挥部日常工作。\n",
                 [("body", "额尔古纳市指挥部", "额尔古纳市指挥部", "负责应急救援重大事项的决策。"),
                  ("body", "额尔古纳市指挥部", "额尔古纳市指挥部", "向市委报告事故和救援情况。"),
                  ("body", "额尔古纳市指挥部办公室", "额尔古纳市指挥部办公室", "承担应急值守工作;承担市指挥部日常工作。")],
                 id="numbered-functions"),
    # groups: 主要职责是… after the group's make-up, or a 负责 sentence with no cue
    pytest.param("(1)综合协调组:由市应急管理局牵头,成员包括事发单位。主要职责是协调组织事故现场救援工作。\n"
                 "(2)现场专家组:由市应急管理局牵头。负责选调专家赶赴事故现场。\n",
                 [("body", "额尔古纳市综合协调组", "额尔古纳市综合协调组", "协调组织事故现场救援工作。"),
                  ("body", "额尔古纳市现场专家组", "额尔古纳市现场专家组", "负责选调专家赶赴事故现场。")], id="groups"),
    # 职责 cue after the clause that names the body; a role (总指挥) or 田长 is not a body
    pytest.param("2.2 专家委员会\n市指挥部组建专家委员会，主要职责是：对响应级别提出建议。\n"
                 "总指挥的主要职责：负责市减灾指挥部的领导工作。\n田长的主要职责：负责日常管护。\n",
                 [("body", "额尔古纳市专家委员会", "额尔古纳市专家委员会", "对响应级别提出建议。")], id="cue-after-clause"),
])
def test_listed_duties(body, expected):
    assert duties(body) == expected


def test_narrative_duties_are_kept_apart():
    body = "（八）预案解释\n本预案由市应急管理局负责解释。\n市卫健委负责人出席。\n"
    assert duties(body) == []
    assert duties(body, listed=False) == [("unit", "额尔古纳市应急管理局", None, "本预案由市应急管理局负责解释。")]


def test_a_listing_body_resolves_to_the_body_the_document_declares():
    from graph.document import Mention, Span
    from graph.facts import Body, Duty
    from graph.resolve import resolve
    from graph.segment import split_documents
    from graph.clean import clean
    c = clean(parse_bytes(("通辽市人民政府关于印发通辽市突发重大动物疫情应急预案的通知\n通政发〔2023〕191号\n"
                           "各旗县市区人民政府：\n正文。\n").encode("utf-8"), "t.txt"))
    doc = split_documents(c)[0]
    span = Span(0, 1)
    body = Body(doc.key, span, "bodies.test", Mention("市动物疫情应急指挥部", span), "headquarters",
                aliases=(Mention("市指挥部", span),))
    duty = Duty(doc.key, span, "duties.listing", Mention("市农牧局", span), "unit",
                Mention("通辽市指挥部", span), "承担市应急办职责。")
    resolved = resolve([body, duty], (doc,))
    assert resolved[1].body.name == "通辽市动物疫情应急指挥部"
    assert resolved[1].holder.name == "通辽市农牧局"


# ---------------------------------------------------------------------------------------
# The sample corpus

def test_weather_bureau_duty_under_the_snowmelt_plan(sample_store):
    rows = run_query(sample_store, query_text("unit_duties"), {"unit": "额尔古纳市气象局"}).rows
    listed = [r for r in rows if r[4] == "true"]
    assert len(listed) == 1
    unit, document, body, duty, _ = listed[0]
    assert document == "额尔古纳市春季应对融雪应急预案" and body == "额尔古纳市减灾指挥部"
    assert duty.startswith("负责春季融雪灾害的监测、预警")


def test_member_unit_duties_of_the_work_safety_plan(sample_store):
    rows = run_query(sample_store, query_text("duties")).rows
    mine = {(r[0], r[3]) for r in rows if r[2] == "鄂尔多斯市生产安全事故应急预案"}
    assert ("鄂尔多斯市应急管理局", "负责组织协调生产安全事故的应急处置工作。组织协调事故应急救援相关物资、装备的调配,"
            "依法指导事故调查处理,监督事故查处和责任追究落实情况。") in mine
    assert ("武警鄂尔多斯支队", "会同公安机关担负事故现场及周边地区的安全警戒,维护社会秩序。必要时,在市委的统一指挥下"
            "参加事故应急处置和救援。") in mine


def test_every_duty_keeps_its_quote(sample_store):
    rows = run_query(sample_store, """
        PREFIX gov: <https://w3id.org/govkg/ns#>
        SELECT ?text ?quote WHERE { ?d a gov:Duty ; gov:dutyText ?text ; gov:quote ?quote ; gov:listed true }""").rows
    assert rows and all(text[:6] in quote.replace("\n", "").replace(" ", "") for text, quote in rows)


def test_all_duties_lists_the_narrative_ones_too(sample_store):
    rows = run_query(sample_store, query_text("all_duties")).rows
    assert ("鄂尔多斯市应急管理局", "", "鄂尔多斯市生产安全事故应急预案", "本预案由市应急管理局负责解释。", "false") in rows


# ---------------------------------------------------------------------------------------
# Forms met in other provinces' texts (issue 13)

BEIJING = "北京市突发公共事件总体应急预案\n"
JIANGXI = "萍乡市人民政府办公室关于建立萍乡市特色小镇建设工作联席会议制度的通知\n各县（区）人民政府：\n"
TIANJIN = "宝坻区抗旱防汛应急预案\n"
HUNAN = "湘阴县人民政府办公室关于印发湘阴县防汛应急预案的通知\n各乡镇人民政府：\n"


def functions(body: str, *texts: str):
    """The expected duties of a body's own function list."""
    return [("body", body, body, t) for t in texts]


@pytest.mark.parametrize("body, header, expected", [
    # ● bullets under 市应急委的职责是： (a short name as the holder); the next heading is no duty (Beijing)
    pytest.param("市应急委的职责是:\n●研究制定全市应对突发公共事件重大决策和指导意见;\n●审定市突发公共事件总体应急预案。\n"
                 "2.1.3 市应急委设13个专项应急指挥部。\n", BEIJING,
                 functions("北京市应急委", "研究制定全市应对突发公共事件重大决策和指导意见;", "审定市突发公共事件总体应急预案。"),
                 id="bullets-short-name"),
    # 一、主要职责 with (一)(二) items: the functions of the body the notice sets up (Jiangxi)
    pytest.param("决定建立萍乡市特色小镇建设工作联席会议(以下简称联席会议)制度。现将有关事项通知如下:\n一、主要职责\n"
                 "(一)研究出台促进特色小镇建设的重大政策措施。\n(二)完成市委、市政府交办的其他事项。\n二、组成人员\n", JIANGXI,
                 functions("萍乡市特色小镇建设工作联席会议", "研究出台促进特色小镇建设的重大政策措施。", "完成市委、市政府交办的其他事项。"),
                 id="heading-of-the-notices-body"),
    # ①② items after 主要职责包括： under a group's heading (Tianjin)
    pytest.param("(1)气象组\n组长:区气象局分管负责同志\n主要职责包括:\n①负责做好实时气象信息监测;\n②做好中短期气象预报预测;\n"
                 "日常工作由区气象局气象台承担。\n", TIANJIN,
                 functions("宝坻区气象组", "负责做好实时气象信息监测;", "做好中短期气象预报预测;"), id="circled-items"),
    # （1）县教育局：… over two lines; the signature and date after the listing are no duty (Hunan)
    pytest.param("四、成员单位职责\n（1）县教育局：负责学校防汛安全工作，\n组织师生转移。\n（2）县公安局：负责维护灾区治安秩序。\n"
                 "湘阴县人民政府办公室\n2023年5月6日\n", HUNAN,
                 [("unit", "湘阴县教育局", None, "负责学校防汛安全工作，组织师生转移。"),
                  ("unit", "湘阴县公安局", None, "负责维护灾区治安秩序。")], id="numbered-units-then-signature"),
    # X局职责： labels (Hunan)
    pytest.param("四、成员单位职责\n县水利局职责：负责水情监测。\n县气象局职责：负责天气预报。\n五、保障措施\n", HUNAN,
                 [("unit", "湘阴县水利局", None, "负责水情监测。"), ("unit", "湘阴县气象局", None, "负责天气预报。")],
                 id="unit-duty-label"),
    # a paragraph naming several units is one duty, its label whole (one entry per paragraph, as the keys do) (Hunan)
    pytest.param("四、成员单位职责\n县水利局、县气象局：负责会商研判汛情。\n五、保障措施\n", HUNAN,
                 [("unit", "湘阴县水利局、县气象局", None, "负责会商研判汛情。")], id="several-units"),
])
def test_forms_of_other_provinces(body, header, expected):
    assert duties(body, header) == expected
