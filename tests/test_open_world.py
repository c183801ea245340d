"""Open world: texts from anywhere in China, as web pages and mirrors print them, and texts
whose header govkg does not recognise, still give their documents and facts."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.clean import clean
from graph.extract import extract
from graph.ingest import parse_bytes
from graph.pipeline import process
from graph.resolve import resolve
from graph.segment import split_documents


def read(text: str, name: str = "t.txt"):
    c = clean(parse_bytes(text.encode("utf-8"), name))
    docs = split_documents(c)
    return c, docs, resolve(extract(c, docs), docs)


# ---------------------------------------------------------------------------------------
# Headers as real pages print them

HEADERS = [
    # bug: a notice with only the page's 发布时间 under its heading was not a document
    pytest.param("【通知公告】卢氏县人民政府办公室关于成立县森林防火指挥部的通知\n发布时间：2021-03-02 10:21\n"
                 "各乡镇人民政府，县直各单位：\n为做好森林防火工作，经县政府研究，决定成立县森林防火指挥部。\n",
                 {"title": "卢氏县人民政府办公室关于成立县森林防火指挥部的通知", "jurisdiction": "卢氏县",
                  "number": None}, id="column-tag-and-page-time"),
    # a heading over three lines, 通  知 spaced, the 文号 below it
    pytest.param("广东省人民政府办公厅关于成立广东省\n推进乡村振兴战略实施\n工作领导小组的通知\n粤办函〔2019〕88号\n"
                 "各地级以上市人民政府，省政府各部门：\n为加强统筹协调，省政府决定成立领导小组。\n",
                 {"title": "广东省人民政府办公厅关于成立广东省推进乡村振兴战略实施工作领导小组的通知",
                  "number": "粤办函〔2019〕88号", "jurisdiction": "广东省"}, id="heading-over-three-lines"),
    # the 文号 in parentheses under the heading, half-width punctuation of a scraped page
    pytest.param("肇庆市人民政府办公室关于成立肇庆市创建国家森林城市工作领导小组的通知\n(肇府办〔2015〕21号)\n"
                 "端州区、鼎湖区人民政府,市府直属有关单位:\n为做好创建工作,市政府决定成立领导小组。\n",
                 {"number": "肇府办〔2015〕21号", "jurisdiction": "肇庆市"}, id="number-in-parentheses"),
    # a metadata table above the notice gives the 文号 and the signing date (not the page's date)
    pytest.param("索  引 号: 11140500/2022-00101 主题分类: 综合政务\n发布机构: 长治市应急管理局 成文日期: 2022年05月06日\n"
                 "标      题: 长治市人民政府办公室关于印发长治市防汛应急预案的通知\n发文字号: 长政办发〔2022〕19号 发布日期: 2022年05月12日\n"
                 "长治市人民政府办公室关于印发长治市防汛应急预案的通知\n各县（区）人民政府，市直各有关单位：\n"
                 "《长治市防汛应急预案》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n",
                 {"number": "长政办发〔2022〕19号", "date": "2022-05-06", "published": "2022-05-12",
                  "title": "长治市防汛应急预案"}, id="metadata-table"),
    # traditional characters (a big5 mirror): the 文号 keeps its characters, brackets normalised
    pytest.param("湖北省人民政府辦公廳\n關於印發湖北省地震應急預案的\n通  知\n鄂政辦發[2016]34號\n"
                 "各市、州、縣人民政府，省政府各部門：\n現將《湖北省地震應急預案》印發給你們，請認真貫徹執行。\n",
                 {"number": "鄂政辦發〔2016〕34號", "jurisdiction": "湖北省"}, id="traditional-characters"),
    # a notice printed from its 文号 on: no heading, no issuer
    pytest.param("赣府办字〔2018〕7号\n各县（区）人民政府，市政府各部门：\n为推动全市工作，经市人民政府同意，"
                 "决定建立全市文化旅游工作联席会议制度。现将有关事项通知如下：\n",
                 {"number": "赣府办字〔2018〕7号", "title": None}, id="number-led"),
    # a signing date in Chinese numerals, and one whose 年 and 月 were lost
    pytest.param("湖塘镇人民政府关于成立镇防汛防旱指挥部的通知\n各村，各有关单位：\n为切实做好防汛工作，经研究，决定成立镇防汛防旱指挥部。\n"
                 "湖塘镇人民政府\n二OO九年五月十二日\n", {"date": "2009-05-12", "jurisdiction": "湖塘镇"},
                 id="chinese-numeral-date"),
    # a site's bulleted metadata: the 文号 unlabelled above the heading; no 主送 line; the date's
    # 年月日 lost under the signature
    pytest.param("首页 > 政务公开 > 政策\n  • 736916953/2024-000372\n  • 2024-01-10 15:30:00\n"
                 "  • 伊春市人民政府办公室关于印发《伊春市城市供热应急预案》的通知\n  • 伊政办规〔2024〕3号\n"
                 "伊春市人民政府办公室关于印发《伊春市城市供热应急预案》的通知\n日期:2024-01-10 15:30 来源:伊春市人民政府办公室\n"
                 "【字体:\n《伊春市城市供热应急预案》经市人民政府常务会议讨论通过,现印发给你们,请认真贯彻执行。\n"
                 "伊春市人民政府办公室\n2024110\n伊春市城市供热应急预案\n1.总则\n",
                 {"number": "伊政办规〔2024〕3号", "date": "2024-01-10", "title": "伊春市城市供热应急预案"},
                 id="bulleted-metadata-and-bare-date"),
    pytest.param("繁昌区人民政府关于印发2023年区政府重点工作任务的通知\n各乡镇人民政府，区政府各部门：\n"
                 "现将《2023年区政府重点工作任务》印发给你们，请结合实际，认真贯彻落实。\n2023331日\n",
                 {"date": "2023-03-31"}, id="date-without-year-and-month-marks"),
]


@pytest.mark.parametrize("text, expected", HEADERS)
def test_headers_as_pages_print_them(text, expected):
    c, docs, _ = read(text)
    assert len(docs) == 1 and not docs[0].inferred
    d = docs[0]
    got = {"title": d.notice_title and d.notice_title.name, "number": d.number and d.number.name,
           "date": d.date and d.date.name, "jurisdiction": d.jurisdiction,
           "published": d.published and d.published.name}
    if "title" in expected and expected["title"] and d.title and d.notice_title \
            and d.title.name != d.notice_title.name and not expected["title"].endswith("通知"):
        got["title"] = d.title.name
    assert {k: got[k] for k in expected} == expected
    for m in (d.notice_title, d.number, d.date):       # every field re-reads at its offsets
        if m is not None:
            assert "".join(c.source.text[m.span.start:m.span.end].split()).rstrip(",，") == m.text


# ---------------------------------------------------------------------------------------
# No header at all: the text is an inferred document and keeps its facts

PAGE_TWO = """市应急委的职责是：
●研究制定全县应对突发事件的重大决策和指导意见；
●审定县突发事件总体应急预案。
县突发事件应急指挥部成员单位职责
县公安局：负责维护事发地治安秩序，实施交通管制。
县卫生健康局：负责组织开展医疗救治和卫生防疫工作。
"""

NEWS_REPORT = """本报讯 5月24日，郧西县十七届人大常委会第三十八次会议召开。
会议经表决，任命李明为郧西县人民政府副县长。
会议审议通过了县人民政府关于全县工业经济发展情况的报告。
"""


def test_a_plans_page_two_yields_its_duties():
    c, docs, facts = read(PAGE_TWO)
    assert [d.inferred for d in docs] == [True] and docs[0].title is None
    duties = {(f.holder.name, f.text[:8]) for f in facts if f.kind == "duty"}
    # no place is named: the units are kept as printed, each with its own duty
    assert ("县公安局", "负责维护事发地治") in duties and ("县卫生健康局", "负责组织开展医疗") in duties


def test_a_news_report_of_appointments_yields_them():
    c, docs, facts = read(NEWS_REPORT)
    assert [(d.inferred, d.kind, d.jurisdiction) for d in docs] == [(True, "personnel", "郧西县")]
    got = {(f.person.name, f.action) for f in facts if f.kind == "appointment"}
    assert ("李明", "appoint") in got


def test_the_report_marks_an_inferred_document(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page2.txt").write_text(PAGE_TWO, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                       "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    entry = report["files"][0]
    assert entry["inferred_documents"] == ["D1 (untitled)"]
    assert "no document header recognised" in " ".join(entry["warnings"])
    assert entry["facts"]["duty"] >= 2


def test_metadata_labels_above_their_values():
    text = ("  • 文件名称:\n    衢州开发区突发公共事件总体应急预案\n  • 发布机构:\n    衢州经济技术开发区\n"
            "  • 成文日期:\n    2013-10-12\n衢州开发区突发公共事件总体应急预案\n一、总则\n（一）编制目的\n"
            "建立预防为主、平战结合的突发事件应急工作体系，提高政府处置突发公共事件的能力。\n")
    c, docs, _ = read(text)
    assert [(d.inferred, d.title.name, d.date.name, d.jurisdiction) for d in docs] == \
        [(True, "衢州开发区突发公共事件总体应急预案", "2013-10-12", "衢州市")]


def test_a_plan_without_its_notice_is_titled_by_its_first_line():
    text = "三門峽市地震應(yīng)急預(yù)案\n1總則\n1.2編制依據。《中華人民共和國防震減災法》等法律法規。\n"
    c, docs, facts = read(text)
    assert docs[0].inferred and docs[0].title.name == "三門峽市地震應(yīng)急預(yù)案"
    assert [f.work.name for f in facts if f.kind == "reference"] == ["中華人民共和國防震減災法"]


# ---------------------------------------------------------------------------------------
# Other provinces' names: the seed gazettes with their cities renamed

RENAMES = {"鄂尔多斯市": "榆林市", "鄂尔多斯": "榆林", "通辽市": "大同市", "通辽": "大同",
           "额尔古纳市": "韩城市", "额尔古纳": "韩城"}


def _counts(text: str, name: str) -> tuple[int, int, int]:
    result = process(parse_bytes(text.encode("utf-8"), name))
    kinds = [f.kind for f in result.facts]
    return len(result.documents), kinds.count("membership"), kinds.count("leader")


@pytest.mark.parametrize("sample", sorted(p.name for p in resources.files("graph.samples").iterdir()
                                          if p.name.endswith(".txt")))
def test_seeds_renamed_to_other_provinces_give_the_same_structures(sample):
    text = resources.files("graph.samples").joinpath(sample).read_text(encoding="utf-8")
    renamed = text
    for old, new in RENAMES.items():
        renamed = renamed.replace(old, new)
    assert _counts(renamed, sample) == _counts(text, sample)


@pytest.mark.parametrize("text, expected", [
    # the meeting is dated in the text: its date is the decision's
    pytest.param("2016年5月24日，郧西县人大常委会召开第三十八次会议，任命李明为郧西县人民政府副县长。\n",
                 ("2016-05-24", "decision"), id="meeting-dated"),
    # only the page's publication date is known: it is used, and marked as such
    pytest.param("发布时间：2021-03-02 10:21\n本报讯 会议经表决，任命李明为郧西县人民政府副县长。\n",
                 ("2021-03-02", "published"), id="page-time"),
])
def test_an_appointments_date_says_where_it_comes_from(text, expected):
    _, _, facts = read(text)
    assert {(f.date, f.date_source) for f in facts if f.kind == "appointment"} == {expected}
