"""segment: a gazette split into its documents, with their headers and section trees."""
from __future__ import annotations

import pytest

from graph import patterns as P
from graph.clean import clean
from graph.ingest import read_source
from graph.segment import iso_date, normal_number, same_title, split_documents
from tests.conftest import data_file


def documents(name):
    source = read_source(data_file(name))
    return source, split_documents(clean(source))


def test_a_two_document_gazette():
    source, docs = documents("two_documents.txt")
    # the table of contents lists three notices; only the two printed here are documents
    assert [d.number.name for d in docs] == ["兴署发〔2024〕72号", "兴署办发〔2024〕42号"]
    notice, plan = docs
    assert notice.title.name == "兴安盟行政公署关于进一步加强财政预算管理的通知"
    assert notice.issuer.name == "兴安盟行政公署"
    assert notice.date.name == "2024-09-19"              # signed at the end of a notice
    assert notice.jurisdiction == "兴安盟"
    assert [r.text for r in notice.recipients] == ["各旗县市人民政府", "盟直各有关部门"]
    assert plan.notice_title.name == "兴安盟行政公署办公室关于印发《兴安盟自然灾害救助应急预案(2024年版)》的通知"
    assert plan.title.name == "兴安盟自然灾害救助应急预案（2024年版）"
    assert plan.date.name == "2024-09-29"
    # the plan's own table of contents is not its section tree
    assert [(s.number, s.title) for s in plan.sections[:2]] == [("1", "总则"), ("1.1", "编制目的")]


def test_every_header_field_quotes_the_original_file():
    source, docs = documents("two_documents.txt")
    for d in docs:
        for m in (d.notice_title, d.title, d.number, d.date, d.issuer):
            quote = source.text[m.span.start:m.span.end]
            assert "".join(quote.split()).rstrip(",，") == m.text


def test_personnel_decisions_are_documents_and_the_chronicle_is_not():
    source, all_docs = documents("personnel.txt")
    # the excerpt opens inside an earlier plan: that text is an inferred document of its own
    assert all_docs[0].inferred and all_docs[0].title is None
    docs = [d for d in all_docs if not d.inferred]
    assert [(d.kind, d.number.name) for d in docs] == [("personnel", "通政任字〔2023〕23号")]
    assert docs[0].jurisdiction == "通辽市"
    text = source.text[docs[0].span.start:docs[0].span.end]
    assert text.startswith("经市政府党组研究决定") and "大事记" not in text


@pytest.mark.parametrize("printed, normal", [
    ("伊政办发[2024]13号", "伊政办发〔2024〕13号"),
    ("通政任字〔2023〕28号", "通政任字〔2023〕28号"),
    ("兴署办发（2021）039号", "兴署办发〔2021〕39号"),
    ("鄂府办发〔 2024 〕 18 号", "鄂府办发〔2024〕18号"),
])
def test_document_numbers_are_normalised(printed, normal):
    assert normal_number(P.DOC_NUMBER.search(printed)) == normal


@pytest.mark.parametrize("printed, iso", [
    ("2024年3月10日", "2024-03-10"),
    ("2023年 11 月 2 日", "2023-11-02"),
])
def test_dates_are_iso(printed, iso):
    assert iso_date(P.DATE.search(printed)) == iso


@pytest.mark.parametrize("a, b, same", [
    ("额尔古纳市就业促进行动实施方案", "就业促进行动实施方案", True),
    ("兴安盟关于贯彻落实《质量强区建设纲要》加快质量强盟建设的意见",
     "兴安盟关于贯彻落实〈质量强区建设纲要〉加快质量强盟建设的意见", True),
    ("鄂尔多斯市温暖工程实施方案", "鄂尔多斯市耕地保护田长制实施方案", False),
])
def test_same_title(a, b, same):
    assert same_title(a, b) is same


def test_sample_corpus_documents(sample_store):
    from graph.query import query_text, run_query
    rows = {r[2]: r for r in run_query(sample_store, query_text("documents")).rows if r[2]}
    assert rows["鄂府办发〔2024〕17号"][0] == "鄂尔多斯市生产安全事故应急预案"
    assert rows["鄂府办发〔2024〕17号"][4] == "2024-03-10"
    assert rows["伊政办发〔2024〕35号"][0] == "伊金霍洛旗2024年地质灾害防治方案"
    assert rows["通政发〔2023〕191号"][3] == "通辽市人民政府"
    assert rows["鄂府任字〔2024〕1号"][0] == "鄂尔多斯市人民政府关于丁挨玺等职务任免的通知"
    assert len([r for r in rows if "任字" in r]) == 3 + 8
