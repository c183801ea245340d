"""references and repeals: what a document cites and what it declares repealed."""
from __future__ import annotations

from graph.clean import clean
from graph.extract.references import references, repeals
from graph.ingest import parse_bytes, read_source
from graph.segment import split_documents
from tests.conftest import data_file

HEADER = "鄂尔多斯市人民政府关于印发支持大宗商品进出口贸易若干政策的通知\n鄂府发〔2024〕8号\n各旗区人民政府:\n"


def facts(body: str):
    c = clean(parse_bytes((HEADER + body).encode("utf-8"), "t.txt"))
    doc = split_documents(c)[0]
    return c, doc


def test_titles_cited_once_each_but_not_the_own_title_nor_one_to_be_drafted():
    c, doc = facts("依据《中华人民共和国突发事件应对法》《中华人民共和国消防法》制定本政策。"
                   "研究制定《鄂尔多斯市产业基金投资运作管理尽职免责实施细则》。"
                   "推动《鄂尔多斯市城镇供热条例》立法。再依《中华人民共和国消防法》。"
                   "现将《鄂尔多斯市支持大宗商品进出口贸易若干政策》印发给你们。\n")
    assert [r.work.text for r in references(c, doc)] == ["中华人民共和国突发事件应对法", "中华人民共和国消防法"]


def test_a_heading_that_says_编制依据_is_not_a_plan_to_draft():
    c, doc = facts("（二）编制依据\n《中华人民共和国安全生产法》等。\n")
    assert [r.work.text for r in references(c, doc)] == ["中华人民共和国安全生产法"]


def test_repeal_with_title_and_number():
    source = read_source(data_file("two_documents.txt"))
    c = clean(source)
    doc = split_documents(c)[1]
    found = repeals(c, doc)
    assert [(r.title.text, r.number.name) for r in found] == \
        [("兴安盟自然灾害救助应急预案(2021年版)", "兴署办发〔2021〕39号")]
    quote = source.text[found[0].span.start:found[0].span.end]
    assert quote.startswith("《兴安盟自然灾害救助应急预案(2021年版)》") and quote.endswith("同时废止")


def test_repeal_by_number_only_and_a_continued_one_is_not_repealed():
    c, doc = facts("原政策（鄂府发〔2023〕48号）同时废止。通政办字〔2017〕326号继续执行。\n")
    assert [(r.title, r.number.name) for r in repeals(c, doc)] == [(None, "鄂府发〔2023〕48号")]


def test_sample_repeals(sample_store):
    from graph.query import query_text, run_query
    rows = run_query(sample_store, query_text("repeals")).rows
    assert ("鄂尔多斯市支持大宗商品进出口贸易若干政策", "鄂尔多斯市支持外贸企业扩大进出口若干政策",
            "鄂府发〔2023〕48号") in rows
